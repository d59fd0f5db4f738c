package net.mittoapi.sms.segments;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grapheme cluster boundaries (Unicode UAX #29, extended grapheme clusters), looked up only where the
 * calculator needs one: at a part boundary.
 *
 * <p>{@code java.text.BreakIterator} splits ZWJ emoji sequences, flags and skin tones apart on Java 17;
 * the regex {@code \X} keeps them whole, so {@code \X} is the authority here. Running it over a whole text
 * would be slow and allocate, so a boundary is first tested cheaply: between two code points that can
 * neither join nor be joined (ordinary letters, digits, symbols, plain emoji) there always is one. Only
 * next to a code point that <em>may</em> join (combining and spacing marks, format characters such as
 * ZWJ, regional indicators, emoji modifiers, Hangul jamo and syllables, the Brahmic and Southeast Asian
 * scripts with prepended or conjunct letters, CR before LF) does {@code \X} decide, from the nearest
 * certain boundary before. The "may join" test is deliberately wider than the rules need: it only sends
 * more boundaries to the regex.
 */
final class Graphemes {

    private static final Pattern CLUSTER = Pattern.compile("\\X");

    private Graphemes() {
    }

    /**
     * @param text  the text
     * @param index an index strictly inside the text, not inside a surrogate pair
     * @return whether a grapheme cluster boundary is certainly at {@code index}: it is between CR and
     *         anything but LF, or between two code points that join nothing
     */
    static boolean isBoundary(String text, int index) {
        if (text.charAt(index - 1) == '\r') {
            return text.charAt(index) != '\n';
        }
        return isSimpleBefore(text, index) && isSimpleAt(text, index);
    }

    /**
     * Finds the grapheme cluster around {@code index} with {@code \X}, starting from a certain boundary: the
     * nearest one {@link #isBoundary} sees before {@code index}, or {@code known}.
     *
     * @param matcher a {@code \X} matcher over {@code text} from {@link #matcher(String)}
     * @param index   an index strictly inside the text, not inside a surrogate pair
     * @param known   a cluster boundary at or before {@code index}
     * @return the cluster's start and end, packed; read them with {@link #start} and {@link #end}
     */
    static long clusterAround(Matcher matcher, String text, int index, int known) {
        int from = index;
        while (from > known && !isBoundary(text, from)) {
            from -= Character.isLowSurrogate(text.charAt(from - 1)) && from - 2 >= known
                    && Character.isHighSurrogate(text.charAt(from - 2)) ? 2 : 1;
        }
        int end = regexEnd(matcher, from);
        while (end <= index) {
            from = end;
            end = regexEnd(matcher, from);
        }
        return ((long) from << 32) | end;
    }

    static int start(long cluster) {
        return (int) (cluster >>> 32);
    }

    static int end(long cluster) {
        return (int) cluster;
    }

    private static boolean isSimpleBefore(String text, int index) {
        char c = text.charAt(index - 1);
        if (Character.isLowSurrogate(c) && index >= 2 && Character.isHighSurrogate(text.charAt(index - 2))) {
            return isSimple(text.codePointAt(index - 2));
        }
        return (CharClass.of(c) & (CharClass.JOINS | CharClass.SURROGATE)) == 0;
    }

    private static boolean isSimpleAt(String text, int index) {
        char c = text.charAt(index);
        if (Character.isHighSurrogate(c) && index + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(index + 1))) {
            return isSimple(text.codePointAt(index));
        }
        return (CharClass.of(c) & (CharClass.JOINS | CharClass.SURROGATE)) == 0;
    }

    /**
     * @param matcher a {@code \X} matcher over {@code text} from {@link #matcher(String)}
     * @param start   a cluster boundary in {@code text}, below its length
     * @return the end of the cluster starting at {@code start}, as {@code \X} sees it
     */
    static int regexEnd(Matcher matcher, int start) {
        matcher.region(start, matcher.regionEnd());
        if (!matcher.lookingAt()) {
            throw new AssertionError("\\X matches at every index of a non-empty region");
        }
        return matcher.end();
    }

    /**
     * @param text the text
     * @return a {@code \X} matcher over the whole text
     */
    static Matcher matcher(String text) {
        return CLUSTER.matcher(text);
    }

    /**
     * @param codePoint a code point at or above U+0300 (below it, only CR joins anything: CR LF)
     * @return whether it can neither join the code point before it nor be joined by the one after it,
     *         under any rule of UAX #29
     */
    static boolean isSimple(int codePoint) {
        switch (Character.getType(codePoint)) {
            case Character.NON_SPACING_MARK:
            case Character.ENCLOSING_MARK:
            case Character.COMBINING_SPACING_MARK:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.UNASSIGNED:
                return false;
            default:
                break;
        }
        return !(isRegionalIndicator(codePoint)
                || isEmojiModifier(codePoint)
                || isHangul(codePoint)
                || isBrahmicOrSoutheastAsian(codePoint)
                || codePoint == 0xFF9E || codePoint == 0xFF9F); // halfwidth katakana voiced marks: Extend
    }

    private static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    private static boolean isEmojiModifier(int cp) {
        return cp >= 0x1F3FB && cp <= 0x1F3FF;
    }

    private static boolean isHangul(int cp) {
        return (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0xA960 && cp <= 0xA97F)
                || (cp >= 0xAC00 && cp <= 0xD7FF);
    }

    /** Scripts with Prepend letters, conjuncts or letter-like spacing marks (Thai and Lao SARA AM). */
    private static boolean isBrahmicOrSoutheastAsian(int cp) {
        return (cp >= 0x0900 && cp <= 0x0EFF)      // Devanagari .. Lao
                || (cp >= 0x0F00 && cp <= 0x109F)  // Tibetan, Myanmar
                || (cp >= 0x1700 && cp <= 0x1CFF)  // Philippine scripts .. Vedic extensions
                || (cp >= 0xA800 && cp <= 0xABFF)  // Syloti Nagri .. Meetei Mayek
                || (cp >= 0x11000 && cp <= 0x11FFF) // Brahmi .. Tamil supplement
                || (cp >= 0x16D40 && cp <= 0x16D7F); // Kirat Rai
    }
}
