package net.mittoapi.sms.segments;

/**
 * One change {@link GsmNormalizer} made to a text: at {@code index} of the original text, {@code original}
 * became {@code replacement}. Made by {@link GsmNormalizer#explain}; see {@link Normalization}.
 *
 * @param index       where the replaced text starts in the original, in UTF-16 units (as {@link String#charAt})
 * @param original    the text replaced: one character, or a character and its combining marks; never empty
 * @param replacement what replaced it, in GSM-7 unless the text had no GSM-7 equivalent (a mark it kept);
 *                    empty for a character removed
 */
public record Replacement(int index, String original, String replacement) {

    /**
     * @param index       where the replaced text starts in the original, in UTF-16 units; at least 0
     * @param original    the text replaced; not empty
     * @param replacement what replaced it; empty for a removal
     * @throws IllegalArgumentException if {@code index} is negative or {@code original} empty
     * @throws NullPointerException     if {@code original} or {@code replacement} is {@code null}
     */
    public Replacement {
        if (index < 0) {
            throw new IllegalArgumentException("index must be at least 0, got " + index);
        }
        if (original.isEmpty()) {
            throw new IllegalArgumentException("original must not be empty: a replacement replaces something");
        }
        if (replacement == null) {
            throw new NullPointerException("replacement == null: use \"\" for a removal");
        }
    }

    /** @return where the replaced text ends in the original, exclusive: {@code index + original.length()} */
    public int end() {
        return index + original.length();
    }
}
