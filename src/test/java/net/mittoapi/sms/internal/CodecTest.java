package net.mittoapi.sms.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import net.mittoapi.sms.Format;
import net.mittoapi.sms.MessageType;
import net.mittoapi.sms.MittoValidationException;
import net.mittoapi.sms.UsageRequest;
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
