package net.mittoapi.sms.segments;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a text costs as SMS: its encoding, length, number of parts and where they split. Made by
 * {@link SegmentCalculator}; immutable and thread-safe. The parts and the list of non-GSM characters are
 * computed on first use.
 */
public final class SegmentInfo {

    private final String text;
    private final Encoding encoding;
    private final int length;
    private final int segmentCount;
    private final int lastSegmentUnits;

    // Lazily computed, immutable once set; a racing thread at worst computes the same list again.
    private @Nullable List<String> segments;
    private @Nullable List<Integer> nonGsmCharacters;

    SegmentInfo(String text, Encoding encoding, int length, int segmentCount, int lastSegmentUnits) {
        this.text = text;
        this.encoding = encoding;
        this.length = length;
        this.segmentCount = segmentCount;
        this.lastSegmentUnits = lastSegmentUnits;
    }

    /** @return the text this calculation is for */
    public String text() {
        return text;
    }

    /** @return the encoding the text is sent in */
    public Encoding encoding() {
        return encoding;
    }

    /**
     * @return the text's length in the units of its encoding: septets for GSM-7 (an extension character
     *         counts two), UTF-16 code units for UCS-2 (a character outside the Basic Multilingual Plane
     *         counts two)
     */
    public int length() {
        return length;
    }

    /** @return the number of SMS parts the text is sent as, at least 1 */
    public int segmentCount() {
        return segmentCount;
    }

    /**
     * @return the units one part holds for this text: 160 (GSM-7) or 70 (UCS-2) for a single part,
     *         153 or 67 for a concatenated message
     */
    public int perSegment() {
        return segmentCount == 1 ? encoding.singleSegmentLimit() : encoding.multiSegmentLimit();
    }

    /**
     * @return the units still free in the last part: how much more text fits without another part,
     *         assuming the added text costs one unit per unit and splits nowhere new
     */
    public int remaining() {
        return perSegment() - lastSegmentUnits;
    }

    /**
     * @return the text as the parts it is split into, in order; they join back to the text exactly. A
     *         text that fits one part (the empty text included) is a single part.
     */
    public List<String> segments() {
        List<String> result = segments;
        if (result == null) {
            result = SegmentCalculator.segments(this);
            segments = result;
        }
        return result;
    }

    /**
     * @return the code points outside the GSM-7 alphabet, in order of first appearance and without
     *         repeats: the characters that force (or would force) UCS-2. Empty for a GSM-7 text.
     */
    public List<Integer> nonGsmCharacters() {
        List<Integer> result = nonGsmCharacters;
        if (result == null) {
            Set<Integer> found = new LinkedHashSet<>();
            text.codePoints().filter(cp -> !GsmAlphabet.contains(cp)).forEach(found::add);
            result = List.copyOf(found);
            nonGsmCharacters = result;
        }
        return result;
    }

    /** Equal when the text and the encoding are: everything else follows from them. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SegmentInfo that && encoding == that.encoding && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return 31 * text.hashCode() + encoding.hashCode();
    }

    /** @return a summary such as {@code SegmentInfo[GSM_7, 529 units, 4 parts of 153, 83 remaining]} */
    @Override
    public String toString() {
        return "SegmentInfo[" + encoding + ", " + length + " units, " + segmentCount
                + (segmentCount == 1 ? " part of " : " parts of ") + perSegment() + ", " + remaining()
                + " remaining]";
    }
}
