package net.mittoapi.sms.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * The sandbox is an optional dependency of the starter: an application without {@code mitto-sms-sandbox} on its
 * class path starts as before, unless it sets {@code mitto.sandbox.enabled=true}, which then fails at start-up
 * with a message that names the artifact. Proved in a class loader that truly lacks the sandbox (this test's
 * class path without the sandbox's jar), where any stray reference to its classes would fail to load.
 */
class SandboxOptionalTest {

    private static final String ARTIFACT = "net.mittoapi:mitto-sms-sandbox";

    @Test
    void withoutTheSandboxAnApplicationWithAKeyStartsWithItsClient() throws Exception {
        String outcome = inClassPathWithoutTheSandbox(StartWithKey.class);

        assertThat(outcome).isEqualTo("started with a MittoClient");
    }

    @Test
    void withoutTheSandboxEnablingItFailsAtStartUpNamingTheArtifact() throws Exception {
        String outcome = inClassPathWithoutTheSandbox(StartWithSandbox.class);

        assertThat(outcome).startsWith("failed: ").contains(ARTIFACT).contains("mitto.sandbox.enabled=true")
                .contains("\nlogged WARN " + LogCapture.REFRESH_CANCELLED)
                .contains("\nlogged ERROR").contains("APPLICATION FAILED TO START");
    }

    @Test
    void theFailureAnalyzerIsRegisteredAndSaysWhatToAdd() {
        // Spring Boot's own analyzers need a bean factory to be built: skipped here, as a context would pass one.
        List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
                .load(FailureAnalyzer.class, (type, name, failure) -> { });
        FailureAnalyzer ours = analyzers.stream().filter(a -> a instanceof SandboxMissingFailureAnalyzer)
                .findFirst().orElseThrow(() -> new AssertionError("not registered in META-INF/spring.factories"));

        FailureAnalysis analysis = ours.analyze(new IllegalStateException("wrapped", new SandboxMissingException()));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("mitto.sandbox.enabled=true").contains(ARTIFACT);
        assertThat(analysis.getAction()).contains(ARTIFACT).contains("test scope");
    }

    @Test
    void withTheSandboxEnablingItStillStartsOne() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Empty.class)
                .web(WebApplicationType.NONE).properties("mitto.sandbox.enabled=true").run()) {
            assertThat(context.getBean(MittoAutoConfiguration.SandboxAddress.class).baseUrl())
                    .startsWith("http://127.0.0.1:");
        }
    }

    /** Runs {@code call} in a class loader that has this test's class path but no class of the sandbox. */
    private static String inClassPathWithoutTheSandbox(Class<? extends Callable<String>> call) throws Exception {
        List<URL> urls = new ArrayList<>();
        int removed = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String normalized = entry.replace('\\', '/');
            if (normalized.contains("mitto-sms-sandbox") || normalized.endsWith("sandbox/target/classes")) {
                removed++;
                continue;
            }
            urls.add(toUrl(entry));
        }
        assertThat(removed).as("the sandbox's entries on the test class path").isPositive();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader isolated = new URLClassLoader(urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> isolated.loadClass(MittoAutoConfiguration.SANDBOX_CLASS))
                    .isInstanceOf(ClassNotFoundException.class);
            Thread.currentThread().setContextClassLoader(isolated);
            Object runner = isolated.loadClass(call.getName()).getDeclaredConstructor().newInstance();
            return (String) runner.getClass().getMethod("call").invoke(runner);
        } catch (InvocationTargetException e) {
            throw new AssertionError("the isolated start threw", e.getCause());
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static URL toUrl(String entry) {
        try {
            return Path.of(entry).toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(entry, e);
        }
    }

    /** An application with nothing of its own: the starter's auto-configuration alone. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(MittoAutoConfiguration.class)
    public static class Empty {
    }

    /** Starts an application with a key and no sandbox; says what it got. */
    public static final class StartWithKey implements Callable<String> {
        @Override
        public String call() {
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Empty.class)
                    .web(WebApplicationType.NONE).properties("mitto.api-key=k", "mitto.base-url=http://127.0.0.1:9")
                    .run()) {
                return context.getBeanNamesForType(net.mittoapi.sms.MittoClient.class).length == 1
                        ? "started with a MittoClient" : "started without a client";
            }
        }
    }

    /** Starts an application that enables the sandbox; says how it failed, and what Spring logged of it. */
    public static final class StartWithSandbox implements Callable<String> {
        @Override
        public String call() {
            try (LogCapture spring = LogCapture.spring()) {
                // No JVM shutdown hook: it would outlive this class loader, closed right after, and fail at exit.
                SpringApplicationBuilder application = new SpringApplicationBuilder(Empty.class)
                        .web(WebApplicationType.NONE).properties("mitto.sandbox.enabled=true")
                        .registerShutdownHook(false);
                LogCapture.withoutLoggingSetUp(application.application());
                try (ConfigurableApplicationContext context = application.run()) {
                    return "started: " + context.getBeanDefinitionCount();
                } catch (RuntimeException e) {
                    Throwable root = e;
                    while (root.getCause() != null) {
                        root = root.getCause();
                    }
                    StringBuilder outcome = new StringBuilder("failed: " + root.getClass().getSimpleName() + ": "
                            + root.getMessage());
                    for (Level level : List.of(Level.WARN, Level.ERROR)) {
                        spring.messages(level).forEach(line -> outcome.append("\nlogged ").append(level).append(' ')
                                .append(line));
                    }
                    return outcome.toString();
                }
            }
        }
    }
}
