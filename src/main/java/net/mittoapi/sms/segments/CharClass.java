package net.mittoapi.sms.segments;

/**
 * What the calculator needs to know of each UTF-16 char, in one byte per char, so that its first pass over
 * a text is a table lookup and an add per char. Derived at class initialisation from {@link GsmAlphabet}
 * (the definition of the alphabet) and {@link Graphemes#isSimple} (the grapheme join test); 64 KiB.
 */
final class CharClass {

    /** Bits 0–1: septets in GSM-7 (0, 1 or 2). */
    static final int SEPTETS = 0b11;
    /** Not in the GSM-7 alphabet: the text must be sent as UCS-2. */
    static final int NON_GSM = 1 << 2;
    /** Carriage return: CR LF is a grapheme cluster that never splits. */
    static final int CR = 1 << 3;
    /** A surrogate: half of a pair that never splits. */
    static final int SURROGATE = 1 << 4;
    /** A BMP char that may join its neighbours into a grapheme cluster (a mark, ZWJ, Hangul ...). */
    static final int JOINS = 1 << 5;

    private static final byte[] TABLE = new byte[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            int septets = GsmAlphabet.septets(c);
            int flags = septets;
            if (septets == 0) {
                flags |= NON_GSM;
            }
            if (c == '\r') {
                flags |= CR;
            }
            if (Character.isSurrogate((char) c)) {
                flags |= SURROGATE;
            } else if (c >= 0x300 && !Graphemes.isSimple(c)) {
                flags |= JOINS;
            }
            TABLE[c] = (byte) flags;
        }
    }

    private CharClass() {
    }

    /**
     * @param c a UTF-16 char
     * @return its flags
     */
    static int of(char c) {
        return TABLE[c];
    }
}
