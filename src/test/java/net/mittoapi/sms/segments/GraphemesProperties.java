package net.mittoapi.sms.segments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cheap junction test never contradicts {@code \X}, the authority: where it claims a boundary
 * {@code \X} has one, and where it claims none {@code \X} has none. Checked for every code point of the BMP,
 * of plane 1 and of the tags, after and before a context of every kind.
 */
class GraphemesProperties {

    private static final Pattern CLUSTER = Pattern.compile("\\X");

    /** Contexts of every kind a rule can look at: letters, marks, ZWJ sequences, flags, jamo, CR, conjuncts. */
    private static final List<String> CONTEXTS = List.of(
            "a", "Ж", "\r", "\n", "\t", "e\u0301", "\u200D", "\uD83D\uDC68\u200D", "\uD83D\uDC68", "\uD83C\uDDE9",
            "\uD83C\uDDE9\uD83C\uDDEA\uD83C\uDDE9", "\u1100", "\u1161", "\u11A8", "\uAC00", "\uAC01",
            "\u0915\u094D", "\u0915", "\u0600", "\u0E33", "\uD83C\uDFFD", "\uFE0F", "\u00AD", "\uE000");

    @ParameterizedTest(name = "from U+{0}")
    @ValueSource(ints = {0x0000, 0x4000, 0x8000, 0xC000, 0x10000, 0x14000, 0x18000, 0x1C000, 0xE0000})
    void neverContradictsTheRegex(int from) {
        List<String> wrong = new ArrayList<>();
        for (int codePoint = from; codePoint < from + 0x4000; codePoint++) {
            if (Character.isSurrogate((char) codePoint) && codePoint <= 0xFFFF) {
                continue; // a lone surrogate is not a code point of a well-formed text
            }
            String x = Character.toString(codePoint);
            for (String context : CONTEXTS) {
                checkJunction(context, x, wrong);
                checkJunction(x, context, wrong);
            }
        }
        assertThat(wrong).as("junctions where the cheap test contradicts \\X").isEmpty();
    }

    private static void checkJunction(String left, String right, List<String> wrong) {
        String text = left + right;
        int index = left.length();
        int junction = Graphemes.junction(text, index);
        if (junction != Graphemes.UNKNOWN
                && regexBoundaries(text).contains(index) != (junction == Graphemes.BREAK)) {
            wrong.add(describe(left) + (junction == Graphemes.BREAK ? " | " : " + ") + describe(right));
        }
    }

    private static List<Integer> regexBoundaries(String text) {
        List<Integer> ends = new ArrayList<>();
        Matcher matcher = CLUSTER.matcher(text);
        while (matcher.find()) {
            ends.add(matcher.end());
        }
        return ends;
    }

    private static String describe(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> out.append(String.format("U+%04X ", cp)));
        return out.toString().trim();
    }
}
