package net.mittoapi.sms.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written reader of plain XML against Jackson's XML parser over Woodstox, the reader it stands in for:
 * wherever it reads a document to the end, Jackson gives the very same tokens, names and texts, and Woodstox
 * finds the whole document well-formed; everything outside its subset it declines. Documents are a table of
 * edge cases and seeded random ones (the seed and the document in every failure message), half of them then
 * damaged byte by byte.
 */
class PlainXmlTest {

    /** The tokens PlainXml gives to the root's end, as text; {@code null} when it declines. */
    private static List<String> plain(byte[] body) {
        PlainXml xml = new PlainXml(body);
        List<String> tokens = new ArrayList<>();
        int depth = 0;
        for (JsonToken token = xml.next(); ; token = xml.next()) {
            if (token == null) {
                return null;
            }
            tokens.add(describe(token, xml.name(), xml.text()));
            depth += token == JsonToken.START_OBJECT ? 1 : token == JsonToken.END_OBJECT ? -1 : 0;
            if (depth == 0) {
                return tokens;
            }
        }
    }

    /** Jackson's tokens to the root's end, as {@code Codec} reads XML; the failure's text when it fails. */
    private static List<String> jackson(byte[] body) {
        List<String> tokens = new ArrayList<>();
        try (JsonParser parser = XmlSupport.mapper().createParser(body)) {
            int depth = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                tokens.add(describe(token, token == JsonToken.FIELD_NAME ? parser.currentName() : null,
                        token == JsonToken.VALUE_STRING ? parser.getText() : null));
                depth += token == JsonToken.START_OBJECT ? 1 : token == JsonToken.END_OBJECT ? -1 : 0;
                if (depth == 0) {
                    return tokens;
                }
            }
            tokens.add("(end of input)");
        } catch (Exception e) {
            tokens.add("(failed: " + e + ")");
        }
        return tokens;
    }

    private static String describe(JsonToken token, String name, String text) {
        return token == JsonToken.FIELD_NAME ? "FIELD_NAME " + name
                : token == JsonToken.VALUE_STRING ? "VALUE_STRING '" + text + "'" : token.name();
    }

    /** Woodstox, configured as the SDK's, reads the whole document. */
    private static void wellFormed(byte[] body) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(body));
        while (reader.hasNext()) {
            reader.next();
        }
        reader.close();
    }

    private static void assertSameAsJackson(String body, String context) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        List<String> plain = plain(bytes);
        if (plain != null) {
            assertThat(plain).as("%s: tokens of %s", context, body).isEqualTo(jackson(bytes));
            assertThatCode(() -> wellFormed(bytes)).as("%s: %s is well-formed", context, body).doesNotThrowAnyException();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><SmsResponse><id>715118ef01aa4480bbd67324a0459b0b</id><timestamp>"
            + "2019-04-13T12:07:57.8625574Z</timestamp><to>41751231234</to><responseCode>0</responseCode>"
            + "<textLength>13</textLength><responseText>SMS sent</responseText><test>false</test></SmsResponse>",
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<SmsResponse xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
            + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns=\"urn:mitto\">\r\n  <id>a</id>\r\n  <to />\r\n</SmsResponse>\r\n",
        "<r><messages>\n  <message><id>a</id></message>\n  <message><id>b</id><to/></message>\n</messages></r>",
        "<r><a></a><b>  </b><c>\t x \n</c><d/><e-f.g_1>1</e-f.g_1></r>  \n",
        "<?xml version=\"1.0\"?><r xmlns='urn:x'><a>~!@#$%^*()_+{}|:\"?`-=[]\\;',./</a></r>"})
    void plainDocumentsAreReadAsJacksonReadsThem(String body) throws Exception {
        assertThat(plain(body.getBytes(StandardCharsets.UTF_8))).as(body).isNotNull();
        assertSameAsJackson(body, "table");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\uFEFF<r><a>1</a></r>", " <r><a>1</a></r>", "<?xml version=\"1.1\"?><r><a>1</a></r>",
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r><a>1</a></r>", "<?xml version='1.0'?><r><a>1</a></r>",
        "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r><a>&x;</a></r>", "<r><a>&amp;</a></r>",
        "<r><a>&#65;</a></r>", "<r><a><![CDATA[x]]></a></r>", "<r><!-- c --><a>1</a></r>", "<r><a>1<!-- c --></a></r>",
        "<r><?pi x?><a>1</a></r>", "<r><a x=\"1\">1</a></r>", "<r x=\"1\"><a>1</a></r>", "<r><p:a>1</p:a></r>",
        "<r xmlns:xml=\"urn:x\"><a>1</a></r>", "<r xmlns:p=\"\"><a>1</a></r>", "<r xmlns=\"a\" xmlns=\"b\"><a>1</a></r>",
        "<r xmlns=\"http://www.w3.org/XML/1998/namespace\"><a>1</a></r>", "<r><a>x]]>y</a></r>", "<r><a>x>y</a></r>",
        "<r><a>x\ry</a></r>", "<r><a>é</a></r>", "<r><a>1</a></r>x", "<r><a>1</a></r><r/>", "<r><a>1</b></r>",
        "<r><a>1</a>", "<r><a b>1</a></r>", "<r><a/ >1</a></r>", "<r><ab>1</a></r>", "<r><a>1</ab></r>", "<r>text</r>", "<r/>", "<r></r>", "<r>x<a>1</a></r>",
        "<r><a>1</a>x</r>", "<r><a><b>1</b>x</a></r>", "<r><1a>1</1a></r>", "<r><a>\u0001</a></r>", ""})
    void everythingOutsideTheSubsetIsDeclined(String body) throws Exception {
        assertThat(plain(body.getBytes(StandardCharsets.UTF_8))).as(body).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {PlainXml.MAX_DEPTH - 1, PlainXml.MAX_DEPTH, PlainXml.MAX_DEPTH + 1, 100_000})
    void nestingBeyondTheLimitIsDeclinedNotOverflowed(int depth) throws Exception {
        String body = "<r>" + "<a>".repeat(depth) + "1" + "</a>".repeat(depth) + "</r>";
        List<String> tokens = plain(body.getBytes(StandardCharsets.UTF_8));
        if (depth < PlainXml.MAX_DEPTH) {
            assertThat(tokens).isNotNull();
            assertSameAsJackson(body, "depth " + depth);
        } else {
            assertThat(tokens).isNull();
        }
    }

    static LongStream seeds() {
        return LongStream.range(0, 16).map(i -> 0x9_1A1_5EEDL + i * 15_485_863);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomDocumentsAreReadAsJacksonReadsThemOrDeclined(long seed) throws Exception {
        Random random = new Random(seed);
        int read = 0;
        int documents = 2_000;
        for (int i = 0; i < documents; i++) {
            String body = document(random);
            if (random.nextBoolean()) {
                body = damage(body, random);
            }
            assertSameAsJackson(body, "seed " + seed + ", document " + i);
            read += plain(body.getBytes(StandardCharsets.UTF_8)) == null ? 0 : 1;
        }
        assertThat(read).as("seed %d: documents read by hand", seed).isGreaterThan(documents / 5);
        assertThat(documents - read).as("seed %d: documents declined", seed).isGreaterThan(documents / 5);
    }

    private static String document(Random r) {
        StringBuilder out = new StringBuilder();
        switch (r.nextInt(6)) {
            case 0:
                break;
            case 1:
                out.append("<?xml version=\"1.0\"?>");
                break;
            case 2:
                out.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n");
                break;
            default:
                out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        }
        String root = pick(r, "SmsResponse", "r", "BulkSmsResponse", "Root.x-1");
        out.append('<').append(root);
        int declarations = r.nextInt(6) == 0 ? 1 + r.nextInt(3) : 0;
        for (int i = 0; i < declarations; i++) {
            out.append(pick(r, " ", "\n  ", "\t")).append(pick(r, "xmlns", "xmlns:xsi", "xmlns:xsd", "xmlns:a1"))
                    .append('=').append(pick(r, "\"urn:x\"", "'http://www.w3.org/2001/XMLSchema'", "\"\"", "\"a b\""));
        }
        out.append(r.nextInt(10) == 0 ? " >" : ">");
        children(out, r, 0);
        return out.append("</").append(root).append('>').append(pick(r, "", "", "\n", "\r\n  ")).toString();
    }

    private static void children(StringBuilder out, Random r, int depth) {
        int n = 1 + r.nextInt(5);
        String indent = r.nextInt(3) == 0 ? pick(r, "\n  ", "\r\n\t", " ") : "";
        for (int i = 0; i < n; i++) {
            out.append(indent);
            String name = pick(r, "id", "timestamp", "to", "textLength", "messages", "message", "x", "a_b", "c-d.e");
            if (depth < 3 && r.nextInt(5) == 0) {
                out.append('<').append(name).append('>');
                children(out, r, depth + 1);
                out.append(indent).append("</").append(name).append('>');
            } else if (r.nextInt(8) == 0) {
                out.append('<').append(name).append(pick(r, "/>", " />"));
            } else {
                out.append('<').append(name).append('>').append(text(r)).append("</").append(name).append('>');
            }
        }
        out.append(indent);
    }

    private static String text(Random r) {
        if (r.nextInt(8) != 0) {
            return pick(r, "715118ef01aa4480bbd67324a0459b0b", "2019-04-13T12:07:57.8625574Z", "0", " 13", "", "  ",
                    "\n", "\t", "SMS sent", "a\nb", "x'y\"z", "1e9999999999");
        }
        return pick(r, "é", "&amp;", "&lt;x&gt;", "<![CDATA[1]]>", "a<!-- c -->b", "x]]>y", "a\r\nb", "\u00a0", "x>y");
    }

    private static String damage(String body, Random r) {
        StringBuilder s = new StringBuilder(body);
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits && s.length() > 0; e++) {
            int at = r.nextInt(s.length());
            String alphabet = "<>/=\"' \n\r\t&;:?!-_.xa0]é";
            char c = alphabet.charAt(r.nextInt(alphabet.length()));
            switch (r.nextInt(3)) {
                case 0 -> s.setCharAt(at, c);
                case 1 -> s.deleteCharAt(at);
                default -> s.insert(at, c);
            }
        }
        return s.toString();
    }

    private static String pick(Random r, String... values) {
        return values[r.nextInt(values.length)];
    }
}
