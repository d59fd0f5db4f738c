package net.mittoapi.sms;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import net.mittoapi.sms.MittoClientListener.Endpoint;
import net.mittoapi.sms.MittoClientListener.Segments;
import net.mittoapi.sms.internal.codec.Answers;
import net.mittoapi.sms.internal.validation.BuilderValidation;
import net.mittoapi.sms.internal.events.CallEvents;
import net.mittoapi.sms.internal.codec.Codec;
import net.mittoapi.sms.internal.http.HttpFamily;
import net.mittoapi.sms.internal.http.LoopbackPolicy;
import net.mittoapi.sms.internal.validation.MessageFields;
import net.mittoapi.sms.internal.http.OkHttpVersion;
import net.mittoapi.sms.internal.http.RetryPolicy;
import net.mittoapi.sms.internal.http.RetryTimer;
import net.mittoapi.sms.internal.http.Transport;
import net.mittoapi.sms.internal.http.Urls;
import net.mittoapi.sms.internal.validation.Validation;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The client of the Mitto SMS REST API: send an SMS or a bulk SMS, read usage by country, report a
 * conversion. Immutable and thread-safe: build one, share it, {@link #close()} it when the application
 * stops.
 *
 * <pre>{@code
 * try (MittoClient client = MittoClient.builder().apiKey(System.getenv("MITTO_API_KEY")).build()) {
 *     SmsResponse sent = client.send(SmsRequest.builder()
 *             .from("MITTO SMS").to("491725551234").text("Hello, World!").build());
 *     System.out.println(sent.id());
 * }
 * }</pre>
 *
 * <p><b>Errors.</b> Every failure is a {@link MittoException}: {@link MittoValidationException} before
 * anything is sent, {@link MittoApiException} when the server answered with an error (including a non-zero
 * {@code responseCode} on HTTP 200), {@link MittoTransportException} when no usable answer came back; its
 * {@link MittoTransportException#maybeDelivered()} tells whether the message may have gone out anyway.
 *
 * <p><b>Retries never send twice.</b> The API has no idempotency key, so a call is retried (up to
 * {@link Builder#maxRetries(int)} times) only when the server certainly did not process it: the
 * connection failed before any byte of the request was written, or the server answered 429 or 503. The
 * wait is the server's {@code Retry-After} when it names one, otherwise an exponential backoff with full
 * jitter; a {@code Retry-After} longer than the backoff cap ({@link Builder#retryBackoff(Duration, Duration)})
 * is not waited for: the call fails at once with the server's answer. A read timeout, a connection reset
 * after the request was written, or a 500, 502 or 504 is never retried.
 *
 * <p><b>Async.</b> Each call has an {@code …Async} twin built on OkHttp's non-blocking dispatcher; cancelling
 * the returned future (or completing it yourself, as {@code orTimeout} does) cancels the HTTP call or the
 * retry it waits for. Once the call has its result, a late {@code cancel()} returns {@code false} and the
 * result stands. The future completes on an OkHttp dispatcher thread: move blocking work to your own executor
 * with {@code thenApplyAsync(…, executor)}.
 *
 * <p><b>Observing calls.</b> A {@link MittoClientListener} set with {@link Builder#listener(MittoClientListener)}
 * sees every call, synchronous or asynchronous: its start (with the parts a send will cost, as the
 * {@link net.mittoapi.sms.segments.SegmentCalculator} predicts), each attempt, each retry, and its end with
 * the outcome, which is always the one the caller sees. For metrics and tracing; a listener that throws, an
 * exception or an error, never changes a call's outcome nor leaves it incomplete.
 *
 * <p><b>Closing.</b> {@link #close()} refuses new calls, ends every call waiting to be retried at once, and
 * releases the threads and connections the client created. Build one client for the application's lifetime:
 * a client per call works, but wastes its connection pool. For another account's key or other timeouts, derive a
 * client with {@link #newBuilder()}: it shares this one's connections and threads.
 *
 * <p><b>OkHttp 4 or 5.</b> Built with OkHttp 5, the SDK uses only API that OkHttp 4.12 has too, so an
 * application whose other dependencies bring OkHttp 4.12 (Retrofit 2, many vendor SDKs) works as well. With
 * an older OkHttp on the class path, {@link Builder#build()} fails with a message that names the fix.
 *
 * <p><b>Logging</b> goes through SLF4J to the logger {@code net.mittoapi.sms.MittoClient}: one DEBUG line per
 * attempt (method, URL, status, duration, attempt) and one per retry it schedules (the wait); TRACE adds headers and bodies (message texts and
 * numbers included), with the API key redacted. The key never appears in a log line, an exception
 * message or {@code toString()}.
 */
public final class MittoClient implements AutoCloseable {

    /** The settings the client was built with, for {@link #newBuilder()}; never handed out. */
    private final Builder settings;
    private final Transport transport;
    private final CallEvents events;
    private final Codec codec;
    private final Urls urls;
    /** The readers of answers, made once: a method reference made in each call is an object per call. */
    private final Transport.Reader<SmsResponse> smsReader;
    private final Transport.Reader<BulkSmsResponse> bulkReader;
    private final Transport.Reader<UsageResponse> usageReader;
    private final Transport.Reader<@Nullable Void> conversionReader;
    private final String description;

    private MittoClient(Builder settings, Codec codec, Answers answers, Urls urls, CallEvents events,
            Transport transport) {
        this.settings = settings;
        this.codec = codec;
        this.urls = urls;
        this.events = events;
        this.transport = transport;
        this.smsReader = answers::sms;
        this.bulkReader = answers::bulk;
        this.usageReader = answers::usage;
        this.conversionReader = answers::conversion;
        this.description = "MittoClient{sendingBaseUrl=" + urls.sendingBase() + ", baseUrl=" + urls.accountBase()
                + ", format=" + codec.format() + ", maxRetries=" + settings.maxRetries + ", connectTimeout="
                + settings.connectTimeout + ", readTimeout=" + settings.readTimeout + ", writeTimeout="
                + settings.writeTimeout + ", callTimeout=" + settings.callTimeout + ", httpClient="
                + (transport.family().injected() ? "injected" : "own")
                + (settings.listener != null ? ", listener=" + settings.listener.getClass().getName() : "")
                + (settings.maxParts != null ? ", maxParts=" + settings.maxParts : "") + "}";
    }

    /** @return a builder; only {@link Builder#apiKey(String)} is required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a client from the environment: the API key from {@code MITTO_API_KEY}, and the base URL from
     * {@code MITTO_BASE_URL} when that is set (for the sandbox or a proxy). Everything else takes its
     * default; use {@link #builder()} for more.
     *
     * @return the client
     * @throws MittoValidationException when {@code MITTO_API_KEY} is not set, or a value is not valid
     */
    public static MittoClient fromEnv() {
        return fromEnv(System::getenv);
    }

    static MittoClient fromEnv(Function<String, @Nullable String> environment) {
        String key = environment.apply("MITTO_API_KEY");
        if (key == null || key.isBlank()) {
            throw new MittoValidationException("MITTO_API_KEY must be set to the API key of your Mitto account;"
                    + " it is " + (key == null ? "not set" : "blank")
                    + ". Export it, or build the client with MittoClient.builder().apiKey(...)");
        }
        Builder builder = builder().apiKey(key);
        String baseUrl = environment.apply("MITTO_BASE_URL");
        if (baseUrl != null && !baseUrl.isBlank()) {
            builder.baseUrl(baseUrl.strip());
        }
        return builder.build();
    }

    /**
     * Sends one SMS ({@code POST /sms}), through the client's region.
     *
     * @param request the message
     * @return the server's answer, with the message id
     * @throws MittoApiException       when the server refused it (any non-zero {@code responseCode})
     * @throws MittoTransportException when no usable answer came back; see
     *                                 {@link MittoTransportException#maybeDelivered()} before sending again
     */
    public SmsResponse send(SmsRequest request) {
        byte[] body = codec.encodeSms(capped(required(request)).fields());
        return call(Endpoint.SMS, body, smsReader, forecast(request.fields(), 1));
    }

    /**
     * {@link #send(SmsRequest)} without blocking.
     *
     * @param request the message
     * @return the answer to come; fails with the exceptions {@link #send(SmsRequest)} throws. Cancelling it
     *         cancels the HTTP call
     */
    public CompletableFuture<SmsResponse> sendAsync(SmsRequest request) {
        return callAsync(Endpoint.SMS, () -> codec.encodeSms(capped(required(request)).fields()), smsReader,
                () -> forecast(request.fields(), 1));
    }

    /**
     * Sends one text to many recipients in one call ({@code POST /smsbulk}), through the client's region.
     *
     * @param request the message and its recipients
     * @return the server's answer, with one message id per recipient
     * @throws MittoApiException       when the server refused it
     * @throws MittoTransportException when no usable answer came back
     */
    public BulkSmsResponse sendBulk(BulkSmsRequest request) {
        byte[] body = codec.encodeBulk(capped(required(request)).fields());
        return call(Endpoint.SMS_BULK, body, bulkReader, forecast(request.fields(), request.fields().to().size()));
    }

    /**
     * {@link #sendBulk(BulkSmsRequest)} without blocking.
     *
     * @param request the message and its recipients
     * @return the answer to come; cancelling it cancels the HTTP call
     */
    public CompletableFuture<BulkSmsResponse> sendBulkAsync(BulkSmsRequest request) {
        return callAsync(Endpoint.SMS_BULK, () -> codec.encodeBulk(capped(required(request)).fields()), bulkReader,
                () -> forecast(request.fields(), request.fields().to().size()));
    }

    /**
     * Reads how many messages went to each country in a period, and what they cost
     * ({@code POST /usage/bycountry}). Goes to the default base URL whatever the region.
     *
     * @param request the period and, optionally, the account
     * @return the usage per country
     * @throws MittoApiException       when the server refused the request
     * @throws MittoTransportException when no usable answer came back
     */
    public UsageResponse usageByCountry(UsageRequest request) {
        return call(Endpoint.USAGE_BY_COUNTRY, codec.encodeUsage(required(request)), usageReader, null);
    }

    /**
     * {@link #usageByCountry(UsageRequest)} without blocking.
     *
     * @param request the period and, optionally, the account
     * @return the usage to come; cancelling it cancels the HTTP call
     */
    public CompletableFuture<UsageResponse> usageByCountryAsync(UsageRequest request) {
        return callAsync(Endpoint.USAGE_BY_COUNTRY, () -> codec.encodeUsage(required(request)), usageReader, null);
    }

    /**
     * Reports that a message led to a conversion ({@code POST /sms/converted}). Conversion tracking must be
     * enabled for the account by its account manager. Goes to the default base URL whatever the region.
     *
     * @param messageId the id of the sent message, as {@link SmsResponse#id()} or {@link BulkMessage#id()}
     *                  returned it
     * @throws MittoValidationException when {@code messageId} is blank
     * @throws MittoApiException        when the server refused it: 404 when no convertible message has that
     *                                  id, 400 when conversion tracking is not enabled
     * @throws MittoTransportException  when no usable answer came back
     */
    public void reportConversion(String messageId) {
        call(Endpoint.CONVERSION, codec.encodeConversion(Validation.messageId(messageId)), conversionReader, null);
    }

    /**
     * {@link #reportConversion(String)} without blocking.
     *
     * @param messageId the id of the sent message
     * @return completes with {@code null} once the server took the report; cancelling it cancels the HTTP call
     */
    public CompletableFuture<@Nullable Void> reportConversionAsync(String messageId) {
        return this.<@Nullable Void>callAsync(Endpoint.CONVERSION,
                () -> codec.encodeConversion(Validation.messageId(messageId)),
                conversionReader, null);
    }

    /**
     * Stops the client, at once:
     * <ul>
     *   <li>a call waiting to be retried (a blocked {@code send} or a pending future alike) ends at once with
     *       the failure of its last attempt, whatever wait the server asked for; no further attempt is made;</li>
     *   <li>an HTTP attempt already in flight ends as it would have (an answer, or a timeout: bounded by the
     *       client's timeouts) and is not retried; an asynchronous call still queued behind the per-host limit
     *       fails with a {@link MittoTransportException} that sent nothing;</li>
     *   <li>a new call fails with a {@link MittoTransportException} that sent nothing
     *       ({@code maybeDelivered() == false});</li>
     *   <li>every future the client returned completes, normally or with a {@link MittoException};</li>
     *   <li>what the client created is released: its retry timer thread at once and, when the SDK created the
     *       OkHttp client and no client derived with {@link #newBuilder()} (nor the one this was derived from) is
     *       still open, the dispatcher threads (as their last attempts end) and the idle connections. An
     *       OkHttp client passed to {@link Builder#httpClient(OkHttpClient)} stays usable.</li>
     *   <li>clients derived from this one with {@link #newBuilder()}, or the one this was derived from, go on
     *       working: their calls are theirs.</li>
     * </ul>
     * A listener sees the end of each call it ended ({@link MittoClientListener#callEnded}), on the closing
     * thread for calls that were waiting to be retried. Calling it again does nothing.
     */
    @Override
    public void close() {
        transport.close();
    }

    /**
     * A builder holding this client's settings (the region or base URL, format, timeouts, retries and backoff,
     * listener, injected {@code OkHttpClient}, and the API key), for a client that differs in a few: another
     * account's key, say, or other timeouts.
     *
     * <pre>{@code
     * MittoClient promotions = client.newBuilder().apiKey(promotionsKey).build();
     * }</pre>
     *
     * <p><b>What the derived client shares.</b> It uses this client's connection pool (a connection one of them
     * opened serves the other) and its dispatcher threads, and has a dispatcher of its own (its own queue and
     * limits) and a retry timer of its own. With an {@link Builder#httpClient(OkHttpClient) injected client}, pool
     * and threads are that client's, for both. A builder whose {@code httpClient(...)} is changed builds a client
     * with the pool and threads of its new setting instead. With an unchanged listener, the two clients number their
     * calls from one counter, so that the listener never sees two calls with the same number.
     *
     * <p><b>Closing.</b> Each client's {@link #close()} ends only its own calls (those waiting to be retried, those
     * queued in its dispatcher) and leaves the others working, whichever closes first: closing this client while a
     * derived one still runs is fine. The shared threads and connections are released when the last client of the
     * family (this one, those derived from it, and those derived from them) is closed; an injected
     * {@code OkHttpClient} is never shut down by the SDK. A builder taken from a client whose whole family is closed
     * still builds a working client, with a pool and threads of its own.
     *
     * @return a new builder with this client's settings; changing it changes neither this client nor other builders
     */
    public Builder newBuilder() {
        return new Builder(settings, transport.family(), events);
    }

    /** @return the client's settings, never the API key */
    @Override
    public String toString() {
        return description;
    }

    OkHttpClient httpClient() {
        return transport.http();
    }

    /** @param segments the forecast, or {@code null}; computed only when a listener is set */
    private <T extends @Nullable Object> T call(Endpoint endpoint, byte[] body, Transport.Reader<T> reader,
            @Nullable Segments segments) {
        return transport.call(endpoint, urls.get(endpoint), body, reader, segments);
    }

    /** Bad input fails the future instead of throwing, as every other failure of an async call does. */
    private <T extends @Nullable Object> CompletableFuture<T> callAsync(Endpoint endpoint, Supplier<byte[]> body,
            Transport.Reader<T> reader, @Nullable Supplier<@Nullable Segments> segments) {
        byte[] bytes;
        try {
            bytes = body.get();
        } catch (MittoValidationException e) {
            return CompletableFuture.failedFuture(e);
        }
        return transport.callAsync(endpoint, urls.get(endpoint), bytes, reader,
                segments == null || !events.enabled() ? null : segments.get());
    }

    /** What the calculator predicts a send costs, for the listener; {@code null} without one. */
    private @Nullable Segments forecast(MessageFields<?> fields, int recipients) {
        return events.forecast(fields.type().orElse(null), fields.text(), recipients);
    }

    /** The client's {@link Builder#maxParts(int)}, for a request without a cap of its own. */
    private <R extends MessageRequest<?>> R capped(R request) {
        Integer cap = settings.maxParts;
        if (cap != null && request.maxParts().isEmpty()) {
            try {
                Validation.maxParts(cap, request.text(), request.type().orElse(null));
            } catch (MittoValidationException e) {
                throw new MittoValidationException("the client's maxParts " + cap + " (MittoClient.Builder.maxParts,"
                        + " for every request without a cap of its own) refuses this message: " + e.getMessage(), e);
            }
        }
        return request;
    }

    private static <R> R required(R request) {
        if (request == null) {
            throw new MittoValidationException("request must not be null: build one with its builder(), such as"
                    + " SmsRequest.builder()");
        }
        return request;
    }

    /**
     * Configures and builds a {@link MittoClient}. Setters only record values; {@link #build()} checks them
     * all. Not thread-safe; a builder may build several clients. {@link MittoClient#newBuilder()} gives one that
     * holds a client's settings.
     */
    public static final class Builder {

        private @Nullable String apiKey;
        private Region region = Region.DEFAULT;
        private @Nullable String baseUrl;
        private Format format = Format.JSON;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration writeTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ofSeconds(60);
        private int maxRetries = 2;
        private Duration retryBase = Duration.ofMillis(500);
        private Duration retryCap = Duration.ofSeconds(30);
        private @Nullable OkHttpClient httpClient;
        private ClassLoader xmlClassLoader = Codec.class.getClassLoader();
        private @Nullable RetryTimer retryTimer;
        private @Nullable MittoClientListener listener;
        private @Nullable Integer maxParts;
        /** For a builder from {@link MittoClient#newBuilder()}: what its clients share with the original's. */
        private @Nullable HttpFamily family;
        private @Nullable CallEvents origin;

        private Builder() {
        }

        /** A copy of another builder's settings, but not its test seams' retry timer. */
        private Builder(Builder settings, @Nullable HttpFamily family, @Nullable CallEvents origin) {
            this.apiKey = settings.apiKey;
            this.region = settings.region;
            this.baseUrl = settings.baseUrl;
            this.format = settings.format;
            this.connectTimeout = settings.connectTimeout;
            this.readTimeout = settings.readTimeout;
            this.writeTimeout = settings.writeTimeout;
            this.callTimeout = settings.callTimeout;
            this.maxRetries = settings.maxRetries;
            this.retryBase = settings.retryBase;
            this.retryCap = settings.retryCap;
            this.httpClient = settings.httpClient;
            this.xmlClassLoader = settings.xmlClassLoader;
            this.listener = settings.listener;
            this.maxParts = settings.maxParts;
            this.family = family;
            this.origin = origin;
        }

        /**
         * @param apiKey the account's API key, required; sent in the {@code X-Mitto-API-Key} header and
         *               nowhere else (never logged, never in messages). Surrounding whitespace is removed.
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /**
         * @param region where to send messages; default {@link Region#DEFAULT}. Geo regions serve
         *               {@code /sms} and {@code /smsbulk}; usage and conversion calls still go to the default
         *               endpoint
         * @return this builder
         */
        public Builder region(Region region) {
            this.region = region;
            return this;
        }

        /**
         * A base URL for every call, winning over {@link #region(Region)}: the sandbox, a proxy, a test
         * server. A path is kept as a prefix; a query, fragment or user info is refused.
         *
         * <p>It must be {@code https}, since the API key travels with every call. Plain {@code http} is
         * accepted only for a host that is loopback by itself, with no resolver asked: a literal IPv4 address
         * in {@code 127.0.0.0/8} written in dotted decimal ({@code http://127.0.0.1:8080}), the IPv6 loopback
         * in any spelling ({@code http://[::1]:8080}), or exactly {@code localhost}. Names that only look like
         * loopback ({@code 127.0.0.999}, {@code 127.000.000.001}, {@code localhost.}, {@code evil.localhost})
         * are refused: a resolver or a hosts entry could send them anywhere. For such a plain-http URL the
         * client pins the resolution ({@code localhost} is 127.0.0.1 and ::1, never asked of the system's or
         * the application's resolver) and bypasses any proxy, so the key never leaves the machine. For
         * {@code https}, the resolver and proxy of an {@link #httpClient(OkHttpClient) injected client} stay
         * in force.
         *
         * @param baseUrl the base URL, such as {@code https://proxy.example.com/mitto} or the sandbox's; or
         *                {@code null} for none, the default (the region decides)
         * @return this builder
         */
        public Builder baseUrl(@Nullable String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /**
         * @param format the wire format of answers; default {@link Format#JSON}. {@link Format#XML} needs
         *               {@code com.fasterxml.jackson.dataformat:jackson-dataformat-xml} on the class path
         * @return this builder
         */
        public Builder format(Format format) {
            this.format = format;
            return this;
        }

        /**
         * @param timeout how long to wait for a connection; default 10 s, zero for none
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /**
         * @param timeout how long to wait for each read of the answer; default 30 s, zero for none. A read
         *                timeout is never retried: the message may have been sent
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        /**
         * @param timeout how long to wait for each write of the request; default 30 s, zero for none
         * @return this builder
         */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = timeout;
            return this;
        }

        /**
         * @param timeout the limit for one attempt from start to end, connection, request and answer
         *                together; default 60 s, zero for none. Waits between retries are not part of it
         * @return this builder
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = timeout;
            return this;
        }

        /**
         * @param maxRetries how many times a call may be retried when it certainly was not processed (a
         *                   connection that failed before the request was written, a 429 or 503 answer);
         *                   default 2, at most 10, 0 turns retries off
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * @param base the backoff ceiling after the first failure, doubled after each further one; default
         *             500 ms
         * @param cap  the longest wait between attempts, at most {@code Integer.MAX_VALUE} ms (about 24 days);
         *             default 30 s. A {@code Retry-After} longer than this is not waited for: the call fails
         *             with the server's wait in the exception
         * @return this builder
         */
        public Builder retryBackoff(Duration base, Duration cap) {
            this.retryBase = base;
            this.retryCap = cap;
            return this;
        }

        /**
         * Shares the application's OkHttp client: its connection pool, dispatcher threads, proxy, TLS setup,
         * interceptors and event listeners. The SDK derives its own client with
         * {@link OkHttpClient#newBuilder()}, changing only its own copy: this builder's timeouts, no
         * redirects (which would carry the key elsewhere), no automatic replay of failed requests, and a
         * dispatcher of its own that runs on the injected client's threads with a higher per-host limit.
         * {@link MittoClient#close()} leaves the injected client usable.
         *
         * <p>The injected client's interceptors see each request with its {@code X-Mitto-API-Key} header:
         * have a logging interceptor redact it ({@code HttpLoggingInterceptor.redactHeader("X-Mitto-API-Key")}).
         * The SDK's retry rules cover what it sends; an interceptor that repeats requests on its own is
         * outside them.
         *
         * @param httpClient the client to share, or {@code null} to let the SDK create one
         * @return this builder
         */
        public Builder httpClient(@Nullable OkHttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        /**
         * Observes every call, synchronous or asynchronous, for metrics or tracing: its start, each attempt,
         * each retry and its end, exactly once, with the outcome. For sends, the start and the end carry the
         * parts the {@link net.mittoapi.sms.segments.SegmentCalculator} predicts; that calculation runs only
         * when a listener is set. Whatever a listener throws (an {@link Error} included) is logged once at WARN and
         * never changes a call's outcome nor leaves it incomplete. See {@link MittoClientListener} for the events,
         * their order and their threads.
         *
         * @param listener the listener, or {@code null} for none, the default
         * @return this builder
         */
        public Builder listener(@Nullable MittoClientListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * A cap on the SMS parts of every message this client sends whose request has no cap of its own: a send
         * ({@code send}, {@code sendBulk} and their async twins) of a text that needs more parts is refused before
         * anything is sent, with the {@link MittoValidationException} that
         * {@link SmsRequest.Builder#maxParts(int)} gives in {@code build()}, its message saying the cap is the
         * client's: thrown by the blocking calls, failing the future of the async ones. Counted as that setter
         * counts (per recipient, in the encoding the message goes out in). A request's own
         * {@code maxParts(n)}, lower or higher, wins, so one long message can still go out deliberately.
         *
         * <p>For an application that wants no message over a size by accident, set once where the client is made
         * (the Spring Boot starter's {@code mitto.max-parts}). Checked at send time, not in the request's
         * {@code build()}, since a request does not know the client that will send it.
         *
         * @param maxParts 1 or more; {@link #build()} refuses less
         * @return this builder
         */
        public Builder maxParts(int maxParts) {
            this.maxParts = maxParts;
            return this;
        }

        Builder xmlClassLoader(ClassLoader loader) {
            this.xmlClassLoader = loader;
            return this;
        }

        Builder retryTimer(RetryTimer timer) {
            this.retryTimer = timer;
            return this;
        }

        /**
         * @return a new client
         * @throws MittoValidationException when a setting is missing or not valid (the message names it and
         *                                  never contains the API key), or when the OkHttp on the class path is
         *                                  older than 4.12 (the message names the version found and the fix)
         */
        public MittoClient build() {
            OkHttpVersion.check();
            String key = BuilderValidation.apiKey(apiKey);
            if (region == null) {
                throw Validation.missing("region", "pass one of Region's constants, or leave the default");
            }
            if (format == null) {
                throw Validation.missing("format", "pass Format.JSON or Format.XML, or leave the default");
            }
            HttpUrl override = baseUrl == null ? null : BuilderValidation.baseUrl(baseUrl);
            BuilderValidation.timeout("connectTimeout", connectTimeout);
            BuilderValidation.timeout("readTimeout", readTimeout);
            BuilderValidation.timeout("writeTimeout", writeTimeout);
            BuilderValidation.timeout("callTimeout", callTimeout);
            BuilderValidation.maxRetries(maxRetries);
            BuilderValidation.retryBackoff(retryBase, retryCap);
            if (maxParts != null && maxParts < 1) {
                throw new MittoValidationException("maxParts must be at least 1, the part every message costs; got "
                        + maxParts);
            }
            Codec codec = Codec.of(format, xmlClassLoader);
            Answers answers = new Answers(codec);
            Urls urls = new Urls(region, override, format);
            CallEvents events = origin != null ? origin.derive(listener) : CallEvents.of(listener);
            RetryPolicy policy = new RetryPolicy(maxRetries, retryBase, retryCap);
            HttpFamily joined = family != null ? family.join(httpClient) : null;
            HttpFamily shared = joined != null ? joined : HttpFamily.create(httpClient);
            try {
                OkHttpClient http = shared.newMember(connectTimeout, readTimeout, writeTimeout, callTimeout,
                        override == null ? null : LoopbackPolicy.pinnedDns(override));
                Transport transport = new Transport(http, shared, key, answers, policy,
                        retryTimer != null ? retryTimer : new RetryTimer(), events);
                return new MittoClient(new Builder(this, null, null), codec, answers, urls, events, transport);
            } catch (RuntimeException | Error e) {
                shared.leave(); // counted, but never built
                throw e;
            }
        }

        /** @return the settings recorded so far, never the API key */
        @Override
        public String toString() {
            return "MittoClient.Builder{apiKey=" + (apiKey == null ? "unset" : "set (redacted)") + ", region="
                    + region + ", baseUrl=" + redacted(baseUrl) + ", format=" + format + ", maxRetries=" + maxRetries
                    + (family != null ? ", derived" : "") + "}";
        }

        /** @return the base URL as given, without a password it may carry (which build() refuses) */
        private static @Nullable String redacted(@Nullable String baseUrl) {
            HttpUrl url = baseUrl == null ? null : HttpUrl.parse(baseUrl.strip());
            return url == null || url.password().isEmpty() ? baseUrl : url.redact();
        }
    }
}
