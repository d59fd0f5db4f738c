package net.mittoapi.sms.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import net.mittoapi.sms.MittoApiException;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.MittoException;
import net.mittoapi.sms.MittoRateLimitException;
import net.mittoapi.sms.MittoTransportException;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.sandbox.Fault;
import net.mittoapi.sms.sandbox.MittoSandbox;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;

/**
 * What {@code MittoClient.send} does under each failure the API can throw at it, measured against
 * {@code MittoSandbox}'s fault injection: one row per scenario with the attempts the client made, the requests
 * the server saw, the outcome, {@code maybeDelivered}, whether the sandbox did send the message, and the
 * elapsed time. Prints a Markdown table for docs/RELIABILITY.md.
 *
 * <p>Every scenario uses a fresh sandbox and a client with {@code maxRetries(2)}, {@code retryBackoff(100 ms,
 * 2 s)}, {@code readTimeout(1 s)} and {@code connectTimeout(1 s)}. The attempts are counted by an OkHttp
 * {@link EventListener} on an injected {@link OkHttpClient} ({@code callStart} fires once per attempt), so
 * that a request that never reached a server is counted too. One row needs an answer the sandbox cannot give
 * (HTTP 200 with a non-zero {@code responseCode}: the sandbox answers those with 400); it comes from a small
 * JDK HTTP server in this program, and says so.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar net.mittoapi.sms.benchmarks.ReliabilityReport
 * </pre>
 */
public final class ReliabilityReport {

    private static final SmsRequest SMS =
            SmsRequest.builder().from("MITTO SMS").to("491725551234").text("Hello, World!").build();

    /** Where a scenario's client points. */
    private enum Target { SANDBOX, NOTHING_LISTENING, STUB_200_RESPONSE_CODE_1 }

    /**
     * @param name   the row's label
     * @param faults what the sandbox plays
     * @param client changes to the common client settings
     * @param settle how long to wait after the call for the sandbox to finish processing (a delayed answer)
     * @param target where the client points
     */
    private record Scenario(String name, Consumer<MittoSandbox> faults, UnaryOperator<MittoClient.Builder> client,
            Duration settle, Target target) {

        static Scenario of(String name, Consumer<MittoSandbox> faults) {
            return new Scenario(name, faults, b -> b, Duration.ZERO, Target.SANDBOX);
        }
    }

    private ReliabilityReport() {
    }

    /**
     * Runs every scenario and prints the table.
     *
     * @param args none
     * @throws Exception when the stub server cannot start
     */
    public static void main(String[] args) throws Exception {
        List<Scenario> scenarios = List.of(
                Scenario.of("429 once, Retry-After: 1 s", s -> s.enqueueFault(Fault.rateLimited(Duration.ofSeconds(1)))),
                Scenario.of("503 once, no Retry-After", s -> s.enqueueFault(Fault.serviceUnavailable())),
                Scenario.of("503 once, Retry-After: 0", s -> s.enqueueFault(Fault.serviceUnavailable(Duration.ZERO))),
                Scenario.of("503 three times (past maxRetries)", s -> s.enqueueFault(Fault.serviceUnavailable(), 3)),
                Scenario.of("500 Internal Server Error", s -> s.enqueueFault(Fault.internalError())),
                Scenario.of("connection dropped after the request", s -> s.enqueueFault(Fault.dropConnection())),
                new Scenario("answer delayed 3 s, read timeout 1 s",
                        s -> s.enqueueFault(Fault.delay(Duration.ofSeconds(3))), b -> b, Duration.ofSeconds(5),
                        Target.SANDBOX),
                new Scenario("wrong API key", s -> { }, b -> b.apiKey("wrong-key"), Duration.ZERO, Target.SANDBOX),
                Scenario.of("429 three times, Retry-After: 1 s (past maxRetries)",
                        s -> s.enqueueFault(Fault.rateLimited(Duration.ofSeconds(1)), 3)),
                Scenario.of("429 once, Retry-After: 5 s (over the 2 s cap)",
                        s -> s.enqueueFault(Fault.rateLimited(Duration.ofSeconds(5)))),
                Scenario.of("responseCode 1 (sandbox: on HTTP 400)", s -> s.enqueueFault(Fault.responseCode(1))),
                new Scenario("responseCode 1 on HTTP 200 (stub server)", s -> { }, b -> b, Duration.ZERO,
                        Target.STUB_200_RESPONSE_CODE_1),
                new Scenario("connection refused (nothing listening)", s -> { }, b -> b, Duration.ZERO,
                        Target.NOTHING_LISTENING));

        warmUp();
        System.out.printf(Locale.ROOT, "ReliabilityReport: MittoClient.send against MittoSandbox faults%n");
        System.out.printf(Locale.ROOT, "Java %s, %d processors, %s %s; client: maxRetries(2), retryBackoff(100 ms,"
                + " 2 s), readTimeout(1 s), connectTimeout(1 s)%n%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"));
        System.out.println("| scenario | attempts (client) | requests (server) | outcome | maybeDelivered"
                + " | message sent (sandbox) | elapsed ms |");
        System.out.println("|---|---:|---:|---|---|---|---:|");
        for (Scenario scenario : scenarios) {
            System.out.println(run(scenario));
        }
    }

    private static String run(Scenario scenario) throws IOException, InterruptedException {
        AtomicInteger attempts = new AtomicInteger();
        OkHttpClient http = new OkHttpClient.Builder().eventListener(new EventListener() {
            @Override
            public void callStart(Call call) {
                attempts.incrementAndGet();
            }
        }).build();
        AtomicInteger stubRequests = new AtomicInteger();
        HttpServer stub = null;
        try (MittoSandbox sandbox = MittoSandbox.start()) {
            String baseUrl = sandbox.baseUrl();
            if (scenario.target() == Target.NOTHING_LISTENING) {
                try (MittoSandbox closed = MittoSandbox.start()) {
                    baseUrl = closed.baseUrl();
                }
            } else if (scenario.target() == Target.STUB_200_RESPONSE_CODE_1) {
                stub = stubAnsweringResponseCode1(stubRequests);
                baseUrl = "http://127.0.0.1:" + stub.getAddress().getPort();
            }
            scenario.faults().accept(sandbox);
            MittoClient.Builder builder = MittoClient.builder().apiKey(sandbox.apiKey()).baseUrl(baseUrl)
                    .httpClient(http).maxRetries(2).retryBackoff(Duration.ofMillis(100), Duration.ofSeconds(2))
                    .readTimeout(Duration.ofSeconds(1)).connectTimeout(Duration.ofSeconds(1));
            String outcome;
            String maybeDelivered = "n/a (answered)";
            long start = System.nanoTime();
            try (MittoClient client = scenario.client().apply(builder).build()) {
                client.send(SMS);
                outcome = "`SmsResponse` (sent)";
                maybeDelivered = "n/a (success)";
            } catch (MittoTransportException e) {
                outcome = "`MittoTransportException` (" + (e.getCause() == null ? "no cause"
                        : e.getCause().getClass().getSimpleName()) + ")";
                maybeDelivered = Boolean.toString(e.maybeDelivered());
            } catch (MittoApiException e) {
                outcome = "`" + e.getClass().getSimpleName() + "` (HTTP " + e.httpStatus()
                        + (e.responseCode() >= 0 ? ", responseCode " + e.responseCode() : "")
                        + (e instanceof MittoRateLimitException r && r.retryAfter().isPresent()
                                ? ", retryAfter " + r.retryAfter().get().toSeconds() + " s" : "") + ")";
            } catch (MittoException e) {
                outcome = "`" + e.getClass().getSimpleName() + "`";
            }
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            long deadline = System.nanoTime() + scenario.settle().toNanos();
            while (sandbox.messages().isEmpty() && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            String requests;
            String sent;
            switch (scenario.target()) {
                case NOTHING_LISTENING:
                    requests = "0";
                    sent = "no";
                    break;
                case STUB_200_RESPONSE_CODE_1:
                    requests = Integer.toString(stubRequests.get());
                    sent = "n/a (stub)";
                    break;
                default:
                    requests = Integer.toString(sandbox.received().size());
                    sent = sandbox.messages().isEmpty() ? "no" : "**yes**";
            }
            return String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %,d |", scenario.name(), attempts.get(),
                    requests, outcome, maybeDelivered, sent, elapsedMillis);
        } finally {
            if (stub != null) {
                stub.stop(0);
            }
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    /** Loads and compiles the client and sandbox code first, so that the first row's time is not class loading. */
    private static void warmUp() {
        try (MittoSandbox sandbox = MittoSandbox.start();
                MittoClient client = MittoClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl()).build()) {
            for (int i = 0; i < 200; i++) {
                client.send(SMS);
            }
        }
    }

    private static HttpServer stubAnsweringResponseCode1(AtomicInteger requests) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        byte[] body = "{\"responseCode\":1,\"responseText\":\"Internal error\"}".getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }
}
