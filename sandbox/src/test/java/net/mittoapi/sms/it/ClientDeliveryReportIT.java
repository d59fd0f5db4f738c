package net.mittoapi.sms.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.mittoapi.sms.BulkMessage;
import net.mittoapi.sms.BulkSmsRequest;
import net.mittoapi.sms.BulkSmsResponse;
import net.mittoapi.sms.Format;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.SmsResponse;
import net.mittoapi.sms.sandbox.CallbackMethod;
import net.mittoapi.sms.sandbox.CallbackServer;
import net.mittoapi.sms.sandbox.DeliveryAttempt;
import net.mittoapi.sms.sandbox.MittoSandbox;
import net.mittoapi.sms.sandbox.SentMessage;
import net.mittoapi.sms.segments.SegmentCalculator;
import net.mittoapi.sms.webhook.DeliveryReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Delivery reports end to end: the client sends with a {@code callback}, the sandbox calls that URL (a JDK
 * HTTP server in the test) by GET or POST, and {@link DeliveryReport} reads what arrived.
 */
class ClientDeliveryReportIT {

    /** An upper bound for a report to arrive; never a timing assertion. */
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Percent, plus, ampersand, comma and non-ASCII letters: each must survive URL encoding. */
    private static final String REFERENCE = "50% off + 2 for 1 & more, Grüße";

    private CallbackServer callbacks;
    private String callbackUrl;

    @BeforeEach
    void startCallbackServer() {
        callbacks = CallbackServer.start(204);
        callbackUrl = callbacks.url();
    }

    @AfterEach
    void stopCallbackServer() {
        callbacks.close();
    }

    @ParameterizedTest
    @EnumSource(Calls.class)
    void aGetReportCarriesTheSendsIdAndTheUrlEncodedReference(Calls calls) throws InterruptedException {
        SmsResponse response;
        SentMessage message;
        List<DeliveryAttempt> attempts;
        try (MittoSandbox sandbox = MittoSandbox.start();
                MittoClient client = Calls.client(sandbox, Format.JSON).build()) {
            response = calls.send(client, SmsRequest.builder().from("MITTO SMS").to("491725551234").text("Hello")
                    .reference(REFERENCE).callback(callbackUrl + "?tenant=acme").build());
            attempts = sandbox.awaitDeliveries(1, WAIT);
            message = sandbox.message(response.id()).orElseThrow();
        }
        CallbackServer.Callback callback = next();

        assertThat(callback.method()).isEqualTo("GET");
        assertThat(callback.path()).isEqualTo("/dlr");
        assertThat(callback.rawQuery()).isEqualTo("tenant=acme&ID=" + response.id()
                + "&MCCMNC=26201&STATUS=DELIVERED&ERRORCODE=0&Reference=50%25+off+%2B+2+for+1+%26+more%2C+Gr%C3%BC%C3%9Fe");
        assertThat(attempts).singleElement().satisfies(attempt -> {
            assertThat(attempt.messageId()).isEqualTo(response.id());
            assertThat(attempt.method()).isEqualTo(CallbackMethod.GET);
            assertThat(attempt.url()).isEqualTo(callbackUrl + "?" + callback.rawQuery());
            assertThat(attempt.status()).isEqualTo(204);
            assertThat(attempt.delivered()).isTrue();
        });

        DeliveryReport report = DeliveryReport.fromQuery(callback.rawQuery());
        assertThat(report.messageId()).isEqualTo(response.id());
        assertThat(report.mccMnc()).contains(message.mccMnc()).contains("26201");
        assertThat(report.mcc()).contains("262");
        assertThat(report.mnc()).contains("01");
        assertThat(report.reference()).contains(REFERENCE);
        assertThat(report.price()).isEmpty();
        assertThat(report.raw()).containsEntry("tenant", "acme").containsEntry("Reference", REFERENCE);
    }

    @ParameterizedTest
    @EnumSource(Calls.class)
    void aPostReportCarriesTheSendsIdAndPriceAsJson(Calls calls) throws InterruptedException {
        String text = "x".repeat(200);
        SmsResponse response;
        SentMessage message;
        try (MittoSandbox sandbox = MittoSandbox.builder().callbackMethod(CallbackMethod.POST)
                .pricePerPart("SRB", new BigDecimal("0.075")).start();
                MittoClient client = Calls.client(sandbox, Format.XML).build()) {
            response = calls.send(client, SmsRequest.builder().from("MITTO SMS").to("381641234567").text(text)
                    .reference(REFERENCE).callback(callbackUrl).build());
            assertThat(sandbox.awaitDeliveries(1, WAIT)).singleElement()
                    .satisfies(attempt -> assertThat(attempt.delivered()).isTrue());
            message = sandbox.message(response.id()).orElseThrow();
        }
        CallbackServer.Callback callback = next();

        assertThat(callback.method()).isEqualTo("POST");
        assertThat(callback.contentType()).startsWith("application/json");
        DeliveryReport report = DeliveryReport.fromJson(callback.body());
        assertThat(report.messageId()).isEqualTo(response.id());
        assertThat(report.mccMnc()).contains("22001").contains(message.mccMnc());
        BigDecimal expectedPrice = new BigDecimal("0.075")
                .multiply(BigDecimal.valueOf(SegmentCalculator.calculate(text).segmentCount()));
        assertThat(report.price()).hasValueSatisfying(price -> {
            assertThat(price).isEqualByComparingTo(expectedPrice).isEqualByComparingTo(message.cost());
            assertThat(price).isEqualByComparingTo("0.15");
        });
        // JSON values are taken as they are: no URL decoding of "%" or "+".
        assertThat(report.reference()).contains(REFERENCE);
    }

    @Test
    void aTestSendIsReportedFreeOfCharge() throws InterruptedException {
        SmsResponse response;
        try (MittoSandbox sandbox = MittoSandbox.builder().callbackMethod(CallbackMethod.POST).start();
                MittoClient client = Calls.client(sandbox, Format.JSON).build()) {
            response = client.send(SmsRequest.builder().from("MITTO SMS").to("491725551234").text("Hi").test(true)
                    .callback(callbackUrl).build());
            assertThat(sandbox.awaitDeliveries(1, WAIT)).hasSize(1);
        }
        DeliveryReport report = DeliveryReport.fromJson(next().body());
        assertThat(report.messageId()).isEqualTo(response.id());
        assertThat(report.price()).contains(new BigDecimal("0.00"));
        assertThat(report.reference()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Calls.class)
    void eachBulkRecipientGetsAReportForItsOwnId(Calls calls) throws InterruptedException {
        BulkSmsResponse response;
        List<DeliveryAttempt> attempts;
        MittoSandbox sandbox = MittoSandbox.start();
        try (sandbox; MittoClient client = Calls.client(sandbox, Format.JSON).build()) {
            response = calls.sendBulk(client, BulkSmsRequest.builder().from("MITTO SMS")
                    .to("491765410994", "447700900123", "491765410994").text("Your appointment was scheduled.")
                    .reference("bulk-7").callback(callbackUrl).build());
            attempts = sandbox.awaitDeliveries(3, WAIT);
        }
        List<DeliveryReport> reports = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            reports.add(DeliveryReport.fromQuery(next().rawQuery()));
        }
        List<String> ids = response.messages().stream().map(BulkMessage::id).toList();
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        assertThat(attempts).hasSize(3).allMatch(DeliveryAttempt::delivered);
        assertThat(reports).extracting(DeliveryReport::messageId).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(reports).allSatisfy(report -> {
            assertThat(report.reference()).contains("bulk-7");
            String to = response.messages().stream().filter(m -> m.id().equals(report.messageId())).findFirst()
                    .orElseThrow().to();
            assertThat(report.mccMnc()).contains(to.startsWith("44") ? "23401" : "26201");
        });
        assertThat(callbacks.pending()).isEmpty();
    }

    private CallbackServer.Callback next() throws InterruptedException {
        return callbacks.next(WAIT);
    }
}
