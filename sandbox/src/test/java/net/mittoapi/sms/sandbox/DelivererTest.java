package net.mittoapi.sms.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.mittoapi.sms.webhook.DeliveryReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DelivererTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://127.0.0.1/dlr|http://127.0.0.1/dlr?ID=abc&MCCMNC=26201&STATUS=DELIVERED&ERRORCODE=0",
        "http://127.0.0.1/dlr?|http://127.0.0.1/dlr?ID=abc&MCCMNC=26201&STATUS=DELIVERED&ERRORCODE=0",
        "http://127.0.0.1/dlr?a=1|http://127.0.0.1/dlr?a=1&ID=abc&MCCMNC=26201&STATUS=DELIVERED&ERRORCODE=0",
        "http://127.0.0.1/dlr?a=1&|http://127.0.0.1/dlr?a=1&ID=abc&MCCMNC=26201&STATUS=DELIVERED&ERRORCODE=0",
        "http://127.0.0.1/dlr#top|http://127.0.0.1/dlr?ID=abc&MCCMNC=26201&STATUS=DELIVERED&ERRORCODE=0#top",
    })
    void getReportsAppendTheirQueryToTheCallback(String callback, String url) {
        assertThat(Deliverer.withQuery(callback, message(null))).isEqualTo(url);
    }

    @Test
    void theReferenceIsEncodedAndReadsBack() {
        String url = Deliverer.withQuery("http://127.0.0.1/dlr", message("A/B 50% & ä+"));

        assertThat(url).endsWith("&Reference=A%2FB+50%25+%26+%C3%A4%2B");
        assertThat(DeliveryReport.fromQuery(url.substring(url.indexOf('?'))).reference()).contains("A/B 50% & ä+");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://127.0.0.1/dlr?id=~msgid~&mccmnc=~mcc~~mnc~|http://127.0.0.1/dlr?id=abc&mccmnc=26201",
        "http://127.0.0.1/dlr/<msgid>?s=<STATUS>&e=<errorcode>|http://127.0.0.1/dlr/abc?s=DELIVERED&e=0",
        "http://127.0.0.1/dlr?id=$msgid$&rate=$rate$&r=$reference$|http://127.0.0.1/dlr?id=abc&rate=0.12&r=A%2FB+50%25",
        "http://127.0.0.1/dlr?x=~unknown~&y=$5&z=<b>|http://127.0.0.1/dlr?x=~unknown~&y=$5&z=<b>",
        "http://127.0.0.1/dlr|http://127.0.0.1/dlr"})
    void templatePlaceholdersAreFilledAsMittoFillsThem(String callback, String filled) {
        assertThat(Deliverer.fill(callback, message("A/B 50%"))).isEqualTo(filled);
    }

    @Test
    void reportsCarryStatusAndErrorCodeWhichDeliveryReportReads() {
        DeliveryReport get = DeliveryReport.fromQuery(Deliverer.withQuery("http://127.0.0.1/dlr", message(null))
                .substring("http://127.0.0.1/dlr".length()));
        DeliveryReport post = DeliveryReport.fromJson(Deliverer.jsonReport(message(null)));

        for (DeliveryReport report : new DeliveryReport[] {get, post}) {
            assertThat(report.status()).contains("DELIVERED");
            assertThat(report.errorCode()).contains("0");
        }
    }

    @Test
    void postReportsAreTheSeedsJsonShape() {
        assertThat(Deliverer.jsonReport(message(null))).isEqualTo("{\"Id\":\"abc\",\"MccMnc\":\"26201\",\"Price\":\"0.12\","
                + "\"Status\":\"DELIVERED\",\"ErrorCode\":\"0\"}");
        assertThat(Deliverer.jsonReport(message("r \"1\""))).endsWith(",\"Reference\":\"r \\\"1\\\"\"}");
    }

    @ParameterizedTest
    @CsvSource({"0, 0.00", "0.060000, 0.06", "6, 6.00", "0.0125, 0.0125", "1.5, 1.50"})
    void pricesHaveAtLeastTwoDecimals(String cost, String price) {
        assertThat(Deliverer.price(new BigDecimal(cost))).isEqualTo(price);
    }

    @Test
    void aReportThatCannotBeBuiltIsRecordedAsNotDeliveredAndTheDelivererGoesOn() {
        // The builder refuses such a price (MAX_PRICE_PER_PART); should one reach a report all the same, the
        // callback thread must not die with it, and the report after it must still go.
        try (CallbackServer callbacks = CallbackServer.start(200);
                Deliverer deliverer = new Deliverer(CallbackMethod.POST, false, java.time.Clock.systemUTC())) {
            SentMessage unwritable = new SentMessage("huge", Instant.EPOCH, "MITTO SMS", "491725551234", "Hi", null,
                    false, null, callbacks.url(), 2, 2, "DEU", "26201", new BigDecimal("1e999999999"), false);
            SentMessage next = new SentMessage("next", Instant.EPOCH, "MITTO SMS", "491725551234", "Hi", null, false,
                    null, callbacks.url() + "?id=~msgid~&rate=~rate~", 2, 2, "DEU", "26201",
                    new BigDecimal("1e999999999"), false);
            deliverer.submit(unwritable);
            deliverer.submit(next);

            List<DeliveryAttempt> attempts = deliverer.await(2, Duration.ofSeconds(10));

            assertThat(attempts).extracting(DeliveryAttempt::messageId).containsExactlyInAnyOrder("huge", "next");
            assertThat(attempts).allSatisfy(attempt -> {
                assertThat(attempt.delivered()).isFalse();
                assertThat(attempt.error()).hasValueSatisfying(error -> assertThat(error)
                        .startsWith("not delivered: the report could not be built (java.lang.ArithmeticException"));
            });
            assertThat(callbacks.pending()).as("reports that reached the callback").isEmpty();
        }
    }

    private static SentMessage message(String reference) {
        return new SentMessage("abc", Instant.EPOCH, "MITTO SMS", "491725551234", "Hi", null, false, reference, null, 2,
                2, "DEU", "26201", new BigDecimal("0.12"), false);
    }
}
