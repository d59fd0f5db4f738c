package net.mittoapi.sms.sandbox;

import java.util.List;
import java.util.stream.Collectors;
import net.mittoapi.sms.segments.Encoding;
import net.mittoapi.sms.segments.SegmentCalculator;
import net.mittoapi.sms.segments.SegmentInfo;
import org.jspecify.annotations.Nullable;

/**
 * How long a text is and how many parts it takes, for the {@code type} a send names (the caller passes
 * {@code gsm} when it names none, the API's default): the SDK's own {@link SegmentCalculator} for
 * {@code gsm}, {@code unicode} and {@code auto}; hexadecimal octets for {@code binary}, 140 octets in one part
 * and 134 per part once concatenated, the rest going to the 6-octet user data header.
 *
 * <p>Two readings here are assumptions, since the API does not publish them: a text with characters outside
 * the GSM 7-bit alphabet under {@code gsm} is refused (responseCode 4, "Message text is invalid", the
 * likeliest reading of its documented meaning), and a {@code unicode} text is raw text, as Mitto's use-case page
 * (docs/mitto-api.md) and Mitto's connector send it (its Node.js client hex-encodes it instead).
 */
final class TextMeasure {

    /** The answer's {@code textLength}, and the parts the text is split into; or why the text is not valid. */
    record Measure(int length, int parts, @Nullable String invalid) {
        boolean valid() {
            return invalid == null;
        }
    }

    private static final int BINARY_SINGLE = 140;
    private static final int BINARY_MULTI = 134;
    private static final int NAMED_CHARACTERS = 5;

    private TextMeasure() {
    }

    /** @param type lower-case {@code gsm}, {@code unicode}, {@code binary} or {@code auto} */
    static Measure measure(String text, String type) {
        if ("binary".equals(type)) {
            return binary(text);
        }
        SegmentInfo info = "unicode".equals(type) ? SegmentCalculator.calculate(text, Encoding.UCS_2)
                : SegmentCalculator.calculate(text);
        if ("gsm".equals(type) && info.encoding() != Encoding.GSM_7) {
            return new Measure(0, 0, "has characters outside the GSM 7-bit alphabet ("
                    + describe(info.nonGsmCharacters()) + "); send it with type \"auto\" or \"Unicode\"");
        }
        return new Measure(info.length(), info.segmentCount(), null);
    }

    private static String describe(List<Integer> codePoints) {
        String named = codePoints.stream().limit(NAMED_CHARACTERS)
                .map(codePoint -> String.format("'%s' U+%04X", Character.toString(codePoint), codePoint))
                .collect(Collectors.joining(", "));
        return codePoints.size() > NAMED_CHARACTERS ? named + ", …" : named;
    }

    private static Measure binary(String text) {
        if (text.length() % 2 != 0 || !text.chars().allMatch(TextMeasure::isHex)) {
            return new Measure(0, 0, "must be the payload as an even number of hexadecimal digits for type \"binary\"");
        }
        int octets = text.length() / 2;
        int parts = octets <= BINARY_SINGLE ? 1 : (octets + BINARY_MULTI - 1) / BINARY_MULTI;
        return new Measure(octets, parts, null);
    }

    private static boolean isHex(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
