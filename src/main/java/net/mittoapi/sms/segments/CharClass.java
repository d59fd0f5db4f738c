package net.mittoapi.sms.segments;

/**
 * What the calculator needs to know of each UTF-16 char, in one table lookup, so that its passes over a
 * text cost a load and an add per char. Derived at class initialisation from {@link GsmAlphabet} (the
 * definition of the alphabet) and {@link Graphemes#flags} (what a char may do in a grapheme cluster);
 * 128 KiB.
 */
final class CharClass {

    /** Bits 0–7: what the char costs in GSM-7: 1 or 2 septets, or {@link #NOT_GSM}. */
    static final int GSM_COST = 0xFF;
    /**
     * The GSM cost of a char outside the alphabet: more than a part holds, so that one such char
     * overflows the part being filled and the counting loop needs no separate test for it.
     */
    static final int NOT_GSM = 0xFF;
    /** A surrogate: half of a pair that never splits, whose code point tells the rest. */
    static final int SURROGATE = 1 << 8;
    // Bits 9 to 15: the char's Graphemes.flags (none for a surrogate).

    private static final char[] TABLE = new char[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            int septets = GsmAlphabet.septets(c);
            int flags = septets == 0 ? NOT_GSM : septets;
            flags |= Character.isSurrogate((char) c) ? SURROGATE : Graphemes.flags(c);
            TABLE[c] = (char) flags;
        }
    }

    private CharClass() {
    }

    /**
     * @param c a UTF-16 char
     * @return its flags, {@link #GSM_COST} included
     */
    static int of(char c) {
        return TABLE[c];
    }

    /**
     * @param c a UTF-16 char
     * @return the septets it costs in GSM-7, or {@link #NOT_GSM}
     */
    static int gsmCost(char c) {
        return TABLE[c] & GSM_COST;
    }
}
