package net.mittoapi.sms.internal.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Waits between attempts, and stops waiting the moment the client closes.
 *
 * <p>A synchronous call sleeps on the caller's thread, which is blocked on the call anyway; {@link #close()}
 * wakes every sleeper at once. An asynchronous call must not block a thread, so its next attempt is
 * scheduled on a timer thread that belongs to one {@code MittoClient}: created on the first async retry,
 * ended after a few idle seconds. {@link #close()} runs every task still waiting at once, on the closing
 * thread (each task sees that the client is closed and ends its call with its last failure), then stops
 * the timer thread with {@code shutdownNow()}: {@code shutdown()} alone would keep the thread until the
 * last delayed task had run, up to the retry cap later. No static executor; OkHttp's own task runner is
 * internal API.
 *
 * <p>Not final: tests replace the waits to record them instead.
 */
public class RetryTimer implements AutoCloseable {

    private final CountDownLatch closedSignal = new CountDownLatch(1);
    private final Set<Pending> pending = new LinkedHashSet<>();
    private @Nullable ScheduledThreadPoolExecutor executor;
    private boolean closed;

    /** Creates a timer; its thread starts on first use. */
    public RetryTimer() {
    }

    /**
     * Blocks the calling thread until the delay has passed or the timer is closed, whichever comes first.
     *
     * @param delay how long
     * @return {@code true} when the whole delay passed, {@code false} when {@link #close()} ended it early
     * @throws InterruptedException when the thread is interrupted meanwhile
     */
    public boolean sleep(Duration delay) throws InterruptedException {
        return !closedSignal.await(delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Runs a task later without blocking the caller. A task still waiting when {@link #close()} is called
     * runs at once, on the closing thread; after {@code close()} a task runs at once on the caller's
     * thread. Either way it must check for itself whether the client was closed.
     *
     * @param delay how long to wait
     * @param task  what to run then
     * @return cancels the task if it has not started; a cancelled task never runs
     */
    public Runnable schedule(Duration delay, Runnable task) {
        Pending entry = new Pending(task);
        @Nullable ScheduledThreadPoolExecutor timer;
        synchronized (this) {
            if (closed) {
                timer = null;
            } else {
                if (executor == null) {
                    executor = newExecutor();
                }
                timer = executor;
                pending.add(entry);
            }
        }
        if (timer == null) {
            entry.run();
            return entry::cancel;
        }
        try {
            ScheduledFuture<?> future = timer.schedule(entry, delay.toNanos(), TimeUnit.NANOSECONDS);
            entry.future = future;
            if (entry.done.get()) {
                future.cancel(false); // cancelled before the future was known: take it off the timer now
            }
        } catch (RejectedExecutionException closing) {
            entry.run(); // close() raced this call; it may have run the entry already, which runs once only
        }
        return entry::cancel;
    }

    /** Wakes every sleeper, runs every waiting task at once, and stops the timer thread. Idempotent. */
    @Override
    public void close() {
        List<Pending> waiting;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            closedSignal.countDown();
            if (executor != null) {
                executor.shutdownNow();
            }
            waiting = new ArrayList<>(pending);
            pending.clear();
        }
        for (Pending entry : waiting) {
            entry.run();
        }
    }

    private synchronized void forget(Pending entry) {
        pending.remove(entry);
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

    /** A task that runs at most once, whether the timer fires it, close() runs it, or it is cancelled first. */
    private final class Pending implements Runnable {
        private final Runnable task;
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile @Nullable ScheduledFuture<?> future;

        Pending(Runnable task) {
            this.task = task;
        }

        @Override
        public void run() {
            if (done.compareAndSet(false, true)) {
                forget(this);
                task.run();
            }
        }

        void cancel() {
            if (done.compareAndSet(false, true)) {
                forget(this);
                ScheduledFuture<?> scheduled = future;
                if (scheduled != null) {
                    scheduled.cancel(false);
                }
            }
        }
    }
}
