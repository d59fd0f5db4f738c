package net.mittoapi.sms.spring;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.NoUniqueBeanDefinitionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * Auto-configures the endpoint that receives Mitto's callbacks, in a Spring MVC application with
 * {@code mitto.webhook.path} (delivery reports, published as {@link MittoDeliveryReportEvent}) or
 * {@code mitto.webhook.inbound-path} (inbound SMS, published as {@link MittoInboundSmsEvent}) set.
 *
 * <p>The endpoint takes GET (fields in the query) and POST (a JSON object in the body, or a form body,
 * {@code application/x-www-form-urlencoded}), and answers 200 once the event is published; 401 when
 * {@code mitto.webhook.token} is set and the query parameter {@code token} does not match it; 415 for a
 * {@code Content-Type} it cannot read (malformed, or naming a charset the JVM does not have); 413 for a body over
 * {@code mitto.webhook.max-body-size}; 400 for a body with bytes that are not valid in its charset, or a payload
 * without a message id or otherwise unreadable. Each refusal is logged at WARN saying what was wrong, never with
 * the payload's values (message ids, phone numbers) or the token; a refused token at most once a minute, with the
 * number of refusals since the last warning, so that a scan of the URL cannot flood the log. Without a token, one
 * WARN at startup says that the endpoint is open to anyone who finds its URL.
 *
 * <p>A body is read in the charset its {@code Content-Type} declares (for a form, the charset of its
 * {@code %}-escapes), UTF-8 when it declares none. A form's fields are the query's followed by the body's; <strong>for
 * a name present in both, the query's value wins</strong> (the order of the servlet's parameter map, whose
 * {@code getParameter} gives the query's value, and the SDK's rule that the first occurrence of a name wins); the
 * body's value of that name is ignored. That holds also when a filter of the application read the request's parameters before
 * the endpoint (Spring's hidden-method filter, a security filter): the fields are then taken from the servlet's
 * parameter map, as the servlet container decoded them. Spring Boot has the container decode every request as
 * UTF-8 unless {@code spring.servlet.encoding.force-request=false} ({@code server.servlet.encoding.force-request}
 * before Boot 4); a form declaring another charset, read so by a filter and holding text beyond ASCII, is
 * answered 400 with a WARN that says so, rather than published with its text altered.
 *
 * <p>Each delivery report is published once per message id and status within {@code mitto.webhook.deduplication.window}
 * (24 hours by default; {@code mitto.webhook.deduplication.enabled=false} publishes every copy): a copy of a published
 * report is answered 200 without being published again, and a report is remembered only once its listeners
 * succeeded. Reports are remembered in each instance's memory (at most {@code mitto.webhook.deduplication.max-entries})
 * or, with {@code mitto.webhook.deduplication.cache}, in that cache of the application's {@link CacheManager}, shared
 * by every instance that shares the cache. See {@link ReportDeduplication} for the guarantees and their limits.
 *
 * <p>The endpoint is mapped ahead of the application's controllers. With Spring Security, permit the paths (Mitto
 * sends no credentials but the token) and exempt them from CSRF protection.
 */
@AutoConfiguration(after = MittoAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@Conditional(MittoWebhookAutoConfiguration.OnWebhookPath.class)
@EnableConfigurationProperties(MittoProperties.class)
public class MittoWebhookAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(MittoWebhookAutoConfiguration.class);
    /** Ahead of the application's {@code @RequestMapping}s (order 0), behind nothing of Spring Boot's. */
    static final int ORDER = -1;
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~!$&'()+,;=:@%/-]*");
    private static final long MAX_BODY_LIMIT = DataSize.ofMegabytes(16).toBytes();
    /** The most entries of the local deduplication store: about 1 GB. */
    static final int MAX_LOCAL_ENTRIES = 10_000_000;

    /** Created by Spring Boot's auto-configuration. */
    public MittoWebhookAutoConfiguration() {
    }

    /**
     * @param properties the {@code mitto.*} properties
     * @return the paths and token, checked
     */
    @Bean
    WebhookEndpoints mittoWebhookEndpoints(MittoProperties properties) {
        MittoProperties.Webhook webhook = properties.getWebhook();
        String delivery = path("mitto.webhook.path", webhook.getPath());
        String inbound = path("mitto.webhook.inbound-path", webhook.getInboundPath());
        if (delivery != null && delivery.equals(inbound)) {
            throw new IllegalStateException("mitto.webhook.path and mitto.webhook.inbound-path must differ; both are "
                    + delivery);
        }
        String token = webhook.getToken();
        if (token != null && token.isEmpty()) {
            throw new IllegalStateException("mitto.webhook.token is set but empty: remove it, or set a long random"
                    + " value and put ?token=<it> in the callback URL given to Mitto");
        }
        DataSize max = webhook.getMaxBodySize();
        if (max == null || max.toBytes() < 1 || max.toBytes() > MAX_BODY_LIMIT) {
            throw new IllegalStateException("mitto.webhook.max-body-size must be between 1B and 16MB; got " + max);
        }
        return new WebhookEndpoints(delivery, inbound, token);
    }

    /**
     * The handlers, mapped at their paths.
     *
     * @param endpoints     the paths and token
     * @param properties    the {@code mitto.*} properties, for the body limit and the deduplication
     * @param publisher     where events go
     * @param cacheManagers the application's cache manager, for {@code mitto.webhook.deduplication.cache}
     * @return the mapping
     */
    @Bean
    SimpleUrlHandlerMapping mittoWebhookHandlerMapping(WebhookEndpoints endpoints, MittoProperties properties,
            ApplicationEventPublisher publisher, ObjectProvider<CacheManager> cacheManagers) {
        int maxBody = (int) properties.getWebhook().getMaxBodySize().toBytes();
        Map<String, Object> handlers = new LinkedHashMap<>();
        if (endpoints.deliveryPath() != null) {
            handlers.put(endpoints.deliveryPath(), new WebhookHandler(WebhookHandler.Kind.DELIVERY_REPORT,
                    endpoints.deliveryPath(), endpoints.token(), maxBody, publisher, System::nanoTime,
                    deduplication(properties.getWebhook().getDeduplication(), cacheManagers)));
        }
        if (endpoints.inboundPath() != null) {
            handlers.put(endpoints.inboundPath(), new WebhookHandler(WebhookHandler.Kind.INBOUND_SMS,
                    endpoints.inboundPath(), endpoints.token(), maxBody, publisher, System::nanoTime));
        }
        if (endpoints.token() == null) {
            LOG.warn("The Mitto webhook endpoint{} {} take{} callbacks without a token: anyone who finds the URL can"
                    + " post reports that the application will believe. Set mitto.webhook.token to a long random"
                    + " value and put ?token=<it> in the callback URL given to Mitto", handlers.size() == 1 ? "" : "s",
                    String.join(" and ", handlers.keySet()), handlers.size() == 1 ? "s" : "");
        }
        return new SimpleUrlHandlerMapping(handlers, ORDER);
    }

    /**
     * @return the deduplication of delivery reports the properties ask for, or {@code null} when it is off
     * @throws IllegalStateException when a setting is out of range, or the cache it names cannot be had
     */
    static ReportDeduplication deduplication(MittoProperties.Deduplication settings,
            ObjectProvider<CacheManager> cacheManagers) {
        if (!settings.isEnabled()) {
            return null;
        }
        Duration window = settings.getWindow();
        if (window == null || window.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalStateException("mitto.webhook.deduplication.window must be at least 1s, such as 24h; got "
                    + window + ". To publish every copy of a report, set mitto.webhook.deduplication.enabled=false");
        }
        String name = settings.getCache();
        ReportDeduplication.Store store;
        if (name == null || name.isBlank()) {
            int max = settings.getMaxEntries();
            if (max < 1 || max > MAX_LOCAL_ENTRIES) {
                throw new IllegalStateException("mitto.webhook.deduplication.max-entries must be between 1 and "
                        + MAX_LOCAL_ENTRIES + " (about 100 bytes each); got " + max + ". For more, share a cache:"
                        + " mitto.webhook.deduplication.cache");
            }
            store = new ReportDeduplication.LocalStore(max);
        } else {
            store = new ReportDeduplication.CacheStore(cache(name.strip(), cacheManagers));
        }
        ReportDeduplication deduplication = new ReportDeduplication(store, window, Clock.systemUTC(),
                System::nanoTime);
        LOG.info("Mitto delivery reports are published once per message id and status within {} ({})", window,
                store);
        return deduplication;
    }

    private static Cache cache(String name, ObjectProvider<CacheManager> cacheManagers) {
        CacheManager manager;
        try {
            manager = cacheManagers.getIfAvailable();
        } catch (NoUniqueBeanDefinitionException e) {
            throw new IllegalStateException("mitto.webhook.deduplication.cache=" + name + " names a cache of the"
                    + " application's CacheManager, but the application has " + e.getNumberOfBeansFound() + ": mark"
                    + " the one to use @Primary", e);
        }
        if (manager == null) {
            throw new IllegalStateException("mitto.webhook.deduplication.cache=" + name + " names a cache of the"
                    + " application's CacheManager, but the application has none: set up its cache (with"
                    + " @EnableCaching and a provider such as Hazelcast, Redis or Infinispan, shared by every"
                    + " instance), or remove the property to remember reports in each instance's memory");
        }
        Cache cache = manager.getCache(name);
        if (cache == null) {
            throw new IllegalStateException("mitto.webhook.deduplication.cache=" + name + " names no cache of the"
                    + " application's CacheManager (" + manager.getClass().getSimpleName() + ", caches "
                    + manager.getCacheNames() + "): configure a cache of that name, or name one it has");
        }
        return cache;
    }

    private static String path(String property, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String path = value.strip();
        if (!PATH.matcher(path).matches()) {
            throw new IllegalStateException(property + " must be a plain path starting with '/', such as"
                    + " /mitto/reports (no pattern characters, query or spaces); got '" + value + "'");
        }
        return path;
    }

    /** {@code mitto.webhook.path} or {@code mitto.webhook.inbound-path} set to something. */
    static final class OnWebhookPath extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environment = context.getEnvironment();
            for (String property : new String[] {"mitto.webhook.path", "mitto.webhook.inbound-path"}) {
                String value = environment.getProperty(property);
                if (value != null && !value.isBlank()) {
                    return ConditionOutcome.match(property + " is set");
                }
            }
            return ConditionOutcome.noMatch("neither mitto.webhook.path nor mitto.webhook.inbound-path is set");
        }
    }
}
