package net.mittoapi.sms.webhook;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import net.mittoapi.sms.MittoValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The fields of one webhook payload: every field as received, in order, and a lookup by alias that ignores
 * case and punctuation ({@code MessageId}, {@code message_id} and {@code MESSAGE-ID} are one name).
 * Where a name occurs twice, the first occurrence wins, as a servlet's {@code getParameter} does.
 */
final class Fields {

    /** The names a message id goes by, in both delivery reports and inbound messages (normalized). */
    static final String[] MESSAGE_ID = {"id", "msgid", "messageid", "smsid"};

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int EXCERPT_CHARS = 60;
    private static final int NAMES_SHOWN = 20;

    private final Map<String, @Nullable String> raw;
    private final Map<String, @Nullable String> byNormalizedName;

    private Fields(LinkedHashMap<String, @Nullable String> raw) {
        this.raw = Collections.unmodifiableMap(raw);
        Map<String, @Nullable String> index = new HashMap<>();
        for (Map.Entry<String, @Nullable String> field : raw.entrySet()) {
            index.putIfAbsent(normalize(field.getKey()), field.getValue());
        }
        this.byNormalizedName = index;
    }

    /** Every field as received, unmodifiable, in arrival order. */
    Map<String, @Nullable String> raw() {
        return raw;
    }

    /**
     * The value of the first alias present with a non-blank value, stripped of surrounding white space.
     * Blank values count as absent: a template whose placeholder was empty sends {@code Reference=}.
     */
    Optional<String> first(String... aliases) {
        return firstUnstripped(aliases).map(String::strip);
    }

    /** As {@link #first(String...)}, but the value is returned exactly as received. */
    Optional<String> firstUnstripped(String... aliases) {
        for (String alias : aliases) {
            String value = byNormalizedName.get(alias);
            if (value != null && !value.isBlank()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    static String normalize(String name) {
        StringBuilder normalized = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                normalized.append(Character.toLowerCase(c));
            }
        }
        return normalized.toString();
    }

    /** Reads an {@code application/x-www-form-urlencoded} query string, with or without its leading '?'. */
    static Fields fromQuery(@Nullable String query, String what) {
        if (query == null) {
            throw new MittoValidationException(what + ": the query string is null; pass the raw query of the"
                    + " callback request, such as \"ID=d8d9...&MCCMNC=26201\"");
        }
        String rest = query.startsWith("?") ? query.substring(1) : query;
        LinkedHashMap<String, @Nullable String> fields = new LinkedHashMap<>();
        for (String pair : rest.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!name.isEmpty()) {
                fields.putIfAbsent(name, value);
            }
        }
        return new Fields(fields);
    }

    /**
     * Decodes one name or value of an {@code application/x-www-form-urlencoded} query: {@code +} is a space,
     * {@code %XX} (two hex digits) an octet, consecutive octets UTF-8 (an invalid sequence becomes U+FFFD, as
     * {@link java.net.URLDecoder} makes it). A {@code %} that starts no valid escape is kept as a literal
     * {@code %}: a callback template can put a raw one in a value ({@code Reference=50%}), and the report must
     * not be lost for it. Linear in the length of the text.
     */
    static String decode(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        StringBuilder decoded = new StringBuilder(text.length());
        byte[] octets = new byte[text.length() / 3];
        int pending = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && isAsciiHex(text.charAt(i + 1)) && isAsciiHex(text.charAt(i + 2))) {
                octets[pending++] = (byte) (Character.digit(text.charAt(i + 1), 16) << 4
                        | Character.digit(text.charAt(i + 2), 16));
                i += 2;
                continue;
            }
            if (pending > 0) {
                decoded.append(new String(octets, 0, pending, StandardCharsets.UTF_8));
                pending = 0;
            }
            decoded.append(c == '+' ? ' ' : c);
        }
        if (pending > 0) {
            decoded.append(new String(octets, 0, pending, StandardCharsets.UTF_8));
        }
        return decoded.toString();
    }

    private static boolean isAsciiHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /**
     * Reads a JSON object. Scalars are kept as their text exactly as written (a number {@code 6.00} stays
     * {@code "6.00"}); a nested object or array is kept as its compact JSON text; a JSON {@code null} is
     * kept as a {@code null} value.
     */
    static Fields fromJson(@Nullable String body, String what) {
        if (body == null) {
            throw new MittoValidationException(what + ": the body is null; expected a JSON object");
        }
        if (body.isBlank()) {
            throw new MittoValidationException(what + ": the body is empty; expected a JSON object");
        }
        LinkedHashMap<String, @Nullable String> fields = new LinkedHashMap<>();
        try (JsonParser parser = MAPPER.getFactory().createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new MittoValidationException(what + ": the body is JSON but not a JSON object (it starts with "
                        + describe(first) + "): '" + excerpt(body) + "'");
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken valueToken = parser.nextToken();
                @Nullable String value;
                if (valueToken == JsonToken.START_OBJECT || valueToken == JsonToken.START_ARRAY) {
                    value = MAPPER.writeValueAsString(parser.readValueAsTree());
                } else if (valueToken == JsonToken.VALUE_NULL) {
                    value = null;
                } else {
                    value = parser.getText();
                }
                if (!fields.containsKey(name)) {
                    fields.put(name, value);
                }
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new MittoValidationException(what + ": the body has content after its JSON object: '"
                        + excerpt(body) + "'");
            }
        } catch (JsonProcessingException e) {
            throw new MittoValidationException(what + ": the body is not valid JSON (" + e.getOriginalMessage()
                    + "): '" + excerpt(body) + "'", e);
        } catch (IOException e) {
            throw new MittoValidationException(what + ": the body could not be read as JSON: " + e.getMessage(), e);
        }
        return new Fields(fields);
    }

    /** Copies already decoded parameters in the map's iteration order; entries with a null name are skipped. */
    static Fields fromParameters(@Nullable Map<String, ? extends @Nullable String> parameters, String what) {
        if (parameters == null) {
            throw new MittoValidationException(what + ": the parameter map is null");
        }
        LinkedHashMap<String, @Nullable String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, ? extends @Nullable String> parameter : parameters.entrySet()) {
            if (parameter.getKey() != null && !fields.containsKey(parameter.getKey())) {
                fields.put(parameter.getKey(), parameter.getValue());
            }
        }
        return new Fields(fields);
    }

    private static String describe(@Nullable JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        switch (token) {
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return token.asString() != null ? token.asString() : token.name();
        }
    }

    /**
     * The names of the fields that came, for a message: at most {@value #NAMES_SHOWN}, each cut to
     * {@value #EXCERPT_CHARS} characters, so that a payload of a million fields or names makes a short message.
     */
    String names() {
        StringBuilder out = new StringBuilder("[");
        int shown = 0;
        for (String name : raw.keySet()) {
            if (shown == NAMES_SHOWN) {
                out.append(", … and ").append(raw.size() - shown).append(" more");
                break;
            }
            out.append(shown == 0 ? "" : ", ").append(excerpt(name));
            shown++;
        }
        return out.append(']').toString();
    }

    static String excerpt(String text) {
        String stripped = text.strip();
        if (stripped.length() <= EXCERPT_CHARS) {
            return stripped;
        }
        int end = Character.isHighSurrogate(stripped.charAt(EXCERPT_CHARS - 1)) ? EXCERPT_CHARS - 1 : EXCERPT_CHARS;
        return stripped.substring(0, end) + "…";
    }
}
