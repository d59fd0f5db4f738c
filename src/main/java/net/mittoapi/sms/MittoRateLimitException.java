package net.mittoapi.sms;

import java.time.Duration;
import java.util.Optional;

/**
 * The server asked the client to slow down (HTTP 429). When the SDK's own retries are spent or turned
 * off, or the server asked for a longer wait than the client's retry cap, this reaches the caller with
 * the wait the server asked for, if it named one.
 */
public final class MittoRateLimitException extends MittoApiException {

    private static final long serialVersionUID = 1L;

    /** The wait named by {@code Retry-After}, or {@code null}. */
    private final Duration retryAfter;

    /**
     * @param responseText the body's {@code responseText}, or {@code null}
     * @param body         the raw body as received, or {@code null}
     * @param retryAfter   the wait named by the {@code Retry-After} header, or {@code null} when absent
     */
    public MittoRateLimitException(String responseText, String body, Duration retryAfter) {
        this(-1, responseText, body, retryAfter);
    }

    /**
     * @param responseCode the body's {@code responseCode}, or -1 when it had none
     * @param responseText the body's {@code responseText}, or {@code null}
     * @param body         the raw body as received, or {@code null}
     * @param retryAfter   the wait named by the {@code Retry-After} header, or {@code null} when absent
     */
    public MittoRateLimitException(int responseCode, String responseText, String body, Duration retryAfter) {
        super("Mitto API answered HTTP 429 (too many requests)"
                + (retryAfter != null ? "; it asked to retry after " + describe(retryAfter) : ""),
                429, responseCode, responseText, body);
        this.retryAfter = retryAfter;
    }

    /** @return the wait the server named in {@code Retry-After}, or empty when it named none */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Milliseconds, or seconds for a wait too long to count in milliseconds (a server may send any number). */
    private static String describe(Duration wait) {
        try {
            return wait.toMillis() + " ms";
        } catch (ArithmeticException tooLong) {
            return wait.getSeconds() + " s";
        }
    }
}
