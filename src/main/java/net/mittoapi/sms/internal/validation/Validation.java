package net.mittoapi.sms.internal.validation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.mittoapi.sms.MessageType;
import net.mittoapi.sms.MittoValidationException;
import net.mittoapi.sms.segments.Encoding;
import net.mittoapi.sms.segments.GsmAlphabet;
import net.mittoapi.sms.segments.GsmNormalizer;
import net.mittoapi.sms.segments.SegmentCalculator;
import net.mittoapi.sms.segments.SegmentInfo;
import org.jspecify.annotations.Nullable;

/**
 * The rules the request builders check in {@code build()}, before anything is sent. Each failure is a
 * {@link MittoValidationException} whose message names the field, the rule and the offending value.
 *
 * <p><b>What is refused, and why.</b> Only what the API documents as invalid or what no network can carry
 * ({@code docs/mitto-api.md}, "What the client refuses before sending"): a client stricter than its API leaves users
 * no way to send what the API would have accepted, while a server refusal costs nothing and names the
 * problem in its {@code responseCode}. So:
 * <ul>
 *   <li>a required field left blank ({@code from}, {@code to}, {@code text}): the API's codes 3, 5 and 7;</li>
 *   <li>a recipient that is not E.164 digits (the API's {@code to}: digits only, with the country code; ITU-T
 *       E.164: at most 15 digits, a country code never starting with 0); one leading {@code +} is stripped,
 *       as the API's examples carry none;</li>
 *   <li>an alphanumeric sender longer than 11 GSM-7 septets or holding a character outside GSM-7 (3GPP TS
 *       23.040, 9.1.2.5: the originating address carries at most 11 packed septets of the GSM 7-bit default
 *       alphabet), and a numeric sender of more than 15 digits (E.164). Nothing else about a sender: the API's
 *       own minimum lengths (3) and numeric maximum (14) are the server's to enforce, with responseCode 6;</li>
 *   <li>a callback that is not an absolute {@code http}/{@code https} URL with a host, or holds white space or
 *       control characters; template placeholders ({@code <msgid>}, {@code $msgid$}, {@code ~msgid~},
 *       {@code {id}}) are fine, so it need not be a strict {@link java.net.URI};</li>
 *   <li>a {@code udh} that is not whole octets of hex, or longer than the 140 octets of one SMS;</li>
 *   <li>a negative validity period, and a protocol identifier outside one octet (TS 23.040 TP-VP, TP-PID).</li>
 * </ul>
 * And, apart from the API's rules, the caller's own {@code maxParts}: see {@link #maxParts}.
 * Values are sent exactly as given, with one exception: the {@code +} of a recipient.
 */
public final class Validation {

    /** E.164 numbers have at most 15 digits, country code included. */
    public static final int MAX_E164_DIGITS = 15;
    /** The most GSM-7 septets the originating address of an SMS carries as an alphanumeric sender. */
    public static final int MAX_ALPHANUMERIC_SENDER_SEPTETS = 11;
    /** A user data header fits in one SMS of 140 octets: at most 280 hex digits. */
    public static final int MAX_UDH_HEX_DIGITS = 280;
    /** The octets of user data one SMS carries (3GPP TS 23.040, TP-UD). */
    static final int SMS_OCTETS = 140;
    /** The octets of a binary message's data in each part of a longer one, after the 6-octet concatenation header. */
    static final int BINARY_PART_OCTETS = 134;

    private static final int SHOWN_VALUE_CHARS = 60;

    private Validation() {
    }

    /**
     * Checks a recipient and returns it as the API wants it: digits only.
     *
     * @param field the field's name for the message, such as {@code to} or {@code to[2]}
     * @param value the number as given; one leading {@code +} is accepted and stripped
     * @return the digits
     */
    public static String recipient(String field, @Nullable String value) {
        String rule = "an E.164 number: 1 to 15 digits starting with the country code (not 0),"
                + " optionally after one '+', with no spaces or other characters";
        if (value == null || value.isEmpty()) {
            throw invalid(field, "set to " + rule, value);
        }
        String digits = value.startsWith("+") ? value.substring(1) : value;
        if (digits.isEmpty() || digits.length() > MAX_E164_DIGITS || !isDigits(digits) || digits.charAt(0) == '0') {
            throw invalid(field, rule, value);
        }
        return digits;
    }

    /**
     * Checks a list of recipients for {@code /smsbulk}.
     *
     * @param values the numbers as given
     * @return the digits of each, in the given order (duplicates kept: the API sends to each entry)
     */
    public static List<String> recipients(@Nullable List<String> values) {
        if (values == null || values.isEmpty()) {
            throw invalid("to", "a non-empty list of E.164 numbers", values == null ? null : "[]");
        }
        List<String> digits = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            digits.add(recipient("to[" + i + "]", values.get(i)));
        }
        return List.copyOf(digits);
    }

    /**
     * Checks a sender. A sender of digits, optionally after one {@code +}, is numeric: at most 15 digits. Any
     * other is alphanumeric: at most 11 septets of the GSM 7-bit alphabet, a character of its extension table
     * (such as {@code €}) counting two. Nothing else is refused: {@code Dr.Müller}, {@code Shop@Home},
     * {@code A&B (CH)} and {@code AB} all go to the server, which answers responseCode 6 for a sender it does
     * not take.
     *
     * @param value the sender as given
     * @return the sender, exactly as given: a numeric sender's {@code +} is kept, since Mitto's own clients
     *         send the sender untouched and the API's numbers take a {@code +} (its connector's examples)
     */
    public static String sender(@Nullable String value) {
        if (value == null || value.isBlank()) {
            throw invalid("from", "set to a sender: a name of up to 11 GSM-7 characters, such as 'MITTO SMS', or a"
                    + " phone number of up to 15 digits", value);
        }
        String digits = value.startsWith("+") ? value.substring(1) : value;
        if (!digits.isEmpty() && isDigits(digits)) {
            if (digits.length() > MAX_E164_DIGITS) {
                throw invalid("from", "a numeric sender of at most 15 digits (E.164), optionally after one '+'; it has "
                        + digits.length(), value);
            }
            return value;
        }
        int septets = 0;
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            int cost = GsmAlphabet.septets(codePoint);
            if (cost == 0) {
                throw invalid("from", "an alphanumeric sender of GSM 7-bit characters only, all a network carries as"
                        + " a sender name; " + String.format("'%s' (U+%04X)", Character.toString(codePoint), codePoint)
                        + " is not one: replace it, or send from a phone number", value);
            }
            septets += cost;
            i += Character.charCount(codePoint);
        }
        if (septets > MAX_ALPHANUMERIC_SENDER_SEPTETS) {
            throw invalid("from", "an alphanumeric sender of at most 11 GSM-7 septets, all a network carries as a"
                    + " sender name (an extension character such as '€' counts 2); it has " + septets, value);
        }
        return value;
    }

    /**
     * @param value the message text
     * @return the text, unchanged
     */
    public static String text(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            throw invalid("text", "a non-empty message text", value);
        }
        return value;
    }

    /**
     * Checks a callback URL without parsing it as a strict {@link java.net.URI}: the API fills template
     * placeholders in it ({@code <msgid>}, {@code $msgid$}, {@code ~msgid~}, {@code {id}}), which a strict
     * parser refuses.
     *
     * @param value the callback URL, or {@code null} when unset
     * @return the URL, unchanged, or {@code null}
     */
    public static @Nullable String callback(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String rule = "an absolute http or https URL with a host, such as https://example.com/dlr?id=~msgid~"
                + " (template placeholders are fine; white space and control characters are not)";
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                throw invalid("callback", rule, value);
            }
            i += Character.charCount(c);
        }
        int separator = value.indexOf("://");
        String scheme = separator < 0 ? "" : value.substring(0, separator).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || host(value.substring(separator + 3)).isEmpty()) {
            throw invalid("callback", rule, value);
        }
        return value;
    }

    /** The host of what follows {@code scheme://}: the authority without user info and port. */
    private static String host(String rest) {
        int end = rest.length();
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        String authority = rest.substring(0, end);
        String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
        if (hostAndPort.startsWith("[")) {
            int close = hostAndPort.indexOf(']');
            return close < 0 ? hostAndPort : hostAndPort.substring(0, close + 1);
        }
        int colon = hostAndPort.indexOf(':');
        return colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
    }

    /**
     * @param value the free-text reference, or {@code null} when unset
     * @return the reference, unchanged (an empty one included: nothing documents it as invalid), or {@code null}
     */
    public static @Nullable String reference(@Nullable String value) {
        return value;
    }

    /**
     * @param value the user data header as hex, or {@code null} when unset
     * @return the header, unchanged, or {@code null}
     */
    public static @Nullable String udh(@Nullable String value) {
        if (value == null) {
            return null;
        }
        boolean hex = !value.isEmpty() && value.length() % 2 == 0 && value.length() <= MAX_UDH_HEX_DIGITS;
        for (int i = 0; hex && i < value.length(); i++) {
            hex = isHexDigit(value.charAt(i));
        }
        if (!hex) {
            throw invalid("udh", "whole octets of hexadecimal digits, 1 to 140 of them (2 to 280 digits, one SMS),"
                    + " such as 050003CC0201", value);
        }
        return value;
    }

    /**
     * @param minutes the validity period in minutes, or {@code null} when unset
     * @return the period, unchanged, or {@code null}
     */
    public static @Nullable Integer validity(@Nullable Integer minutes) {
        if (minutes != null && minutes < 0) {
            throw invalid("validity", "zero or a positive number of minutes, as no network carries a negative"
                    + " validity period (the server's default is 2880)", minutes);
        }
        return minutes;
    }

    /**
     * @param pid the protocol identifier, or {@code null} when unset
     * @return the identifier, unchanged, or {@code null}
     */
    public static @Nullable Integer pid(@Nullable Integer pid) {
        if (pid != null && (pid < 0 || pid > 255)) {
            throw invalid("pid", "a protocol identifier between 0 and 255 (one octet, TP-PID)", pid);
        }
        return pid;
    }

    /**
     * Checks the caller's own cap on the parts one message may cost (per recipient of a bulk message): not an API
     * field, never sent, so nothing about it is the server's to judge. A cap below 1 is refused here, in
     * {@code build()}, like every other value a setter records. A text is counted by
     * {@link MessageFields#segments(String, MessageType)}, in the encoding it goes out in; when it needs more parts
     * than the cap, the refusal says how many, and whether {@link GsmNormalizer#normalize(String)} would make it fit
     * (counted the same way). A message the SDK cannot count is refused rather than let through unchecked, since
     * the caller asked for a guarantee:
     * <ul>
     *   <li>{@link MessageType#GSM} with a character outside GSM-7: what the server then sends is undocumented;</li>
     *   <li>{@link MessageType#BINARY} with a text that is not whole octets of hex digits. The API documents no
     *       encoding for a binary text; hex is how it takes every other binary field ({@code udh}) and how Mitto's
     *       Node.js client sends UCS-2. Two digits are one octet: 140 in one SMS, 134 in each part of a longer
     *       message, after its 6-octet concatenation header (3GPP TS 23.040, 9.2.3.24.1).</li>
     * </ul>
     * A {@code udh} of the caller's own is not counted, for any type: how the server fits it beside the header of
     * a long message is not documented.
     *
     * @param maxParts the cap, or {@code null} when unset
     * @param text     the message text, already checked
     * @param type     the type chosen, or {@code null} for {@link MessageType#AUTO}
     * @return the cap, unchanged, or {@code null}
     */
    public static @Nullable Integer maxParts(@Nullable Integer maxParts, String text, @Nullable MessageType type) {
        if (maxParts == null) {
            return null;
        }
        if (maxParts < 1) {
            throw invalid("maxParts", "at least 1, the part every message costs", maxParts);
        }
        if (type == MessageType.BINARY) {
            return binaryParts(maxParts, text);
        }
        SegmentInfo info = MessageFields.segments(text, type);
        if (info != null && info.segmentCount() <= maxParts) {
            return maxParts;
        }
        String normalized = GsmNormalizer.normalize(text);
        SegmentInfo fixed = normalized.equals(text) ? null : MessageFields.segments(normalized, type);
        String hint = fixed == null || fixed.segmentCount() > maxParts ? ""
                : "; GsmNormalizer.normalize(text) makes it fit, " + parts(fixed) + ": send what it returns, or";
        if (info == null) {
            int c = SegmentCalculator.calculate(text).nonGsmCharacters().get(0);
            throw new MittoValidationException("text cannot be counted against maxParts " + maxParts + " as type GSM: "
                    + String.format("'%s' (U+%04X)", Character.toString(c), c) + " is not in the GSM 7-bit alphabet,"
                    + " and how the server sends it as GSM is not documented" + (hint.isEmpty() ? ":" : hint)
                    + " send it as AUTO or UNICODE, or replace the character; got " + show(text));
        }
        throw new MittoValidationException("text needs " + parts(info) + ", more than maxParts " + maxParts
                + (hint.isEmpty() ? ":" : hint) + " shorten it or raise maxParts; got " + show(text));
    }

    /**
     * The parts one message of this text costs, per recipient, counted as {@link #maxParts} counts them: by
     * {@link MessageFields#segments(String, MessageType)} in the encoding the message goes out in, and a binary text
     * as hex octets (140 in one part, 134 a part of a longer message).
     *
     * @param text the message text, already checked
     * @param type the type chosen, or {@code null} for {@link MessageType#AUTO}
     * @return 1 or more
     * @throws MittoValidationException when the SDK cannot count it: a {@link MessageType#GSM} text with a character
     *                                  outside GSM-7, a binary text that is not whole octets of hex digits
     */
    public static int partsPerMessage(String text, @Nullable MessageType type) {
        if (type == MessageType.BINARY) {
            if (!isHexOctets(text)) {
                throw invalid("text of a binary message", "whole octets of hex digits for its parts to be counted"
                        + " (" + SMS_OCTETS + " octets in one part, " + BINARY_PART_OCTETS + " a part of a longer"
                        + " message)", text);
            }
            return binaryPartCount(text.length() / 2);
        }
        SegmentInfo info = MessageFields.segments(text, type);
        if (info == null) {
            int c = SegmentCalculator.calculate(text).nonGsmCharacters().get(0);
            throw new MittoValidationException("text cannot be counted as type GSM: "
                    + String.format("'%s' (U+%04X)", Character.toString(c), c) + " is not in the GSM 7-bit alphabet,"
                    + " and how the server sends it as GSM is not documented: count it as AUTO or UNICODE, or replace"
                    + " the character; got " + show(text));
        }
        return info.segmentCount();
    }

    private static boolean isHexOctets(String text) {
        boolean hex = !text.isEmpty() && text.length() % 2 == 0;
        for (int i = 0; hex && i < text.length(); i++) {
            hex = isHexDigit(text.charAt(i));
        }
        return hex;
    }

    private static int binaryPartCount(int octets) {
        return octets <= SMS_OCTETS ? 1 : (octets - 1) / BINARY_PART_OCTETS + 1;
    }

    /** Such as {@code 2 parts as GSM-7 (161 septets, 153 a part)} or {@code 1 part as UCS-2 (12 UTF-16 units)}. */
    private static String parts(SegmentInfo info) {
        int count = info.segmentCount();
        boolean gsm = info.encoding() == Encoding.GSM_7;
        String units = info.length() + (gsm ? " septets" : " UTF-16 units");
        if (count == 1) {
            return "1 part as " + (gsm ? "GSM-7 (" : "UCS-2 (") + units + ")";
        }
        int perPart = info.perSegment();
        boolean straddled = count > (info.length() - 1) / perPart + 1;
        return count + " parts as " + (gsm ? "GSM-7 (" : "UCS-2 (") + units + ", " + perPart + " a part"
                + (straddled ? ", fewer where a part ends before a character or cluster it must not split" : "") + ")";
    }

    /** A binary text as hex octets: see {@link #maxParts}. */
    private static Integer binaryParts(int maxParts, String text) {
        if (!isHexOctets(text)) {
            throw invalid("text of a binary message", "whole octets of hex digits for maxParts to count its parts"
                    + " (" + SMS_OCTETS + " octets in one part, " + BINARY_PART_OCTETS + " a part of a longer message);"
                    + " remove maxParts to send it uncounted", text);
        }
        int octets = text.length() / 2;
        int parts = binaryPartCount(octets);
        if (parts > maxParts) {
            throw new MittoValidationException("text needs " + parts + " parts as binary (" + octets + " octets, "
                    + BINARY_PART_OCTETS + " a part), more than maxParts " + maxParts
                    + ": shorten it or raise maxParts; got " + show(text));
        }
        return maxParts;
    }

    /**
     * Checks one end of a usage period: present, as the API's request names both. A period whose end lies
     * before its start goes to the server, which says what it makes of it: nothing documents it as invalid.
     *
     * @param field the field, {@code startDate} or {@code endDate}
     * @param which which day of the period it is, {@code first} or {@code last}
     * @param day   the day as given
     * @return the day
     */
    public static LocalDate periodDay(String field, String which, @Nullable LocalDate day) {
        if (day == null) {
            throw invalid(field, "set to the " + which + " day of the period", null);
        }
        return day;
    }

    /**
     * @param value the account name, or {@code null} when unset
     * @return the name, unchanged (nothing documents an empty one as invalid), or {@code null}
     */
    public static @Nullable String accountName(@Nullable String value) {
        return value;
    }

    /**
     * @param value the id of a sent message, as {@code SmsResponse.id()} returned it
     * @return the id, unchanged
     */
    public static String messageId(@Nullable String value) {
        if (value == null || value.isBlank()) {
            throw invalid("messageId", "the non-blank id of a sent message, as SmsResponse.id() returned it",
                    value);
        }
        return value;
    }

    /**
     * A failure for a field that must be set but was not.
     *
     * @param field the field's name
     * @param hint  what to set it to
     * @return the exception to throw
     */
    public static MittoValidationException missing(String field, String hint) {
        return new MittoValidationException(field + " must be set: " + hint);
    }

    private static MittoValidationException invalid(String field, String rule, @Nullable Object value) {
        return new MittoValidationException(field + " must be " + rule + "; got " + show(value));
    }

    /**
     * Quotes a value for a message, shortened when long.
     *
     * @param value any value, or {@code null}
     * @return {@code null}, a number as is, or text in single quotes
     */
    public static String show(@Nullable Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String text = value.toString();
        if (text.length() > SHOWN_VALUE_CHARS) {
            text = text.substring(0, SHOWN_VALUE_CHARS) + "… (" + text.length() + " characters)";
        }
        return "'" + text + "'";
    }

    private static boolean isHexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
