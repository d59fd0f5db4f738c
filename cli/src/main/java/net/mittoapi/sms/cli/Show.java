package net.mittoapi.sms.cli;

import net.mittoapi.sms.segments.Encoding;

/** How the tool shows values to a person: texts quoted with the invisible made visible, counts with their noun. */
final class Show {

    private Show() {
    }

    /**
     * @return the text in double quotes, with {@code "} and {@code \} escaped, line breaks and tabs as
     *         {@code \n}, {@code \r}, {@code \t}, and every other control or invisible formatting character (a
     *         zero-width space, a soft hyphen, a byte-order mark) as {@code \}{@code uXXXX}, so that nothing that
     *         counts is hidden
     */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    if (invisible(c)) {
                        out.append(String.format("\\u%04X", c));
                    } else {
                        out.appendCodePoint(c);
                    }
            }
        }
        return out.append('"').toString();
    }

    /** @return the character itself in single quotes, or its escape when it cannot be seen */
    static String character(int codePoint) {
        return invisible(codePoint) || codePoint == '\n' || codePoint == '\r' || codePoint == '\t'
                ? quote(Character.toString(codePoint)).replace('"', '\'')
                : "'" + Character.toString(codePoint) + "'";
    }

    /** @return {@code U+20AC EURO SIGN}: the code point and its Unicode name */
    static String codePoint(int codePoint) {
        String name = Character.getName(codePoint);
        return String.format("U+%04X %s", codePoint, name == null ? "(unassigned)" : name);
    }

    /** @return {@code 'text'} for a POSIX shell: single quotes, with each {@code '} written as {@code '\''} */
    static String shell(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** @return the count and the noun, singular for exactly one: {@code 1 part}, {@code 2 parts}, {@code 0 parts} */
    static String count(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }

    /** @return the count in the encoding's unit: {@code 1 septet}, {@code 70 UTF-16 units} */
    static String units(long count, Encoding encoding) {
        return encoding == Encoding.GSM_7 ? count(count, "septet", "septets") : count(count, "UTF-16 unit", "UTF-16 units");
    }

    /** @return {@code GSM-7} or {@code UCS-2}, as people write them */
    static String name(Encoding encoding) {
        return encoding == Encoding.GSM_7 ? "GSM-7" : "UCS-2";
    }

    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE || type == Character.PRIVATE_USE
                || type == Character.SPACE_SEPARATOR && c != ' ';
    }
}
