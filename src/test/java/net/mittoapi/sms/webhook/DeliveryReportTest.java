package net.mittoapi.sms.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import net.mittoapi.sms.MittoValidationException;
import net.mittoapi.sms.internal.codec.Numbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeliveryReportTest {

    private static final String SEED_ID = "d8d9505a-161b-4776-9efb-4939d5b02e99";

    @ParameterizedTest
    @ValueSource(strings = {"ID=" + SEED_ID + "&MCCMNC=26201", "?ID=" + SEED_ID + "&MCCMNC=26201"})
    void readsTheSeedsGetForm(String query) {
        DeliveryReport report = DeliveryReport.fromQuery(query);

        assertThat(report.messageId()).isEqualTo(SEED_ID);
        assertThat(report.mccMnc()).contains("26201");
        assertThat(report.mcc()).contains("262");
        assertThat(report.mnc()).contains("01");
        assertThat(report.price()).isEmpty();
        assertThat(report.status()).isEmpty();
        assertThat(report.reference()).isEmpty();
        assertThat(report.raw()).containsExactly(entry("ID", SEED_ID), entry("MCCMNC", "26201"));
    }

    @Test
    void readsTheSeedsPostForm() {
        DeliveryReport report = DeliveryReport.fromJson("{\n\"Id\": \"" + SEED_ID + "\",\n\"MccMnc\": \"26201\",\n"
                + "\"Price\": \"6.00\"\n}");

        assertThat(report.messageId()).isEqualTo(SEED_ID);
        assertThat(report.mccMnc()).contains("26201");
        assertThat(report.price()).contains(new BigDecimal("6.00"));
        assertThat(report.raw()).containsExactly(entry("Id", SEED_ID), entry("MccMnc", "26201"), entry("Price", "6.00"));
    }

    static Stream<Arguments> aliases() {
        Function<String, DeliveryReport> query = DeliveryReport::fromQuery;
        Function<String, DeliveryReport> json = DeliveryReport::fromJson;
        return Stream.of(
                Arguments.of("lower-case names", query, "id=m1&mccmnc=22001&price=0.06&status=DELIVERED&errorcode=0"
                        + "&reference=r1&to=381641234567&from=MITTO"),
                Arguments.of("upper-case names", query, "ID=m1&MCCMNC=22001&PRICE=0.06&STATUS=DELIVERED&ERRORCODE=0"
                        + "&REFERENCE=r1&TO=381641234567&FROM=MITTO"),
                Arguments.of("Mitto's Magento template", query, "msgid=m1&mcc=220&mnc=01&rate=0.06&status=DELIVERED"
                        + "&errorcode=0&ref=r1&msisdn=381641234567&sender=MITTO"),
                Arguments.of("punctuated names", query, "message_id=m1&MCC-MNC=22001&Rate=0.06&dlr_status=DELIVERED"
                        + "&error-code=0&Reference=r1&recipient=381641234567&originator=MITTO"),
                Arguments.of("camel case JSON", json, "{\"messageId\":\"m1\",\"mccMnc\":\"22001\",\"cost\":0.06,"
                        + "\"deliveryStatus\":\"DELIVERED\",\"errCode\":0,\"reference\":\"r1\",\"receiver\":381641234567,"
                        + "\"from\":\"MITTO\"}"),
                Arguments.of("split mcc and mnc as JSON numbers", json, "{\"MsgId\":\"m1\",\"MCC\":220,\"MNC\":\"01\","
                        + "\"Price\":0.06,\"State\":\"DELIVERED\",\"Error\":\"0\",\"Ref\":\"r1\",\"Destination\":"
                        + "\"381641234567\",\"Sender\":\"MITTO\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("aliases")
    void readsEveryFieldThroughItsAliases(String form, Function<String, DeliveryReport> reader, String payload) {
        DeliveryReport report = reader.apply(payload);

        assertThat(report.messageId()).isEqualTo("m1");
        assertThat(report.mccMnc()).contains("22001");
        assertThat(report.mcc()).contains("220");
        assertThat(report.mnc()).contains("01");
        assertThat(report.price()).hasValueSatisfying(price -> assertThat(price).isEqualByComparingTo("0.06"));
        assertThat(report.status()).contains("DELIVERED");
        assertThat(report.errorCode()).contains("0");
        assertThat(report.reference()).contains("r1");
        assertThat(report.to()).contains("381641234567");
        assertThat(report.from()).contains("MITTO");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ID=a&Reference=Campaign+2019-05%2C+B-split+message|Campaign 2019-05, B-split message",
        "ID=a&Reference=Campaign%202019-05%2C%20B-split%20message|Campaign 2019-05, B-split message",
        "ID=a&Reference=%C3%A4%20%E2%82%AC%20%F0%9F%98%80|ä € 😀",
        "ID=a&Reference=50%25+%26+more%3D|50% & more=",
        "ID=a&Ref%65rence=named+encoded|named encoded",
    })
    void queryValuesAreUrlDecoded(String query, String reference) {
        assertThat(DeliveryReport.fromQuery(query).reference()).contains(reference);
    }

    @Test
    void parametersAreTakenAsAlreadyDecoded() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("ID", "a+b");
        parameters.put("Reference", "50%25 off");
        parameters.put(null, "ignored");

        DeliveryReport report = DeliveryReport.fromParameters(parameters);

        assertThat(report.messageId()).isEqualTo("a+b");
        assertThat(report.reference()).contains("50%25 off");
        assertThat(report.raw()).containsExactly(entry("ID", "a+b"), entry("Reference", "50%25 off"));
    }

    @Test
    void jsonNumbersAreReadExactlyAsWritten() {
        DeliveryReport report = DeliveryReport.fromJson("{\"Id\":4711,\"MccMnc\":26201,\"Price\":6.00,\"status\":true}");

        assertThat(report.messageId()).isEqualTo("4711");
        assertThat(report.mccMnc()).contains("26201");
        assertThat(report.price()).hasValueSatisfying(price -> assertThat(price.toPlainString()).isEqualTo("6.00"));
        assertThat(report.status()).contains("true");
        assertThat(report.raw()).containsEntry("Price", "6.00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ID=a&Price=6,00", "ID=a&Price=~rate~", "ID=a&Price=EUR+6", "ID=a&Price=NaN"})
    void anUnreadablePriceIsEmptyButKeptRaw(String query) {
        DeliveryReport report = DeliveryReport.fromQuery(query);

        assertThat(report.price()).isEmpty();
        assertThat(report.raw().get("Price")).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ID=a&Price=+6.50+", "ID=a&Price=%206.50"})
    void aPriceWithSurroundingSpaceIsRead(String query) {
        assertThat(DeliveryReport.fromQuery(query).price()).contains(new BigDecimal("6.50"));
    }

    @Test
    void onlyAnMccOrOnlyAnMncIsNoMccMnc() {
        DeliveryReport report = DeliveryReport.fromQuery("ID=a&MCC=262");

        assertThat(report.mcc()).contains("262");
        assertThat(report.mnc()).isEmpty();
        assertThat(report.mccMnc()).isEmpty();
    }

    @Test
    void blankValuesCountAsAbsentButStayRaw() {
        DeliveryReport report = DeliveryReport.fromQuery("ID=a&Reference=&status=+&MCCMNC");

        assertThat(report.reference()).isEmpty();
        assertThat(report.status()).isEmpty();
        assertThat(report.mccMnc()).isEmpty();
        assertThat(report.raw()).containsExactly(entry("ID", "a"), entry("Reference", ""), entry("status", " "),
                entry("MCCMNC", ""));
    }

    @Test
    void theFirstOfTwoSameNamedFieldsWinsAndTheFirstAliasPresentWins() {
        DeliveryReport report = DeliveryReport.fromQuery("msgid=second&ID=first&ID=third");

        assertThat(report.messageId()).isEqualTo("first");
        assertThat(report.raw()).containsExactly(entry("msgid", "second"), entry("ID", "first"));
    }

    @Test
    void jsonKeepsNullsAndNestedValuesRaw() {
        DeliveryReport report = DeliveryReport.fromJson("{\"Id\":\"a\",\"Reference\":null,\"meta\":{\"x\":[1,2]}}");

        assertThat(report.reference()).isEmpty();
        assertThat(report.raw()).containsExactly(entry("Id", "a"), entry("Reference", null), entry("meta", "{\"x\":[1,2]}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MCCMNC=26201&Price=6.00", "", "?", "ID=", "ID=+++", "identifier=abc"})
    void aQueryWithoutAMessageIdIsRejected(String query) {
        assertThatThrownBy(() -> DeliveryReport.fromQuery(query))
                .isInstanceOf(MittoValidationException.class)
                .hasMessageStartingWith("delivery report has no message id")
                .hasMessageContaining("ID, msgid, messageId or smsId");
    }

    @Test
    void theMissingIdMessageNamesTheFieldsThatCame() {
        assertThatThrownBy(() -> DeliveryReport.fromJson("{\"MccMnc\":\"26201\",\"Price\":\"6.00\",\"Id\":null}"))
                .isInstanceOf(MittoValidationException.class)
                .hasMessageContaining("[MccMnc, Price, Id]")
                .hasMessageContaining("callback template");
    }

    @Test
    void theMissingIdMessageStaysShortWhateverCame() {
        StringBuilder query = new StringBuilder("k".repeat(1_000_000)).append("=1");
        for (int i = 0; i < 100_000; i++) {
            query.append("&f").append(i).append('=').append(i);
        }

        assertThatThrownBy(() -> DeliveryReport.fromQuery(query.toString()))
                .isInstanceOf(MittoValidationException.class)
                .hasMessageContaining("[" + "k".repeat(60) + "…, f0, f1, ")
                .hasMessageContaining("f18, … and 99981 more]")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(600));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json|the body is not valid JSON",
        "<xml><Id>a</Id></xml>|the body is not valid JSON",
        "{\"Id\":|the body is not valid JSON",
        "{\"Id\":\"a\"} trailing|the body is not valid JSON",
        "{\"Id\":\"a\"} {}|the body has content after its JSON object",
        "[{\"Id\":\"a\"}]|the body is JSON but not a JSON object (it starts with an array)",
        "\"Id=a\"|the body is JSON but not a JSON object (it starts with a string)",
        "42|not a JSON object (it starts with a number)",
        "'   '|the body is empty",
    })
    void aBodyThatIsNotAJsonObjectIsRejected(String body, String message) {
        assertThatThrownBy(() -> DeliveryReport.fromJson(body))
                .isInstanceOf(MittoValidationException.class)
                .hasMessageStartingWith("delivery report: ")
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @NullSource
    void nullInputsAreRejected(String nothing) {
        assertThatThrownBy(() -> DeliveryReport.fromJson(nothing)).isInstanceOf(MittoValidationException.class)
                .hasMessageContaining("the body is null");
        assertThatThrownBy(() -> DeliveryReport.fromQuery(nothing)).isInstanceOf(MittoValidationException.class)
                .hasMessageContaining("the query string is null");
        assertThatThrownBy(() -> DeliveryReport.fromParameters(null)).isInstanceOf(MittoValidationException.class)
                .hasMessageContaining("the parameter map is null");
    }

    /** A template may put a raw '%' in a value (a discount, a rate): it is kept, never a reason to drop the report. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ID=a&Reference=%zz|a|%zz",
        "ID=a&Reference=100%|a|100%",
        "ID=%|%|",
        "ID=a&Reference=50%+off|a|50% off",
        "ID=a&Reference=%4|a|%4",
        "ID=a&Reference=%%41|a|%A",
        "ID=a&Reference=%25zz|a|%zz",
        "ID=a&Reference=%C3%A4 50%|a|ä 50%",
        "ID=a%2Fb%|a/b%|"})
    void aRawPercentThatIsNoValidEscapeIsKeptAsALiteralPercent(String query, String id, String reference) {
        DeliveryReport report = DeliveryReport.fromQuery(query);

        assertThat(report.messageId()).isEqualTo(id);
        assertThat(report.reference().orElse(null)).isEqualTo(reference);
    }

    @Test
    void rawIsUnmodifiable() {
        Map<String, String> raw = DeliveryReport.fromQuery("ID=a").raw();

        assertThatThrownBy(() -> raw.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void reportsAreValuesEqualByTheirFields() {
        DeliveryReport fromQuery = DeliveryReport.fromQuery("ID=a&MCCMNC=26201");
        DeliveryReport fromParameters = DeliveryReport.fromParameters(Map.of("ID", "a", "MCCMNC", "26201"));

        assertThat(fromQuery).isEqualTo(fromParameters).hasSameHashCodeAs(fromParameters)
                .isNotEqualTo(DeliveryReport.fromQuery("ID=a&MCCMNC=26202"));
        assertThat(fromQuery).hasToString("DeliveryReport[messageId=a, mccMnc=26201]");
        assertThat(DeliveryReport.fromQuery("ID=a&Price=6.00&status=DELIVRD&Reference=r").toString())
                .isEqualTo("DeliveryReport[messageId=a, price=6.00, status=DELIVRD, reference=r]");
        assertThat(Optional.of(fromQuery)).contains(fromParameters);
    }

    /** Prices no template ever sends: each is refused, quickly, and the refusal does not echo the text. */
    static Stream<Arguments> pricesBeyondAnyRealValue() {
        String million = "9".repeat(1_000_000);
        Stream<String> prices = Stream.of("1e999999999", "1e-999999999", "1e2147483647", "-1E+2147483647",
                "1e-2147483648", "1e65", "1e-65", million, "0." + million, "-" + million + "e-5",
                "1" + "0".repeat(Numbers.MAX_CHARS));
        return prices.flatMap(price -> Stream.of(
                Arguments.of(describe(price), "query", "ID=a&Price=" + URLEncoder.encode(price, StandardCharsets.UTF_8)),
                Arguments.of(describe(price), "JSON string", "{\"Id\":\"a\",\"Price\":\"" + price + "\"}"),
                Arguments.of(describe(price), "JSON number", "{\"Id\":\"a\",\"Rate\":" + price + "}"),
                Arguments.of(describe(price), "parameters", price)));
    }

    private static String describe(String price) {
        return price.length() <= 20 ? price : price.substring(0, 12) + "… (" + price.length() + " characters)";
    }

    private static DeliveryReport read(String form, String payload) {
        switch (form) {
            case "query":
                return DeliveryReport.fromQuery(payload);
            case "parameters":
                return DeliveryReport.fromParameters(Map.of("ID", "a", "cost", payload));
            default:
                return DeliveryReport.fromJson(payload);
        }
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("pricesBeyondAnyRealValue")
    void aPriceBeyondAnyRealValueRefusesTheReportQuickly(String price, String form, String payload) {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(() -> {
            DeliveryReport report = read(form, payload);
            report.price();
            report.toString();
        }).isInstanceOf(MittoValidationException.class)
                .hasMessageStartingWith("delivery report")
                .satisfies(e -> assertThat(e.getMessage()).as("the refusal is short, whatever the price's length")
                        .hasSizeLessThan(400)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ID=a&Price=1e999999999", "ID=a&Price=" + "1234567890" + "1234567890" + "1234567890"
            + "1234567890" + "1234567890" + "1234567890" + "12345"})
    void theRefusalSaysWhatIsWrongWithThePrice(String query) {
        assertThatThrownBy(() -> DeliveryReport.fromQuery(query))
                .isInstanceOf(MittoValidationException.class)
                .hasMessageContaining("price")
                .hasMessageMatching("(?s).*(scale|characters).*")
                .hasMessageContaining("such as 6.00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e64", "1e-64", "-0.000001", "123456789012345678901234567890.123456789012345678901234567"})
    void aPriceWithinTheBoundsIsReadExactly(String price) {
        DeliveryReport report = DeliveryReport.fromQuery("ID=a&Price=" + price);

        assertThat(report.price()).contains(new BigDecimal(price));
        assertThat(report.toString()).contains("price=" + new BigDecimal(price).toPlainString());
    }
}
