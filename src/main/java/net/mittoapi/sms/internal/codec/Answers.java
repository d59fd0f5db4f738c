package net.mittoapi.sms.internal.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.mittoapi.sms.BulkMessage;
import net.mittoapi.sms.BulkSmsResponse;
import net.mittoapi.sms.CountryUsage;
import net.mittoapi.sms.MittoApiException;
import net.mittoapi.sms.MittoAuthenticationException;
import net.mittoapi.sms.MittoRateLimitException;
import net.mittoapi.sms.MittoTransportException;
import net.mittoapi.sms.SmsResponse;
import net.mittoapi.sms.UsageResponse;
import net.mittoapi.sms.internal.validation.Validation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns the API's answers into results or exceptions: the only reader of answers. Every
 * body is read by Jackson into a tree ({@link Codec#read}: JSON, or XML through {@code jackson-dataformat-xml}),
 * whose fields this class then maps into the response records; nothing here reads bytes or tokens itself.
 *
 * <p>Successful answers (2xx) are read tolerantly: field names match case-insensitively, unknown fields
 * are ignored, numbers may arrive as numbers or as strings with spaces ({@code " 13"}), counts and costs
 * are read exactly ({@code long}, {@link BigDecimal}), timestamps with any number of fractional digits (beyond
 * nine, cut to nanoseconds: {@link Timestamps}).
 * A non-zero {@code responseCode} is a {@link MittoApiException} whatever the HTTP status. A body is read in
 * its own encoding, JSON and XML alike: UTF-8, or UTF-16 or UTF-32 as its byte order mark (or, without one,
 * the zero bytes of its first character) says ({@link Codec.TextEncoding}); texts kept from it, such as an
 * error's raw body, are decoded the same way.
 *
 * <p><b>Nothing a successful send answer carries is lost.</b> The message went out; its id is what the caller
 * tracks it by. So a send answer whose {@code id} can be read is returned even when another field cannot be:
 * that field becomes absent ({@code null}, or -1 for a number), and a DEBUG line on the logger
 * {@code net.mittoapi.sms.MittoClient} says which field and why. A 2xx body that cannot be read at all, or
 * that carries neither an {@code id} nor a {@code responseCode}, is a {@link MittoTransportException} with
 * {@code maybeDelivered() == true}: the server accepted the request, only its answer is lost. A usage answer
 * in a shape this class does not recognize is the same error, naming what it got, never an empty list.
 *
 * <p>Numbers from outside are read through {@link Numbers}: a text too long or a value too large for any
 * real count is refused before it is parsed, so no answer can hold the caller's thread in a quadratic parse
 * or escape as anything but a {@code MittoException}.
 *
 * <p>Error answers keep what the server said: 401 becomes {@link MittoAuthenticationException}, 429
 * {@link MittoRateLimitException}, anything else {@link MittoApiException}; each with the body's
 * {@code responseCode} (or -1) and {@code responseText}.
 */
public final class Answers {

    private static final Logger LOG = LoggerFactory.getLogger("net.mittoapi.sms.MittoClient");
    private static final String SEND_ADVICE = "The request was accepted, so the message may have been sent:"
            + " do not send it again without checking";
    private static final String READ_ADVICE = "Nothing was sent by this call: it is safe to ask again";
    private static final String CONVERSION_ADVICE = "The server may have recorded the conversion: reporting it"
            + " again is harmless";

    private final Codec codec;

    /** @param codec reads the bodies */
    public Answers(Codec codec) {
        this.codec = codec;
    }

    /**
     * @param status the HTTP status, 2xx
     * @param body   the raw body
     * @return the answer to {@code /sms}
     * @throws MittoApiException       for a non-zero {@code responseCode}
     * @throws MittoTransportException when the body cannot be read, or carries neither an id nor a code
     */
    public SmsResponse sms(int status, byte[] body) {
        JsonNode root = document(status, body, false, SEND_ADVICE);
        Reading reading = new Reading();
        Integer code = reading.optionalInt(root, "responseCode");
        String id = text(field(root, "id"));
        if (code != null && code != 0) {
            throw rejected(status, code, root, body);
        }
        SmsResponse response = new SmsResponse(id, reading.instant(root, "timestamp"), text(field(root, "to")),
                code == null ? reading.failed("responseCode") ? -1 : 0 : code,
                reading.intOrMinusOne(root, "textLength"), text(field(root, "responseText")),
                reading.bool(root, "test"));
        return reading.settle(status, response, id != null, code != null, "an id", SEND_ADVICE);
    }

    /**
     * @param status the HTTP status, 2xx
     * @param body   the raw body
     * @return the answer to {@code /smsbulk}
     * @throws MittoApiException       for a non-zero {@code responseCode}
     * @throws MittoTransportException when the body cannot be read, or carries neither a message id nor a code
     */
    public BulkSmsResponse bulk(int status, byte[] body) {
        JsonNode root = document(status, body, false, SEND_ADVICE);
        Reading reading = new Reading();
        Integer code = reading.optionalInt(root, "responseCode");
        if (code != null && code != 0) {
            throw rejected(status, code, root, body);
        }
        List<BulkMessage> messages = new ArrayList<>();
        boolean anyId = false;
        List<JsonNode> entries = list(field(root, "messages"));
        for (int i = 0; i < entries.size(); i++) {
            JsonNode m = entries.get(i);
            String name = "messages[" + i + "]";
            if (!m.isObject()) {
                reading.problem(name, "is not an object: " + Validation.show(m.toString()));
                continue;
            }
            String id = text(field(m, "id"));
            anyId |= id != null;
            messages.add(new BulkMessage(id, reading.instant(m, name + ".timestamp", "timestamp"),
                    text(field(m, "to")), reading.intOrMinusOne(m, name + ".textLength", "textLength")));
        }
        BulkSmsResponse response = new BulkSmsResponse(code == null ? reading.failed("responseCode") ? -1 : 0
                : code, text(field(root, "responseText")), messages);
        return reading.settle(status, response, anyId, code != null, "a message id", SEND_ADVICE);
    }

    /**
     * @param status the HTTP status, 2xx
     * @param body   the raw body
     * @return the answer to {@code /usage/bycountry}
     * @throws MittoApiException       for a non-zero {@code responseCode}
     * @throws MittoTransportException when the body cannot be read or has a shape this SDK does not recognize
     */
    public UsageResponse usage(int status, byte[] body) {
        JsonNode root = document(status, body, true, READ_ADVICE);
        Reading reading = new Reading();
        Integer code = root.isObject() ? reading.optionalInt(root, "responseCode") : null;
        if (code != null && code != 0) {
            throw rejected(status, code, root, body);
        }
        JsonNode usages = root.isArray() ? root : field(root, "usagesByCountry");
        if (usages == null) {
            throw unreadable(status, "expected usagesByCountry, got " + shape(root), null, READ_ADVICE);
        }
        if (!(usages.isArray() || usages.isObject() || isBlank(usages))) {
            throw unreadable(status, "expected usagesByCountry to be a list, got " + shape(usages), null, READ_ADVICE);
        }
        List<CountryUsage> result = new ArrayList<>();
        List<JsonNode> entries = list(usages);
        for (int i = 0; i < entries.size(); i++) {
            JsonNode u = entries.get(i);
            String name = "usagesByCountry[" + i + "]";
            if (!u.isObject() || (field(u, "country") == null && field(u, "messagesCount") == null
                    && field(u, "cost") == null)) {
                throw unreadable(status, "expected " + name + " to have a country, messagesCount and cost, got "
                        + shape(u), null, READ_ADVICE);
            }
            result.add(new CountryUsage(text(field(u, "country")), reading.longValue(u, name + ".messagesCount",
                    "messagesCount"), reading.decimal(u, name + ".cost", "cost")));
        }
        if (reading.problems != null) {
            throw unreadable(status, reading.describe(), null, READ_ADVICE);
        }
        return new UsageResponse(result);
    }

    /**
     * Accepts the answer to {@code /sms/converted}: plain {@code OK}, an empty body, any other plain text, or a
     * structured body whose {@code responseCode} (if any) is 0.
     *
     * @param status the HTTP status, 2xx
     * @param body   the raw body
     * @return {@code null}
     * @throws MittoApiException       for a non-zero {@code responseCode}
     * @throws MittoTransportException for a JSON or XML document that cannot be read
     */
    public Void conversion(int status, byte[] body) {
        String text = Codec.text(body).strip();
        if (text.isEmpty() || text.equalsIgnoreCase("OK")) {
            return null;
        }
        JsonNode root;
        try {
            root = codec.read(body);
        } catch (IOException e) {
            if (text.startsWith("{") || text.startsWith("<") || text.startsWith("[")) {
                throw unreadable(status, reason(e), e, CONVERSION_ADVICE);
            }
            return null; // a 2xx with some other text: the server took the report
        }
        Reading reading = new Reading();
        Integer code = reading.optionalInt(root, "responseCode");
        if (code != null && code != 0) {
            throw new MittoApiException(status, code, text(field(root, "responseText")), text);
        }
        if (reading.problems != null) {
            throw unreadable(status, reading.describe(), null, CONVERSION_ADVICE);
        }
        return null;
    }

    /**
     * Maps an error answer (an HTTP status outside 2xx) to its exception. Whatever its body holds, the result
     * is that exception: a code that cannot be read is -1, the raw body is kept.
     *
     * @param status     the HTTP status
     * @param body       the raw body, possibly truncated
     * @param retryAfter the wait named by {@code Retry-After}, or {@code null}
     * @return the exception to throw
     */
    public MittoApiException error(int status, byte[] body, @Nullable Duration retryAfter) {
        String raw = body.length == 0 ? null : Codec.text(body);
        int code = -1;
        String responseText = null;
        try {
            JsonNode root = codec.read(body);
            responseText = text(field(root, "responseText"));
            Integer c = new Reading().optionalInt(root, "responseCode");
            code = c == null ? -1 : c;
        } catch (IOException e) {
            // a plain-text or unreadable body: the raw text is kept as it is
        }
        if (status == 401) {
            return new MittoAuthenticationException(code, responseText, raw);
        }
        if (status == 429) {
            return new MittoRateLimitException(code, responseText, raw, retryAfter);
        }
        return new MittoApiException(status, code, responseText, raw, retryAfter);
    }

    /**
     * Reads a {@code Retry-After} header: delay-seconds or an HTTP-date (RFC 9110, section 10.2.3).
     *
     * @param value the header's value, or {@code null}
     * @param now   the current instant, for HTTP-dates
     * @return the wait, never negative, or {@code null} when absent or unreadable
     */
    public static @Nullable Duration retryAfter(@Nullable String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException e) {
                return Duration.ofSeconds(Long.MAX_VALUE);
            }
        }
        try {
            Instant at = OffsetDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Reads a successful answer into a document: an object, or also an array where {@code arrayAllowed}. */
    private JsonNode document(int status, byte[] body, boolean arrayAllowed, String advice) {
        JsonNode root;
        try {
            root = codec.read(body);
        } catch (IOException e) {
            throw unreadable(status, reason(e), e, advice);
        }
        if (!root.isObject() && !(arrayAllowed && root.isArray())) {
            throw unreadable(status, "expected a " + codec.format() + " document, got "
                    + Validation.show(Codec.text(body).strip()), null, advice);
        }
        return root;
    }

    private static String reason(IOException e) {
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return Validation.show(message).replaceAll("^'|'$", "");
    }

    private static MittoApiException rejected(int status, int code, JsonNode root, byte[] body) {
        return new MittoApiException(status, code, text(field(root, "responseText")),
                Codec.text(body));
    }

    private static MittoTransportException unreadable(int status, String why, @Nullable Throwable cause,
            String advice) {
        return new MittoTransportException("The Mitto API answered HTTP " + status + " but its body could not"
                + " be read (" + why + "). " + advice, true, cause);
    }

    /** What a node is, for an error message: {@code an empty object}, {@code {"foo":1}}, {@code 42}. */
    private static String shape(JsonNode node) {
        if (node.isObject() && node.isEmpty()) {
            return "an empty object";
        }
        if (node.isArray() && node.isEmpty()) {
            return "an empty list";
        }
        return Validation.show(node.toString());
    }

    private static boolean isBlank(JsonNode node) {
        return node.isNull() || node.isMissingNode() || (node.isValueNode() && node.asText().isBlank());
    }

    /** Finds a field by name, ignoring case; {@code null} when absent or when {@code node} is no object. */
    static @Nullable JsonNode field(@Nullable JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode exact = node.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /**
     * The elements of a list, however it arrived: a JSON array; an XML wrapper element holding repeated
     * children of any name ({@code <messages><message>…</message></messages>}); a single entry.
     */
    static List<JsonNode> list(@Nullable JsonNode node) {
        if (node == null || isBlank(node)) {
            return List.of();
        }
        if (node.isArray()) {
            List<JsonNode> out = new ArrayList<>();
            node.forEach(out::add);
            return out;
        }
        if (node.isObject() && node.size() == 1) {
            JsonNode only = node.elements().next();
            if (only.isArray() || only.isObject()) {
                return list(only);
            }
        }
        return List.of(node);
    }

    /** The scalar text of a node; an XML element with attributes keeps its text under the empty name. */
    static @Nullable String text(@Nullable JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        JsonNode inner = node.isObject() ? node.get("") : null;
        return inner != null && inner.isValueNode() ? inner.asText() : null;
    }

    /**
     * The reading of one answer: typed field readers that never throw, but note each field they cannot read
     * and return it as absent; {@link #settle} then decides whether what was read is still a result.
     */
    private static final class Reading {

        /** The fields that could not be read, each with why; {@code null} while there is none. */
        private @Nullable Map<String, String> problems;

        void problem(String name, String why) {
            if (problems == null) {
                problems = new LinkedHashMap<>();
            }
            problems.putIfAbsent(name, why);
        }

        boolean failed(String name) {
            return problems != null && problems.containsKey(name);
        }

        String describe() {
            if (problems == null) {
                return "";
            }
            StringBuilder text = new StringBuilder();
            for (Map.Entry<String, String> problem : problems.entrySet()) {
                text.append(text.length() == 0 ? "" : "; ").append(problem.getKey()).append(' ')
                        .append(problem.getValue());
            }
            return text.toString();
        }

        /**
         * Returns {@code result} when the answer identifies what was done (an id), or at least says how it went
         * (a code) and nothing in it was unreadable; otherwise throws. Each field dropped is logged at DEBUG.
         */
        <T> T settle(int status, T result, boolean hasId, boolean hasCode, String idName, String advice) {
            if (problems == null) {
                if (!hasId && !hasCode) {
                    throw unreadable(status, "it carries neither " + idName + " nor a responseCode", null, advice);
                }
                return result;
            }
            if (!hasId) {
                throw unreadable(status, describe(), null, advice);
            }
            if (LOG.isDebugEnabled()) {
                for (Map.Entry<String, String> problem : problems.entrySet()) {
                    LOG.debug("HTTP {} answer: {} {}, so it is left out (absent, or -1 for a number); the rest of the"
                            + " answer, its id included, is returned", status, problem.getKey(), problem.getValue());
                }
            }
            return result;
        }

        @Nullable Integer optionalInt(JsonNode parent, String name) {
            return optionalInt(parent, name, name);
        }

        @Nullable Integer optionalInt(JsonNode parent, String name, String field) {
            JsonNode node = field(parent, field);
            BigDecimal value = optionalDecimal(node, name);
            if (value == null) {
                return null;
            }
            try {
                return value.intValueExact();
            } catch (ArithmeticException e) {
                problem(name, "is not a whole number that fits an int: " + Validation.show(text(node)));
                return null;
            }
        }

        int intOrMinusOne(JsonNode parent, String name) {
            return intOrMinusOne(parent, name, name);
        }

        int intOrMinusOne(JsonNode parent, String name, String field) {
            Integer value = optionalInt(parent, name, field);
            return value == null ? -1 : value;
        }

        long longValue(JsonNode parent, String name, String field) {
            JsonNode node = field(parent, field);
            BigDecimal value = optionalDecimal(node, name);
            if (value == null) {
                return 0;
            }
            try {
                return value.longValueExact();
            } catch (ArithmeticException e) {
                problem(name, "is not a whole number that fits a long: " + Validation.show(text(node)));
                return 0;
            }
        }

        BigDecimal decimal(JsonNode parent, String name, String field) {
            BigDecimal value = optionalDecimal(field(parent, field), name);
            return value == null ? BigDecimal.ZERO : value;
        }

        /** A number, from a number or a text such as {@code " 13"}; {@code null} when absent or unreadable. */
        private @Nullable BigDecimal optionalDecimal(@Nullable JsonNode node, String name) {
            try {
                if (node != null && node.isNumber()) {
                    return Numbers.bounded(node.decimalValue());
                }
                String text = text(node);
                if (text == null || text.isBlank()) {
                    if (node != null && !node.isValueNode() && !node.isNull() && !node.isMissingNode()) {
                        problem(name, "is not a number: " + Validation.show(node.toString()));
                    }
                    return null;
                }
                return Numbers.decimal(text);
            } catch (NumberFormatException e) {
                problem(name, "is not a number (" + e.getMessage() + "): " + Validation.show(text(node)));
                return null;
            }
        }

        boolean bool(JsonNode parent, String name) {
            String text = text(field(parent, name));
            if (text == null || text.isBlank()) {
                return false;
            }
            switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "true":
                case "1":
                    return true;
                case "false":
                case "0":
                    return false;
                default:
                    problem(name, "is not a boolean: " + Validation.show(text));
                    return false;
            }
        }

        @Nullable Instant instant(JsonNode parent, String name) {
            return instant(parent, name, name);
        }

        @Nullable Instant instant(JsonNode parent, String name, String field) {
            String text = text(field(parent, field));
            if (text == null || text.isBlank()) {
                return null;
            }
            Instant instant = Timestamps.parse(text.strip());
            if (instant == null) {
                problem(name, "is not an ISO-8601 timestamp: " + Validation.show(text));
            }
            return instant;
        }
    }
}
