package net.mittoapi.sms.internal;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Waits between attempts. A synchronous call sleeps on the caller's thread, which is blocked on the call
 * anyway. An asynchronous call must not block a thread, so its next attempt is scheduled on a timer
 * thread that belongs to one {@code MittoClient}: created on the first async retry, ended after a few
 * idle seconds, shut down by {@code close()}. No static executor; OkHttp's own task runner is internal API.
 *
 * <p>Not final: tests replace the waits to record them instead.
 */
public class RetryTimer implements AutoCloseable {

    private ScheduledThreadPoolExecutor executor;
    private boolean closed;

    /** Creates a timer; its thread starts on first use. */
    public RetryTimer() {
    }

    /**
     * Blocks the calling thread.
     *
     * @param delay how long
     * @throws InterruptedException when the thread is interrupted meanwhile
     */
    public void sleep(Duration delay) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(delay.toNanos());
    }

    /**
     * Runs a task later without blocking the caller. After {@link #close()} the task runs at once: it must
     * check for itself whether the client was closed.
     *
     * @param delay how long to wait
     * @param task  what to run then
     * @return cancels the task if it has not started
     */
    public Runnable schedule(Duration delay, Runnable task) {
        ScheduledThreadPoolExecutor timer;
        synchronized (this) {
            if (closed) {
                timer = null;
            } else {
                if (executor == null) {
                    executor = newExecutor();
                }
                timer = executor;
            }
        }
        if (timer == null) {
            task.run();
            return () -> { };
        }
        try {
            ScheduledFuture<?> future = timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException e) {
            task.run();
            return () -> { };
        }
    }

    /** Stops the thread once the tasks already scheduled have run. */
    @Override
    public synchronized void close() {
        closed = true;
        if (executor != null) {
            executor.shutdown();
        }
    }

    private static ScheduledThreadPoolExecutor newExecutor() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "mitto-sms-retry-timer");
            thread.setDaemon(true);
            return thread;
        });
        executor.setKeepAliveTime(5, TimeUnit.SECONDS);
        executor.allowCoreThreadTimeOut(true);
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
