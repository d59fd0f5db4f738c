package net.mittoapi.sms.sandbox;

import static net.mittoapi.sms.sandbox.RawHttp.HELLO;
import static net.mittoapi.sms.sandbox.RawHttp.child;
import static net.mittoapi.sms.sandbox.RawHttp.children;
import static net.mittoapi.sms.sandbox.RawHttp.post;
import static net.mittoapi.sms.sandbox.RawHttp.send;
import static net.mittoapi.sms.sandbox.RawHttp.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.mittoapi.sms.sandbox.junit.MittoSandboxExtension;
import net.mittoapi.sms.segments.Encoding;
import net.mittoapi.sms.segments.SegmentCalculator;
import net.mittoapi.sms.segments.SegmentInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

/** The sandbox's endpoints over real HTTP, in JSON and XML, with every error answer. */
@ExtendWith(MittoSandboxExtension.class)
class MittoSandboxIT {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{7}Z");
    /** The seed's long example (without the leading space of its JSON), 529 GSM-7 characters. */
    private static final String SEED_LONG_TEXT = "Due to the limitations of GSM/PDU standard, the body text of an SMS"
            + " message cannot be longer than 160 characters (70 characters if the text is Unicode format)."
            + " MITTO's SMS API overcomes this limitations by splitting larger messages into several smaller"
            + " messages, each of which conforms to that standards. This operation is automatic and you don't"
            + " have to do anything when making the API request the process is triggered automatically when"
            + " the text entered in body of the SMS (the body parameter of the request) exceeds the limit.";

    /** The class's sandbox, reset before each test (MittoSandboxExtension). */
    private final MittoSandbox sandbox;

    MittoSandboxIT(MittoSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/sms", "/sms.json"})
    void sendAnswersTheSeedsJsonShape(String path) {
        RawHttp.Reply reply = post(sandbox, path, HELLO);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode json = reply.json();
        assertThat(fieldNames(json)).containsExactly("id", "timestamp", "to", "responseCode", "textLength",
                "responseText", "test");
        assertThat(json.get("id").asText()).matches(ID);
        assertThat(json.get("timestamp").asText()).matches(TIMESTAMP);
        assertThat(json.get("to").asText()).isEqualTo("491725551234");
        assertThat(json.get("responseCode").isInt()).isTrue();
        assertThat(json.get("responseCode").asInt()).isZero();
        assertThat(json.get("textLength").isInt()).isTrue();
        assertThat(json.get("textLength").asInt()).isEqualTo(13);
        assertThat(json.get("responseText").asText()).isEqualTo("SMS sent");
        assertThat(json.get("test").booleanValue()).isFalse();

        SentMessage message = sandbox.message(json.get("id").asText()).orElseThrow();
        assertThat(message.to()).isEqualTo("491725551234");
        assertThat(message.from()).isEqualTo("MITTO SMS");
        assertThat(message.text()).isEqualTo("Hello, World!");
        assertThat(message.country()).isEqualTo("DEU");
        assertThat(message.parts()).isEqualTo(1);
        assertThat(message.timestamp()).isEqualTo(Instant.parse(json.get("timestamp").asText()));
    }

    @Test
    void testCallsEchoTestAndWriteTextLengthAsTheSeedsQuirkyString() {
        JsonNode json = post(sandbox, "/sms.json",
                "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"Hello, World!\",\"test\":true}").json();

        assertThat(json.get("test").booleanValue()).isTrue();
        assertThat(json.get("textLength").isTextual()).isTrue();
        assertThat(json.get("textLength").asText()).isEqualTo(" 13");
        assertThat(json.get("id").asText()).matches(ID);
        assertThat(sandbox.messages()).singleElement().satisfies(message -> {
            assertThat(message.test()).isTrue();
            assertThat(message.cost()).isZero();
        });
    }

    @Test
    void sendAnswersXmlUnderSmsResponse() {
        RawHttp.Reply reply = post(sandbox, "/sms.xml", HELLO);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/xml"));
        Element root = reply.xml();
        assertThat(root.getTagName()).isEqualTo("SmsResponse");
        assertThat(children(root)).extracting(Element::getTagName).containsExactly("id", "timestamp", "to",
                "responseCode", "textLength", "responseText", "test");
        assertThat(text(root, "id")).matches(ID);
        assertThat(text(root, "timestamp")).matches(TIMESTAMP);
        assertThat(text(root, "to")).isEqualTo("491725551234");
        assertThat(text(root, "responseCode")).isEqualTo("0");
        assertThat(text(root, "textLength")).isEqualTo("13");
        assertThat(text(root, "test")).isEqualTo("false");
        assertThat(sandbox.message(text(root, "id"))).isPresent();
    }

    @Test
    void fieldNamesAreMatchedIgnoringCase() {
        RawHttp.Reply reply = post(sandbox, "/sms",
                "{\"From\":\"MITTO SMS\",\"TO\":\"41751231234\",\"Text\":\"Hi there\",\"TYPE\":\"GSM\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(sandbox.messages()).singleElement().satisfies(message -> {
            assertThat(message.to()).isEqualTo("41751231234");
            assertThat(message.country()).isEqualTo("CHE");
            assertThat(message.type()).contains("gsm");
        });
    }

    @Test
    void longAndUnicodeTextsAreMeasuredInParts() {
        String longText = "x".repeat(161);
        JsonNode gsm = post(sandbox, "/sms", sendBody("auto", longText)).json();
        JsonNode unicode = post(sandbox, "/sms", sendBody("unicode", longText)).json();
        JsonNode cyrillic = post(sandbox, "/sms", sendBody("auto", "Здравствуй, Мир!")).json();

        assertThat(gsm.get("textLength").asInt()).isEqualTo(161);
        assertThat(sandbox.message(gsm.get("id").asText()).orElseThrow().parts()).isEqualTo(2);
        assertThat(unicode.get("textLength").asInt()).isEqualTo(161);
        assertThat(sandbox.message(unicode.get("id").asText()).orElseThrow().parts()).isEqualTo(3);
        assertThat(cyrillic.get("textLength").asInt()).isEqualTo(16);
        assertThat(sandbox.message(cyrillic.get("id").asText()).orElseThrow().parts()).isEqualTo(1);
    }

    static Stream<Arguments> textsAndTypes() {
        return Stream.of(
                Arguments.of("Hello, World!", null),
                Arguments.of("Price: 5€ [promo] {code} ~x~ ^|\\", "gsm"),
                Arguments.of("€".repeat(81), "auto"),
                Arguments.of("Здравствуй, Мир!", "auto"),
                Arguments.of("Hello 👋🏽 family 👨‍👩‍👧‍👦 flags 🇩🇪🇷🇸", "AUTO"),
                Arguments.of("Hello, World!", null),
                Arguments.of("x".repeat(160), "gsm"),
                Arguments.of("x".repeat(161), "gsm"),
                Arguments.of("Hello, World!", "unicode"),
                Arguments.of(SEED_LONG_TEXT, "auto"),
                Arguments.of(SEED_LONG_TEXT, "unicode"));
    }

    @ParameterizedTest(name = "[{index}] type {1}")
    @MethodSource("textsAndTypes")
    void textLengthAndPartsAreTheSdksSegmentCalculation(String text, String type) {
        String body = "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":" + RawHttp.MAPPER.valueToTree(text)
                + (type == null ? "" : ",\"type\":\"" + type + "\"") + "}";
        SegmentInfo expected = "unicode".equals(type) ? SegmentCalculator.calculate(text, Encoding.UCS_2)
                : SegmentCalculator.calculate(text);

        JsonNode json = post(sandbox, "/sms", body).json();

        assertThat(json.get("responseCode").asInt()).isZero();
        assertThat(json.get("textLength").asInt()).isEqualTo(expected.length());
        assertThat(sandbox.message(json.get("id").asText()).orElseThrow().parts()).isEqualTo(expected.segmentCount());
    }

    @Test
    void theSeedsLongTextIsFourGsmPartsOrEightUnicodeParts() {
        post(sandbox, "/sms", sendBody("auto", SEED_LONG_TEXT));
        post(sandbox, "/sms", sendBody("unicode", SEED_LONG_TEXT));

        assertThat(sandbox.messages()).extracting(SentMessage::textLength).containsExactly(529, 529);
        assertThat(sandbox.messages()).extracting(SentMessage::parts).containsExactly(4, 8);
    }

    @Test
    void binaryTextsAreHexOctets() {
        JsonNode json = post(sandbox, "/sms", sendBody("binary", "0A0b0C")).json();

        assertThat(json.get("responseCode").asInt()).isZero();
        assertThat(json.get("textLength").asInt()).isEqualTo(3);
    }

    /** The callback is a receiver of the test's own: the sandbox delivers its report there. */
    @Test
    void optionalFieldsAreAcceptedAndRecorded() throws InterruptedException {
        try (CallbackServer callbacks = CallbackServer.start(200)) {
            String body = "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"Hi\",\"type\":\"auto\",\"test\":false,"
                    + "\"reference\":\"Campaign 2019-05, B-split message\",\"callback\":\"" + callbacks.url() + "\","
                    + "\"udh\":\"050003CC0201\",\"validity\":2880,\"pid\":0,\"flash\":true}";
            RawHttp.Reply reply = post(sandbox, "/sms", body);

            assertThat(reply.status()).isEqualTo(200);
            SentMessage message = sandbox.messages().get(0);
            assertThat(message.reference()).contains("Campaign 2019-05, B-split message");
            assertThat(message.callback()).contains(callbacks.url());
            ReceivedRequest request = sandbox.received().get(0);
            assertThat(request.field("validity")).contains("2880");
            assertThat(request.field("FLASH")).contains("true");
            assertThat(request.body()).containsEntry("validity", 2880L).containsEntry("flash", true)
                    .containsEntry("udh", "050003CC0201");
            assertThat(callbacks.next(Duration.ofSeconds(30)).rawQuery()).contains("ID=" + message.id());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/smsbulk", "/smsbulk.json"})
    void bulkIssuesOneMessagePerRecipientInOrderKeepingDuplicates(String path) {
        RawHttp.Reply reply = post(sandbox, path, "{\"from\":\"Mitto SMS\","
                + "\"to\":\"491765410994,491765410995, 491765410994\",\"text\":\"Hello, World 123!\"}");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode json = reply.json();
        assertThat(fieldNames(json)).containsExactly("responseCode", "responseText", "messages");
        assertThat(json.get("responseCode").asInt()).isZero();
        List<JsonNode> messages = list(json.get("messages"));
        assertThat(messages).extracting(message -> message.get("to").asText())
                .containsExactly("491765410994", "491765410995", "491765410994");
        assertThat(messages).allSatisfy(message -> {
            assertThat(fieldNames(message)).containsExactly("id", "timestamp", "to", "textLength");
            assertThat(message.get("id").asText()).matches(ID);
            assertThat(message.get("timestamp").asText()).matches(TIMESTAMP);
            assertThat(message.get("textLength").asInt()).isEqualTo(17);
        });
        assertThat(messages.stream().map(message -> message.get("id").asText()).distinct()).hasSize(3);
        assertThat(sandbox.messages()).extracting(SentMessage::to)
                .containsExactly("491765410994", "491765410995", "491765410994");
        assertThat(sandbox.messages()).allMatch(SentMessage::bulk);
    }

    @Test
    void bulkAnswersXmlWithWrappedMessages() {
        Element root = post(sandbox, "/smsbulk.xml",
                "{\"from\":\"Mitto SMS\",\"to\":\"491765410994,381641234567\",\"text\":\"A & B <ok>\"}").xml();

        assertThat(root.getTagName()).isEqualTo("BulkSmsResponse");
        assertThat(text(root, "responseCode")).isEqualTo("0");
        List<Element> messages = children(child(root, "messages"));
        assertThat(messages).extracting(Element::getTagName).containsExactly("message", "message");
        assertThat(messages).extracting(message -> text(message, "to")).containsExactly("491765410994", "381641234567");
        assertThat(messages).allSatisfy(message -> assertThat(text(message, "id")).matches(ID));
        assertThat(sandbox.messages()).extracting(SentMessage::country).containsExactly("DEU", "SRB");
    }

    @Test
    void bulkAlsoAcceptsAJsonArrayOfRecipients() {
        RawHttp.Reply reply = post(sandbox, "/smsbulk",
                "{\"from\":\"Mitto SMS\",\"to\":[\"491765410994\",\"14165550123\"],\"text\":\"Hi\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(sandbox.messages()).extracting(SentMessage::country).containsExactly("DEU", "CAN");
    }

    @Test
    void usageCountsPartsPerCountryAtTheConfiguredPricesAndSkipsTestMessages() {
        try (MittoSandbox priced = MittoSandbox.builder().pricePerPart(new BigDecimal("0.05"))
                .pricePerPart("SRB", new BigDecimal("0.0125")).start()) {
            post(priced, "/sms", sendBody("auto", "x".repeat(200)));                     // DEU, 2 parts
            post(priced, "/smsbulk", "{\"from\":\"Mitto SMS\",\"to\":\"491765410994,381641234567,381641234567\","
                    + "\"text\":\"Hi\"}");                                             // DEU 1, SRB 2
            post(priced, "/sms", "{\"from\":\"Mitto SMS\",\"to\":\"491765410994\",\"text\":\"Hi\",\"test\":true}");

            JsonNode json = post(priced, "/usage/bycountry.json",
                    "{\"startDate\":\"2000-01-01\",\"endDate\":\"2999-12-31\",\"AccountName\":\"promo_account\"}").json();

            List<JsonNode> usages = list(json.get("usagesByCountry"));
            assertThat(usages).extracting(usage -> usage.get("country").asText()).containsExactly("DEU", "SRB");
            assertThat(usages).allSatisfy(usage -> {
                assertThat(usage.get("messagesCount").isTextual()).isTrue();
                assertThat(usage.get("cost").isTextual()).isTrue();
            });
            assertThat(usages.get(0).get("messagesCount").asText()).isEqualTo("3");
            assertThat(usages.get(0).get("cost").asText()).isEqualTo("0.150000");
            assertThat(usages.get(1).get("messagesCount").asText()).isEqualTo("2");
            assertThat(usages.get(1).get("cost").asText()).isEqualTo("0.025000");
        }
    }

    @Test
    void usageFiltersByUtcDayInclusive() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2020-04-01T00:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        try (MittoSandbox dated = MittoSandbox.builder().clock(clock).start()) {
            post(dated, "/sms", HELLO);
            now.set(Instant.parse("2020-04-15T23:59:59.9999999Z"));
            post(dated, "/sms", HELLO);
            now.set(Instant.parse("2020-04-16T00:00:00Z"));
            post(dated, "/sms", HELLO);

            assertThat(usageCount(dated, "{\"startDate\":\"2020-04-01\",\"endDate\":\"2020-04-15\"}")).isEqualTo("2");
            assertThat(usageCount(dated, "{\"startDate\":\"2020-04-02\",\"endDate\":\"2020-04-16\"}")).isEqualTo("2");
            assertThat(usageCount(dated, "{\"startDate\":\"2020-04-16\"}")).isEqualTo("1");
            assertThat(usageCount(dated, "{}")).isEqualTo("3");
            assertThat(list(post(dated, "/usage/bycountry", "{\"endDate\":\"2020-03-31\"}").json()
                    .get("usagesByCountry"))).isEmpty();
        }
    }

    @Test
    void usageAnswersXmlWithWrappedEntries() {
        post(sandbox, "/sms", HELLO);

        Element root = post(sandbox, "/usage/bycountry.xml", "{\"startDate\":\"2000-01-01\",\"endDate\":\"2999-01-01\"}")
                .xml();

        assertThat(root.getTagName()).isEqualTo("UsageResponse");
        List<Element> entries = children(child(root, "usagesByCountry"));
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.getTagName()).isEqualTo("usageByCountry");
            assertThat(text(entry, "country")).isEqualTo("DEU");
            assertThat(text(entry, "messagesCount")).isEqualTo("1");
            assertThat(text(entry, "cost")).isEqualTo("0.060000");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"startDate\":\"2020/04/01\"}|'startDate' must be a date written YYYY-MM-DD",
        "{\"endDate\":\"yesterday\"}|'endDate' must be a date written YYYY-MM-DD",
        "{\"startDate\":\"2020-04-15\",\"endDate\":\"2020-04-01\"}|startDate 2020-04-15 is after endDate 2020-04-01",
    })
    void usageRejectsBadDates(String body, String message) {
        RawHttp.Reply reply = post(sandbox, "/usage/bycountry.json", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/sms/converted", "/sms/converted.json", "/sms/converted.xml"})
    void conversionOfAnIssuedIdAnswersOk(String path) {
        String id = post(sandbox, "/sms", HELLO).json().get("id").asText();

        RawHttp.Reply reply = post(sandbox, path, "{\"messageId\":\"" + id + "\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("OK");
        assertThat(reply.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(sandbox.conversions()).containsExactly(id);
    }

    @Test
    void conversionOfABulkMessageIdAnswersOk() {
        JsonNode bulk = post(sandbox, "/smsbulk", "{\"from\":\"Mitto SMS\",\"to\":\"491765410994,491765410995\","
                + "\"text\":\"Hi\"}").json();
        String second = bulk.get("messages").get(1).get("id").asText();

        assertThat(post(sandbox, "/sms/converted.json", "{\"messageId\":\"" + second + "\"}").body()).isEqualTo("OK");
    }

    @Test
    void conversionOfAnUnknownIdIsNotFound() {
        RawHttp.Reply reply = post(sandbox, "/sms/converted.json", "{\"messageId\":\"d8d9505a-161b-4776-9efb\"}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).isEqualTo("No convertible message found for id \"d8d9505a-161b-4776-9efb\"");
        assertThat(sandbox.conversions()).isEmpty();
    }

    @Test
    void conversionWithoutAnIdIsABadRequest() {
        RawHttp.Reply reply = post(sandbox, "/sms/converted.json", "{\"id\":\"abc\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("'messageId' is required");
    }

    static Stream<Arguments> rejectedSends() {
        return Stream.of(
                Arguments.of(2, "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"Hi\",\"type\":\"utf8\"}",
                        "'type' must be GSM, Unicode, Binary (or Byte) or auto, in any case, got 'utf8'"),
                Arguments.of(2, "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"Hi\",\"type\":\"\"}",
                        "Invalid type"),
                Arguments.of(3, "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\"}", "Empty message"),
                Arguments.of(3, "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"\"}", "'text' is required"),
                Arguments.of(4, "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"Здравствуй\",\"type\":\"gsm\"}",
                        "outside the GSM 7-bit alphabet"),
                Arguments.of(4, "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"0A1\",\"type\":\"binary\"}",
                        "hexadecimal"),
                Arguments.of(5, "{\"to\":\"491725551234\",\"text\":\"Hi\"}", "Empty sender"),
                Arguments.of(5, "{\"from\":\"   \",\"to\":\"491725551234\",\"text\":\"Hi\"}", "'from' is required"),
                Arguments.of(6, "{\"from\":\"AB\",\"to\":\"491725551234\",\"text\":\"Hi\"}", "'AB' has 2"),
                Arguments.of(6, "{\"from\":\"TWELVE CHARS\",\"to\":\"491725551234\",\"text\":\"Hi\"}", "Invalid sender"),
                Arguments.of(6, "{\"from\":\"123456789012345\",\"to\":\"491725551234\",\"text\":\"Hi\"}", "3 to 14 digits"),
                Arguments.of(6, "{\"from\":\"+12\",\"to\":\"491725551234\",\"text\":\"Hi\"}", "3 to 14 digits"),
                Arguments.of(7, "{\"from\":\"MITTO SMS\",\"text\":\"Hi\"}", "Empty receiver"),
                Arguments.of(7, "{\"from\":\"MITTO SMS\",\"to\":\" \",\"text\":\"Hi\"}", "'to' is required"),
                Arguments.of(8, "{\"from\":\"MITTO SMS\",\"to\":\"+491725551234\",\"text\":\"Hi\"}", "drop the '+'"),
                Arguments.of(8, "{\"from\":\"MITTO SMS\",\"to\":\"00491725551234\",\"text\":\"Hi\"}", "starts with 0"),
                Arguments.of(8, "{\"from\":\"MITTO SMS\",\"to\":\"49 172 5551234\",\"text\":\"Hi\"}", "no spaces"),
                Arguments.of(8, "{\"from\":\"MITTO SMS\",\"to\":\"4917255512345678\",\"text\":\"Hi\"}", "7 to 15 digits"),
                Arguments.of(8, "{\"from\":\"MITTO SMS\",\"to\":\"123456\",\"text\":\"Hi\"}", "got '123456'"),
                Arguments.of(8, "{\"from\":\"MITTO SMS\",\"to\":\"8001234567\",\"text\":\"Hi\"}",
                        "no country uses the calling code"),
                Arguments.of(8, "{\"from\":\"MITTO SMS\",\"to\":\"491725551234,491725551235\",\"text\":\"Hi\"}",
                        "Invalid receiver"),
                // several problems at once: the lowest code wins
                Arguments.of(2, "{\"type\":\"x\"}", "Invalid type"),
                Arguments.of(3, "{\"from\":\"A\",\"to\":\"+1\"}", "Empty message"),
                Arguments.of(5, "{\"to\":\"+1\",\"text\":\"Hi\"}", "Empty sender"));
    }

    @ParameterizedTest(name = "[{index}] code {0}: {1}")
    @MethodSource("rejectedSends")
    void invalidSendsAreRejectedWithTheDocumentedCodeInJson(int code, String body, String message) {
        RawHttp.Reply reply = post(sandbox, "/sms.json", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode json = reply.json();
        assertThat(fieldNames(json)).containsExactly("responseCode", "responseText");
        assertThat(json.get("responseCode").asInt()).isEqualTo(code);
        assertThat(json.get("responseText").asText()).startsWith(Endpoints.responseText(code)).contains(message);
        assertThat(sandbox.messages()).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] code {0}: {1}")
    @MethodSource("rejectedSends")
    void invalidSendsAreRejectedWithTheDocumentedCodeInXml(int code, String body, String message) {
        RawHttp.Reply reply = post(sandbox, "/sms.xml", body);

        assertThat(reply.status()).isEqualTo(400);
        Element root = reply.xml();
        assertThat(root.getTagName()).isEqualTo("SmsResponse");
        assertThat(text(root, "responseCode")).isEqualTo(Integer.toString(code));
        assertThat(text(root, "responseText")).contains(message);
        assertThat(sandbox.messages()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/smsbulk.json|{\"from\":\"Mitto SMS\",\"to\":\"491765410994,,491765410995\",\"text\":\"Hi\"}|8|empty number",
        "/smsbulk.json|{\"from\":\"Mitto SMS\",\"to\":\"491765410994,+491765410995\",\"text\":\"Hi\"}|8|drop the '+'",
        "/smsbulk.json|{\"from\":\"Mitto SMS\",\"to\":\"\",\"text\":\"Hi\"}|7|Empty receiver",
        "/smsbulk.json|{\"from\":\"Mitto SMS\",\"to\":[],\"text\":\"Hi\"}|7|Empty receiver",
        "/smsbulk.json|{\"from\":\"\",\"to\":\"491765410994\",\"text\":\"Hi\"}|5|Empty sender",
        "/smsbulk.xml|{\"from\":\"Mitto SMS\",\"to\":\"491765410994\",\"text\":\"\"}|3|Empty message",
    })
    void invalidBulkSendsAreRejectedAsAWhole(String path, String body, int code, String message) {
        RawHttp.Reply reply = post(sandbox, path, body);

        assertThat(reply.status()).isEqualTo(400);
        if (path.endsWith(".xml")) {
            assertThat(reply.xml().getTagName()).isEqualTo("BulkSmsResponse");
            assertThat(text(reply.xml(), "responseCode")).isEqualTo(Integer.toString(code));
            assertThat(text(reply.xml(), "responseText")).contains(message);
        } else {
            assertThat(reply.json().get("responseCode").asInt()).isEqualTo(code);
            assertThat(reply.json().get("responseText").asText()).contains(message);
        }
        assertThat(sandbox.messages()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MITTO SMS", "Mitto", "ABC", "Dr. Smith", "A&B-Shop", "123", "12345678901234", "4917255512"})
    void validSendersAreAccepted(String sender) {
        RawHttp.Reply reply = post(sandbox, "/sms",
                "{\"from\":\"" + sender + "\",\"to\":\"491725551234\",\"text\":\"Hi\"}");

        assertThat(reply.status()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/sms|",
        "/sms|{\"from\": ",
        "/sms|[1,2]",
        "/sms|{} trailing",
        "/smsbulk.xml|\"just a string\"",
        "/usage/bycountry|nonsense",
        "/sms/converted|{",
    })
    void malformedBodiesAreBadRequests(String path, String body) {
        RawHttp.Reply reply = post(sandbox, path, body == null ? "" : body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(reply.body()).startsWith("Malformed request: ").contains("send a JSON object");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"Hi\",\"test\":\"yes\"}|'test' must be true or false",
        "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"Hi\",\"validity\":\"two days\"}|'validity' must be an integer",
        "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":{\"a\":1}}|'text' must be a string, got an object",
        "{\"from\":[\"MITTO\"],\"to\":\"491725551234\",\"text\":\"Hi\"}|'from' must be a string, got an array",
    })
    void fieldsOfTheWrongJsonTypeAreBadRequests(String body, String message) {
        RawHttp.Reply reply = post(sandbox, "/sms.json", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains(message);
        assertThat(sandbox.messages()).isEmpty();
    }

    @Test
    void numbersAndStringBooleansAreReadLikeAModelBinderWould() {
        RawHttp.Reply reply = post(sandbox, "/sms.json",
                "{\"from\":\"MITTO SMS\",\"to\":491725551234,\"text\":\"Hi\",\"test\":\"true\",\"validity\":\"60\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("to").asText()).isEqualTo("491725551234");
        assertThat(reply.json().get("test").booleanValue()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/sms", "/sms.json", "/sms.xml", "/smsbulk.json", "/smsbulk.xml", "/usage/bycountry.json",
        "/usage/bycountry.xml", "/sms/converted.json", "/sms/converted"})
    void aMissingKeyIsUnauthorized(String path) {
        RawHttp.Reply reply = send("POST", sandbox.baseUrl() + path, null, HELLO, null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body()).isEqualTo("Invalid or no API Key specified");
        assertThat(reply.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(sandbox.messages()).isEmpty();
        assertThat(sandbox.received()).singleElement().satisfies(request -> {
            assertThat(request.authenticated()).isFalse();
            assertThat(request.header("X-Mitto-API-Key")).isEmpty();
        });
    }

    @Test
    void aWrongKeyIsUnauthorized() {
        String key = sandbox.apiKey();
        for (String wrong : List.of("wrong", key + "x", key.substring(1), key.toUpperCase(java.util.Locale.ROOT))) {
            sandbox.reset();
            RawHttp.Reply reply = send("POST", sandbox.baseUrl() + "/sms.json", wrong, HELLO, null);

            assertThat(reply.status()).as("key %s", wrong).isEqualTo(401);
            assertThat(reply.body()).isEqualTo("Invalid or no API Key specified");
            assertThat(sandbox.messages()).isEmpty();
            assertThat(sandbox.received()).singleElement().satisfies(request -> {
                assertThat(request.authenticated()).isFalse();
                assertThat(request.header("x-mitto-api-key")).contains(ReceivedRequest.MASKED);
            });
        }
    }

    @Test
    void aConfiguredKeyIsTheOneAccepted() {
        try (MittoSandbox keyed = MittoSandbox.builder().apiKey("Xdqnjeewea").start()) {
            assertThat(keyed.apiKey()).isEqualTo("Xdqnjeewea");
            assertThat(send("POST", keyed.baseUrl() + "/sms", "Xdqnjeewea", HELLO, null).status()).isEqualTo(200);
            assertThat(send("POST", keyed.baseUrl() + "/sms", "xdqnjeewea", HELLO, null).status()).isEqualTo(401);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/sms/", "/smss", "/sms.txt", "/usage", "/api/sms", "/sms/converted/x"})
    void unknownPathsAreNotFound(String path) {
        RawHttp.Reply reply = send("POST", sandbox.baseUrl() + path, sandbox.apiKey(), HELLO, null);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).contains("/smsbulk");
        assertThat(sandbox.messages()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"GET,/sms", "HEAD,/sms", "OPTIONS,/smsbulk", "PUT,/sms.json", "DELETE,/smsbulk.xml", "PATCH,/usage/bycountry", "GET,/sms/converted.json"})
    void otherMethodsAreNotAllowed(String method, String path) {
        RawHttp.Reply reply = send(method, sandbox.baseUrl() + path, sandbox.apiKey(),
                List.of("GET", "HEAD", "OPTIONS", "DELETE").contains(method) ? null : HELLO, null);

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).contains("POST");
        assertThat(sandbox.messages()).isEmpty();
    }

    @Test
    void bodiesOverOneMebibyteAreRefused() {
        String big = "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"" + "x".repeat(1 << 20) + "\"}";

        RawHttp.Reply reply = post(sandbox, "/sms", big);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(sandbox.messages()).isEmpty();
        assertThat(post(sandbox, "/sms", HELLO).status()).isEqualTo(200);
    }

    @Test
    void receivedRecordsEveryRequestInOrderWithTheKeyMasked() {
        post(sandbox, "/sms.json", HELLO);
        send("POST", sandbox.baseUrl() + "/sms.xml?trace=1", "nope", "{\"a\":[1,{\"b\":null}]}", null);
        send("GET", sandbox.baseUrl() + "/nowhere", null, null, null);

        List<ReceivedRequest> received = sandbox.received();
        assertThat(received).extracting(ReceivedRequest::method).containsExactly("POST", "POST", "GET");
        assertThat(received).extracting(ReceivedRequest::path).containsExactly("/sms.json", "/sms.xml", "/nowhere");
        assertThat(received).extracting(ReceivedRequest::authenticated).containsExactly(true, false, false);
        assertThat(received).extracting(ReceivedRequest::sequence).isSorted().doesNotHaveDuplicates();

        ReceivedRequest first = received.get(0);
        assertThat(first.bodyText()).isEqualTo(HELLO);
        assertThat(first.body()).containsExactly(
                org.assertj.core.api.Assertions.entry("from", "MITTO SMS"),
                org.assertj.core.api.Assertions.entry("to", "491725551234"),
                org.assertj.core.api.Assertions.entry("text", "Hello, World!"));
        assertThat(first.header("content-type")).contains("application/json");
        assertThat(first.headers().get("X-MITTO-API-KEY")).containsExactly(ReceivedRequest.MASKED);
        assertThat(first.headers().toString()).doesNotContain(sandbox.apiKey());
        assertThat(first.toString()).doesNotContain(sandbox.apiKey());
        assertThat(first.fault()).isEmpty();

        ReceivedRequest second = received.get(1);
        assertThat(second.query()).contains("trace=1");
        assertThat(second.field("a")).contains("[1,{\"b\":null}]");
        assertThat((List<?>) second.body().get("a")).hasSize(2);
        assertThat(received.get(2).body()).isEmpty();
        assertThat(received.get(2).bodyText()).isEmpty();
    }

    @Test
    void receivedHandsOutImmutableValues() {
        post(sandbox, "/sms.json", "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"Hi\",\"x\":{\"y\":[1]}}");
        ReceivedRequest request = sandbox.received().get(0);

        assertThat(sandbox.received()).isUnmodifiable();
        assertThat(request.body()).isUnmodifiable();
        assertThat((java.util.Map<?, ?>) request.body().get("x")).isUnmodifiable();
        assertThat(request.headers()).isUnmodifiable();
        assertThat(request.headers().get("Content-Type")).isUnmodifiable();
        assertThat(sandbox.messages()).isUnmodifiable();
    }

    @Test
    void clearReceivedAndResetForgetWhatTheySay() {
        String id = post(sandbox, "/sms", HELLO).json().get("id").asText();
        sandbox.enqueueFault(Fault.internalError(), 2);

        sandbox.clearReceived();
        assertThat(sandbox.received()).isEmpty();
        assertThat(sandbox.messages()).hasSize(1);
        assertThat(sandbox.pendingFaults()).isEqualTo(2);

        sandbox.reset();
        assertThat(sandbox.messages()).isEmpty();
        assertThat(sandbox.pendingFaults()).isZero();
        assertThat(post(sandbox, "/sms/converted", "{\"messageId\":\"" + id + "\"}").status()).isEqualTo(404);
    }

    @Test
    void toStringShowsTheUrlButNeverTheKey() {
        post(sandbox, "/sms", HELLO);

        assertThat(sandbox.toString()).contains(sandbox.baseUrl()).contains("1 messages sent")
                .doesNotContain(sandbox.apiKey());
    }

    @Test
    void startOnAGivenPortAndCloseFreesIt() {
        int port;
        try (MittoSandbox first = MittoSandbox.start(0)) {
            port = first.port();
        }
        try (MittoSandbox again = MittoSandbox.start(port)) {
            assertThat(again.baseUrl()).isEqualTo("http://127.0.0.1:" + port);
            assertThat(post(again, "/sms", HELLO).status()).isEqualTo(200);
        }
    }

    @Test
    void aTakenPortFailsWithAnExplanation() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MittoSandbox.start(sandbox.port()))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining(":" + sandbox.port())
                .hasMessageContaining("port 0 for a free one");
    }

    @Test
    void closeIsIdempotentAndStopsServing() {
        MittoSandbox closing = MittoSandbox.start();
        String url = closing.baseUrl();
        closing.close();
        closing.close();

        assertThat(closing.toString()).contains("closed");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> send("POST", url + "/sms", "k", HELLO, null))
                .isInstanceOf(java.io.UncheckedIOException.class);
    }

    private static String sendBody(String type, String text) {
        return "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"type\":\"" + type + "\",\"text\":"
                + RawHttp.MAPPER.valueToTree(text) + "}";
    }

    private static String usageCount(MittoSandbox target, String body) {
        List<JsonNode> usages = list(post(target, "/usage/bycountry.json", body).json().get("usagesByCountry"));
        return usages.isEmpty() ? "0" : usages.get(0).get("messagesCount").asText();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<JsonNode> list(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).collect(Collectors.toList());
    }
}
