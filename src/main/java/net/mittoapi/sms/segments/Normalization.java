package net.mittoapi.sms.segments;

import java.util.List;

/**
 * What {@link GsmNormalizer#explain} found: a text before and after {@link GsmNormalizer#normalize} (or
 * {@link GsmNormalizer#transliterate}), what was replaced, and what the change costs and saves as SMS.
 *
 * <pre>{@code
 * Normalization n = GsmNormalizer.explain("“Hi” – Łódź", true);
 * n.text();                              // "\"Hi\" - Lodz"
 * n.replacements().get(0);               // Replacement[index=0, original=“, replacement="]
 * n.before().encoding();                 // UCS_2
 * n.after().encoding();                  // GSM_7
 * }</pre>
 *
 * Applying the replacements to {@code original}, each at its index, gives {@code text}.
 *
 * @param original     the text as given
 * @param text         the text normalized (or transliterated): what {@code normalize} (or
 *                     {@code transliterate}) returns for {@code original}
 * @param replacements the changes, in text order, none overlapping; unmodifiable, empty when nothing changed
 * @param before       the segment calculation of {@code original}
 * @param after        the segment calculation of {@code text}
 */
public record Normalization(String original, String text, List<Replacement> replacements, SegmentInfo before,
        SegmentInfo after) {

    /**
     * @param original     the text as given
     * @param text         the text normalized
     * @param replacements the changes, in text order; copied
     * @param before       the segment calculation of {@code original}
     * @param after        the segment calculation of {@code text}
     * @throws NullPointerException if any argument is {@code null}
     */
    public Normalization {
        if (original == null || text == null || before == null || after == null) {
            throw new NullPointerException("original, text, before and after must not be null");
        }
        replacements = List.copyOf(replacements);
    }

    /** @return whether anything was replaced: whether {@link #text()} differs from {@link #original()} */
    public boolean changed() {
        return !replacements.isEmpty();
    }

    /**
     * @return the SMS parts the change saves: {@code before().segmentCount() - after().segmentCount()}, negative
     *         when the text got longer across a part boundary (an ellipsis becomes three dots)
     */
    public int partsSaved() {
        return before.segmentCount() - after.segmentCount();
    }
}
