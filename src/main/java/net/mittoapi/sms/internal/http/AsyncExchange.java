package net.mittoapi.sms.internal.http;

import java.io.IOException;
import java.time.Duration;
import net.mittoapi.sms.MittoClientListener.RetryReason;
import net.mittoapi.sms.MittoException;
import net.mittoapi.sms.MittoTransportException;
import net.mittoapi.sms.internal.events.CallEvents;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * One asynchronous call across its attempts, built on {@link Call#enqueue}: no thread waits for an answer.
 *
 * <p><b>States.</b> An attempt is in flight ({@code call} set), or a retry waits on the {@link RetryTimer}
 * ({@code cancelRetry} set), or the call is {@code done}. Three sides move it, each on its own thread: OkHttp's
 * callback ({@link #settle}: the attempt ended), the timer ({@link #attempt}: the wait is over; or the closing thread,
 * which runs every waiting retry at once), and the caller ({@link #cancel}: it completed the returned
 * {@link CallFuture} itself). A lock on the exchange guards the state; no lock is held while the listener, OkHttp or
 * the caller's code runs.
 *
 * <p><b>The end.</b> {@link #finish} decides once: it takes the outcome from the future ({@link CallFuture#settle}),
 * tells the listener {@code callEnded}, then completes the future, so that a late {@code cancel()} loses and the
 * listener reports exactly what the caller sees. When the caller completed the future first, the call stops (its
 * HTTP call is cancelled, or its retry is taken off the timer) and ends as {@code CANCELED}, saying whether the
 * request may have reached the server.
 *
 * <p><b>Never throws</b> into the thread that runs it (an OkHttp dispatcher thread, the timer's, the caller's or the
 * closing one): whatever an application's {@code EventListener} throws when an attempt starts ends the call as a
 * failure that sent nothing, and any other surprise ends it as a failure that says whether the request was sent.
 *
 * @param <T> the call's result
 */
final class AsyncExchange<T extends @Nullable Object> {

    private final Transport transport;
    private final Request request;
    private final byte[] body;
    private final Transport.Reader<T> reader;
    private final CallFuture<T> future;
    private final CallEvents.Span span;
    private int attempts;
    /** The attempt in flight, or {@code null} between attempts. */
    private @Nullable Call call;
    private @Nullable Attempt current;
    private @Nullable Runnable cancelRetry;
    private @Nullable MittoException lastFailure;
    private boolean canceled;
    private boolean done;

    AsyncExchange(Transport transport, Request request, byte[] body, Transport.Reader<T> reader, CallFuture<T> future,
            CallEvents.Span span) {
        this.transport = transport;
        this.request = request;
        this.body = body;
        this.reader = reader;
        this.future = future;
        this.span = span;
    }

    /**
     * Starts the next attempt, unless the call was cancelled, or the client closed meanwhile. Never throws:
     * it runs on the caller's thread, the retry timer's, or the one closing the client.
     */
    void attempt() {
        @Nullable Call next = null;
        @Nullable Attempt state = null;
        @Nullable MittoException endWith = null;
        boolean wasCanceled;
        try {
            synchronized (this) {
                if (done) {
                    return;
                }
                wasCanceled = canceled;
                if (!wasCanceled && transport.isClosed() && lastFailure != null) {
                    endWith = lastFailure;
                } else if (!wasCanceled) {
                    state = new Attempt(++attempts);
                    current = state;
                    cancelRetry = null;
                    next = transport.newCall(state.tag(request)); // runs the application's EventListener.Factory
                    call = next;
                }
            }
            if (next == null || state == null) { // no attempt: the call was cancelled, or the client closed
                if (wasCanceled) {
                    finishCanceled(false);
                } else {
                    finish(null, endWith);
                }
                return;
            }
            HttpLog.request(request, body, state.number, Transport.JSON);
            enqueue(next, state);
        } catch (Throwable e) { // the application's EventListener threw (callStart, say): nothing was sent
            Attempt failed = state != null ? state : new Attempt(attempts);
            settle(failed, Outcome.unexpected(request, e, failed));
        }
    }

    private void enqueue(Call next, Attempt state) {
        next.enqueue(new Callback() {
            @Override
            public void onResponse(Call c, Response response) {
                Outcome<T> outcome;
                try (response) {
                    outcome = transport.answered(request, response, state, c, reader);
                } catch (RuntimeException | Error e) {
                    outcome = Outcome.unexpected(request, e, state);
                }
                settle(state, outcome);
            }

            @Override
            public void onFailure(Call c, IOException e) {
                Outcome<T> outcome;
                try {
                    outcome = transport.failed(request, e, state, c);
                } catch (RuntimeException | Error bug) {
                    outcome = Outcome.unexpected(request, bug, state);
                }
                settle(state, outcome);
            }
        });
    }

    /** Never throws: it runs on OkHttp's dispatcher threads, which an exception would kill. */
    private void settle(Attempt state, Outcome<T> outcome) {
        try {
            state.ended(span, outcome);
            boolean wasCanceled;
            synchronized (this) {
                call = null;
                wasCanceled = canceled;
            }
            if (wasCanceled) {
                finishCanceled(state.requestSent);
                return;
            }
            if (outcome.failure == null) {
                finish(outcome.value(), null);
                return;
            }
            RetryReason reason = outcome.reason;
            Duration delay = transport.nextDelay(outcome, state.number, request);
            if (delay == null || reason == null) { // a delay comes only with a reason
                finish(null, outcome.failure);
                return;
            }
            synchronized (this) {
                lastFailure = outcome.failure;
            }
            span.retryScheduled(state.number, delay, reason);
            Runnable cancel = transport.schedule(delay, this::attempt);
            boolean stop;
            synchronized (this) {
                stop = done || canceled;
                if (!stop && attempts == state.number) {
                    cancelRetry = cancel; // unless the timer already started the next attempt
                }
            }
            if (stop) {
                cancel.run(); // cancelled while scheduling: cancel() may have missed the timer task
                finishCanceled(false); // does nothing when the call ended otherwise
            }
        } catch (RuntimeException | Error e) {
            HttpLog.LOG.warn("{} {}: unexpected failure while settling attempt {}", request.method(), request.url(),
                    state.number, e);
            finish(null, new MittoTransportException(request.method() + " " + request.url() + " failed"
                    + " unexpectedly (" + e + ")", state.requestSent, e));
        }
    }

    /**
     * Ends the call with its outcome: tells the listener, then completes the future. When the caller
     * completed the future first, the call ends as the caller sees it: cancelled.
     */
    private void finish(@Nullable T value, @Nullable MittoException failure) {
        Attempt last;
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
            last = current;
        }
        if (!future.settle()) {
            span.canceled(cancellation(last != null && last.requestSent));
            return;
        }
        try {
            span.ended(failure); // never throws (CallEvents); the finally only makes the promise visible here
        } finally {
            if (failure == null) {
                future.succeed(value);
            } else {
                future.fail(failure);
            }
        }
    }

    private void finishCanceled(boolean sent) {
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
        }
        span.canceled(cancellation(sent));
    }

    private MittoTransportException cancellation(boolean sent) {
        return new MittoTransportException(request.method() + " " + request.url() + " was canceled by the caller "
                + (sent ? "after the request was sent: the server may have processed it"
                        : "before the request was sent: nothing reached the server"), sent, null);
    }

    /** The caller completed the future itself: stop the attempt in flight, or the retry waiting. */
    void cancel() {
        Call inFlight;
        Runnable retry;
        synchronized (this) {
            canceled = true;
            inFlight = call;
            retry = cancelRetry;
            cancelRetry = null;
        }
        if (inFlight != null) {
            inFlight.cancel(); // its callback ends the call, after its attemptEnded
            return;
        }
        if (retry != null) {
            retry.run();
        }
        finishCanceled(false);
    }
}
