package net.mittoapi.sms.examples;

import java.util.List;
import net.mittoapi.sms.segments.Encoding;
import net.mittoapi.sms.segments.GsmNormalizer;
import net.mittoapi.sms.segments.SegmentCalculator;
import net.mittoapi.sms.segments.SegmentInfo;

/**
 * What the texts of Mitto's use-case page cost, calculated offline before anything is sent: encoding, length, parts,
 * and the characters that force UCS-2.
 */
public final class LongSmsSegments {

    static final String LONG_TEXT = "Due to the limitations of GSM/PDU standard, the body text of an SMS"
            + " message cannot be longer than 160 characters (70 characters if the text is Unicode format)."
            + " MITTO's SMS API overcomes this limitations by splitting larger messages into several smaller"
            + " messages, each of which conforms to that standards. This operation is automatic and you don't"
            + " have to do anything when making the API request the process is triggered automatically when"
            + " the text entered in body of the SMS (the body parameter of the request) exceeds the limit.";

    /** How many of the characters that force UCS-2 are named, before "and N more". */
    private static final int NAMED = 5;

    public static void main(String[] args) throws Exception {
        Examples.runOffline(LongSmsSegments::run);
    }

    static void run() {
        for (String text : List.of("Hello, World!", "Здравствуй, Мир!",
                "Еnjoy the stunning Spring 2019 visuals in our new gallery!")) {
            print(text, SegmentCalculator.calculate(text));
        }

        SegmentInfo auto = SegmentCalculator.calculate(LONG_TEXT);
        print(LONG_TEXT, auto);
        for (int i = 0; i < auto.segments().size(); i++) {
            String part = auto.segments().get(i);
            System.out.printf("    part %d: %s, from %s to %s%n", i + 1,
                    Examples.count(part.length(), "character", "characters"),
                    Examples.quote(part.substring(0, 12)), Examples.quote(part.substring(part.length() - 12)));
        }
        SegmentInfo unicode = SegmentCalculator.calculate(LONG_TEXT, Encoding.UCS_2);
        System.out.printf("  the same text sent as type=unicode: %s instead of %d%n",
                Examples.count(unicode.segmentCount(), "part", "parts"), auto.segmentCount());

        String typographic = "“Your appointment” – Monday, 9:30… don’t be late";
        String normalized = GsmNormalizer.normalize(typographic);
        System.out.printf("  typographic text %s: %s%n", Examples.quote(typographic),
                summary(SegmentCalculator.calculate(typographic)));
        System.out.printf("  after GsmNormalizer %s: %s%n", Examples.quote(normalized),
                summary(SegmentCalculator.calculate(normalized)));
    }

    private static void print(String text, SegmentInfo info) {
        System.out.printf("  %s: %s%n", Examples.preview(text, 40), summary(info));
        List<Integer> culprits = info.nonGsmCharacters();
        if (!culprits.isEmpty()) {
            StringBuilder names = new StringBuilder();
            for (int codePoint : culprits.subList(0, Math.min(NAMED, culprits.size()))) {
                names.append(String.format(" '%s' U+%04X (%s);", Character.toString(codePoint), codePoint,
                        Character.getName(codePoint)));
            }
            if (culprits.size() > NAMED) {
                names.append(" and ").append(Examples.count(culprits.size() - NAMED, "more", "more"));
            }
            System.out.printf("    UCS-2 because of:%s%n", names);
        }
    }

    private static String summary(SegmentInfo info) {
        return String.format("%s, %s, %s, %s left in the last", info.encoding(), Examples.units(info.length(),
                info.encoding()), Examples.count(info.segmentCount(), "part", "parts"),
                Examples.units(info.remaining(), info.encoding()));
    }
}
