package net.mittoapi.sms.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import net.mittoapi.sms.Format;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.internal.codec.Answers;
import net.mittoapi.sms.internal.codec.Codec;
import net.mittoapi.sms.internal.validation.MessageFields;
import net.mittoapi.sms.internal.http.SdkVersion;
import net.mittoapi.sms.internal.http.Transport;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Where the time {@code MittoClient.send} spends beyond raw OkHttp goes: raw OkHttp, then raw OkHttp with each
 * thing the SDK adds to a call, one layer at a time, then {@code send} itself, every figure a ratio to raw
 * OkHttp measured by turns (as in {@link SendAllocation}: 50 calls per client per turn, order rotated, median
 * and quartiles of the per-turn ratios; and the same as a ratio to the hand-written client, the SDK's target),
 * all over one connection to a {@link LoopbackServer}, the SDK's (see
 * {@link ClientBenchmark#sameAddress}):
 * <ol>
 *   <li>{@code raw}: pre-serialized bytes posted, the answer's bytes read;</li>
 *   <li>{@code raw + the SDK's timeouts}: the same client with the SDK's default call, connect, read and write
 *       timeouts ({@link ClientBenchmark#TIMEOUTS});</li>
 *   <li>{@code hand-written}: that client with Jackson writing the body from a record and binding the answer
 *       to one, as {@link ClientBenchmark#handWritten} does: the baseline of the SDK's target;</li>
 *   <li>{@code + network interceptor}: the SDK's {@code Transport.NETWORK_INTERCEPTOR}, retries and redirects
 *       off;</li>
 *   <li>{@code + per-attempt tag}: each call's request built with a tag object, as {@code Transport} tags
 *       each attempt so that its interceptor can tell whether the request was written;</li>
 *   <li>{@code + both};</li>
 *   <li>{@code + call timeout}: the SDK's OkHttp client itself (both, and its 60-second call timeout);</li>
 *   <li>{@code + codec}: and the SDK's codec around it, {@code Codec.encodeSms} before and
 *       {@code Answers.sms} after;</li>
 *   <li>{@code mittoSend}: the real thing; what it adds to the line above is {@code MittoClient} and
 *       {@code Transport}'s own glue.</li>
 * </ol>
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar net.mittoapi.sms.benchmarks.SendDecomposition [--turns 300] [--format JSON|XML]
 * </pre>
 */
public final class SendDecomposition {

    private static final int BATCH = 50;
    private static Object sink;

    private SendDecomposition() {
    }

    /**
     * @param args {@code --turns N}, {@code --format JSON|XML} (default: both, one after the other)
     * @throws Exception when the server cannot start or a call fails
     */
    public static void main(String[] args) throws Exception {
        int turns = 300;
        Format[] formats = Format.values();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--turns":
                    turns = Integer.parseInt(args[i + 1]);
                    break;
                case "--format":
                    formats = new Format[] {Format.valueOf(args[i + 1])};
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + args[i] + "; use --turns N --format JSON|XML");
            }
        }
        System.out.printf(Locale.ROOT, "Time per call as a ratio to raw OkHttp, by turns (%d turns of %d calls each);"
                + " Java %s; %s%n%n", turns, BATCH, System.getProperty("java.version"), Machine.load());
        System.out.println("| format | client | time ÷ raw, median (p25 – p75) | time ÷ hand-written, median (p25 – p75) |");
        System.out.println("|---|---|---|---|");
        try (LoopbackServer server = LoopbackServer.startSms()) {
            for (Format format : formats) {
                run(server.baseUrl(), format, turns);
            }
        }
        System.out.printf(Locale.ROOT, "%nAfter: %s%n", Machine.load());
    }

    private static void run(String base, Format format, int turns) throws Exception {
        OkHttpClient given = new OkHttpClient();
        MittoClient client = MittoClient.builder().apiKey("benchmark-key").baseUrl(base).format(format)
                .maxRetries(0).httpClient(given).build();
        // Every layer on the SDK's connection: see ClientBenchmark.sameAddress.
        OkHttpClient plain = ClientBenchmark.sameAddress(client, given);
        OkHttpClient intercepted = plain.newBuilder().addNetworkInterceptor(Transport.NETWORK_INTERCEPTOR)
                .retryOnConnectionFailure(false).followRedirects(false).followSslRedirects(false).build();
        OkHttpClient timed = intercepted.newBuilder().callTimeout(java.time.Duration.ofSeconds(60)).build();
        OkHttpClient plainTimed = ClientBenchmark.withTimeouts(plain);
        HttpUrl url = HttpUrl.get(base + (format == Format.JSON ? "/sms.json" : "/sms.xml"));
        byte[] body = Bodies.smsRequest();
        MediaType jsonType = MediaType.get("application/json");
        String userAgent = SdkVersion.userAgent();
        Function<Object, Request> request = tag -> new Request.Builder().url(url)
                .header(Transport.KEY_HEADER, "benchmark-key").header("User-Agent", userAgent)
                .post(RequestBody.create(body, jsonType)).tag(Written.class, (Written) tag).build();
        Function<OkHttpClient, Callable<byte[]>> raw = http -> () -> {
            try (Response response = http.newCall(request.apply(null)).execute()) {
                return response.body().bytes();
            }
        };
        Function<OkHttpClient, Callable<byte[]>> listened = http -> () -> {
            try (Response response = http.newCall(request.apply(new Written())).execute()) {
                return response.body().bytes();
            }
        };
        ObjectMapper jsonMapper = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        ObjectMapper answerMapper = format == Format.JSON ? jsonMapper
                : XmlMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        Callable<ClientBenchmark.SmsAnswer> handWritten = () -> {
            byte[] json = jsonMapper.writeValueAsBytes(new ClientBenchmark.SmsBody("MITTO SMS", "491725551234",
                    "Hello, World!", "auto"));
            Request post = new Request.Builder().url(url).header(Transport.KEY_HEADER, "benchmark-key")
                    .post(RequestBody.create(json, jsonType)).build();
            try (Response response = plainTimed.newCall(post).execute()) {
                if (!response.isSuccessful()) {
                    throw new IOException("HTTP " + response.code());
                }
                ClientBenchmark.SmsAnswer answer = answerMapper.readValue(response.body().bytes(),
                        ClientBenchmark.SmsAnswer.class);
                if (answer.responseCode() != 0) {
                    throw new IOException("responseCode " + answer.responseCode());
                }
                return answer;
            }
        };
        Codec codec = Codec.of(format);
        Answers answers = new Answers(codec);
        MessageFields<String> fields = ClientBenchmark.fields();
        Callable<byte[]> sdkClient = listened.apply(timed);
        SmsRequest sms = SmsRequest.builder().from("MITTO SMS").to("491725551234").text("Hello, World!").build();
        try (client) {
            String[] names = {"raw", "raw + the SDK's timeouts", "hand-written (OkHttp + Jackson, the SDK's timeouts)",
                "+ network interceptor", "+ per-attempt tag", "+ both", "+ call timeout", "+ codec", "mittoSend"};
            Callable<?>[] clients = {raw.apply(plain), raw.apply(plainTimed), handWritten, raw.apply(intercepted),
                listened.apply(plain),
                listened.apply(intercepted), sdkClient, () -> {
                    sink = codec.encodeSms(fields);
                    return answers.sms(200, sdkClient.call());
                }, () -> client.send(sms)};
            for (int i = 0; i < 20_000; i++) {
                for (Callable<?> c : clients) {
                    sink = c.call();
                }
            }
            double[][] ratios = new double[clients.length][turns];
            double[][] handRatios = new double[clients.length][turns];
            long[] nanos = new long[clients.length];
            for (int turn = 0; turn < turns; turn++) {
                for (int k = 0; k < clients.length; k++) {
                    int c = (turn + k) % clients.length;
                    long start = System.nanoTime();
                    for (int i = 0; i < BATCH; i++) {
                        sink = clients[c].call();
                    }
                    nanos[c] = System.nanoTime() - start;
                }
                for (int c = 0; c < clients.length; c++) {
                    ratios[c][turn] = nanos[c] / (double) nanos[0];
                    handRatios[c][turn] = nanos[c] / (double) nanos[2];
                }
            }
            for (int c = 0; c < clients.length; c++) {
                double[] sorted = ratios[c];
                Arrays.sort(sorted);
                double[] hand = handRatios[c];
                Arrays.sort(hand);
                System.out.printf(Locale.ROOT, "| %s | %s | %.3f (%.3f – %.3f) | %.3f (%.3f – %.3f) |%n", format,
                        names[c], sorted[turns / 2], sorted[turns / 4], sorted[3 * turns / 4], hand[turns / 2],
                        hand[turns / 4], hand[3 * turns / 4]);
            }
        } finally {
            given.connectionPool().evictAll();
        }
    }

    /** What {@code Transport} tags each attempt with: where its interceptor notes that the request was written. */
    private static final class Written {
        volatile boolean written;
    }
}
