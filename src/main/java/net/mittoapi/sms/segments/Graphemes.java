package net.mittoapi.sms.segments;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grapheme cluster boundaries (Unicode UAX #29, extended grapheme clusters), found without allocating
 * for ordinary text.
 *
 * <p>{@code java.text.BreakIterator} splits ZWJ emoji sequences, flags and skin tones apart on Java 17;
 * the regex {@code \X} keeps them whole, so {@code \X} is the authority here. Running a regex over every
 * character would be slow and allocate, so most text takes a fast path: a code point that can neither
 * join its successor nor be joined by it (an ordinary letter, digit, symbol or plain emoji) is a cluster
 * of its own. Only where a code point that <em>may</em> join appears (combining and spacing marks,
 * format characters such as ZWJ, regional indicators, emoji modifiers, Hangul jamo and syllables, the
 * Brahmic and Southeast Asian scripts with prepended or conjunct letters, CR) does {@code \X} decide.
 * The "may join" test is deliberately wider than the rules need: it only sends more text to the regex.
 */
final class Graphemes {

    private static final Pattern CLUSTER = Pattern.compile("\\X");

    private Graphemes() {
    }

    /**
     * @param text  the text
     * @param start a cluster boundary in {@code text}, below its length
     * @return the end of the cluster starting at {@code start} when it can be told without the regex,
     *         else -1
     */
    static int simpleEnd(String text, int start) {
        int n = text.length();
        char c = text.charAt(start);
        if (c == '\r') {
            return start + 1 < n && text.charAt(start + 1) == '\n' ? start + 2 : start + 1;
        }
        int end = start + Character.charCount(text.codePointAt(start));
        if (!isSimpleAt(text, start) || (end < n && !isSimpleAt(text, end))) {
            return -1;
        }
        return end;
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
