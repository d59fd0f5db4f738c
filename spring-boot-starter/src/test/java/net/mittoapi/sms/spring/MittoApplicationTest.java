package net.mittoapi.sms.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import net.mittoapi.sms.BulkSmsRequest;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.MittoClientListener.Outcome;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.SmsResponse;
import net.mittoapi.sms.sandbox.DeliveryAttempt;
import net.mittoapi.sms.sandbox.Fault;
import net.mittoapi.sms.sandbox.MittoSandbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The end to end: a Spring Boot web application with the starter and {@code mitto.sandbox.enabled=true}
 * sends an SMS through the in-process sandbox, receives the sandbox's delivery report on its own endpoint as
 * an application event, and shows the three meters, in Prometheus too. Under Boot 3.5 this is also the proof
 * that the SDK runs on the kotlin-stdlib and Jackson 2 that Boot 3.5 manages.
 */
@MittoTestApplication
class MittoApplicationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Value("${local.server.port}")
    int port;

    @Autowired
    MittoClient client;

    @Autowired
    MittoSandbox sandbox;

    @Autowired
    MittoTestApplication.Events events;

    @Autowired
    MittoTestApplication.CallLog callLog;

    @Autowired
    MeterRegistry registry;

    private String callback() {
        return "http://127.0.0.1:" + port + "/mitto/reports?token=" + MittoTestApplication.TOKEN;
    }

    private SmsResponse sendHello() {
        return client.send(SmsRequest.builder().from("MITTO SMS").to("491725551234").text("Hello, World!")
                .reference("Campaign 2019-05, B-split").callback(callback()).build());
    }

    private List<MittoDeliveryReportEvent> reportsFor(String messageId) {
        return events.all.stream().filter(MittoDeliveryReportEvent.class::isInstance)
                .map(MittoDeliveryReportEvent.class::cast)
                .filter(event -> event.report().messageId().equals(messageId)).toList();
    }

    @Test
    void aSendThroughTheSandboxComesBackAsOneDeliveryReportEvent() {
        SmsResponse sent = sendHello();

        assertThat(sandbox.message(sent.id())).isPresent();
        await().atMost(PATIENCE).until(() -> !reportsFor(sent.id()).isEmpty());
        // The event is published before the endpoint answers: the sandbox records the attempt once the answer is in.
        await().atMost(PATIENCE).until(() -> sandbox.deliveries().stream()
                .anyMatch(attempt -> attempt.messageId().equals(sent.id())));
        List<DeliveryAttempt> attempts = sandbox.deliveries().stream()
                .filter(attempt -> attempt.messageId().equals(sent.id())).toList();
        assertThat(attempts).singleElement().satisfies(attempt -> {
            assertThat(attempt.delivered()).isTrue();
            assertThat(attempt.status()).isEqualTo(200);
        });
        assertThat(reportsFor(sent.id())).singleElement().satisfies(event -> {
            assertThat(event.report().mccMnc()).contains("26201");
            assertThat(event.report().reference()).contains("Campaign 2019-05, B-split");
            assertThat(event.report().raw()).doesNotContainKey("token");
        });
    }

    @Test
    void theApplicationGotTheStartersBeansFromPropertiesAlone() {
        assertThat(client.toString()).contains("sendingBaseUrl=" + sandbox.baseUrl() + "/");
        assertThat(registry).isNotNull();
    }

    @Test
    void theMetersShowEveryCallAndEveryMessagesParts() throws Exception {
        Timer calls = registry.find(MittoMetrics.CALLS).tags("endpoint", "/sms", "outcome", "SUCCESS", "status", "200")
                .timer();
        long callsBefore = calls == null ? 0 : calls.count();
        long partsBefore = count(MittoMetrics.SEGMENTS, "GSM_7");

        sendHello();
        client.sendBulk(BulkSmsRequest.builder().from("MITTO SMS").to("491725551234", "491725551235", "491725551236")
                .text("x".repeat(200)).build());

        assertThat(registry.get(MittoMetrics.CALLS).tags("endpoint", "/sms", "outcome", "SUCCESS", "status", "200")
                .timer().count()).isEqualTo(callsBefore + 1);
        assertThat(registry.get(MittoMetrics.CALLS).tags("endpoint", "/smsbulk", "outcome", "SUCCESS").timer().count())
                .isPositive();
        // one message of 1 part, three of 2 parts (200 GSM-7 characters)
        assertThat(count(MittoMetrics.SEGMENTS, "GSM_7")).isEqualTo(partsBefore + 4);

        String prometheus = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(), BodyHandlers.ofString()).body();
        assertThat(prometheus)
                .contains("mitto_sms_calls_seconds_count{endpoint=\"/sms\",outcome=\"SUCCESS\",status=\"200\"}")
                .contains("mitto_sms_segments_count{encoding=\"GSM_7\"}");
    }

    @Test
    void everyRetryIsCounted() {
        double before = retries("SERVICE_UNAVAILABLE");
        sandbox.enqueueFault(Fault.serviceUnavailable(), 2);

        sendHello();

        assertThat(retries("SERVICE_UNAVAILABLE")).isEqualTo(before + 2);
    }

    @Test
    void theApplicationsOwnListenerHearsTheAutoConfiguredClientToo() {
        int before = callLog.ended.size();

        sendHello();

        assertThat(callLog.ended).hasSize(before + 1);
        assertThat(callLog.ended.get(before).outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void thePrometheusEndpointIsServed() throws Exception {
        HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(), BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_");
    }

    private long count(String summary, String encoding) {
        var found = registry.find(summary).tags("encoding", encoding).summary();
        return found == null ? 0 : found.count();
    }

    private double retries(String reason) {
        var found = registry.find(MittoMetrics.RETRIES).tags("endpoint", "/sms", "reason", reason).counter();
        return found == null ? 0 : found.count();
    }
}
