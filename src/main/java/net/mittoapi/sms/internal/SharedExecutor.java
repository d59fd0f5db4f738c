package net.mittoapi.sms.internal;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The SDK's view of an application's OkHttp dispatcher threads: runs the SDK's calls on them until the client
 * closes, then refuses new work without touching the application's executor.
 *
 * <p>With an injected {@code OkHttpClient}, the SDK's own {@code Dispatcher} runs on the application's
 * threads. An asynchronous call queued behind the per-host limit starts later, when a running one ends; after
 * {@code close()} it must not start at all. OkHttp turns a rejected execution into a failed call that sent
 * nothing ({@code InterruptedIOException: executor rejected}), the same as with the SDK's own executor shut
 * down, so a closed client never sends a request it had not begun.
 */
public final class SharedExecutor extends AbstractExecutorService {

    private final ExecutorService threads;
    private volatile boolean shutdown;

    /** @param threads the application's executor, never shut down by this view */
    public SharedExecutor(ExecutorService threads) {
        this.threads = threads;
    }

    @Override
    public void execute(Runnable command) {
        if (shutdown) {
            throw new RejectedExecutionException("the MittoClient is closed");
        }
        threads.execute(command);
    }

    /** Refuses new work; work already handed to the application's executor goes on. */
    @Override
    public void shutdown() {
        shutdown = true;
    }

    /** @return nothing: queued work belongs to OkHttp's dispatcher, which fails it on its next promotion */
    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    /** @return whether this view refuses work; the application's threads are none of its business */
    @Override
    public boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return shutdown;
    }
}
