package net.mittoapi.sms.internal.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * When to try a call again, and after how long.
 *
 * <p>The API has no idempotency key, so a call is retried only when the server certainly did not process
 * it: the connection failed before any byte of the request was written, or the server answered 429 or
 * 503. {@link Transport} decides which failures qualify; this class decides the wait:
 * <ul>
 *   <li>the server's {@code Retry-After} when it named one, as long as it is no longer than the cap (a
 *       longer wait is not shortened, which would only earn another refusal: the call fails at once and
 *       the caller sees the wait in the exception);</li>
 *   <li>otherwise exponential backoff with full jitter (a uniformly random wait between zero and
 *       {@code min(cap, base * 2^(attempt - 1))}; M. Brooker, "Exponential Backoff And Jitter", AWS
 *       Architecture Blog, 2015), which spreads the retries of many clients apart.</li>
 * </ul>
 */
public final class RetryPolicy {

    private final int maxRetries;
    private final Duration base;
    private final Duration cap;

    /**
     * @param maxRetries how many times a call may be retried, 0 for never
     * @param base       the backoff ceiling after the first failure
     * @param cap        the longest wait, for backoff and for {@code Retry-After}
     */
    public RetryPolicy(int maxRetries, Duration base, Duration cap) {
        this.maxRetries = maxRetries;
        this.base = base;
        this.cap = cap;
    }

    /** @return how many times a call may be retried */
    public int maxRetries() {
        return maxRetries;
    }

    /**
     * @param attemptsMade how many attempts failed so far, 1 or more
     * @param retryAfter   the wait the server named, or {@code null}
     * @return how long to wait before the next attempt, or {@code null} to give up
     */
    public @Nullable Duration delayBeforeRetry(int attemptsMade, @Nullable Duration retryAfter) {
        if (attemptsMade > maxRetries) {
            return null;
        }
        if (retryAfter != null) {
            return retryAfter.compareTo(cap) <= 0 ? retryAfter : null;
        }
        long ceiling = cap.toNanos();
        int doublings = attemptsMade - 1;
        if (doublings < 62 && base.toNanos() <= (ceiling >> doublings)) {
            ceiling = base.toNanos() << doublings;
        }
        return Duration.ofNanos(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }
}
