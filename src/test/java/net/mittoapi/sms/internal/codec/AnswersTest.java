package net.mittoapi.sms.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import net.mittoapi.sms.BulkMessage;
import net.mittoapi.sms.BulkSmsResponse;
import net.mittoapi.sms.CountryUsage;
import net.mittoapi.sms.Format;
import net.mittoapi.sms.MittoApiException;
import net.mittoapi.sms.MittoException;
import net.mittoapi.sms.MittoTransportException;
import net.mittoapi.sms.SmsResponse;
import net.mittoapi.sms.UsageResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tolerant reading of the API's answers, field by field. */
class AnswersTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    private final Answers json = new Answers(Codec.of(Format.JSON));
    private final Answers xml = new Answers(Codec.of(Format.XML));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "13|13", "' 13'|13", "'13 '|13", "'\"13\"'|13", "'\" 13\"'|13", "13.0|13", "'\" 529\"'|529", "null|-1", "'\"\"'|-1"})
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
        "2019-04-13T17:51:06.123456789Z, 2019-04-13T17:51:06.123456789Z",
        "2019-04-13T17:51:06.1234567890Z, 2019-04-13T17:51:06.123456789Z",
        "2019-04-13T17:51:06.30911829999999999999, 2019-04-13T17:51:06.309118299Z",
        "2019-04-13T19:51:06.30911820000000+02:00, 2019-04-13T17:51:06.309118200Z"})
    void timestampsAreReadWithAnyPrecisionAsUtc(String wire, Instant expected) {
        byte[] body = bytes("{\"id\":\"a\",\"timestamp\":\"" + wire + "\"}");
        assertThat(json.sms(200, body).timestamp()).isEqualTo(expected);
        assertThat(xml.sms(200, bytes("<r><id>a</id><timestamp>" + wire + "</timestamp></r>")).timestamp())
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"true, true", "'\"true\"', true", "'\"TRUE\"', true", "1, true", "false, false", "'\"0\"', false"})
    void testIsReadFromABooleanOrAString(String wire, boolean expected) {
        assertThat(json.sms(200, bytes("{\"id\":\"a\",\"test\":" + wire + "}")).test()).isEqualTo(expected);
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

    // ---- issue 8: numbers that overflow, or are too long to parse in reasonable time ----

    /** Every reader of an answer, by name, for the tables below. */
    private static Stream<Arguments> readers() {
        Answers json = new Answers(Codec.of(Format.JSON));
        Answers xml = new Answers(Codec.of(Format.XML));
        Stream.Builder<Arguments> readers = Stream.builder();
        for (Answers answers : new Answers[] {json, xml}) {
            String format = answers == json ? "JSON" : "XML";
            readers.add(Arguments.of(format + " sms", answers, (Function<byte[], Object>) b -> answers.sms(200, b)));
            readers.add(Arguments.of(format + " bulk", answers, (Function<byte[], Object>) b -> answers.bulk(200, b)));
            readers.add(Arguments.of(format + " usage", answers, (Function<byte[], Object>) b -> answers.usage(200, b)));
            readers.add(Arguments.of(format + " conversion", answers,
                    (Function<byte[], Object>) b -> answers.conversion(200, b)));
            for (int status : new int[] {400, 401, 429, 500}) {
                readers.add(Arguments.of(format + " error " + status, answers,
                        (Function<byte[], Object>) b -> { throw answers.error(status, b, null); }));
            }
        }
        return readers.build();
    }

    private static Stream<Arguments> overflowingNumbers() {
        Stream.Builder<Arguments> cases = Stream.builder();
        readers().forEach(reader -> {
            String name = (String) reader.get()[0];
            @SuppressWarnings("unchecked")
            Function<byte[], Object> read = (Function<byte[], Object>) reader.get()[2];
            boolean xmlReader = name.startsWith("XML");
            for (String number : new String[] {"1e9999999999", "-1e9999999999", "1e-9999999999", "1e2147483648"}) {
                for (String field : new String[] {"responseCode", "textLength", "messagesCount", "cost"}) {
                    String jsonBody = "{\"id\":\"a\",\"" + field + "\":" + number + ",\"messages\":[{\"id\":\"b\",\""
                            + field + "\":" + number + "}],\"usagesByCountry\":[{\"country\":\"DEU\",\"" + field + "\":"
                            + number + "}]}";
                    cases.add(Arguments.of(name + ", " + field + " " + number, read, jsonBody));
                    if (xmlReader) {
                        String xmlBody = "<r><id>a</id><" + field + ">" + number + "</" + field + "><messages><m><id>b</id><"
                                + field + ">" + number + "</" + field + "></m></messages><usagesByCountry><u><country>DEU"
                                + "</country><" + field + ">" + number + "</" + field + "></u></usagesByCountry></r>";
                        cases.add(Arguments.of(name + " (XML body), " + field + " " + number, read, xmlBody));
                    }
                }
            }
        });
        return cases.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overflowingNumbers")
    void anOverflowingNumberInAnyAnswerIsAValueOrAMittoExceptionNeverAnotherThrowable(String name,
            Function<byte[], Object> read, String body) {
        Throwable thrown = catchThrowable(() -> read.apply(bytes(body)));

        assertThat(thrown).as(name).satisfiesAnyOf(t -> assertThat(t).isNull(),
                t -> assertThat(t).isInstanceOf(MittoException.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"responseCode\":1e9999999999}", "<r><responseCode>1e9999999999</responseCode></r>"})
    void anUnreadableSuccessfulAnswerIsATransportExceptionThatMayHaveBeenDelivered(String body) {
        assertThatThrownBy(() -> xml.sms(200, bytes(body))).isInstanceOfSatisfying(MittoTransportException.class,
                e -> assertThat(e.maybeDelivered()).isTrue());
        assertThatThrownBy(() -> xml.bulk(200, bytes(body))).isInstanceOfSatisfying(MittoTransportException.class,
                e -> assertThat(e.maybeDelivered()).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"responseCode\":1e9999999999,\"responseText\":\"x\"}",
        "<r><responseCode>1e9999999999</responseCode><responseText>x</responseText></r>"})
    void anErrorAnswerWithAnOverflowingCodeKeepsItsStatusAndText(String body) {
        MittoApiException e = xml.error(400, bytes(body), null);

        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.responseCode()).isEqualTo(-1);
        assertThat(e.responseText()).isEqualTo("x");
        assertThat(e.body()).isEqualTo(body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"JSON", "XML"})
    void aMillionDigitNumberWrittenAsAStringIsRefusedBeforeItIsParsed(String format) {
        String digits = "7".repeat(1_000_000);
        String body = format.equals("JSON") ? "{\"responseCode\":0,\"textLength\":\"" + digits + "\"}"
                : "<r><responseCode>0</responseCode><textLength>" + digits + "</textLength></r>";
        String usage = format.equals("JSON") ? "{\"usagesByCountry\":[{\"country\":\"DEU\",\"messagesCount\":\"1\","
                + "\"cost\":\"" + digits + "\"}]}"
                : "<r><usagesByCountry><u><country>DEU</country><cost>" + digits + "</cost></u></usagesByCountry></r>";

        // Parsing a million digits takes about 20 s (quadratic); refusing them by length takes microseconds.
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThat(catchThrowable(() -> xml.sms(200, bytes(body)))).isInstanceOf(MittoTransportException.class);
            assertThat(catchThrowable(() -> xml.usage(200, bytes(usage)))).isInstanceOf(MittoTransportException.class);
            assertThat(xml.error(400, bytes(body.replace("\"responseCode\":0", "\"responseCode\":\"" + digits + "\"")
                    .replace("<responseCode>0<", "<responseCode>" + digits + "<")), null).responseCode()).isEqualTo(-1);
        });
    }

    // ---- issue 7, item 3: lose nothing a successful answer carries ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'\"timestamp\":\"13.04.2019 17:51\"'|timestamp",
        "'\"textLength\":\"thirteen\"'|textLength",
        "'\"textLength\":1e9999999999'|textLength",
        "'\"textLength\":12.5'|textLength",
        "'\"textLength\":{\"a\":1}'|textLength",
        "'\"test\":\"maybe\"'|test",
        "'\"responseCode\":\"zero\"'|responseCode"})
    void aReadableIdIsReturnedEvenWhenAnotherFieldIsNot(String field, String name) {
        for (Answers answers : new Answers[] {json, xml}) {
            SmsResponse r = answers.sms(200, bytes("{\"id\":\"d8d9\",\"to\":\"491725551234\"," + field + "}"));

            assertThat(r.id()).isEqualTo("d8d9");
            assertThat(r.to()).isEqualTo("491725551234");
            assertThat(r.timestamp()).isNull();
            assertThat(r.textLength()).isEqualTo(-1);
            assertThat(r.test()).isFalse();
            assertThat(r.responseCode()).isEqualTo(name.equals("responseCode") ? -1 : 0);
        }
    }

    @Test
    void aReadableIdInAnXmlAnswerIsReturnedEvenWhenAnotherFieldIsNot() {
        SmsResponse r = xml.sms(200, bytes("<SmsResponse><id>d8d9</id><timestamp>yesterday</timestamp>"
                + "<textLength>1e9999999999</textLength><responseCode>0</responseCode></SmsResponse>"));

        assertThat(r.id()).isEqualTo("d8d9");
        assertThat(r.timestamp()).isNull();
        assertThat(r.textLength()).isEqualTo(-1);
        assertThat(r.responseCode()).isZero();
    }

    @Test
    void bulkMessagesWithAReadableIdAreReturnedEvenWhenAnotherFieldIsNot() {
        BulkMessage m = json.bulk(200, bytes("{\"responseCode\":0,\"messages\":[{\"id\":\"b1\",\"textLength\":\"x\"},"
                + "{\"id\":\"b2\",\"timestamp\":\"soon\",\"textLength\":2}]}")).messages().get(1);

        assertThat(json.bulk(200, bytes("{\"responseCode\":0,\"messages\":[{\"id\":\"b1\",\"textLength\":\"x\"}]}"))
                .messages()).singleElement().satisfies(first -> {
                    assertThat(first.id()).isEqualTo("b1");
                    assertThat(first.textLength()).isEqualTo(-1);
                });
        assertThat(m.id()).isEqualTo("b2");
        assertThat(m.timestamp()).isNull();
        assertThat(m.textLength()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"to\":\"491725551234\"}", "{\"textLength\":13,\"test\":true}",
        "{\"timestamp\":\"yesterday\"}", "<r/>", "<r><to>491725551234</to></r>"})
    void aSuccessfulSendAnswerWithNeitherIdNorResponseCodeIsATransportExceptionThatMayHaveBeenDelivered(String body) {
        assertThatThrownBy(() -> xml.sms(200, bytes(body))).isInstanceOfSatisfying(MittoTransportException.class, e -> {
            assertThat(e.maybeDelivered()).isTrue();
            assertThat(e).hasMessageContaining("HTTP 200").hasMessageContaining("do not send it again without checking");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"responseText\":\"SMS sent\"}", "{\"messages\":[{\"to\":\"1\"}]}", "<r/>"})
    void aSuccessfulBulkAnswerWithNeitherAMessageIdNorResponseCodeIsATransportException(String body) {
        assertThatThrownBy(() -> xml.bulk(200, bytes(body))).isInstanceOfSatisfying(MittoTransportException.class,
                e -> assertThat(e.maybeDelivered()).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"responseCode\":0}", "{\"id\":\"x\"}", "{\"responseCode\":\" 0\",\"test\":true}"})
    void anIdOrAResponseCodeIsEnoughForASuccessfulSend(String body) {
        assertThat(json.sms(200, bytes(body)).responseCode()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{}|expected usagesByCountry, got an empty object",
        "{\"usages\":[]}|expected usagesByCountry, got '{\"usages\":[]}'",
        "{\"usagesByCountry\":42}|expected usagesByCountry to be a list, got '42'",
        "{\"usagesByCountry\":[42]}|expected usagesByCountry[0] to have a country, messagesCount and cost, got '42'",
        "{\"usagesByCountry\":[{}]}|expected usagesByCountry[0] to have a country, messagesCount and cost, got an empty object",
        "{\"usagesByCountry\":[{\"land\":\"DEU\"}]}|got '{\"land\":\"DEU\"}'",
        "[{\"land\":\"DEU\"}]|got '{\"land\":\"DEU\"}'",
        "{\"usagesByCountry\":[{\"country\":\"DEU\",\"cost\":\"cheap\"}]}|usagesByCountry[0].cost is not a number",
        "<UsageResponse/>|expected usagesByCountry",
        "<UsageResponse><usages/></UsageResponse>|expected usagesByCountry"})
    void aUsageAnswerInAShapeTheSdkDoesNotRecognizeIsAnErrorNamingWhatItGot(String body, String message) {
        assertThatThrownBy(() -> xml.usage(200, bytes(body))).isInstanceOfSatisfying(MittoTransportException.class, e -> {
            assertThat(e).hasMessageContaining(message).hasMessageContaining("safe to ask again");
            assertThat(e.maybeDelivered()).isTrue();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"usagesByCountry\":[]}", "{\"usagesByCountry\":null}", "{\"usagesByCountry\":\"\"}", "[]",
        "{\"responseCode\":0,\"usagesByCountry\":[]}", "<UsageResponse><usagesByCountry/></UsageResponse>",
        "<UsageResponse><usagesByCountry></usagesByCountry></UsageResponse>"})
    void anEmptyUsagesByCountryStaysAnEmptyList(String body) {
        assertThat(xml.usage(200, bytes(body)).usagesByCountry()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"responseCode\":1e9999999999}", "<r><responseCode>x</responseCode></r>", "{\"responseCode\":"})
    void aConversionAnswerThatIsAnUnreadableDocumentIsATransportException(String body) {
        assertThatThrownBy(() -> xml.conversion(200, bytes(body))).isInstanceOf(MittoTransportException.class)
                .hasMessageContaining("reporting it again is harmless");
    }

    @ParameterizedTest
    @ValueSource(ints = {1_001, 100_000})
    void deeplyNestedJsonIsRefusedByJacksonsDepthLimitNotByAStackOverflow(int depth) {
        String arrays = "[".repeat(depth) + "]".repeat(depth);
        String objects = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);

        for (String body : new String[] {arrays, "{\"id\":\"x\",\"messages\":" + arrays + "}", objects}) {
            assertThat(catchThrowable(() -> json.sms(200, bytes(body)))).isInstanceOf(MittoTransportException.class);
            assertThat(catchThrowable(() -> json.bulk(200, bytes(body)))).isInstanceOf(MittoTransportException.class);
        }
    }

    // ---- the API's own answers, and the variations a tolerant reader must read alike ----

    static final String ID = "715118ef01aa4480bbd67324a0459b0b";
    private static final Instant SENT = Instant.parse("2019-04-13T12:07:57.862557400Z");

    /** The use-case page's answers in JSON, and in XML as the sandbox writes them, read field by field. */
    @Test
    void theApisAnswersAreReadIntoTheirRecordsInJsonAndXml() {
        SmsResponse sms = new SmsResponse(ID, SENT, "41751231234", 0, 13, "SMS sent", false);
        assertThat(xml.sms(200, bytes("{\"id\":\"" + ID + "\",\"timestamp\":\"2019-04-13T12:07:57.8625574Z\","
                + "\"to\":\"41751231234\",\"responseCode\":0,\"textLength\":13,\"responseText\":\"SMS sent\","
                + "\"test\":false}"))).isEqualTo(sms);
        assertThat(xml.sms(200, bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><SmsResponse><id>" + ID + "</id>"
                + "<timestamp>2019-04-13T12:07:57.8625574Z</timestamp><to>41751231234</to><responseCode>0"
                + "</responseCode><textLength>13</textLength><responseText>SMS sent</responseText><test>false</test>"
                + "</SmsResponse>"))).isEqualTo(sms);

        BulkSmsResponse bulk = new BulkSmsResponse(0, "SMS sent", List.of(
                new BulkMessage("a", SENT, "4917600001", 31), new BulkMessage("b", null, "2", -1)));
        assertThat(xml.bulk(200, bytes("{\"responseCode\":0,\"responseText\":\"SMS sent\",\"messages\":[{\"id\":\"a\","
                + "\"timestamp\":\"2019-04-13T12:07:57.8625574Z\",\"to\":\"4917600001\",\"textLength\":31},"
                + "{\"id\":\"b\",\"to\":\"2\"}]}"))).isEqualTo(bulk);
        assertThat(xml.bulk(200, bytes("<BulkSmsResponse><responseCode>0</responseCode><responseText>SMS sent"
                + "</responseText><messages><message><id>a</id><timestamp>2019-04-13T12:07:57.8625574Z</timestamp>"
                + "<to>4917600001</to><textLength>31</textLength></message><message><id>b</id><to>2</to></message>"
                + "</messages></BulkSmsResponse>"))).isEqualTo(bulk);

        UsageResponse usage = new UsageResponse(List.of(new CountryUsage("DEU", 1140, new BigDecimal("68.400000")),
                new CountryUsage("AUT", 3, new BigDecimal("0.18"))));
        assertThat(xml.usage(200, bytes("{\"usagesByCountry\":[{\"country\":\"DEU\",\"messagesCount\":\"1140\","
                + "\"cost\":\"68.400000\"},{\"country\":\"AUT\",\"messagesCount\":3,\"cost\":0.18}]}")))
                .isEqualTo(usage);
        assertThat(xml.usage(200, bytes("<UsageResponse><usagesByCountry><usageByCountry><country>DEU</country>"
                + "<messagesCount>1140</messagesCount><cost>68.400000</cost></usageByCountry><usageByCountry>"
                + "<country>AUT</country><messagesCount>3</messagesCount><cost>0.18</cost></usageByCountry>"
                + "</usagesByCountry></UsageResponse>"))).isEqualTo(usage);
    }

    /** A timestamp with more than nine fractional digits, in every answer that carries one and in both formats. */
    @Test
    void aTimestampOfAnyPrecisionIsReadInEveryAnswer() {
        String stamp = "2019-04-13T12:07:57.86255741234567Z";
        Instant expected = Instant.parse("2019-04-13T12:07:57.862557412Z");

        assertThat(json.sms(200, bytes("{\"id\":\"a\",\"timestamp\":\"" + stamp + "\"}")).timestamp()).isEqualTo(expected);
        assertThat(xml.sms(200, bytes("<SmsResponse><id>a</id><timestamp>" + stamp + "</timestamp></SmsResponse>"))
                .timestamp()).isEqualTo(expected);
        assertThat(json.bulk(200, bytes("{\"responseCode\":0,\"messages\":[{\"id\":\"a\",\"timestamp\":\"" + stamp
                + "\"}]}")).messages()).singleElement().satisfies(m -> assertThat(m.timestamp()).isEqualTo(expected));
        assertThat(xml.bulk(200, bytes("<r><messages><message><id>a</id><timestamp>" + stamp + "</timestamp></message>"
                + "</messages></r>")).messages()).singleElement()
                .satisfies(m -> assertThat(m.timestamp()).isEqualTo(expected));
    }

    /**
     * Shapes a serializer rarely writes: names in another case, a duplicate (Jackson's tree keeps the last), a
     * whole number written as a decimal, a number for a text or a boolean, attributes, empty and unknown elements,
     * a byte order mark.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"ID\":\"a\"}|a|-1|false",
        "{\"Id\":\"a\",\"TEXTLENGTH\":\"13\",\"Test\":\"TRUE\"}|a|13|true",
        "{\"id\":\"a\",\"id\":\"b\"}|b|-1|false",
        "{\"id\":\"a\",\"textLength\":13.0}|a|13|false",
        "{\"id\":\"a\",\"test\":1}|a|-1|true",
        "{\"id\":7}|7|-1|false",
        "{\"id\":\"a\",\"extra\":{\"n\":[1,2,{\"m\":null}]},\"responseCode\":\"0\",\"textLength\":\"13\",\"test\":\"true\"}|a|13|true",
        "<r><id type=\"hex\">a</id></r>|a|-1|false",
        "<r><Id>a</Id></r>|a|-1|false",
        "<r><id>a</id><textLength/></r>|a|-1|false",
        "'\uFEFF <r>\n  <id>a</id>\n  <unknown><deep x=\"1\">y</deep></unknown>\n</r>'|a|-1|false"})
    void unusualShapesAreReadTolerantly(String body, String id, int textLength, boolean test) {
        SmsResponse r = xml.sms(200, bytes(body));

        assertThat(r.id()).isEqualTo(id);
        assertThat(r.textLength()).isEqualTo(textLength);
        assertThat(r.test()).isEqualTo(test);
        assertThat(r.responseCode()).isZero();
    }

    /**
     * Every string of an answer is decoded, also one in a field nobody reads: a body that is not UTF-8 (here a
     * lone surrogate, {@code ED A0 80}, in an unknown field) is refused, never read as if it were.
     */
    @Test
    void anAnswerThatIsNotUtf8IsRefusedEvenInAFieldNobodyReads() {
        byte[] body = bytes("{\"id\":\"a\",\"responseCode\":0,\"extra\":\"???\",\"messages\":[{\"id\":\"b\"}],"
                + "\"usagesByCountry\":[]}");
        int at = new String(body, StandardCharsets.UTF_8).indexOf("???");
        body[at] = (byte) 0xED;
        body[at + 1] = (byte) 0xA0;
        body[at + 2] = (byte) 0x80;

        for (Function<byte[], Object> read : List.<Function<byte[], Object>>of(b -> json.sms(200, b),
                b -> json.bulk(200, b), b -> json.usage(200, b))) {
            assertThat(catchThrowable(() -> read.apply(body))).isInstanceOfSatisfying(MittoTransportException.class,
                    e -> assertThat(e).hasMessageContaining("surrogate"));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
