package net.mittoapi.sms.internal.http;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import net.mittoapi.sms.MittoClientListener.Endpoint;
import net.mittoapi.sms.MittoClientListener.RetryReason;
import net.mittoapi.sms.MittoClientListener.Segments;
import net.mittoapi.sms.MittoClientListener;
import net.mittoapi.sms.MittoException;
import net.mittoapi.sms.MittoTransportException;
import net.mittoapi.sms.internal.codec.Answers;
import net.mittoapi.sms.internal.events.CallEvents;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Sends a request, retries it when that cannot send it twice, and hands the answer to {@link Answers}.
 *
 * <p><b>What may be retried</b> is decided per attempt ({@link Outcome}): a 429 or 503 answer, or a failure before
 * any byte of the request was written, which {@link #NETWORK_INTERCEPTOR} marks on the attempt ({@link Attempt}).
 * How long to wait is {@link RetryPolicy}'s; the wait is the {@link RetryTimer}'s. OkHttp's own
 * {@code retryOnConnectionFailure} is off on the SDK's client ({@link HttpFamily}), since it may replay a POST
 * whose first copy arrived.
 *
 * <p><b>Synchronous calls</b> run their attempts on the caller's thread, which also waits between them.
 * <b>Asynchronous calls</b> are {@link AsyncExchange}s on OkHttp's non-blocking dispatcher, and return a
 * {@link CallFuture}: completing it first cancels the call.
 *
 * <p><b>Closing</b> refuses new calls and ends every call waiting to be retried at once, with its last
 * attempt's failure: the {@link RetryTimer} wakes blocked callers and runs waiting async retries on the
 * closing thread, where they see the client closed. An attempt in flight ends as OkHttp ends it (bounded by
 * the timeouts) and is not retried; a call still queued in this client's dispatcher fails without being sent.
 * The client's family ({@link HttpFamily}) releases the shared threads and connections with its last member.
 *
 * <p><b>Safety net.</b> Whatever reading an answer throws that is not a {@link MittoException} (a bug, a
 * parser's runtime exception, a stack overflow) becomes a {@link MittoTransportException} that says the
 * request was sent. Asynchronously nothing is ever rethrown into an OkHttp dispatcher thread, a timer thread or
 * {@code close()}, and the future always completes: whatever an application's {@code EventListener} throws
 * when an attempt starts ends the call as a failure that sent nothing, and the {@link MittoClientListener}
 * cannot throw at all ({@link CallEvents}). Log lines: {@link HttpLog}.
 */
public final class Transport implements AutoCloseable {

    /** The header that carries the API key. */
    public static final String KEY_HEADER = "X-Mitto-API-Key";

    /** Where {@link #NETWORK_INTERCEPTOR} puts a 503's {@code Retry-After}, out of OkHttp's sight. */
    static final String MOVED_RETRY_AFTER = "X-Mitto-Sdk-Retry-After";

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

    static final MediaType JSON = MediaType.get("application/json");
    private static final String USER_AGENT = SdkVersion.userAgent();

    private final OkHttpClient http;
    private final HttpFamily family;
    private final String apiKey;
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
     * @param http        the client's own OkHttp client, as {@link HttpFamily#newMember} made it
     *                    (retryOnConnectionFailure off, redirects off, {@link #NETWORK_INTERCEPTOR} last among its
     *                    network interceptors); its dispatcher's executor is shut down on {@link #close()}
     * @param family      what the client shares with others; left on {@link #close()}
     * @param apiKey      the key sent in {@value #KEY_HEADER}
     * @param answers     maps answers to results and exceptions
     * @param retryPolicy decides waits
     * @param timer       waits
     * @param events      reports calls to the client's listener, or {@link CallEvents#NONE}
     */
    public Transport(OkHttpClient http, HttpFamily family, String apiKey, Answers answers, RetryPolicy retryPolicy,
            RetryTimer timer, CallEvents events) {
        this.http = http;
        this.family = family;
        this.apiKey = apiKey;
        this.answers = answers;
        this.retryPolicy = retryPolicy;
        this.timer = timer;
        this.events = events;
    }

    /** @return the OkHttp client the calls run on */
    public OkHttpClient http() {
        return http;
    }

    /** @return what the client shares with the clients derived from it */
    public HttpFamily family() {
        return family;
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
                HttpLog.request(request, body, attempt, JSON);
                Outcome<T> outcome;
                try (Response response = call.execute()) {
                    outcome = answered(request, response, state, call, reader);
                } catch (IOException e) {
                    outcome = failed(request, e, state, call);
                } catch (RuntimeException e) {
                    outcome = Outcome.unexpected(request, e, state); // an application interceptor's bug, say
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
        AsyncExchange<T> exchange = new AsyncExchange<>(this, request(url, body).build(), body, reader, future, span);
        future.onCallerCompletion(exchange::cancel);
        exchange.attempt();
        return future;
    }

    /**
     * Refuses new calls and ends every call waiting to be retried, at once, with its last failure. An attempt
     * in flight ends as OkHttp ends it and is not retried; an async call still queued in this client's dispatcher
     * fails without being sent. Then the client leaves its family: the last to leave releases the dispatcher
     * threads and idle connections the SDK created; an injected client's are left alone.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            timer.close();
            // This client's dispatcher runs on a SharedExecutor view of its family's threads: shutting the view
            // fails the calls still queued without sending them, and leaves the threads to the other members.
            http.dispatcher().executorService().shutdown();
            family.leave();
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    Call newCall(Request request) {
        return http.newCall(request);
    }

    Runnable schedule(Duration delay, Runnable task) {
        return timer.schedule(delay, task);
    }

    <T extends @Nullable Object> Outcome<T> answered(Request request, Response response, Attempt attempt, Call call,
            Reader<T> reader) {
        return Outcome.answered(request, response, attempt, call, reader, answers, closed.get());
    }

    <T extends @Nullable Object> Outcome<T> failed(Request request, IOException e, Attempt attempt, Call call) {
        return Outcome.failed(request, e, attempt, call, closed.get());
    }

    /**
     * @param outcome the attempt's outcome
     * @param attempt the attempt's number
     * @param request the request, for the log line
     * @return the wait before the next attempt, or {@code null} when the outcome ends the call
     */
    @Nullable Duration nextDelay(Outcome<?> outcome, int attempt, Request request) {
        if (outcome.reason == null || closed.get()) {
            return null;
        }
        Duration delay = retryPolicy.delayBeforeRetry(attempt, outcome.retryAfter);
        if (delay != null) {
            HttpLog.retry(request, delay, attempt, retryPolicy.maxRetries());
        }
        return delay;
    }

    private Request.Builder request(HttpUrl url, byte[] body) {
        return new Request.Builder()
                .url(url)
                .header(KEY_HEADER, apiKey)
                .header("User-Agent", USER_AGENT)
                .post(RequestBody.create(body, JSON));
    }

    private static MittoTransportException closedException() {
        return new MittoTransportException("this MittoClient is closed: nothing was sent; build a new client",
                false, null);
    }
}
