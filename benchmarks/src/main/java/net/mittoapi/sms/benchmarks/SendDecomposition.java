package net.mittoapi.sms.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import net.mittoapi.sms.Format;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.internal.Answers;
import net.mittoapi.sms.internal.Codec;
import net.mittoapi.sms.internal.MessageFields;
import net.mittoapi.sms.internal.SdkVersion;
import net.mittoapi.sms.internal.Transport;
import okhttp3.Call;
import okhttp3.EventListener;
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
 * and quartiles of the per-turn ratios), all over one connection to a {@link LoopbackServer}:
 * <ol>
 *   <li>{@code raw}: pre-serialized bytes posted, the answer's bytes read;</li>
 *   <li>{@code + network interceptor}: the SDK's {@code Transport.NETWORK_INTERCEPTOR}, retries and redirects off;</li>
 *   <li>{@code + per-call listener}: an {@code EventListener} added to each call, as {@code Transport} adds
 *       one to tell whether the request was written;</li>
 *   <li>{@code + both};</li>
 *   <li>{@code + both + codec}: and the SDK's codec around it, {@code Codec.encodeSms} before and
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
                + " Java %s%n%n", turns, BATCH, System.getProperty("java.version"));
        System.out.println("| format | client | time ÷ raw, median (p25 – p75) |");
        System.out.println("|---|---|---|");
        try (LoopbackServer server = LoopbackServer.startSms()) {
            for (Format format : formats) {
                run(server.baseUrl(), format, turns);
            }
        }
    }

    private static void run(String base, Format format, int turns) throws Exception {
        OkHttpClient plain = new OkHttpClient();
        OkHttpClient intercepted = plain.newBuilder().addNetworkInterceptor(Transport.NETWORK_INTERCEPTOR)
                .retryOnConnectionFailure(false).followRedirects(false).build();
        HttpUrl url = HttpUrl.get(base + (format == Format.JSON ? "/sms.json" : "/sms.xml"));
        byte[] body = Bodies.smsRequest();
        MediaType json = MediaType.get("application/json");
        String userAgent = SdkVersion.userAgent();
        Function<OkHttpClient, Request> request = client -> new Request.Builder().url(url)
                .header(Transport.KEY_HEADER, "benchmark-key").header("User-Agent", userAgent)
                .post(RequestBody.create(body, json)).build();
        Function<OkHttpClient, Callable<byte[]>> raw = client -> () -> {
            try (Response response = client.newCall(request.apply(client)).execute()) {
                return response.body().bytes();
            }
        };
        Function<OkHttpClient, Callable<byte[]>> listened = client -> () -> {
            Call call = client.newCall(request.apply(client));
            call.addEventListener(new WrittenListener());
            try (Response response = call.execute()) {
                return response.body().bytes();
            }
        };
        Codec codec = Codec.of(format);
        Answers answers = new Answers(codec);
        MessageFields<String> fields = ClientBenchmark.fields();
        Callable<byte[]> both = listened.apply(intercepted);
        SmsRequest sms = SmsRequest.builder().from("MITTO SMS").to("491725551234").text("Hello, World!").build();
        try (MittoClient client = MittoClient.builder().apiKey("benchmark-key").baseUrl(base).format(format)
                .maxRetries(0).httpClient(plain).build()) {
            String[] names = {"raw", "+ network interceptor", "+ per-call listener", "+ both", "+ both + codec",
                "mittoSend"};
            Callable<?>[] clients = {raw.apply(plain), raw.apply(intercepted), listened.apply(plain), both, () -> {
                sink = codec.encodeSms(fields);
                return answers.sms(200, both.call());
            }, () -> client.send(sms)};
            for (int i = 0; i < 20_000; i++) {
                for (Callable<?> c : clients) {
                    sink = c.call();
                }
            }
            double[][] ratios = new double[clients.length][turns];
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
                }
            }
            for (int c = 0; c < clients.length; c++) {
                double[] sorted = ratios[c];
                Arrays.sort(sorted);
                System.out.printf(Locale.ROOT, "| %s | %s | %.3f (%.3f – %.3f) |%n", format, names[c],
                        sorted[turns / 2], sorted[turns / 4], sorted[3 * turns / 4]);
            }
        } finally {
            plain.connectionPool().evictAll();
        }
    }

    /** What {@code Transport}'s per-attempt listener does: notes that the request began to be written. */
    private static final class WrittenListener extends EventListener {
        private volatile boolean written;

        @Override
        public void requestHeadersStart(Call call) {
            written = true;
        }

        @Override
        public void requestBodyStart(Call call) {
            written = true;
        }
    }
}
