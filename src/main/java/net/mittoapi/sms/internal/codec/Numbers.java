package net.mittoapi.sms.internal.codec;

import java.math.BigDecimal;

/**
 * The one place that reads numbers arriving from outside (the API's answers, delivery reports, inbound
 * messages) into {@link BigDecimal}, within bounds that no real value comes near.
 *
 * <p>Unbounded, a number is an attack: {@code new BigDecimal(String)} is quadratic in the number of digits
 * (a million digits take seconds), and a short text such as {@code 1e999999999} is a value whose
 * {@code toPlainString()} needs a gigabyte, while {@code 1e2147483647} cannot be represented at all. The
 * API's numbers are counts, lengths, codes and prices: a few dozen digits at most, with a small scale. So a
 * text longer than {@value #MAX_CHARS} characters is refused before it is parsed, and a value whose scale
 * (digits after the point, negative for powers of ten) lies outside {@code ±}{@value #MAX_SCALE} is
 * refused after, as is a number whose exponent does not even fit an {@code int} ({@code 1e9999999999}).
 * Each of these refusals is an {@link OutOfBounds} (a {@link NumberFormatException}) whose message says
 * which bound was broken; a text that is no number at all is a plain {@link NumberFormatException} with the
 * message {@code "not a number"}. Callers turn either into their own {@code MittoException}, and may treat
 * the two differently (a tolerant reader keeps an unreadable value as text, but refuses a hostile one).
 */
public final class Numbers {

    /** The longest numeric text read, sign, point and exponent included. */
    public static final int MAX_CHARS = 64;
    /** The largest scale, either way, of a value read: at most this many digits after the point, or a power of ten up to this. */
    public static final int MAX_SCALE = 64;

    private Numbers() {
    }

    /**
     * Reads a decimal number written as text, surrounding white space allowed.
     *
     * @param text the text, not {@code null}
     * @return its value, within the bounds
     * @throws OutOfBounds          when it is longer than {@value #MAX_CHARS} characters (after stripping), or
     *                               its scale or exponent is out of bounds; the message says which
     * @throws NumberFormatException when it is not a number, with the message {@code "not a number"}
     */
    public static BigDecimal decimal(String text) {
        String stripped = text.strip();
        if (stripped.length() > MAX_CHARS) {
            throw new OutOfBounds("a number of " + stripped.length() + " characters, longer than the "
                    + MAX_CHARS + " any real value needs");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(stripped);
        } catch (NumberFormatException | ArithmeticException e) {
            if (hasHugeExponent(stripped)) {
                throw new OutOfBounds("a number whose exponent is beyond the ±" + MAX_SCALE + " any real value needs");
            }
            throw new NumberFormatException("not a number");
        }
        return bounded(value);
    }

    /**
     * Whether a text {@code BigDecimal} refused is a well-formed number whose exponent overflows an
     * {@code int}: a mantissa {@code BigDecimal} reads, then {@code e} and a signed run of digits. The text is
     * at most {@value #MAX_CHARS} characters, so reading the mantissa again costs nothing.
     */
    private static boolean hasHugeExponent(String text) {
        int e = 0;
        while (e < text.length() && text.charAt(e) != 'e' && text.charAt(e) != 'E') {
            e++;
        }
        if (e == 0 || e >= text.length() - 1) {
            return false;
        }
        int digits = text.charAt(e + 1) == '+' || text.charAt(e + 1) == '-' ? e + 2 : e + 1;
        if (digits == text.length()) {
            return false;
        }
        for (int i = digits; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        try {
            new BigDecimal(text.substring(0, e));
            return true;
        } catch (NumberFormatException notAMantissa) {
            return false;
        }
    }

    /**
     * Checks the scale of a value parsed elsewhere (by Jackson, say).
     *
     * @param value the value, not {@code null}
     * @return the same value
     * @throws OutOfBounds when its scale lies outside {@code ±}{@value #MAX_SCALE}
     */
    public static BigDecimal bounded(BigDecimal value) {
        int scale = value.scale();
        if (scale > MAX_SCALE || scale < -MAX_SCALE) {
            throw new OutOfBounds("a number whose scale (" + scale + ") is beyond the ±" + MAX_SCALE
                    + " any real value needs");
        }
        return value;
    }

    /**
     * A number refused for its size (too many characters, or a scale or exponent out of bounds) rather than
     * for not being a number: no real value looks like this, so a reader that tolerates unreadable text may
     * still refuse this.
     */
    public static final class OutOfBounds extends NumberFormatException {

        private static final long serialVersionUID = 1L;

        OutOfBounds(String message) {
            super(message);
        }
    }
}
