package net.mittoapi.sms;

/**
 * Where requests go: the API's default endpoint or one of its geo-resolved sending endpoints.
 *
 * <p>Geo endpoints serve sending only ({@code /sms} and {@code /smsbulk}). Usage and conversion calls
 * always go to {@link #DEFAULT}'s base URL, whatever region the client was built with, unless
 * {@link MittoClient.Builder#baseUrl(String)} overrides every call. Pick the region nearest to the
 * recipients.
 */
public enum Region {

    /** The default endpoint, {@code https://rest.mittoapi.net}; serves every call. */
    DEFAULT("https://rest.mittoapi.net"),

    /** Frankfurt, Germany: {@code https://rest-fra.mittoapi.net}; sending only. */
    FRANKFURT("https://rest-fra.mittoapi.net"),

    /** Singapore: {@code https://rest-sgp.mittoapi.net}; sending only. */
    SINGAPORE("https://rest-sgp.mittoapi.net"),

    /** Hong Kong: {@code https://rest-hkg.mittoapi.net}; sending only. */
    HONG_KONG("https://rest-hkg.mittoapi.net"),

    /** United States (east): {@code https://rest-useast.mittoapi.net}; sending only. */
    US_EAST("https://rest-useast.mittoapi.net");

    private final String baseUrl;

    Region(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** @return the region's base URL, such as {@code https://rest-fra.mittoapi.net}, without a trailing slash */
    public String baseUrl() {
        return baseUrl;
    }
}
