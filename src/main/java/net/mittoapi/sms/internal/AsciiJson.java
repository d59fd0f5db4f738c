package net.mittoapi.sms.internal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Writes a flat JSON object of text, whole-number and boolean fields straight into a byte array of the exact
 * size, when every text is printable ASCII: the usual request body, written for a fraction of what a Jackson
 * generator costs to set up (its context, buffers and output stream, about 0.5 KB per body).
 *
 * <p>Jackson's generator writes a printable ASCII character (U+0020 to U+007E) as itself, except {@code "} and
 * {@code \}, which it escapes as {@code \"} and {@code \\}; whole numbers as {@link Integer#toString(int)}
 * writes them. This writer does exactly that and nothing else: a text with any other character (a control
 * character, DEL, anything beyond ASCII) makes {@link #fits()} false, and {@link Codec} then writes the body
 * with Jackson, which owns every other escape and the UTF-8 encoding. A test compares both writers byte for
 * byte on seeded random texts.
 *
 * <p>Used in two passes over the same fields: the first, on {@link #measure()}, checks the texts and counts
 * the bytes; the second, on {@link #into(AsciiJson)}, writes them.
 */
final class AsciiJson {

    private final byte @Nullable [] out;
    private int size;
    private boolean fits = true;
    private boolean first = true;

    private AsciiJson(byte @Nullable [] out) {
        this.out = out;
    }

    /** @return a writer that only checks and counts */
    static AsciiJson measure() {
        return new AsciiJson(null);
    }

    /**
     * @param measured the first pass over the same fields, which {@link #fits()}
     * @return a writer into an array of exactly the measured size
     */
    static AsciiJson into(AsciiJson measured) {
        return new AsciiJson(new byte[measured.size + 2]);
    }

    /** @return whether every text so far is printable ASCII */
    boolean fits() {
        return fits;
    }

    /** @return the object written, braces included */
    byte[] bytes() {
        byte[] object = Objects.requireNonNull(out, "a measuring writer holds no bytes");
        object[0] = '{';
        object[object.length - 1] = '}';
        return object;
    }

    AsciiJson string(String name, String value) {
        name(name);
        quoted(value);
        return this;
    }

    AsciiJson number(String name, int value) {
        name(name);
        String digits = Integer.toString(value);
        for (int i = 0; i < digits.length(); i++) {
            put(digits.charAt(i));
        }
        return this;
    }

    AsciiJson bool(String name, boolean value) {
        name(name);
        String literal = value ? "true" : "false";
        for (int i = 0; i < literal.length(); i++) {
            put(literal.charAt(i));
        }
        return this;
    }

    private void name(String name) {
        if (!first) {
            put(',');
        }
        first = false;
        quoted(name);
        put(':');
    }

    private void quoted(String text) {
        put('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                fits = false;
                return;
            }
            if (c == '"' || c == '\\') {
                put('\\');
            }
            put(c);
        }
        put('"');
    }

    /** Writes after the opening brace; counts only, when measuring. */
    private void put(char c) {
        if (out != null) {
            out[size + 1] = (byte) c;
        }
        size++;
    }
}
