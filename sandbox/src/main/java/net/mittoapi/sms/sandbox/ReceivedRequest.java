package net.mittoapi.sms.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request {@link MittoSandbox} received, as it arrived: method, path, headers, body. Requests are
 * recorded before they are answered, faulted and rejected ones included.
 *
 * <p>The API key header is masked: {@link #headers()} shows {@code X-Mitto-API-Key: ****}, and
 * {@link #authenticated()} tells whether the key sent was the sandbox's. Immutable.
 */
public final class ReceivedRequest {

    /** The value every {@code X-Mitto-API-Key} header shows in {@link #headers()}. */
    public static final String MASKED = "****";

    private final long sequence;
    private final Instant receivedAt;
    private final String method;
    private final String path;
    private final @Nullable String query;
    private final Map<String, List<String>> headers;
    private final String bodyText;
    private final @Nullable JsonNode json;
    private final Map<String, @Nullable Object> body;
    private final boolean authenticated;
    private final @Nullable Fault fault;

    ReceivedRequest(long sequence, Instant receivedAt, String method, String path, @Nullable String query,
            Map<String, List<String>> rawHeaders, String bodyText, @Nullable JsonNode json, boolean authenticated,
            @Nullable Fault fault) {
        this.sequence = sequence;
        this.receivedAt = receivedAt;
        this.method = method;
        this.path = path;
        this.query = query;
        TreeMap<String, List<String>> masked = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, List<String>> header : rawHeaders.entrySet()) {
            List<String> values = new ArrayList<>();
            for (String value : header.getValue()) {
                values.add(MittoSandbox.API_KEY_HEADER.equalsIgnoreCase(header.getKey()) ? MASKED
                        : Objects.requireNonNullElse(value, ""));
            }
            masked.merge(header.getKey(), List.copyOf(values), (a, b) -> {
                List<String> both = new ArrayList<>(a);
                both.addAll(b);
                return List.copyOf(both);
            });
        }
        this.headers = Collections.unmodifiableMap(masked);
        this.bodyText = bodyText;
        this.json = json != null && json.isObject() ? json.deepCopy() : null;
        this.body = this.json == null ? Map.of() : immutableMap(this.json);
        this.authenticated = authenticated;
        this.fault = fault;
    }

    private static Map<String, @Nullable Object> immutableMap(JsonNode object) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        object.properties().forEach(field -> map.put(field.getKey(), immutable(field.getValue())));
        return Collections.unmodifiableMap(map);
    }

    private static @Nullable Object immutable(JsonNode node) {
        if (node.isObject()) {
            return immutableMap(node);
        }
        if (node.isArray()) {
            List<@Nullable Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(immutable(element)));
            return Collections.unmodifiableList(list);
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isNull()) {
            return null;
        }
        return node.asText();
    }

    /** @return the position of this request in arrival order, from 1; it keeps counting across clears */
    public long sequence() {
        return sequence;
    }

    /** @return when the sandbox received the request, by its clock */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** @return the HTTP method, such as {@code POST} */
    public String method() {
        return method;
    }

    /** @return the path as requested, suffix included, without the query: such as {@code /sms.json} */
    public String path() {
        return path;
    }

    /** @return the raw query string, when the URL had one */
    public Optional<String> query() {
        return Optional.ofNullable(query);
    }

    /**
     * @return every header, names matched case-insensitively, values in order; the API key masked as
     *         {@value #MASKED}; unmodifiable
     */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * @param name a header name, in any case
     * @return the header's first value (the API key masked), or empty when the request had no such header
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** @return the body exactly as received, decoded as UTF-8; empty when there was none */
    public String bodyText() {
        return bodyText;
    }

    /**
     * The body parsed as a JSON object: an unmodifiable map (field order kept) whose values are
     * {@code String}, {@code Boolean}, {@code Long} (or {@code BigInteger}), {@code BigDecimal},
     * {@code null}, or unmodifiable nested maps and lists.
     *
     * @return the parsed body, or an empty map when the body was not a JSON object
     */
    public Map<String, @Nullable Object> body() {
        return body;
    }

    /**
     * A top-level body field by name, ignoring case as the API does: scalars as their text
     * ({@code "true"}, {@code "2880"}), an object or array as compact JSON.
     *
     * @param name the field name, in any case
     * @return the field's text, or empty when the body has no such field (or has it as {@code null})
     */
    public Optional<String> field(String name) {
        if (json == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            if (field.getKey().equalsIgnoreCase(name) && !field.getValue().isNull()) {
                JsonNode value = field.getValue();
                return Optional.of(value.isValueNode() ? value.asText() : value.toString());
            }
        }
        return Optional.empty();
    }

    /** @return whether the request carried the sandbox's API key */
    public boolean authenticated() {
        return authenticated;
    }

    /** @return the fault the sandbox played instead of answering normally, if any */
    public Optional<Fault> fault() {
        return Optional.ofNullable(fault);
    }

    @Override
    public String toString() {
        return "ReceivedRequest[#" + sequence + " " + method + " " + path + (query == null ? "" : "?" + query)
                + ", " + bodyText.length() + " chars" + (authenticated ? ", authenticated" : ", not authenticated")
                + (fault == null ? "" : ", " + fault) + "]";
    }
}
