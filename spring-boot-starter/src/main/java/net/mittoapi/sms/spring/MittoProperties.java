package net.mittoapi.sms.spring;

import java.time.Duration;
import net.mittoapi.sms.Format;
import net.mittoapi.sms.Region;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * The {@code mitto.*} properties: the client's settings, the delivery-report endpoint and the sandbox.
 *
 * <p>Unset values take the SDK's defaults ({@link net.mittoapi.sms.MittoClient.Builder}). The API key and the
 * base URL are never read from the SDK's own environment variables {@code MITTO_API_KEY} and
 * {@code MITTO_BASE_URL} (which Spring's relaxed binding would otherwise map to {@code mitto.api-key} and
 * {@code mitto.base-url}): an application uses them only by saying so, as in
 * {@code mitto.api-key=${MITTO_API_KEY}}. Spring's own environment form, {@code MITTO_APIKEY}, is read as usual.
 */
@ConfigurationProperties(prefix = "mitto")
public class MittoProperties implements EnvironmentAware, InitializingBean {

    /**
     * The API key of the Mitto account. The starter creates a MittoClient bean only when it is set (or when
     * mitto.sandbox.enabled is true). Never read from the SDK's MITTO_API_KEY environment variable on its own:
     * write mitto.api-key=${MITTO_API_KEY} to use it.
     */
    private String apiKey;

    /**
     * Where messages are sent: DEFAULT, FRANKFURT, SINGAPORE, HONG_KONG or US_EAST (any case). Geo regions
     * serve /sms and /smsbulk; usage and conversion calls go to the default endpoint. Default: DEFAULT.
     */
    private Region region;

    /**
     * A base URL for every call, winning over mitto.region: a proxy or a test server. Must be https except
     * for loopback hosts. Never read from the SDK's MITTO_BASE_URL environment variable on its own.
     */
    private String baseUrl;

    /** The wire format of the API's answers: JSON or XML (XML needs jackson-dataformat-xml). Default: JSON. */
    private Format format;

    /** How long to wait for a connection, such as 5s or 500ms; 0 for no limit. Default: 10s. */
    private Duration connectTimeout;

    /** How long to wait for each read of an answer; 0 for no limit. A read timeout is never retried. Default: 30s. */
    private Duration readTimeout;

    /** How long to wait for each write of a request; 0 for no limit. Default: 30s. */
    private Duration writeTimeout;

    /** The limit for one attempt as a whole (connection, request and answer); 0 for no limit. Default: 60s. */
    private Duration callTimeout;

    /**
     * How many times a call is retried when it certainly was not processed (a connection that failed before
     * the request was written, a 429 or 503 answer); 0 to 10, 0 turns retries off. Default: 2.
     */
    private Integer maxRetries;

    /**
     * A cap on the SMS parts of every message the client sends whose request sets no cap of its own
     * ({@code MittoClient.Builder.maxParts}): a send of a text that needs more is refused before anything is sent,
     * with a MittoValidationException. 1 or more. Default: none.
     */
    private Integer maxParts;

    /** The delivery-report and inbound-SMS endpoint. */
    private final Webhook webhook = new Webhook();

    /** The in-process sandbox of the API, for local development and tests. */
    private final Sandbox sandbox = new Sandbox();

    private Environment environment;

    /** Creates the properties with nothing set. */
    public MittoProperties() {
    }

    /** @return the API key, or {@code null} when not set */
    public String getApiKey() {
        return apiKey;
    }

    /** @param apiKey the API key of the Mitto account */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    /** @return the region, or {@code null} for the SDK's default */
    public Region getRegion() {
        return region;
    }

    /** @param region where messages are sent */
    public void setRegion(Region region) {
        this.region = region;
    }

    /** @return the base URL, or {@code null} for the region's */
    public String getBaseUrl() {
        return baseUrl;
    }

    /** @param baseUrl a base URL for every call, winning over the region */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** @return the wire format, or {@code null} for the SDK's default */
    public Format getFormat() {
        return format;
    }

    /** @param format the wire format of answers */
    public void setFormat(Format format) {
        this.format = format;
    }

    /** @return the connect timeout, or {@code null} for the SDK's default */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /** @param connectTimeout how long to wait for a connection */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** @return the read timeout, or {@code null} for the SDK's default */
    public Duration getReadTimeout() {
        return readTimeout;
    }

    /** @param readTimeout how long to wait for each read */
    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /** @return the write timeout, or {@code null} for the SDK's default */
    public Duration getWriteTimeout() {
        return writeTimeout;
    }

    /** @param writeTimeout how long to wait for each write */
    public void setWriteTimeout(Duration writeTimeout) {
        this.writeTimeout = writeTimeout;
    }

    /** @return the call timeout, or {@code null} for the SDK's default */
    public Duration getCallTimeout() {
        return callTimeout;
    }

    /** @param callTimeout the limit for one attempt as a whole */
    public void setCallTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    /** @return the retries allowed, or {@code null} for the SDK's default */
    public Integer getMaxRetries() {
        return maxRetries;
    }

    /** @param maxRetries how many times a call that certainly was not processed may be retried */
    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    /** @return the client's cap on the parts of a message, or {@code null} for none */
    public Integer getMaxParts() {
        return maxParts;
    }

    /** @param maxParts the cap on the parts of every message whose request has none of its own */
    public void setMaxParts(Integer maxParts) {
        this.maxParts = maxParts;
    }

    /** @return the endpoint's settings */
    public Webhook getWebhook() {
        return webhook;
    }

    /** @return the sandbox's settings */
    public Sandbox getSandbox() {
        return sandbox;
    }

    /**
     * Receives the environment the properties were bound from.
     *
     * @param environment the application's environment
     */
    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    /**
     * Replaces the API key and base URL that binding took from the SDK's own environment variables by the
     * values of the application's other property sources (or nothing).
     *
     * @throws UnresolvedPlaceholderException when either holds a placeholder that nothing resolves, such as
     *                                        {@code ${MITTO_API_KEY}} with the variable unset (unless the sandbox
     *                                        is enabled, which needs neither)
     */
    @Override
    public void afterPropertiesSet() {
        if (environment != null) {
            try {
                apiKey = ExplicitProperties.apiKey(environment);
                baseUrl = ExplicitProperties.baseUrl(environment);
            } catch (UnresolvedPlaceholderException e) {
                if (!sandbox.isEnabled()) {
                    throw e;
                }
                apiKey = null; // the sandbox's client takes the sandbox's key and address: neither is needed
                baseUrl = null;
            }
        }
    }

    /** @return the settings, never the API key or the webhook token */
    @Override
    public String toString() {
        return "MittoProperties{apiKey=" + (apiKey == null ? "unset" : "set (redacted)") + ", region=" + region
                + ", baseUrl=" + baseUrl + ", format=" + format + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", writeTimeout=" + writeTimeout + ", callTimeout=" + callTimeout
                + ", maxRetries=" + maxRetries + ", maxParts=" + maxParts + ", webhook=" + webhook + ", sandbox=" + sandbox + "}";
    }

    /** The {@code mitto.webhook.*} properties. */
    public static class Webhook {

        /**
         * The path of the delivery-report endpoint, such as /mitto/reports, relative to the application's
         * context path. Setting it turns the endpoint on (in a Spring MVC application): it takes Mitto's GET
         * (report in the query) and POST (JSON or form body, in the charset its Content-Type declares, UTF-8 when
         * none; a form's fields are the query's and the body's, the query's value winning for a name in both)
         * callbacks and publishes each report as a MittoDeliveryReportEvent.
         */
        private String path;

        /**
         * The path of the inbound-SMS endpoint (2-way SMS forwards), such as /mitto/inbound; each message is
         * published as a MittoInboundSmsEvent. Off when not set.
         */
        private String inboundPath;

        /**
         * A shared secret that every callback must carry as the query parameter token (?token=...), on GET and
         * POST alike, since Mitto's callbacks are not signed; a request without it or with another value is
         * answered 401 (and warned at most once a minute). Put it in the callback URL given to Mitto. Strongly
         * recommended in production: without it the endpoint believes anyone who finds its URL, and says so at
         * startup.
         */
        private String token;

        /** The largest callback body accepted; a larger one is answered 413. Default: 64KB. */
        private DataSize maxBodySize = DataSize.ofKilobytes(64);

        /** How the delivery-report endpoint publishes each report once, although Mitto may send it again. */
        private final Deduplication deduplication = new Deduplication();

        /** Creates the settings with nothing set. */
        public Webhook() {
        }

        /** @return the delivery-report path, or {@code null} when the endpoint is off */
        public String getPath() {
            return path;
        }

        /** @param path the delivery-report path, such as {@code /mitto/reports} */
        public void setPath(String path) {
            this.path = path;
        }

        /** @return the inbound-SMS path, or {@code null} when that endpoint is off */
        public String getInboundPath() {
            return inboundPath;
        }

        /** @param inboundPath the inbound-SMS path, such as {@code /mitto/inbound} */
        public void setInboundPath(String inboundPath) {
            this.inboundPath = inboundPath;
        }

        /** @return the token callbacks must carry, or {@code null} for none */
        public String getToken() {
            return token;
        }

        /** @param token the token callbacks must carry as the query parameter {@code token} */
        public void setToken(String token) {
            this.token = token;
        }

        /** @return the largest body accepted */
        public DataSize getMaxBodySize() {
            return maxBodySize;
        }

        /** @param maxBodySize the largest body accepted */
        public void setMaxBodySize(DataSize maxBodySize) {
            this.maxBodySize = maxBodySize;
        }

        /** @return the deduplication's settings */
        public Deduplication getDeduplication() {
            return deduplication;
        }

        /** @return the settings, never the token */
        @Override
        public String toString() {
            return "Webhook{path=" + path + ", inboundPath=" + inboundPath + ", token="
                    + (token == null ? "unset" : "set (redacted)") + ", maxBodySize=" + maxBodySize
                    + ", deduplication=" + deduplication + "}";
        }
    }

    /** The {@code mitto.webhook.deduplication.*} properties. */
    public static class Deduplication {

        /**
         * Whether the delivery-report endpoint publishes each report once per message id and status within the
         * window: a copy of a published report (Mitto sends one again when it got no 2xx answer in time) is
         * answered 200 without being published, a copy arriving while the first is being published is answered
         * 503 (Mitto tries again), and a report whose listener failed (answered 500) is published again when
         * Mitto retries. Inbound SMS are not deduplicated. Default: true.
         */
        private boolean enabled = true;

        /**
         * How long a published report is remembered, such as 24h or 30m: copies arriving later are published
         * again. Default: 24h.
         */
        private Duration window = Duration.ofHours(24);

        /**
         * The name of a cache of the application's Spring CacheManager in which to remember reports, so that
         * every instance of the application sharing that cache (Hazelcast, Redis, Infinispan, ...) publishes a
         * report once between them. The cache's putIfAbsent must be atomic across instances; give it a time-to-live
         * of at least the window. Not set: each instance remembers reports in its own memory (see max-entries).
         */
        private String cache;

        /**
         * The most reports the in-memory store remembers (about 100 bytes each): when more distinct reports arrive
         * within the window, the oldest are forgotten first. Unused with mitto.webhook.deduplication.cache.
         * Default: 100000 (about 10 MB).
         */
        private int maxEntries = 100_000;

        /** Creates the settings with the defaults. */
        public Deduplication() {
        }

        /** @return whether reports are deduplicated */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether reports are deduplicated */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return how long a published report is remembered */
        public Duration getWindow() {
            return window;
        }

        /** @param window how long a published report is remembered */
        public void setWindow(Duration window) {
            this.window = window;
        }

        /** @return the name of the application's cache to remember reports in, or {@code null} for local memory */
        public String getCache() {
            return cache;
        }

        /** @param cache the name of a cache of the application's CacheManager */
        public void setCache(String cache) {
            this.cache = cache;
        }

        /** @return the most reports the in-memory store remembers */
        public int getMaxEntries() {
            return maxEntries;
        }

        /** @param maxEntries the most reports the in-memory store remembers */
        public void setMaxEntries(int maxEntries) {
            this.maxEntries = maxEntries;
        }

        /** @return the settings */
        @Override
        public String toString() {
            return "Deduplication{enabled=" + enabled + ", window=" + window + ", cache=" + cache + ", maxEntries="
                    + maxEntries + "}";
        }
    }

    /**
     * How the sandbox sends delivery reports: the sandbox's own {@code CallbackMethod}, mirrored here so that the
     * properties bind without the sandbox's artifact, which the starter needs only when the sandbox is enabled.
     */
    public enum CallbackMethod {
        /** The report in the callback URL's query. */
        GET,
        /** The report as a JSON body. */
        POST
    }

    /** The {@code mitto.sandbox.*} properties. */
    public static class Sandbox {

        /**
         * Whether to start the SDK's sandbox of the Mitto API in the application (on loopback) and point the
         * auto-configured MittoClient at it, with the sandbox's key: local development and tests without an
         * account, where nothing leaves the machine. Never turn it on in production.
         */
        private boolean enabled;

        /** The sandbox's port; 0 for a free one. Default: 0. */
        private int port;

        /** How the sandbox sends delivery reports: GET (report in the query) or POST (JSON body). Default: GET. */
        private CallbackMethod callbackMethod = CallbackMethod.GET;

        /**
         * Where the sandbox sends delivery reports of sends without a callback of their own (the account's
         * callback URL). When not set and mitto.webhook.path is, it is derived from server.port: the
         * application's own endpoint on 127.0.0.1, with the webhook token; with a random server port (0), once
         * the server has started and its port is known.
         */
        private String callbackUrl;

        /** Creates the settings with nothing set. */
        public Sandbox() {
        }

        /** @return whether the sandbox is on */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether to start the sandbox and point the client at it */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the sandbox's port, 0 for a free one */
        public int getPort() {
            return port;
        }

        /** @param port the sandbox's port, 0 for a free one */
        public void setPort(int port) {
            this.port = port;
        }

        /** @return how the sandbox sends delivery reports */
        public CallbackMethod getCallbackMethod() {
            return callbackMethod;
        }

        /** @param callbackMethod how the sandbox sends delivery reports */
        public void setCallbackMethod(CallbackMethod callbackMethod) {
            this.callbackMethod = callbackMethod;
        }

        /** @return the sandbox's default callback URL, or {@code null} to derive it */
        public String getCallbackUrl() {
            return callbackUrl;
        }

        /** @param callbackUrl where the sandbox sends reports of sends without a callback */
        public void setCallbackUrl(String callbackUrl) {
            this.callbackUrl = callbackUrl;
        }

        /** @return the settings, the callback URL without its query (which may hold the webhook token) */
        @Override
        public String toString() {
            return "Sandbox{enabled=" + enabled + ", port=" + port + ", callbackMethod=" + callbackMethod
                    + ", callbackUrl=" + (callbackUrl == null ? null : callbackUrl.replaceFirst("\\?.*", "?(redacted)"))
                    + "}";
        }
    }
}
