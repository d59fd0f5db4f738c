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
import net.mittoapi.sms.MittoException;
import net.mittoapi.sms.MittoTransportException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.EventListener;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a request, retries it when that cannot send it twice, and hands the answer to {@link Answers}.
 *
 * <p><b>Knowing whether a request was written.</b> Each attempt gets its own OkHttp {@link EventListener}
 * (added to the call, so the application's own listeners keep working). OkHttp reports
 * {@code requestHeadersStart} before the first byte of the request goes to the socket. A failure before
 * that event (DNS, connect, TLS handshake, a refused executor) certainly sent nothing and may be retried;
 * a failure after it may have reached the server: never retried, reported with
 * {@code maybeDelivered() == true}. OkHttp's own {@code retryOnConnectionFailure} is off on the SDK's
 * client, since it may replay a POST whose first copy arrived.
 *
 * <p><b>Async.</b> Built on {@link Call#enqueue}: no thread waits for an answer. Cancelling the returned
 * future cancels the HTTP call in flight or the retry waiting on the {@link RetryTimer}.
 *
 * <p><b>Logging</b> (logger {@code net.mittoapi.sms.MittoClient}): one DEBUG line per attempt with method,
 * URL, status or failure, duration and attempt number, and one per retry scheduled; TRACE adds headers and bodies, with the API key
 * header redacted.
 */
public final class Transport implements AutoCloseable {

    /** The header that carries the API key. */
    public static final String KEY_HEADER = "X-Mitto-API-Key";

    private static final String MOVED_RETRY_AFTER = "X-Mitto-Sdk-Retry-After";

    /**
     * OkHttp repeats a 503 that says {@code Retry-After: 0} on its own, once, whatever
     * {@code retryOnConnectionFailure} says. That repeat is safe (a 503 was not processed) but escapes
     * {@code maxRetries} and the logs. This network interceptor, the closest to the socket, moves the header
     * of a 503 out of OkHttp's sight so that every retry is the SDK's own, counted and logged.
     */
    public static final Interceptor NO_HIDDEN_RETRY = chain -> {
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
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Reads a successful (2xx) answer into a result, or throws the {@link MittoException} it stands for. */
    @FunctionalInterface
    public interface Reader<T> {
        /**
         * @param status the HTTP status
         * @param body   the raw body
         * @return the result
         */
        T read(int status, byte[] body);
    }

    /**
     * @param http        the configured client (retryOnConnectionFailure off, redirects off)
     * @param ownsHttp    whether {@link #close()} may shut down its dispatcher and connection pool
     * @param apiKey      the key sent in {@value #KEY_HEADER}
     * @param userAgent   the User-Agent header
     * @param answers     maps answers to results and exceptions
     * @param retryPolicy decides waits
     * @param timer       waits
     */
    public Transport(OkHttpClient http, boolean ownsHttp, String apiKey, String userAgent, Answers answers,
            RetryPolicy retryPolicy, RetryTimer timer) {
        this.http = http;
        this.ownsHttp = ownsHttp;
        this.apiKey = apiKey;
        this.userAgent = userAgent;
        this.answers = answers;
        this.retryPolicy = retryPolicy;
        this.timer = timer;
    }

    /** @return the OkHttp client the calls run on */
    public OkHttpClient http() {
        return http;
    }

    /**
     * Sends a POST and waits for its result, retrying as {@link RetryPolicy} allows.
     *
     * @param url    where to
     * @param body   the JSON body
     * @param reader reads a successful answer
     * @param <T>    the result type
     * @return the result
     * @throws MittoException for every failure
     */
    public <T> T call(HttpUrl url, byte[] body, Reader<T> reader) {
        if (closed.get()) {
            throw closedException();
        }
        Request request = request(url, body);
        for (int attempt = 1; ; attempt++) {
            AttemptListener listener = new AttemptListener();
            Call call = http.newCall(request);
            call.addEventListener(listener);
            traceRequest(request, body, attempt);
            long start = System.nanoTime();
            Outcome<T> outcome;
            try (Response response = call.execute()) {
                outcome = answered(request, response, start, attempt, listener, call, reader);
            } catch (IOException e) {
                outcome = failed(request, e, start, attempt, listener, call);
            }
            if (outcome.failure == null) {
                return outcome.value;
            }
            Duration delay = nextDelay(outcome, attempt, request);
            if (delay == null) {
                throw outcome.failure;
            }
            try {
                timer.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw outcome.failure;
            }
            if (closed.get()) {
                throw outcome.failure; // closed while waiting: no new attempt, as for async calls
            }
        }
    }

    /**
     * Sends a POST without blocking; see {@link #call}.
     *
     * @param url    where to
     * @param body   the JSON body
     * @param reader reads a successful answer
     * @param <T>    the result type
     * @return the result to come; cancelling it cancels the HTTP call or the pending retry
     */
    public <T> CompletableFuture<T> callAsync(HttpUrl url, byte[] body, Reader<T> reader) {
        CompletableFuture<T> future = new CompletableFuture<>();
        if (closed.get()) {
            future.completeExceptionally(closedException());
            return future;
        }
        AsyncExchange<T> exchange = new AsyncExchange<>(request(url, body), body, reader, future);
        future.whenComplete((value, failure) -> {
            if (future.isCancelled()) {
                exchange.cancel();
            }
        });
        exchange.attempt();
        return future;
    }

    /**
     * Refuses new calls. Calls in flight finish. When the SDK created the OkHttp client, its dispatcher
     * threads end and its idle connections close; an injected client is left alone.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            timer.close();
            if (ownsHttp) {
                http.dispatcher().executorService().shutdown();
                http.connectionPool().evictAll();
            }
        }
    }

    private Request request(HttpUrl url, byte[] body) {
        return new Request.Builder()
                .url(url)
                .header(KEY_HEADER, apiKey)
                .header("User-Agent", userAgent)
                .post(RequestBody.create(body, JSON))
                .build();
    }

    private <T> Outcome<T> answered(Request request, Response response, long start, int attempt,
            AttemptListener listener, Call call, Reader<T> reader) {
        int status = response.code();
        boolean ok = response.isSuccessful();
        byte[] bytes;
        try {
            bytes = readBody(response.body(), ok ? MAX_ANSWER_BYTES : MAX_ERROR_BYTES, ok);
        } catch (IOException e) {
            return failed(request, e, start, attempt, listener, call);
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} -> {} ({} ms, attempt {})", request.method(), request.url(), status, millis(start),
                    attempt);
        }
        traceResponse(request, response, bytes);
        try {
            if (ok) {
                return Outcome.success(reader.read(status, bytes));
            }
            String header = response.header("Retry-After", response.header(MOVED_RETRY_AFTER));
            Duration retryAfter = status == 429 || status == 503 ? Answers.retryAfter(header, Instant.now()) : null;
            MittoException error = answers.error(status, bytes, retryAfter);
            return status == 429 || status == 503 ? Outcome.retryable(error, retryAfter) : Outcome.fatal(error);
        } catch (MittoException e) {
            return Outcome.fatal(e);
        }
    }

    private <T> Outcome<T> failed(Request request, IOException e, long start, int attempt,
            AttemptListener listener, Call call) {
        boolean sent = listener.requestStarted();
        boolean canceled = call.isCanceled();
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} -> failed: {} ({} ms, attempt {}, {})", request.method(), request.url(), e,
                    millis(start), attempt, sent ? "request was sent" : "request was not sent");
        }
        String what = !canceled ? "failed (" + e + ")"
                : e instanceof InterruptedIOException && "timeout".equals(e.getMessage())
                        ? "hit the call timeout" : "was canceled";
        String message = sent
                ? request.method() + " " + request.url() + " " + what + " after the request was sent: the"
                        + " server may have processed it, so do not send it again without checking"
                : request.method() + " " + request.url() + " " + what + " before the request was sent:"
                        + " nothing reached the server";
        MittoTransportException failure = new MittoTransportException(message, sent, e);
        return sent || canceled ? Outcome.fatal(failure) : Outcome.retryable(failure, null);
    }

    private Duration nextDelay(Outcome<?> outcome, int attempt, Request request) {
        if (!outcome.retryable || closed.get()) {
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

    /** The result of one attempt: a value, or a failure that may or may not be retried. */
    private static final class Outcome<T> {
        final T value;
        final MittoException failure;
        final boolean retryable;
        final Duration retryAfter;

        private Outcome(T value, MittoException failure, boolean retryable, Duration retryAfter) {
            this.value = value;
            this.failure = failure;
            this.retryable = retryable;
            this.retryAfter = retryAfter;
        }

        static <T> Outcome<T> success(T value) {
            return new Outcome<>(value, null, false, null);
        }

        static <T> Outcome<T> fatal(MittoException failure) {
            return new Outcome<>(null, failure, false, null);
        }

        static <T> Outcome<T> retryable(MittoException failure, Duration retryAfter) {
            return new Outcome<>(null, failure, true, retryAfter);
        }
    }

    /** Tells whether OkHttp began to write the request of one attempt. */
    static final class AttemptListener extends EventListener {
        private volatile boolean requestStarted;

        @Override
        public void requestHeadersStart(Call call) {
            requestStarted = true;
        }

        @Override
        public void requestBodyStart(Call call) {
            requestStarted = true;
        }

        boolean requestStarted() {
            return requestStarted;
        }
    }

    /** One asynchronous call across its attempts. */
    private final class AsyncExchange<T> {
        private final Request request;
        private final byte[] body;
        private final Reader<T> reader;
        private final CompletableFuture<T> future;
        private int attempts;
        private Call call;
        private Runnable cancelRetry;
        private MittoException lastFailure;

        AsyncExchange(Request request, byte[] body, Reader<T> reader, CompletableFuture<T> future) {
            this.request = request;
            this.body = body;
            this.reader = reader;
            this.future = future;
        }

        void attempt() {
            Call next;
            int attempt;
            AttemptListener listener = new AttemptListener();
            synchronized (this) {
                if (future.isDone()) {
                    return;
                }
                if (closed.get() && lastFailure != null) {
                    future.completeExceptionally(lastFailure);
                    return;
                }
                attempt = ++attempts;
                next = http.newCall(request);
                next.addEventListener(listener);
                call = next;
                cancelRetry = null;
            }
            traceRequest(request, body, attempt);
            long start = System.nanoTime();
            next.enqueue(new Callback() {
                @Override
                public void onResponse(Call c, Response response) {
                    Outcome<T> outcome;
                    try (response) {
                        outcome = answered(request, response, start, attempt, listener, c, reader);
                    } catch (RuntimeException | Error e) {
                        future.completeExceptionally(e);
                        throw e;
                    }
                    settle(outcome, attempt);
                }

                @Override
                public void onFailure(Call c, IOException e) {
                    settle(failed(request, e, start, attempt, listener, c), attempt);
                }
            });
        }

        private void settle(Outcome<T> outcome, int attempt) {
            if (outcome.failure == null) {
                future.complete(outcome.value);
                return;
            }
            Duration delay = future.isDone() ? null : nextDelay(outcome, attempt, request);
            if (delay == null) {
                future.completeExceptionally(outcome.failure);
                return;
            }
            synchronized (this) {
                lastFailure = outcome.failure;
            }
            Runnable cancel = timer.schedule(delay, this::attempt);
            synchronized (this) {
                cancelRetry = cancel;
            }
            if (future.isDone()) {
                cancel.run(); // cancelled while scheduling: cancel() may have missed the timer task
            }
        }

        void cancel() {
            Call current;
            Runnable retry;
            synchronized (this) {
                current = call;
                retry = cancelRetry;
            }
            if (current != null) {
                current.cancel();
            }
            if (retry != null) {
                retry.run();
            }
        }
    }
}
