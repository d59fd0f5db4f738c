package net.mittoapi.sms.examples;

import java.util.List;
import net.mittoapi.sms.segments.Encoding;
import net.mittoapi.sms.segments.GsmNormalizer;
import net.mittoapi.sms.segments.SegmentCalculator;
import net.mittoapi.sms.segments.SegmentInfo;

/**
 * What the seed's texts cost, calculated offline before anything is sent: encoding, length, parts, and
 * the characters that force UCS-2.
 */
public final class LongSmsSegments {

    static final String LONG_TEXT = "Due to the limitations of GSM/PDU standard, the body text of an SMS"
            + " message cannot be longer than 160 characters (70 characters if the text is Unicode format)."
            + " MITTO's SMS API overcomes this limitations by splitting larger messages into several smaller"
            + " messages, each of which conforms to that standards. This operation is automatic and you don't"
            + " have to do anything when making the API request the process is triggered automatically when"
            + " the text entered in body of the SMS (the body parameter of the request) exceeds the limit.";

    public static void main(String[] args) {
        for (String text : List.of("Hello, World!", "Здравствуй, Мир!",
                "Еnjoy the stunning Spring 2019 visuals in our new gallery!")) {
            print(text, SegmentCalculator.calculate(text));
        }

        SegmentInfo auto = SegmentCalculator.calculate(LONG_TEXT);
        print(LONG_TEXT, auto);
        for (int i = 0; i < auto.segments().size(); i++) {
            String part = auto.segments().get(i);
            System.out.printf("    part %d: %d chars, \"%s…%s\"%n", i + 1, part.length(),
                    part.substring(0, 12), part.substring(part.length() - 12));
        }
        SegmentInfo unicode = SegmentCalculator.calculate(LONG_TEXT, Encoding.UCS_2);
        System.out.printf("  the same text sent as type=unicode: %d parts instead of %d%n",
                unicode.segmentCount(), auto.segmentCount());

        String typographic = "“Your appointment” – Monday, 9:30… don’t be late";
        String normalized = GsmNormalizer.normalize(typographic);
        System.out.printf("  typographic text: %s -> GsmNormalizer: %s%n",
                summary(SegmentCalculator.calculate(typographic)), summary(SegmentCalculator.calculate(normalized)));
        System.out.printf("    \"%s\"%n", normalized);
    }

    private static void print(String text, SegmentInfo info) {
        String shown = Examples.shorten(text, 40);
        System.out.printf("  \"%s\": %s%n", shown, summary(info));
        if (!info.nonGsmCharacters().isEmpty()) {
            StringBuilder names = new StringBuilder();
            for (int codePoint : info.nonGsmCharacters().subList(0, Math.min(5, info.nonGsmCharacters().size()))) {
                names.append(String.format(" '%s' U+%04X (%s);", Character.toString(codePoint), codePoint,
                        Character.getName(codePoint)));
            }
            System.out.printf("    UCS-2 because of:%s%n", names);
        }
    }

    private static String summary(SegmentInfo info) {
        return String.format("%s, %d units, %d part%s, %d units left in the last", info.encoding(), info.length(),
                info.segmentCount(), info.segmentCount() == 1 ? "" : "s", info.remaining());
    }
}
