package net.mittoapi.sms;

import org.jspecify.annotations.Nullable;

/**
 * Bad input, caught before anything was sent: a request that fails validation in {@code build()}, a
 * client misconfigured in {@code MittoClient.Builder.build()}, or a webhook payload that cannot be read.
 * The message names the field, the rule and the offending value.
 */
public final class MittoValidationException extends MittoException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message names the field, the rule and the offending value
     */
    public MittoValidationException(String message) {
        super(message, null);
    }

    /**
     * @param message names the field, the rule and the offending value
     * @param cause   the underlying failure, such as a parse error, or {@code null}
     */
    public MittoValidationException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
