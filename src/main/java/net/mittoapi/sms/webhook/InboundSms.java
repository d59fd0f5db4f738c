package net.mittoapi.sms.webhook;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.mittoapi.sms.MittoValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A message a handset sent to the account's dedicated number, as forwarded by Mitto's 2-way SMS to the
 * URL the account manager configured.
 *
 * <p><strong>Mitto publishes no format for these forwards.</strong> This reader is therefore deliberately
 * tolerant: it reads a query string, a JSON object or already decoded parameters, matches field names
 * ignoring case and punctuation ({@code MessageText}, {@code message_text} and {@code MESSAGE-TEXT} are one
 * name), and accepts
 * these aliases, the first one present winning:
 *
 * <table>
 *   <caption>Field names recognised for each accessor</caption>
 *   <tr><th>accessor</th><th>field names</th></tr>
 *   <tr><td>{@link #from()}</td><td>{@code from}, {@code sender}, {@code originator}, {@code msisdn},
 *       {@code source}, {@code src}, {@code mobile}</td></tr>
 *   <tr><td>{@link #to()}</td><td>{@code to}, {@code receiver}, {@code recipient}, {@code destination},
 *       {@code dest}, {@code shortcode}</td></tr>
 *   <tr><td>{@link #text()}</td><td>{@code text}, {@code message}, {@code body}, {@code content},
 *       {@code msg}, {@code sms}, {@code messageText}, {@code smsText}</td></tr>
 *   <tr><td>{@link #timestamp()}</td><td>{@code timestamp}, {@code time}, {@code dateTime}, {@code date},
 *       {@code receivedAt}, {@code received}, {@code sentTime}, {@code sentAt}, {@code ts}</td></tr>
 *   <tr><td>{@link #messageId()}</td><td>{@code id}, {@code msgid}, {@code messageId}, {@code smsId}</td></tr>
 * </table>
 *
 * <p>Every accessor is an {@code Optional}, and {@link #raw()} keeps every field exactly as received: when
 * your forwards use other names, read them from there. Values are stripped of surrounding white space and
 * a blank value counts as absent; the text alone is kept exactly as received, white space and line breaks
 * included.
 *
 * <p>Instances are immutable and thread-safe; two messages are equal when their raw fields are equal.
 */
public final class InboundSms {

    private static final String WHAT = "inbound SMS";
    /**
     * Longer than any timestamp form read here (the longest, an ISO date-time with nanoseconds, an offset and
     * a zone id in brackets, is under 80): a longer text is not parsed at all, so that a hostile megabyte
     * costs nothing.
     */
    static final int MAX_TIMESTAMP_CHARS = 100;
    private static final Pattern SPACED_OFFSET =
            Pattern.compile("(.*T\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?) (\\d{2}(?::?\\d{2})?)");
    private static final Pattern SPACE_SEPARATED = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}.*)");
    private static final DateTimeFormatter COMPACT_OFFSET = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendOffset("+HHmm", "Z").toFormatter();
    private static final DateTimeFormatter COMPACT_DIGITS = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4).appendValue(ChronoField.MONTH_OF_YEAR, 2)
            .appendValue(ChronoField.DAY_OF_MONTH, 2).appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .toFormatter();

    private final Map<String, @Nullable String> raw;
    private final @Nullable String from;
    private final @Nullable String to;
    private final @Nullable String text;
    private final @Nullable String timestampText;
    private final @Nullable Instant timestamp;
    private final @Nullable String messageId;

    private InboundSms(Fields fields) {
        this.raw = fields.raw();
        if (raw.isEmpty()) {
            throw new MittoValidationException("inbound SMS has no fields at all; expected at least a sender and"
                    + " a text, such as from=491725551234&text=Hello");
        }
        this.from = fields.first("from", "sender", "originator", "msisdn", "source", "src", "mobile").orElse(null);
        this.to = fields.first("to", "receiver", "recipient", "destination", "dest", "shortcode").orElse(null);
        this.text = fields.firstUnstripped("text", "message", "body", "content", "msg", "sms", "messagetext",
                "smstext").orElse(null);
        this.timestampText = fields.first("timestamp", "time", "datetime", "date", "receivedat", "received",
                "senttime", "sentat", "ts").orElse(null);
        this.timestamp = timestampText == null ? null : parseTimestamp(timestampText);
        this.messageId = fields.first(Fields.MESSAGE_ID).orElse(null);
    }

    /**
     * Reads a forward's raw (still encoded) query string, with or without its leading {@code ?}. Names and
     * values are URL-decoded as UTF-8, {@code +} meaning a space; a {@code %} that starts no valid escape is
     * kept as a literal {@code %}.
     *
     * @param query the raw query string
     * @return the message
     * @throws MittoValidationException when the query is null or has no fields at all
     */
    public static InboundSms fromQuery(String query) {
        return new InboundSms(Fields.fromQuery(query, WHAT));
    }

    /**
     * Reads a forward's JSON object body. Numbers are kept as written; string values are not URL-decoded.
     *
     * @param json the request body
     * @return the message
     * @throws MittoValidationException when the body is null, empty, not JSON, not a JSON object, or an
     *                                  empty object
     */
    public static InboundSms fromJson(String json) {
        return new InboundSms(Fields.fromJson(json, WHAT));
    }

    /**
     * Reads parameters that a web framework already decoded (a form post, for example); they are not
     * decoded again.
     *
     * @param parameters the forward's parameters by name; iteration order is kept in {@link #raw()}
     * @return the message
     * @throws MittoValidationException when the map is null or empty
     */
    public static InboundSms fromParameters(Map<String, ? extends @Nullable String> parameters) {
        return new InboundSms(Fields.fromParameters(parameters, WHAT));
    }

    /** @return the number of the handset that sent the message */
    public Optional<String> from() {
        return Optional.ofNullable(from);
    }

    /** @return the number the message was sent to (the account's dedicated number) */
    public Optional<String> to() {
        return Optional.ofNullable(to);
    }

    /** @return the message text, decoded */
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    /**
     * The time the forward names, when it could be read. Recognised forms: ISO-8601 with {@code Z} or an
     * offset ({@code 2019-04-13T17:51:06.3091182Z}, {@code 2019-04-13T19:51:06+02:00}, {@code +0200}, or a
     * zone id in brackets), the same with a space instead of {@code T}, RFC 1123
     * ({@code Sat, 13 Apr 2019 17:51:06 GMT}), {@code yyyyMMddHHmmss}, and epoch seconds or milliseconds.
     * A date-time without an offset, or a bare date, is taken as UTC. An offset whose {@code +} an unencoded
     * query string turned into a space is read as intended. A text of more than 100 characters is in none
     * of these forms and is not parsed.
     *
     * @return the instant, or empty when there is no timestamp field or its text is in none of these forms
     *         (the text is then in {@link #timestampText()})
     */
    public Optional<Instant> timestamp() {
        return Optional.ofNullable(timestamp);
    }

    /** @return the timestamp field's text as received (stripped), whether or not it could be parsed */
    public Optional<String> timestampText() {
        return Optional.ofNullable(timestampText);
    }

    /** @return the forward's message id, when it has one */
    public Optional<String> messageId() {
        return Optional.ofNullable(messageId);
    }

    /**
     * @return every field as received (names as written, values decoded but otherwise untouched), in
     *         arrival order; unmodifiable. A JSON {@code null} is kept as a {@code null} value.
     */
    public Map<String, @Nullable String> raw() {
        return raw;
    }

    static @Nullable Instant parseTimestamp(String text) {
        String value = text.strip();
        if (value.length() > MAX_TIMESTAMP_CHARS) {
            return null;
        }
        if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return parseDigits(value);
        }
        Matcher spacedOffset = SPACED_OFFSET.matcher(value);
        if (spacedOffset.matches()) {
            value = spacedOffset.group(1) + "+" + spacedOffset.group(2);
        }
        Matcher spaceSeparated = SPACE_SEPARATED.matcher(value);
        if (spaceSeparated.matches()) {
            value = spaceSeparated.group(1) + "T" + spaceSeparated.group(2);
        }
        value = value.replace(',', '.');
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.ISO_DATE_TIME).toInstant();
        } catch (DateTimeParseException notIsoWithZone) {
            // fall through to the next form
        }
        try {
            return OffsetDateTime.parse(value, COMPACT_OFFSET).toInstant();
        } catch (DateTimeParseException notCompactOffset) {
            // fall through to the next form
        }
        try {
            return LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notLocal) {
            // fall through to the next form
        }
        try {
            return LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notDate) {
            // fall through to the next form
        }
        try {
            return ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException notRfc1123) {
            return null;
        }
    }

    private static @Nullable Instant parseDigits(String digits) {
        try {
            if (digits.length() == 14) {
                return LocalDateTime.parse(digits, COMPACT_DIGITS).toInstant(ZoneOffset.UTC);
            }
            if (digits.length() <= 11) {
                return Instant.ofEpochSecond(Long.parseLong(digits));
            }
            if (digits.length() <= 13) {
                return Instant.ofEpochMilli(Long.parseLong(digits));
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
        return null;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof InboundSms && raw.equals(((InboundSms) other).raw);
    }

    @Override
    public int hashCode() {
        return raw.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder description = new StringBuilder("InboundSms[");
        description.append("from=").append(from);
        DeliveryReport.append(description, "to", to);
        DeliveryReport.append(description, "timestamp", timestamp == null ? timestampText : timestamp.toString());
        DeliveryReport.append(description, "messageId", messageId);
        DeliveryReport.append(description, "text", text);
        return description.append(']').toString();
    }
}
