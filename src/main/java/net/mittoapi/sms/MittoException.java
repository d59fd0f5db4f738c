package net.mittoapi.sms;

import org.jspecify.annotations.Nullable;

/**
 * The root of every failure the SDK throws. Unchecked: catch this type to handle all of them, or one of
 * its subclasses to handle one kind.
 *
 * <ul>
 *   <li>{@link MittoValidationException}: bad input, caught before anything is sent;</li>
 *   <li>{@link MittoApiException}: the server answered with an error;</li>
 *   <li>{@link MittoTransportException}: no usable answer (connection, timeout, unreadable body).</li>
 * </ul>
 */
public abstract sealed class MittoException extends RuntimeException
        permits MittoValidationException, MittoApiException, MittoTransportException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and, where it helps, what to do about it
     * @param cause   the underlying failure, or {@code null}
     */
    protected MittoException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
