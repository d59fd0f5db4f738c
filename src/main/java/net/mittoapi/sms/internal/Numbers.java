package net.mittoapi.sms.internal;

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
 * refused after. Both refusals are a {@link NumberFormatException} whose message says which bound was
 * broken; callers turn it into their own {@code MittoException}.
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
     * @throws NumberFormatException when it is not a number, is longer than {@value #MAX_CHARS} characters
     *                               (after stripping), or its scale is out of bounds; the message says which
     */
    public static BigDecimal decimal(String text) {
        String stripped = text.strip();
        if (stripped.length() > MAX_CHARS) {
            throw new NumberFormatException("a number of " + stripped.length() + " characters, longer than the "
                    + MAX_CHARS + " any real value needs");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(stripped);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new NumberFormatException("not a number");
        }
        return bounded(value);
    }

    /**
     * Checks the scale of a value parsed elsewhere (by Jackson, say).
     *
     * @param value the value, not {@code null}
     * @return the same value
     * @throws NumberFormatException when its scale lies outside {@code ±}{@value #MAX_SCALE}
     */
    public static BigDecimal bounded(BigDecimal value) {
        int scale = value.scale();
        if (scale > MAX_SCALE || scale < -MAX_SCALE) {
            throw new NumberFormatException("a number whose scale (" + scale + ") is beyond the ±" + MAX_SCALE
                    + " any real value needs");
        }
        return value;
    }
}
