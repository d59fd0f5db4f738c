package net.mittoapi.sms.segments;

import java.text.Normalizer;
import org.jspecify.annotations.Nullable;

/**
 * The tables of {@link GsmNormalizer#transliterate}: which letters it replaces and by what. Built on first
 * use, so that {@link GsmNormalizer#normalize} never pays for them.
 *
 * <h2>Sources</h2>
 * <ol>
 *   <li><b>3GPP TS 23.038</b> (through {@link GsmAlphabet}): the letters GSM-7 has are kept, accents
 *       included: {@code à è é ù ì ò Ç É Ä Ö Ñ Ü ä ö ñ ü Å å Æ æ Ø ø ß} and the Greek capitals
 *       {@code Γ Δ Θ Λ Ξ Π Σ Φ Ψ Ω}.</li>
 *   <li><b>Unicode's canonical decompositions</b> (UnicodeData field 5, applied by
 *       {@link Normalizer.Form#NFD}): a letter with a decomposition is its base letter followed by combining
 *       marks; the letter becomes the longest start of that sequence that composes a GSM-7 letter, which is the
 *       base letter without its marks ({@code ş → s}, {@code û → u}, {@code ế → e}) unless a GSM-7 letter
 *       keeps some ({@code ǻ → å}, {@code Ǘ → Ü}, {@code Ώ → Ω}).</li>
 *   <li><b>CLDR's Latin-ASCII transform</b>, unicode-org/cldr, {@code common/transforms/Latin-ASCII.xml}
 *       (commit 0625e9bf0578a3c3cb6aadfa7c3cd94a9724ad44), its sections "Latin letters and IPA", "Latin
 *       extended C and D" and "Presentation forms": the letters without a decomposition, transcribed
 *       ({@code Ł → L}, {@code đ → d}, {@code Œ → OE}, {@code Þ → TH}, {@code ı → i}, {@code ﬁ → fi}), except
 *       those GSM-7 has ({@code Æ æ Ø ø ß}, which the transform spells in ASCII). The transform also removes
 *       every combining mark after a Latin letter, as transliteration does here.</li>
 *   <li><b>AOSP's SMS 7-bit translation table</b>, aosp-mirror/platform_frameworks_base,
 *       {@code core/res/res/xml/sms_7bit_translation_table.xml}, the table Android applies when a carrier
 *       forces GSM-7: the Greek capitals that look like Latin capitals become them ({@code Α Β Ε Ζ Η Ι Κ Μ Ν Ο
 *       Ρ Τ Υ Χ → A B E Z H I K M N O P T Y X}); their accented forms lose the accent, as above.</li>
 * </ol>
 */
final class Transliteration {

    /** The letters of CLDR's Latin-ASCII transform that have no decomposition: code point, replacement. */
    private static final String CLDR_LATIN_ASCII = """
            00D0 D 00DE TH 00F0 d 00FE th 0110 D 0111 d 0126 H 0127 h 0131 i 0132 IJ 0133 ij 0138 q 013F L
            0140 l 0141 L 0142 l 0149 'n 014A N 014B n 0152 OE 0153 oe 0166 T 0167 t 017F s 0180 b 0181 B
            0182 B 0183 b 0187 C 0188 c 0189 D 018A D 018B D 018C d 0190 E 0191 F 0192 f 0193 G 0195 hv 0196 I
            0197 I 0198 K 0199 k 019A l 019D N 019E n 01A2 OI 01A3 oi 01A4 P 01A5 p 01AB t 01AC T 01AD t 01AE T
            01B2 V 01B3 Y 01B4 y 01B5 Z 01B6 z 01C4 DZ 01C5 Dz 01C6 dz 01C7 LJ 01C8 Lj 01C9 lj 01CA NJ 01CB Nj
            01CC nj 01E4 G 01E5 g 01F1 DZ 01F2 Dz 01F3 dz 0221 d 0224 Z 0225 z 0234 l 0235 n 0236 t 0237 j
            0238 db 0239 qp 023A A 023B C 023C c 023D L 023E T 023F s 0240 z 0243 B 0244 U 0246 E 0247 e 0248 J
            0249 j 024C R 024D r 024E Y 024F y 0253 b 0255 c 0256 d 0257 d 025B e 025F j 0260 g 0261 g 0262 G
            0266 h 0267 h 0268 i 026A I 026B l 026C l 026D l 0271 m 0272 n 0273 n 0274 N 0276 OE 027C r 027D r
            027E r 0280 R 0282 s 0288 t 0289 u 028B v 028F Y 0290 z 0291 z 0299 B 029B G 029C H 029D j 029F L
            02A0 q 02A3 dz 02A5 dz 02A6 ts 02AA ls 02AB lz 1D00 A 1D01 AE 1D03 B 1D04 C 1D05 D 1D06 D 1D07 E
            1D0A J 1D0B K 1D0C L 1D0D M 1D0F O 1D18 P 1D1B T 1D1C U 1D20 V 1D21 W 1D22 Z 1D6B ue 1D6C b 1D6D d
            1D6E f 1D6F m 1D70 n 1D71 p 1D72 r 1D73 r 1D74 s 1D75 t 1D76 z 1D7A th 1D7B I 1D7D p 1D7E U 1D80 b
            1D81 d 1D82 f 1D83 g 1D84 k 1D85 l 1D86 m 1D87 n 1D88 p 1D89 r 1D8A s 1D8C v 1D8D x 1D8E z 1D8F a
            1D91 d 1D92 e 1D93 e 1D96 i 1D99 u 1E9A a 1E9C s 1E9D s 1E9E SS 1EFA LL 1EFB ll 1EFC V 1EFD v
            1EFE Y 1EFF y 2C60 L 2C61 l 2C62 L 2C63 P 2C64 R 2C65 a 2C66 t 2C67 H 2C68 h 2C69 K 2C6A k 2C6B Z
            2C6C z 2C6E M 2C71 v 2C72 W 2C73 w 2C74 v 2C78 e 2C7A o 2C7E S 2C7F Z A730 F A731 S A732 AA A733 aa
            A734 AO A735 ao A736 AU A737 au A738 AV A739 av A73A AV A73B av A73C AY A73D ay A740 K A741 k
            A742 K A743 k A744 K A745 k A746 L A747 l A748 L A749 l A74A O A74B o A74C O A74D o A74E OO A74F oo
            A750 P A751 p A752 P A753 p A754 P A755 p A756 Q A757 q A758 Q A759 q A75E V A75F v A760 VY A761 vy
            A764 TH A765 th A766 TH A767 th A771 d A772 l A773 m A774 n A775 r A776 R A777 t A779 D A77A d
            A77B F A77C f A786 T A787 t A790 N A791 n A792 C A793 c A7A0 G A7A1 g A7A2 K A7A3 k A7A4 N A7A5 n
            A7A6 R A7A7 r A7A8 S A7A9 s A7AA H FB00 ff FB01 fi FB02 fl FB03 ffi FB04 ffl FB05 st FB06 st
            """;

    /** The Greek capitals that look like Latin capitals, from AOSP's table: code point, replacement. */
    private static final String GREEK_AS_LATIN = """
            0391 A 0392 B 0395 E 0396 Z 0397 H 0399 I 039A K 039C M 039D N 039F O 03A1 P 03A4 T 03A5 Y 03A7 X
            """;

    /** {@link SmartEncoding#KINDS} with {@link SmartEncoding#LETTER} and {@link SmartEncoding#BASE}. */
    static final byte[] KINDS = SmartEncoding.KINDS.clone();
    private static final String[][] PAGES = new String[256][];

    static {
        String[][] direct = new String[256][];
        read(CLDR_LATIN_ASCII, direct);
        read(GREEK_AS_LATIN, direct);
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (!isBase(c)) {
                continue;
            }
            KINDS[c] |= SmartEncoding.BASE;
            if (GsmAlphabet.contains(c) || (KINDS[c] & SmartEncoding.MAPPED) != 0) {
                continue; // kept, or replaced by normalize first
            }
            String replacement = transliteration(c, direct);
            if (replacement != null) {
                set(PAGES, c, replacement);
                KINDS[c] |= SmartEncoding.LETTER;
            }
        }
    }

    private Transliteration() {
    }

    /**
     * @param c a code point
     * @return the GSM-7 text that transliteration replaces it by, when it is a letter outside GSM-7 that it
     *         replaces; else {@code null}
     */
    static @Nullable String of(int c) {
        return get(PAGES, c);
    }

    /**
     * Transliterates a piece of normalized text: every Latin letter or Greek capital in it loses its combining
     * marks, and becomes the GSM-7 letter it is, or its replacement. Composition (NFC) is tried on at most
     * {@link SmartEncoding#MAX_COMPOSED_MARKS} marks, as in {@link SmartEncoding}; longer runs are dropped
     * without it.
     *
     * @param text the text
     * @param from where the piece starts in {@code text}
     * @param to   where it ends, exclusive
     * @return the piece transliterated, or {@code null} when nothing in it changes
     */
    static @Nullable String apply(String text, int from, int to) {
        StringBuilder out = null;
        int copied = from;
        for (int i = from; i < to; ) {
            int base = text.codePointAt(i);
            int baseEnd = i + Character.charCount(base);
            int end = GsmNormalizer.marksEnd(text, baseEnd, to);
            String letter = null;
            if (base <= Character.MAX_VALUE && (KINDS[base] & SmartEncoding.BASE) != 0
                    && (end > baseEnd || (KINDS[base] & SmartEncoding.LETTER) != 0)) {
                letter = letter(text, i, base, baseEnd, end);
            }
            if (letter != null) {
                if (out == null) {
                    out = new StringBuilder(to - from);
                }
                out.append(text, copied, i).append(letter);
                copied = end;
            }
            i = end;
        }
        return out == null ? null : out.append(text, copied, to).toString();
    }

    /** A letter and its marks, {@code [start, end)}: the GSM-7 letter or text it becomes, or {@code null}. */
    private static @Nullable String letter(String text, int start, int base, int baseEnd, int end) {
        int letter = base;
        if (end > baseEnd && end - baseEnd <= SmartEncoding.MAX_COMPOSED_MARKS) {
            letter = Normalizer.normalize(text.subSequence(start, end), Normalizer.Form.NFC).codePointAt(0);
        }
        return GsmAlphabet.contains(letter) ? Character.toString(letter) : of(letter);
    }

    /** Latin letters, and Greek capital (or title-case) letters: those whose marks transliteration drops. */
    private static boolean isBase(int c) {
        if (!Character.isLetter(c)) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.GREEK
                && (Character.isUpperCase(c) || Character.isTitleCase(c));
    }

    private static @Nullable String transliteration(int c, String[][] direct) {
        String listed = get(direct, c);
        if (listed != null) {
            return listed;
        }
        int[] decomposed = Normalizer.normalize(Character.toString(c), Normalizer.Form.NFD).codePoints().toArray();
        if (decomposed.length < 2) {
            return null;
        }
        for (int length = decomposed.length - 1; length >= 1; length--) {
            String start = Normalizer.normalize(new String(decomposed, 0, length), Normalizer.Form.NFC);
            if (start.codePointCount(0, start.length()) == 1 && GsmAlphabet.contains(start.codePointAt(0))) {
                return start;
            }
        }
        return get(direct, decomposed[0]);
    }

    private static void read(String table, String[][] into) {
        String[] fields = table.trim().split("\\s+");
        for (int i = 0; i < fields.length; i += 2) {
            set(into, Integer.parseInt(fields[i], 16), fields[i + 1]);
        }
    }

    private static void set(String[][] pages, int c, String value) {
        String[] page = pages[c >>> 8];
        if (page == null) {
            page = new String[256];
            pages[c >>> 8] = page;
        }
        page[c & 0xFF] = value;
    }

    private static @Nullable String get(String[][] pages, int c) {
        if (c > Character.MAX_VALUE) {
            return null;
        }
        String[] page = pages[c >>> 8];
        return page == null ? null : page[c & 0xFF];
    }
}
