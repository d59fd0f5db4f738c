package net.mittoapi.sms.spring;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a callback's body to text, refusing bytes that are not valid in its charset instead of replacing them
 * by U+FFFD as {@code new String(bytes, charset)} would: a report whose text was silently altered is worse than
 * one refused with a reason.
 *
 * <p>The charset is the one the {@code Content-Type} declares. Without one, a byte order mark decides (UTF-8,
 * UTF-16BE or UTF-16LE), and otherwise the body is UTF-8, the encoding of JSON (RFC 8259, section 8.1, which
 * also lets a reader ignore a byte order mark: one at the start of the text is dropped) and of forms that declare
 * none (the WHATWG URL standard's {@code application/x-www-form-urlencoded} parser).
 */
final class BodyText {

    private BodyText() {
    }

    /** Bytes that are not valid in the charset the body is read in. */
    static final class Malformed extends Exception {

        private static final long serialVersionUID = 1L;

        private final Charset charset;
        private final long offset;

        Malformed(Charset charset, long offset) {
            super(null, null, false, false);
            this.charset = charset;
            this.offset = offset;
        }

        /** @return the charset the body was read in */
        Charset charset() {
            return charset;
        }

        /** @return the offset of the first byte that is not valid in it */
        long offset() {
            return offset;
        }
    }

    /**
     * @param bytes    the body
     * @param declared the charset the {@code Content-Type} declares, or {@code null}
     * @return the text, without a leading byte order mark
     * @throws Malformed when the bytes are not valid in the charset
     */
    static String decode(byte[] bytes, Charset declared) throws Malformed {
        Charset charset = declared;
        int skip = 0;
        if (charset == null) {
            charset = StandardCharsets.UTF_8;
            if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
                skip = 3;
            } else if (startsWith(bytes, 0xFE, 0xFF)) {
                charset = StandardCharsets.UTF_16BE;
                skip = 2;
            } else if (startsWith(bytes, 0xFF, 0xFE)) {
                charset = StandardCharsets.UTF_16LE;
                skip = 2;
            }
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        CharBuffer out = CharBuffer.allocate(bytes.length - skip + 1);
        boolean decoded = false;
        while (true) {
            CoderResult result = decoded ? decoder.flush(out) : decoder.decode(in, out, true);
            if (result.isUnderflow() && !decoded) {
                decoded = true;
            } else if (result.isUnderflow()) {
                break;
            } else if (result.isOverflow()) {
                out = CharBuffer.allocate(2 * out.capacity() + 1).put(out.flip());
            } else {
                throw new Malformed(charset, in.position());
            }
        }
        out.flip();
        if (out.hasRemaining() && out.charAt(0) == '\uFEFF') {
            out.position(1);
        }
        return out.toString();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
