package net.mittoapi.sms.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import net.mittoapi.sms.BulkMessage;
import net.mittoapi.sms.Format;
import net.mittoapi.sms.MittoApiException;
import net.mittoapi.sms.MittoTransportException;
import net.mittoapi.sms.SmsResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tolerant reading of the API's answers, field by field. */
class AnswersTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    private final Answers json = new Answers(Codec.of(Format.JSON));
    private final Answers xml = new Answers(Codec.of(Format.XML));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "13|13", "' 13'|13", "'13 '|13", "'\"13\"'|13", "'\" 13\"'|13", "13.0|13", "'\" 529\"'|529", "null|0", "'\"\"'|0"})
    void textLengthIsReadFromANumberOrAPaddedString(String value, int expected) {
        SmsResponse r = json.sms(200, bytes("{\"responseCode\":0,\"textLength\":" + value.strip() + "}"));
        assertThat(r.textLength()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "2019-04-13T17:51:06.3091182Z, 2019-04-13T17:51:06.309118200Z",
        "2019-04-13T17:51:06Z, 2019-04-13T17:51:06Z",
        "2019-04-13T17:51:06.3091182, 2019-04-13T17:51:06.309118200Z",
        "2019-04-13T19:51:06.3091182+02:00, 2019-04-13T17:51:06.309118200Z",
        "2019-04-13T17:51:06.123456789Z, 2019-04-13T17:51:06.123456789Z"})
    void timestampsAreReadWithAnyPrecisionAsUtc(String wire, Instant expected) {
        SmsResponse r = json.sms(200, bytes("{\"timestamp\":\"" + wire + "\"}"));
        assertThat(r.timestamp()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"true, true", "'\"true\"', true", "'\"TRUE\"', true", "1, true", "false, false", "'\"0\"', false"})
    void testIsReadFromABooleanOrAString(String wire, boolean expected) {
        assertThat(json.sms(200, bytes("{\"test\":" + wire + "}")).test()).isEqualTo(expected);
    }

    @Test
    void aMissingResponseCodeOnSuccessIsZero() {
        SmsResponse r = json.sms(200, bytes("{\"id\":\"x\"}"));
        assertThat(r.responseCode()).isZero();
        assertThat(r.responseText()).isNull();
        assertThat(r.to()).isNull();
    }

    @Test
    void aNonZeroResponseCodeIsAnApiExceptionWithTheRawBody() {
        assertThatThrownBy(() -> json.sms(200, bytes("{\"responseCode\":\"4\",\"responseText\":\"bad text\"}")))
                .isInstanceOfSatisfying(MittoApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(200);
                    assertThat(e.responseCode()).isEqualTo(4);
                    assertThat(e.body()).contains("bad text");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"OK\"", "42", "nope"})
    void aSuccessfulAnswerThatIsNoObjectIsUnreadable(String body) {
        assertThatThrownBy(() -> json.sms(200, bytes(body))).isInstanceOfSatisfying(MittoTransportException.class,
                e -> assertThat(e.maybeDelivered()).isTrue());
    }

    @Test
    void xmlListsAreReadWrappedUnwrappedOrSingle() {
        String one = "<id>a</id><to>1</to>";
        String two = "<id>b</id><to>2</to>";
        assertThat(xml.bulk(200, bytes("<r><messages><m>" + one + "</m><m>" + two + "</m></messages></r>")).messages())
                .extracting(BulkMessage::id).containsExactly("a", "b");
        assertThat(xml.bulk(200, bytes("<r><messages>" + one + "</messages><messages>" + two + "</messages></r>"))
                .messages()).extracting(BulkMessage::id).containsExactly("a", "b");
        assertThat(xml.bulk(200, bytes("<r><messages>" + one + "</messages></r>")).messages())
                .extracting(BulkMessage::to).containsExactly("1");
        assertThat(xml.bulk(200, bytes("<r><messages><item>" + one + "</item></messages></r>")).messages())
                .extracting(BulkMessage::to).containsExactly("1");
    }

    @Test
    void anXmlElementWithAttributesKeepsItsText() {
        SmsResponse r = xml.sms(200, bytes("<r><textLength unit=\"chars\"> 13</textLength><id type=\"hex\">abc</id></r>"));
        assertThat(r.textLength()).isEqualTo(13);
        assertThat(r.id()).isEqualTo("abc");
    }

    @Test
    void usageAcceptsATopLevelArray() {
        assertThat(json.usage(200, bytes("[{\"country\":\"DEU\",\"messagesCount\":\"1\",\"cost\":\"0.06\"}]"))
                .usagesByCountry()).singleElement().satisfies(u -> assertThat(u.messagesCount()).isEqualTo(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"12.5\"", "\"lots\"", "99999999999999999999"})
    void aCountThatIsNoWholeLongIsUnreadable(String count) {
        assertThatThrownBy(() -> json.usage(200, bytes("{\"usagesByCountry\":[{\"messagesCount\":" + count + "}]}")))
                .isInstanceOf(MittoTransportException.class).hasMessageContaining("messagesCount");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "OK", "ok", " OK\n", "{\"responseCode\":0}", "Thanks"})
    void conversionAcceptsOkAndOtherHappyAnswers(String body) {
        assertThat(json.conversion(200, bytes(body))).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "5|PT5S", "' 5 '|PT5S", "0|PT0S", "99999999999999999999999|PT2562047788015215H30M7S",
        "Wed, 01 May 2024 12:00:30 GMT|PT30S", "Wed, 01 May 2024 11:00:00 GMT|PT0S"})
    void retryAfterIsReadAsSecondsOrAnHttpDate(String header, Duration expected) {
        assertThat(Answers.retryAfter(header, NOW)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "soon", "-5", "1.5"})
    void anUnreadableRetryAfterCountsAsAbsent(String header) {
        assertThat(Answers.retryAfter(header, NOW)).isNull();
        assertThat(Answers.retryAfter(null, NOW)).isNull();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
