package net.mittoapi.sms.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.mittoapi.sms.BulkMessage;
import net.mittoapi.sms.BulkSmsResponse;
import net.mittoapi.sms.CountryUsage;
import net.mittoapi.sms.SmsResponse;
import net.mittoapi.sms.UsageResponse;
import org.jspecify.annotations.Nullable;

/**
 * Reads the usual successful answers straight from Jackson's token stream into the response records, without
 * building a tree: the fast path of {@link Answers}, which remains the authority on every answer.
 *
 * <p><b>The rule: vouch or step aside.</b> Each reader here returns a result only for an answer whose meaning
 * it can tell for certain is the one {@link Answers}' tolerant tree reading gives it, and {@code null} for
 * anything else; {@link Answers} then reads the same bytes through the tree as it always has. So the fast path
 * can only ever be faster, never different. It reads:
 * <ul>
 *   <li>a JSON object, or an XML document of any root element (Jackson's XML parser yields the root's children
 *       as an object's fields);</li>
 *   <li>the answer's fields under their exact names, each at most once; a field whose name differs from a known
 *       one only by case steps aside (the tree's case-insensitive lookup decides), any other unknown field is
 *       skipped;</li>
 *   <li>texts as strings, or {@code null} in JSON; whole numbers as plain JSON integers or as texts of ASCII
 *       digits only; costs through {@link Numbers}, as the tree does; booleans as JSON booleans or the texts
 *       {@code true} and {@code false}; timestamps through {@link Timestamps}, as the tree does;</li>
 *   <li>lists as a JSON array of objects, or an XML wrapper element whose children are all elements of one name,
 *       each holding at least one known field (so that the tree's unwrapping of single-child wrappers cannot
 *       reach into it);</li>
 *   <li>only answers that are a result: a {@code responseCode} of 0 or none, an id (or, for bulk, a message id)
 *       or a code, no field unreadable.</li>
 * </ul>
 * Everything else (a non-zero code, an unreadable field, a padded number, a duplicate, a case variant, an
 * attribute on a known element, a list in another shape, malformed or hostile input) returns {@code null}
 * before any result is built, and the tree reader produces the result, the exception and the DEBUG lines it
 * always has. The parser's own limits (nesting depth, number length) hold here as there.
 *
 * <p>The tokens come from Jackson's parser (JSON, or XML through Woodstox) or, for plain XML, from
 * {@link PlainXml}, which gives the tokens Jackson's XML parser would give for the subset it reads, and steps
 * aside for the rest.
 */
final class AnswerStream {

    private static final String[] SMS_FIELDS = {"id", "timestamp", "to", "responseCode", "textLength",
        "responseText", "test"};
    private static final String[] BULK_FIELDS = {"responseCode", "responseText", "messages"};
    private static final String[] MESSAGE_FIELDS = {"id", "timestamp", "to", "textLength"};
    private static final String[] USAGE_FIELDS = {"responseCode", "usagesByCountry"};
    private static final String[] COUNTRY_FIELDS = {"country", "messagesCount", "cost"};

    /** Steps aside: thrown, without a stack trace, wherever the tree must decide. */
    private static final class StepAside extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final StepAside INSTANCE = new StepAside();

        private StepAside() {
            super("the tree reader decides", null, false, false);
        }
    }

    /** The tokens of a JSON or XML answer, from Jackson; or {@code null} when {@link #plain} reads. */
    private final @Nullable JsonParser json;
    /** The tokens of a plain XML answer, read by hand; or {@code null}. */
    private final @Nullable PlainXml plain;
    private final boolean xml;
    /** The element name that every entry of the XML list being read must carry. */
    private @Nullable String entryName;

    private AnswerStream(@Nullable JsonParser json, @Nullable PlainXml plain, boolean xml) {
        this.json = json;
        this.plain = plain;
        this.xml = xml;
    }

    /**
     * @param parser a parser over the answer, closed here
     * @param xml    whether it reads XML
     * @return the answer to {@code /sms}, or {@code null} when {@link Answers}' tree reader must decide
     */
    static @Nullable SmsResponse sms(JsonParser parser, boolean xml) {
        try (parser) {
            return new AnswerStream(parser, null, xml).sms();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * @param body an XML answer
     * @return the answer to {@code /sms}, or {@code null} when the answer is not plain XML ({@link PlainXml}) or
     *         {@link Answers}' tree reader must decide
     */
    static @Nullable SmsResponse sms(byte[] body) {
        try {
            return new AnswerStream(null, new PlainXml(body), true).sms();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * @param parser a parser over the answer, closed here
     * @param xml    whether it reads XML
     * @return the answer to {@code /smsbulk}, or {@code null} when {@link Answers}' tree reader must decide
     */
    static @Nullable BulkSmsResponse bulk(JsonParser parser, boolean xml) {
        try (parser) {
            return new AnswerStream(parser, null, xml).bulk();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * @param body an XML answer
     * @return the answer to {@code /smsbulk}, or {@code null} as for {@link #sms(byte[])}
     */
    static @Nullable BulkSmsResponse bulk(byte[] body) {
        try {
            return new AnswerStream(null, new PlainXml(body), true).bulk();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * @param parser a parser over the answer, closed here
     * @param xml    whether it reads XML
     * @return the answer to {@code /usage/bycountry}, or {@code null} when {@link Answers}' tree reader must
     *         decide
     */
    static @Nullable UsageResponse usage(JsonParser parser, boolean xml) {
        try (parser) {
            return new AnswerStream(parser, null, xml).usage();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * @param body an XML answer
     * @return the answer to {@code /usage/bycountry}, or {@code null} as for {@link #sms(byte[])}
     */
    static @Nullable UsageResponse usage(byte[] body) {
        try {
            return new AnswerStream(null, new PlainXml(body), true).usage();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** @return the next token; steps aside at the end of the input or where the hand reader leaves its subset */
    private JsonToken next() throws IOException {
        JsonToken token = json != null ? json.nextToken() : hand().next();
        if (token == null) {
            throw StepAside.INSTANCE;
        }
        return token;
    }

    private String name() throws IOException {
        return json != null ? json.currentName() : hand().name();
    }

    private String text() throws IOException {
        return json != null ? json.getText() : hand().text();
    }

    private void skipChildren(JsonToken value) throws IOException {
        if (json != null) {
            json.skipChildren();
        } else {
            expect(hand().skipChildren(value));
        }
    }

    /** @return the hand reader, there whenever Jackson's parser is not (the constructor's callers give one) */
    private PlainXml hand() {
        return Objects.requireNonNull(plain, "neither parser");
    }

    /** @return Jackson's parser, there whenever a number token was read (only Jackson reads numbers) */
    private JsonParser jackson() {
        return Objects.requireNonNull(json, "a number without Jackson's parser");
    }

    private SmsResponse sms() throws IOException {
        expect(next() == JsonToken.START_OBJECT);
        String id = null;
        Instant timestamp = null;
        String to = null;
        int code = 0;
        boolean hasCode = false;
        int textLength = -1;
        String responseText = null;
        boolean test = false;
        int seen = 0;
        for (String name = nextField(); name != null; name = nextField()) {
            JsonToken value = next();
            switch (name) {
                case "id":
                    seen = once(seen, 1);
                    id = string(value);
                    break;
                case "timestamp":
                    seen = once(seen, 2);
                    timestamp = instant(value);
                    break;
                case "to":
                    seen = once(seen, 4);
                    to = string(value);
                    break;
                case "responseCode":
                    seen = once(seen, 8);
                    code = wholeInt(value);
                    hasCode = true;
                    break;
                case "textLength":
                    seen = once(seen, 16);
                    textLength = wholeInt(value);
                    break;
                case "responseText":
                    seen = once(seen, 32);
                    responseText = string(value);
                    break;
                case "test":
                    seen = once(seen, 64);
                    test = bool(value);
                    break;
                default:
                    skipUnknown(name, value, SMS_FIELDS);
            }
        }
        expect(code == 0 && (id != null || hasCode));
        return new SmsResponse(id, timestamp, to, code, textLength, responseText, test);
    }

    private BulkSmsResponse bulk() throws IOException {
        expect(next() == JsonToken.START_OBJECT);
        int code = 0;
        boolean hasCode = false;
        String responseText = null;
        List<BulkMessage> messages = List.of();
        boolean anyId = false;
        int seen = 0;
        for (String name = nextField(); name != null; name = nextField()) {
            JsonToken value = next();
            switch (name) {
                case "responseCode":
                    seen = once(seen, 1);
                    code = wholeInt(value);
                    hasCode = true;
                    break;
                case "responseText":
                    seen = once(seen, 2);
                    responseText = string(value);
                    break;
                case "messages":
                    seen = once(seen, 4);
                    messages = new ArrayList<>();
                    for (boolean more = firstEntry(value); more; more = nextEntry()) {
                        BulkMessage message = message();
                        anyId |= message.id() != null;
                        messages.add(message);
                    }
                    break;
                default:
                    skipUnknown(name, value, BULK_FIELDS);
            }
        }
        expect(code == 0 && (anyId || hasCode));
        return new BulkSmsResponse(code, responseText, messages);
    }

    private UsageResponse usage() throws IOException {
        JsonToken first = next();
        if (first == JsonToken.START_ARRAY && !xml) {
            return new UsageResponse(countries(first));
        }
        expect(first == JsonToken.START_OBJECT);
        List<CountryUsage> usages = null;
        int code = 0;
        int seen = 0;
        for (String name = nextField(); name != null; name = nextField()) {
            JsonToken value = next();
            switch (name) {
                case "responseCode":
                    seen = once(seen, 1);
                    code = wholeInt(value);
                    break;
                case "usagesByCountry":
                    seen = once(seen, 2);
                    usages = countries(value);
                    break;
                default:
                    skipUnknown(name, value, USAGE_FIELDS);
            }
        }
        expect(code == 0 && usages != null);
        return new UsageResponse(usages);
    }

    private List<CountryUsage> countries(JsonToken value) throws IOException {
        List<CountryUsage> usages = new ArrayList<>();
        for (boolean more = firstEntry(value); more; more = nextEntry()) {
            usages.add(country());
        }
        return usages;
    }

    private BulkMessage message() throws IOException {
        String id = null;
        Instant timestamp = null;
        String to = null;
        int textLength = -1;
        int seen = 0;
        for (String name = nextField(); name != null; name = nextField()) {
            JsonToken value = next();
            switch (name) {
                case "id":
                    seen = once(seen, 1);
                    id = string(value);
                    break;
                case "timestamp":
                    seen = once(seen, 2);
                    timestamp = instant(value);
                    break;
                case "to":
                    seen = once(seen, 4);
                    to = string(value);
                    break;
                case "textLength":
                    seen = once(seen, 8);
                    textLength = wholeInt(value);
                    break;
                default:
                    skipUnknown(name, value, MESSAGE_FIELDS);
            }
        }
        expect(seen != 0);
        return new BulkMessage(id, timestamp, to, textLength);
    }

    private CountryUsage country() throws IOException {
        String country = null;
        long count = 0;
        BigDecimal cost = BigDecimal.ZERO;
        int seen = 0;
        for (String name = nextField(); name != null; name = nextField()) {
            JsonToken value = next();
            switch (name) {
                case "country":
                    seen = once(seen, 1);
                    country = string(value);
                    break;
                case "messagesCount":
                    seen = once(seen, 2);
                    count = wholeLong(value);
                    break;
                case "cost":
                    seen = once(seen, 4);
                    cost = decimal(value);
                    break;
                default:
                    skipUnknown(name, value, COUNTRY_FIELDS);
            }
        }
        expect(seen != 0);
        return new CountryUsage(country, count, cost);
    }

    /** @return the next field's name, or {@code null} at the end of the object (an empty one included) */
    private @Nullable String nextField() throws IOException {
        JsonToken token = next();
        if (token == JsonToken.END_OBJECT) {
            return null;
        }
        expect(token == JsonToken.FIELD_NAME);
        return name();
    }

    /**
     * Enters a list: a JSON array of objects, or an XML wrapper element of same-named child elements.
     *
     * @param value the list's first token
     * @return whether an entry follows, the parser on its {@code START_OBJECT}
     */
    private boolean firstEntry(JsonToken value) throws IOException {
        if (!xml) {
            expect(value == JsonToken.START_ARRAY);
            return nextEntry();
        }
        expect(value == JsonToken.START_OBJECT && next() == JsonToken.FIELD_NAME);
        entryName = name();
        expect(next() == JsonToken.START_OBJECT);
        return true;
    }

    /** @return whether another entry follows, the parser on its {@code START_OBJECT} */
    private boolean nextEntry() throws IOException {
        JsonToken token = next();
        if (!xml) {
            if (token == JsonToken.END_ARRAY) {
                return false;
            }
            expect(token == JsonToken.START_OBJECT);
            return true;
        }
        if (token == JsonToken.END_OBJECT) {
            return false;
        }
        // The tree merges same-named siblings into a list, but reads siblings of several names as one entry.
        expect(token == JsonToken.FIELD_NAME && name().equals(entryName)
                && next() == JsonToken.START_OBJECT);
        return true;
    }

    private static void expect(boolean condition) {
        if (!condition) {
            throw StepAside.INSTANCE;
        }
    }

    /** @return {@code seen} with {@code bit} set; steps aside when it was set already (a duplicate) */
    private static int once(int seen, int bit) {
        expect((seen & bit) == 0);
        return seen | bit;
    }

    /** Skips a field no reader asks for; steps aside when its name differs from a known one only by case. */
    private void skipUnknown(String name, JsonToken value, String[] known) throws IOException {
        for (String field : known) {
            expect(!field.equalsIgnoreCase(name));
        }
        skipChildren(value);
    }

    private @Nullable String string(JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return text();
        }
        expect(value == JsonToken.VALUE_NULL);
        return null;
    }

    private boolean bool(JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (value == JsonToken.VALUE_FALSE) {
            return false;
        }
        expect(value == JsonToken.VALUE_STRING);
        String text = text();
        if (text.equals("true")) {
            return true;
        }
        expect(text.equals("false"));
        return false;
    }

    private Instant instant(JsonToken value) throws IOException {
        expect(value == JsonToken.VALUE_STRING);
        String text = text();
        expect(!text.isBlank());
        Instant instant = Timestamps.parse(text.strip());
        if (instant == null) {
            throw StepAside.INSTANCE;
        }
        return instant;
    }

    /** A JSON integer that fits an int, or a text of one to nine ASCII digits. */
    private int wholeInt(JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT) {
            JsonParser parser = jackson();
            expect(parser.getNumberType() == JsonParser.NumberType.INT);
            return parser.getIntValue();
        }
        return (int) digits(value, 9);
    }

    /** A JSON integer that fits a long, or a text of one to eighteen ASCII digits. */
    private long wholeLong(JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT) {
            JsonParser parser = jackson();
            JsonParser.NumberType type = parser.getNumberType();
            expect(type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG);
            return parser.getLongValue();
        }
        return digits(value, 18);
    }

    private long digits(JsonToken value, int maxDigits) throws IOException {
        expect(value == JsonToken.VALUE_STRING);
        String text = text();
        int length = text.length();
        expect(length >= 1 && length <= maxDigits);
        long result = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            expect(c >= '0' && c <= '9');
            result = result * 10 + (c - '0');
        }
        return result;
    }

    /** A cost, read exactly as the tree reads it: through {@link Numbers}, from a number or a text. */
    private BigDecimal decimal(JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) { // JSON only
            return Numbers.bounded(jackson().getDecimalValue());
        }
        expect(value == JsonToken.VALUE_STRING);
        String text = text();
        expect(!text.isBlank());
        return Numbers.decimal(text);
    }
}
