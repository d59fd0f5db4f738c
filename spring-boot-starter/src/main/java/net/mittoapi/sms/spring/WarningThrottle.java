package net.mittoapi.sms.spring;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Lets a warning that anyone on the network can provoke (a webhook request with a wrong token) through at most
 * once per interval, so that a scan cannot flood the log: the first one at once, then the first one after each
 * interval has passed since the last one logged, which says how many were held back in between. Nothing is held
 * back in memory but a count; held-back warnings are reported with the next one let through (none comes when the
 * scan stops, and then nothing needs saying).
 *
 * <p>Time comes from a ticker of nanoseconds ({@link System#nanoTime()} in production, a test's own otherwise),
 * which only moves forward: a wall clock set back cannot silence the warning. Thread-safe.
 */
final class WarningThrottle {

    private final LongSupplier ticker;
    private final long intervalNanos;

    private boolean logged;
    private long lastLogged;
    private long heldBack;

    /**
     * @param interval the least time between two warnings let through
     * @param ticker   the current time in nanoseconds, on any origin
     */
    WarningThrottle(Duration interval, LongSupplier ticker) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, got " + interval);
        }
        this.intervalNanos = interval.toNanos();
        this.ticker = ticker;
    }

    /**
     * Asks whether a warning may be logged now.
     *
     * @return {@code -1} when it is to be held back (and is counted); otherwise how many were held back since
     *         the last one let through, which the warning should say
     */
    synchronized long admit() {
        long now = ticker.getAsLong();
        if (logged && now - lastLogged < intervalNanos) {
            heldBack++;
            return -1;
        }
        long count = heldBack;
        logged = true;
        lastLogged = now;
        heldBack = 0;
        return count;
    }
}
