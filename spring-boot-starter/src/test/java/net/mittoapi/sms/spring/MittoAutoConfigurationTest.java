package net.mittoapi.sms.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.MittoClientListener;
import net.mittoapi.sms.MittoException;
import net.mittoapi.sms.MittoValidationException;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.SmsResponse;
import net.mittoapi.sms.sandbox.MittoSandbox;
import net.mittoapi.sms.sandbox.SentMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Every condition of {@link MittoAutoConfiguration}, and the client it builds, against a real sandbox. */
@ExtendWith(OutputCaptureExtension.class)
class MittoAutoConfigurationTest {

    private static final String NO_CLIENT = "No MittoClient bean: set mitto.api-key";

    private static MittoSandbox sandbox;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MittoAutoConfiguration.class));

    @BeforeAll
    static void startSandbox() {
        sandbox = MittoSandbox.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void resetSandbox() {
        sandbox.reset();
    }

    private static SmsRequest hello() {
        return SmsRequest.builder().from("MITTO SMS").to("491725551234").text("Hello, World!").build();
    }

    private static String[] atTheSandbox(String... more) {
        List<String> all = new ArrayList<>(List.of("mitto.api-key=" + sandbox.apiKey(),
                "mitto.base-url=" + sandbox.baseUrl()));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void withoutAKeyThereIsNoClientAndOneInfoLineNamesTheProperty(CapturedOutput output) {
        runner.run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(MittoClient.class).doesNotHaveBean(MittoSandbox.class);
        });
        assertThat(output.getAll()).contains("INFO").contains(NO_CLIENT);
        assertThat(output.getAll().split(NO_CLIENT, -1)).hasSize(2);
    }

    @Test
    void aBlankKeyCountsAsNone(CapturedOutput output) {
        runner.withPropertyValues("mitto.api-key=${SOME_UNSET_VARIABLE_OF_THIS_TEST:}").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(MittoClient.class);
        });
        runner.withPropertyValues("mitto.api-key=  ").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(MittoClient.class);
        });
        assertThat(output.getAll()).contains(NO_CLIENT);
    }

    /** Issue 18: a placeholder nothing resolves is not a key; start-up fails naming the variable, sending nothing. */
    @Test
    void anUnresolvedPlaceholderFailsStartupNamingTheVariable(CapturedOutput output) {
        try (LogCapture spring = LogCapture.spring()) {
            runner.withPropertyValues("mitto.api-key=${MITTO_TEST_UNSET_KEY_VARIABLE}",
                    "mitto.base-url=" + sandbox.baseUrl()).run(context -> {
                        assertThat(context).hasFailed();
                        assertThat(context.getStartupFailure()).hasStackTraceContaining(
                                "mitto.api-key refers to ${MITTO_TEST_UNSET_KEY_VARIABLE}, but nothing defines"
                                        + " MITTO_TEST_UNSET_KEY_VARIABLE");
                    });
            runner.withPropertyValues("mitto.api-key=s3cret-part-${MITTO_TEST_UNSET_PART:${MITTO_TEST_UNSET_INNER}}")
                    .run(context -> {
                        assertThat(context.getStartupFailure()).hasStackTraceContaining(
                                "nothing defines MITTO_TEST_UNSET_INNER");
                        assertThat(context.getStartupFailure()).as("text around a placeholder may be part of a key")
                                .satisfies(failure -> assertThat(stackTrace(failure)).doesNotContain("s3cret-part"));
                    });

            assertThat(spring.messages(Level.WARN)).hasSize(2)
                    .allSatisfy(line -> assertThat(line).startsWith(LogCapture.REFRESH_CANCELLED));
            assertThat(spring.text()).as("text around a placeholder may be part of a key")
                    .doesNotContain("s3cret-part");
        }
        assertThat(sandbox.received()).isEmpty();
        assertThat(output.getAll()).doesNotContain(NO_CLIENT);
    }

    private static String stackTrace(Throwable failure) {
        java.io.StringWriter text = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }

    /** The sandbox takes no key: a placeholder left unresolved then stops nothing (a test profile without it). */
    @Test
    void anUnresolvedPlaceholderIsNoMatterWithTheSandbox() {
        runner.withPropertyValues("mitto.api-key=${MITTO_TEST_UNSET_KEY_VARIABLE}", "mitto.sandbox.enabled=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    context.getBean(MittoClient.class).send(hello());
                    assertThat(context.getBean(MittoSandbox.class).messages()).hasSize(1);
                });
    }

    /** A real application reports it as Spring Boot's "APPLICATION FAILED TO START", naming the variable. */
    @Test
    void anUnresolvedPlaceholderIsReportedByTheFailureAnalyzer() {
        SpringApplication application = new SpringApplication(JustTheStarter.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(Map.of("mitto.api-key", "${MITTO_TEST_UNSET_KEY_VARIABLE}"));
        try (LogCapture spring = LogCapture.spring()) {
            assertThatThrownBy(LogCapture.withoutLoggingSetUp(application)::run)
                    .hasStackTraceContaining("MITTO_TEST_UNSET_KEY_VARIABLE");

            assertThat(spring.messages(Level.WARN)).singleElement().asString().startsWith(LogCapture.REFRESH_CANCELLED);
            assertThat(spring.messages(Level.ERROR)).singleElement().asString().contains("APPLICATION FAILED TO START")
                    .contains("mitto.api-key refers to ${MITTO_TEST_UNSET_KEY_VARIABLE}, but nothing defines"
                            + " MITTO_TEST_UNSET_KEY_VARIABLE")
                    .contains("Set the environment variable MITTO_TEST_UNSET_KEY_VARIABLE");
        }
    }

    @Test
    void aKeyMakesAClientThatSends(CapturedOutput output) {
        runner.withPropertyValues(atTheSandbox()).run(context -> {
            MittoClient client = context.getBean(MittoClient.class);
            SmsResponse sent = client.send(hello());
            assertThat(sandbox.messages()).singleElement().satisfies(m -> assertThat(m.id()).isEqualTo(sent.id()));
        });
        assertThat(output.getAll()).doesNotContain(NO_CLIENT).doesNotContain(sandbox.apiKey());
    }

    @Test
    void theClientIsClosedWithTheContextAndSendsNothingAfterwards() {
        ConfigurableApplicationContext[] kept = new ConfigurableApplicationContext[1];
        MittoClient[] client = new MittoClient[1];
        runner.withPropertyValues(atTheSandbox()).run(context -> {
            client[0] = context.getBean(MittoClient.class);
            client[0].send(hello());
            kept[0] = context.getSourceApplicationContext();
        });
        assertThat(kept[0].isActive()).isFalse();
        assertThat(sandbox.received()).hasSize(1);

        assertThatThrownBy(() -> client[0].send(hello())).isInstanceOf(MittoException.class);
        assertThat(sandbox.received()).hasSize(1);
    }

    @Test
    void theApplicationsOwnClientReplacesIt(CapturedOutput output) {
        runner.withUserConfiguration(OwnClient.class).withPropertyValues("mitto.api-key=unused-key").run(context -> {
            assertThat(context).hasSingleBean(MittoClient.class);
            assertThat(context.getBean(MittoClient.class)).isSameAs(context.getBean("ownClient"));
        });
        runner.withUserConfiguration(OwnClient.class).run(context -> {
            assertThat(context).hasSingleBean(MittoClient.class);
        });
        assertThat(output.getAll()).doesNotContain(NO_CLIENT);
    }

    @Test
    void unsetPropertiesTakeTheSdksDefaults() {
        runner.withPropertyValues("mitto.api-key=some-key").run(context -> {
            try (MittoClient sdkDefaults = MittoClient.builder().apiKey("other-key").build()) {
                assertThat(context.getBean(MittoClient.class)).hasToString(sdkDefaults.toString());
            }
        });
    }

    /** The defaults the configuration metadata shows an IDE are the SDK's. */
    @Test
    void theMetadataDefaultsAreTheSdksDefaults() throws Exception {
        List<String> properties = new ArrayList<>(List.of("mitto.api-key=some-key"));
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("metadata written by spring-boot-configuration-processor").isNotNull();
            JsonNode metadata = new ObjectMapper().readTree(in);
            for (JsonNode property : metadata.get("properties")) {
                String name = property.get("name").asText();
                if (property.has("defaultValue") && !name.startsWith("mitto.webhook.")
                        && !name.startsWith("mitto.sandbox.")) {
                    properties.add(name + "=" + property.get("defaultValue").asText());
                }
            }
        }
        assertThat(properties).hasSize(8);
        runner.withPropertyValues(properties.toArray(String[]::new)).run(context -> {
            try (MittoClient sdkDefaults = MittoClient.builder().apiKey("other-key").build()) {
                assertThat(context.getBean(MittoClient.class)).hasToString(sdkDefaults.toString());
            }
        });
    }

    @Test
    void everyMetadataPropertyHasADescription() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            JsonNode metadata = new ObjectMapper().readTree(in);
            List<String> names = new ArrayList<>();
            for (JsonNode property : metadata.get("properties")) {
                names.add(property.get("name").asText());
                assertThat(property.path("description").asText()).as(property.get("name").asText()).hasSizeGreaterThan(30);
            }
            assertThat(names).contains("mitto.api-key", "mitto.region", "mitto.base-url", "mitto.format",
                    "mitto.connect-timeout", "mitto.read-timeout", "mitto.write-timeout", "mitto.call-timeout",
                    "mitto.max-retries", "mitto.webhook.path", "mitto.webhook.inbound-path", "mitto.webhook.token",
                    "mitto.sandbox.enabled");
        }
    }

    @ParameterizedTest
    @CsvSource({"FRANKFURT, https://rest-fra.mittoapi.net/", "frankfurt, https://rest-fra.mittoapi.net/",
            "Singapore, https://rest-sgp.mittoapi.net/", "hong-kong, https://rest-hkg.mittoapi.net/",
            "us_east, https://rest-useast.mittoapi.net/", "default, https://rest.mittoapi.net/"})
    void theRegionIsBoundInAnyCase(String region, String sendingBaseUrl) {
        runner.withPropertyValues("mitto.api-key=some-key", "mitto.region=" + region).run(context -> {
            assertThat(context.getBean(MittoClient.class).toString())
                    .contains("sendingBaseUrl=" + sendingBaseUrl + ",")
                    .contains("baseUrl=https://rest.mittoapi.net/,");
        });
    }

    @Test
    void theBaseUrlWinsOverTheRegion() {
        runner.withPropertyValues(atTheSandbox("mitto.region=FRANKFURT")).run(context -> {
            MittoClient client = context.getBean(MittoClient.class);
            assertThat(client.toString()).contains("sendingBaseUrl=" + sandbox.baseUrl() + "/,");
            client.send(hello());
            assertThat(sandbox.messages()).hasSize(1);
        });
    }

    @Test
    void timeoutsTakeSpringsDurationSyntaxAndRetriesTheirCount() {
        runner.withPropertyValues("mitto.api-key=some-key", "mitto.connect-timeout=300ms", "mitto.read-timeout=5s",
                "mitto.write-timeout=1m", "mitto.call-timeout=PT2S", "mitto.max-retries=0", "mitto.format=json")
                .run(context -> assertThat(context.getBean(MittoClient.class).toString())
                        .contains("connectTimeout=PT0.3S", "readTimeout=PT5S", "writeTimeout=PT1M",
                                "callTimeout=PT2S", "maxRetries=0", "format=JSON"));
    }

    /** Issue 19: mitto.max-parts caps every message the client sends whose request sets no cap of its own. */
    @Test
    void maxPartsRefusesALongerMessageBeforeSendingUnlessTheRequestHasItsOwnCap() {
        runner.withPropertyValues(atTheSandbox("mitto.max-parts=1")).run(context -> {
            MittoClient client = context.getBean(MittoClient.class);
            String twoParts = "x".repeat(161);
            SmsRequest capless = SmsRequest.builder().from("MITTO SMS").to("491725551234").text(twoParts).build();

            assertThatThrownBy(() -> client.send(capless)).isInstanceOf(MittoValidationException.class)
                    .hasMessageStartingWith("the client's maxParts 1 (MittoClient.Builder.maxParts, for every request"
                            + " without a cap of its own) refuses this message: text needs 2 parts as GSM-7");
            assertThatThrownBy(() -> client.sendAsync(capless).join())
                    .hasCauseInstanceOf(MittoValidationException.class);
            assertThat(sandbox.received()).as("nothing was sent").isEmpty();

            client.send(hello());
            client.send(SmsRequest.builder().from("MITTO SMS").to("491725551234").text(twoParts).maxParts(2).build());
            assertThat(sandbox.messages()).extracting(SentMessage::text)
                    .containsExactly("Hello, World!", twoParts);
            assertThat(client.toString()).contains(", maxParts=1");
        });
        try (LogCapture spring = LogCapture.spring()) {
            runner.withPropertyValues("mitto.api-key=some-key", "mitto.max-parts=0").run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause()
                        .hasMessage("maxParts must be at least 1, the part every message costs; got 0");
                assertThat(context.getStartupFailure()).hasStackTraceContaining("The mitto.* properties do not make a"
                        + " valid MittoClient: maxParts must be at least 1");
            });
            assertThat(spring.messages(Level.WARN)).singleElement().asString()
                    .startsWith(LogCapture.REFRESH_CANCELLED).contains("maxParts must be at least 1");
        }
    }

    @Test
    void anInvalidSettingFailsStartupNamingTheRule() {
        try (LogCapture spring = LogCapture.spring()) {
            runner.withPropertyValues("mitto.api-key=some-key", "mitto.max-retries=11").run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("maxRetries must be between 0 and 10");
                assertThat(context.getStartupFailure()).hasStackTraceContaining("mitto.max-retries");
            });
            runner.withPropertyValues("mitto.api-key=some-key", "mitto.base-url=http://example.com").run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).hasStackTraceContaining("baseUrl must use https");
            });
            runner.withPropertyValues("mitto.api-key=some-key", "mitto.region=mars").run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).hasStackTraceContaining("mitto.region");
            });

            assertThat(spring.messages(Level.WARN)).hasSize(3)
                    .allSatisfy(line -> assertThat(line).startsWith(LogCapture.REFRESH_CANCELLED));
        }
    }

    @Test
    void xmlWithoutItsModuleFailsStartupNamingTheArtifact() {
        assertThat(getClass().getClassLoader().getResource("com/fasterxml/jackson/dataformat/xml/XmlMapper.class"))
                .as("this test needs jackson-dataformat-xml absent").isNull();
        try (LogCapture spring = LogCapture.spring()) {
            runner.withPropertyValues("mitto.api-key=some-key", "mitto.format=xml").run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).hasStackTraceContaining("jackson-dataformat-xml");
            });

            assertThat(spring.messages(Level.WARN)).singleElement().asString()
                    .startsWith(LogCapture.REFRESH_CANCELLED);
        }
    }

    @Test
    void theKeyIsNeverInTheProperties() {
        runner.withPropertyValues(atTheSandbox("mitto.webhook.token=s3cret-token")).run(context -> {
            MittoProperties properties = context.getBean(MittoProperties.class);
            assertThat(properties.getApiKey()).isEqualTo(sandbox.apiKey());
            assertThat(properties.toString()).doesNotContain(sandbox.apiKey()).doesNotContain("s3cret-token");
        });
    }

    // --- MITTO_API_KEY: the SDK's variable is not the starter's property ---

    private static ApplicationContextRunner withEnvironmentVariables(ApplicationContextRunner runner,
            Map<String, Object> variables) {
        return runner.withInitializer(context -> context.getEnvironment().getPropertySources().replace(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        variables)));
    }

    @Test
    void theSdksKeyVariableAloneMakesNoClient(CapturedOutput output) {
        withEnvironmentVariables(runner, Map.of("MITTO_API_KEY", sandbox.apiKey(),
                "MITTO_BASE_URL", sandbox.baseUrl())).run(context -> {
                    // What makes this test matter: Spring's relaxed binding alone would take the variable.
                    assertThat(Binder.get(context.getEnvironment()).bind("mitto.api-key", String.class).get())
                            .isEqualTo(sandbox.apiKey());
                    assertThat(context).hasNotFailed().doesNotHaveBean(MittoClient.class);
                    assertThat(context.getBean(MittoProperties.class).getApiKey()).isNull();
                    assertThat(context.getBean(MittoProperties.class).getBaseUrl()).isNull();
                });
        assertThat(output.getAll()).contains(NO_CLIENT)
                .contains("MITTO_API_KEY is set in the environment, but the starter reads it only when told to");
    }

    @Test
    void theSdksVariablesNeverShadowTheApplicationsProperties() {
        // as application.properties is: after the environment variables in Spring's order
        Map<String, Object> applicationProperties = Map.of("mitto.api-key", sandbox.apiKey(), "mitto.base-url",
                sandbox.baseUrl());
        try (MittoSandbox decoy = MittoSandbox.start()) { // where the variable points: it must get nothing
            withEnvironmentVariables(runner, Map.of("MITTO_API_KEY", "wrong-key", "MITTO_BASE_URL",
                    decoy.baseUrl())).withInitializer(context -> context.getEnvironment().getPropertySources()
                            .addLast(new MapPropertySource("application.properties", applicationProperties)))
                    .run(context -> {
                        // the variables come first in Spring's order, and would win if read
                        assertThat(Binder.get(context.getEnvironment()).bind("mitto.api-key", String.class).get())
                                .isEqualTo("wrong-key");
                        context.getBean(MittoClient.class).send(hello());
                        assertThat(sandbox.messages()).hasSize(1);
                        assertThat(context.getBean(MittoProperties.class).getApiKey()).isEqualTo(sandbox.apiKey());
                    });
            assertThat(decoy.received()).isEmpty();
        }
    }

    @Test
    void theVariableIsReadWhenTheApplicationSaysSo() {
        withEnvironmentVariables(runner, Map.of("MITTO_API_KEY", sandbox.apiKey()))
                .withPropertyValues("mitto.api-key=${MITTO_API_KEY}", "mitto.base-url=" + sandbox.baseUrl())
                .run(context -> {
                    context.getBean(MittoClient.class).send(hello());
                    assertThat(sandbox.messages()).hasSize(1);
                });
    }

    @Test
    void springsOwnFormOfTheVariableIsConfiguration() {
        withEnvironmentVariables(runner, Map.of("MITTO_APIKEY", sandbox.apiKey(), "MITTO_BASEURL", sandbox.baseUrl()))
                .run(context -> {
                    context.getBean(MittoClient.class).send(hello());
                    assertThat(sandbox.messages()).hasSize(1);
                });
    }

    /** As above, through a real SpringApplication, whose environment gives variables an origin of their own. */
    @Test
    void theSdksKeyVariableMakesNoClientInARealApplication() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("MITTO_API_KEY", sandbox.apiKey())));
        SpringApplication application = new SpringApplication(JustTheStarter.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setEnvironment(environment);
        try (ConfigurableApplicationContext context = application.run()) {
            assertThat(Binder.get(context.getEnvironment()).bind("mitto.api-key", String.class).get())
                    .isEqualTo(sandbox.apiKey());
            assertThat(context.getBeanNamesForType(MittoClient.class)).isEmpty();
        }
    }

    // --- the sandbox ---

    @Test
    void theSandboxStartsInTheApplicationAndTheClientSendsThere() {
        MittoSandbox[] started = new MittoSandbox[1];
        MittoClient[] client = new MittoClient[1];
        runner.withPropertyValues("mitto.sandbox.enabled=true").run(context -> {
            assertThat(context).hasSingleBean(MittoSandbox.class).hasSingleBean(MittoClient.class);
            started[0] = context.getBean(MittoSandbox.class);
            client[0] = context.getBean(MittoClient.class);
            SmsResponse sent = client[0].send(hello());
            assertThat(started[0].messages()).singleElement().satisfies(m -> assertThat(m.id()).isEqualTo(sent.id()));
            assertThat(sandbox.received()).isEmpty();
        });
        assertThat(started[0].toString()).contains("closed");
        assertThatThrownBy(() -> client[0].send(hello())).isInstanceOf(MittoException.class);
    }

    @Test
    void theSandboxWinsOverAConfiguredKey() {
        runner.withPropertyValues(atTheSandbox("mitto.sandbox.enabled=true")).run(context -> {
            MittoSandbox local = context.getBean(MittoSandbox.class);
            context.getBean(MittoClient.class).send(hello());
            assertThat(local.messages()).hasSize(1);
            assertThat(sandbox.received()).isEmpty();
        });
    }

    @Test
    void theApplicationsOwnSandboxReplacesItAndTheClientSendsThere() {
        runner.withBean("ownSandbox", MittoSandbox.class, MittoSandbox::start)
                .withPropertyValues("mitto.sandbox.enabled=true").run(context -> {
                    assertThat(context).hasSingleBean(MittoSandbox.class);
                    MittoSandbox own = context.getBean("ownSandbox", MittoSandbox.class);
                    context.getBean(MittoClient.class).send(hello());
                    assertThat(own.messages()).hasSize(1);
                });
    }

    @Test
    void noSandboxUnlessEnabled() {
        runner.withPropertyValues(atTheSandbox("mitto.sandbox.enabled=false"))
                .run(context -> assertThat(context).doesNotHaveBean(MittoSandbox.class).hasSingleBean(MittoClient.class));
    }

    // --- metrics ---

    @Test
    void metricsWhenTheApplicationHasARegistry() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).withPropertyValues(atTheSandbox())
                .run(context -> assertThat(context).hasSingleBean(MittoMetrics.class));
    }

    @Test
    void metricsWithBootsOwnRegistry() {
        runner.withConfiguration(BootLine.metrics()).withPropertyValues(atTheSandbox()).run(context -> {
            assertThat(context).hasSingleBean(MittoMetrics.class);
        });
    }

    @Test
    void noMetricsWithoutARegistry() {
        runner.withPropertyValues(atTheSandbox())
                .run(context -> assertThat(context).doesNotHaveBean(MittoMetrics.class).hasSingleBean(MittoClient.class));
    }

    @Test
    void noMetricsWithoutMicrometer() {
        runner.withClassLoader(new FilteredClassLoader("io.micrometer")).withPropertyValues(atTheSandbox())
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(MittoMetrics.class);
                    context.getBean(MittoClient.class).send(hello());
                    assertThat(sandbox.messages()).hasSize(1);
                });
    }

    /** The auto-configured client hears through every listener bean, in their order, metrics included. */
    @Test
    void theClientGetsTheMetricsAndTheApplicationsListenersInTheirOrder() {
        List<String> heard = new CopyOnWriteArrayList<>();
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean("failing", MittoClientListener.class, () -> new Named("failing", 0, null))
                .withBean("second", MittoClientListener.class, () -> new Named("second", 2, heard))
                .withBean("first", MittoClientListener.class, () -> new Named("first", 1, heard))
                .withPropertyValues(atTheSandbox()).run(context -> {
                    try (LogCapture log = LogCapture.of(CompositeListener.class)) {
                        context.getBean(MittoClient.class).send(hello());
                        assertThat(log.messages(ch.qos.logback.classic.Level.WARN)).singleElement().asString()
                                .contains("Named[name=failing").contains("threw from callEnded");
                    }
                    assertThat(heard).containsExactly("first", "second");
                    assertThat(context.getBean(MeterRegistry.class).get(MittoMetrics.CALLS).timer().count())
                            .isEqualTo(1);
                });
    }

    /** A listener that records its name, in the given order; throws without a list to record in. */
    private record Named(String name, int order, List<String> heard) implements MittoClientListener, Ordered {
        @Override
        public void callEnded(CallEnded event) {
            if (heard == null) {
                throw new IllegalStateException("the application's listener failed");
            }
            heard.add(name);
        }

        @Override
        public int getOrder() {
            return order;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClient {
        @Bean(destroyMethod = "close")
        MittoClient ownClient() {
            return MittoClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl()).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(MittoAutoConfiguration.class)
    static class JustTheStarter {
    }
}
