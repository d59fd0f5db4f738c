package net.mittoapi.sms.sandbox;

import static net.mittoapi.sms.sandbox.RawHttp.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.mittoapi.sms.webhook.DeliveryReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox delivers delivery reports to a real callback server, and {@link DeliveryReport} reads them. */
class MittoSandboxDeliveryIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private CallbackServer callbacks;
    private String callbackUrl;

    @BeforeEach
    void startCallbackServer() {
        callbacks = CallbackServer.start(200);
        callbackUrl = callbacks.url();
    }

    @AfterEach
    void stopCallbackServer() {
        callbacks.close();
    }

    @Test
    void getReportsCarryIdMccMncAndTheEncodedReferenceAndDeliveryReportReadsThem() throws InterruptedException {
        try (MittoSandbox sandbox = MittoSandbox.start()) {
            JsonNode answer = post(sandbox, "/sms.json", "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\","
                    + "\"text\":\"Hello\",\"reference\":\"Campaign 2019-05, B-split message & more\","
                    + "\"callback\":\"" + callbackUrl + "?source=sandbox\"}").json();
            String id = answer.get("id").asText();

            List<DeliveryAttempt> attempts = sandbox.awaitDeliveries(1, WAIT);
            CallbackServer.Callback callback = callbacks.next(WAIT);

            assertThat(attempts).singleElement().satisfies(attempt -> {
                assertThat(attempt.messageId()).isEqualTo(id);
                assertThat(attempt.method()).isEqualTo(CallbackMethod.GET);
                assertThat(attempt.status()).isEqualTo(200);
                assertThat(attempt.delivered()).isTrue();
                assertThat(attempt.error()).isEmpty();
                assertThat(attempt.body()).isEmpty();
            });
            assertThat(callback).isNotNull();
            assertThat(callback.method()).isEqualTo("GET");
            assertThat(callback.path()).isEqualTo("/dlr");
            assertThat(callback.rawQuery()).isEqualTo("source=sandbox&ID=" + id
                    + "&MCCMNC=26201&STATUS=DELIVERED&ERRORCODE=0&Reference=Campaign+2019-05%2C+B-split+message+%26+more");

            DeliveryReport report = DeliveryReport.fromQuery(callback.rawQuery());
            assertThat(report.messageId()).isEqualTo(id);
            assertThat(report.mccMnc()).contains("26201");
            assertThat(report.mcc()).contains("262");
            assertThat(report.mnc()).contains("01");
            assertThat(report.reference()).contains("Campaign 2019-05, B-split message & more");
            assertThat(report.raw()).containsEntry("source", "sandbox");
        }
    }

    @Test
    void postReportsCarryIdMccMncAndPriceAsJsonAndDeliveryReportReadsThem() throws InterruptedException {
        try (MittoSandbox sandbox = MittoSandbox.builder().callbackMethod(CallbackMethod.POST)
                .pricePerPart(new BigDecimal("0.06")).pricePerPart("SRB", new BigDecimal("0.075")).start()) {
            String id = post(sandbox, "/sms.xml", "{\"from\":\"MITTO SMS\",\"to\":\"381641234567\",\"text\":\""
                    + "x".repeat(200) + "\",\"reference\":\"B-split\",\"callback\":\"" + callbackUrl + "\"}")
                    .xml().getElementsByTagName("id").item(0).getTextContent();

            List<DeliveryAttempt> attempts = sandbox.awaitDeliveries(1, WAIT);
            CallbackServer.Callback callback = callbacks.next(WAIT);

            assertThat(attempts).singleElement().satisfies(attempt -> {
                assertThat(attempt.method()).isEqualTo(CallbackMethod.POST);
                assertThat(attempt.delivered()).isTrue();
                assertThat(attempt.body()).contains(callback.body());
            });
            assertThat(callback.method()).isEqualTo("POST");
            assertThat(callback.contentType()).startsWith("application/json");
            JsonNode json = RawHttp.MAPPER.readTree(callback.body());
            List<String> names = new ArrayList<>();
            json.fieldNames().forEachRemaining(names::add);
            assertThat(names).containsExactly("Id", "MccMnc", "Price", "Status", "ErrorCode", "Reference");

            DeliveryReport report = DeliveryReport.fromJson(callback.body());
            assertThat(report.messageId()).isEqualTo(id);
            assertThat(report.mccMnc()).contains("22001");
            assertThat(report.price()).hasValueSatisfying(price -> assertThat(price).isEqualByComparingTo("0.15"));
            assertThat(report.reference()).contains("B-split");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void bulkSendsGetOneReportPerMessageAtTheDefaultCallback() throws InterruptedException {
        try (MittoSandbox sandbox = MittoSandbox.builder().defaultCallback(callbackUrl).start()) {
            JsonNode answer = post(sandbox, "/smsbulk", "{\"from\":\"Mitto SMS\","
                    + "\"to\":\"491765410994,491765410995,491765410994\",\"text\":\"Hi\"}").json();
            List<String> ids = new ArrayList<>();
            answer.get("messages").forEach(message -> ids.add(message.get("id").asText()));

            List<DeliveryAttempt> attempts = sandbox.awaitDeliveries(3, WAIT);
            List<String> reported = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                CallbackServer.Callback callback = callbacks.next(WAIT);
                assertThat(callback).isNotNull();
                reported.add(DeliveryReport.fromQuery(callback.rawQuery()).messageId());
            }

            assertThat(attempts).hasSize(3).allMatch(DeliveryAttempt::delivered);
            assertThat(reported).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(attempts).extracting(DeliveryAttempt::messageId).containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    @Test
    void theRequestsCallbackWinsOverTheDefault() throws InterruptedException {
        try (MittoSandbox sandbox = MittoSandbox.builder().defaultCallback(callbackUrl + "?from=default").start()) {
            post(sandbox, "/sms", "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"Hi\","
                    + "\"callback\":\"" + callbackUrl + "\"}");

            assertThat(sandbox.awaitDeliveries(1, WAIT)).singleElement()
                    .satisfies(attempt -> assertThat(attempt.url()).startsWith(callbackUrl + "?ID="));
            assertThat(callbacks.next(WAIT).rawQuery()).startsWith("ID=");
        }
    }

    @Test
    void theDefaultCallbackCanBeSetWhileRunningAndCountsFromTheNextSendOn() throws InterruptedException {
        try (MittoSandbox sandbox = MittoSandbox.start()) {
            String body = "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"Hi\"}";
            String before = post(sandbox, "/sms", body).json().get("id").asText();
            assertThat(sandbox.defaultCallback()).isEmpty();

            sandbox.defaultCallback(callbackUrl + "?from=default");
            sandbox.reset(); // keeps it: it is configuration
            String after = post(sandbox, "/sms", body).json().get("id").asText();

            assertThat(sandbox.defaultCallback()).contains(callbackUrl + "?from=default");
            assertThat(sandbox.awaitDeliveries(1, WAIT)).singleElement().satisfies(attempt -> {
                assertThat(attempt.messageId()).isEqualTo(after);
                assertThat(attempt.url()).startsWith(callbackUrl + "?from=default&ID=" + after);
            });
            assertThat(DeliveryReport.fromQuery(callbacks.next(WAIT).rawQuery()).messageId()).isEqualTo(after);
            assertThat(sandbox.message(after).orElseThrow().callback()).contains(callbackUrl + "?from=default");
            assertThat(sandbox.message(before)).isEmpty(); // forgotten by reset(), and it had no callback to keep

            sandbox.defaultCallback(null);
            String none = post(sandbox, "/sms", body).json().get("id").asText();
            assertThat(sandbox.message(none).orElseThrow().callback()).isEmpty();
            assertThat(callbacks.pending()).isEmpty();
        }
    }

    @Test
    void aDefaultCallbackSetWhileRunningIsCheckedAsTheBuildersIs() {
        try (MittoSandbox sandbox = MittoSandbox.builder().defaultCallback(callbackUrl).start()) {
            for (String bad : List.of("", "ftp://127.0.0.1/x", "/relative/path", "http://")) {
                assertThatThrownBy(() -> sandbox.defaultCallback(bad)).as(bad)
                        .isInstanceOf(net.mittoapi.sms.MittoValidationException.class)
                        .hasMessageContaining("defaultCallback must be an absolute http or https URL");
            }
            assertThat(sandbox.defaultCallback()).contains(callbackUrl);
        }
    }

    @Test
    void sendsWithoutACallbackAndFaultedSendsGetNoReport() throws InterruptedException {
        try (MittoSandbox sandbox = MittoSandbox.start()) {
            String withCallback = "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"Hi\",\"callback\":\""
                    + callbackUrl + "\"}";
            post(sandbox, "/sms", "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"Hi\"}");
            sandbox.enqueueFault(Fault.serviceUnavailable());
            post(sandbox, "/sms", withCallback);
            post(sandbox, "/sms", withCallback.replace("MITTO SMS", "X"));
            String id = post(sandbox, "/sms", withCallback).json().get("id").asText();

            // Only the last send has a report to deliver: once it is in, no other can follow.
            assertThat(sandbox.awaitDeliveries(1, WAIT)).singleElement()
                    .satisfies(attempt -> assertThat(attempt.messageId()).isEqualTo(id));
            callbacks.next(WAIT);
            assertThat(callbacks.pending()).isEmpty();
        }
    }

    @Test
    void testSendsAreReportedAtPriceZero() throws InterruptedException, IOException {
        try (MittoSandbox sandbox = MittoSandbox.builder().callbackMethod(CallbackMethod.POST).start()) {
            post(sandbox, "/sms", "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"Hi\",\"test\":true,"
                    + "\"callback\":\"" + callbackUrl + "\"}");

            sandbox.awaitDeliveries(1, WAIT);
            CallbackServer.Callback callback = callbacks.next(WAIT);

            assertThat(RawHttp.MAPPER.readTree(callback.body()).get("Price").asText()).isEqualTo("0.00");
            assertThat(callback.body()).doesNotContain("Reference");
        }
    }

    @Test
    void aCallbackAnsweringAnErrorIsRecordedAndTheSendStillSucceeds() {
        callbacks.answerWith(500);
        try (MittoSandbox sandbox = MittoSandbox.start()) {
            RawHttp.Reply reply = post(sandbox, "/sms", "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\","
                    + "\"text\":\"Hi\",\"callback\":\"" + callbackUrl + "\"}");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(sandbox.awaitDeliveries(1, WAIT)).singleElement().satisfies(attempt -> {
                assertThat(attempt.status()).isEqualTo(500);
                assertThat(attempt.delivered()).isFalse();
            });
        }
    }

    @Test
    void anUnreachableCallbackIsRecordedAndTheSendStillSucceeds() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (MittoSandbox sandbox = MittoSandbox.start()) {
            RawHttp.Reply reply = post(sandbox, "/sms", "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\","
                    + "\"text\":\"Hi\",\"callback\":\"http://127.0.0.1:" + closedPort + "/dlr\"}");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(sandbox.awaitDeliveries(1, WAIT)).singleElement().satisfies(attempt -> {
                assertThat(attempt.status()).isEqualTo(-1);
                assertThat(attempt.error()).hasValueSatisfying(error -> assertThat(error).startsWith("no answer"));
                assertThat(attempt.toString()).contains("-> no answer: ").doesNotContain("no answer: no answer");
            });
        }
    }

    @Test
    void remoteCallbacksAreNotCalledUnlessAllowed() {
        try (MittoSandbox sandbox = MittoSandbox.start()) {
            RawHttp.Reply reply = post(sandbox, "/sms", "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\","
                    + "\"text\":\"Hi\",\"callback\":\"https://www.example.com\"}");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(sandbox.awaitDeliveries(1, WAIT)).singleElement().satisfies(attempt -> {
                assertThat(attempt.delivered()).isFalse();
                assertThat(attempt.error()).hasValueSatisfying(error -> assertThat(error)
                        .contains("www.example.com is not a loopback host").contains("allowRemoteCallbacks(true)"));
                assertThat(attempt.toString()).contains("-> not delivered: www.example.com is not a loopback host")
                        .doesNotContain("no answer");
            });
        }
    }

    @Test
    void unusableCallbackUrlsAreRecorded() {
        try (MittoSandbox sandbox = MittoSandbox.start()) {
            post(sandbox, "/sms", "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"Hi\","
                    + "\"callback\":\"ftp://127.0.0.1/x\"}");
            post(sandbox, "/sms", "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"Hi\","
                    + "\"callback\":\"not a url\"}");

            assertThat(sandbox.awaitDeliveries(2, WAIT)).hasSize(2).allSatisfy(attempt -> {
                assertThat(attempt.status()).isEqualTo(-1);
                assertThat(attempt.error()).hasValueSatisfying(error -> assertThat(error).startsWith("not delivered"));
            });
        }
    }

    @Test
    void awaitDeliveriesReturnsWhatThereIsWhenTheTimeoutPasses() {
        try (MittoSandbox sandbox = MittoSandbox.start()) {
            assertThat(sandbox.awaitDeliveries(1, Duration.ZERO)).isEmpty();
            assertThat(sandbox.deliveries()).isEmpty();
        }
    }

    @Test
    void closeEndsWhatIsInFlightAndLeavesNoThreadBehind() throws Exception {
        CountDownLatch called = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer hanging = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        hanging.createContext("/", exchange -> {
            called.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        hanging.start();
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        try {
            MittoSandbox sandbox = MittoSandbox.start();
            // Raw sockets with Connection: close, so that no HTTP client of the test starts threads of its own.
            try (Socket send = rawPost(sandbox, "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"Hi\","
                    + "\"callback\":\"http://127.0.0.1:" + hanging.getAddress().getPort() + "/dlr\"}")) {
                assertThat(new String(send.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains(" 200 ");
            }
            assertThat(called.await(30, TimeUnit.SECONDS)).as("the report reached the callback").isTrue();
            sandbox.enqueueFault(Fault.delay(Duration.ofMinutes(10)));
            try (Socket delayed = rawPost(sandbox, "{}")) {
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (sandbox.received().size() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }

                sandbox.close();

                InputStream answer = delayed.getInputStream();
                assertThat(answer.read()).as("the delayed request gets no answer").isEqualTo(-1);
            }
            assertThat(sandbox.deliveries()).singleElement().satisfies(attempt -> assertThat(attempt.error())
                    .hasValueSatisfying(error -> assertThat(error).startsWith("not delivered: the sandbox was closed")));
            List<String> left = new ArrayList<>();
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (!before.contains(thread)) {
                    thread.join(10_000); // the JDK server's timer ends on its own, just after close()
                    if (thread.isAlive()) {
                        left.add(thread.getName());
                    }
                }
            }
            assertThat(left).as("threads started since the sandbox started").isEmpty();
        } finally {
            release.countDown();
            hanging.stop(0);
        }
    }

    private static Socket rawPost(MittoSandbox sandbox, String json) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), sandbox.port());
        socket.setSoTimeout((int) WAIT.toMillis());
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /sms HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n"
                + MittoSandbox.API_KEY_HEADER + ": " + sandbox.apiKey() + "\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return socket;
    }
}
