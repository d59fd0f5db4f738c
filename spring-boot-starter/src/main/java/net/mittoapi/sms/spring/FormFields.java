package net.mittoapi.sms.spring;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.Map;

/**
 * Reads {@code application/x-www-form-urlencoded} text (a query string or a form body) into fields, the way the
 * SDK's {@link net.mittoapi.sms.webhook.DeliveryReport#fromQuery(String)} reads a query, but with the escaped
 * octets decoded in a given charset: a form body's is the one its {@code Content-Type} declares.
 *
 * <p>Pairs are separated by {@code &}; a pair without {@code =} is a field with an empty value; empty pairs and
 * pairs with an empty name are skipped; where a name occurs twice the first occurrence wins. {@code +} is a space,
 * {@code %XX} (two hex digits) an octet, and consecutive octets are decoded together in the charset. A {@code %}
 * that starts no valid escape (a template's raw {@code 50%}) is kept as a literal {@code %}, as the SDK keeps it,
 * so that such a report is not lost.
 *
 * <p>Hand-written because no library at hand does both halves: {@link java.net.URLDecoder} and Spring's
 * {@code UriUtils} throw on a raw {@code %} and replace invalid octets by U+FFFD without a word, and the servlet
 * container's parser (the request's parameter map) is no longer available once the endpoint has read the body
 * itself, which it does to bound its size and to see its bytes. Linear in the length of the text.
 */
final class FormFields {

    private FormFields() {
    }

    /** Escaped octets that are not valid in the charset, at a character offset of the text read. */
    static final class MalformedEscape extends Exception {

        private static final long serialVersionUID = 1L;

        private final int offset;

        MalformedEscape(int offset) {
            super(null, null, false, false);
            this.offset = offset;
        }

        /** @return the offset, in characters of the text read, of the first {@code %} of the escaped octets */
        int offset() {
            return offset;
        }
    }

    /**
     * Reads the fields of a query into {@code fields}, after those already there (which win over a field of the
     * same name), exactly as the SDK's {@code fromQuery} reads it: with or without a leading {@code ?}, escaped
     * octets that are not valid in the charset replaced by U+FFFD.
     *
     * @param query   the raw (still encoded) query
     * @param charset the charset of the escaped octets: UTF-8 for a query
     * @param fields  where the fields go, in order
     */
    static void readLeniently(String query, Charset charset, Map<String, String> fields) {
        try {
            read(query.startsWith("?") ? query.substring(1) : query, charset, false, fields);
        } catch (MalformedEscape e) {
            throw new AssertionError("a lenient read replaces what it cannot decode", e);
        }
    }

    /**
     * Reads the fields of {@code text} into {@code fields}, after those already there (which win over a field of
     * the same name).
     *
     * @param text    the raw (still encoded) text, without a leading {@code ?}
     * @param charset the charset of the escaped octets
     * @param fields  where the fields go, in order
     * @throws MalformedEscape when escaped octets are not valid in the charset; {@code fields} then holds those read
     *                         before
     */
    static void readStrictly(String text, Charset charset, Map<String, String> fields) throws MalformedEscape {
        read(text, charset, true, fields);
    }

    private static void read(String text, Charset charset, boolean strict, Map<String, String> fields)
            throws MalformedEscape {
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('&', start);
            if (end < 0) {
                end = text.length();
            }
            if (end > start) {
                int equals = text.indexOf('=', start);
                boolean hasValue = equals >= 0 && equals < end;
                String name = decode(text, start, hasValue ? equals : end, charset, strict);
                String value = hasValue ? decode(text, equals + 1, end, charset, strict) : "";
                if (!name.isEmpty()) {
                    fields.putIfAbsent(name, value);
                }
            }
            start = end + 1;
        }
    }

    private static String decode(String text, int start, int end, Charset charset, boolean strict)
            throws MalformedEscape {
        StringBuilder decoded = null;
        byte[] octets = null;
        int pending = 0;
        int pendingFrom = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            boolean escape = c == '%' && i + 2 < end && isAsciiHex(text.charAt(i + 1)) && isAsciiHex(text.charAt(i + 2));
            if (!escape && c != '+' && decoded == null) {
                continue;
            }
            if (decoded == null) {
                decoded = new StringBuilder(end - start).append(text, start, i);
                octets = new byte[(end - start) / 3];
            }
            if (escape) {
                if (pending == 0) {
                    pendingFrom = i;
                }
                octets[pending++] = (byte) (Character.digit(text.charAt(i + 1), 16) << 4
                        | Character.digit(text.charAt(i + 2), 16));
                i += 2;
                continue;
            }
            if (pending > 0) {
                decoded.append(octets(octets, pending, charset, strict, pendingFrom));
                pending = 0;
            }
            decoded.append(c == '+' ? ' ' : c);
        }
        if (decoded == null) {
            return text.substring(start, end);
        }
        if (pending > 0) {
            decoded.append(octets(octets, pending, charset, strict, pendingFrom));
        }
        return decoded.toString();
    }

    private static CharSequence octets(byte[] octets, int length, Charset charset, boolean strict, int offset)
            throws MalformedEscape {
        if (!strict) {
            return new String(octets, 0, length, charset);
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(octets, 0, length));
        } catch (CharacterCodingException e) {
            throw new MalformedEscape(offset);
        }
    }

    private static boolean isAsciiHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
