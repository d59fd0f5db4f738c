package net.mittoapi.sms.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import net.mittoapi.sms.MittoValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class InboundSmsTest {

    private static final Instant SENT = Instant.parse("2019-04-13T17:51:06Z");

    static Stream<Arguments> forms() {
        Function<String, InboundSms> query = InboundSms::fromQuery;
        Function<String, InboundSms> json = InboundSms::fromJson;
        return Stream.of(
                Arguments.of("plain query", query, "from=491725551234&to=4915112345678&text=Stop+it%21"
                        + "&timestamp=2019-04-13T17%3A51%3A06Z&id=m1"),
                Arguments.of("upper-case query", query, "?FROM=491725551234&TO=4915112345678&TEXT=Stop%20it!"
                        + "&TIMESTAMP=2019-04-13T17:51:06Z&ID=m1"),
                Arguments.of("operator-style names", query, "msisdn=491725551234&shortcode=4915112345678"
                        + "&message=Stop+it!&time=1555177866&msgid=m1"),
                Arguments.of("camel-case JSON", json, "{\"sender\":\"491725551234\",\"recipient\":\"4915112345678\","
                        + "\"messageText\":\"Stop it!\",\"receivedAt\":\"2019-04-13T19:51:06+02:00\",\"messageId\":\"m1\"}"),
                Arguments.of("JSON numbers", json, "{\"Originator\":491725551234,\"Destination\":4915112345678,"
                        + "\"Body\":\"Stop it!\",\"ts\":1555177866000,\"SmsId\":\"m1\"}"),
                Arguments.of("snake-case JSON", json, "{\"source\":\"491725551234\",\"dest\":\"4915112345678\","
                        + "\"content\":\"Stop it!\",\"date_time\":\"2019-04-13 17:51:06\",\"msg_id\":\"m1\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void readsFromToTextTimestampAndIdThroughTheirAliases(String form, Function<String, InboundSms> reader,
            String payload) {
        InboundSms sms = reader.apply(payload);

        assertThat(sms.from()).contains("491725551234");
        assertThat(sms.to()).contains("4915112345678");
        assertThat(sms.text()).contains("Stop it!");
        assertThat(sms.timestamp()).contains(SENT);
        assertThat(sms.timestampText()).isPresent();
        assertThat(sms.messageId()).contains("m1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2019-04-13T17:51:06.3091182Z|2019-04-13T17:51:06.3091182Z",
        "2019-04-13T17:51:06Z|2019-04-13T17:51:06Z",
        "2019-04-13T19:51:06+02:00|2019-04-13T17:51:06Z",
        "2019-04-13T19:51:06+0200|2019-04-13T17:51:06Z",
        "2019-04-13T19:51:06.5+02:00[Europe/Berlin]|2019-04-13T17:51:06.5Z",
        "2019-04-13T17:51:06|2019-04-13T17:51:06Z",
        "2019-04-13 17:51:06|2019-04-13T17:51:06Z",
        "2019-04-13 17:51:06.123|2019-04-13T17:51:06.123Z",
        "2019-04-13T17:51:06,5Z|2019-04-13T17:51:06.5Z",
        "2019-04-13T19:51:06 02:00|2019-04-13T17:51:06Z",
        "2019-04-13|2019-04-13T00:00:00Z",
        "Sat, 13 Apr 2019 17:51:06 GMT|2019-04-13T17:51:06Z",
        "1555177866|2019-04-13T17:51:06Z",
        "1555177866309|2019-04-13T17:51:06.309Z",
        "20190413175106|2019-04-13T17:51:06Z",
    })
    void readsCommonTimestampForms(String text, String instant) {
        InboundSms sms = InboundSms.fromParameters(Map.of("from", "491725551234", "timestamp", text));

        assertThat(sms.timestamp()).contains(Instant.parse(instant));
        assertThat(sms.timestampText()).contains(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "13/04/2019 17:51", "2019-13-45T99:00:00Z", "123456789012345"})
    void anUnreadableTimestampIsEmptyButKept(String text) {
        InboundSms sms = InboundSms.fromParameters(Map.of("from", "491725551234", "time", text));

        assertThat(sms.timestamp()).isEmpty();
        assertThat(sms.timestampText()).contains(text);
        assertThat(sms.raw()).containsEntry("time", text);
    }

    @Test
    void theTextIsKeptExactlyWhileOtherValuesAreStripped() {
        InboundSms sms = InboundSms.fromJson("{\"from\":\" 491725551234 \",\"text\":\"  two\\nlines \"}");

        assertThat(sms.from()).contains("491725551234");
        assertThat(sms.text()).contains("  two\nlines ");
    }

    @Test
    void aQueryIsDecodedOnceAndParametersNotAgain() {
        assertThat(InboundSms.fromQuery("from=1&text=50%25+off+%E2%82%AC").text()).contains("50% off €");

        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("from", "1");
        parameters.put("text", "50%25+off");
        assertThat(InboundSms.fromParameters(parameters).text()).contains("50%25+off");
    }

    @Test
    void unknownNamesAreAbsentButInRaw() {
        InboundSms sms = InboundSms.fromQuery("caller=491725551234&words=Hi&keyword=STOP");

        assertThat(sms.from()).isEmpty();
        assertThat(sms.text()).isEmpty();
        assertThat(sms.timestamp()).isEmpty();
        assertThat(sms.raw()).containsExactly(entry("caller", "491725551234"), entry("words", "Hi"),
                entry("keyword", "STOP"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json|inbound SMS: the body is not valid JSON",
        "[]|inbound SMS: the body is JSON but not a JSON object",
        "''|inbound SMS: the body is empty",
        "{}|inbound SMS has no fields at all",
    })
    void garbageBodiesAreRejected(String body, String message) {
        assertThatThrownBy(() -> InboundSms.fromJson(body))
                .isInstanceOf(MittoValidationException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void emptyQueriesAndMapsAreRejected() {
        assertThatThrownBy(() -> InboundSms.fromQuery("?")).isInstanceOf(MittoValidationException.class)
                .hasMessageContaining("no fields at all");
        assertThatThrownBy(() -> InboundSms.fromParameters(Map.of())).isInstanceOf(MittoValidationException.class);
        // a raw '%' that starts no valid escape is a literal '%', as in delivery reports
        assertThat(InboundSms.fromQuery("from=1&text=%G0").text()).contains("%G0");
    }

    @Test
    void messagesAreValuesEqualByTheirFields() {
        InboundSms one = InboundSms.fromQuery("from=1&text=Hi");
        InboundSms same = InboundSms.fromJson("{\"from\":\"1\",\"text\":\"Hi\"}");

        assertThat(one).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(InboundSms.fromQuery("from=1&text=Ho"));
        assertThat(one).hasToString("InboundSms[from=1, text=Hi]");
        assertThat(one.raw()).isUnmodifiable();
    }

    static Stream<String> timestampsOfAMillionCharacters() {
        String million = "9".repeat(1_000_000);
        return Stream.of(million, "2019-04-13T17:51:06." + million + "Z", "2019-04-13 17:51:06." + million + " 02:00",
                "T00:00:00.1 ".repeat(100_000), "2019-04-13T17:51:06Z[" + "A".repeat(1_000_000) + "]",
                "Sat, 13 Apr 2019 17:51:06 " + million, "1e999999999", "-1e2147483647");
    }

    @ParameterizedTest
    @MethodSource("timestampsOfAMillionCharacters")
    void aHostileTimestampIsEmptyButKeptAndCostsNothing(String text) {
        InboundSms sms = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> InboundSms.fromParameters(Map.of("from", "491725551234", "timestamp", text)));

        assertThat(sms.timestamp()).isEmpty();
        assertThat(sms.timestampText()).contains(text.strip());
    }

    @Test
    void theLongestTimestampFormIsWithinTheBound() {
        String longest = "+999999999-12-31T23:59:59.999999999+18:00[America/Argentina/ComodRivadavia]";

        assertThat(longest.length()).isLessThan(InboundSms.MAX_TIMESTAMP_CHARS);
        assertThat(InboundSms.parseTimestamp("2019-04-13T19:51:06.123456789-03:00[America/Argentina/ComodRivadavia]"))
                .isEqualTo(Instant.parse("2019-04-13T22:51:06.123456789Z"));
    }
}
