package net.mittoapi.sms.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The four endpoints' behaviour, given a request that reached them (routed, authenticated, parsed):
 * validation with the API's {@code responseCode}s, ids, timestamps, usage and conversions.
 *
 * <p>The rules are the API's, as its documentation and Mitto's own clients state them
 * ({@code docs/mitto-api.md}), written here on their own: the sandbox is the API's double, not a mirror of the
 * client's checks, so that a test against it fails where the API would refuse what the client let through.
 */
final class Endpoints {

    static final String SMS_ROOT = "SmsResponse";
    static final String BULK_ROOT = "BulkSmsResponse";
    static final String USAGE_ROOT = "UsageResponse";

    /**
     * The {@code type}s the API takes, lower-cased: Mitto's clients write {@code GSM}, {@code Unicode},
     * {@code unicode}, {@code Binary} and {@code auto}.
     */
    private static final Set<String> TYPES = Set.of("gsm", "unicode", "binary", "auto");
    /** The type the API uses when a send names none (its connector's default, and its OpenAPI description's). */
    private static final String DEFAULT_TYPE = "gsm";
    /** Sender lengths, from Mitto's developer guide: alphanumeric 3 to 11 characters, numeric 3 to 14 digits. */
    private static final int MIN_SENDER = 3;
    private static final int MAX_ALPHANUMERIC_SENDER = 11;
    private static final int MAX_NUMERIC_SENDER = 14;
    private static final Pattern RECEIVER = Pattern.compile("[1-9][0-9]{6,14}");
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String NO_MCCMNC = "00101";
    private static final String SENT = "SMS sent";

    private final SandboxConfig config;
    private final SandboxState state;
    private final Deliverer deliverer;
    private final CallingCodes callingCodes = CallingCodes.table();
    /** Where reports of sends without a callback go: the configured one until {@link #defaultCallback(String)}. */
    private volatile @Nullable String defaultCallback;

    Endpoints(SandboxConfig config, SandboxState state, Deliverer deliverer) {
        this.config = config;
        this.state = state;
        this.deliverer = deliverer;
        this.defaultCallback = config.defaultCallback();
    }

    /** @param url where reports of later sends without a callback go; {@code null} for nowhere (checked already) */
    void defaultCallback(@Nullable String url) {
        this.defaultCallback = url;
    }

    /** @return where reports of sends without a callback go now, or {@code null} */
    @Nullable String defaultCallback() {
        return defaultCallback;
    }

    /** The documented {@code responseText} of each {@code responseCode}. */
    static String responseText(int code) {
        switch (code) {
            case 0:
                return SENT;
            case 1:
                return "Internal error";
            case 2:
                return "Invalid type";
            case 3:
                return "Empty message";
            case 4:
                return "Message text is invalid";
            case 5:
                return "Empty sender";
            case 6:
                return "Invalid sender";
            case 7:
                return "Empty receiver";
            case 8:
                return "Invalid receiver";
            case 9:
                return "Character set error";
            default:
                return "Error";
        }
    }

    static Answer rejected(WireFormat format, String root, int code, @Nullable String detail) {
        return rejected(400, format, root, code, detail);
    }

    static Answer rejected(int status, WireFormat format, String root, int code, @Nullable String detail) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("responseCode", code);
        fields.put("responseText", detail == null ? responseText(code) : responseText(code) + ": " + detail);
        return Answer.document(status, format, root, fields);
    }

    // ---- /sms and /smsbulk ----

    /** A send's fields, read and type-checked (but not yet validated). */
    private static final class Send {
        @Nullable String from;
        @Nullable String text;
        @Nullable String type;
        List<String> to = List.of();
        boolean test;
        @Nullable String reference;
        @Nullable String callback;
        /** Set by {@link #validate} once the text is known to be valid. */
        TextMeasure.@Nullable Measure measure;
    }

    Answer sms(Map<String, JsonNode> fields, WireFormat format) {
        Send send = readSend(fields, false);
        Optional<Answer> rejection = validate(send, format, SMS_ROOT);
        if (rejection.isPresent()) {
            return rejection.get();
        }
        SentMessage message = issue(send, send.to.get(0), false);
        Map<String, Object> answer = issued(message);
        answer.put("responseCode", 0);
        // The API's documentation shows textLength as " 13" on test calls and as 13 otherwise.
        answer.put("textLength", send.test ? " " + message.textLength() : (Object) message.textLength());
        answer.put("responseText", SENT);
        answer.put("test", send.test);
        return Answer.document(200, format, SMS_ROOT, answer).then(() -> deliverer.submit(message));
    }

    Answer smsBulk(Map<String, JsonNode> fields, WireFormat format) {
        Send send = readSend(fields, true);
        Optional<Answer> rejection = validate(send, format, BULK_ROOT);
        if (rejection.isPresent()) {
            return rejection.get();
        }
        List<SentMessage> messages = new ArrayList<>(send.to.size());
        List<Map<String, Object>> entries = new ArrayList<>(send.to.size());
        for (String recipient : send.to) {
            SentMessage message = issue(send, recipient, true);
            messages.add(message);
            Map<String, Object> entry = issued(message);
            entry.put("textLength", message.textLength());
            entries.add(entry);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("responseCode", 0);
        answer.put("responseText", SENT);
        answer.put("messages", new WireFormat.Items("message", entries));
        return Answer.document(200, format, BULK_ROOT, answer).then(() -> messages.forEach(deliverer::submit));
    }

    /** The fields both answers start a message with: {@code id}, {@code timestamp}, {@code to}. */
    private static Map<String, Object> issued(SentMessage message) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", message.id());
        fields.put("timestamp", TIMESTAMP.format(message.timestamp()));
        fields.put("to", message.to());
        return fields;
    }

    private Send readSend(Map<String, JsonNode> fields, boolean bulk) {
        Send send = new Send();
        send.from = string(fields, "from");
        send.text = string(fields, "text");
        send.type = string(fields, "type");
        send.to = bulk ? recipients(fields) : single(fields);
        send.test = bool(fields, "test");
        send.reference = string(fields, "reference");
        send.callback = string(fields, "callback");
        string(fields, "udh");
        integer(fields, "validity");
        integer(fields, "pid");
        bool(fields, "flash");
        return send;
    }

    /**
     * Checks a send the way the API does, answering the lowest {@code responseCode} that applies when several
     * do: 2 type, 3 empty text, 4 text not valid for the type, 5 empty sender, 6 invalid sender, 7 no
     * receiver, 8 invalid receiver.
     */
    private Optional<Answer> validate(Send send, WireFormat format, String root) {
        if (send.type != null) {
            String type = send.type.strip().toLowerCase(Locale.ROOT);
            type = type.equals("byte") ? "binary" : type;
            if (!TYPES.contains(type)) {
                return Optional.of(rejected(format, root, 2, "'type' must be GSM, Unicode, Binary (or Byte) or auto,"
                        + " in any case, got '" + send.type + "'"));
            }
            send.type = type;
        }
        if (send.text == null || send.text.isEmpty()) {
            return Optional.of(rejected(format, root, 3, "'text' is required"));
        }
        TextMeasure.Measure measure = TextMeasure.measure(send.text, send.type == null ? DEFAULT_TYPE : send.type);
        if (!measure.valid()) {
            return Optional.of(rejected(format, root, 4, "the text " + measure.invalid()
                    + (send.type == null ? " (the send names no type, so the API uses GSM)" : "")));
        }
        send.measure = measure;
        if (send.from == null || send.from.isBlank()) {
            return Optional.of(rejected(format, root, 5, "'from' is required"));
        }
        String senderProblem = senderProblem(send.from);
        if (senderProblem != null) {
            return Optional.of(rejected(format, root, 6, senderProblem));
        }
        if (send.to.isEmpty()) {
            return Optional.of(rejected(format, root, 7, "'to' is required"));
        }
        for (String recipient : send.to) {
            String problem = receiverProblem(recipient);
            if (problem != null) {
                return Optional.of(rejected(format, root, 8, problem));
            }
        }
        return Optional.empty();
    }

    /**
     * The API's sender rule, as Mitto's developer guide gives it: a numeric sender has 3 to 14 digits, an
     * alphanumeric one 3 to 11 characters. No source restricts the characters, so none is refused here. Whether
     * the API counts a numeric sender's leading {@code +} is not published: the sandbox does not count it.
     *
     * @return why the sender is refused, or {@code null}
     */
    static @Nullable String senderProblem(String from) {
        String digits = from.startsWith("+") ? from.substring(1) : from;
        if (!digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return digits.length() < MIN_SENDER || digits.length() > MAX_NUMERIC_SENDER
                    ? "a numeric 'from' must have 3 to 14 digits; '" + from + "' has " + digits.length() : null;
        }
        int length = from.codePointCount(0, from.length());
        return length < MIN_SENDER || length > MAX_ALPHANUMERIC_SENDER
                ? "an alphanumeric 'from' must have 3 to 11 characters; '" + from + "' has " + length : null;
    }

    private @Nullable String receiverProblem(String recipient) {
        if (RECEIVER.matcher(recipient).matches()) {
            return callingCodes.lookup(recipient).isPresent() ? null
                    : "no country uses the calling code of '" + recipient + "'";
        }
        String rule = "'to' must be an E.164 number: 7 to 15 digits with the country code, no '+', no spaces";
        if (recipient.isEmpty()) {
            return rule + ", got an empty number in the list";
        }
        if (recipient.startsWith("+")) {
            return rule + "; drop the '+' from '" + recipient + "'";
        }
        if (recipient.startsWith("0")) {
            return rule + "; '" + recipient + "' starts with 0: use the country code instead of a trunk or"
                    + " international prefix";
        }
        return rule + ", got '" + recipient + "'";
    }

    private SentMessage issue(Send send, String recipient, boolean bulk) {
        // Only a send that passed validate() is issued: its sender, text and measure are set.
        String from = Objects.requireNonNull(send.from, "from");
        String text = Objects.requireNonNull(send.text, "text");
        TextMeasure.Measure measure = Objects.requireNonNull(send.measure, "measure");
        CallingCodes.Country country = callingCodes.lookup(recipient).orElseThrow();
        String mccMnc = country.mcc() == null ? NO_MCCMNC : country.mcc() + "01";
        BigDecimal cost = send.test ? BigDecimal.ZERO
                : config.pricePerPart(country.alpha3()).multiply(BigDecimal.valueOf(measure.parts()));
        String callback = send.callback != null && !send.callback.isBlank() ? send.callback.strip()
                : defaultCallback;
        Instant now = now();
        return state.issue(id -> new SentMessage(id, now, from, recipient, text, send.type, send.test, send.reference,
                callback, measure.length(), measure.parts(), country.alpha3(), mccMnc, cost, bulk));
    }

    /** The clock's time at the 100-nanosecond precision of the API's timestamps. */
    private Instant now() {
        Instant now = config.clock().instant();
        return Instant.ofEpochSecond(now.getEpochSecond(), now.getNano() / 100 * 100);
    }

    private static List<String> single(Map<String, JsonNode> fields) {
        String to = string(fields, "to");
        return to == null || to.isBlank() ? List.of() : List.of(to.strip());
    }

    /** Bulk recipients: one comma-separated string, as the API documents, or (leniently) a JSON array. */
    private static List<String> recipients(Map<String, JsonNode> fields) {
        JsonNode to = fields.get("to");
        List<String> recipients = new ArrayList<>();
        if (to == null || to.isNull()) {
            return recipients;
        }
        if (to.isArray()) {
            for (JsonNode element : to) {
                if (!element.isValueNode() || element.isNull()) {
                    throw new BadRequest("'to' must be a comma-separated string of numbers, or an array of numbers;"
                            + " it holds " + describe(element));
                }
                recipients.add(element.asText().strip());
            }
            return recipients;
        }
        String list = string(fields, "to");
        if (list == null || list.isBlank()) {
            return recipients;
        }
        for (String recipient : list.split(",", -1)) {
            recipients.add(recipient.strip());
        }
        return recipients;
    }

    // ---- /usage/bycountry ----

    Answer usage(Map<String, JsonNode> fields, WireFormat format) {
        LocalDate start = date(fields, "startDate");
        LocalDate end = date(fields, "endDate");
        string(fields, "AccountName");
        if (start != null && end != null && start.isAfter(end)) {
            throw new BadRequest("startDate " + start + " is after endDate " + end);
        }
        Map<String, Total> totals = new TreeMap<>();
        for (SentMessage message : state.sent()) {
            LocalDate day = message.timestamp().atOffset(ZoneOffset.UTC).toLocalDate();
            if (message.test() || start != null && day.isBefore(start) || end != null && day.isAfter(end)) {
                continue;
            }
            Total total = totals.computeIfAbsent(message.country(), country -> new Total());
            total.parts += message.parts();
            total.cost = total.cost.add(message.cost());
        }
        List<Map<String, Object>> entries = new ArrayList<>(totals.size());
        for (Map.Entry<String, Total> country : totals.entrySet()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("country", country.getKey());
            entry.put("messagesCount", Long.toString(country.getValue().parts));
            entry.put("cost", country.getValue().cost.setScale(6, RoundingMode.HALF_UP).toPlainString());
            entries.add(entry);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("usagesByCountry", new WireFormat.Items("usageByCountry", entries));
        return Answer.document(200, format, USAGE_ROOT, answer);
    }

    /** One country's usage: SMS parts and what they cost. */
    private static final class Total {
        long parts;
        BigDecimal cost = BigDecimal.ZERO;
    }

    private static @Nullable LocalDate date(Map<String, JsonNode> fields, String name) {
        String text = string(fields, name);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip(), DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            throw new BadRequest("'" + name + "' must be a date written YYYY-MM-DD, got '" + text + "'");
        }
    }

    // ---- /sms/converted ----

    Answer converted(Map<String, JsonNode> fields) {
        String id = string(fields, "messageId");
        if (id == null || id.isBlank()) {
            throw new BadRequest("'messageId' is required: send {\"messageId\": \"<the id a send answered with>\"}");
        }
        if (state.message(id.strip()) == null) {
            return Answer.text(404, "No convertible message found for id \"" + id + "\"");
        }
        state.convert(id.strip());
        return Answer.text(200, "OK");
    }

    // ---- field readers: lenient where a .NET model binder would be (numbers as strings), strict otherwise ----

    /** The body's fields by name, ignoring case as the API does; the first of two same-named fields wins. */
    static Map<String, JsonNode> fields(JsonNode body) {
        Map<String, JsonNode> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            fields.putIfAbsent(field.getKey(), field.getValue());
        }
        return fields;
    }

    private static @Nullable String string(Map<String, JsonNode> fields, String name) {
        JsonNode value = fields.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        throw new BadRequest("'" + name + "' must be a string, got " + describe(value));
    }

    private static boolean bool(Map<String, JsonNode> fields, String name) {
        JsonNode value = fields.get(name);
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && (value.asText().equalsIgnoreCase("true") || value.asText().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(value.asText());
        }
        throw new BadRequest("'" + name + "' must be true or false, got " + describe(value));
    }

    private static @Nullable Integer integer(Map<String, JsonNode> fields, String name) {
        JsonNode value = fields.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        if (value.isTextual() && value.asText().strip().matches("-?[0-9]{1,9}")) {
            return Integer.valueOf(value.asText().strip());
        }
        throw new BadRequest("'" + name + "' must be an integer, got " + describe(value));
    }

    private static String describe(JsonNode value) {
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isNull()) {
            return "null";
        }
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
