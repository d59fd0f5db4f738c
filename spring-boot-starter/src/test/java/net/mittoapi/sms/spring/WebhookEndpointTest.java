package net.mittoapi.sms.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import net.mittoapi.sms.webhook.DeliveryReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The delivery-report and inbound-SMS endpoints of a real Spring Boot web application, over real HTTP: what
 * Mitto's GET and POST callbacks get, and which events the application sees. The application is
 * {@link MittoTestApplication}'s, shared with {@link MittoApplicationTest}.
 */
@MittoTestApplication
@ExtendWith(OutputCaptureExtension.class)
class WebhookEndpointTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String TOKEN = "token=" + MittoTestApplication.TOKEN;

    @Value("${local.server.port}")
    int port;

    @Autowired
    MittoTestApplication.Events events;

    @BeforeEach
    void forget() {
        events.all.clear();
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10)).GET().build(),
                BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String pathAndQuery, String contentType, BodyPublisher body)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType).POST(body).build(), BodyHandlers.ofString());
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    private DeliveryReport onlyReport() {
        assertThat(events.all).hasSize(1).first().isInstanceOf(MittoDeliveryReportEvent.class);
        return ((MittoDeliveryReportEvent) events.all.get(0)).report();
    }

    @Test
    void aGetReportIsPublishedOnceAndAnswered200() throws Exception {
        HttpResponse<String> response = get("/mitto/reports?ID=d8d9a0b1&MCCMNC=26201&Reference=Campaign%202019-05&"
                + TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        DeliveryReport report = onlyReport();
        assertThat(report.messageId()).isEqualTo("d8d9a0b1");
        assertThat(report.mccMnc()).contains("26201");
        assertThat(report.reference()).contains("Campaign 2019-05");
        assertThat(report.raw()).as("the token is not part of the report").doesNotContainKey("token");
    }

    @Test
    void aPostReportIsPublishedOnceAndAnswered200() throws Exception {
        HttpResponse<String> response = post("/mitto/reports?" + TOKEN, "application/json",
                BodyPublishers.ofString("{\"Id\":\"d8d9a0b2\",\"MccMnc\":\"26201\",\"Price\":\"6.00\"}"));

        assertThat(response.statusCode()).isEqualTo(200);
        DeliveryReport report = onlyReport();
        assertThat(report.messageId()).isEqualTo("d8d9a0b2");
        assertThat(report.price()).contains(new BigDecimal("6.00"));
    }

    @Test
    void aChunkedPostAndAFormPostAreReadToo() throws Exception {
        byte[] json = "{\"msgid\":\"c1\",\"status\":\"DELIVERED\"}".getBytes();
        assertThat(post("/mitto/reports?" + TOKEN, "application/json; charset=utf-8",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json))).statusCode()).isEqualTo(200);
        assertThat(post("/mitto/reports?" + TOKEN, "application/x-www-form-urlencoded",
                BodyPublishers.ofString("msgid=f1&status=DELIVERED")).statusCode()).isEqualTo(200);

        assertThat(events.all).extracting(e -> ((MittoDeliveryReportEvent) e).report().messageId())
                .containsExactly("c1", "f1");
    }

    @Test
    void anInboundSmsIsPublishedAsItsOwnEvent() throws Exception {
        HttpResponse<String> response = post("/mitto/inbound?" + TOKEN, "application/json",
                BodyPublishers.ofString("{\"from\":\"491725551234\",\"to\":\"4930123\",\"text\":\"STOP\"}"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(events.all).singleElement().isInstanceOfSatisfying(MittoInboundSmsEvent.class,
                event -> assertThat(event.sms().text()).contains("STOP"));
    }

    @Test
    void withoutTheTokenNothingIsPublished() throws Exception {
        String report = "/mitto/reports?ID=d8d9a0b1&MCCMNC=26201";
        assertThat(get(report).statusCode()).isEqualTo(401);
        assertThat(get(report + "&token=wrong").statusCode()).isEqualTo(401);
        assertThat(get(report + "&token=s3cret-t0ke").statusCode()).isEqualTo(401);
        assertThat(get(report + "&token=").statusCode()).isEqualTo(401);
        assertThat(get(report + "&" + TOKEN + "&" + TOKEN).statusCode()).as("repeated").isEqualTo(401);
        assertThat(get(report + "&TOKEN=s3cret-t0ken").statusCode()).as("the name is token").isEqualTo(401);
        assertThat(post("/mitto/reports", "application/json", BodyPublishers.ofString("{\"Id\":\"x\"}")).statusCode())
                .isEqualTo(401);
        assertThat(post("/mitto/inbound?token=nope", "application/json",
                BodyPublishers.ofString("{\"from\":\"491725551234\",\"text\":\"hi\"}")).statusCode()).isEqualTo(401);

        assertThat(events.all).isEmpty();
    }

    @Test
    void aReportWithoutMessageIdIs400AndItsNumbersStayOutOfTheLog(CapturedOutput output) throws Exception {
        HttpResponse<String> byGet = get("/mitto/reports?MCCMNC=26201&to=491725551234&" + TOKEN);
        HttpResponse<String> byPost = post("/mitto/reports?" + TOKEN, "application/json",
                BodyPublishers.ofString("{\"MccMnc\":\"26202\",\"to\":\"491725559876\",\"Price\":\"6.00\"}"));
        HttpResponse<String> notJson = post("/mitto/reports?" + TOKEN, "application/json",
                BodyPublishers.ofString("to=491725550000"));

        assertThat(byGet.statusCode()).isEqualTo(400);
        assertThat(byPost.statusCode()).isEqualTo(400);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(events.all).isEmpty();
        assertThat(output.getAll()).contains("WARN").contains("Refused a Mitto delivery report with 400 on GET")
                .contains("Refused a Mitto delivery report with 400 on POST");
        for (String number : List.of("26201", "491725551234", "26202", "491725559876", "6.00", "491725550000")) {
            assertThat(output.getAll()).doesNotContain(number);
            assertThat(byGet.body() + byPost.body() + notJson.body()).doesNotContain(number);
        }
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        String big = "{\"Id\":\"x\",\"pad\":\"" + "a".repeat(2000) + "\"}";
        byte[] bytes = big.getBytes();
        assertThat(post("/mitto/reports?" + TOKEN, "application/json", BodyPublishers.ofString(big)).statusCode())
                .isEqualTo(413);
        assertThat(post("/mitto/reports?" + TOKEN, "application/json",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).statusCode()).as("chunked")
                .isEqualTo(413);
        assertThat(events.all).isEmpty();
    }

    @Test
    void otherMethodsAre405() throws Exception {
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(uri("/mitto/reports?" + TOKEN))
                .PUT(BodyPublishers.ofString("{\"Id\":\"x\"}")).header("Content-Type", "application/json").build(),
                BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow")).contains("GET, POST");
        assertThat(events.all).isEmpty();
    }

    @Test
    void aListenerThatFailsMakesTheAnswer500SoThatMittoMayRetry() throws Exception {
        assertThat(get("/mitto/reports?ID=explode&" + TOKEN).statusCode()).isEqualTo(500);
        assertThat(events.all).hasSize(1);
    }

    @Test
    void theApplicationsOwnControllersStillAnswer() throws Exception {
        assertThat(get("/hello").body()).isEqualTo("hello");
    }
}
