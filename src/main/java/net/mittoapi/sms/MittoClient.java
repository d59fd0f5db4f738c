package net.mittoapi.sms;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import net.mittoapi.sms.internal.Answers;
import net.mittoapi.sms.internal.Codec;
import net.mittoapi.sms.internal.Endpoint;
import net.mittoapi.sms.internal.RetryPolicy;
import net.mittoapi.sms.internal.RetryTimer;
import net.mittoapi.sms.internal.SdkVersion;
import net.mittoapi.sms.internal.Transport;
import net.mittoapi.sms.internal.Validation;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

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
 * the returned future cancels the HTTP call. The future completes on an OkHttp dispatcher thread: move
 * blocking work to your own executor with {@code thenApplyAsync(…, executor)}.
 *
 * <p><b>Logging</b> goes through SLF4J to the logger {@code net.mittoapi.sms.MittoClient}: one DEBUG line per
 * attempt (method, URL, status, duration, attempt) and one per retry it schedules (the wait); TRACE adds headers and bodies (message texts and
 * numbers included), with the API key redacted. The key never appears in a log line, an exception
 * message or {@code toString()}.
 */
public final class MittoClient implements AutoCloseable {

    private final Transport transport;
    private final Codec codec;
    private final Answers answers;
    private final HttpUrl sendingBase;
    private final HttpUrl accountBase;
    /** Each call's URL, built once: building an {@link HttpUrl} per call cost 0.6 KB and 0.7 µs. */
    private final Map<Endpoint, HttpUrl> urls = new EnumMap<>(Endpoint.class);
    private final String description;

    private MittoClient(Builder b, String apiKey, HttpUrl sendingBase, HttpUrl accountBase, Codec codec,
            OkHttpClient http, boolean ownsHttp) {
        this.codec = codec;
        this.answers = new Answers(codec);
        this.sendingBase = sendingBase;
        this.accountBase = accountBase;
        // The one place that decides where a call goes: the region serves sending, the default the rest.
        for (Endpoint endpoint : Endpoint.values()) {
            urls.put(endpoint, endpoint.url(endpoint.sending() ? sendingBase : accountBase, codec.format()));
        }
        RetryPolicy policy = new RetryPolicy(b.maxRetries, b.retryBase, b.retryCap);
        this.transport = new Transport(http, ownsHttp, apiKey, SdkVersion.userAgent(), answers, policy,
                b.retryTimer != null ? b.retryTimer : new RetryTimer());
        this.description = "MittoClient{sendingBaseUrl=" + sendingBase + ", baseUrl=" + accountBase
                + ", format=" + codec.format() + ", maxRetries=" + b.maxRetries + ", connectTimeout="
                + b.connectTimeout + ", readTimeout=" + b.readTimeout + ", writeTimeout=" + b.writeTimeout
                + ", callTimeout=" + b.callTimeout + ", httpClient=" + (ownsHttp ? "own" : "injected") + "}";
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

    static MittoClient fromEnv(Function<String, String> environment) {
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
        return call(Endpoint.SMS, codec.encodeSms(required(request).fields()), answers::sms);
    }

    /**
     * {@link #send(SmsRequest)} without blocking.
     *
     * @param request the message
     * @return the answer to come; fails with the exceptions {@link #send(SmsRequest)} throws. Cancelling it
     *         cancels the HTTP call
     */
    public CompletableFuture<SmsResponse> sendAsync(SmsRequest request) {
        return callAsync(Endpoint.SMS, () -> codec.encodeSms(required(request).fields()), answers::sms);
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
        return call(Endpoint.SMS_BULK, codec.encodeBulk(required(request).fields()), answers::bulk);
    }

    /**
     * {@link #sendBulk(BulkSmsRequest)} without blocking.
     *
     * @param request the message and its recipients
     * @return the answer to come; cancelling it cancels the HTTP call
     */
    public CompletableFuture<BulkSmsResponse> sendBulkAsync(BulkSmsRequest request) {
        return callAsync(Endpoint.SMS_BULK, () -> codec.encodeBulk(required(request).fields()), answers::bulk);
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
        return call(Endpoint.USAGE_BY_COUNTRY, codec.encodeUsage(required(request)), answers::usage);
    }

    /**
     * {@link #usageByCountry(UsageRequest)} without blocking.
     *
     * @param request the period and, optionally, the account
     * @return the usage to come; cancelling it cancels the HTTP call
     */
    public CompletableFuture<UsageResponse> usageByCountryAsync(UsageRequest request) {
        return callAsync(Endpoint.USAGE_BY_COUNTRY, () -> codec.encodeUsage(required(request)), answers::usage);
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
        call(Endpoint.CONVERSION, codec.encodeConversion(Validation.messageId(messageId)), answers::conversion);
    }

    /**
     * {@link #reportConversion(String)} without blocking.
     *
     * @param messageId the id of the sent message
     * @return completes with {@code null} once the server took the report; cancelling it cancels the HTTP call
     */
    public CompletableFuture<Void> reportConversionAsync(String messageId) {
        return callAsync(Endpoint.CONVERSION, () -> codec.encodeConversion(Validation.messageId(messageId)),
                answers::conversion);
    }

    /**
     * Stops the client. Calls already in flight finish, though a call waiting to be retried ends with the
     * failure of its last attempt; new calls fail with a {@link MittoTransportException} that sent nothing. Releases what the client owns: the retry timer
     * and, when the SDK created the OkHttp client, its dispatcher threads and idle connections. An OkHttp
     * client passed to {@link Builder#httpClient(OkHttpClient)} stays usable. Calling it again does nothing.
     */
    @Override
    public void close() {
        transport.close();
    }

    /** @return the client's settings, never the API key */
    @Override
    public String toString() {
        return description;
    }

    OkHttpClient httpClient() {
        return transport.http();
    }

    private <T> T call(Endpoint endpoint, byte[] body, Transport.Reader<T> reader) {
        return transport.call(url(endpoint), body, reader);
    }

    /** Bad input fails the future instead of throwing, as every other failure of an async call does. */
    private <T> CompletableFuture<T> callAsync(Endpoint endpoint, Supplier<byte[]> body, Transport.Reader<T> reader) {
        byte[] bytes;
        try {
            bytes = body.get();
        } catch (MittoValidationException e) {
            return CompletableFuture.failedFuture(e);
        }
        return transport.callAsync(url(endpoint), bytes, reader);
    }

    /** The call's URL, as the constructor decided it. */
    private HttpUrl url(Endpoint endpoint) {
        return urls.get(endpoint);
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
     * all. Not thread-safe; a builder may build several clients.
     */
    public static final class Builder {

        /** Concurrent calls per host on the SDK's dispatcher, instead of OkHttp's 5: bulk async sending. */
        static final int MAX_REQUESTS_PER_HOST = 64;
        static final int MAX_REQUESTS = 128;
        static final int MAX_RETRIES_LIMIT = 10;
        /** The longest timeout or retry wait: what OkHttp's millisecond timeouts can hold. */
        private static final Duration MAX_DURATION = Duration.ofMillis(Integer.MAX_VALUE);
        private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

        private String apiKey;
        private Region region = Region.DEFAULT;
        private String baseUrl;
        private Format format = Format.JSON;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration writeTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ofSeconds(60);
        private int maxRetries = 2;
        private Duration retryBase = Duration.ofMillis(500);
        private Duration retryCap = Duration.ofSeconds(30);
        private OkHttpClient httpClient;
        private ClassLoader xmlClassLoader = Codec.class.getClassLoader();
        private RetryTimer retryTimer;

        private Builder() {
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
         * @param baseUrl a base URL for every call, winning over {@link #region(Region)}: the sandbox, a
         *                proxy, a test server. Must be https, except for loopback hosts ({@code localhost},
         *                {@code 127.0.0.0/8}, {@code ::1}), since the API key must not travel in clear. A path
         *                is kept as a prefix; a query, fragment or user info is refused
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
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
        public Builder httpClient(OkHttpClient httpClient) {
            this.httpClient = httpClient;
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
         * @throws MittoValidationException when a setting is missing or not valid; the message names it and
         *                                  never contains the API key
         */
        public MittoClient build() {
            String key = checkApiKey(apiKey);
            if (region == null) {
                throw Validation.missing("region", "pass one of Region's constants, or leave the default");
            }
            if (format == null) {
                throw Validation.missing("format", "pass Format.JSON or Format.XML, or leave the default");
            }
            HttpUrl override = baseUrl == null ? null : checkBaseUrl(baseUrl);
            checkTimeout("connectTimeout", connectTimeout);
            checkTimeout("readTimeout", readTimeout);
            checkTimeout("writeTimeout", writeTimeout);
            checkTimeout("callTimeout", callTimeout);
            if (maxRetries < 0 || maxRetries > MAX_RETRIES_LIMIT) {
                throw new MittoValidationException("maxRetries must be between 0 and " + MAX_RETRIES_LIMIT
                        + "; got " + maxRetries);
            }
            if (retryBase == null || retryCap == null || retryBase.isNegative() || retryCap.compareTo(retryBase) < 0
                    || retryCap.compareTo(MAX_DURATION) > 0) {
                throw new MittoValidationException("retryBackoff must have a base of zero or more and a cap no"
                        + " shorter than the base and no longer than " + MAX_DURATION.toMillis() + " ms; got base "
                        + retryBase + " and cap " + retryCap);
            }
            Codec codec = Codec.of(format, xmlClassLoader);
            HttpUrl sending = override != null ? override : HttpUrl.get(region.baseUrl());
            HttpUrl account = override != null ? override : HttpUrl.get(Region.DEFAULT.baseUrl());
            boolean owns = httpClient == null;
            return new MittoClient(this, key, sending, account, codec, configure(httpClient), owns);
        }

        private OkHttpClient configure(OkHttpClient injected) {
            OkHttpClient.Builder http;
            Dispatcher dispatcher;
            if (injected == null) {
                http = new OkHttpClient.Builder().connectionPool(new ConnectionPool());
                dispatcher = new Dispatcher(newDispatcherExecutor());
                dispatcher.setMaxRequests(MAX_REQUESTS);
                dispatcher.setMaxRequestsPerHost(MAX_REQUESTS_PER_HOST);
            } else {
                http = injected.newBuilder();
                Dispatcher shared = injected.dispatcher();
                dispatcher = new Dispatcher(shared.executorService());
                dispatcher.setMaxRequests(Math.max(MAX_REQUESTS, shared.getMaxRequests()));
                dispatcher.setMaxRequestsPerHost(Math.max(MAX_REQUESTS_PER_HOST, shared.getMaxRequestsPerHost()));
            }
            return http.dispatcher(dispatcher)
                    .connectTimeout(connectTimeout)
                    .readTimeout(readTimeout)
                    .writeTimeout(writeTimeout)
                    .callTimeout(callTimeout)
                    .retryOnConnectionFailure(false)
                    .followRedirects(false)
                    .followSslRedirects(false)
                    .addNetworkInterceptor(Transport.NO_HIDDEN_RETRY)
                    .build();
        }

        private static ExecutorService newDispatcherExecutor() {
            AtomicInteger count = new AtomicInteger();
            return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                    runnable -> {
                        Thread thread = new Thread(runnable, "mitto-sms-dispatcher-" + count.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
        }

        private static String checkApiKey(String apiKey) {
            if (apiKey == null || apiKey.isBlank()) {
                throw new MittoValidationException("apiKey must be set to the API key of your Mitto account; it is "
                        + (apiKey == null ? "not set" : "blank") + ". Pass it to apiKey(...), or use"
                        + " MittoClient.fromEnv() with MITTO_API_KEY");
            }
            String key = apiKey.strip();
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                if (c < 0x21 || c > 0x7e) {
                    throw new MittoValidationException("apiKey must be printable ASCII without spaces, as the"
                            + " keys Mitto issues are; it has a character that is not (code " + (int) c
                            + " at position " + (i + 1) + " of " + key.length() + "). Copy the key again");
                }
            }
            return key;
        }

        private static HttpUrl checkBaseUrl(String value) {
            HttpUrl url = HttpUrl.parse(value.strip());
            if (url == null) {
                throw new MittoValidationException("baseUrl must be an absolute http or https URL such as"
                        + " https://rest.mittoapi.net; got " + Validation.show(value));
            }
            if (url.query() != null || url.fragment() != null || !url.username().isEmpty()
                    || !url.password().isEmpty()) {
                throw new MittoValidationException("baseUrl must have no query, fragment, user name or password;"
                        + " got " + Validation.show(url.redact()));
            }
            if (!url.isHttps() && !isLoopback(url.host())) {
                throw new MittoValidationException("baseUrl must use https, since the API key travels with every"
                        + " call; plain http is accepted only for loopback hosts (localhost, 127.0.0.0/8, ::1),"
                        + " such as the sandbox; got " + Validation.show(value));
            }
            return url;
        }

        static boolean isLoopback(String host) {
            return host.equalsIgnoreCase("localhost") || host.equals("::1") || IPV4_LOOPBACK.matcher(host).matches();
        }

        private static void checkTimeout(String name, Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.compareTo(MAX_DURATION) > 0) {
                throw new MittoValidationException(name + " must be zero (no timeout) or a positive duration of"
                        + " at most " + MAX_DURATION.toMillis() + " ms; got " + timeout);
            }
        }

        /** @return the settings recorded so far, never the API key */
        @Override
        public String toString() {
            return "MittoClient.Builder{apiKey=" + (apiKey == null ? "unset" : "set (redacted)") + ", region="
                    + region + ", baseUrl=" + baseUrl + ", format=" + format + ", maxRetries=" + maxRetries + "}";
        }
    }
}
