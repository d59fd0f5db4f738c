package net.mittoapi.sms.internal.validation;

import java.time.Duration;
import net.mittoapi.sms.MittoValidationException;
import net.mittoapi.sms.internal.http.LoopbackPolicy;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The checks {@code MittoClient.Builder.build()} makes on a client's settings. Each failure is a
 * {@link MittoValidationException} whose message names the setting, what was wrong and what to do, and never
 * contains the API key nor a base URL's password.
 */
public final class BuilderValidation {

    /** The most retries {@code maxRetries} accepts. */
    public static final int MAX_RETRIES_LIMIT = 10;
    /** The longest timeout or retry wait: what OkHttp's millisecond timeouts can hold. */
    static final Duration MAX_DURATION = Duration.ofMillis(Integer.MAX_VALUE);

    private BuilderValidation() {
    }

    /**
     * @param apiKey the key as given
     * @return the key without surrounding whitespace
     * @throws MittoValidationException when it is missing, blank, or not printable ASCII (it could not be a header)
     */
    public static String apiKey(@Nullable String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new MittoValidationException("apiKey must be set to the API key of your Mitto account; it is "
                    + (apiKey == null ? "not set" : "blank") + ". Pass it to apiKey(...), or use"
                    + " MittoClient.fromEnv() with MITTO_API_KEY");
        }
        String key = apiKey.strip();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new MittoValidationException("apiKey must be printable ASCII without spaces, as the"
                        + " keys Mitto issues are; it has a character that is not (code " + (int) c
                        + " at position " + (i + 1) + " of " + key.length() + "). Copy the key again");
            }
        }
        return key;
    }

    /**
     * @param value the base URL as given
     * @return it parsed
     * @throws MittoValidationException when it is no absolute http(s) URL, has a query, fragment or user info, or
     *                                  is plain http to a host that is not loopback by itself ({@link LoopbackPolicy})
     */
    public static HttpUrl baseUrl(String value) {
        HttpUrl url = HttpUrl.parse(value.strip());
        if (url == null) {
            throw new MittoValidationException("baseUrl must be an absolute http or https URL such as"
                    + " https://rest.mittoapi.net; got " + Validation.show(value));
        }
        if (url.query() != null || url.fragment() != null || !url.username().isEmpty()
                || !url.password().isEmpty()) {
            throw new MittoValidationException("baseUrl must have no query, fragment, user name or password;"
                    + " got " + Validation.show(url.redact()));
        }
        if (!LoopbackPolicy.permits(url)) {
            throw new MittoValidationException("baseUrl must use https, since the API key travels with every"
                    + " call; plain http is accepted only for a literal loopback address (127.0.0.0/8 in"
                    + " dotted decimal such as 127.0.0.1, or [::1]) or exactly localhost, such as the"
                    + " sandbox; got " + Validation.show(value));
        }
        return url;
    }

    /**
     * @param name    the setting, such as {@code readTimeout}
     * @param timeout its value
     * @throws MittoValidationException unless zero (no timeout) or positive and at most {@link #MAX_DURATION}
     */
    public static void timeout(String name, @Nullable Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.compareTo(MAX_DURATION) > 0) {
            throw new MittoValidationException(name + " must be zero (no timeout) or a positive duration of"
                    + " at most " + MAX_DURATION.toMillis() + " ms; got " + timeout);
        }
    }

    /**
     * @param maxRetries how many retries
     * @throws MittoValidationException unless between 0 and {@value #MAX_RETRIES_LIMIT}
     */
    public static void maxRetries(int maxRetries) {
        if (maxRetries < 0 || maxRetries > MAX_RETRIES_LIMIT) {
            throw new MittoValidationException("maxRetries must be between 0 and " + MAX_RETRIES_LIMIT
                    + "; got " + maxRetries);
        }
    }

    /**
     * @param base the backoff ceiling after the first failure
     * @param cap  the longest wait
     * @throws MittoValidationException unless {@code 0 <= base <= cap <= } {@link #MAX_DURATION}
     */
    public static void retryBackoff(@Nullable Duration base, @Nullable Duration cap) {
        if (base == null || cap == null || base.isNegative() || cap.compareTo(base) < 0
                || cap.compareTo(MAX_DURATION) > 0) {
            throw new MittoValidationException("retryBackoff must have a base of zero or more and a cap no"
                    + " shorter than the base and no longer than " + MAX_DURATION.toMillis() + " ms; got base "
                    + base + " and cap " + cap);
        }
    }
}
