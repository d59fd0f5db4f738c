package net.mittoapi.sms.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.springframework.cache.CacheManager;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/** When the webhook endpoint exists, and where it listens. Its behaviour over HTTP: {@link WebhookEndpointTest}. */
class MittoWebhookAutoConfigurationTest {

    private static final AutoConfigurations STARTER = AutoConfigurations.of(MittoAutoConfiguration.class,
            MittoWebhookAutoConfiguration.class);

    /** For the tests about something else: without a token, an endpoint warns at start-up that it is open. */
    private static final String TOKEN = "mitto.webhook.token=s3cret-token";

    private final WebApplicationContextRunner web = new WebApplicationContextRunner().withConfiguration(STARTER);

    @Test
    void aServletApplicationWithAPathGetsTheEndpoint() {
        try (LogCapture log = LogCapture.of(MittoWebhookAutoConfiguration.class)) {
            web.withPropertyValues("mitto.webhook.path=/mitto/reports").run(context -> {
                assertThat(context).hasNotFailed();
                SimpleUrlHandlerMapping mapping = context.getBean("mittoWebhookHandlerMapping",
                        SimpleUrlHandlerMapping.class);
                assertThat(mapping.getHandlerMap()).containsOnlyKeys("/mitto/reports");
                assertThat(mapping.getHandlerMap().get("/mitto/reports")).hasToString(
                        "Mitto delivery report endpoint at /mitto/reports");
                assertThat(mapping.getOrder()).isLessThan(0);
                assertThat(context.getBean(WebhookEndpoints.class))
                        .isEqualTo(new WebhookEndpoints("/mitto/reports", null, null));
            });

            assertThat(log.messages(Level.WARN)).singleElement().asString()
                    .contains("/mitto/reports takes callbacks without a token");
        }
    }

    @Test
    void theInboundPathAloneGetsItsEndpoint() {
        web.withPropertyValues("mitto.webhook.inbound-path=/mitto/inbound", TOKEN).run(context -> {
            SimpleUrlHandlerMapping mapping = context.getBean("mittoWebhookHandlerMapping", SimpleUrlHandlerMapping.class);
            assertThat(mapping.getHandlerMap()).containsOnlyKeys("/mitto/inbound");
        });
        web.withPropertyValues("mitto.webhook.path=/r", "mitto.webhook.inbound-path=/i", TOKEN).run(context -> {
            SimpleUrlHandlerMapping mapping = context.getBean("mittoWebhookHandlerMapping", SimpleUrlHandlerMapping.class);
            assertThat(mapping.getHandlerMap()).containsOnlyKeys("/r", "/i");
        });
    }

    @Test
    void noPathNoEndpoint() {
        web.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("mittoWebhookHandlerMapping")
                .doesNotHaveBean(WebhookEndpoints.class));
        web.withPropertyValues("mitto.webhook.path= ", "mitto.webhook.token=abc")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("mittoWebhookHandlerMapping"));
    }

    @Test
    void notAWebApplicationNoEndpoint() {
        new ApplicationContextRunner().withConfiguration(STARTER).withPropertyValues("mitto.webhook.path=/mitto/reports")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("mittoWebhookHandlerMapping"));
    }

    @Test
    void aReactiveApplicationNoEndpoint() {
        new ReactiveWebApplicationContextRunner().withConfiguration(STARTER)
                .withPropertyValues("mitto.webhook.path=/mitto/reports")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("mittoWebhookHandlerMapping"));
    }

    @Test
    void withoutSpringMvcNoEndpoint() {
        web.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
                .withPropertyValues("mitto.webhook.path=/mitto/reports")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("mittoWebhookHandlerMapping"));
    }

    @Test
    void aBadSettingFailsStartupSayingWhatToDo() {
        try (LogCapture spring = LogCapture.spring()) {
            web.withPropertyValues("mitto.webhook.path=mitto/reports").run(context -> assertThat(context)
                    .getFailure().hasStackTraceContaining("mitto.webhook.path must be a plain path starting with '/'"));
            web.withPropertyValues("mitto.webhook.path=/mitto/{id}").run(context -> assertThat(context)
                    .getFailure().hasStackTraceContaining("no pattern characters"));
            web.withPropertyValues("mitto.webhook.path=/same", "mitto.webhook.inbound-path=/same").run(context ->
                    assertThat(context).getFailure().hasStackTraceContaining("must differ"));
            web.withPropertyValues("mitto.webhook.path=/r", "mitto.webhook.token=").run(context ->
                    assertThat(context).getFailure().hasStackTraceContaining("mitto.webhook.token is set but empty"));
            web.withPropertyValues("mitto.webhook.path=/r", "mitto.webhook.max-body-size=1GB").run(context ->
                    assertThat(context).getFailure().hasStackTraceContaining("max-body-size must be between"));

            assertThat(spring.messages(Level.WARN)).hasSize(5)
                    .allSatisfy(line -> assertThat(line).startsWith(LogCapture.REFRESH_CANCELLED));
        }
    }

    @Test
    void withoutATokenOneWarningAtStartupSaysTheEndpointIsOpen() {
        try (LogCapture log = LogCapture.of(MittoWebhookAutoConfiguration.class)) {
            web.withPropertyValues("mitto.webhook.path=/mitto/reports", "mitto.webhook.inbound-path=/mitto/inbound")
                    .run(context -> assertThat(context).hasNotFailed());

            assertThat(log.messages(Level.WARN)).singleElement().asString().contains("/mitto/reports")
                    .contains("/mitto/inbound").contains("without a token").contains("anyone")
                    .contains("mitto.webhook.token");
        }
    }

    @Test
    void withATokenNoSuchWarning() {
        try (LogCapture log = LogCapture.of(MittoWebhookAutoConfiguration.class)) {
            web.withPropertyValues("mitto.webhook.path=/mitto/reports", "mitto.webhook.token=s3cret-token")
                    .run(context -> assertThat(context).hasNotFailed());

            assertThat(log.messages(Level.WARN)).isEmpty();
            assertThat(log.text()).doesNotContain("s3cret-token");
        }
    }

    private static ReportDeduplication deduplication(org.springframework.context.ApplicationContext context,
            String path) {
        return ((WebhookHandler) context.getBean("mittoWebhookHandlerMapping", SimpleUrlHandlerMapping.class)
                .getHandlerMap().get(path)).deduplication();
    }

    @Test
    void reportsAreDeduplicatedByDefaultInABoundedLocalStore() {
        web.withPropertyValues("mitto.webhook.path=/r", "mitto.webhook.inbound-path=/i", TOKEN).run(context -> {
            assertThat(deduplication(context, "/r"))
                    .hasToString("ReportDeduplication[local, at most 100000 entries, window=PT24H]");
            assertThat(deduplication(context, "/i")).as("inbound SMS are not deduplicated").isNull();
        });
        web.withPropertyValues("mitto.webhook.path=/r", "mitto.webhook.deduplication.window=30m",
                "mitto.webhook.deduplication.max-entries=5000", TOKEN)
                .run(context -> assertThat(deduplication(context, "/r"))
                        .hasToString("ReportDeduplication[local, at most 5000 entries, window=PT30M]"));
        web.withPropertyValues("mitto.webhook.path=/r", "mitto.webhook.deduplication.enabled=false", TOKEN)
                .run(context -> assertThat(deduplication(context, "/r")).isNull());
    }

    @Test
    void aNamedCacheOfTheApplicationsCacheManagerIsTheStore() {
        web.withBean(CacheManager.class, ConcurrentMapCacheManager::new)
                .withPropertyValues("mitto.webhook.path=/r", "mitto.webhook.deduplication.cache=mitto-reports", TOKEN)
                .run(context -> assertThat(deduplication(context, "/r"))
                        .hasToString("ReportDeduplication[the cache mitto-reports, window=PT24H]"));
    }

    @Test
    void aDeduplicationThatCannotBeFailsStartupSayingWhatToDo() {
        try (LogCapture spring = LogCapture.spring()) {
            web.withPropertyValues("mitto.webhook.path=/r", "mitto.webhook.deduplication.cache=mitto-reports")
                    .run(context -> assertThat(context).getFailure().hasStackTraceContaining(
                            "mitto.webhook.deduplication.cache=mitto-reports names a cache of the application's"
                                    + " CacheManager, but the application has none"));
            web.withBean(CacheManager.class, () -> new ConcurrentMapCacheManager("other"))
                    .withPropertyValues("mitto.webhook.path=/r", "mitto.webhook.deduplication.cache=mitto-reports")
                    .run(context -> assertThat(context).getFailure().hasStackTraceContaining(
                            "names no cache of the application's CacheManager (ConcurrentMapCacheManager, caches [other])"));
            web.withBean("one", CacheManager.class, ConcurrentMapCacheManager::new)
                    .withBean("two", CacheManager.class, ConcurrentMapCacheManager::new)
                    .withPropertyValues("mitto.webhook.path=/r", "mitto.webhook.deduplication.cache=mitto-reports")
                    .run(context -> assertThat(context).getFailure().hasStackTraceContaining("@Primary"));
            web.withPropertyValues("mitto.webhook.path=/r", "mitto.webhook.deduplication.window=0s").run(context ->
                    assertThat(context).getFailure().hasStackTraceContaining(
                            "mitto.webhook.deduplication.window must be at least 1s"));
            web.withPropertyValues("mitto.webhook.path=/r", "mitto.webhook.deduplication.max-entries=0").run(context ->
                    assertThat(context).getFailure().hasStackTraceContaining(
                            "mitto.webhook.deduplication.max-entries must be between 1 and 10000000"));

            assertThat(spring.messages(Level.WARN)).hasSize(5)
                    .allSatisfy(line -> assertThat(line).startsWith(LogCapture.REFRESH_CANCELLED));
        }
    }

    @Test
    void theTokenNeverShowsInToString() {
        web.withPropertyValues("mitto.webhook.path=/r", "mitto.webhook.token=s3cret-token").run(context -> {
            assertThat(context.getBean(WebhookEndpoints.class).token()).isEqualTo("s3cret-token");
            assertThat(context.getBean(WebhookEndpoints.class).toString()).doesNotContain("s3cret-token");
        });
    }
}
