package net.mittoapi.sms;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The server asked the client to slow down (HTTP 429). When the SDK's own retries are spent or turned
 * off, or the server asked for a longer wait than the client's retry cap, this reaches the caller with
 * the wait the server asked for, if it named one ({@link #retryAfter()}).
 */
public final class MittoRateLimitException extends MittoApiException {

    private static final long serialVersionUID = 1L;

    /**
     * @param responseText the body's {@code responseText}, or {@code null}
     * @param body         the raw body as received, or {@code null}
     * @param retryAfter   the wait named by the {@code Retry-After} header, or {@code null} when absent
     */
    public MittoRateLimitException(@Nullable String responseText, @Nullable String body,
            @Nullable Duration retryAfter) {
        this(-1, responseText, body, retryAfter);
    }

    /**
     * @param responseCode the body's {@code responseCode}, or -1 when it had none
     * @param responseText the body's {@code responseText}, or {@code null}
     * @param body         the raw body as received, or {@code null}
     * @param retryAfter   the wait named by the {@code Retry-After} header, or {@code null} when absent
     */
    public MittoRateLimitException(int responseCode, @Nullable String responseText, @Nullable String body,
            @Nullable Duration retryAfter) {
        super("Mitto API answered HTTP 429 (too many requests)"
                + (retryAfter != null ? "; it asked to retry after " + describe(retryAfter) : ""),
                429, responseCode, responseText, body, retryAfter);
    }
}
