package net.mittoapi.sms.internal.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import net.mittoapi.sms.Format;
import net.mittoapi.sms.MessageType;
import net.mittoapi.sms.MittoValidationException;
import net.mittoapi.sms.UsageRequest;
import net.mittoapi.sms.internal.validation.MessageFields;
import net.mittoapi.sms.internal.validation.Validation;
import org.jspecify.annotations.Nullable;

/**
 * The one place that turns requests into bytes and answers into trees. It owns both Jackson mappers: the
 * JSON one always (requests are JSON in both formats), the XML one only for {@link Format#XML}.
 *
 * <p>Writing is strict: exactly the API's field names, unset options left out, {@code type} spelled as Mitto's
 * own clients spell it ({@link #wireType}) and {@code auto} when the caller chose none (the server's own
 * default, GSM, refuses or garbles any text outside the GSM alphabet), bulk recipients as one
 * comma-separated string (the form of Mitto's use-case page, docs/mitto-api.md). Reading is tolerant: it yields a tree whose field names
 * {@link Answers} matches case-insensitively, whatever the root element of an XML answer is called.
 * Numbers are read as exact decimals, never through {@code double}.
 */
public final class Codec {

    /** The Maven coordinates {@link Format#XML} needs. */
    public static final String XML_ARTIFACT = "com.fasterxml.jackson.dataformat:jackson-dataformat-xml";
    static final String XML_PROBE_CLASS = "com.fasterxml.jackson.dataformat.xml.XmlMapper";

    /** Writes request bodies, and makes the parsers that read JSON answers (see {@link #readJson}). */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Format format;
    private final @Nullable ObjectMapper xml;

    private Codec(Format format, @Nullable ObjectMapper xml) {
        this.format = format;
        this.xml = xml;
    }

    /**
     * @param format the wire format of answers
     * @return a codec for it
     * @throws MittoValidationException for {@link Format#XML} without {@value #XML_ARTIFACT} on the class path
     */
    public static Codec of(Format format) {
        return of(format, Codec.class.getClassLoader());
    }

    /**
     * @param format the wire format of answers
     * @param loader the class loader to look for {@code jackson-dataformat-xml} in
     * @return a codec for it
     * @throws MittoValidationException for {@link Format#XML} when the loader cannot see the XML library
     */
    public static Codec of(Format format, ClassLoader loader) {
        Objects.requireNonNull(format, "format");
        if (format != Format.XML) {
            return new Codec(format, null);
        }
        if (!xmlAvailable(loader)) {
            throw new MittoValidationException("format XML needs " + XML_ARTIFACT + " on the class path, and it"
                    + " is not there: add that dependency (the same version as jackson-databind), or use"
                    + " Format.JSON");
        }
        return new Codec(format, XmlSupport.mapper());
    }

    static boolean xmlAvailable(ClassLoader loader) {
        try {
            Class.forName(XML_PROBE_CLASS, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** @return the format this codec reads */
    public Format format() {
        return format;
    }

    /**
     * @param sms the fields of a validated {@code SmsRequest}
     * @return its JSON body for {@code /sms}
     */
    public byte[] encodeSms(MessageFields<String> sms) {
        return encodeMessage(sms, sms.to());
    }

    /**
     * @param bulk the fields of a validated {@code BulkSmsRequest}
     * @return its JSON body for {@code /smsbulk}, recipients joined by commas
     */
    public byte[] encodeBulk(MessageFields<List<String>> bulk) {
        return encodeMessage(bulk, String.join(",", bulk.to()));
    }

    /**
     * Writes a message body with Jackson's generator: the fields in the API's order, unset options left out,
     * every escape Jackson's, UTF-8.
     */
    private static byte[] encodeMessage(MessageFields<?> message, String to) {
        String type = wireType(message.type().orElse(MessageType.AUTO));
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 2 * message.text().length());
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("from", message.from());
            json.writeStringField("to", to);
            json.writeStringField("text", message.text());
            json.writeStringField("type", type);
            if (message.test()) {
                json.writeBooleanField("test", true);
            }
            optional(json, "reference", message.reference());
            optional(json, "callback", message.callback());
            optional(json, "udh", message.udh());
            optional(json, "validity", message.validity());
            optional(json, "pid", message.pid());
            if (message.flash()) {
                json.writeBooleanField("flash", true);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("a JSON body could not be written", e);
        }
        return out.toByteArray();
    }

    private static void optional(JsonGenerator json, String name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            json.writeStringField(name, value.get());
        }
    }

    private static void optional(JsonGenerator json, String name, OptionalInt value) throws IOException {
        if (value.isPresent()) {
            json.writeNumberField(name, value.getAsInt());
        }
    }

    /**
     * The {@code type} as Mitto's own clients write it: {@code GSM}, {@code Unicode} and {@code Binary} as in its
     * certified Power Platform connector (an enum), its C# client ({@code MessageContentType}) and its Magento
     * module; {@code auto} as on Mitto's use-case page, which recommends it.
     *
     * @param type the encoding
     * @return its spelling on the wire
     */
    public static String wireType(MessageType type) {
        switch (type) {
            case GSM:
                return "GSM";
            case UNICODE:
                return "Unicode";
            case BINARY:
                return "Binary";
            default:
                return "auto";
        }
    }

    /**
     * @param request a validated request
     * @return its JSON body for {@code /usage/bycountry}, with the use-case page's spelling {@code AccountName}
     */
    public byte[] encodeUsage(UsageRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("startDate", request.startDate().toString());
        body.put("endDate", request.endDate().toString());
        request.accountName().ifPresent(v -> body.put("AccountName", v));
        return write(body);
    }

    /**
     * @param messageId a validated message id
     * @return the JSON body for {@code /sms/converted}
     */
    public byte[] encodeConversion(String messageId) {
        return write(JSON.createObjectNode().put("messageId", messageId));
    }

    /**
     * Reads an answer into a tree. The body's first character decides: {@code <} is XML (when this codec
     * reads XML), anything else JSON; the sandbox and some proxies answer JSON on any path. That character is
     * read in the body's own encoding ({@link TextEncoding}): a UTF-16 answer is XML or JSON as a UTF-8 one is,
     * and each parser then reads the bytes in the encoding it detects the same way.
     *
     * <p>Every failure is an {@link IOException}: Jackson also throws unchecked exceptions while it builds a
     * tree (a {@link NumberFormatException} for {@code 1e9999999999}, whose exponent overflows), and those
     * must not escape past the callers that map a parse failure to a {@code MittoException}.
     *
     * @param body the raw answer
     * @return the tree, a {@link MissingNode} for an empty body
     * @throws IOException when the body is not well-formed, holds a value that cannot be represented, or is
     *                     XML for a JSON codec
     */
    public JsonNode read(byte[] body) throws IOException {
        int first = firstSignificant(body);
        if (first < 0) {
            return MissingNode.getInstance();
        }
        if (first == '<' && xml == null) {
            TextEncoding encoding = TextEncoding.of(body);
            // Short enough to be shown whole (Validation.show): it says what came and what the client reads.
            throw new IOException(encoding == TextEncoding.UTF_8
                    ? "the answer is XML, but the client was built for Format.JSON"
                    : "a " + encoding.charset + " XML answer; the client was built for Format.JSON");
        }
        JsonNode tree;
        try {
            tree = first == '<' ? Objects.requireNonNull(xml).readTree(body) : readJson(body); // checked above
        } catch (RuntimeException e) {
            throw new IOException(Validation.show(String.valueOf(e.getMessage())).replaceAll("^'|'$", ""), e);
        }
        return tree == null ? MissingNode.getInstance() : tree;
    }

    /**
     * Reads the first JSON value of a body into a tree, numbers as exact {@link BigDecimal}s. Jackson's own
     * {@code readTree} fails the whole document on one number whose exponent overflows a {@code BigDecimal}
     * ({@code 1e9999999999}); here such a number is kept as its text, so that the rest of the answer (a
     * message id above all) can still be read, and the reader of that one field reports it as unreadable.
     * Nesting depth and number length stay bounded by Jackson's {@code StreamReadConstraints}.
     */
    private static JsonNode readJson(byte[] body) throws IOException {
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken first = parser.nextToken();
            return first == null ? MissingNode.getInstance() : value(parser, first);
        }
    }

    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw new JsonParseException(parser, "unexpected end of the answer");
        }
        switch (token) {
            case START_OBJECT:
                ObjectNode object = NODES.objectNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    if (next != JsonToken.FIELD_NAME) {
                        throw new JsonParseException(parser, "expected a field name, got " + next);
                    }
                    String name = parser.currentName();
                    object.set(name, value(parser, parser.nextToken()));
                }
                return object;
            case START_ARRAY:
                ArrayNode array = NODES.arrayNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(value(parser, next));
                }
                return array;
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                try {
                    return DecimalNode.valueOf(parser.getDecimalValue()); // keeps the scale: 68.400000 stays so
                } catch (NumberFormatException | ArithmeticException e) {
                    return NODES.textNode(parser.getText());
                }
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new JsonParseException(parser, "unexpected " + token);
        }
    }

    /**
     * @param body the raw answer
     * @return whether {@link #read} reads it as XML: its first character, after a byte order mark and white
     *         space, in the body's encoding, is {@code <}
     */
    static boolean isXml(byte[] body) {
        return firstSignificant(body) == '<';
    }

    /**
     * @param body the raw answer
     * @return the body as text, in its encoding ({@link TextEncoding}), without its byte order mark: for the
     *         messages and exceptions that keep what the server said
     */
    static String text(byte[] body) {
        TextEncoding encoding = TextEncoding.of(body);
        int skip = encoding.bomLength(body);
        return new String(body, skip, body.length - skip, encoding.charset);
    }

    /** @return the first character of the body that is not white space, or -1 when there is none */
    private static int firstSignificant(byte[] body) {
        TextEncoding encoding = TextEncoding.of(body);
        int unit = encoding.unit;
        for (int i = encoding.bomLength(body); i + unit <= body.length; i += unit) {
            int c = encoding.codeUnit(body, i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return c;
            }
        }
        return -1;
    }

    /**
     * The encoding of an answer, told as JSON (RFC 4627, section 3) and XML (XML 1.0, appendix F) parsers tell
     * it before reading a character: by its byte order mark (UTF-8, UTF-16 or UTF-32, either byte order) or,
     * without one, by where the zero bytes of its first character fall (every answer begins with an ASCII
     * character: {@code <}, <code>{</code>, {@code [}, white space, a letter); otherwise UTF-8. Jackson's JSON
     * parser and Woodstox detect it the same way and read the bytes themselves: this is for deciding between
     * them, and for decoding a body kept as text in an error.
     */
    enum TextEncoding {
        UTF_8(StandardCharsets.UTF_8, 1, false),
        UTF_16BE(StandardCharsets.UTF_16BE, 2, false),
        UTF_16LE(StandardCharsets.UTF_16LE, 2, true),
        UTF_32BE(Charset.forName("UTF-32BE"), 4, false),
        UTF_32LE(Charset.forName("UTF-32LE"), 4, true);

        final Charset charset;
        /** Bytes per code unit. */
        final int unit;
        private final boolean littleEndian;

        TextEncoding(Charset charset, int unit, boolean littleEndian) {
            this.charset = charset;
            this.unit = unit;
            this.littleEndian = littleEndian;
        }

        static TextEncoding of(byte[] b) {
            int b0 = b.length > 0 ? b[0] & 0xFF : -1;
            int b1 = b.length > 1 ? b[1] & 0xFF : -1;
            int b2 = b.length > 2 ? b[2] & 0xFF : -1;
            int b3 = b.length > 3 ? b[3] & 0xFF : -1;
            if ((b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF) || (b0 == 0 && b1 == 0 && b2 == 0 && b3 > 0)) {
                return UTF_32BE;
            }
            if ((b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0) || (b0 > 0 && b1 == 0 && b2 == 0 && b3 == 0)) {
                return UTF_32LE;
            }
            if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0 && b1 > 0)) {
                return UTF_16BE;
            }
            if ((b0 == 0xFF && b1 == 0xFE) || (b0 > 0 && b1 == 0)) {
                return UTF_16LE;
            }
            return UTF_8;
        }

        /** @return the length of the body's byte order mark in this encoding, 0 when it has none */
        int bomLength(byte[] b) {
            if (this == UTF_8) {
                return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
            }
            return b.length >= unit && codeUnit(b, 0) == 0xFEFF ? unit : 0;
        }

        /** @return the code unit at {@code at}: a byte, or two or four bytes in this byte order */
        int codeUnit(byte[] b, int at) {
            int value = 0;
            for (int k = 0; k < unit; k++) {
                value = value << 8 | b[littleEndian ? at + unit - 1 - k : at + k] & 0xFF;
            }
            return value;
        }
    }

    private static byte[] write(ObjectNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
