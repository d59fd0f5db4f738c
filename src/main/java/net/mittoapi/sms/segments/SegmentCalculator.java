package net.mittoapi.sms.segments;

import java.util.List;
import java.util.regex.Matcher;
import net.mittoapi.sms.MittoValidationException;

/**
 * Tells, before a message is sent, which encoding its text needs, how many SMS parts it will cost and
 * where it will be split.
 *
 * <pre>{@code
 * SegmentInfo info = SegmentCalculator.calculate("Hello, World!");
 * info.encoding();      // GSM_7
 * info.segmentCount();  // 1
 * }</pre>
 *
 * <h2>Encoding (3GPP TS 23.038)</h2>
 * A text is sent as {@link Encoding#GSM_7 GSM-7} when every character is in the GSM 7-bit default
 * alphabet or its extension table (section 6.2.1, defined once in {@link GsmAlphabet}); otherwise as
 * {@link Encoding#UCS_2 UCS-2} (section 7.2.3; in practice UTF-16). {@link SegmentInfo#nonGsmCharacters()}
 * names the characters that forced UCS-2. Length is counted in septets for GSM-7, where an extension
 * character ({@code ESC} and its code) counts two, and in UTF-16 code units for UCS-2, where a character
 * outside the Basic Multilingual Plane (most emoji) counts two and every other character one.
 *
 * <h2>Parts (3GPP TS 23.040)</h2>
 * One SMS carries 140 octets of user data: 160 septets or 70 UCS-2 units. A longer text is sent as a
 * concatenated message whose parts each begin with a 6-octet user data header (section 9.2.3.24.1,
 * concatenated short messages), leaving 153 septets or 67 units per part.
 *
 * <h2>Splitting</h2>
 * Parts are filled greedily, in order, and a split never breaks what a handset cannot reassemble:
 * <ul>
 *   <li>an extension character's {@code ESC} pair is never split (section 6.2.1.1): when only one septet
 *       is left, the character moves to the next part, so a part may hold 152 septets;</li>
 *   <li>a UTF-16 surrogate pair is never split, so a part may hold 66 units;</li>
 *   <li>a grapheme cluster (a letter and its combining marks, a ZWJ emoji sequence, a flag, an emoji
 *       with its skin tone, CR LF) moves whole to the next part when it fits in one part. Only a cluster
 *       longer than a whole part is split, and then between code points. Clusters are extended grapheme
 *       clusters of Unicode UAX #29, as the JDK's regex {@code \X} finds them.</li>
 * </ul>
 * The part count is the number of parts this greedy split produces, which can exceed
 * {@code ceil(length / 153)} when pairs or clusters straddle a boundary.
 *
 * <p>Counting allocates nothing: {@link #segmentCount(String)} returns the count alone, and
 * {@link SegmentInfo#segments()} builds the parts only when asked. Methods are static and thread-safe.
 */
public final class SegmentCalculator {

    private static final int GSM_SINGLE = Encoding.GSM_7.singleSegmentLimit();
    private static final int GSM_MULTI = Encoding.GSM_7.multiSegmentLimit();
    private static final long NOT_GSM = -1;

    private SegmentCalculator() {
    }

    /**
     * Calculates the encoding, length and parts of a text, choosing GSM-7 when every character allows it
     * (what {@code type=auto} does).
     *
     * @param text the message text; may be empty
     * @return the calculation
     * @throws MittoValidationException if {@code text} is {@code null}
     */
    public static SegmentInfo calculate(String text) {
        requireText(text);
        long gsm = scanGsm(text);
        if (gsm != NOT_GSM) {
            return new SegmentInfo(text, Encoding.GSM_7, GsmScan.length(gsm), GsmScan.parts(gsm),
                    GsmScan.lastPartUnits(gsm));
        }
        return ucs2(text);
    }

    /**
     * Calculates the parts of a text in the given encoding. {@link Encoding#UCS_2} shows what sending as
     * Unicode ({@code type=unicode}) would cost; {@link Encoding#GSM_7} requires a text that GSM-7 can
     * represent.
     *
     * @param text     the message text; may be empty
     * @param encoding the encoding to send it in
     * @return the calculation
     * @throws MittoValidationException if {@code text} or {@code encoding} is {@code null}, or the
     *                                  encoding is GSM-7 and the text has a character outside it
     */
    public static SegmentInfo calculate(String text, Encoding encoding) {
        requireText(text);
        if (encoding == null) {
            throw new MittoValidationException("encoding must not be null: use Encoding.GSM_7 or Encoding.UCS_2");
        }
        if (encoding == Encoding.UCS_2) {
            return ucs2(text);
        }
        SegmentInfo info = calculate(text);
        if (info.encoding() != Encoding.GSM_7) {
            int first = info.nonGsmCharacters().get(0);
            throw new MittoValidationException("text cannot be sent as GSM-7: " + describe(first)
                    + " at index " + text.indexOf(Character.toString(first))
                    + " is not in the GSM 03.38 alphabet; send it as UCS-2, or replace such characters"
                    + " (GsmNormalizer.normalize replaces typographic ones)");
        }
        return info;
    }

    /**
     * Counts the parts a text costs, choosing GSM-7 when every character allows it. The same count as
     * {@code calculate(text).segmentCount()}, without allocating.
     *
     * @param text the message text; may be empty
     * @return the number of SMS parts, at least 1
     * @throws MittoValidationException if {@code text} is {@code null}
     */
    public static int segmentCount(String text) {
        requireText(text);
        long gsm = scanGsm(text);
        if (gsm != NOT_GSM) {
            return GsmScan.parts(gsm);
        }
        return text.length() <= Encoding.UCS_2.singleSegmentLimit() ? 1 : Split.parts(split(text, Encoding.UCS_2, null));
    }

    private static SegmentInfo ucs2(String text) {
        int length = text.length();
        if (length <= Encoding.UCS_2.singleSegmentLimit()) {
            return new SegmentInfo(text, Encoding.UCS_2, length, 1, length);
        }
        long split = split(text, Encoding.UCS_2, null);
        return new SegmentInfo(text, Encoding.UCS_2, length, Split.parts(split), Split.lastPartUnits(split));
    }

    /**
     * Splits the text into its parts.
     *
     * @param info a calculation of this class
     * @return the parts, which join back to the text
     */
    static List<String> segments(SegmentInfo info) {
        String text = info.text();
        if (info.segmentCount() == 1) {
            return List.of(text);
        }
        List<String> parts = new java.util.ArrayList<>(info.segmentCount());
        split(text, info.encoding(), parts);
        return List.copyOf(parts);
    }

    /**
     * One pass over a text that may be GSM-7: its length in septets and the greedy split into 153-septet
     * parts, packed by {@link GsmScan}; or {@link #NOT_GSM} at the first character outside the alphabet.
     * This is the fast path of {@link #split}, specialised for GSM-7, where the only multi-character
     * grapheme cluster is CR LF.
     */
    private static long scanGsm(String text) {
        int n = text.length();
        int length = 0;
        int parts = 1;
        int used = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            int septets = GsmAlphabet.septets(c);
            if (septets == 0) {
                return NOT_GSM;
            }
            length += septets;
            used += septets;
            if (used > GSM_MULTI) {
                parts++;
                boolean crLf = c == '\n' && text.charAt(i - 1) == '\r';
                used = crLf ? 2 : septets;
            }
        }
        return length <= GSM_SINGLE ? GsmScan.pack(length, 1, length) : GsmScan.pack(length, parts, used);
    }

    /**
     * The greedy split of a text longer than one part, by grapheme clusters.
     *
     * @param text     the text
     * @param encoding what a code point costs: septets for GSM-7, UTF-16 units for UCS-2
     * @param out      receives the parts, or {@code null} to count only
     * @return the part count and the units in the last part, packed by {@link Split}
     */
    private static long split(String text, Encoding encoding, List<String> out) {
        int budget = encoding.multiSegmentLimit();
        int n = text.length();
        Matcher matcher = null;
        int parts = 1;
        int used = 0;
        int partStart = 0;
        for (int start = 0; start < n; ) {
            int end = Graphemes.simpleEnd(text, start);
            if (end < 0) {
                if (matcher == null) {
                    matcher = Graphemes.matcher(text);
                }
                end = Graphemes.regexEnd(matcher, start);
            }
            int cost = cost(text, start, end, encoding);
            if (used + cost <= budget) {
                used += cost;
            } else if (cost <= budget) {
                parts++;
                partStart = cut(text, partStart, start, out);
                used = cost;
            } else {
                for (int i = start; i < end; ) {
                    int codePoint = text.codePointAt(i);
                    int units = units(codePoint, encoding);
                    if (used + units > budget) {
                        parts++;
                        partStart = cut(text, partStart, i, out);
                        used = 0;
                    }
                    used += units;
                    i += Character.charCount(codePoint);
                }
            }
            start = end;
        }
        cut(text, partStart, n, out);
        return Split.pack(parts, used);
    }

    private static int cut(String text, int from, int to, List<String> out) {
        if (out != null) {
            out.add(text.substring(from, to));
        }
        return to;
    }

    private static int cost(String text, int start, int end, Encoding encoding) {
        if (encoding == Encoding.UCS_2) {
            return end - start;
        }
        int septets = 0;
        for (int i = start; i < end; i++) {
            septets += GsmAlphabet.septets(text.charAt(i));
        }
        return septets;
    }

    private static int units(int codePoint, Encoding encoding) {
        return encoding == Encoding.UCS_2 ? Character.charCount(codePoint) : GsmAlphabet.septets(codePoint);
    }

    private static void requireText(String text) {
        if (text == null) {
            throw new MittoValidationException("text must not be null: pass \"\" for an empty message");
        }
    }

    static String describe(int codePoint) {
        return "'" + Character.toString(codePoint) + "' (U+" + String.format("%04X", codePoint) + ")";
    }

    /** Packs the outcome of {@link #scanGsm}: 31 bits of length, 24 bits of parts, 8 bits of last-part units. */
    private static final class GsmScan {
        // A GSM-7 text of at most Integer.MAX_VALUE chars has fewer than 2^24 parts of 152+ septets.
        static long pack(int length, int parts, int lastPartUnits) {
            return ((long) length << 32) | ((long) parts << 8) | lastPartUnits;
        }

        static int length(long packed) {
            return (int) (packed >>> 32);
        }

        static int parts(long packed) {
            return (int) (packed >>> 8) & 0xFF_FFFF;
        }

        static int lastPartUnits(long packed) {
            return (int) packed & 0xFF;
        }
    }

    /** Packs the outcome of {@link #split}: the part count, and the units in the last part. */
    private static final class Split {
        static long pack(int parts, int lastPartUnits) {
            return ((long) parts << 32) | lastPartUnits;
        }

        static int parts(long packed) {
            return (int) (packed >>> 32);
        }

        static int lastPartUnits(long packed) {
            return (int) packed;
        }
    }
}
