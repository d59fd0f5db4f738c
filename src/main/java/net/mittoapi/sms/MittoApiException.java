package net.mittoapi.sms;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The server answered, and the answer was an error: an HTTP status of 400 or above, or a
 * {@code responseCode} other than 0 (which the API may send even with HTTP 200).
 *
 * <p>Keeps what the server said: the HTTP status, the {@code responseCode} and {@code responseText} from
 * the body when it had them, the raw body itself (truncated to a few kilobytes), and the wait it asked for
 * in {@code Retry-After} (a 429 or 503 may name one).
 */
public sealed class MittoApiException extends MittoException
        permits MittoAuthenticationException, MittoRateLimitException {

    private static final long serialVersionUID = 1L;

    /** The largest raw body kept, in characters; longer bodies are truncated. */
    public static final int MAX_BODY_CHARS = 4096;

    /** The HTTP status of the answer. */
    private final int httpStatus;
    /** The body's {@code responseCode}, or -1. */
    private final int responseCode;
    /** The body's {@code responseText}, or {@code null}. */
    private final @Nullable String responseText;
    /** The raw body, truncated, or {@code null}. */
    private final @Nullable String body;
    /** The wait named by {@code Retry-After}, or {@code null}. */
    private final @Nullable Duration retryAfter;

    /**
     * @param httpStatus   the HTTP status of the answer
     * @param responseCode the body's {@code responseCode}, or -1 when it had none
     * @param responseText the body's {@code responseText}, or {@code null} when it had none
     * @param body         the raw body as received, or {@code null}; truncated to {@link #MAX_BODY_CHARS}
     */
    public MittoApiException(int httpStatus, int responseCode, @Nullable String responseText, @Nullable String body) {
        this(httpStatus, responseCode, responseText, body, null);
    }

    /**
     * @param httpStatus   the HTTP status of the answer
     * @param responseCode the body's {@code responseCode}, or -1 when it had none
     * @param responseText the body's {@code responseText}, or {@code null} when it had none
     * @param body         the raw body as received, or {@code null}; truncated to {@link #MAX_BODY_CHARS}
     * @param retryAfter   the wait named by the answer's {@code Retry-After} header, or {@code null}
     */
    public MittoApiException(int httpStatus, int responseCode, @Nullable String responseText, @Nullable String body,
            @Nullable Duration retryAfter) {
        this(describe(httpStatus, responseCode, responseText, body)
                + (retryAfter != null ? "; it asked to retry after " + describe(retryAfter) : ""),
                httpStatus, responseCode, responseText, body, retryAfter);
    }

    /**
     * For subclasses that phrase their own message.
     *
     * @param message      the exception's message
     * @param httpStatus   the HTTP status of the answer
     * @param responseCode the body's {@code responseCode}, or -1 when it had none
     * @param responseText the body's {@code responseText}, or {@code null} when it had none
     * @param body         the raw body as received, or {@code null}; truncated to {@link #MAX_BODY_CHARS}
     * @param retryAfter   the wait named by the answer's {@code Retry-After} header, or {@code null}
     */
    protected MittoApiException(String message, int httpStatus, int responseCode, @Nullable String responseText,
            @Nullable String body, @Nullable Duration retryAfter) {
        super(message, null);
        this.httpStatus = httpStatus;
        this.responseCode = responseCode;
        this.responseText = responseText;
        this.body = truncate(body);
        this.retryAfter = retryAfter;
    }

    /** @return the HTTP status of the answer, such as 200, 400 or 500 */
    public int httpStatus() {
        return httpStatus;
    }

    /** @return the body's {@code responseCode}, or -1 when the body had none */
    public int responseCode() {
        return responseCode;
    }

    /**
     * The body's {@code responseCode} as a constant, for a {@code switch} or a comparison.
     *
     * @return the matching {@link ResponseCode}, or {@link ResponseCode#UNKNOWN} when the code is not one
     *         the API documents or the body had none ({@link #responseCode()} still has the number)
     */
    public ResponseCode code() {
        return ResponseCode.of(responseCode);
    }

    /** @return the body's {@code responseText}, or {@code null} when the body had none */
    public @Nullable String responseText() {
        return responseText;
    }

    /** @return the raw body as received (truncated to {@link #MAX_BODY_CHARS}), or {@code null} */
    public @Nullable String body() {
        return body;
    }

    /**
     * @return the wait the server asked for in {@code Retry-After} (a 429 or 503 may name one), or empty.
     *         It reaches the caller when the SDK's retries are spent or off, or when the wait is longer than
     *         the client's retry cap.
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    static String describe(int httpStatus, int responseCode, @Nullable String responseText, @Nullable String body) {
        StringBuilder message = new StringBuilder("Mitto API answered HTTP ").append(httpStatus);
        if (responseCode >= 0) {
            message.append(", responseCode ").append(responseCode);
        }
        if (responseText != null && !responseText.isBlank()) {
            message.append(": ").append(truncate(responseText, 200));
        } else if (body != null && !body.isBlank()) {
            message.append(": ").append(truncate(body.strip(), 200));
        }
        return message.toString();
    }

    /** Milliseconds, or seconds for a wait too long to count in milliseconds (a server may send any number). */
    static String describe(Duration wait) {
        try {
            return wait.toMillis() + " ms";
        } catch (ArithmeticException tooLong) {
            return wait.getSeconds() + " s";
        }
    }

    private static @Nullable String truncate(@Nullable String body) {
        return body == null ? null : truncate(body, MAX_BODY_CHARS);
    }

    private static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "…[truncated]";
    }
}
