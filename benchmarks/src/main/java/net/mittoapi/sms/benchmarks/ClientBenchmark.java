package net.mittoapi.sms.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.mittoapi.sms.Format;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.SmsResponse;
import net.mittoapi.sms.internal.codec.Codec;
import net.mittoapi.sms.internal.validation.MessageFields;
import net.mittoapi.sms.internal.http.SdkVersion;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code MittoClient.send} costs per call against what a careful application writes instead. Four clients
 * post one SMS to the same loopback server, which answers the use-case page's {@code /sms} answer (JSON or XML)
 * on a kept-alive connection:
 * <ul>
 *   <li>{@link #handWritten}, the baseline: what an application without the SDK writes: Jackson serializes a
 *       record into the body (the same bytes the SDK writes, checked in setup), OkHttp posts it with the
 *       SDK's default timeouts ({@link #TIMEOUTS}: a call timeout of 60 s, connect 10 s, read and write 30 s,
 *       checked against the SDK's own OkHttp client in setup), Jackson (or its XmlMapper) binds the answer to a
 *       small record and the code checks its {@code responseCode};</li>
 *   <li>{@link #rawOkHttp}, the floor: OkHttp without a call timeout posting pre-serialized bytes (the very
 *       bytes the SDK writes, with the same headers) and reading the answer's bytes, nothing parsed;</li>
 *   <li>{@link #mittoSend}: {@code MittoClient.send} of a request built once; and {@link #mittoBuildAndSend},
 *       the same with {@code SmsRequest.builder()...build()} (validation) inside each call.</li>
 * </ul>
 * One thread, so the figure is the latency of one call on an idle connection. Run with {@code -prof gc}:
 * {@code gc.alloc.rate.norm} is bytes allocated per call (on JDK 17, by every thread of the JVM: the server
 * allocates nothing per request, see {@link LoopbackServer}).
 *
 * <p>{@code -p server=MOCKWEBSERVER} runs {@link #rawOkHttp} against OkHttp's MockWebServer instead, to show
 * why the benchmark brings its own server.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ClientBenchmark {

    /** The server the three clients talk to. */
    public enum Server {
        /** {@link LoopbackServer}: raw sockets, nothing allocated per request. */
        SOCKET,
        /** OkHttp's {@code mockwebserver3.MockWebServer} with a dispatcher answering every request. */
        MOCKWEBSERVER
    }

    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    /**
     * The SDK's default timeouts (see {@code MittoClient.Builder}): call, connect, read, write. A careful
     * hand-written client bounds its calls as the SDK does; OkHttp's own defaults have no call timeout.
     */
    static final Duration[] TIMEOUTS = {Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(30),
        Duration.ofSeconds(30)};

    @Param({"JSON", "XML"})
    public Format format;

    @Param({"SOCKET"})
    public Server server;

    /**
     * Not a JMH parameter: {@link SendAllocation} sets it so that every client talks over the same connection to
     * the same server thread: the raw and hand-written clients then run on {@link #sameAddress}, the SDK's own
     * OkHttp client without what the SDK adds to a call.
     */
    boolean sharedPool;

    private LoopbackServer socketServer;
    private MockWebServer mockServer;
    private HttpUrl url;
    private String userAgent;
    private byte[] preSerialized;
    private OkHttpClient okHttp;
    private OkHttpClient timedOkHttp;
    private ObjectMapper jsonMapper;
    private ObjectMapper answerMapper;
    private MittoClient client;
    private SmsRequest request;

    /** The body an application's own client writes. */
    public record SmsBody(String from, String to, String text, String type) {
    }

    /** The answer an application's own client reads. */
    public record SmsAnswer(String id, String timestamp, String to, int responseCode, int textLength,
            String responseText, boolean test) {
    }

    @Setup(Level.Trial)
    public void start() throws IOException {
        String base;
        if (server == Server.SOCKET) {
            socketServer = LoopbackServer.startSms();
            base = socketServer.baseUrl();
        } else {
            mockServer = new MockWebServer();
            byte[] jsonBody = Bodies.sms(Format.JSON);
            byte[] xmlBody = Bodies.sms(Format.XML);
            mockServer.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest recorded) {
                    boolean xml = recorded.getUrl().encodedPath().endsWith(".xml");
                    return new MockResponse.Builder().code(200)
                            .addHeader("Content-Type", Bodies.contentType(xml ? Format.XML : Format.JSON))
                            .body(new okio.Buffer().write(xml ? xmlBody : jsonBody)).build();
                }
            });
            mockServer.start();
            base = mockServer.url("/").toString().replaceAll("/$", "");
        }
        url = HttpUrl.get(base + "/sms." + (format == Format.JSON ? "json" : "xml"));
        userAgent = SdkVersion.userAgent();
        preSerialized = Bodies.smsRequest();
        okHttp = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(30))
                .build();
        jsonMapper = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        answerMapper = format == Format.JSON ? jsonMapper
                : XmlMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        client = MittoClient.builder().apiKey("benchmark-key").baseUrl(base).format(format).maxRetries(0)
                .httpClient(sharedPool ? okHttp : null).build();
        if (sharedPool) {
            okHttp = sameAddress(client, okHttp);
        }
        timedOkHttp = withTimeouts(okHttp);
        OkHttpClient sdk = sdkHttpClient(client);
        if (sdk.callTimeoutMillis() != timedOkHttp.callTimeoutMillis()
                || sdk.connectTimeoutMillis() != timedOkHttp.connectTimeoutMillis()
                || sdk.readTimeoutMillis() != timedOkHttp.readTimeoutMillis()
                || sdk.writeTimeoutMillis() != timedOkHttp.writeTimeoutMillis()) {
            throw new IllegalStateException("the hand-written client's timeouts are not the SDK's defaults");
        }
        request = newRequest();

        // The floor must send what the SDK sends, and every client must get a real answer.
        byte[] sdkBytes = Codec.of(format).encodeSms(fields());
        if (!Arrays.equals(sdkBytes, preSerialized) || !Arrays.equals(handWrittenBody(), preSerialized)) {
            throw new IllegalStateException("the pre-serialized or the hand-written body is not the SDK's: "
                    + new String(sdkBytes, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (rawOkHttp().length != Bodies.sms(format).length || !"715118ef01aa4480bbd67324a0459b0b".equals(
                handWritten().id()) || !"715118ef01aa4480bbd67324a0459b0b".equals(mittoSend().id())) {
            throw new IllegalStateException("a client did not read the answer");
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        client.close();
        okHttp.dispatcher().executorService().shutdown();
        okHttp.connectionPool().evictAll();
        if (socketServer != null) {
            socketServer.close();
        }
        if (mockServer != null) {
            mockServer.close();
        }
    }

    /** @return the answer's bytes: OkHttp with pre-serialized bytes, nothing parsed (the floor) */
    @Benchmark
    public byte[] rawOkHttp() throws IOException {
        Request post = new Request.Builder().url(url).header("X-Mitto-API-Key", "benchmark-key")
                .header("User-Agent", userAgent).post(RequestBody.create(preSerialized, JSON_TYPE)).build();
        try (Response response = okHttp.newCall(post).execute()) {
            ResponseBody body = response.body();
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code());
            }
            return body.bytes();
        }
    }

    /**
     * @return the answer bound to a record: OkHttp with the SDK's timeouts and Jackson, as a careful application
     *         would use them
     */
    @Benchmark
    public SmsAnswer handWritten() throws IOException {
        Request post = new Request.Builder().url(url).header("X-Mitto-API-Key", "benchmark-key")
                .post(RequestBody.create(handWrittenBody(), JSON_TYPE)).build();
        try (Response response = timedOkHttp.newCall(post).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code());
            }
            SmsAnswer answer = answerMapper.readValue(response.body().bytes(), SmsAnswer.class);
            if (answer.responseCode() != 0) {
                throw new IOException("responseCode " + answer.responseCode());
            }
            return answer;
        }
    }

    private byte[] handWrittenBody() throws IOException {
        return jsonMapper.writeValueAsBytes(new SmsBody("MITTO SMS", "491725551234", "Hello, World!", "auto"));
    }

    /** @return {@code MittoClient.send} of a request built once */
    @Benchmark
    public SmsResponse mittoSend() {
        return client.send(request);
    }

    /** @return {@code MittoClient.send} of a request built (and validated) in the call */
    @Benchmark
    public SmsResponse mittoBuildAndSend() {
        return client.send(newRequest());
    }

    /**
     * A plain OkHttp client that reuses the SDK's connections: the SDK's own OkHttp client (which it derives from
     * {@code base}, the injected one), with OkHttp's defaults again for what the SDK changes per call (its network
     * interceptor, the call timeout, retries on connection failure, redirects) but not for what OkHttp's connection
     * pool compares (for a plain-http loopback URL the SDK pins the resolver and turns the proxy off, so a client
     * without them would open a connection of its own, served by another server thread, and a busy machine was
     * seen to slow one such thread for a whole run).
     *
     * @param client the SDK's client
     * @param base   the OkHttp client it was given, whose dispatcher the result keeps
     * @return the raw client
     */
    static OkHttpClient sameAddress(MittoClient client, OkHttpClient base) {
        OkHttpClient.Builder raw = sdkHttpClient(client).newBuilder().dispatcher(base.dispatcher())
                .callTimeout(Duration.ZERO).retryOnConnectionFailure(true).followRedirects(true)
                .followSslRedirects(true);
        raw.networkInterceptors().clear();
        return raw.build();
    }

    /**
     * @param http a client without a call timeout
     * @return the same client (its pool and dispatcher) with the SDK's default timeouts, {@link #TIMEOUTS}
     */
    static OkHttpClient withTimeouts(OkHttpClient http) {
        return http.newBuilder().callTimeout(TIMEOUTS[0]).connectTimeout(TIMEOUTS[1]).readTimeout(TIMEOUTS[2])
                .writeTimeout(TIMEOUTS[3]).build();
    }

    /** @return the OkHttp client the SDK's client calls with */
    static OkHttpClient sdkHttpClient(MittoClient client) {
        try {
            // Package-private in the SDK (a test hook); the benchmarks run on the class path.
            java.lang.reflect.Method http = MittoClient.class.getDeclaredMethod("httpClient");
            http.setAccessible(true);
            return (OkHttpClient) http.invoke(client);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("MittoClient.httpClient() is gone: update the benchmarks", e);
        }
    }

    private static SmsRequest newRequest() {
        return SmsRequest.builder().from("MITTO SMS").to("491725551234").text("Hello, World!").build();
    }

    /** The SDK's fields of the benchmarks' message, built as {@code SmsRequest} builds them. */
    static MessageFields<String> fields() {
        MessageFields.Draft<String> draft = MessageFields.single();
        draft.from = "MITTO SMS";
        draft.to = "491725551234";
        draft.text = "Hello, World!";
        return draft.build();
    }
}
