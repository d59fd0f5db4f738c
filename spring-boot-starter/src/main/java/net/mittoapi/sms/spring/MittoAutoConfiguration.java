package net.mittoapi.sms.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.MittoClientListener;
import net.mittoapi.sms.MittoValidationException;
import net.mittoapi.sms.sandbox.CallbackMethod;
import net.mittoapi.sms.sandbox.MittoSandbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Auto-configures the Mitto SMS SDK from the {@code mitto.*} properties ({@link MittoProperties}).
 *
 * <ul>
 *   <li>A {@link MittoClient} bean when {@code mitto.api-key} is set or {@code mitto.sandbox.enabled=true},
 *       unless the application defines its own. Closed with the context. Without either property there is no
 *       client, and one INFO line at startup says which property to set.</li>
 *   <li>{@link MittoMetrics} when the application has a Micrometer {@link MeterRegistry}. The auto-configured
 *       client gets every {@link MittoClientListener} bean, in their order: the metrics and the application's
 *       own listeners alike.</li>
 *   <li>An observation {@code mitto.sms.calls} per call of the auto-configured client when the application has a
 *       Micrometer {@link ObservationRegistry} (Spring Boot's actuator): with micrometer-tracing, a span per call
 *       with an event per retry, child of the caller's current observation. Its meter handler then records the
 *       call timer in {@link MittoMetrics}'s place, with the same name, tags and description (see
 *       {@code CallObservations}, {@code ObservationMeterFilter}).</li>
 *   <li>A {@code MittoSandbox} bean when {@code mitto.sandbox.enabled=true}: started on loopback, closed with the
 *       context, and the client pointed at it with its key. The sandbox is an artifact of its own,
 *       {@code net.mittoapi:mitto-sms-sandbox}, which the starter names as an optional dependency: an application
 *       that enables the sandbox adds it (in test scope, or wherever that property is set); one that enables it
 *       without the artifact fails at start-up with a message that names it. Without that property the starter
 *       never needs it.</li>
 * </ul>
 */
@AutoConfiguration(afterName = {
        // Boot 4
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
        // Boot 3
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"})
@EnableConfigurationProperties(MittoProperties.class)
public class MittoAutoConfiguration {

    /** The sandbox's class, named as a string: the sandbox is optional, and nothing here may load it unasked. */
    static final String SANDBOX_CLASS = "net.mittoapi.sms.sandbox.MittoSandbox";
    /** The artifact that brings it. */
    static final String SANDBOX_ARTIFACT = "net.mittoapi:mitto-sms-sandbox";

    private static final Logger LOG = LoggerFactory.getLogger(MittoAutoConfiguration.class);

    /** Created by Spring Boot's auto-configuration. */
    public MittoAutoConfiguration() {
    }

    /**
     * The client, built from the properties, or pointed at the sandbox when that is enabled.
     *
     * @param properties the {@code mitto.*} properties
     * @param sandbox    where the sandbox listens, when enabled
     * @param listeners  every {@link MittoClientListener} bean, metrics included
     * @param observations an observation per call, when the application has an {@code ObservationRegistry}
     * @return the client; closed with the context
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @Conditional(OnClientConfigured.class)
    MittoClient mittoClient(MittoProperties properties, ObjectProvider<SandboxAddress> sandbox,
            ObjectProvider<MittoClientListener> listeners, ObjectProvider<ClientObservations> observations) {
        MittoClient.Builder builder = MittoClient.builder();
        SandboxAddress local = properties.getSandbox().isEnabled() ? sandbox.getIfAvailable() : null;
        if (local != null) {
            builder.apiKey(local.apiKey()).baseUrl(local.baseUrl());
        } else {
            builder.apiKey(properties.getApiKey());
            if (properties.getBaseUrl() != null) {
                builder.baseUrl(properties.getBaseUrl());
            }
        }
        if (properties.getRegion() != null) {
            builder.region(properties.getRegion());
        }
        if (properties.getFormat() != null) {
            builder.format(properties.getFormat());
        }
        if (properties.getConnectTimeout() != null) {
            builder.connectTimeout(properties.getConnectTimeout());
        }
        if (properties.getReadTimeout() != null) {
            builder.readTimeout(properties.getReadTimeout());
        }
        if (properties.getWriteTimeout() != null) {
            builder.writeTimeout(properties.getWriteTimeout());
        }
        if (properties.getCallTimeout() != null) {
            builder.callTimeout(properties.getCallTimeout());
        }
        if (properties.getMaxRetries() != null) {
            builder.maxRetries(properties.getMaxRetries());
        }
        if (properties.getMaxParts() != null) {
            builder.maxParts(properties.getMaxParts());
        }
        List<MittoClientListener> all = listeners.orderedStream().toList();
        ClientObservations observing = observations.getIfAvailable();
        if (observing != null) {
            all = observing.around(all);
        }
        builder.listener(CompositeListener.of(all));
        MittoClient client;
        try {
            client = builder.build();
        } catch (MittoValidationException e) {
            throw new IllegalStateException("The mitto.* properties do not make a valid MittoClient: " + e.getMessage()
                    + " (each builder setting is the property of the same name in kebab case, such as"
                    + " maxRetries -> mitto.max-retries)", e);
        }
        if (local != null) {
            LOG.info("MittoClient sends to the in-process sandbox at {} (mitto.sandbox.enabled=true): nothing"
                    + " leaves the machine", local.baseUrl());
        }
        return client;
    }

    /**
     * The application's own delivery-report endpoint as seen from loopback: {@code http://127.0.0.1:<server.port>}
     * with the context path, the servlet path and {@code mitto.webhook.path}, plus the token. {@code null} (and an
     * INFO line saying why) when the server port is random or the server is not plain http on loopback.
     */
    static String deriveCallback(Environment environment, WebhookEndpoints endpoints) {
        if (endpoints.deliveryPath() == null) {
            return null;
        }
        Integer port = environment.getProperty("server.port", Integer.class, 8080);
        if (port != null && port == 0 && callbackProblem(environment) == null) {
            LOG.info("The Mitto sandbox's default callback is set once the server has started: the server port is"
                    + " random (server.port=0)");
            return null;
        }
        return deriveCallback(environment, endpoints, port);
    }

    /**
     * The application's own delivery-report endpoint on the given port, or {@code null} (and an INFO line saying
     * why) when there is none the sandbox could call.
     */
    static String deriveCallback(Environment environment, WebhookEndpoints endpoints, Integer port) {
        if (endpoints.deliveryPath() == null) {
            return null;
        }
        String why = null;
        if (port == null || port <= 0) {
            why = "the server port is random or off (server.port=" + port + "), so it is not known when the"
                    + " sandbox starts";
        } else {
            why = callbackProblem(environment);
        }
        if (why != null) {
            LOG.info("The Mitto sandbox has no default callback: {}. Give each send .callback(...) with the URL of"
                    + " {}, or set mitto.sandbox.callback-url", why, endpoints.deliveryPath());
            return null;
        }
        String url = "http://127.0.0.1:" + port + trimSlash(environment.getProperty("server.servlet.context-path", ""))
                + trimSlash(environment.getProperty("spring.mvc.servlet.path", "")) + endpoints.deliveryPath();
        String token = endpoints.token();
        return token == null ? url : url + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /** @return why the sandbox could not call the application's server, or {@code null} when it can */
    private static String callbackProblem(Environment environment) {
        String why = null;
        if (environment.getProperty("server.ssl.enabled", Boolean.class, false)
                || environment.getProperty("server.ssl.bundle") != null) {
            why = "the server uses TLS, which the sandbox would not trust";
        } else if (!loopbackReachable(environment.getProperty("server.address"))) {
            why = "server.address is not loopback or a wildcard";
        }
        return why;
    }

    /**
     * The in-process sandbox, when {@code mitto.sandbox.enabled=true} and the sandbox's artifact is on the class
     * path. Only this class names the sandbox's types.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = SANDBOX_CLASS)
    @ConditionalOnProperty(prefix = "mitto.sandbox", name = "enabled", havingValue = "true")
    static class SandboxConfiguration {

        /**
         * The in-process sandbox of the API.
         *
         * @param properties  the {@code mitto.*} properties
         * @param environment for the server port, to derive the sandbox's default callback
         * @param webhook     the delivery-report endpoint, when the application has one
         * @return the running sandbox; closed with the context
         */
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        MittoSandbox mittoSandbox(MittoProperties properties, Environment environment,
                ObjectProvider<WebhookEndpoints> webhook) {
            MittoProperties.Sandbox settings = properties.getSandbox();
            String callback = settings.getCallbackUrl();
            if (callback == null || callback.isBlank()) {
                WebhookEndpoints endpoints = webhook.getIfAvailable();
                callback = endpoints == null ? null : deriveCallback(environment, endpoints);
            }
            MittoSandbox.Builder builder = MittoSandbox.builder()
                    .port(settings.getPort())
                    .callbackMethod(CallbackMethod.valueOf(settings.getCallbackMethod().name()));
            if (callback != null && !callback.isBlank()) {
                builder.defaultCallback(callback.strip());
            }
            MittoSandbox sandbox = builder.start();
            LOG.info("Started the Mitto sandbox at {}; delivery reports go by {} to {}", sandbox.baseUrl(),
                    settings.getCallbackMethod(), callback == null ? "the callback of each send only"
                            : callback.replaceFirst("\\?.*", "") + " unless a send names its own callback");
            return sandbox;
        }

        /**
         * Where the sandbox listens, for the client.
         *
         * @param sandbox the sandbox
         * @return its address and key
         */
        @Bean
        SandboxAddress mittoSandboxAddress(MittoSandbox sandbox) {
            return new SandboxAddress(sandbox.baseUrl(), sandbox.apiKey());
        }

        /**
         * Points the in-process sandbox at the application's own delivery-report endpoint once the web server runs
         * on a random port ({@code server.port=0}), which {@link #mittoSandbox} could not know.
         *
         * @param properties the {@code mitto.*} properties
         * @param sandbox    the sandbox
         * @param webhook    the delivery-report endpoint, when the application has one
         * @return the listener
         */
        @Bean
        static SandboxCallbackOnStart mittoSandboxCallbackOnStart(MittoProperties properties,
                ObjectProvider<MittoSandbox> sandbox, ObjectProvider<WebhookEndpoints> webhook) {
            return new SandboxCallbackOnStart(properties, sandbox, webhook);
        }

        /**
         * Once the application has started (its web server listening, the port published as {@code local.server.port},
         * runners not yet run), gives the sandbox the application's endpoint as its default callback, when the port
         * was random, no {@code mitto.sandbox.callback-url} is set and the sandbox has no default callback yet.
         */
        static final class SandboxCallbackOnStart implements ApplicationListener<ApplicationStartedEvent> {

            private final MittoProperties properties;
            private final ObjectProvider<MittoSandbox> sandbox;
            private final ObjectProvider<WebhookEndpoints> webhook;

            SandboxCallbackOnStart(MittoProperties properties, ObjectProvider<MittoSandbox> sandbox,
                    ObjectProvider<WebhookEndpoints> webhook) {
                this.properties = properties;
                this.sandbox = sandbox;
                this.webhook = webhook;
            }

            @Override
            public void onApplicationEvent(ApplicationStartedEvent event) {
                Environment environment = event.getApplicationContext().getEnvironment();
                String configured = properties.getSandbox().getCallbackUrl();
                Integer port = environment.getProperty("server.port", Integer.class, 8080);
                MittoSandbox local = sandbox.getIfAvailable();
                WebhookEndpoints endpoints = webhook.getIfAvailable();
                if ((configured != null && !configured.isBlank()) || port == null || port != 0 || local == null
                        || endpoints == null || local.defaultCallback().isPresent()) {
                    return;
                }
                Integer actual = environment.getProperty("local.server.port", Integer.class);
                String callback = deriveCallback(environment, endpoints, actual);
                if (callback != null) {
                    local.defaultCallback(callback);
                    LOG.info("The Mitto sandbox sends delivery reports to {} unless a send names its own callback",
                            callback.replaceFirst("\\?.*", ""));
                }
            }
        }
    }

    /**
     * {@code mitto.sandbox.enabled=true} without the sandbox's artifact: start-up fails, naming the artifact to add,
     * rather than sending anywhere else.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass(SANDBOX_CLASS)
    @ConditionalOnProperty(prefix = "mitto.sandbox", name = "enabled", havingValue = "true")
    static class MissingSandboxConfiguration {

        @Bean
        SandboxAddress mittoSandboxAddress() {
            throw new SandboxMissingException();
        }
    }

    /**
     * Where the in-process sandbox listens and the key it accepts: what the client needs of it, without naming
     * the sandbox's optional types.
     *
     * @param baseUrl the sandbox's base URL
     * @param apiKey  its key
     */
    record SandboxAddress(String baseUrl, String apiKey) {
    }

    private static String trimSlash(String path) {
        String trimmed = path.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() || trimmed.startsWith("/") ? trimmed : "/" + trimmed;
    }

    private static boolean loopbackReachable(String address) {
        if (address == null || address.isBlank()) {
            return true;
        }
        try {
            InetAddress bound = InetAddress.getByName(address.strip());
            return bound.isAnyLocalAddress() || bound.isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Logs, once every singleton exists, when the application has no {@link MittoClient}.
     *
     * @return the notice
     */
    @Bean
    static MissingClientNotice mittoMissingClientNotice() {
        return new MissingClientNotice();
    }

    /** Meters for the client's calls, when the application has a registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnBean(MeterRegistry.class)
        @ConditionalOnMissingBean
        MittoMetrics mittoMetrics(MeterRegistry registry) {
            return new MittoMetrics(registry);
        }

        /**
         * Keeps the meters that Micrometer's meter handler derives from the calls' observations as they always were.
         *
         * @return the filter, which Spring Boot applies to its registries
         */
        @Bean
        static ObservationMeterFilter mittoObservationMeterFilter() {
            return new ObservationMeterFilter();
        }
    }

    /** An observation per call of the auto-configured client, when the application has an observation registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ObservationRegistry.class)
    static class ObservationConfiguration {

        @Bean
        ClientObservations mittoClientObservations(ObjectProvider<ObservationRegistry> registry) {
            return new ClientObservations(registry);
        }
    }

    /** {@code mitto.api-key} set (never from {@code MITTO_API_KEY} alone) or {@code mitto.sandbox.enabled=true}. */
    static final class OnClientConfigured extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environment = context.getEnvironment();
            if (environment.getProperty("mitto.sandbox.enabled", Boolean.class, false)) {
                return ConditionOutcome.match("mitto.sandbox.enabled is true");
            }
            if (ExplicitProperties.apiKey(environment) != null) {
                return ConditionOutcome.match("mitto.api-key is set");
            }
            return ConditionOutcome.noMatch("neither mitto.api-key nor mitto.sandbox.enabled=true is set");
        }
    }

    /** The INFO line for an application that has the starter but no client. */
    static final class MissingClientNotice implements SmartInitializingSingleton, BeanFactoryAware, EnvironmentAware {

        private ListableBeanFactory beans;
        private Environment environment;

        @Override
        public void setBeanFactory(BeanFactory beanFactory) {
            this.beans = beanFactory instanceof ListableBeanFactory listable ? listable : null;
        }

        @Override
        public void setEnvironment(Environment environment) {
            this.environment = environment;
        }

        @Override
        public void afterSingletonsInstantiated() {
            if (beans == null || beans.getBeanNamesForType(MittoClient.class, true, false).length > 0) {
                return;
            }
            String variable = environment != null && ExplicitProperties.sdkApiKeyVariablePresent(environment)
                    ? " (MITTO_API_KEY is set in the environment, but the starter reads it only when told to:"
                            + " mitto.api-key=${MITTO_API_KEY})"
                    : "";
            LOG.info("No MittoClient bean: set mitto.api-key to the API key of your Mitto account, or"
                    + " mitto.sandbox.enabled=true to try the SDK's local sandbox{}", variable);
        }
    }
}
