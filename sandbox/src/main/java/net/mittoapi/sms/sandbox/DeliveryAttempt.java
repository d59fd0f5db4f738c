package net.mittoapi.sms.sandbox;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One delivery report {@link MittoSandbox} tried to deliver to a callback URL, and how that went.
 * Immutable.
 */
public final class DeliveryAttempt {

    private final String messageId;
    private final CallbackMethod method;
    private final String url;
    private final @Nullable String body;
    private final int status;
    private final @Nullable String error;
    private final Instant attemptedAt;

    DeliveryAttempt(String messageId, CallbackMethod method, String url, @Nullable String body, int status,
            @Nullable String error, Instant attemptedAt) {
        this.messageId = messageId;
        this.method = method;
        this.url = url;
        this.body = body;
        this.status = status;
        this.error = error;
        this.attemptedAt = attemptedAt;
    }

    /** @return the id of the message the report is about */
    public String messageId() {
        return messageId;
    }

    /** @return how the report was sent */
    public CallbackMethod method() {
        return method;
    }

    /** @return the URL requested: for {@link CallbackMethod#GET}, with the report's query string */
    public String url() {
        return url;
    }

    /** @return the JSON body, for {@link CallbackMethod#POST} */
    public Optional<String> body() {
        return Optional.ofNullable(body);
    }

    /** @return the HTTP status the callback answered with, or -1 when there was no answer */
    public int status() {
        return status;
    }

    /** @return whether the callback answered with a 2xx status */
    public boolean delivered() {
        return status >= 200 && status < 300;
    }

    /**
     * @return why there was no answer: {@code no answer: …} when the callback was called and the connection
     *         failed or timed out, {@code not delivered: …} when it was not called at all (the URL was not usable,
     *         the host was not on loopback while remote callbacks are off, the sandbox was closing)
     */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /** @return when the attempt finished, by the sandbox's clock */
    public Instant attemptedAt() {
        return attemptedAt;
    }

    /** @return such as {@code DeliveryAttempt[GET http://127.0.0.1:9000/dlr?ID=… for 7d35… -> HTTP 200]} */
    @Override
    public String toString() {
        return "DeliveryAttempt[" + method + " " + url + " for " + messageId + " -> "
                + (status >= 0 ? "HTTP " + status : error != null ? error : "no answer") + "]";
    }
}
