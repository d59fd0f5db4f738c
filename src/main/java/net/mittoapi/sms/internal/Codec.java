package net.mittoapi.sms.internal;

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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import net.mittoapi.sms.Format;
import net.mittoapi.sms.MessageType;
import net.mittoapi.sms.MittoValidationException;
import net.mittoapi.sms.UsageRequest;
import org.jspecify.annotations.Nullable;

/**
 * The one place that turns requests into bytes and answers into trees. It owns both Jackson mappers: the
 * JSON one always (requests are JSON in both formats), the XML one only for {@link Format#XML}.
 *
 * <p>Writing is strict: exactly the API's field names, unset options left out, {@code type} spelled as Mitto's
 * own clients spell it ({@link #wireType}) and {@code auto} when the caller chose none (the server's own
 * default, GSM, refuses or garbles any text outside the GSM alphabet), bulk recipients as one
 * comma-separated string (the seed's form). Reading is tolerant: it yields a tree whose field names
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
                    + " Format.JSON. On the module path, also pass --add-modules com.fasterxml.jackson.dataformat.xml");
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

    private static byte[] encodeMessage(MessageFields<?> message, String to) {
        String type = wireType(message.type().orElse(MessageType.AUTO));
        AsciiJson measured = writeMessage(AsciiJson.measure(), message, to, type);
        if (measured.fits()) {
            return writeMessage(AsciiJson.into(measured), message, to, type).bytes();
        }
        return encodeMessageWithJackson(message, to, type);
    }

    /** The fields in the API's order, unset options left out: the same order as {@link #encodeMessageWithJackson}. */
    private static AsciiJson writeMessage(AsciiJson json, MessageFields<?> message, String to, String type) {
        json.string("from", message.from()).string("to", to).string("text", message.text()).string("type", type);
        if (message.test()) {
            json.bool("test", true);
        }
        if (message.reference().isPresent()) {
            json.string("reference", message.reference().get());
        }
        if (message.callback().isPresent()) {
            json.string("callback", message.callback().get());
        }
        if (message.udh().isPresent()) {
            json.string("udh", message.udh().get());
        }
        if (message.validity().isPresent()) {
            json.number("validity", message.validity().getAsInt());
        }
        if (message.pid().isPresent()) {
            json.number("pid", message.pid().getAsInt());
        }
        if (message.flash()) {
            json.bool("flash", true);
        }
        return json;
    }

    /** Writes a message body with Jackson's generator: any text, every escape, UTF-8. */
    static byte[] encodeMessageWithJackson(MessageFields<?> message, String to, String type) {
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
     * module; {@code auto} as in the seed, which says Mitto recommends it.
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
     * @return its JSON body for {@code /usage/bycountry}, with the seed's spelling {@code AccountName}
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
     * reads XML), anything else JSON; the sandbox and some proxies answer JSON on any path.
     *
     * @param body the raw answer
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
        if (body[first] == '<' && xml == null) {
            throw new IOException("the answer is XML, but the client was built for Format.JSON");
        }
        JsonNode tree;
        try {
            tree = body[first] == '<' ? Objects.requireNonNull(xml).readTree(body) : readJson(body); // checked above
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
     * A streaming parser over a body, configured exactly as the one {@link #read} builds its tree from, for
     * {@link AnswerStream}.
     *
     * @param body the raw answer
     * @return the parser, or {@code null} when {@link #read} would build no tree from it (an empty body, or
     *         XML for a JSON codec)
     * @throws IOException when the parser cannot be created
     */
    @Nullable JsonParser parser(byte[] body) throws IOException {
        int first = firstSignificant(body);
        if (first < 0) {
            return null;
        }
        if (body[first] != '<') {
            return JSON.createParser(body);
        }
        return xml == null ? null : xml.createParser(body);
    }

    /**
     * @param body the raw answer
     * @return whether {@link #read} reads it as XML: its first character, after a byte order mark and white
     *         space, is {@code <}
     */
    static boolean isXml(byte[] body) {
        int first = firstSignificant(body);
        return first >= 0 && body[first] == '<';
    }

    private static int firstSignificant(byte[] body) {
        int i = 0;
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        for (; i < body.length; i++) {
            byte b = body[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return i;
            }
        }
        return -1;
    }

    private static byte[] write(ObjectNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
