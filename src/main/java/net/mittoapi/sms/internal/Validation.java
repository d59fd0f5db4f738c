package net.mittoapi.sms.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.mittoapi.sms.MittoValidationException;

/**
 * The rules the request builders check in {@code build()}, before anything is sent. Each failure is a
 * {@link MittoValidationException} whose message names the field, the rule and the offending value.
 *
 * <p>Phone numbers follow ITU-T E.164: a country code that never starts with 0, at most 15 digits in all.
 * Senders follow the API's own rule: alphanumeric of 3 to 11 characters or numeric of 3 to 14 digits.
 */
public final class Validation {

    /** E.164 numbers have at most 15 digits, country code included. */
    public static final int MAX_E164_DIGITS = 15;
    /** The longest alphanumeric sender the API accepts. */
    public static final int MAX_ALPHANUMERIC_SENDER = 11;
    /** The longest numeric sender the API accepts. */
    public static final int MAX_NUMERIC_SENDER = 14;
    /** The shortest sender of either kind. */
    public static final int MIN_SENDER = 3;
    /** Punctuation allowed in an alphanumeric sender besides letters, digits and inner spaces. */
    public static final String SENDER_PUNCTUATION = ".-_&+'!";
    /** A user data header fits in one SMS of 140 octets: at most 280 hex digits. */
    public static final int MAX_UDH_HEX_DIGITS = 280;

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
    public static String recipient(String field, String value) {
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
    public static List<String> recipients(List<String> values) {
        if (values == null || values.isEmpty()) {
            throw invalid("to", "a non-empty list of E.164 numbers", values == null ? null : "[]");
        }
        List<String> digits = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            digits.add(recipient("to[" + i + "]", values.get(i)));
        }
        return List.copyOf(digits);
    }

    /** The sender rule, as error messages state it; {@link #isSender(String)} applies it. */
    public static final String SENDER_RULE = "numeric (3 to 14 digits) or alphanumeric (3 to 11 characters:"
            + " ASCII letters, digits, single inner spaces and " + SENDER_PUNCTUATION + ", with at least one letter)";

    /**
     * Checks a sender and returns it as sent: one leading {@code +} of a numeric sender is stripped.
     *
     * @param value the sender as given
     * @return the sender as sent
     * @see #isSender(String)
     */
    public static String sender(String value) {
        if (value == null || value.isEmpty()) {
            throw invalid("from", "set to a sender that is " + SENDER_RULE, value);
        }
        String numeric = value.startsWith("+") ? value.substring(1) : value;
        if (!numeric.isEmpty() && isDigits(numeric)) {
            if (!isSender(numeric)) {
                throw invalid("from", "a numeric sender of 3 to 14 digits", value);
            }
            return numeric;
        }
        if (!isSender(value)) {
            throw invalid("from", SENDER_RULE, value);
        }
        return value;
    }

    /**
     * The one sender rule of the SDK, shared by the client (before sending) and the sandbox (answering
     * responseCode 6): numeric, 3 to 14 digits; or alphanumeric, 3 to 11 characters of ASCII letters,
     * digits, single inner spaces and {@value #SENDER_PUNCTUATION}, with at least one letter.
     *
     * @param from a sender as it travels on the wire (no {@code +})
     * @return whether the API accepts it
     */
    public static boolean isSender(String from) {
        if (from == null || from.length() < MIN_SENDER) {
            return false;
        }
        if (isDigits(from)) {
            return from.length() <= MAX_NUMERIC_SENDER;
        }
        if (from.length() > MAX_ALPHANUMERIC_SENDER) {
            return false;
        }
        boolean letter = false;
        for (int i = 0; i < from.length(); i++) {
            char c = from.charAt(i);
            boolean asciiLetter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            letter |= asciiLetter;
            boolean space = c == ' ' && i > 0 && i < from.length() - 1 && from.charAt(i - 1) != ' ';
            if (!asciiLetter && !(c >= '0' && c <= '9') && !space && SENDER_PUNCTUATION.indexOf(c) < 0) {
                return false;
            }
        }
        return letter;
    }

    /**
     * @param value the message text
     * @return the text, unchanged
     */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            throw invalid("text", "a non-empty message text", value);
        }
        return value;
    }

    /**
     * @param value the callback URL, or {@code null} when unset
     * @return the URL, unchanged, or {@code null}
     */
    public static String callback(String value) {
        if (value == null) {
            return null;
        }
        String rule = "an absolute http or https URL such as https://example.com/dlr";
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw invalid("callback", rule, value);
            }
        } catch (URISyntaxException e) {
            throw invalid("callback", rule, value);
        }
        return value;
    }

    /**
     * @param value the free-text reference, or {@code null} when unset
     * @return the reference, unchanged, or {@code null}
     */
    public static String reference(String value) {
        if (value != null && value.isBlank()) {
            throw invalid("reference", "non-blank text when set (leave it unset otherwise)", value);
        }
        return value;
    }

    /**
     * @param value the user data header as hex, or {@code null} when unset
     * @return the header, unchanged, or {@code null}
     */
    public static String udh(String value) {
        if (value == null) {
            return null;
        }
        boolean hex = !value.isEmpty() && value.length() % 2 == 0 && value.length() <= MAX_UDH_HEX_DIGITS;
        for (int i = 0; hex && i < value.length(); i++) {
            hex = Character.digit(value.charAt(i), 16) >= 0;
        }
        if (!hex) {
            throw invalid("udh", "an even number (2 to 280) of hexadecimal digits, such as 050003CC0201", value);
        }
        return value;
    }

    /**
     * @param minutes the validity period in minutes, or {@code null} when unset
     * @return the period, unchanged, or {@code null}
     */
    public static Integer validity(Integer minutes) {
        if (minutes != null && minutes <= 0) {
            throw invalid("validity", "a positive number of minutes (the server's default is 2880)", minutes);
        }
        return minutes;
    }

    /**
     * @param pid the protocol identifier, or {@code null} when unset
     * @return the identifier, unchanged, or {@code null}
     */
    public static Integer pid(Integer pid) {
        if (pid != null && (pid < 0 || pid > 255)) {
            throw invalid("pid", "a protocol identifier between 0 and 255 (one octet, TP-PID)", pid);
        }
        return pid;
    }

    /**
     * Checks a usage period: both dates present, the start not after the end.
     *
     * @param start the first day
     * @param end   the last day
     */
    public static void period(LocalDate start, LocalDate end) {
        if (start == null) {
            throw invalid("startDate", "set to the first day of the period", null);
        }
        if (end == null) {
            throw invalid("endDate", "set to the last day of the period", null);
        }
        if (end.isBefore(start)) {
            throw new MittoValidationException("endDate must not be before startDate; got startDate " + start
                    + " and endDate " + end + ": swap them or fix one");
        }
    }

    /**
     * @param value the account name, or {@code null} when unset
     * @return the name, unchanged, or {@code null}
     */
    public static String accountName(String value) {
        if (value != null && value.isBlank()) {
            throw invalid("accountName", "a non-blank account name when set (leave it unset otherwise)", value);
        }
        return value;
    }

    /**
     * @param value the id of a sent message, as {@code SmsResponse.id()} returned it
     * @return the id, unchanged
     */
    public static String messageId(String value) {
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

    private static MittoValidationException invalid(String field, String rule, Object value) {
        return new MittoValidationException(field + " must be " + rule + "; got " + show(value));
    }

    /**
     * Quotes a value for a message, shortened when long.
     *
     * @param value any value, or {@code null}
     * @return {@code null}, a number as is, or text in single quotes
     */
    public static String show(Object value) {
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
