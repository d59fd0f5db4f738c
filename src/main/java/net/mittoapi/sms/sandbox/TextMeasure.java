package net.mittoapi.sms.sandbox;

/**
 * How long a text is and how many parts it takes, for the {@code type} a send names: the SDK's segment
 * calculator for {@code gsm}, {@code unicode} and {@code auto}; hexadecimal octets for {@code binary}
 * (140 octets in one part, 134 per part once concatenated, the rest going to the 6-octet user data header).
 */
final class TextMeasure {

    /** The answer's {@code textLength}, and the parts the text is split into; or why the text is not valid. */
    record Measure(int length, int parts, String invalid) {
        boolean valid() {
            return invalid == null;
        }
    }

    private static final int BINARY_SINGLE = 140;
    private static final int BINARY_MULTI = 134;

    private TextMeasure() {
    }

    /** @param type lower-case {@code gsm}, {@code unicode}, {@code binary}, {@code auto}, or null (as auto) */
    static Measure measure(String text, String type) {
        if ("binary".equals(type)) {
            return binary(text);
        }
        // PLACEHOLDER until net.mittoapi.sms.segments.SegmentCalculator lands on main: never shipped.
        boolean gsm = true;
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("^{}\\[~]|€".indexOf(c) >= 0) {
                septets += 2;
            } else if (c >= 0x20 && c < 0x7f && c != '`' || c == '\n' || c == '\r' || "£¥èéùìòÇØøÅåÆæßÉÄÖÑÜ§¿äöñüà¡"
                    .indexOf(c) >= 0) {
                septets++;
            } else {
                gsm = false;
            }
        }
        boolean ucs2 = "unicode".equals(type) || !gsm;
        if ("gsm".equals(type) && !gsm) {
            return new Measure(0, 0, "has characters outside the GSM 7-bit alphabet; send it with type"
                    + " \"unicode\" or \"auto\"");
        }
        int length = ucs2 ? text.length() : septets;
        int single = ucs2 ? 70 : 160;
        int multi = ucs2 ? 67 : 153;
        return new Measure(length, length <= single ? 1 : (length + multi - 1) / multi, null);
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
