package net.mittoapi.sms.segments;

import java.util.HashMap;
import java.util.Map;
import net.mittoapi.sms.MittoValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Replaces typographic characters that have a GSM-7 equivalent, so that a text written in a word
 * processor or pasted from the web keeps to GSM-7 (160 characters a part) instead of silently falling
 * into UCS-2 (70 a part) because of one curly quote.
 *
 * <pre>{@code
 * String text = GsmNormalizer.normalize("“Hello” – it’s 5 pm…");   // "\"Hello\" - it's 5 pm..."
 * SegmentCalculator.calculate(text).encoding();                     // GSM_7
 * }</pre>
 *
 * <p>Replacements are one character for one wherever a single-character equivalent exists:
 * <ul>
 *   <li>single quotes, primes, acute accent, backtick, {@code ʼ} → {@code '};
 *       double quotes, double primes, {@code « »} → {@code "}; {@code ‹ ›} → {@code < >};</li>
 *   <li>hyphens, en and em dashes, the minus sign, and bullets ({@code • ‣ ◦ ⁃ ∙ ▪ ●}) → {@code -};
 *       the middle dot {@code ·} → {@code .}; the fraction and division slashes → {@code /};</li>
 *   <li>the non-breaking space, the other Unicode spaces (en, em, thin, hair, ideographic and so on) and the
 *       tab → one space; the line and paragraph separators and NEL → a line feed;</li>
 *   <li>fullwidth forms ({@code U+FF01}–{@code U+FF5E}) → their ASCII counterparts;
 *       the modifier circumflex and small tilde → {@code ^ ~}.</li>
 * </ul>
 * Where none exists the replacement is spelled out: the ellipsis {@code …} becomes {@code ...} (and the
 * two- and one-dot leaders {@code ..} and {@code .}). Invisible characters that only force UCS-2 — the
 * zero-width space, word joiner, byte-order mark and soft hyphen — are removed. Everything else, letters
 * included ({@code ç}, Cyrillic, emoji), is left as it is: the normalizer never changes a word, and
 * {@link SegmentInfo#nonGsmCharacters()} still names what keeps a text in UCS-2.
 */
public final class GsmNormalizer {

    private static final Map<Integer, String> REPLACEMENTS = replacements();

    private GsmNormalizer() {
    }

    /**
     * @param text the text to normalize
     * @return the text with typographic characters replaced by GSM-7 equivalents; the same instance when
     *         nothing was replaced
     * @throws MittoValidationException if {@code text} is {@code null}
     */
    public static String normalize(String text) {
        if (text == null) {
            throw new MittoValidationException("text must not be null");
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            String replacement = GsmAlphabet.contains(codePoint) ? null : replacement(codePoint);
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.appendCodePoint(codePoint);
            }
            i += Character.charCount(codePoint);
        }
        return out == null ? text : out.toString();
    }

    private static @Nullable String replacement(int codePoint) {
        if (codePoint >= 0xFF01 && codePoint <= 0xFF5E) {
            int ascii = codePoint - 0xFF01 + '!';
            return GsmAlphabet.contains(ascii) ? Character.toString(ascii) : REPLACEMENTS.get(ascii);
        }
        return REPLACEMENTS.get(codePoint);
    }

    private static Map<Integer, String> replacements() {
        Map<Integer, String> map = new HashMap<>();
        put(map, "'", 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x2035, 0x02BC, 0x02B9, 0x00B4, 0x0060);
        put(map, "\"", 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x2036, 0x00AB, 0x00BB, 0x02BA, 0x301D,
                0x301E, 0x301F);
        put(map, "<", 0x2039);
        put(map, ">", 0x203A);
        put(map, "-", 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63,
                0x2022, 0x2023, 0x25E6, 0x2043, 0x2219, 0x25AA, 0x25CF);
        put(map, ".", 0x00B7, 0x2024);
        put(map, "..", 0x2025);
        put(map, "...", 0x2026);
        put(map, "/", 0x2044, 0x2215);
        put(map, "^", 0x02C6);
        put(map, "~", 0x02DC);
        put(map, " ", 0x0009, 0x00A0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
                0x2007, 0x2008, 0x2009, 0x200A, 0x202F, 0x205F, 0x3000);
        put(map, "\n", 0x2028, 0x2029, 0x0085);
        put(map, "", 0x200B, 0x2060, 0xFEFF, 0x00AD);
        return Map.copyOf(map);
    }

    private static void put(Map<Integer, String> map, String replacement, int... codePoints) {
        for (int codePoint : codePoints) {
            if (map.put(codePoint, replacement) != null) {
                throw new AssertionError("replacement listed twice: U+" + Integer.toHexString(codePoint));
            }
        }
    }
}
