package net.mittoapi.sms.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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

/**
 * The one place that turns the API's answers into results or exceptions.
 *
 * <p>Successful answers (2xx) are read tolerantly: field names match case-insensitively, unknown fields
 * are ignored, numbers may arrive as numbers or as strings with spaces ({@code " 13"}), counts and costs
 * are read exactly ({@code long}, {@link BigDecimal}), timestamps with any number of fractional digits.
 * A non-zero {@code responseCode} is a {@link MittoApiException} whatever the HTTP status. A 2xx body
 * that cannot be read is a {@link MittoTransportException} with {@code maybeDelivered() == true}: the
 * server accepted the request, only its answer is lost.
 *
 * <p>Error answers keep what the server said: 401 becomes {@link MittoAuthenticationException}, 429
 * {@link MittoRateLimitException}, anything else {@link MittoApiException}; each with the body's
 * {@code responseCode} (or -1) and {@code responseText}.
 */
public final class Answers {

    private final Codec codec;

    /** @param codec reads the bodies */
    public Answers(Codec codec) {
        this.codec = codec;
    }

    /**
     * @param status the HTTP status, 2xx
     * @param body   the raw body
     * @return the answer to {@code /sms}
     */
    public SmsResponse sms(int status, byte[] body) {
        return success(status, body, false, root -> new SmsResponse(text(field(root, "id")),
                instant(field(root, "timestamp"), "timestamp"), text(field(root, "to")), responseCode(root),
                intValue(field(root, "textLength"), "textLength"), text(field(root, "responseText")),
                bool(field(root, "test"), "test")));
    }

    /**
     * @param status the HTTP status, 2xx
     * @param body   the raw body
     * @return the answer to {@code /smsbulk}
     */
    public BulkSmsResponse bulk(int status, byte[] body) {
        return success(status, body, false, root -> {
            List<BulkMessage> messages = new ArrayList<>();
            for (JsonNode m : list(field(root, "messages"))) {
                messages.add(new BulkMessage(text(field(m, "id")), instant(field(m, "timestamp"), "timestamp"),
                        text(field(m, "to")), intValue(field(m, "textLength"), "textLength")));
            }
            return new BulkSmsResponse(responseCode(root), text(field(root, "responseText")), messages);
        });
    }

    /**
     * @param status the HTTP status, 2xx
     * @param body   the raw body
     * @return the answer to {@code /usage/bycountry}
     */
    public UsageResponse usage(int status, byte[] body) {
        return success(status, body, true, root -> {
            List<CountryUsage> usages = new ArrayList<>();
            for (JsonNode u : list(root.isArray() ? root : field(root, "usagesByCountry"))) {
                usages.add(new CountryUsage(text(field(u, "country")),
                        longValue(field(u, "messagesCount"), "messagesCount"), decimal(field(u, "cost"), "cost")));
            }
            return new UsageResponse(usages);
        });
    }

    /**
     * Accepts the answer to {@code /sms/converted}: plain {@code OK}, an empty body, or a structured body
     * whose {@code responseCode} (if any) is 0.
     *
     * @param status the HTTP status, 2xx
     * @param body   the raw body
     * @return {@code null}
     */
    public Void conversion(int status, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.isEmpty() || text.equalsIgnoreCase("OK")) {
            return null;
        }
        int code;
        JsonNode root;
        try {
            root = codec.read(body);
            code = responseCode(root);
        } catch (IOException | Unreadable e) {
            return null; // a 2xx with some other text: the server took the report
        }
        if (code != 0) {
            throw new MittoApiException(status, code, text(field(root, "responseText")), text);
        }
        return null;
    }

    /**
     * Maps an error answer (an HTTP status outside 2xx) to its exception.
     *
     * @param status     the HTTP status
     * @param body       the raw body, possibly truncated
     * @param retryAfter the wait named by {@code Retry-After}, or {@code null}
     * @return the exception to throw
     */
    public MittoApiException error(int status, byte[] body, Duration retryAfter) {
        String raw = body.length == 0 ? null : new String(body, StandardCharsets.UTF_8);
        int code = -1;
        String responseText = null;
        try {
            JsonNode root = codec.read(body);
            responseText = text(field(root, "responseText"));
            Integer c = optionalInt(field(root, "responseCode"), "responseCode");
            code = c == null ? -1 : c;
        } catch (IOException | Unreadable e) {
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
    public static Duration retryAfter(String value, Instant now) {
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

    /**
     * Reads a successful answer: a document (an object, or also an array where {@code arrayAllowed}) whose
     * {@code responseCode}, if any, is 0. Whatever cannot be read becomes a {@link MittoTransportException}.
     */
    private <T> T success(int status, byte[] body, boolean arrayAllowed, TreeReader<T> reader) {
        JsonNode root;
        try {
            root = codec.read(body);
        } catch (IOException e) {
            throw unreadable(status, e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage(), e);
        }
        if (!root.isObject() && !(arrayAllowed && root.isArray())) {
            throw unreadable(status, "expected a " + codec.format() + " document, got "
                    + Validation.show(new String(body, StandardCharsets.UTF_8).strip()), null);
        }
        try {
            int code = responseCode(root);
            if (code != 0) {
                throw new MittoApiException(status, code, text(field(root, "responseText")),
                        new String(body, StandardCharsets.UTF_8));
            }
            return reader.read(root);
        } catch (Unreadable e) {
            throw unreadable(status, e.getMessage(), null);
        }
    }

    private static MittoTransportException unreadable(int status, String why, Throwable cause) {
        return new MittoTransportException("The Mitto API answered HTTP " + status + " but its body could not"
                + " be read (" + why + "). The request was accepted, so the message may have been sent:"
                + " do not send it again without checking", true, cause);
    }

    private static int responseCode(JsonNode root) throws Unreadable {
        Integer code = optionalInt(field(root, "responseCode"), "responseCode");
        return code == null ? 0 : code;
    }

    /** Finds a field by name, ignoring case; {@code null} when absent or when {@code node} is no object. */
    static JsonNode field(JsonNode node, String name) {
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
    static List<JsonNode> list(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || (node.isValueNode() && node.asText().isBlank())) {
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
    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        JsonNode inner = node.isObject() ? node.get("") : null;
        return inner != null && inner.isValueNode() ? inner.asText() : null;
    }

    private static Integer optionalInt(JsonNode node, String name) throws Unreadable {
        BigDecimal value = optionalDecimal(node, name);
        if (value == null) {
            return null;
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            throw new Unreadable(name + " is not a whole number: " + Validation.show(text(node)));
        }
    }

    private static int intValue(JsonNode node, String name) throws Unreadable {
        Integer value = optionalInt(node, name);
        return value == null ? 0 : value;
    }

    private static long longValue(JsonNode node, String name) throws Unreadable {
        BigDecimal value = optionalDecimal(node, name);
        if (value == null) {
            return 0;
        }
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new Unreadable(name + " is not a whole number: " + Validation.show(text(node)));
        }
    }

    private static BigDecimal decimal(JsonNode node, String name) throws Unreadable {
        BigDecimal value = optionalDecimal(node, name);
        return value == null ? BigDecimal.ZERO : value;
    }

    private static BigDecimal optionalDecimal(JsonNode node, String name) throws Unreadable {
        if (node != null && node.isNumber()) {
            return node.decimalValue();
        }
        String text = text(node);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new Unreadable(name + " is not a number: " + Validation.show(text));
        }
    }

    private static boolean bool(JsonNode node, String name) throws Unreadable {
        String text = text(node);
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
                throw new Unreadable(name + " is not a boolean: " + Validation.show(text));
        }
    }

    private static Instant instant(JsonNode node, String name) throws Unreadable {
        String text = text(node);
        if (text == null || text.isBlank()) {
            return null;
        }
        String v = text.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new Unreadable(name + " is not an ISO-8601 timestamp: " + Validation.show(text));
            }
        }
    }

    /** Reads a result from a successful answer's tree. */
    @FunctionalInterface
    private interface TreeReader<T> {
        T read(JsonNode root) throws Unreadable;
    }

    /** A field whose value cannot be read; becomes a {@link MittoTransportException}. */
    private static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message, null, false, false);
        }
    }
}
