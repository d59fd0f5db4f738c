package net.mittoapi.sms.sandbox;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how long a client may take to send a request and to take its answer, so that slow clients
 * (slowloris: connections that send half a header, or part of a body, and then nothing) cannot hold the
 * sandbox's handler threads.
 *
 * <p><b>Why here, and how.</b> The JDK's {@code HttpServer} reads a request's line and headers on the
 * executor it is given, before any handler runs, with blocking reads and no timeout of its own. Its
 * {@code sun.net.httpserver.maxReqTime} property would bound that, but it is read once per JVM and then
 * applies to every {@code HttpServer} of the process, the application's own included, and not at all when
 * one started before the sandbox. So the sandbox bounds its own: this class is the server's executor, and
 * runs each exchange on the sandbox's pool under a deadline. The JDK reads on a blocking
 * {@link java.nio.channels.SocketChannel}, an interruptible channel: interrupting a thread blocked in such
 * a read closes the connection and frees the thread.
 *
 * <p>An exchange starts when its first bytes arrive. Its deadline runs while the request is read (line,
 * headers, body) and again while the answer is written; it is paused in between, while the sandbox works
 * on the request or plays a {@link Fault#delay(Duration) delay}. A checker thread interrupts exchanges past
 * their deadline, at most a quarter of the limit late (and at least every second).
 */
final class SlowClientGuard implements Executor, AutoCloseable {

    private final Executor pool;
    private final long limitNanos;
    private final Map<Thread, Watch> watches = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor checker;

    SlowClientGuard(Executor pool, Duration limit) {
        this.pool = pool;
        this.limitNanos = limit.toNanos();
        this.checker = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "mitto-sandbox-slow-client-guard");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(10, Math.min(1000, limit.toMillis() / 4));
        checker.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void execute(Runnable exchange) {
        pool.execute(() -> {
            Thread thread = Thread.currentThread();
            Watch watch = new Watch(thread, System.nanoTime() + limitNanos);
            watches.put(thread, watch);
            try {
                exchange.run();
            } finally {
                watch.end();
                watches.remove(thread);
            }
        });
    }

    /**
     * Called by the handler once the request is read: pauses the deadline.
     *
     * @return false when the deadline passed while reading; the connection is then cut, and the request
     *         must be dropped without an answer
     */
    boolean requestRead() {
        Watch watch = watches.get(Thread.currentThread());
        return watch == null || watch.pause();
    }

    /** Called by the handler before it writes the answer: the deadline runs again. */
    void answering() {
        Watch watch = watches.get(Thread.currentThread());
        if (watch != null) {
            watch.resume(System.nanoTime() + limitNanos);
        }
    }

    /** Called by the handler once the answer is written: pauses the deadline. */
    void answered() {
        Watch watch = watches.get(Thread.currentThread());
        if (watch != null) {
            watch.pause();
        }
    }

    private void check() {
        long now = System.nanoTime();
        for (Watch watch : watches.values()) {
            watch.check(now);
        }
    }

    /** Stops the checker thread and returns once it has ended. */
    @Override
    public void close() {
        checker.shutdownNow();
        try {
            checker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The deadline of the exchange running on one thread. */
    private static final class Watch {
        private final Thread thread;
        /** When the running phase must be over ({@link System#nanoTime()}); meaningless while paused. */
        private long deadline;
        private boolean running = true;
        private boolean fired;

        Watch(Thread thread, long deadline) {
            this.thread = thread;
            this.deadline = deadline;
        }

        synchronized void check(long now) {
            if (running && !fired && now - deadline >= 0) {
                fired = true;
                thread.interrupt();
            }
        }

        synchronized boolean pause() {
            running = false;
            return !fired;
        }

        synchronized void resume(long deadline) {
            this.deadline = deadline;
            running = !fired;
        }

        /** The exchange is over: its thread is never interrupted again. */
        synchronized void end() {
            running = false;
        }
    }
}
