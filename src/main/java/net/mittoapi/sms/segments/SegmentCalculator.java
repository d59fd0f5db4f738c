package net.mittoapi.sms.segments;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import net.mittoapi.sms.MittoValidationException;
import org.jspecify.annotations.Nullable;

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
 * <h2>Cost</h2>
 * Linear in the text's length on every input, one enormous grapheme cluster included. A GSM-7 text is
 * read once, a table lookup and an add per char. A UCS-2 text is read only until its first character
 * outside GSM-7 (which decides the encoding); after that, since every UTF-16 unit costs one, the split
 * jumps from cut to cut and reads only the chars around each. Counting allocates
 * nothing: {@link #segmentCount(String)} returns the count alone, and {@link SegmentInfo#segments()} builds
 * the parts only when asked. Methods are static and thread-safe.
 */
public final class SegmentCalculator {

    /** The longest text accepted: its length in septets must fit an {@code int}. */
    static final int MAX_TEXT_LENGTH = Integer.MAX_VALUE / 2;

    private static final int GSM_SINGLE = Encoding.GSM_7.singleSegmentLimit();
    private static final int GSM_MULTI = Encoding.GSM_7.multiSegmentLimit();
    /** What {@link #scanGsm} answers at the first character outside the GSM-7 alphabet. */
    private static final long NOT_GSM = -1;
    private static final int UCS2_SINGLE = Encoding.UCS_2.singleSegmentLimit();
    private static final int UCS2_MULTI = Encoding.UCS_2.multiSegmentLimit();

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
        long gsm = scanGsm(checked(text));
        if (gsm == NOT_GSM) {
            return ucs2(text);
        }
        return new SegmentInfo(text, Encoding.GSM_7, GsmScan.length(gsm), GsmScan.parts(gsm),
                GsmScan.lastPartUnits(gsm));
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
        checked(text);
        if (encoding == null) {
            throw new MittoValidationException("encoding must not be null: use Encoding.GSM_7 or Encoding.UCS_2");
        }
        if (encoding == Encoding.UCS_2) {
            return ucs2(text);
        }
        SegmentInfo info = calculate(text);
        if (info.encoding() != Encoding.GSM_7) {
            int index = 0;
            while (GsmAlphabet.contains(text.codePointAt(index))) {
                index += Character.charCount(text.codePointAt(index));
            }
            throw new MittoValidationException("text cannot be sent as GSM-7: " + describe(text.codePointAt(index))
                    + " at index " + index + " is not in the GSM 03.38 alphabet; send it as UCS-2, or replace"
                    + " such characters (GsmNormalizer.normalize replaces typographic ones)");
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
        long gsm = scanGsm(checked(text));
        return gsm == NOT_GSM ? Split.parts(splitUcs2(text, null)) : GsmScan.parts(gsm);
    }

    private static SegmentInfo ucs2(String text) {
        long split = splitUcs2(text, null);
        return new SegmentInfo(text, Encoding.UCS_2, text.length(), Split.parts(split), Split.lastPartUnits(split));
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
        List<String> parts = new ArrayList<>(info.segmentCount());
        if (info.encoding() == Encoding.GSM_7) {
            splitGsm(text, parts);
        } else {
            splitUcs2(text, parts);
        }
        return List.copyOf(parts);
    }

    private static String checked(String text) {
        if (text == null) {
            throw new MittoValidationException("text must not be null: pass \"\" for an empty message");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new MittoValidationException("text is " + text.length() + " chars long; the calculator"
                    + " accepts at most " + MAX_TEXT_LENGTH);
        }
        return text;
    }

    /**
     * One pass over a text that may be GSM-7, one table lookup and one add per char: its length in septets
     * and its greedy split into 153-septet parts, packed by {@link GsmScan}; or {@link #NOT_GSM} at the
     * first character outside the alphabet, whose cost overflows any part. In GSM-7 the only units wider
     * than a char are an extension character (one char, two septets) and CR LF, the one grapheme cluster
     * GSM-7 can spell; {@link #splitGsm} builds the same parts. The length
     * is counted at the part boundaries only: the septets of the closed parts plus those of the last.
     */
    private static long scanGsm(String text) {
        int closed = 0;
        int parts = 1;
        int used = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            used += CharClass.gsmCost(c);
            if (used > GSM_MULTI) {
                int septets = CharClass.gsmCost(c);
                if (septets == CharClass.NOT_GSM) {
                    return NOT_GSM;
                }
                int carried = c == '\n' && text.charAt(i - 1) == '\r' ? septets + 1 : septets;
                closed += used - carried;
                parts++;
                used = carried;
            }
        }
        int length = closed + used;
        return length <= GSM_SINGLE ? GsmScan.pack(length, 1, length) : GsmScan.pack(length, parts, used);
    }

    /**
     * The GSM-7 split, building the parts: the same greedy split as {@link #scanGsm}, which counts them. An
     * extension character is one char of two septets, so its {@code ESC} pair is never split; CR LF, the one
     * grapheme cluster GSM-7 can spell, moves whole.
     */
    private static void splitGsm(String text, List<String> out) {
        int partStart = 0;
        int used = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            int septets = CharClass.gsmCost(c);
            used += septets;
            if (used > GSM_MULTI) {
                int cut = c == '\n' && text.charAt(i - 1) == '\r' ? i - 1 : i;
                partStart = cut(text, partStart, cut, out);
                used = septets + i - cut; // a CR that moves along costs one septet
            }
        }
        cut(text, partStart, text.length(), out);
    }

    /**
     * The UCS-2 split. Every UTF-16 unit costs one, so a part ends 67 units after it starts unless that cut
     * would break a surrogate pair or a grapheme cluster: the split jumps from cut to cut and looks only
     * at the text around each.
     *
     * <p>At a cut that {@link Graphemes#junction} cannot call a boundary, the cluster around it is walked
     * code point by code point, backwards to its start (at most back to the last boundary known, a part
     * before) and forwards to its end, but no further than a part from its start: a longer cluster is cut
     * between code points anyway. The walk resumes there at the next cut, so a cluster longer than a part
     * is walked once, not once per part it spans. Only where the two code points around a junction cannot
     * tell (a ZWJ before an emoji, regional indicators, prepended letters and the Brahmic scripts, format
     * and unassigned characters) does {@code \X} find the cluster, from a boundary known, and the cluster it
     * finds is remembered just the same. The split is linear in the text's length on every input, and
     * allocates nothing (the {@code \X} matcher is kept, one per thread, by {@link Graphemes#matcher}).
     *
     * @param out receives the parts, or {@code null} to count only
     * @return the part count and the units in the last part, packed by {@link Split}
     */
    private static long splitUcs2(String text, @Nullable List<String> out) {
        int length = text.length();
        if (length <= UCS2_SINGLE) {
            cut(text, 0, length, out);
            return Split.pack(1, length);
        }
        Matcher matcher = null;
        int known = 0;          // a grapheme cluster boundary at or before the next cut
        int clusterStart = 0;   // the cluster around the last cut looked up starts here, at or before the part,
        int clusterEnd = 0;     // and has no boundary before clusterEnd;
        boolean ended = true;   // it ends at clusterEnd, or (when false) only somewhere at or after it
        int parts = 1;
        int partStart = 0;
        while (length - partStart > UCS2_MULTI) {
            int cut = partStart + UCS2_MULTI;
            if (Character.isLowSurrogate(text.charAt(cut)) && Character.isHighSurrogate(text.charAt(cut - 1))) {
                cut--;
            }
            // Before clusterEnd, the cut is inside a cluster longer than a part, which is cut between code points.
            if (cut >= clusterEnd && !ended) {
                int reach = joinedUntil(text, clusterEnd, cut); // does that cluster go on past this cut?
                clusterEnd = reach < 0 ? clusterEnd : reach;
                ended = reach >= 0 && reach <= cut;
                known = ended ? reach : known;
                if (reach < 0) {
                    if (matcher == null) {
                        matcher = Graphemes.matcher(text);
                    }
                    long cluster = Graphemes.clusterAround(matcher, text, cut, clusterStart);
                    known = Graphemes.start(cluster);
                    clusterStart = known;
                    clusterEnd = Graphemes.end(cluster);
                    ended = true;
                    cut = known > partStart && clusterEnd - known <= UCS2_MULTI ? known : cut;
                }
            }
            if (cut >= clusterEnd) {
                int junction = Graphemes.junction(text, cut);
                if (junction == Graphemes.BREAK) {
                    known = cut;
                } else {
                    int from = Math.max(known, clusterEnd);
                    int start = junction == Graphemes.JOIN ? joinedSince(text, cut, from) : -1;
                    int end = start >= 0 ? joinedUntil(text, Graphemes.next(text, cut), start + UCS2_MULTI) : -1;
                    ended = end <= start + UCS2_MULTI; // or the walk stopped a part after the start
                    if (end < 0) {
                        if (matcher == null) {
                            matcher = Graphemes.matcher(text);
                        }
                        long cluster = Graphemes.clusterAround(matcher, text, cut, from);
                        start = Graphemes.start(cluster);
                        end = Graphemes.end(cluster);
                        ended = true;
                    }
                    known = start;
                    clusterStart = start;
                    clusterEnd = end;
                    if (start > partStart && end - start <= UCS2_MULTI) {
                        cut = start;
                    }
                }
            }
            parts++;
            partStart = cut(text, partStart, cut, out);
        }
        cut(text, partStart, length, out);
        if (matcher != null) {
            Graphemes.release(matcher);
        }
        return Split.pack(parts, length - partStart);
    }

    /**
     * Walks back from a junction that joins to the start of its cluster.
     *
     * @param index a code point boundary where {@link Graphemes#junction} is {@link Graphemes#JOIN}
     * @param known a cluster boundary before {@code index}
     * @return the cluster's start, or -1 where only {@code \X} can tell
     */
    private static int joinedSince(String text, int index, int known) {
        int at = index;
        while (true) {
            at = Graphemes.previous(text, at);
            if (at <= known) {
                return known;
            }
            int junction = Graphemes.junction(text, at);
            if (junction != Graphemes.JOIN) {
                return junction == Graphemes.BREAK ? at : -1;
            }
        }
    }

    /**
     * Walks forwards from a code point boundary inside a cluster to the cluster's end, but not past
     * {@code limit}.
     *
     * @param from  a code point boundary inside a cluster (or its end)
     * @param limit how far to look
     * @return the cluster's end, when it is at or before {@code limit}; a boundary beyond {@code limit} before
     *         which the cluster has no boundary, when it goes on; or -1 where only {@code \X} can tell
     */
    private static int joinedUntil(String text, int from, int limit) {
        int at = from;
        while (at <= limit) {
            if (at >= text.length()) {
                return text.length();
            }
            int junction = Graphemes.junction(text, at);
            if (junction != Graphemes.JOIN) {
                return junction == Graphemes.BREAK ? at : -1;
            }
            at = Graphemes.marksFrom(text, Graphemes.next(text, at), limit);
        }
        return at;
    }

    /** Adds {@code text[from, to)} to {@code out}, when there is one; answers {@code to}. */
    private static int cut(String text, int from, int to, @Nullable List<String> out) {
        if (out != null) {
            out.add(text.substring(from, to));
        }
        return to;
    }

    static String describe(int codePoint) {
        return "'" + Character.toString(codePoint) + "' (U+" + String.format("%04X", codePoint) + ")";
    }

    /** Packs the outcome of {@link #scanGsm}: 31 bits of length, 24 of parts, 8 of last-part septets. */
    private static final class GsmScan {
        // A GSM-7 text of at most MAX_TEXT_LENGTH chars has fewer than 2^24 parts of 152 septets or more.
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

    /** Packs the outcome of a split: the part count, and the units in the last part. */
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
