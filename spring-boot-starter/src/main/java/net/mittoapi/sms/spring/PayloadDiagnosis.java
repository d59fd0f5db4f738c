package net.mittoapi.sms.spring;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.mittoapi.sms.MittoValidationException;

/**
 * Says what is wrong with a payload the SDK refused to read, in words that hold none of its values (no message
 * id, no phone number, no price): what the endpoint's 400 warning says. The SDK's own message quotes the payload,
 * so it is never logged.
 *
 * <p>Runs only for a refused payload, whose size the endpoint has bounded. A JSON body is walked once with
 * Jackson's streaming parser (the SDK's JSON library) for its shape; whether the fields lack a message id or
 * carry a value out of bounds is then asked of the SDK itself, by reading the same fields with every non-blank
 * value replaced by {@code 0}: if that copy reads, what failed was a value (for a delivery report, by the SDK's
 * contract, its price), and otherwise the fields themselves (no message id; for an inbound SMS, no fields).
 */
final class PayloadDiagnosis {

    private static final JsonFactory JSON = new JsonFactory();
    private static final int NAMES_SHOWN = 20;
    private static final int NAME_CHARS = 60;

    private final String reason;
    private final List<String> names;

    private PayloadDiagnosis(String reason, List<String> names) {
        this.reason = reason;
        this.names = names;
    }

    /** @return what is wrong, as a clause such as {@code "its body is not valid JSON (at line 1, column 2)"} */
    String reason() {
        return reason;
    }

    /**
     * @return the names of the fields that came (not their values), at most {@value #NAMES_SHOWN}, each cut to
     *         {@value #NAME_CHARS} characters; empty when the payload has no readable fields
     */
    List<String> names() {
        return names;
    }

    /**
     * @param kind what the endpoint receives
     * @param json the body the SDK refused, not blank
     * @return what is wrong with it
     */
    static PayloadDiagnosis ofJson(WebhookHandler.Kind kind, String json) {
        Map<String, String> fields = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                return new PayloadDiagnosis("its body is " + describe(first) + ", not a JSON object", List.of());
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                String stand = value == JsonToken.VALUE_NULL ? null
                        : value == JsonToken.VALUE_STRING && parser.getText().isBlank() ? "" : "0";
                parser.skipChildren();
                fields.putIfAbsent(name, stand);
            }
            if (token != JsonToken.END_OBJECT) {
                return new PayloadDiagnosis("its body is not valid JSON" + at(parser.currentLocation()), names(fields));
            }
            if (parser.nextToken() != null) {
                return new PayloadDiagnosis("there is content after its JSON object" + at(parser.currentLocation()),
                        names(fields));
            }
        } catch (JsonProcessingException e) {
            return new PayloadDiagnosis("its body is not valid JSON" + at(e.getLocation()), names(fields));
        } catch (IOException e) {
            return new PayloadDiagnosis("its body could not be read as JSON", names(fields));
        }
        return ofValues(kind, fields, "its JSON object");
    }

    /**
     * @param kind   what the endpoint receives
     * @param fields the decoded fields the SDK refused
     * @param where  where they came from, such as {@code "its query"}
     * @return what is wrong with them
     */
    static PayloadDiagnosis ofFields(WebhookHandler.Kind kind, Map<String, String> fields, String where) {
        Map<String, String> stands = new LinkedHashMap<>();
        fields.forEach((name, value) -> stands.put(name, value == null ? null : value.isBlank() ? value : "0"));
        return ofValues(kind, stands, where);
    }

    /** @param stands the fields, every non-blank value replaced by {@code "0"} */
    private static PayloadDiagnosis ofValues(WebhookHandler.Kind kind, Map<String, String> stands, String where) {
        try {
            kind.read(stands);
        } catch (MittoValidationException fieldsThemselves) {
            return new PayloadDiagnosis(stands.isEmpty() ? where + " has no fields at all"
                    : kind == WebhookHandler.Kind.DELIVERY_REPORT
                            ? "there is no message id (a non-blank field ID, msgid, messageId or smsId) among the "
                                    + count(stands.size()) + " of " + where
                            : where + " does not hold an inbound SMS", names(stands));
        }
        // The same fields with harmless values read: one of the values failed. A delivery report refuses only a
        // price out of bounds (DeliveryReport's Javadoc); an inbound SMS refuses no value at all today.
        return new PayloadDiagnosis(kind == WebhookHandler.Kind.DELIVERY_REPORT
                ? "its price is out of bounds (longer than 64 characters or with a scale beyond ±64: no price Mitto"
                        + " sends)"
                : "one of the values of " + where + " is out of bounds", names(stands));
    }

    private static String count(int fields) {
        return fields == 1 ? "1 field" : fields + " fields";
    }

    private static List<String> names(Map<String, String> fields) {
        List<String> names = new ArrayList<>();
        for (String name : fields.keySet()) {
            if (names.size() == NAMES_SHOWN) {
                names.add("… and " + (fields.size() - NAMES_SHOWN) + " more");
                break;
            }
            int end = name.length() <= NAME_CHARS ? name.length()
                    : Character.isHighSurrogate(name.charAt(NAME_CHARS - 1)) ? NAME_CHARS - 1 : NAME_CHARS;
            names.add(end == name.length() ? name : name.substring(0, end) + "…");
        }
        return List.copyOf(names);
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " (at line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "empty";
        }
        switch (token) {
            case START_ARRAY:
                return "a JSON array";
            case VALUE_STRING:
                return "a JSON string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a JSON number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a JSON boolean";
            case VALUE_NULL:
                return "JSON null";
            default:
                return "JSON " + token.name();
        }
    }
}
