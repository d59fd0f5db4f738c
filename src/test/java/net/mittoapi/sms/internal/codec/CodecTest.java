package net.mittoapi.sms.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import net.mittoapi.sms.Format;
import net.mittoapi.sms.MessageType;
import net.mittoapi.sms.MittoValidationException;
import net.mittoapi.sms.UsageRequest;
import net.mittoapi.sms.internal.validation.MessageFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Strict writing, tolerant reading, and XML only when chosen and present. */
class CodecTest {

    private final Codec json = Codec.of(Format.JSON);
    private final Codec xml = Codec.of(Format.XML);

    /** Mitto's connector enum, C# client and Magento module spell GSM, Unicode, Binary; the seed spells auto. */
    @ParameterizedTest
    @CsvSource({"GSM, GSM", "UNICODE, Unicode", "BINARY, Binary", "AUTO, auto"})
    void typeIsWrittenAsMittosOwnClientsWriteIt(MessageType type, String wire) {
        MessageFields.Draft<String> request = sms("ACME", "4917", "x");
        request.type = type;
        assertThat(text(json.encodeSms(request.build()))).isEqualTo("{\"from\":\"ACME\",\"to\":\"4917\",\"text\":\"x\",\"type\":\"" + wire + "\"}");
    }

    @Test
    void bulkRecipientsAreOneCommaSeparatedString() {
        MessageFields.Draft<List<String>> request = MessageFields.bulk();
        request.from = "ACME";
        request.to = List.of("4917", "+4918");
        request.text = "x";
        request.pid = 0;
        assertThat(text(json.encodeBulk(request.build())))
                .isEqualTo("{\"from\":\"ACME\",\"to\":\"4917,4918\",\"text\":\"x\",\"type\":\"auto\",\"pid\":0}");
    }

    @Test
    void withoutAChosenTypeAutoIsSentAsTheSeedRecommends() {
        assertThat(text(json.encodeSms(sms("ACME", "4917", "Здравствуй").build())))
                .isEqualTo("{\"from\":\"ACME\",\"to\":\"4917\",\"text\":\"Здравствуй\",\"type\":\"auto\"}");
    }

    @Test
    void senderAndReferenceGoOutExactlyAsGiven() {
        MessageFields.Draft<String> request = sms("+491725551234", "4917", "x");
        request.reference = "";
        assertThat(text(json.encodeSms(request.build()))).isEqualTo("{\"from\":\"+491725551234\",\"to\":\"4917\","
                + "\"text\":\"x\",\"type\":\"auto\",\"reference\":\"\"}");
    }

    @Test
    void usageUsesTheSeedsFieldNames() {
        UsageRequest request = UsageRequest.builder().startDate(LocalDate.of(2020, 4, 1)).endDate(LocalDate.of(2020, 4, 15))
                .accountName("promo_account").build();
        assertThat(text(xml.encodeUsage(request)))
                .isEqualTo("{\"startDate\":\"2020-04-01\",\"endDate\":\"2020-04-15\",\"AccountName\":\"promo_account\"}");
    }

    @Test
    void textIsEscapedAsJson() {
        MessageFields<String> request = sms("ACME", "4917", "say \"hi\"\n\\ ünïcödé 😀").build();
        assertThat(text(json.encodeSms(request))).contains("\"text\":\"say \\\"hi\\\"\\n\\\\ ünïcödé 😀\"");
        assertThat(text(json.encodeConversion("a\"b"))).isEqualTo("{\"messageId\":\"a\\\"b\"}");
    }

    /** The exact bytes of a body with every option, quotes and backslashes in its texts, a validity of 0. */
    @Test
    void quotesAndBackslashesAreEscapedAndEveryOptionKeepsItsPlace() {
        MessageFields.Draft<String> request = sms("MITTO SMS", "491725551234",
                "say \"hi\" \\ back ~!@#$%^&*()_+{}|:<>?`-=[];',./");
        request.reference = "r\"1";
        request.validity = 0;
        request.pid = 64;
        request.test = true;
        request.flash = true;
        assertThat(text(json.encodeSms(request.build()))).isEqualTo("{\"from\":\"MITTO SMS\",\"to\":\"491725551234\","
                + "\"text\":\"say \\\"hi\\\" \\\\ back ~!@#$%^&*()_+{}|:<>?`-=[];',./\",\"type\":\"auto\",\"test\":true,"
                + "\"reference\":\"r\\\"1\",\"validity\":0,\"pid\":64,\"flash\":true}");
    }

    @Test
    void floatsAreReadAsExactDecimalsWithTheirScale() throws IOException {
        JsonNode tree = json.read(bytes("{\"cost\":68.400000}"));
        assertThat(tree.get("cost").decimalValue()).isEqualTo(new BigDecimal("68.400000"));
    }

    @Test
    void anEmptyBodyIsAMissingTree() throws IOException {
        assertThat(json.read(bytes("  \r\n")).isMissingNode()).isTrue();
        assertThat(json.read(new byte[0]).isMissingNode()).isTrue();
    }

    @Test
    void aByteOrderMarkIsSkippedWhenSniffing() throws IOException {
        byte[] body = ("\uFEFF<r><id>x</id></r>").getBytes(StandardCharsets.UTF_8);
        assertThat(xml.read(body).get("id").asText()).isEqualTo("x");
    }

    /**
     * The encoding is told by the byte order mark or, without one, by the zero bytes of the first character;
     * the first character read in it decides XML or JSON, and the text of the body is decoded in it. (XML in
     * another encoding than UTF-8 without a byte order mark must declare it, XML 1.0 section 4.3.3.)
     */
    @ParameterizedTest(name = "{0} bom={1}")
    @CsvSource({"UTF-8, true", "UTF-8, false", "UTF-16LE, true", "UTF-16LE, false", "UTF-16BE, true",
        "UTF-16BE, false", "UTF-32LE, true", "UTF-32LE, false", "UTF-32BE, true", "UTF-32BE, false"})
    void theEncodingOfAnAnswerDecidesHowItsFirstCharacterIsRead(String charset, boolean bom) throws IOException {
        String xmlAnswer = (bom || charset.equals("UTF-8") ? " \r\n" : "<?xml version=\"1.0\" encoding=\"" + charset
                + "\"?>\n") + "<r><id>ü😀</id></r>";
        String jsonAnswer = "\t{\"id\":\"ü😀\"}";
        byte[] xmlBytes = ((bom ? "\uFEFF" : "") + xmlAnswer).getBytes(Charset.forName(charset));
        byte[] jsonBytes = ((bom ? "\uFEFF" : "") + jsonAnswer).getBytes(Charset.forName(charset));

        assertThat(Codec.TextEncoding.of(xmlBytes).charset).isEqualTo(Charset.forName(charset));
        assertThat(Codec.isXml(xmlBytes)).isTrue();
        assertThat(Codec.isXml(jsonBytes)).isFalse();
        assertThat(Codec.text(xmlBytes)).isEqualTo(xmlAnswer);
        assertThat(Codec.text(jsonBytes)).isEqualTo(jsonAnswer);
        assertThat(xml.read(xmlBytes).get("id").asText()).isEqualTo("ü😀");
        assertThat(xml.read(jsonBytes).get("id").asText()).isEqualTo("ü😀");
        assertThat(json.read(jsonBytes).get("id").asText()).isEqualTo("ü😀");
        assertThatThrownBy(() -> json.read(xmlBytes)).isInstanceOf(IOException.class).hasMessageContaining("Format.JSON");
    }

    @Test
    void aBodyOfOnlyAByteOrderMarkAndWhiteSpaceIsEmpty() throws IOException {
        for (String charset : List.of("UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE")) {
            assertThat(xml.read("\uFEFF \n".getBytes(Charset.forName(charset))).isMissingNode()).as(charset).isTrue();
        }
    }

    @Test
    void xmlIsReadOnlyByAnXmlCodec() {
        assertThatThrownBy(() -> json.read(bytes("<r/>"))).isInstanceOf(IOException.class)
                .hasMessageContaining("Format.JSON");
    }

    @Test
    void anXmlCodecStillReadsJson() throws IOException {
        assertThat(xml.read(bytes("{\"id\":\"x\"}")).get("id").asText()).isEqualTo("x");
    }

    @Test
    void xmlNeedsTheLibraryOnTheClassPath() {
        ClassLoader hiding = new ClassLoader(CodecTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.equals(Codec.XML_PROBE_CLASS)) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        };
        assertThat(Codec.xmlAvailable(CodecTest.class.getClassLoader())).isTrue();
        assertThat(Codec.xmlAvailable(hiding)).isFalse();
        assertThatThrownBy(() -> Codec.of(Format.XML, hiding)).isInstanceOf(MittoValidationException.class)
                .hasMessageContaining(Codec.XML_ARTIFACT);
        assertThat(Codec.of(Format.JSON, hiding).format()).isEqualTo(Format.JSON);
    }

    @Test
    void everyOptionIsWrittenWithTheApisNameAndUnsetOnesAreLeftOut() {
        MessageFields.Draft<String> request = sms("ACME", "4917", "x");
        request.test = true;
        request.reference = "r";
        request.callback = "https://example.com/dlr";
        request.udh = "0a0b";
        request.validity = 60;
        request.pid = 64;
        request.flash = true;
        assertThat(text(json.encodeSms(request.build()))).isEqualTo("{\"from\":\"ACME\",\"to\":\"4917\",\"text\":\"x\","
                + "\"type\":\"auto\",\"test\":true,\"reference\":\"r\",\"callback\":\"https://example.com/dlr\",\"udh\":\"0a0b\","
                + "\"validity\":60,\"pid\":64,\"flash\":true}");
    }

    private static MessageFields.Draft<String> sms(String from, String to, String text) {
        MessageFields.Draft<String> draft = MessageFields.single();
        draft.from = from;
        draft.to = to;
        draft.text = text;
        return draft;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
