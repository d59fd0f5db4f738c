package net.mittoapi.sms;

import org.jspecify.annotations.Nullable;

/**
 * The server refused the API key (HTTP 401): it is missing, wrong or revoked. Check the key given to
 * {@code MittoClient.builder().apiKey(...)} or the {@code MITTO_API_KEY} environment variable. The key
 * itself is never part of this exception.
 */
public final class MittoAuthenticationException extends MittoApiException {

    private static final long serialVersionUID = 1L;

    /**
     * @param responseText the body's {@code responseText}, or {@code null}
     * @param body         the raw body as received, or {@code null}
     */
    public MittoAuthenticationException(@Nullable String responseText, @Nullable String body) {
        this(-1, responseText, body);
    }

    /**
     * @param responseCode the body's {@code responseCode}, or -1 when it had none
     * @param responseText the body's {@code responseText}, or {@code null}
     * @param body         the raw body as received, or {@code null}
     */
    public MittoAuthenticationException(int responseCode, @Nullable String responseText, @Nullable String body) {
        super("Mitto API answered HTTP 401: the API key is missing or not valid;"
                + " check the key given to MittoClient.builder().apiKey(...) or MITTO_API_KEY",
                401, responseCode, responseText, body, null);
    }
}
