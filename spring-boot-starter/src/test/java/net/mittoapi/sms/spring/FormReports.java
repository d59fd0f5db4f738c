package net.mittoapi.sms.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import net.mittoapi.sms.webhook.DeliveryReport;
import net.mittoapi.sms.webhook.InboundSms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * What a form-encoded POST callback ({@code application/x-www-form-urlencoded}) gets, whichever filters ran
 * before the endpoint: the same report, read from the query's fields followed by the body's, the query's value
 * winning for a name present in both. Each subclass runs these against a real application on a real port: without
 * a filter ({@link FormReportTest}), behind Spring's hidden-method filter ({@link FormReportBehindHiddenMethodFilterTest})
 * and behind a filter of the test's own that reads the parameters first ({@link FormReportBehindParameterFilterTest}).
 */
abstract class FormReports {

    static final String FORM = "application/x-www-form-urlencoded";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final String TOKEN = "token=" + MittoTestApplication.TOKEN;

    @Value("${local.server.port}")
    int port;

    @Autowired
    MittoTestApplication.Events events;

    @BeforeEach
    void forget() {
        events.all.clear();
    }

    HttpResponse<String> post(String pathAndQuery, String contentType, byte[] body)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", contentType)
                .POST(BodyPublishers.ofByteArray(body)).build(), BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String pathAndQuery, String body) throws IOException, InterruptedException {
        return post(pathAndQuery, FORM, body.getBytes(StandardCharsets.US_ASCII));
    }

    DeliveryReport onlyReport() {
        assertThat(events.all).hasSize(1).first().isInstanceOf(MittoDeliveryReportEvent.class);
        return ((MittoDeliveryReportEvent) events.all.get(0)).report();
    }

    @Test
    void aFormReportIsPublishedOnceAndAnswered200() throws Exception {
        HttpResponse<String> response = postForm("/mitto/reports?" + TOKEN, "ID=f1&Status=DELIVERED&MCCMNC=26201");

        assertThat(response.statusCode()).isEqualTo(200);
        DeliveryReport report = onlyReport();
        assertThat(report.messageId()).isEqualTo("f1");
        assertThat(report.status()).contains("DELIVERED");
        assertThat(report.mccMnc()).contains("26201");
        assertThat(report.raw()).containsOnlyKeys("ID", "Status", "MCCMNC");
    }

    @Test
    void theQuerysFieldsAndTheBodysAreBothReadAndForANameInBothTheQueryWins() throws Exception {
        HttpResponse<String> response = postForm("/mitto/reports?Reference=from-query&MCCMNC=26201&" + TOKEN,
                "ID=f2&Reference=from-body&Status=DELIVERED");

        assertThat(response.statusCode()).isEqualTo(200);
        DeliveryReport report = onlyReport();
        assertThat(report.messageId()).as("from the body").isEqualTo("f2");
        assertThat(report.status()).as("from the body").contains("DELIVERED");
        assertThat(report.mccMnc()).as("from the query").contains("26201");
        assertThat(report.reference()).as("in both: the query's").contains("from-query");
        assertThat(report.raw().keySet()).as("the query's fields, then the body's, without the token")
                .containsExactly("Reference", "MCCMNC", "ID", "Status");
    }

    @Test
    void theMessageIdMayComeFromTheQueryAlone() throws Exception {
        assertThat(postForm("/mitto/reports?ID=f3&" + TOKEN, "Status=FAILED").statusCode()).isEqualTo(200);

        DeliveryReport report = onlyReport();
        assertThat(report.messageId()).isEqualTo("f3");
        assertThat(report.status()).contains("FAILED");
    }

    @Test
    void aTokenInTheBodyNeitherAuthorizesNorReachesRaw() throws Exception {
        try (LogCapture log = LogCapture.of(WebhookHandler.class)) {
            assertThat(postForm("/mitto/reports", "ID=f4&" + TOKEN).statusCode()).as("the token is a query parameter")
                    .isEqualTo(401);

            // At most one a minute (WarningThrottle): a test before this one may have had this minute's.
            assertThat(log.messages(Level.WARN)).hasSizeLessThanOrEqualTo(1).allSatisfy(warning -> assertThat(warning)
                    .contains("with 401 on POST /mitto/reports").doesNotContain(MittoTestApplication.TOKEN));
        }
        assertThat(postForm("/mitto/reports?" + TOKEN, "ID=f5&token=whatever").statusCode()).isEqualTo(200);

        assertThat(onlyReport().raw()).containsOnlyKeys("ID");
    }

    @Test
    void anInboundSmsByFormIsReadAlike() throws Exception {
        HttpResponse<String> response = postForm("/mitto/inbound?to=4930123&" + TOKEN,
                "from=491725551234&text=Hello+there");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(events.all).singleElement().isInstanceOfSatisfying(MittoInboundSmsEvent.class, event -> {
            InboundSms sms = event.sms();
            assertThat(sms.to()).contains("4930123");
            assertThat(sms.text()).contains("Hello there");
        });
    }

    @Test
    void aFormReportWithoutMessageIdIs400() throws Exception {
        try (LogCapture log = LogCapture.of(WebhookHandler.class)) {
            assertThat(postForm("/mitto/reports?MCCMNC=26201&" + TOKEN, "Status=DELIVERED").statusCode())
                    .isEqualTo(400);

            assertThat(log.messages(Level.WARN)).singleElement().asString()
                    .contains("with 400 on POST /mitto/reports").contains("no message id").doesNotContain("26201");
        }
        assertThat(events.all).isEmpty();
    }
}
