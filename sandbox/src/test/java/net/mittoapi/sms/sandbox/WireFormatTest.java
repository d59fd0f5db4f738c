package net.mittoapi.sms.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "plain|plain",
        "A & B|A &amp; B",
        "<tag>|&lt;tag&gt;",
        "'quotes' \"stay\"|'quotes' \"stay\"",
        "Здравствуй 👋|Здравствуй 👋",
    })
    void markupIsEscaped(String text, String escaped) {
        StringBuilder xml = new StringBuilder();
        WireFormat.escapeXml(xml, text);
        assertThat(xml.toString()).isEqualTo(escaped);
    }

    @Test
    void charactersXmlCannotCarryBecomeReplacementCharacters() {
        StringBuilder xml = new StringBuilder();
        WireFormat.escapeXml(xml, "a\u0000b\u001Bc\tline\n\uD800x\uDC00\uFFFE");
        assertThat(xml.toString()).isEqualTo("a\uFFFDb\uFFFDc\tline\n\uFFFDx\uFFFD\uFFFD");
    }

    @Test
    void bothFormatsRenderTheSameFieldsInOrder() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", "abc");
        entry.put("textLength", 13);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("responseCode", 0);
        fields.put("test", true);
        fields.put("count", 12L);
        fields.put("messages", new WireFormat.Items("message", List.of(entry, entry)));

        String json = new String(WireFormat.JSON.render("Root", fields), StandardCharsets.UTF_8);
        String xml = new String(WireFormat.XML.render("Root", fields), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"responseCode\":0,\"test\":true,\"count\":12,\"messages\":"
                + "[{\"id\":\"abc\",\"textLength\":13},{\"id\":\"abc\",\"textLength\":13}]}");
        assertThat(xml).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Root><responseCode>0</responseCode>"
                + "<test>true</test><count>12</count><messages><message><id>abc</id><textLength>13</textLength>"
                + "</message><message><id>abc</id><textLength>13</textLength></message></messages></Root>");
        assertThat(WireFormat.JSON.contentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(WireFormat.XML.contentType()).isEqualTo("application/xml; charset=utf-8");
    }
}
