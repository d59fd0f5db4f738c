package net.mittoapi.sms.spring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
 * <p>The endpoint takes GET (fields in the query) and POST (a JSON object in the body), answers 200 once the
 * event is published, 400 for a payload without a message id, 401 when {@code mitto.webhook.token} is set and the
 * query parameter {@code token} does not match it, 413 for a body over {@code mitto.webhook.max-body-size}. It
 * is mapped ahead of the application's controllers. With Spring Security, permit the paths (Mitto sends no
 * credentials but the token) and exempt them from CSRF protection.
 */
@AutoConfiguration(after = MittoAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@Conditional(MittoWebhookAutoConfiguration.OnWebhookPath.class)
@EnableConfigurationProperties(MittoProperties.class)
public class MittoWebhookAutoConfiguration {

    /** Ahead of the application's {@code @RequestMapping}s (order 0), behind nothing of Spring Boot's. */
    static final int ORDER = -1;
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~!$&'()+,;=:@%/-]*");
    private static final long MAX_BODY_LIMIT = DataSize.ofMegabytes(16).toBytes();

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
     * @param endpoints  the paths and token
     * @param properties the {@code mitto.*} properties, for the body limit
     * @param publisher  where events go
     * @return the mapping
     */
    @Bean
    SimpleUrlHandlerMapping mittoWebhookHandlerMapping(WebhookEndpoints endpoints, MittoProperties properties,
            ApplicationEventPublisher publisher) {
        int maxBody = (int) properties.getWebhook().getMaxBodySize().toBytes();
        Map<String, Object> handlers = new LinkedHashMap<>();
        if (endpoints.deliveryPath() != null) {
            handlers.put(endpoints.deliveryPath(), new WebhookHandler(WebhookHandler.Kind.DELIVERY_REPORT,
                    endpoints.deliveryPath(), endpoints.token(), maxBody, publisher));
        }
        if (endpoints.inboundPath() != null) {
            handlers.put(endpoints.inboundPath(), new WebhookHandler(WebhookHandler.Kind.INBOUND_SMS,
                    endpoints.inboundPath(), endpoints.token(), maxBody, publisher));
        }
        return new SimpleUrlHandlerMapping(handlers, ORDER);
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
