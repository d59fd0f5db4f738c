package net.mittoapi.sms.segments;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grapheme cluster boundaries (Unicode UAX #29, extended grapheme clusters), looked up only where the
 * calculator needs one: at a part boundary.
 *
 * <p>{@code java.text.BreakIterator} splits ZWJ emoji sequences, flags and skin tones apart on Java 17;
 * the regex {@code \X} keeps them whole, so {@code \X} is the authority here. Running it over a whole text
 * would be slow and allocate, so a junction between two code points is first judged cheaply, from those
 * two alone, with what {@link #flags} says each may do ({@link #junction}):
 * <ul>
 *   <li>certainly no boundary ({@link #JOIN}): a nonspacing or enclosing mark, ZWJ or emoji modifier after
 *       anything not {@link #PREPENDS} and not a control (GB9); Hangul jamo and syllables that rules GB6 to
 *       GB8 join; CR LF;</li>
 *   <li>only {@code \X} can tell ({@link #UNKNOWN}): next to a code point that may join whatever precedes it
 *       ({@link #EXTENDS}) or whatever follows it ({@link #PREPENDS}: prepended letters, format characters
 *       such as ZWJ), and between two regional indicators, which pair depending on how many precede them;</li>
 *   <li>certainly a boundary ({@link #BREAK}): anything else, two letters, a mark before a letter, two
 *       Hangul syllables, CR before anything but LF.</li>
 * </ul>
 * The rules that look further than two code points (GB11, emoji ZWJ sequences; GB12 and GB13, regional
 * indicator pairs; GB9c, Indic conjuncts, on newer JDKs) each involve a code point that makes the answer
 * {@link #UNKNOWN}, so the other two answers hold whatever precedes the junction. The flags are deliberately
 * wider than the rules need (all marks, all format and unassigned code points, whole Brahmic and Southeast
 * Asian blocks): a wider flag only sends more junctions to the regex. {@code GraphemesProperties} checks both
 * claims against {@code \X} for every code point of the BMP, of plane 1 and of the tags.
 */
final class Graphemes {

    /** May join the code point before it, whatever that is (rules GB9, GB9a). */
    static final int EXTENDS = 1 << 9;
    /** May join the code point after it, whatever that is (rules GB9b, GB11). */
    static final int PREPENDS = 1 << 10;
    private static final int HANGUL_SHIFT = 11;
    /** The Hangul syllable type (L, V, T, LV, LVT: 1 to 5), 0 for anything else (rules GB6 to GB8). */
    static final int HANGUL = 7 << HANGUL_SHIFT;
    private static final int L = 1;
    private static final int V = 2;
    private static final int T = 3;
    private static final int LV = 4;
    private static final int LVT = 5;
    /** A regional indicator: two pair into a flag, depending on how many precede them (GB12, GB13). */
    static final int REGIONAL_INDICATOR = 1 << 14;
    /**
     * Joins the code point before it unless that is a control (GB9): nonspacing and enclosing marks, ZWJ,
     * ZWNJ, emoji modifiers.
     */
    static final int JOINS_ALWAYS = 1 << 15;

    /** What {@link #junction} answers: certainly a cluster boundary. */
    static final int BREAK = 1;
    /** What {@link #junction} answers: certainly no cluster boundary. */
    static final int JOIN = 2;
    /** What {@link #junction} answers: only {@code \X} can tell. */
    static final int UNKNOWN = 0;

    private static final Pattern CLUSTER = Pattern.compile("\\X");
    /** One {@code \X} matcher per thread, reset for each text: a matcher is not thread-safe, and costs 200 bytes. */
    private static final ThreadLocal<Matcher> MATCHERS = ThreadLocal.withInitial(() -> CLUSTER.matcher(""));

    private Graphemes() {
    }

    /**
     * @param text  the text
     * @param index an index strictly inside the text, not inside a surrogate pair
     * @return whether a grapheme cluster boundary is certainly at {@code index}, as the two code points
     *         around it tell
     */
    static boolean isBoundary(String text, int index) {
        return junction(text, index) == BREAK;
    }

    /**
     * @param text  the text
     * @param index an index strictly inside the text, not inside a surrogate pair
     * @return {@link #BREAK} or {@link #JOIN} when the two code points around {@code index} tell whether a
     *         grapheme cluster boundary is there, whatever precedes them; {@link #UNKNOWN} otherwise
     */
    static int junction(String text, int index) {
        char before = text.charAt(index - 1);
        char at = text.charAt(index);
        int classBefore = CharClass.of(before);
        int classAt = CharClass.of(at);
        if (((classBefore | classAt) & CharClass.SURROGATE) == 0) {
            if (before == '\r') {
                return at == '\n' ? JOIN : BREAK;
            }
            return junction(classBefore, isControl(before), classAt);
        }
        // Planes 1 to 16 hold no control; a lone surrogate is flagged so that the answer is UNKNOWN.
        int codePointBefore = Character.codePointBefore(text, index);
        if (codePointBefore == '\r') {
            return BREAK;
        }
        boolean control = codePointBefore <= Character.MAX_VALUE && isControl((char) codePointBefore);
        return junction(flags(codePointBefore), control, flags(Character.codePointAt(text, index)));
    }

    private static int junction(int before, boolean control, int at) {
        if ((at & JOINS_ALWAYS) != 0 && (before & PREPENDS) == 0 && !control) {
            return JOIN;
        }
        if (isBoundary(before, at)) {
            return BREAK;
        }
        int hangulBefore = (before & HANGUL) >>> HANGUL_SHIFT;
        int hangulAt = (at & HANGUL) >>> HANGUL_SHIFT;
        return hangulBefore != 0 && hangulAt != 0 && hangulJoins(hangulBefore, hangulAt) ? JOIN : UNKNOWN;
    }

    /** Grapheme_Cluster_Break=Control among BMP chars that are neither format nor unassigned (CR aside). */
    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029';
    }

    /**
     * @param index a code point boundary above 0
     * @return the code point boundary before it
     */
    static int previous(String text, int index) {
        return index >= 2 && Character.isLowSurrogate(text.charAt(index - 1))
                && Character.isHighSurrogate(text.charAt(index - 2)) ? index - 2 : index - 1;
    }

    /**
     * @param index a code point boundary below the text's length
     * @return the code point boundary after it
     */
    static int next(String text, int index) {
        return index + 1 < text.length() && Character.isHighSurrogate(text.charAt(index))
                && Character.isLowSurrogate(text.charAt(index + 1)) ? index + 2 : index + 1;
    }

    /** The boundary test on the {@link #flags} of two code points (CR LF aside). */
    private static boolean isBoundary(int before, int at) {
        if ((before & PREPENDS) != 0 || (at & EXTENDS) != 0 || (before & at & REGIONAL_INDICATOR) != 0) {
            return false;
        }
        int hangulBefore = (before & HANGUL) >>> HANGUL_SHIFT;
        int hangulAt = (at & HANGUL) >>> HANGUL_SHIFT;
        return hangulBefore == 0 || hangulAt == 0 || !hangulJoins(hangulBefore, hangulAt);
    }

    /** Rules GB6 to GB8. */
    private static boolean hangulJoins(int before, int at) {
        switch (before) {
            case L:
                return at != T;
            case V:
            case LV:
                return at == V || at == T;
            default: // T, LVT
                return at == T;
        }
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
     * @return a {@code \X} matcher over the whole text: this thread's, reset, so that counting allocates
     *         nothing; hand it back with {@link #release} when done
     */
    static Matcher matcher(String text) {
        return MATCHERS.get().reset(text);
    }

    /** Lets go of the text a matcher from {@link #matcher(String)} was reading. */
    static void release(Matcher matcher) {
        matcher.reset("");
    }

    /**
     * Skips a run of marks that follow a mark: each joins the one before it (GB9), so a long cluster of
     * combining marks is walked at the cost of one table lookup a char.
     *
     * @param from  a code point boundary above 0
     * @param limit the last index to look at
     * @return the first index after {@code from} (or {@code from} itself) where this shortcut cannot tell;
     *         no cluster boundary is between {@code from} and it
     */
    static int marksFrom(String text, int from, int limit) {
        int end = Math.min(text.length() - 1, limit);
        int at = from;
        if (at > end) {
            return at;
        }
        int before = CharClass.of(text.charAt(at - 1));
        if ((before & (JOINS_ALWAYS | PREPENDS)) != JOINS_ALWAYS) {
            return at;
        }
        // Each char that joins always joins the one before, which joins always and prepends nothing: take it. One
        // that may also prepend is the last taken (what follows it needs the full test); one that does not join
        // always is not taken. No char depends on the one before: one load, one mask and one test a char.
        while (at <= end) {
            int c = CharClass.of(text.charAt(at)) & (JOINS_ALWAYS | PREPENDS);
            if (c != JOINS_ALWAYS) {
                return c == 0 || c == PREPENDS ? at : at + 1;
            }
            at++;
        }
        return at;
    }

    /**
     * @param codePoint a code point
     * @return what it may do in a grapheme cluster: {@link #EXTENDS}, {@link #JOINS_ALWAYS}, {@link #PREPENDS},
     *         its {@link #HANGUL} type, {@link #REGIONAL_INDICATOR}; 0 for a code point that joins nothing
     */
    static int flags(int codePoint) {
        int flags;
        switch (Character.getType(codePoint)) {
            case Character.NON_SPACING_MARK:
            case Character.ENCLOSING_MARK:
                flags = EXTENDS | JOINS_ALWAYS;
                break;
            case Character.COMBINING_SPACING_MARK:
                flags = EXTENDS;
                break;
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.UNASSIGNED:
                flags = EXTENDS | PREPENDS;
                break;
            default:
                flags = 0;
                break;
        }
        if (isEmojiModifier(codePoint) || codePoint == 0xFF9E || codePoint == 0xFF9F
                || codePoint == 0x200C || codePoint == 0x200D) {
            flags |= EXTENDS | JOINS_ALWAYS; // halfwidth katakana voiced marks, ZWNJ, ZWJ: Extend too
        }
        if (isBrahmicOrSoutheastAsian(codePoint)) {
            flags |= EXTENDS | PREPENDS;
        }
        if (isRegionalIndicator(codePoint)) {
            flags |= REGIONAL_INDICATOR;
        }
        return flags | hangul(codePoint) << HANGUL_SHIFT;
    }

    private static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    private static boolean isEmojiModifier(int cp) {
        return cp >= 0x1F3FB && cp <= 0x1F3FF;
    }

    /** The Hangul_Syllable_Type of a code point, 0 when it has none. */
    private static int hangul(int cp) {
        if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0xA960 && cp <= 0xA97C)) {
            return L;
        }
        if ((cp >= 0x1160 && cp <= 0x11A7) || (cp >= 0xD7B0 && cp <= 0xD7C6)) {
            return V;
        }
        if ((cp >= 0x11A8 && cp <= 0x11FF) || (cp >= 0xD7CB && cp <= 0xD7FB)) {
            return T;
        }
        if (cp >= 0xAC00 && cp <= 0xD7A3) {
            return (cp - 0xAC00) % 28 == 0 ? LV : LVT;
        }
        return 0;
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
