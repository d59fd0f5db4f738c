package net.mittoapi.sms.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.mittoapi.sms.MittoClientListener;
import net.mittoapi.sms.MittoClientListener.Endpoint;
import net.mittoapi.sms.MittoClientListener.RetryReason;
import net.mittoapi.sms.MittoClientListener.Segments;
import net.mittoapi.sms.MittoException;
import net.mittoapi.sms.MittoTransportException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a request, retries it when that cannot send it twice, and hands the answer to {@link Answers}.
 *
 * <p><b>Knowing whether a request was written.</b> Each attempt's request carries its own {@link Attempt}
 * as a tag. {@link #NETWORK_INTERCEPTOR}, the network interceptor closest to the socket, marks the attempt
 * sent just before OkHttp writes the request's first byte: by then the connection (DNS, connect, TLS) is
 * made, and nothing else happens before the write. A failure before that mark certainly sent nothing and
 * may be retried; a failure after it may have reached the server: never retried, reported with
 * {@code maybeDelivered() == true}. The interceptor finds the attempt through
 * {@code chain.call().request()}, the request as the SDK built it, whatever the application's interceptors
 * made of it. This uses only API that OkHttp 4.12 and 5.x share, and leaves the application's own
 * {@code EventListener.Factory} in force untouched. OkHttp's own {@code retryOnConnectionFailure} is off on
 * the SDK's client, since it may replay a POST whose first copy arrived.
 *
 * <p><b>Async.</b> Built on {@link Call#enqueue}: no thread waits for an answer. The returned future is a
 * {@link CallFuture}: cancelling it (or completing it in any other way before the call ends) cancels the HTTP
 * call in flight or the retry waiting on the {@link RetryTimer}, and ends the call as {@code CANCELED}; once the
 * call has its outcome, it tells the listener {@code callEnded}, then completes the future, and a late
 * {@code cancel()} loses.
 *
 * <p><b>Closing</b> refuses new calls and ends every call waiting to be retried at once, with its last
 * attempt's failure: the {@link RetryTimer} wakes blocked callers and runs waiting async retries on the
 * closing thread, where they see the client closed. An attempt in flight ends as OkHttp ends it (bounded by
 * the timeouts) and is not retried.
 *
 * <p><b>Safety net.</b> Whatever reading an answer throws that is not a {@link MittoException} (a bug, a
 * parser's runtime exception, a stack overflow) becomes a {@link MittoTransportException} that says the
 * request was sent. Asynchronously nothing is ever rethrown into an OkHttp dispatcher thread, a timer thread or
 * {@code close()}, and the future always completes: whatever an application's {@code EventListener} throws
 * when an attempt starts ends the call as a failure that sent nothing, and the {@link MittoClientListener}
 * cannot throw at all ({@link CallEvents}).
 *
 * <p><b>Logging</b> (logger {@code net.mittoapi.sms.MittoClient}): one DEBUG line per attempt with method,
 * URL, status or failure, duration and attempt number, and one per retry scheduled; TRACE adds headers and
 * bodies, with the API key header redacted.
 */
public final class Transport implements AutoCloseable {

    /** The header that carries the API key. */
    public static final String KEY_HEADER = "X-Mitto-API-Key";

    private static final String MOVED_RETRY_AFTER = "X-Mitto-Sdk-Retry-After";

    /**
     * The SDK's network interceptor, added last so that it is the closest to the socket. It does two things:
     * <ul>
     *   <li>marks the call's {@link Attempt} as sent, just before the request is written;</li>
     *   <li>OkHttp repeats a 503 that says {@code Retry-After: 0} on its own, once, whatever
     *       {@code retryOnConnectionFailure} says. That repeat is safe (a 503 was not processed) but escapes
     *       {@code maxRetries} and the logs. The interceptor moves the header of a 503 out of OkHttp's sight so
     *       that every retry is the SDK's own, counted and logged.</li>
     * </ul>
     */
    public static final Interceptor NETWORK_INTERCEPTOR = chain -> {
        Attempt attempt = chain.call().request().tag(Attempt.class);
        if (attempt != null) {
            attempt.requestSent = true;
        }
        Response response = chain.proceed(chain.request());
        String retryAfter = response.header("Retry-After");
        if (response.code() != 503 || retryAfter == null) {
            return response;
        }
        return response.newBuilder().removeHeader("Retry-After").header(MOVED_RETRY_AFTER, retryAfter).build();
    };

    private static final Logger LOG = LoggerFactory.getLogger("net.mittoapi.sms.MittoClient");
    private static final MediaType JSON = MediaType.get("application/json");
    private static final Set<String> REDACTED = Set.of(KEY_HEADER.toLowerCase(Locale.ROOT),
            "authorization", "proxy-authorization", "cookie", "set-cookie");
    /** Successful answers larger than this are refused rather than buffered. */
    private static final long MAX_ANSWER_BYTES = 16L * 1024 * 1024;
    /** Error answers are read up to this size; {@code MittoApiException} keeps 4096 characters anyway. */
    private static final long MAX_ERROR_BYTES = 64L * 1024;

    private final OkHttpClient http;
    private final boolean ownsHttp;
    private final String apiKey;
    private final String userAgent;
    private final Answers answers;
    private final RetryPolicy retryPolicy;
    private final RetryTimer timer;
    private final CallEvents events;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Reads a successful (2xx) answer into a result, or throws the {@link MittoException} it stands for. */
    @FunctionalInterface
    public interface Reader<T extends @Nullable Object> {
        /**
         * @param status the HTTP status
         * @param body   the raw body
         * @return the result
         */
        T read(int status, byte[] body);
    }

    /**
     * @param http        the configured client (retryOnConnectionFailure off, redirects off,
     *                    {@link #NETWORK_INTERCEPTOR} last among its network interceptors)
     * @param ownsHttp    whether {@link #close()} may shut down its dispatcher and connection pool
     * @param apiKey      the key sent in {@value #KEY_HEADER}
     * @param userAgent   the User-Agent header
     * @param answers     maps answers to results and exceptions
     * @param retryPolicy decides waits
     * @param timer       waits
     * @param events      reports calls to the client's listener, or {@link CallEvents#NONE}
     */
    public Transport(OkHttpClient http, boolean ownsHttp, String apiKey, String userAgent, Answers answers,
            RetryPolicy retryPolicy, RetryTimer timer, CallEvents events) {
        this.http = http;
        this.ownsHttp = ownsHttp;
        this.apiKey = apiKey;
        this.userAgent = userAgent;
        this.answers = answers;
        this.retryPolicy = retryPolicy;
        this.timer = timer;
        this.events = events;
    }

    /** @return the OkHttp client the calls run on */
    public OkHttpClient http() {
        return http;
    }

    /**
     * Sends a POST and waits for its result, retrying as {@link RetryPolicy} allows.
     *
     * @param endpoint the API call, for the listener
     * @param url      where to
     * @param body     the JSON body
     * @param reader   reads a successful answer
     * @param segments what the calculator predicts for a send, or {@code null}
     * @param <T>      the result type
     * @return the result
     * @throws MittoException for every failure
     */
    public <T extends @Nullable Object> T call(Endpoint endpoint, HttpUrl url, byte[] body, Reader<T> reader,
            @Nullable Segments segments) {
        CallEvents.Span span = events.start(endpoint, url, segments);
        if (closed.get()) {
            MittoTransportException refused = closedException();
            span.ended(refused);
            throw refused;
        }
        Attempt first = new Attempt(1);
        Request request = request(url, body).tag(Attempt.class, first).build(); // retries copy it, retagged
        @Nullable MittoException last = null;
        try {
            for (int attempt = 1; ; attempt++) {
                Attempt state = attempt == 1 ? first : new Attempt(attempt);
                Call call = http.newCall(attempt == 1 ? request : state.tag(request));
                traceRequest(request, body, attempt);
                Outcome<T> outcome;
                try (Response response = call.execute()) {
                    outcome = answered(request, response, state, call, reader);
                } catch (IOException e) {
                    outcome = failed(request, e, state, call);
                } catch (RuntimeException e) {
                    outcome = unexpected(request, e, state); // an application interceptor's bug, say
                }
                state.ended(span, outcome);
                if (outcome.failure == null) {
                    span.ended(null);
                    return outcome.value();
                }
                last = outcome.failure;
                RetryReason reason = outcome.reason;
                Duration delay = nextDelay(outcome, attempt, request);
                if (delay == null || reason == null) { // a delay comes only with a reason
                    throw outcome.failure;
                }
                span.retryScheduled(attempt, delay, reason);
                boolean waited;
                try {
                    waited = timer.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw outcome.failure;
                }
                if (!waited || closed.get()) {
                    throw outcome.failure; // closed while waiting: no new attempt, as for async calls
                }
            }
        } catch (MittoException e) {
            span.ended(e);
            throw e;
        } catch (RuntimeException | Error e) {
            span.ended(last != null ? last : new MittoTransportException("the call ended with " + e, true, e));
            throw e;
        }
    }

    /**
     * Sends a POST without blocking; see {@link #call}.
     *
     * @param endpoint the API call, for the listener
     * @param url      where to
     * @param body     the JSON body
     * @param reader   reads a successful answer
     * @param segments what the calculator predicts for a send, or {@code null}
     * @param <T>      the result type
     * @return the result to come; cancelling it cancels the HTTP call or the pending retry
     */
    public <T extends @Nullable Object> CompletableFuture<T> callAsync(Endpoint endpoint, HttpUrl url, byte[] body,
            Reader<T> reader, @Nullable Segments segments) {
        CallEvents.Span span = events.start(endpoint, url, segments);
        CallFuture<T> future = new CallFuture<>();
        if (closed.get()) {
            MittoTransportException refused = closedException();
            future.settle(); // no one else holds the future yet
            span.ended(refused);
            future.fail(refused);
            return future;
        }
        AsyncExchange<T> exchange = new AsyncExchange<>(request(url, body).build(), body, reader, future, span);
        future.onCallerCompletion(exchange::cancel);
        exchange.attempt();
        return future;
    }

    /**
     * Refuses new calls and ends every call waiting to be retried, at once, with its last failure. An attempt
     * in flight ends as OkHttp ends it and is not retried; an async call still queued in the SDK's dispatcher
     * fails without being sent. When the SDK created the OkHttp client, its dispatcher threads end and its
     * idle connections close; an injected client is left alone.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            timer.close();
            // The SDK's dispatcher runs on its own threads or, with an injected client, on a SharedExecutor
            // view of the application's: either way, calls still queued fail without being sent.
            http.dispatcher().executorService().shutdown();
            if (ownsHttp) {
                http.connectionPool().evictAll();
            }
        }
    }

    private Request.Builder request(HttpUrl url, byte[] body) {
        return new Request.Builder()
                .url(url)
                .header(KEY_HEADER, apiKey)
                .header("User-Agent", userAgent)
                .post(RequestBody.create(body, JSON));
    }

    private <T extends @Nullable Object> Outcome<T> answered(Request request, Response response, Attempt attempt,
            Call call, Reader<T> reader) {
        attempt.requestSent = true; // an answer came: the request went out, whatever the interceptors did
        int status = response.code();
        boolean ok = response.isSuccessful();
        byte[] bytes;
        try {
            bytes = readBody(response.body(), ok ? MAX_ANSWER_BYTES : MAX_ERROR_BYTES, ok);
        } catch (IOException e) {
            return this.<T>failed(request, e, attempt, call).withStatus(status);
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} -> {} ({} ms, attempt {})", request.method(), request.url(), status,
                    millis(attempt.startNanos), attempt.number);
        }
        try {
            traceResponse(request, response, bytes);
            if (ok) {
                return Outcome.success(reader.read(status, bytes), status);
            }
            String header = response.header("Retry-After", response.header(MOVED_RETRY_AFTER));
            boolean retryable = status == 429 || status == 503;
            Duration retryAfter = retryable ? Answers.retryAfter(header, Instant.now()) : null;
            MittoException error = answers.error(status, bytes, retryAfter);
            if (!retryable) {
                return Outcome.refused(error, status);
            }
            return Outcome.retryable(error, status, retryAfter,
                    status == 429 ? RetryReason.RATE_LIMITED : RetryReason.SERVICE_UNAVAILABLE);
        } catch (MittoTransportException e) {
            return Outcome.unreadable(e, status);
        } catch (MittoException e) {
            return Outcome.refused(e, status);
        } catch (RuntimeException | StackOverflowError e) {
            MittoTransportException unreadable = new MittoTransportException(request.method() + " " + request.url()
                    + " answered HTTP " + status + ", but the answer could not be read (" + e + "): the server may"
                    + " have processed the request, so do not send it again without checking", true, e);
            return Outcome.unreadable(unreadable, status);
        }
    }

    private <T extends @Nullable Object> Outcome<T> failed(Request request, IOException e, Attempt attempt, Call call) {
        boolean sent = attempt.requestSent;
        boolean canceled = call.isCanceled();
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} -> failed: {} ({} ms, attempt {}, {})", request.method(), request.url(), e,
                    millis(attempt.startNanos), attempt.number, sent ? "request was sent" : "request was not sent");
        }
        String what = closed.get() && !sent && isRejected(e) ? "was refused because the client was closed"
                : !canceled ? "failed (" + e + ")"
                : e instanceof InterruptedIOException && "timeout".equals(e.getMessage())
                        ? "hit the call timeout" : "was canceled";
        String message = sent
                ? request.method() + " " + request.url() + " " + what + " after the request was sent: the"
                        + " server may have processed it, so do not send it again without checking"
                : request.method() + " " + request.url() + " " + what + " before the request was sent:"
                        + " nothing reached the server";
        MittoTransportException failure = new MittoTransportException(message, sent, e);
        return sent || canceled ? Outcome.failed(failure, e) : Outcome.connectionFailed(failure, e);
    }

    private <T extends @Nullable Object> Outcome<T> unexpected(Request request, Throwable e, Attempt attempt) {
        boolean sent = attempt.requestSent;
        LOG.warn("{} {} -> failed unexpectedly ({} ms, attempt {})", request.method(), request.url(),
                millis(attempt.startNanos), attempt.number, e);
        MittoTransportException failure = new MittoTransportException(request.method() + " " + request.url()
                + " failed unexpectedly (" + e + ") " + (sent ? "after the request was sent: the server may have"
                + " processed it, so do not send it again without checking" : "before the request was sent:"
                + " nothing reached the server"), sent, e);
        return Outcome.failed(failure, failure);
    }

    private static boolean isRejected(IOException e) {
        return e instanceof InterruptedIOException && "executor rejected".equals(e.getMessage());
    }

    private @Nullable Duration nextDelay(Outcome<?> outcome, int attempt, Request request) {
        if (outcome.reason == null || closed.get()) {
            return null;
        }
        Duration delay = retryPolicy.delayBeforeRetry(attempt, outcome.retryAfter);
        if (delay != null && LOG.isDebugEnabled()) {
            LOG.debug("{} {} will be retried in {} ms (retry {} of {})", request.method(), request.url(),
                    delay.toMillis(), attempt, retryPolicy.maxRetries());
        }
        return delay;
    }

    private static byte[] readBody(ResponseBody body, long limit, boolean failWhenLarger) throws IOException {
        BufferedSource source = body.source();
        boolean larger = source.request(limit + 1);
        if (larger && failWhenLarger) {
            throw new IOException("the answer is larger than " + limit + " bytes");
        }
        long size = Math.min(source.getBuffer().size(), limit);
        return source.getBuffer().readByteArray(size);
    }

    private static long millis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private static MittoTransportException closedException() {
        return new MittoTransportException("this MittoClient is closed: nothing was sent; build a new client",
                false, null);
    }

    private static void traceRequest(Request request, byte[] body, int attempt) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("--> {} {} (attempt {})\n{}Content-Type: {}\n\n{}", request.method(), request.url(), attempt,
                    headers(request.headers()), JSON, new String(body, StandardCharsets.UTF_8));
        }
    }

    private static void traceResponse(Request request, Response response, byte[] body) {
        if (LOG.isTraceEnabled()) {
            MediaType type = response.body().contentType();
            Charset charset = type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
            LOG.trace("<-- {} {} {}\n{}\n{}", response.code(), request.method(), request.url(),
                    headers(response.headers()), new String(body, charset));
        }
    }

    private static String headers(Headers headers) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            boolean secret = REDACTED.contains(name.toLowerCase(Locale.ROOT));
            out.append(name).append(": ").append(secret ? "██ (redacted)" : headers.value(i)).append('\n');
        }
        return out.toString();
    }

    /** One HTTP attempt: its number, when it began, and whether OkHttp began to write its request. */
    static final class Attempt {
        final int number;
        final long startNanos = System.nanoTime();
        volatile boolean requestSent;

        Attempt(int number) {
            this.number = number;
        }

        Request tag(Request request) {
            return request.newBuilder().tag(Attempt.class, this).build();
        }

        void ended(CallEvents.Span span, Outcome<?> outcome) {
            span.attemptEnded(number, outcome.status, outcome.attemptFailure, requestSent, startNanos);
        }
    }

    /** The result of one attempt: a value, or a failure that may or may not be retried. */
    private static final class Outcome<T extends @Nullable Object> {
        final @Nullable T value;
        final @Nullable MittoException failure;
        /** Why the attempt may be retried, or {@code null} when it may not. */
        final @Nullable RetryReason reason;
        final @Nullable Duration retryAfter;
        /** The answer's HTTP status, or -1. */
        final int status;
        /** What the listener's {@code attemptEnded} calls the failure: no usable answer came. */
        final @Nullable Throwable attemptFailure;

        private Outcome(@Nullable T value, @Nullable MittoException failure, @Nullable RetryReason reason,
                @Nullable Duration retryAfter, int status, @Nullable Throwable attemptFailure) {
            this.value = value;
            this.failure = failure;
            this.reason = reason;
            this.retryAfter = retryAfter;
            this.status = status;
            this.attemptFailure = attemptFailure;
        }

        static <T extends @Nullable Object> Outcome<T> success(T value, int status) {
            return new Outcome<>(value, null, null, null, status, null);
        }

        /** An answer that is an error: usable, whatever its status. */
        static <T extends @Nullable Object> Outcome<T> refused(MittoException error, int status) {
            return new Outcome<>(null, error, null, null, status, null);
        }

        static <T extends @Nullable Object> Outcome<T> retryable(MittoException error, int status,
                @Nullable Duration retryAfter, RetryReason reason) {
            return new Outcome<>(null, error, reason, retryAfter, status, null);
        }

        static <T extends @Nullable Object> Outcome<T> unreadable(MittoTransportException failure, int status) {
            return new Outcome<>(null, failure, null, null, status, failure);
        }

        static <T extends @Nullable Object> Outcome<T> failed(MittoTransportException failure, Throwable cause) {
            return new Outcome<>(null, failure, null, null, -1, cause);
        }

        static <T extends @Nullable Object> Outcome<T> connectionFailed(MittoTransportException failure,
                Throwable cause) {
            return new Outcome<>(null, failure, RetryReason.CONNECTION_FAILED, null, -1, cause);
        }

        /** @return the reader's result; set on every success ({@code null} there only when {@code T} is, as Void is) */
        @SuppressWarnings("NullAway") // the field is nullable for failures; a success holds the reader's T as it is
        T value() {
            return value;
        }

        Outcome<T> withStatus(int answered) {
            return new Outcome<>(value, failure, reason, retryAfter, answered, attemptFailure);
        }
    }

    /** One asynchronous call across its attempts. */
    private final class AsyncExchange<T extends @Nullable Object> {
        private final Request request;
        private final byte[] body;
        private final Reader<T> reader;
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

        AsyncExchange(Request request, byte[] body, Reader<T> reader, CallFuture<T> future,
                CallEvents.Span span) {
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
                    if (!wasCanceled && closed.get() && lastFailure != null) {
                        endWith = lastFailure;
                    } else if (!wasCanceled) {
                        state = new Attempt(++attempts);
                        current = state;
                        cancelRetry = null;
                        next = http.newCall(state.tag(request)); // runs the application's EventListener.Factory
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
                traceRequest(request, body, state.number);
                enqueue(next, state);
            } catch (Throwable e) { // the application's EventListener threw (callStart, say): nothing was sent
                Attempt failed = state != null ? state : new Attempt(attempts);
                settle(failed, unexpected(request, e, failed));
            }
        }

        private void enqueue(Call next, Attempt state) {
            next.enqueue(new Callback() {
                @Override
                public void onResponse(Call c, Response response) {
                    Outcome<T> outcome;
                    try (response) {
                        outcome = answered(request, response, state, c, reader);
                    } catch (RuntimeException | Error e) {
                        outcome = unexpected(request, e, state);
                    }
                    settle(state, outcome);
                }

                @Override
                public void onFailure(Call c, IOException e) {
                    Outcome<T> outcome;
                    try {
                        outcome = failed(request, e, state, c);
                    } catch (RuntimeException | Error bug) {
                        outcome = unexpected(request, bug, state);
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
                Duration delay = nextDelay(outcome, state.number, request);
                if (delay == null || reason == null) { // a delay comes only with a reason
                    finish(null, outcome.failure);
                    return;
                }
                synchronized (this) {
                    lastFailure = outcome.failure;
                }
                span.retryScheduled(state.number, delay, reason);
                Runnable cancel = timer.schedule(delay, this::attempt);
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
                LOG.warn("{} {}: unexpected failure while settling attempt {}", request.method(), request.url(),
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
}
