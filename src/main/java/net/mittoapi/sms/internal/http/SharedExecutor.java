package net.mittoapi.sms.internal.http;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A client's view of dispatcher threads it shares: runs the client's calls on them until the client closes, then
 * refuses new work without touching the threads.
 *
 * <p>Each client has a {@code Dispatcher} of its own (its own queue and limits) running on threads it shares: its
 * family's ({@link HttpFamily}), or an injected {@code OkHttpClient}'s. An asynchronous call queued behind the
 * per-host limit starts later, when a running one ends; after {@code close()} it must not start at all. OkHttp
 * turns a rejected execution into a failed call that sent nothing ({@code InterruptedIOException: executor
 * rejected}), so a closed client never sends a request it had not begun, while the other clients on the same
 * threads go on. The threads themselves are shut down by their owner: the family with its last member, or the
 * application.
 */
final class SharedExecutor extends AbstractExecutorService {

    private final ExecutorService threads;
    private volatile boolean shutdown;

    /** @param threads the shared executor, never shut down by this view */
    SharedExecutor(ExecutorService threads) {
        this.threads = threads;
    }

    @Override
    public void execute(Runnable command) {
        if (shutdown) {
            throw new RejectedExecutionException("the MittoClient is closed");
        }
        threads.execute(command);
    }

    /** Refuses new work; work already handed to the shared executor goes on. */
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

    /** @return whether this view refuses work; the shared threads are none of its business */
    @Override
    public boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return shutdown;
    }
}
