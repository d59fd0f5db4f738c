package net.mittoapi.sms.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Issue 20's "each report published once", over real HTTP in the application of {@link MittoTestApplication}
 * (deduplication on by default, in the instance's own memory): copies, a failing listener and Mitto's retry, two
 * copies at once. The shared case: {@link SharedCacheDeduplicationTest}.
 */
@MittoTestApplication
class ReportDeduplicationApplicationTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String TOKEN = "token=" + MittoTestApplication.TOKEN;
    /**
     * Where Tomcat logs the exception of a failed listener, with its stack, when its logging reaches SLF4J (Spring
     * Boot bridges java.util.logging while an application runs, and unbridges it when one closes): captured so that
     * the build's output shows no stack trace provoked on purpose, but not asserted on.
     */
    static final String TOMCAT_LOG = "org.apache.catalina.core.ContainerBase";

    @Value("${local.server.port}")
    int port;

    @Autowired
    MittoTestApplication.Events events;

    @BeforeEach
    void forget() {
        events.all.clear();
    }

    private HttpResponse<String> get(String query) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mitto/reports?" + query
                + "&" + TOKEN)).timeout(Duration.ofSeconds(30)).GET().build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> postJson(String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mitto/reports?" + TOKEN))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(json)).build(), BodyHandlers.ofString());
    }

    private List<String> published() {
        return events.all.stream().map(event -> ((MittoDeliveryReportEvent) event).report().messageId() + " "
                + ((MittoDeliveryReportEvent) event).report().status().orElse("-")).toList();
    }

    @Test
    void theSameReportSentTwiceIsPublishedOnceAndBothAreAnswered200() throws Exception {
        assertThat(get("ID=dedup-1&Status=DELIVERED&MCCMNC=26201").statusCode()).isEqualTo(200);
        assertThat(get("ID=dedup-1&Status=DELIVERED&MCCMNC=26201").statusCode()).isEqualTo(200);
        assertThat(postJson("{\"Id\":\"dedup-1\",\"Status\":\"DELIVERED\"}").statusCode())
                .as("a copy by POST is the same report").isEqualTo(200);

        assertThat(published()).containsExactly("dedup-1 DELIVERED");
    }

    @Test
    void anotherStatusOfTheSameMessageIsAnotherReport() throws Exception {
        assertThat(get("ID=dedup-2&Status=ENROUTE").statusCode()).isEqualTo(200);
        assertThat(get("ID=dedup-2&Status=DELIVERED").statusCode()).isEqualTo(200);
        assertThat(get("ID=dedup-2&Status=ENROUTE").statusCode()).isEqualTo(200);

        assertThat(published()).containsExactly("dedup-2 ENROUTE", "dedup-2 DELIVERED");
    }

    /** A failed listener answers 500; Mitto's retry is published again, and once it succeeded, copies are not. */
    @Test
    @SuppressWarnings("try") // the capture keeps Tomcat's log of the failure off the console (see TOMCAT_LOG)
    void afterAListenerFailureTheRetryIsPublishedAgain() throws Exception {
        events.failOnce.add("dedup-3");

        try (LogCapture tomcat = LogCapture.of(TOMCAT_LOG)) {
            assertThat(get("ID=dedup-3&Status=DELIVERED").statusCode()).isEqualTo(500);
        }
        assertThat(get("ID=dedup-3&Status=DELIVERED").statusCode()).as("Mitto's retry").isEqualTo(200);
        assertThat(get("ID=dedup-3&Status=DELIVERED").statusCode()).as("a copy after success").isEqualTo(200);

        assertThat(published()).containsExactly("dedup-3 DELIVERED", "dedup-3 DELIVERED");
    }

    /**
     * Two copies at once: the second, arriving while the first is being published, is answered 503 (Mitto tries
     * again) and not published; the retry after the first succeeded is a copy, answered 200.
     */
    @Test
    void aCopyArrivingWhileTheFirstIsPublishedIsAnswered503() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        events.holds.put("dedup-4", hold);
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> {
            try {
                return get("ID=dedup-4&Status=DELIVERED");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> published().contains("dedup-4 DELIVERED"));

        HttpResponse<String> second = get("ID=dedup-4&Status=DELIVERED");
        hold.countDown();

        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(second.headers().firstValue("Retry-After")).contains("5");
        assertThat(second.body()).contains("being processed");
        assertThat(first.get().statusCode()).isEqualTo(200);
        assertThat(get("ID=dedup-4&Status=DELIVERED").statusCode()).as("Mitto's retry of the second").isEqualTo(200);
        assertThat(published()).containsExactly("dedup-4 DELIVERED");
    }

    /** Inbound SMS are not delivery reports: each one is published. */
    @Test
    void inboundSmsAreNotDeduplicated() throws Exception {
        String sms = "{\"from\":\"491725551234\",\"to\":\"4930123\",\"text\":\"STOP\"}";
        for (int i = 0; i < 2; i++) {
            assertThat(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mitto/inbound?"
                    + TOKEN)).header("Content-Type", "application/json").POST(BodyPublishers.ofString(sms)).build(),
                    BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
        assertThat(events.all).hasSize(2);
    }
}
