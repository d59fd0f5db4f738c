package net.mittoapi.sms.segments;

/**
 * The GSM 7-bit default alphabet and its extension table, as defined by 3GPP TS 23.038 section 6.2.1
 * (table 6.2.1 and table 6.2.1.1). This class is the one place the SDK defines them; everything that asks
 * "is this character GSM?" asks here.
 *
 * <p>The default alphabet has 128 positions; position {@code 0x1B} is not a character but the escape to
 * the extension table, so 127 characters cost one septet each. Note the traps: position {@code 0x09} is
 * capital {@code Ç} (small {@code ç} is not in the alphabet), position {@code 0x24} is the currency sign
 * {@code ¤}, and the backtick is not in the alphabet at all. The extension table's ten characters (form
 * feed, {@code ^ { } \ [ ~ ] | €}) are sent as {@code ESC} followed by the character's code, so each costs
 * two septets.
 */
public final class GsmAlphabet {

    /**
     * Table 6.2.1, in code order: the character at index {@code i} is the one at septet {@code i}.
     * Index 0x1B holds a placeholder for the escape, which is not itself a character.
     */
    private static final String DEFAULT_TABLE =
            "@£$¥èéùìòÇ\nØø\rÅå"
            + "Δ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ"
            + " !\"#¤%&'()*+,-./"
            + "0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNO"
            + "PQRSTUVWXYZÄÖÑÜ§"
            + "¿abcdefghijklmno"
            + "pqrstuvwxyzäöñüà";

    /** The escape septet that introduces an extension-table character. */
    private static final int ESCAPE = 0x1B;

    /** Table 6.2.1.1, the extension characters reachable in every national language: septet, character. */
    private static final int[][] EXTENSION_TABLE = {
        {0x0A, '\f'}, {0x14, '^'}, {0x28, '{'}, {0x29, '}'}, {0x2F, '\\'},
        {0x3C, '['}, {0x3D, '~'}, {0x3E, ']'}, {0x40, '|'}, {0x65, '€'},
    };

    /** Septets per UTF-16 char below {@link #LOOKUP_SIZE}: 0 when not in the alphabet, else 1 or 2. */
    private static final int LOOKUP_SIZE = 0x400;
    private static final byte[] SEPTETS = new byte[LOOKUP_SIZE];
    private static final char EURO = '€';

    static {
        if (DEFAULT_TABLE.length() != 128) {
            throw new AssertionError("GSM default table must have 128 positions");
        }
        for (int septet = 0; septet < DEFAULT_TABLE.length(); septet++) {
            if (septet != ESCAPE) {
                SEPTETS[DEFAULT_TABLE.charAt(septet)] = 1;
            }
        }
        for (int[] entry : EXTENSION_TABLE) {
            if (entry[1] < LOOKUP_SIZE) {
                SEPTETS[entry[1]] = 2;
            }
        }
    }

    private GsmAlphabet() {
    }

    /**
     * @param codePoint a Unicode code point
     * @return the septets the code point costs in GSM-7: 1 for the default alphabet, 2 for the extension
     *         table, 0 when GSM-7 cannot represent it
     */
    public static int septets(int codePoint) {
        if (codePoint < LOOKUP_SIZE) {
            return codePoint >= 0 ? SEPTETS[codePoint] : 0;
        }
        return codePoint == EURO ? 2 : 0;
    }

    /**
     * @param codePoint a Unicode code point
     * @return whether GSM-7 can represent it, in the default alphabet or the extension table
     */
    public static boolean contains(int codePoint) {
        return septets(codePoint) != 0;
    }

    /**
     * @param codePoint a Unicode code point
     * @return whether it is one of the extension table's characters, which cost two septets each
     */
    public static boolean isExtension(int codePoint) {
        return septets(codePoint) == 2;
    }
}
