package net.mittoapi.sms.segments;

import java.text.Normalizer;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The tables of {@link GsmNormalizer#normalize}: what each character is replaced by, and what each UTF-16 char
 * is to the normalizer's scan, in one table lookup. The algorithm that uses them is described on
 * {@link GsmNormalizer}; this class holds the data and says where each part comes from.
 *
 * <h2>Sources</h2>
 * <ol>
 *   <li><b>Twilio's smart-encoding map</b>, TwilioDevEd/message-segment-calculator,
 *       {@code src/libs/SmartEncodingMap.ts} (commit a50230fddb2b4af8fd8e0a9497553883dfe5374e, 2024-06-26),
 *       270 entries, transcribed: 246 with Twilio's replacement, 24 replaced otherwise, where Twilio's choice is a
 *       quirk: one space, not two, for the no-break space, the other Unicode spaces and the C1 controls Twilio
 *       lists; one space, not seven, for a tab; {@code ‹ ›} to {@code < >} (Twilio swaps them); a line feed,
 *       not a space, for the line and paragraph separators.</li>
 *   <li><b>Additions of this SDK</b>, for characters Twilio's map misses: primes, more dashes, bullets and
 *       dot leaders; the Ogham space; the C1 controls Twilio does not list (a space, as for those it
 *       does) except NEL, which is a line break (a line feed, as is the vertical tab); the other C0 controls,
 *       {@code DEL}, the soft hyphen and the invisible mathematical operators (removed, like the controls
 *       Twilio removes).</li>
 *   <li><b>Unicode's canonical singletons</b>: characters that UnicodeData maps canonically to another
 *       single character (its field 5 without a tag; {@link Normalizer.Form#NFC} applies them) which is
 *       in GSM-7 or replaced above: the ohm, kelvin and angstrom signs are {@code Ω K Å}, the Greek question
 *       mark is {@code ;}, and so on. Listed by hand, not found at class initialisation, because finding them
 *       means normalizing every one of the 65,536 chars of the Basic Multilingual Plane, which took 80 ms;
 *       {@code GsmNormalizerTest} does that and checks the list.</li>
 *   <li><b>Fullwidth forms</b> {@code U+FF01}–{@code U+FF5E} (UnicodeData's {@code <wide>} decompositions: the
 *       ASCII character {@code 0xFEE0} below), those Twilio's map does not list: their ASCII counterpart,
 *       or its replacement (the fullwidth grave accent is an apostrophe, like the grave accent).</li>
 *   <li><b>3GPP TS 23.038</b>, through {@link GsmAlphabet}: every replacement is checked, at class
 *       initialisation, to be in the GSM 7-bit alphabet or its extension table, and no GSM-7 character to be
 *       replaced.</li>
 * </ol>
 *
 * <h2>The table of kinds</h2>
 * One byte per UTF-16 char ({@link #KINDS}, 64 KiB): zero for a char the scan passes over (every GSM-7
 * character, every letter of any script, surrogates, emoji), else bits saying why it must look closer:
 * {@link #MAPPED}, {@link #MARK}, {@link #COMPOSES}. The replacements themselves are in pages of 256 chars,
 * allocated only where some char has one.
 */
final class SmartEncoding {

    /** The char has a replacement ({@link #replacement(int)}). */
    static final byte MAPPED = 1;
    /**
     * The char is a combining mark (general category Mn, Mc or Me): it belongs to the character before it,
     * with which it may compose.
     */
    static final byte MARK = 2;
    /**
     * A mark that can compose a GSM-7 letter with the letter before it: a mark the canonical decomposition of
     * a GSM-7 letter ends with (grave, acute, tilde, diaeresis, ring above, cedilla), or one whose own
     * canonical decomposition contains one of those. Hand-listed; {@code GsmNormalizerTest} derives the set
     * from {@link Normalizer} and checks it.
     */
    static final byte COMPOSES = 4;
    /**
     * Set only in {@link Transliteration}'s table: a letter that {@link GsmNormalizer#transliterate} replaces
     * (a Latin letter outside GSM-7, or a Greek capital that looks like a Latin one).
     */
    static final byte LETTER = 8;
    /**
     * Set only in {@link Transliteration}'s table: a Latin letter or a Greek capital, in GSM-7 or not, whose
     * combining marks transliteration drops.
     */
    static final byte BASE = 16;
    /** The bits that make the scan look closer at a char, in either mode. */
    static final byte TRIGGERS = MAPPED | MARK | LETTER;

    /**
     * The most combining marks composition is tried on: a longer run is not composed (its marks are replaced
     * one by one, or kept). 30 is the limit of Unicode's Stream-Safe Text Format (UAX #15, section 13), which
     * no text in any language needs; it keeps the normalizer linear on adversarial input, such as a
     * megabyte of marks after one letter, whose canonical reordering alone would be quadratic.
     */
    static final int MAX_COMPOSED_MARKS = 30;

    static final byte[] KINDS = new byte[Character.MAX_VALUE + 1];
    private static final String[][] PAGES = new String[256][];

    /**
     * The composites of GSM-7 letters, {@code (base << 16) | mark}, and the letters they compose, for one
     * mark after one letter without {@link Normalizer}: derived from the canonical decompositions of the
     * GSM-7 letters (and of the marks that are canonically one of their marks, such as U+0341).
     */
    private static final int[] PAIRS;
    private static final char[] COMPOSED;

    static {
        // 1. Twilio's map, with Twilio's replacement (246 entries).
        twilio("\"", 0x00AB, 0x00BB, 0x201C, 0x201D, 0x02BA, 0x02EE, 0x201F, 0x201E, 0x275D, 0x275E, 0x301D, 0x301E,
                0xFF02);
        twilio("'", 0x2018, 0x2019, 0x02BB, 0x02C8, 0x02BC, 0x02BD, 0x02B9, 0x201B, 0xFF07, 0x00B4, 0x02CA, 0x0060,
                0x02CB, 0x275B, 0x275C, 0x0313, 0x0314, 0xFE10, 0xFE11);
        twilio("/", 0x00F7, 0x29F8, 0x0337, 0x0338, 0x2044, 0x2215, 0xFF0F);
        twilio("1/4", 0x00BC);
        twilio("1/2", 0x00BD);
        twilio("3/4", 0x00BE);
        twilio("\\", 0x29F9, 0x29F5, 0x20E5, 0xFE68, 0xFF3C);
        twilio("_", 0x0332, 0xFF3F, 0x2017);
        twilio("|", 0x20D2, 0x20D3, 0x2223, 0xFF5C, 0x23B8, 0x23B9, 0x23D0, 0x239C, 0x239F);
        twilio("-", 0x23BC, 0x23BD, 0x2015, 0xFE63, 0xFF0D, 0x2010, 0x2043, 0x2014, 0x2013, 0x2022);
        twilio("@", 0xFE6B, 0xFF20);
        twilio("$", 0xFE69, 0xFF04);
        twilio("!", 0x01C3, 0xFE15, 0xFE57, 0xFF01);
        twilio("#", 0xFE5F, 0xFF03);
        twilio("%", 0xFE6A, 0xFF05);
        twilio("&", 0xFE60, 0xFF06);
        twilio(",", 0x201A, 0x0326, 0xFE50, 0xFE51, 0xFF0C, 0xFF64, 0x3001);
        twilio("(", 0x2768, 0x276A, 0xFE59, 0xFF08, 0x27EE, 0x2985);
        twilio(")", 0x2769, 0x276B, 0xFE5A, 0xFF09, 0x27EF, 0x2986);
        twilio("*", 0x204E, 0x2217, 0x229B, 0x2722, 0x2723, 0x2724, 0x2725, 0x2731, 0x2732, 0x2733, 0x273A, 0x273B,
                0x273C, 0x273D, 0x2743, 0x2749, 0x274A, 0x274B, 0x29C6, 0xFE61, 0xFF0A);
        twilio("+", 0x02D6, 0xFE62, 0xFF0B);
        twilio(".", 0x3002, 0xFE52, 0xFF0E, 0xFF61);
        for (int digit = 0; digit <= 9; digit++) {
            twilio(String.valueOf(digit), 0xFF10 + digit);
        }
        twilio(":", 0x02D0, 0x02F8, 0x2982, 0xA789, 0xFE13, 0xFF1A);
        twilio(";", 0x204F, 0xFE14, 0xFE54, 0xFF1B);
        twilio("<", 0xFE64, 0xFF1C);
        twilio("=", 0x0347, 0xA78A, 0xFE66, 0xFF1D);
        twilio(">", 0xFE65, 0xFF1E);
        twilio("?", 0xFE16, 0xFE56, 0xFF1F);
        // Fullwidth capitals (FF21-FF3A) and Latin letter small capitals, letter by letter.
        int[] smallCapitals = {0x1D00, 0x0299, 0x1D04, 0x1D05, 0x1D07, 0xA730, 0x0262, 0x029C, 0x026A, 0x1D0A,
            0x1D0B, 0x029F, 0x1D0D, 0x0274, 0x1D0F, 0x1D18, 0, 0x0280, 0xA731, 0x1D1B, 0x1D1C, 0x1D20, 0x1D21,
            0, 0x028F, 0x1D22};
        for (int letter = 0; letter < 26; letter++) {
            String capital = String.valueOf((char) ('A' + letter));
            twilio(capital, 0xFF21 + letter);
            if (smallCapitals[letter] != 0) { // Twilio's map has no small capital Q or X
                twilio(capital, smallCapitals[letter]);
            }
        }
        twilio("^", 0x02C6, 0x0302, 0xFF3E, 0x1DCD);
        twilio("{", 0x2774, 0xFE5B, 0xFF5B);
        twilio("}", 0x2775, 0xFE5C, 0xFF5D);
        twilio("[", 0xFF3B);
        twilio("]", 0xFF3D);
        twilio("~", 0x02DC, 0x02F7, 0x0303, 0x0330, 0x0334, 0x223C, 0xFF5E);
        twilio(" ", 0x2001);
        twilio("", 0x0010, 0x0000, 0x0003, 0x0004, 0x0017, 0x0019, 0x0011, 0x0012, 0x0013, 0x0014, 0x2060, 0x200B,
                0xFEFF);
        twilio("!!", 0x203C);
        twilio("...", 0x2026);

        // 1'. Twilio's map, replaced otherwise (24 entries): Twilio's replacement in each comment.
        twilio(" ", 0x00A0, 0x2000, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x202F,
                0x205F, 0x3000); // two spaces
        twilio(" ", 0x008D, 0x009F, 0x0080, 0x0090, 0x009B); // C1 controls: two spaces
        twilio(" ", 0x0009); // a tab: seven spaces
        twilio("<", 0x2039); // ">"
        twilio(">", 0x203A); // "<"
        twilio("\n", 0x2028, 0x2029); // " "

        // 2. Additions of this SDK.
        put("'", 0x2032, 0x2035); // prime, reversed prime
        put("\"", 0x2033, 0x2036, 0x301F); // double primes, low double prime quotation mark
        put("-", 0x2011, 0x2012, 0x2212, 0xFE58, // non-breaking hyphen, figure dash, minus, small em dash
                0x2023, 0x25E6, 0x2219, 0x25AA, 0x25CF); // bullets: triangular, white, operator, square, black circle
        put(".", 0x00B7, 0x2024); // middle dot, one dot leader
        put("..", 0x2025); // two dot leader
        put(" ", 0x1680); // Ogham space mark
        for (int c1 = 0x0080; c1 <= 0x009F; c1++) {
            if (c1 != 0x0085 && replacement(c1) == null) {
                put(" ", c1);
            }
        }
        put("\n", 0x0085, 0x000B); // next line (NEL), vertical tab: Unicode line breaks (UAX #14, class BK)
        for (int c0 = 0x0000; c0 <= 0x001F; c0++) {
            if (!GsmAlphabet.contains(c0) && replacement(c0) == null) {
                put("", c0);
            }
        }
        put("", 0x007F, 0x00AD, 0x2061, 0x2062, 0x2063, 0x2064); // DEL, soft hyphen, invisible operators

        // 3. Unicode's canonical singletons whose character is in GSM-7 or replaced above.
        put("'", 0x0343, 0x0374, 0x1FEF, 0x1FFD); // to U+0313, U+02B9, the grave accent, the acute accent
        put(";", 0x037E); // Greek question mark
        put(".", 0x0387); // Greek ano teleia, to the middle dot
        put("Ω", 0x2126); // ohm sign
        put("K", 0x212A); // kelvin sign
        put("Å", 0x212B); // angstrom sign

        // 4. Fullwidth forms not in Twilio's map.
        for (int wide = 0xFF01; wide <= 0xFF5E; wide++) {
            if (replacement(wide) == null) {
                int ascii = wide - 0xFEE0;
                String narrow = Character.toString(ascii);
                put(GsmAlphabet.contains(ascii) ? narrow : replacementOrFail(ascii), wide);
            }
        }

        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            int kind = replacement(c) != null ? MAPPED : 0;
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                kind |= MARK;
            }
            KINDS[c] = (byte) kind;
        }
        for (int mark : new int[] {0x0300, 0x0301, 0x0303, 0x0308, 0x030A, 0x0327, 0x0340, 0x0341, 0x0344}) {
            KINDS[mark] |= COMPOSES;
        }

        char[] singleMark = new char[0x0370]; // a combining mark of U+0300-U+036F: the one mark it is canonically
        for (char mark = 0x0300; mark < 0x0370; mark++) {
            String nfc = Normalizer.normalize(String.valueOf(mark), Normalizer.Form.NFC);
            singleMark[mark] = nfc.length() == 1 ? nfc.charAt(0) : 0;
        }
        int[] pairs = new int[64];
        char[] composed = new char[64];
        int count = 0;
        for (char c = 0x80; c < 0x0400; c++) { // the GSM-7 letters that decompose are all below U+0400
            if (!GsmAlphabet.contains(c)) {
                continue;
            }
            String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            if (decomposed.length() == 2) {
                for (char mark = 0x0300; mark < 0x0370; mark++) {
                    if (singleMark[mark] == decomposed.charAt(1)) {
                        pairs[count] = decomposed.charAt(0) << 16 | mark;
                        composed[count++] = c;
                    }
                }
            }
        }
        PAIRS = Arrays.copyOf(pairs, count);
        COMPOSED = Arrays.copyOf(composed, count);
    }

    private SmartEncoding() {
    }

    /**
     * @param c a code point
     * @return what the normalizer replaces it by, or {@code null} when it keeps it (always for a code point
     *         outside the Basic Multilingual Plane)
     */
    static @Nullable String replacement(int c) {
        if (c > Character.MAX_VALUE) {
            return null;
        }
        String[] page = PAGES[c >>> 8];
        return page == null ? null : page[c & 0xFF];
    }

    /**
     * @param base a letter, not replaced itself
     * @param mark one combining mark after it, not replaced itself
     * @return the GSM-7 letter the two compose, or 0 when they compose none
     */
    static char composedGsmLetter(char base, char mark) {
        int pair = base << 16 | mark;
        for (int i = 0; i < PAIRS.length; i++) {
            if (PAIRS[i] == pair) {
                return COMPOSED[i];
            }
        }
        return 0;
    }

    /**
     * @param mark a combining mark with {@link #COMPOSES}
     * @return whether it is canonically a single mark (so that {@link #composedGsmLetter} can tell what it
     *         composes with the letter before it), not a sequence of two such as U+0344
     */
    static boolean composesAlone(char mark) {
        return mark != 0x0344;
    }

    private static void twilio(String replacement, int... codePoints) {
        put(replacement, codePoints);
    }

    private static void put(String replacement, int... codePoints) {
        for (int i = 0; i < replacement.length(); i++) {
            if (!GsmAlphabet.contains(replacement.charAt(i))) {
                throw new AssertionError("replacement not in GSM-7: " + replacement);
            }
        }
        for (int c : codePoints) {
            if (GsmAlphabet.contains(c) || c > Character.MAX_VALUE) {
                throw new AssertionError("GSM-7 character or supplementary code point in the table: U+"
                        + Integer.toHexString(c));
            }
            String[] page = PAGES[c >>> 8];
            if (page == null) {
                page = new String[256];
                PAGES[c >>> 8] = page;
            }
            if (page[c & 0xFF] != null) {
                throw new AssertionError("replacement listed twice: U+" + Integer.toHexString(c));
            }
            page[c & 0xFF] = replacement;
        }
    }

    private static String replacementOrFail(int c) {
        String replacement = replacement(c);
        if (replacement == null) {
            throw new AssertionError("no replacement for U+" + Integer.toHexString(c));
        }
        return replacement;
    }
}
