package net.mittoapi.sms;

import org.jspecify.annotations.Nullable;

/**
 * No usable answer: the connection failed, the call timed out, or the body could not be read.
 *
 * <p>{@link #maybeDelivered()} says whether the request may have reached the server. When it is
 * {@code true} (a read timeout, a connection reset after the request was written, an unreadable answer),
 * the message may have been sent: the API has no idempotency key, so sending again may send twice.
 */
public final class MittoTransportException extends MittoException {

    private static final long serialVersionUID = 1L;

    /** Whether the request may have reached the server. */
    private final boolean maybeDelivered;

    /**
     * @param message        what failed
     * @param maybeDelivered whether the request may have reached the server
     * @param cause          the underlying failure, or {@code null}
     */
    public MittoTransportException(String message, boolean maybeDelivered, @Nullable Throwable cause) {
        super(message, cause);
        this.maybeDelivered = maybeDelivered;
    }

    /**
     * @return {@code true} when the request may have reached the server (so a send may have happened),
     *         {@code false} when it certainly did not
     */
    public boolean maybeDelivered() {
        return maybeDelivered;
    }
}
