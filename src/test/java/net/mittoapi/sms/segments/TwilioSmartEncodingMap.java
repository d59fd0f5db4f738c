package net.mittoapi.sms.segments;

import java.util.List;

/**
 * Twilio's public smart-encoding map, transcribed entry by entry (code point, Twilio's replacement and the
 * name in Twilio's comment) from TwilioDevEd/message-segment-calculator, {@code src/libs/SmartEncodingMap.ts}
 * at commit a50230fddb2b4af8fd8e0a9497553883dfe5374e (2024-06-26), in the file's order: the source the
 * normalizer's coverage of Twilio's map is tested against. Twilio's replacements are as written there,
 * quirks included (two spaces for the no-break space, seven for a tab, {@code ‹ ›} reversed); what
 * {@link GsmNormalizer} does differently is listed in {@link GsmNormalizerTest}.
 */
final class TwilioSmartEncodingMap {

    /** One entry of the map: a code point and the text Twilio sends in its place. */
    record Entry(int codePoint, String replacement) {
        /** @return the code point as a string */
        String text() {
            return Character.toString(codePoint);
        }

        @Override
        public String toString() {
            return String.format("U+%04X", codePoint);
        }
    }

    /** The 270 entries, in the order of the file. */
    static final List<Entry> ENTRIES = List.of(
            entry(0x00AB, "\""), // LEFT-POINTING DOUBLE ANGLE QUOTATION MARK
            entry(0x00BB, "\""), // RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK
            entry(0x201C, "\""), // LEFT DOUBLE QUOTATION MARK
            entry(0x201D, "\""), // RIGHT DOUBLE QUOTATION MARK
            entry(0x02BA, "\""), // MODIFIER LETTER DOUBLE PRIME
            entry(0x02EE, "\""), // MODIFIER LETTER DOUBLE APOSTROPHE
            entry(0x201F, "\""), // DOUBLE HIGH-REVERSED-9 QUOTATION MARK
            entry(0x201E, "\""), // DOUBLE LOW-9 QUOTATION MARK
            entry(0x275D, "\""), // HEAVY DOUBLE TURNED COMMA QUOTATION MARK ORNAMENT
            entry(0x275E, "\""), // HEAVY DOUBLE COMMA QUOTATION MARK ORNAMENT
            entry(0x301D, "\""), // REVERSED DOUBLE PRIME QUOTATION MARK
            entry(0x301E, "\""), // DOUBLE PRIME QUOTATION MARK
            entry(0xFF02, "\""), // FULLWIDTH QUOTATION MARK
            entry(0x2018, "'"), // LEFT SINGLE QUOTATION MARK
            entry(0x2019, "'"), // RIGHT SINGLE QUOTATION MARK
            entry(0x02BB, "'"), // MODIFIER LETTER TURNED COMMA
            entry(0x02C8, "'"), // MODIFIER LETTER VERTICAL LINE
            entry(0x02BC, "'"), // MODIFIER LETTER APOSTROPHE
            entry(0x02BD, "'"), // MODIFIER LETTER REVERSED COMMA
            entry(0x02B9, "'"), // MODIFIER LETTER PRIME
            entry(0x201B, "'"), // SINGLE HIGH-REVERSED-9 QUOTATION MARK
            entry(0xFF07, "'"), // FULLWIDTH APOSTROPHE
            entry(0x00B4, "'"), // ACUTE ACCENT
            entry(0x02CA, "'"), // MODIFIER LETTER ACUTE ACCENT
            entry(0x0060, "'"), // GRAVE ACCENT
            entry(0x02CB, "'"), // MODIFIER LETTER GRAVE ACCENT
            entry(0x275B, "'"), // HEAVY SINGLE TURNED COMMA QUOTATION MARK ORNAMENT
            entry(0x275C, "'"), // HEAVY SINGLE COMMA QUOTATION MARK ORNAMENT
            entry(0x0313, "'"), // COMBINING COMMA ABOVE
            entry(0x0314, "'"), // COMBINING REVERSED COMMA ABOVE
            entry(0xFE10, "'"), // PRESENTATION FORM FOR VERTICAL COMMA
            entry(0xFE11, "'"), // PRESENTATION FORM FOR VERTICAL IDEOGRAPHIC COMMA
            entry(0x00F7, "/"), // DIVISION SIGN
            entry(0x00BC, "1/4"), // VULGAR FRACTION ONE QUARTER
            entry(0x00BD, "1/2"), // VULGAR FRACTION ONE HALF
            entry(0x00BE, "3/4"), // VULGAR FRACTION THREE QUARTERS
            entry(0x29F8, "/"), // BIG SOLIDUS
            entry(0x0337, "/"), // COMBINING SHORT SOLIDUS OVERLAY
            entry(0x0338, "/"), // COMBINING LONG SOLIDUS OVERLAY
            entry(0x2044, "/"), // FRACTION SLASH
            entry(0x2215, "/"), // DIVISION SLASH
            entry(0xFF0F, "/"), // FULLWIDTH SOLIDUS
            entry(0x29F9, "\\"), // BIG REVERSE SOLIDUS
            entry(0x29F5, "\\"), // REVERSE SOLIDUS OPERATOR
            entry(0x20E5, "\\"), // COMBINING REVERSE SOLIDUS OVERLAY
            entry(0xFE68, "\\"), // SMALL REVERSE SOLIDUS
            entry(0xFF3C, "\\"), // FULLWIDTH REVERSE SOLIDUS
            entry(0x0332, "_"), // COMBINING LOW LINE
            entry(0xFF3F, "_"), // FULLWIDTH LOW LINE
            entry(0x20D2, "|"), // COMBINING LONG VERTICAL LINE OVERLAY
            entry(0x20D3, "|"), // COMBINING SHORT VERTICAL LINE OVERLAY
            entry(0x2223, "|"), // DIVIDES
            entry(0xFF5C, "|"), // FULLWIDTH VERTICAL LINE
            entry(0x23B8, "|"), // LEFT VERTICAL BOX LINE
            entry(0x23B9, "|"), // RIGHT VERTICAL BOX LINE
            entry(0x23D0, "|"), // VERTICAL LINE EXTENSION
            entry(0x239C, "|"), // LEFT PARENTHESIS EXTENSION
            entry(0x239F, "|"), // RIGHT PARENTHESIS EXTENSION
            entry(0x23BC, "-"), // HORIZONTAL SCAN LINE-7
            entry(0x23BD, "-"), // HORIZONTAL SCAN LINE-9
            entry(0x2015, "-"), // HORIZONTAL BAR
            entry(0xFE63, "-"), // SMALL HYPHEN-MINUS
            entry(0xFF0D, "-"), // FULLWIDTH HYPHEN-MINUS
            entry(0x2010, "-"), // HYPHEN
            entry(0x2043, "-"), // HYPHEN BULLET
            entry(0xFE6B, "@"), // SMALL COMMERCIAL AT
            entry(0xFF20, "@"), // FULLWIDTH COMMERCIAL AT
            entry(0xFE69, "$"), // SMALL DOLLAR SIGN
            entry(0xFF04, "$"), // FULLWIDTH DOLLAR SIGN
            entry(0x01C3, "!"), // LATIN LETTER RETROFLEX CLICK
            entry(0xFE15, "!"), // PRESENTATION FORM FOR VERTICAL EXLAMATION MARK
            entry(0xFE57, "!"), // SMALL EXCLAMATION MARK
            entry(0xFF01, "!"), // FULLWIDTH EXCLAMATION MARK
            entry(0xFE5F, "#"), // SMALL NUMBER SIGN
            entry(0xFF03, "#"), // FULLWIDTH NUMBER SIGN
            entry(0xFE6A, "%"), // SMALL PERCENT SIGN
            entry(0xFF05, "%"), // FULLWIDTH PERCENT SIGN
            entry(0xFE60, "&"), // SMALL AMPERSAND
            entry(0xFF06, "&"), // FULLWIDTH AMPERSAND
            entry(0x201A, ","), // SINGLE LOW-9 QUOTATION MARK
            entry(0x0326, ","), // COMBINING COMMA BELOW
            entry(0xFE50, ","), // SMALL COMMA
            entry(0xFE51, ","), // SMALL IDEOGRAPHIC COMMA
            entry(0xFF0C, ","), // FULLWIDTH COMMA
            entry(0xFF64, ","), // HALFWIDTH IDEOGRAPHIC COMMA
            entry(0x2768, "("), // MEDIUM LEFT PARENTHESIS ORNAMENT
            entry(0x276A, "("), // MEDIUM FLATTENED LEFT PARENTHESIS ORNAMENT
            entry(0xFE59, "("), // SMALL LEFT PARENTHESIS
            entry(0xFF08, "("), // FULLWIDTH LEFT PARENTHESIS
            entry(0x27EE, "("), // MATHEMATICAL LEFT FLATTENED PARENTHESIS
            entry(0x2985, "("), // LEFT WHITE PARENTHESIS
            entry(0x2769, ")"), // MEDIUM RIGHT PARENTHESIS ORNAMENT
            entry(0x276B, ")"), // MEDIUM FLATTENED RIGHT PARENTHESIS ORNAMENT
            entry(0xFE5A, ")"), // SMALL RIGHT PARENTHESIS
            entry(0xFF09, ")"), // FULLWIDTH RIGHT PARENTHESIS
            entry(0x27EF, ")"), // MATHEMATICAL RIGHT FLATTENED PARENTHESIS
            entry(0x2986, ")"), // RIGHT WHITE PARENTHESIS
            entry(0x204E, "*"), // LOW ASTERISK
            entry(0x2217, "*"), // ASTERISK OPERATOR
            entry(0x229B, "*"), // CIRCLED ASTERISK OPERATOR
            entry(0x2722, "*"), // FOUR TEARDROP-SPOKED ASTERISK
            entry(0x2723, "*"), // FOUR BALLOON-SPOKED ASTERISK
            entry(0x2724, "*"), // HEAVY FOUR BALLOON-SPOKED ASTERISK
            entry(0x2725, "*"), // FOUR CLUB-SPOKED ASTERISK
            entry(0x2731, "*"), // HEAVY ASTERISK
            entry(0x2732, "*"), // OPEN CENTRE ASTERISK
            entry(0x2733, "*"), // EIGHT SPOKED ASTERISK
            entry(0x273A, "*"), // SIXTEEN POINTED ASTERISK
            entry(0x273B, "*"), // TEARDROP-SPOKED ASTERISK
            entry(0x273C, "*"), // OPEN CENTRE TEARDROP-SPOKED ASTERISK
            entry(0x273D, "*"), // HEAVY TEARDROP-SPOKED ASTERISK
            entry(0x2743, "*"), // HEAVY TEARDROP-SPOKED PINWHEEL ASTERISK
            entry(0x2749, "*"), // BALLOON-SPOKED ASTERISK
            entry(0x274A, "*"), // EIGHT TEARDROP-SPOKED PROPELLER ASTERISK
            entry(0x274B, "*"), // HEAVY EIGHT TEARDROP-SPOKED PROPELLER ASTERISK
            entry(0x29C6, "*"), // SQUARED ASTERISK
            entry(0xFE61, "*"), // SMALL ASTERISK
            entry(0xFF0A, "*"), // FULLWIDTH ASTERISK
            entry(0x02D6, "+"), // MODIFIER LETTER PLUS SIGN
            entry(0xFE62, "+"), // SMALL PLUS SIGN
            entry(0xFF0B, "+"), // FULLWIDTH PLUS SIGN
            entry(0x3002, "."), // IDEOGRAPHIC FULL STOP
            entry(0xFE52, "."), // SMALL FULL STOP
            entry(0xFF0E, "."), // FULLWIDTH FULL STOP
            entry(0xFF61, "."), // HALFWIDTH IDEOGRAPHIC FULL STOP
            entry(0xFF10, "0"), // FULLWIDTH DIGIT ZERO
            entry(0xFF11, "1"), // FULLWIDTH DIGIT ONE
            entry(0xFF12, "2"), // FULLWIDTH DIGIT TWO
            entry(0xFF13, "3"), // FULLWIDTH DIGIT THREE
            entry(0xFF14, "4"), // FULLWIDTH DIGIT FOUR
            entry(0xFF15, "5"), // FULLWIDTH DIGIT FIVE
            entry(0xFF16, "6"), // FULLWIDTH DIGIT SIX
            entry(0xFF17, "7"), // FULLWIDTH DIGIT SEVEN
            entry(0xFF18, "8"), // FULLWIDTH DIGIT EIGHT
            entry(0xFF19, "9"), // FULLWIDTH DIGIT NINE
            entry(0x02D0, ":"), // MODIFIER LETTER TRIANGULAR COLON
            entry(0x02F8, ":"), // MODIFIER LETTER RAISED COLON
            entry(0x2982, ":"), // Z NOTATION TYPE COLON
            entry(0xA789, ":"), // MODIFIER LETTER COLON
            entry(0xFE13, ":"), // PRESENTATION FORM FOR VERTICAL COLON
            entry(0xFF1A, ":"), // FULLWIDTH COLON
            entry(0x204F, ";"), // REVERSED SEMICOLON
            entry(0xFE14, ";"), // PRESENTATION FORM FOR VERTICAL SEMICOLON
            entry(0xFE54, ";"), // SMALL SEMICOLON
            entry(0xFF1B, ";"), // FULLWIDTH SEMICOLON
            entry(0xFE64, "<"), // SMALL LESS-THAN SIGN
            entry(0xFF1C, "<"), // FULLWIDTH LESS-THAN SIGN
            entry(0x0347, "="), // COMBINING EQUALS SIGN BELOW
            entry(0xA78A, "="), // MODIFIER LETTER SHORT EQUALS SIGN
            entry(0xFE66, "="), // SMALL EQUALS SIGN
            entry(0xFF1D, "="), // FULLWIDTH EQUALS SIGN
            entry(0xFE65, ">"), // SMALL GREATER-THAN SIGN
            entry(0xFF1E, ">"), // FULLWIDTH GREATER-THAN SIGN
            entry(0xFE16, "?"), // PRESENTATION FORM FOR VERTICAL QUESTION MARK
            entry(0xFE56, "?"), // SMALL QUESTION MARK
            entry(0xFF1F, "?"), // FULLWIDTH QUESTION MARK
            entry(0xFF21, "A"), // FULLWIDTH LATIN CAPITAL LETTER A
            entry(0x1D00, "A"), // LATIN LETTER SMALL CAPITAL A
            entry(0xFF22, "B"), // FULLWIDTH LATIN CAPITAL LETTER B
            entry(0x0299, "B"), // LATIN LETTER SMALL CAPITAL B
            entry(0xFF23, "C"), // FULLWIDTH LATIN CAPITAL LETTER C
            entry(0x1D04, "C"), // LATIN LETTER SMALL CAPITAL C
            entry(0xFF24, "D"), // FULLWIDTH LATIN CAPITAL LETTER D
            entry(0x1D05, "D"), // LATIN LETTER SMALL CAPITAL D
            entry(0xFF25, "E"), // FULLWIDTH LATIN CAPITAL LETTER E
            entry(0x1D07, "E"), // LATIN LETTER SMALL CAPITAL E
            entry(0xFF26, "F"), // FULLWIDTH LATIN CAPITAL LETTER F
            entry(0xA730, "F"), // LATIN LETTER SMALL CAPITAL F
            entry(0xFF27, "G"), // FULLWIDTH LATIN CAPITAL LETTER G
            entry(0x0262, "G"), // LATIN LETTER SMALL CAPITAL G
            entry(0xFF28, "H"), // FULLWIDTH LATIN CAPITAL LETTER H
            entry(0x029C, "H"), // LATIN LETTER SMALL CAPITAL H
            entry(0xFF29, "I"), // FULLWIDTH LATIN CAPITAL LETTER I
            entry(0x026A, "I"), // LATIN LETTER SMALL CAPITAL I
            entry(0xFF2A, "J"), // FULLWIDTH LATIN CAPITAL LETTER J
            entry(0x1D0A, "J"), // LATIN LETTER SMALL CAPITAL J
            entry(0xFF2B, "K"), // FULLWIDTH LATIN CAPITAL LETTER K
            entry(0x1D0B, "K"), // LATIN LETTER SMALL CAPITAL K
            entry(0xFF2C, "L"), // FULLWIDTH LATIN CAPITAL LETTER L
            entry(0x029F, "L"), // LATIN LETTER SMALL CAPITAL L
            entry(0xFF2D, "M"), // FULLWIDTH LATIN CAPITAL LETTER M
            entry(0x1D0D, "M"), // LATIN LETTER SMALL CAPITAL M
            entry(0xFF2E, "N"), // FULLWIDTH LATIN CAPITAL LETTER N
            entry(0x0274, "N"), // LATIN LETTER SMALL CAPITAL N
            entry(0xFF2F, "O"), // FULLWIDTH LATIN CAPITAL LETTER O
            entry(0x1D0F, "O"), // LATIN LETTER SMALL CAPITAL O
            entry(0xFF30, "P"), // FULLWIDTH LATIN CAPITAL LETTER P
            entry(0x1D18, "P"), // LATIN LETTER SMALL CAPITAL P
            entry(0xFF31, "Q"), // FULLWIDTH LATIN CAPITAL LETTER Q
            entry(0xFF32, "R"), // FULLWIDTH LATIN CAPITAL LETTER R
            entry(0x0280, "R"), // LATIN LETTER SMALL CAPITAL R
            entry(0xFF33, "S"), // FULLWIDTH LATIN CAPITAL LETTER S
            entry(0xA731, "S"), // LATIN LETTER SMALL CAPITAL S
            entry(0xFF34, "T"), // FULLWIDTH LATIN CAPITAL LETTER T
            entry(0x1D1B, "T"), // LATIN LETTER SMALL CAPITAL T
            entry(0xFF35, "U"), // FULLWIDTH LATIN CAPITAL LETTER U
            entry(0x1D1C, "U"), // LATIN LETTER SMALL CAPITAL U
            entry(0xFF36, "V"), // FULLWIDTH LATIN CAPITAL LETTER V
            entry(0x1D20, "V"), // LATIN LETTER SMALL CAPITAL V
            entry(0xFF37, "W"), // FULLWIDTH LATIN CAPITAL LETTER W
            entry(0x1D21, "W"), // LATIN LETTER SMALL CAPITAL W
            entry(0xFF38, "X"), // FULLWIDTH LATIN CAPITAL LETTER X
            entry(0xFF39, "Y"), // FULLWIDTH LATIN CAPITAL LETTER Y
            entry(0x028F, "Y"), // LATIN LETTER SMALL CAPITAL Y
            entry(0xFF3A, "Z"), // FULLWIDTH LATIN CAPITAL LETTER Z
            entry(0x1D22, "Z"), // LATIN LETTER SMALL CAPITAL Z
            entry(0x02C6, "^"), // MODIFIER LETTER CIRCUMFLEX ACCENT
            entry(0x0302, "^"), // COMBINING CIRCUMFLEX ACCENT
            entry(0xFF3E, "^"), // FULLWIDTH CIRCUMFLEX ACCENT
            entry(0x1DCD, "^"), // COMBINING DOUBLE CIRCUMFLEX ABOVE
            entry(0x2774, "{"), // MEDIUM LEFT CURLY BRACKET ORNAMENT
            entry(0xFE5B, "{"), // SMALL LEFT CURLY BRACKET
            entry(0xFF5B, "{"), // FULLWIDTH LEFT CURLY BRACKET
            entry(0x2775, "}"), // MEDIUM RIGHT CURLY BRACKET ORNAMENT
            entry(0xFE5C, "}"), // SMALL RIGHT CURLY BRACKET
            entry(0xFF5D, "}"), // FULLWIDTH RIGHT CURLY BRACKET
            entry(0xFF3B, "["), // FULLWIDTH LEFT SQUARE BRACKET
            entry(0xFF3D, "]"), // FULLWIDTH RIGHT SQUARE BRACKET
            entry(0x02DC, "~"), // SMALL TILDE
            entry(0x02F7, "~"), // MODIFIER LETTER LOW TILDE
            entry(0x0303, "~"), // COMBINING TILDE
            entry(0x0330, "~"), // COMBINING TILDE BELOW
            entry(0x0334, "~"), // COMBINING TILDE OVERLAY
            entry(0x223C, "~"), // TILDE OPERATOR
            entry(0xFF5E, "~"), // FULLWIDTH TILDE
            entry(0x00A0, "  "), // NO-BREAK SPACE
            entry(0x2000, "  "), // EN QUAD
            entry(0x2002, "  "), // EN SPACE
            entry(0x2003, "  "), // EM SPACE
            entry(0x2004, "  "), // THREE-PER-EM SPACE
            entry(0x2005, "  "), // FOUR-PER-EM SPACE
            entry(0x2006, "  "), // SIX-PER-EM SPACE
            entry(0x2007, "  "), // FIGURE SPACE
            entry(0x2008, "  "), // PUNCTUATION SPACE
            entry(0x2009, "  "), // THIN SPACE
            entry(0x200A, "  "), // HAIR SPACE
            entry(0x202F, "  "), // NARROW NO-BREAK SPACE
            entry(0x205F, "  "), // MEDIUM MATHEMATICAL SPACE
            entry(0x3000, "  "), // IDEOGRAHPIC SPACE
            entry(0x008D, "  "), // REVERSE LINE FEED (standard LF looks like \n, this looks like a space)
            entry(0x009F, "  "), // <control>
            entry(0x0080, "  "), // C1 CONTROL CODES
            entry(0x0090, "  "), // DEVICE CONTROL STRING
            entry(0x009B, "  "), // CONTROL SEQUENCE INTRODUCER
            entry(0x0010, ""), // ESCAPE, DATA LINK (not visible)
            entry(0x0009, "       "), // TAB (7 spaces based on print statement in Python interpreter)
            entry(0x0000, ""), // NULL
            entry(0x0003, ""), // END OF TEXT
            entry(0x0004, ""), // END OF TRANSMISSION
            entry(0x0017, ""), // END OF TRANSMISSION BLOCK
            entry(0x0019, ""), // END OF MEDIUM
            entry(0x0011, ""), // DEVICE CONTROL ONE
            entry(0x0012, ""), // DEVICE CONTROL TWO
            entry(0x0013, ""), // DEVICE CONTROL THREE
            entry(0x0014, ""), // DEVICE CONTROL FOUR
            entry(0x2060, ""), // WORD JOINER
            entry(0x2017, "_"), // DOUBLE LOW LINE
            entry(0x2014, "-"), // EM DASH
            entry(0x2013, "-"), // EN DASH
            entry(0x2039, ">"), // Single left-pointing angle quotation mark
            entry(0x203A, "<"), // Single right-pointing angle quotation mark
            entry(0x203C, "!!"), // Double exclamation mark
            entry(0x2028, " "), // Whitespace: Line Separator
            entry(0x2029, " "), // Whitespace: Paragraph Separator
            entry(0x2026, "..."), // Whitespace: Narrow No-Break Space
            entry(0x2001, " "), // Whitespace: Medium Mathematical Space
            entry(0x200B, ""), // ZERO WIDTH SPACE
            entry(0x3001, ","), // IDEOGRAPHIC COMMA
            entry(0xFEFF, ""), // ZERO WIDTH NO-BREAK SPACE
            entry(0x2022, "-") // Bullet
    );

    private TwilioSmartEncodingMap() {
    }

    private static Entry entry(int codePoint, String replacement) {
        return new Entry(codePoint, replacement);
    }
}
