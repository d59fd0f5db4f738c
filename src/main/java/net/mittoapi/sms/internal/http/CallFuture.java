package net.mittoapi.sms.internal.http;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The future an asynchronous call returns: to its caller a plain {@link CompletableFuture}, but one whose
 * outcome is decided once, by whichever side comes first, so that the outcome the listener's {@code callEnded}
 * reports is exactly the one the caller sees.
 *
 * <p><b>The race it settles.</b> The client tells the listener {@code callEnded} before it completes the future:
 * a tracing listener ends its span there, and completing first would run the caller's dependent stages before
 * {@code callEnded}. With a plain future that leaves a window: a {@code cancel()} landing while {@code callEnded}
 * runs wins, the caller gets a {@code CancellationException} (and loses the message id of a message that went
 * out), while the listener was told {@code SUCCESS}. Here one atomic state, {@code OPEN} to {@code SETTLED} or
 * {@code OPEN} to {@code CALLER}, decides who owns the outcome:
 * <ul>
 *   <li>the call takes it with {@link #settle()} before it tells the listener. From then on the caller's
 *       {@code cancel}, {@code complete} and {@code completeExceptionally} (and so {@code orTimeout},
 *       {@code completeOnTimeout} and {@code completeAsync}, which complete through them) return {@code false}
 *       and change nothing, even while {@code callEnded} runs; the call then completes the future with its
 *       result ({@link #succeed}, {@link #fail});</li>
 *   <li>the caller takes it by completing the future first, in any of those ways: the future holds what the
 *       caller put there, and the call is told to stop (the action given to {@link #onCallerCompletion}); its
 *       {@link #settle()} then returns {@code false}, and the listener is told {@code CANCELED}.</li>
 * </ul>
 * No lock is held while code of the application's runs (the listener, dependent stages).
 *
 * <p>Dependent stages are plain {@code CompletableFuture}s ({@link #newIncompleteFuture()} is not overridden):
 * completing or cancelling one of them leaves the call alone, as with any {@code CompletableFuture}.
 * {@link #obtrudeValue} and {@link #obtrudeException} force a result by definition and are left as they are.
 *
 * @param <T> the call's result
 */
final class CallFuture<T extends @Nullable Object> extends CompletableFuture<T> {

    private static final int OPEN = 0;
    private static final int SETTLED = 1;
    private static final int CALLER = 2;

    private final AtomicInteger owner = new AtomicInteger(OPEN);
    private volatile @Nullable Runnable stop;

    /**
     * @param stop what stops the call when the caller completes the future first; set before the future is
     *             handed to the caller
     */
    void onCallerCompletion(Runnable stop) {
        this.stop = stop;
    }

    /**
     * The call has its outcome and is about to tell the listener: from now on only the call completes this future.
     *
     * @return {@code true} when the call owns the outcome; {@code false} when the caller completed the future
     *         first (the call then ends as cancelled)
     */
    boolean settle() {
        return owner.compareAndSet(OPEN, SETTLED) || owner.get() == SETTLED;
    }

    /** @param value the call's result, after {@link #settle()}; {@code null} only where {@code T} allows it */
    void succeed(@Nullable T value) {
        super.complete(value);
    }

    /** @param failure the call's failure, after {@link #settle()} */
    void fail(Throwable failure) {
        super.completeExceptionally(failure);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return byCaller(() -> super.cancel(mayInterruptIfRunning));
    }

    @Override
    public boolean complete(T value) {
        return byCaller(() -> super.complete(value));
    }

    @Override
    public boolean completeExceptionally(Throwable failure) {
        Objects.requireNonNull(failure, "failure");
        return byCaller(() -> super.completeExceptionally(failure));
    }

    /**
     * As {@link CompletableFuture#completeAsync(Supplier, Executor)}, whose own task completes the future
     * without passing through {@link #complete}: here it does, so that it counts as the caller's completion.
     */
    @Override
    public CompletableFuture<T> completeAsync(Supplier<? extends T> supplier, Executor executor) {
        Objects.requireNonNull(supplier, "supplier");
        Objects.requireNonNull(executor, "executor");
        executor.execute(() -> {
            if (isDone()) {
                return;
            }
            T value;
            try {
                value = supplier.get();
            } catch (Throwable e) {
                completeExceptionally(e);
                return;
            }
            complete(value);
        });
        return this;
    }

    /**
     * Completes the future for the caller, unless the call settled it first; the first completion by the
     * caller stops the call.
     */
    private boolean byCaller(BooleanSupplier completion) {
        if (owner.compareAndSet(OPEN, CALLER)) {
            boolean completed = completion.getAsBoolean();
            Runnable action = stop;
            if (action != null) {
                action.run();
            }
            return completed;
        }
        // Settled by the call: nothing changes. Completed by the caller already: as any future answers.
        return owner.get() == CALLER && completion.getAsBoolean();
    }
}
