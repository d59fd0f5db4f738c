package net.mittoapi.sms.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import net.mittoapi.sms.MittoValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A local emulator of the Mitto SMS REST API: a real HTTP server on loopback that answers as the API does,
 * so that examples run and applications are tested without an account, a network or a charge.
 *
 * <pre>{@code
 * try (MittoSandbox sandbox = MittoSandbox.start()) {          // loopback, a free port, a random key
 *     MittoClient client = MittoClient.builder()
 *             .apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl()).build();
 *     client.send(SmsRequest.builder().from("MITTO SMS").to("491725551234").text("Hello, World!").build());
 *     sandbox.messages();                                       // what a real account would have sent
 *     sandbox.received();                                       // every HTTP request, in order
 * }
 * }</pre>
 *
 * <h2>What it emulates</h2>
 * The sandbox is the API's double, not a mirror of the client: its rules are written on their own from what
 * is known of the API (its use-case page, its reference pages, Mitto's own clients), never taken from the
 * client's checks. The client refuses only what no network can carry, so a request can build in the client
 * and still be refused here, as the API would refuse it: a 2-character sender such as {@code AB} goes out,
 * and comes back as responseCode 6. Where the API's behaviour is not published, the sandbox's reading is
 * named below as the assumption it is.
 * <ul>
 *   <li>{@code POST /sms}, {@code /smsbulk}, {@code /usage/bycountry} and {@code /sms/converted}, each also
 *       with a {@code .json} or {@code .xml} suffix; the bare path answers JSON. XML answers put the JSON field
 *       names as elements under {@code <SmsResponse>}, {@code <BulkSmsResponse>} or {@code <UsageResponse>},
 *       lists wrapped as {@code <messages><message>…} and {@code <usagesByCountry><usageByCountry>…}.</li>
 *   <li>The key in {@code X-Mitto-API-Key}: missing or wrong is HTTP 401
 *       {@code Invalid or no API Key specified}.</li>
 *   <li>Validation with the API's {@code responseCode}s and HTTP 400, the lowest code winning when several
 *       apply: 2 a {@code type} other than {@code GSM}, {@code Unicode}, {@code Binary} (or {@code Byte}) and
 *       {@code auto}, in any case, so that every Mitto client's spelling is taken; 3 empty {@code text}; 4 a
 *       text the type cannot carry: anything but an even number of hex digits with {@code Binary}, and
 *       characters outside the GSM 7-bit alphabet with {@code GSM}, which is also the type of a send that
 *       names none, as the API's default is GSM (an assumption: "Message text is invalid (characters not in
 *       the chosen encoding)" is the likeliest reading of code 4); 5 empty {@code from}; 6 a sender of the
 *       wrong length, by Mitto's developer guide: alphanumeric 3 to 11 characters, numeric 3 to 14 digits (a
 *       leading {@code +} not counted, an assumption), any characters; 7 no {@code to}; 8 a receiver that is
 *       not 7 to 15 digits without {@code +} or leading zero, or whose calling code no country uses. Codes 1
 *       and 9 never arise by themselves: play them with {@link Fault#responseCode(int)}. A {@code Unicode} text
 *       is taken as raw text, as the use-case page and Mitto's connector send it. A body that is not a JSON object, or a field of the wrong JSON type,
 *       is HTTP 400 with a plain-text explanation. Field names are matched ignoring case.</li>
 *   <li>Answers as the API's documentation shows them: 32 lower-case hex ids, unique among all this sandbox
 *       issued; UTC timestamps with 7 fractional digits; {@code textLength} from the SDK's segment
 *       calculator (GSM-7 septets or UTF-16 units; octets for binary), written as the documentation's quirky
 *       string {@code " 13"} on {@code test} calls and as a number otherwise; {@code test} echoed.</li>
 *   <li>Bulk: {@code to} is one comma-separated string (a JSON array is also accepted); one message per
 *       recipient, in order, duplicates kept, each with its own id. One bad recipient rejects the whole
 *       call.</li>
 *   <li>Usage by country from what it actually accepted: the country (ISO 3166-1 alpha-3) from the number's
 *       calling code, the longest prefix winning ({@code +1} is the USA unless a Canadian or Caribbean area
 *       code matches; {@code +7 6/7…} is Kazakhstan), {@code messagesCount} counting SMS parts and
 *       {@code cost} charging each part its country's price ({@link Builder#pricePerPart(BigDecimal)},
 *       0.06 by default, up to {@link #MAX_PRICE_PER_PART} with 6 decimals), written with 6 decimals as the
 *       API writes it ({@code "68.400000"}). Test messages are never counted or charged. {@code startDate} and {@code endDate}
 *       (inclusive, UTC days) are optional. {@code AccountName} is accepted and ignored: the sandbox is one
 *       account.</li>
 *   <li>{@code /sms/converted}: {@code OK} for any id the sandbox issued (see {@link #conversions()}),
 *       404 {@code No convertible message found for id "…"} otherwise.</li>
 *   <li>Any other path is 404; any method but POST on a known path is 405.</li>
 * </ul>
 *
 * <h2>Delivery reports</h2>
 * After a successful send, each message with a callback URL (the request's {@code callback}, else the account's,
 * {@link Builder#defaultCallback(String)}, changeable while running with {@link #defaultCallback(String)}) gets
 * one report, delivered asynchronously after the answer: by
 * {@link CallbackMethod#GET} ({@code ?ID=…&MCCMNC=…&STATUS=DELIVERED&ERRORCODE=0}, plus {@code &Reference=…}
 * when the send had one) or {@link CallbackMethod#POST} ({@code {"Id","MccMnc","Price","Status","ErrorCode"}},
 * plus {@code "Reference"}), as configured: {@code status} and {@code errorcode} are the placeholders Mitto's
 * chat-apps documentation names; their values are the sandbox's own, as Mitto publishes none. Template
 * placeholders in the callback URL ({@code ~msgid~}, {@code <msgid>}, {@code $msgid$}, and {@code mcc},
 * {@code mnc}, {@code rate}, {@code status}, {@code errorcode}, {@code reference}) are filled as Mitto fills
 * them. Test
 * sends get reports too (price 0.00), so that a webhook can be tried end to end. The MCCMNC is the country's
 * mobile country code with MNC {@code 01}, or {@code 00101} when unknown. Only loopback callbacks are
 * called unless {@link Builder#allowRemoteCallbacks(boolean)}: a sandbox must not surprise a host on the
 * internet. Loopback is judged from the URL alone and the report goes to exactly the address judged:
 * {@code localhost} and {@code *.localhost} are never resolved but called on 127.0.0.1 (then {@code ::1}),
 * whatever DNS or a hosts file says of them; IP literals in 127.0.0.0/8 and {@code ::1} are called as
 * written; any other host is refused without a lookup. Every attempt is recorded ({@link #deliveries()}, {@link #awaitDeliveries(int, Duration)});
 * a failed one never affects the send.
 *
 * <h2>Faults</h2>
 * {@link #enqueueFault(Fault, int)} makes the next calls answer 429, 503, 500, a chosen {@code responseCode}
 * (with HTTP 400, or with HTTP 200 as the API also answers a refused send: {@link Fault#responseCode(int, int)}),
 * a late answer, or no answer at all, for testing an application's retries and error handling.
 *
 * <h2>Standalone</h2>
 * For code in any language, the command-line tool in the repository's {@code cli/} directory runs a sandbox
 * from the shell. From a clone: {@code mvn -q -f parent install -DskipTests}, then
 * {@code java -jar cli/target/mitto-cli.jar sandbox --port 8080}. It prints the base URL, the key and a ready
 * {@code curl} line, logs one line per request, and stops on Ctrl-C; {@code sandbox --help} lists its options,
 * faults included. In JUnit 5 tests, {@link net.mittoapi.sms.sandbox.junit.MittoSandboxExtension} starts one
 * per test class (one per test for tests that run concurrently). The sandbox needs only the SDK jar, Jackson (databind, core, annotations) and the SLF4J
 * API: not OkHttp, and not jackson-dataformat-xml.
 *
 * <p>Thread-safe: requests are served by a pool of {@link Builder#threads(int)} threads (64 by default)
 * behind a backlog of {@value #BACKLOG} connections, and the recorded state is kept in lock-free
 * collections.
 *
 * <p>Slow clients: a client must send each request, headers and body, within
 * {@link Builder#requestTimeout(Duration)} of its first byte (10 s by default), and take the answer within
 * the same time again; otherwise the sandbox cuts the connection and frees the thread, so that connections
 * that send half a request and then nothing (slowloris) cannot hold every thread. The time the sandbox
 * itself takes, a {@link Fault#delay(Duration)} included, does not count. The JDK's server offers the same
 * bound as the system property {@code sun.net.httpserver.maxReqTime}, but that one is read once per JVM and
 * applies to every JDK {@code HttpServer} of the process, the application's own included (and not at all
 * when one was started before the sandbox): the sandbox therefore bounds its own connections itself, on its
 * executor, and sets no such property. Everything recorded is kept in memory until {@link #reset()}: a long-running standalone
 * sandbox grows with every request. Close it to free the port and its threads.
 *
 * <p>Latency: the JDK's HTTP server answers in two TCP writes, which Nagle's algorithm delays by the client's
 * delayed acknowledgement (about 40 ms per request on Linux). Loading this class therefore sets the system
 * property {@code sun.net.httpserver.nodelay=true} unless it is already set. The JDK reads it once, when the
 * first {@code HttpServer} of the JVM starts: if the application started one before the first sandbox, pass
 * {@code -Dsun.net.httpserver.nodelay=true} to get the sandbox's full speed.
 */
public final class MittoSandbox implements AutoCloseable {

    /** The header that carries the API key. */
    public static final String API_KEY_HEADER = "X-Mitto-API-Key";
    /** The body of every 401 answer, as the API words it. */
    public static final String UNAUTHORIZED = "Invalid or no API Key specified";
    /** The price per SMS part when none is configured: 0.06, the documentation's example rate. */
    public static final BigDecimal DEFAULT_PRICE_PER_PART = new BigDecimal("0.06");
    /**
     * The highest price per SMS part the sandbox takes: 1,000,000, in whatever currency the account bills. Real
     * prices are fractions of a unit to a few units in any currency; the bound leaves room for any of them and
     * keeps every total the sandbox can report (this price times every part it could ever count, up to
     * {@link Long#MAX_VALUE}) within 32 characters at 6 decimals, well inside what the SDK's client reads as a
     * {@code cost} or a report's {@code Price} (64 characters, at most 64 decimals).
     */
    public static final BigDecimal MAX_PRICE_PER_PART = new BigDecimal("1000000");
    /**
     * The most decimal places a price per part may have: 6, as the API writes costs ({@code "68.400000"}), so
     * that usage never rounds what the delivery reports charged.
     */
    public static final int PRICE_DECIMALS = 6;
    /** The connection backlog the server listens with. */
    public static final int BACKLOG = 1024;
    /** How long a client may take to send a request, or to take its answer, unless configured: 10 s. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private static final Duration MAX_REQUEST_TIMEOUT = Duration.ofHours(1);

    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        // The JDK server sends headers and body in two writes; with Nagle's algorithm on, the body then waits for
        // the client's delayed ACK (about 40 ms on Linux) on every keep-alive request. The JDK reads this
        // property once, when its first HttpServer is created.
        try {
            if (System.getProperty(NODELAY_PROPERTY) == null) {
                System.setProperty(NODELAY_PROPERTY, "true");
            }
        } catch (SecurityException e) {
            // left as configured
        }
    }

    private final SandboxConfig config;
    private final SandboxState state;
    private final Deliverer deliverer;
    private final Endpoints endpoints;
    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final SlowClientGuard guard;
    private final String baseUrl;
    private final AtomicBoolean closed = new AtomicBoolean();

    private MittoSandbox(SandboxConfig config) {
        this.config = config;
        this.state = new SandboxState();
        this.deliverer = new Deliverer(config.callbackMethod(), config.allowRemoteCallbacks(), config.clock());
        this.endpoints = new Endpoints(config, state, deliverer);
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(config.threads(), config.threads(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "mitto-sandbox-http-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        this.guard = new SlowClientGuard(executor, config.requestTimeout());
        InetSocketAddress address = new InetSocketAddress(config.bindAddress(), config.port());
        try {
            this.server = HttpServer.create(address, BACKLOG);
        } catch (IOException e) {
            executor.shutdownNow();
            guard.close();
            deliverer.close();
            throw new UncheckedIOException("could not listen on " + address.getHostString() + ":" + config.port()
                    + " (" + e.getMessage() + "); choose another port, or port 0 for a free one", e);
        }
        server.createContext("/", new SandboxHandler(config, state, endpoints, guard));
        server.setExecutor(guard);
        server.start();
        InetAddress bound = config.bindAddress();
        String host = bound.isAnyLocalAddress() ? "127.0.0.1"
                : bound instanceof Inet6Address ? "[" + bound.getHostAddress() + "]" : bound.getHostAddress();
        this.baseUrl = "http://" + host + ":" + server.getAddress().getPort();
    }

    /**
     * Starts a sandbox on a free loopback port, with a random API key and default settings.
     *
     * @return the running sandbox; close it when done
     * @throws UncheckedIOException when no port can be opened
     */
    public static MittoSandbox start() {
        return builder().start();
    }

    /**
     * Starts a sandbox on the given loopback port, with a random API key and default settings.
     *
     * @param port the port, or 0 for a free one
     * @return the running sandbox; close it when done
     * @throws MittoValidationException when the port is outside 0 to 65535
     * @throws UncheckedIOException     when the port is taken
     */
    public static MittoSandbox start(int port) {
        return builder().port(port).start();
    }

    /** @return a builder for a sandbox with other settings */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the URL to give {@code MittoClient.builder().baseUrl(...)}, such as {@code http://127.0.0.1:53122} */
    public String baseUrl() {
        return baseUrl;
    }

    /** @return the port the sandbox listens on */
    public int port() {
        return server.getAddress().getPort();
    }

    /** @return the API key the sandbox accepts */
    public String apiKey() {
        return config.apiKey();
    }

    /** @return how delivery reports are sent */
    public CallbackMethod callbackMethod() {
        return config.callbackMethod();
    }

    /**
     * @return the account's callback URL as it stands now: where reports of sends without a {@code callback} of
     *         their own go ({@link Builder#defaultCallback(String)}, or the last {@link #defaultCallback(String)});
     *         empty when such sends get no report
     */
    public Optional<String> defaultCallback() {
        return Optional.ofNullable(endpoints.defaultCallback());
    }

    /**
     * Changes the account's callback URL while the sandbox runs, as an account's settings can change: sends
     * answered from now on without a {@code callback} of their own report there; messages already sent keep the
     * callback they were sent with. For a URL known only once the sandbox runs, such as an application's own
     * endpoint on a port chosen at its start. {@link #reset()} keeps it.
     *
     * @param url an absolute http or https URL, placeholders such as {@code ~msgid~} allowed; {@code null} for
     *            none (such sends get no report)
     * @throws MittoValidationException when the URL is not an absolute http or https URL
     */
    public void defaultCallback(@Nullable String url) {
        if (url != null) {
            Builder.checkCallback(url);
        }
        endpoints.defaultCallback(url);
    }

    /**
     * @return every request received since the start or the last {@link #clearReceived()} / {@link #reset()},
     *         in arrival order, faulted and rejected ones included; an unmodifiable snapshot
     */
    public List<ReceivedRequest> received() {
        return state.received();
    }

    /** Forgets the requests received so far; messages, usage and queued faults stay. */
    public void clearReceived() {
        state.clearReceived();
    }

    /**
     * @return every message accepted since the start or the last {@link #reset()}, in the order they were
     *         issued (a bulk call's in recipient order); test messages included; an unmodifiable snapshot
     */
    public List<SentMessage> messages() {
        return state.sent();
    }

    /**
     * @param id an id the sandbox answered with
     * @return the message with that id, or empty when the sandbox never issued it
     */
    public Optional<SentMessage> message(@Nullable String id) {
        return Optional.ofNullable(id == null ? null : state.message(id));
    }

    /** @return the ids reported to {@code /sms/converted} and answered {@code OK}, in order */
    public List<String> conversions() {
        return state.conversions();
    }

    /**
     * Plays a fault on the next call, after any faults already queued.
     *
     * @param fault the fault
     * @throws MittoValidationException when {@code fault} is null
     */
    public void enqueueFault(Fault fault) {
        enqueueFault(fault, 1);
    }

    /**
     * Plays a fault on each of the next {@code times} calls (whatever their path), after any faults already
     * queued. A faulted call is recorded in {@link #received()} but not processed; see {@link Fault}.
     *
     * @param fault the fault
     * @param times how many calls in a row get it, 1 to 1,000,000
     * @throws MittoValidationException when {@code fault} is null or {@code times} is out of range
     */
    public void enqueueFault(Fault fault, int times) {
        if (fault == null) {
            throw new MittoValidationException("fault must not be null; use Fault.rateLimited(...),"
                    + " Fault.serviceUnavailable(), Fault.internalError(), Fault.delay(...) or Fault.dropConnection()");
        }
        if (times < 1 || times > 1_000_000) {
            throw new MittoValidationException("times must be between 1 and 1,000,000, got " + times);
        }
        state.enqueueFault(fault, times);
    }

    /** @return how many queued faults are still to be played */
    public int pendingFaults() {
        return state.pendingFaults();
    }

    /** Drops the faults not yet played. */
    public void clearFaults() {
        state.clearFaults();
    }

    /** @return every delivery report attempt finished so far, in the order they finished; a snapshot */
    public List<DeliveryAttempt> deliveries() {
        return deliverer.attempts();
    }

    /**
     * Waits until at least {@code count} delivery attempts have finished, or the timeout passes, whichever
     * comes first. Does not throw on timeout: assert on the size of what it returns.
     *
     * @param count   how many attempts to wait for
     * @param timeout the longest wait
     * @return every attempt finished so far (at least {@code count}, unless the wait timed out or the thread
     *         was interrupted)
     * @throws MittoValidationException when {@code timeout} is null or negative
     */
    public List<DeliveryAttempt> awaitDeliveries(int count, Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            throw new MittoValidationException("timeout must be zero or positive, got " + timeout);
        }
        return deliverer.await(count, timeout);
    }

    /**
     * Returns the sandbox to a fresh state: forgets received requests, messages (so usage starts from zero and
     * old ids are no longer convertible), conversions, queued faults and recorded delivery attempts. Reports
     * still in flight are recorded when they finish. Configuration (the default callback included), port and key stay.
     */
    public void reset() {
        state.reset();
        deliverer.clear();
    }

    /**
     * Stops the server (requests in flight, a {@link Fault#delay(Duration) delayed} one included, get no answer),
     * lets delivery reports in flight finish for up to two seconds, then cuts the connections of those still
     * waiting for their callback (recorded as not delivered). Returns once every thread of the sandbox has
     * ended. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        guard.close();
        try {
            // Interrupted and with their connections closed, handlers end at once; reports they submit still go.
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deliverer.close();
    }

    /** @return the base URL and a summary of the state; never the API key */
    @Override
    public String toString() {
        return "MittoSandbox[" + baseUrl + (closed.get() ? ", closed" : "") + ", callbacks " + config.callbackMethod()
                + ", " + state.received().size() + " requests received, " + state.sent().size() + " messages sent]";
    }

    /**
     * Settings for a sandbox; {@link #start()} validates them and starts it. Not thread-safe; reusable.
     */
    public static final class Builder {

        private @Nullable String apiKey;
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int port;
        private BigDecimal pricePerPart = DEFAULT_PRICE_PER_PART;
        private final Map<String, BigDecimal> pricesByCountry = new LinkedHashMap<>();
        private CallbackMethod callbackMethod = CallbackMethod.GET;
        private @Nullable String defaultCallback;
        private boolean allowRemoteCallbacks;
        private Clock clock = Clock.systemUTC();
        private int threads = 64;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private @Nullable Consumer<String> accessLog;

        private Builder() {
        }

        /**
         * @param apiKey the key clients must send; visible ASCII characters only. Default ({@code null}): a
         *               random key
         * @return this builder
         */
        public Builder apiKey(@Nullable String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /**
         * @param port the port to listen on, or 0 (the default) for a free one
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * @param bindAddress the address to listen on; default the loopback address. A wildcard address
         *                    ({@code 0.0.0.0}) serves other machines too, as in a container.
         * @return this builder
         */
        public Builder bindAddress(InetAddress bindAddress) {
            this.bindAddress = bindAddress;
            return this;
        }

        /**
         * @param pricePerPart what each SMS part costs in usage and delivery reports, for countries without a
         *                     price of their own: 0 to {@link #MAX_PRICE_PER_PART}, with at most
         *                     {@value #PRICE_DECIMALS} decimal places (trailing zeros not counted), checked by
         *                     {@link #start()}; default {@link #DEFAULT_PRICE_PER_PART}
         * @return this builder
         */
        public Builder pricePerPart(BigDecimal pricePerPart) {
            this.pricePerPart = pricePerPart;
            return this;
        }

        /**
         * @param country      ISO 3166-1 alpha-3 code, such as {@code DEU}
         * @param pricePerPart what each SMS part to that country costs, within the same bounds as
         *                     {@link #pricePerPart(BigDecimal)}
         * @return this builder
         */
        public Builder pricePerPart(String country, BigDecimal pricePerPart) {
            pricesByCountry.put(country, pricePerPart);
            return this;
        }

        /**
         * @param callbackMethod how delivery reports are sent; default {@link CallbackMethod#GET}
         * @return this builder
         */
        public Builder callbackMethod(CallbackMethod callbackMethod) {
            this.callbackMethod = callbackMethod;
            return this;
        }

        /**
         * @param defaultCallback the account's callback URL: where reports go for sends without a
         *                        {@code callback} of their own; default none ({@code null}: no reports for such
         *                        sends)
         * @return this builder
         */
        public Builder defaultCallback(@Nullable String defaultCallback) {
            this.defaultCallback = defaultCallback;
            return this;
        }

        /**
         * @param allowRemoteCallbacks whether delivery reports may go to hosts other than loopback; default
         *                             {@code false}, so that a sandbox never calls out of the machine
         * @return this builder
         */
        public Builder allowRemoteCallbacks(boolean allowRemoteCallbacks) {
            this.allowRemoteCallbacks = allowRemoteCallbacks;
            return this;
        }

        /**
         * @param clock the clock for timestamps and usage dates; default UTC system time
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * @param threads how many requests are served at once (more wait in the queue), 1 to 1024; default 64
         * @return this builder
         */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /**
         * @param requestTimeout how long a client may take to send one request (its headers and body, from
         *                       its first byte) and, separately, to take the answer: a connection over it is
         *                       cut and its thread freed, so that slow clients cannot hold the sandbox. 1 ms
         *                       to 1 hour; default {@link #DEFAULT_REQUEST_TIMEOUT}
         * @return this builder
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        /**
         * @param accessLog receives one line per request once it is answered, such as
         *                  {@code POST /sms.json -> 200 (3 ms)} ({@code dropped} instead of a status when a
         *                  {@link Fault#dropConnection()} fault closed the connection); called on the sandbox's
         *                  handler threads, in any order, so it must be thread-safe. Never carries the API key,
         *                  a query or a body. Default none ({@code null})
         * @return this builder
         */
        public Builder accessLog(@Nullable Consumer<String> accessLog) {
            this.accessLog = accessLog;
            return this;
        }

        /**
         * Validates the settings and starts the sandbox.
         *
         * @return the running sandbox; close it when done
         * @throws MittoValidationException when a setting is invalid; the message names it
         * @throws UncheckedIOException     when the port cannot be opened (taken, or not permitted)
         */
        public MittoSandbox start() {
            String key = apiKey == null ? randomKey() : apiKey;
            if (key.isEmpty() || key.length() > 256 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new MittoValidationException("apiKey must be 1 to 256 visible ASCII characters (no spaces),"
                        + " as an HTTP header carries it; got " + key.length() + " characters that are not");
            }
            if (port < 0 || port > 65535) {
                throw new MittoValidationException("port must be between 0 and 65535 (0 for a free port), got " + port);
            }
            if (bindAddress == null) {
                throw new MittoValidationException("bindAddress must not be null; use InetAddress.getLoopbackAddress()");
            }
            checkPrice("pricePerPart", pricePerPart);
            for (Map.Entry<String, BigDecimal> price : pricesByCountry.entrySet()) {
                if (price.getKey() == null || !price.getKey().matches("[A-Z]{3}")) {
                    throw new MittoValidationException("pricePerPart country must be an ISO 3166-1 alpha-3 code in"
                            + " upper case, such as DEU, got '" + price.getKey() + "'");
                }
                checkPrice("pricePerPart for " + price.getKey(), price.getValue());
            }
            if (callbackMethod == null) {
                throw new MittoValidationException("callbackMethod must be CallbackMethod.GET or CallbackMethod.POST");
            }
            if (defaultCallback != null) {
                checkCallback(defaultCallback);
            }
            if (clock == null) {
                throw new MittoValidationException("clock must not be null; use Clock.systemUTC()");
            }
            if (threads < 1 || threads > 1024) {
                throw new MittoValidationException("threads must be between 1 and 1024, got " + threads);
            }
            if (requestTimeout == null || requestTimeout.compareTo(Duration.ofMillis(1)) < 0
                    || requestTimeout.compareTo(MAX_REQUEST_TIMEOUT) > 0) {
                throw new MittoValidationException("requestTimeout must be between 1 ms and 1 hour, got "
                        + requestTimeout);
            }
            return new MittoSandbox(new SandboxConfig(key, bindAddress, port, pricePerPart, Map.copyOf(pricesByCountry),
                    callbackMethod, defaultCallback, allowRemoteCallbacks, clock, threads, requestTimeout, accessLog));
        }

        /**
         * Refuses a price the API could not serve: a negative one, one over {@link #MAX_PRICE_PER_PART}, or one
         * finer than {@value #PRICE_DECIMALS} decimals (such as {@code 1e999999999}, whose usage total cannot even
         * be written, or {@code 1e9999}, whose total the client refuses as no real cost). Cheap whatever the
         * value: the comparison and {@code stripTrailingZeros} never expand the exponent.
         */
        private static void checkPrice(String name, BigDecimal price) {
            if (price == null || price.signum() < 0) {
                throw new MittoValidationException(name + " must be zero or positive, got " + price);
            }
            if (price.compareTo(MAX_PRICE_PER_PART) > 0 || price.stripTrailingZeros().scale() > PRICE_DECIMALS) {
                String shown = price.toString();
                if (shown.length() > 40) {
                    shown = shown.substring(0, 40) + "… (" + shown.length() + " characters)";
                }
                throw new MittoValidationException(name + " must be between 0 and " + MAX_PRICE_PER_PART
                        + " (MittoSandbox.MAX_PRICE_PER_PART) with at most " + PRICE_DECIMALS + " decimal places, as"
                        + " the API writes costs (\"68.400000\"), got " + shown);
            }
        }

        private static void checkCallback(String url) {
            try {
                URI uri = new URI(url);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                    return;
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            throw new MittoValidationException("defaultCallback must be an absolute http or https URL, such as"
                    + " http://127.0.0.1:9000/reports, got '" + url + "'");
        }

        private static String randomKey() {
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            return "sandbox-" + HexFormat.of().formatHex(random);
        }
    }
}
