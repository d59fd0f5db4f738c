package net.mittoapi.sms.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import java.io.File;
import java.io.StringWriter;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.SmsResponse;
import net.mittoapi.sms.sandbox.Fault;
import net.mittoapi.sms.sandbox.MittoSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The README's "Spring Boot" section as an application, on the Boot line under test (4.0 by default, 3.5 with
 * {@code -Pboot3}): its properties become the application's {@code application.properties}, its Java classes are
 * compiled as shown and are the application's beans, and the dependencies it names are this test's class path.
 * Started by {@link SpringApplication} as an application's {@code main} starts it (not as a Spring test, which would
 * switch metrics export off), with what the section says for running without an account,
 * {@code mitto.sandbox.enabled=true}, and a free port. One send that meets one 503 then comes back as a delivery
 * report that the section's listener logs, and {@code /actuator/prometheus} serves the lines the section shows.
 */
class ReadmeSpringBootTest {

    private static final Pattern FENCE = Pattern.compile("(?m)^```(.*)\\n((?s:.*?))^```$");
    private static final Pattern TYPE = Pattern.compile("(?m)^(?:public\\s+)?(?:final\\s+)?class\\s+(\\w+)");
    private static final Pattern SERIES = Pattern.compile("^(\\S+\\{[^}]*\\}) (\\S+)$");

    /** The application class the user has: only {@code @SpringBootApplication}'s two halves, no scanning. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }

    @TempDir
    Path work;

    @Test
    void theSectionsApplicationSendsHearsItsReportAndServesTheThreeMeters() throws Exception {
        assertThat(SpringBootVersion.getVersion()).startsWith(System.getProperty("mitto.test.boot-line", "4") + ".");
        Map<String, List<String>> blocks = blocks(section(Files.readString(Path.of("../README.md"),
                StandardCharsets.UTF_8), "## Spring Boot"));

        assertTheNamedDependenciesAreOnTheClassPath(String.join("", blocks.getOrDefault("xml", List.of())));
        Path properties = work.resolve("application.properties");
        Files.writeString(properties, String.join("", blocks.get("properties")), StandardCharsets.UTF_8);
        List<Class<?>> classes = new ArrayList<>(List.of(Application.class));
        URLClassLoader loader = compile(blocks.get("java"));
        for (String source : blocks.get("java")) {
            Matcher type = TYPE.matcher(source);
            assertThat(type.find()).as("a class declared in:%n%s", source).isTrue();
            classes.add(loader.loadClass(type.group(1)));
        }
        assertThat(classes).extracting(Class::getName).contains("Deliveries");

        ch.qos.logback.classic.Logger deliveriesLog = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("Deliveries");
        String loggingSystem = System.getProperty("org.springframework.boot.logging.LoggingSystem");
        // Boot would reconfigure Logback from scratch; the test's own configuration (and its captures) stays, and
        // Tomcat's java.util.logging lines go to it, as Boot's logging system would send them.
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        boolean bridged = SLF4JBridgeHandler.isInstalled();
        if (!bridged) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        deliveriesLog.setLevel(Level.INFO);
        SpringApplication application = new SpringApplication(classes.toArray(Class<?>[]::new));
        application.setResourceLoader(new DefaultResourceLoader(loader));
        try (LogCapture webhook = LogCapture.of(MittoWebhookAutoConfiguration.class);
                LogCapture deliveries = LogCapture.of("Deliveries");
                ConfigurableApplicationContext context = application.run(
                        "--spring.config.location=file:" + properties, "--server.port=0", "--mitto.sandbox.enabled=true",
                        "--spring.main.banner-mode=off")) {
            // The section sets no token: the one warning at start-up says so (docs/spring-boot.md).
            assertThat(webhook.messages(Level.WARN)).singleElement().asString().contains("/mitto/reports")
                    .contains("without a token");

            context.getBean(MittoSandbox.class).enqueueFault(Fault.serviceUnavailable());
            SmsResponse sent = context.getBean(MittoClient.class).send(SmsRequest.builder().from("MITTO SMS")
                    .to("491725551234").text("Your code is 1234").build());

            // The sandbox's report came back to mitto.webhook.path, and the section's listener logged it.
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(deliveries.messages(Level.INFO))
                    .containsExactly(sent.id() + " is DELIVERED on network 26201"));

            String port = context.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(), BodyHandlers.ofString());
            assertThat(scrape.statusCode()).as("/actuator/prometheus").isEqualTo(200);
            assertTheShownLinesAreServed(String.join("", blocks.get("text")), scrape.body());
        } finally {
            deliveriesLog.setLevel(null);
            if (!bridged) {
                SLF4JBridgeHandler.uninstall();
                java.util.logging.LogManager.getLogManager().readConfiguration();
            }
            if (loggingSystem == null) {
                System.clearProperty("org.springframework.boot.logging.LoggingSystem");
            } else {
                System.setProperty("org.springframework.boot.logging.LoggingSystem", loggingSystem);
            }
            loader.close();
        }
    }

    /** Every line the section shows is served with its value; a time (a {@code _seconds_sum}) only as some time. */
    private static void assertTheShownLinesAreServed(String shown, String scrape) {
        Map<String, String> served = new LinkedHashMap<>();
        scrape.lines().map(SERIES::matcher).filter(Matcher::matches).forEach(m -> served.put(m.group(1), m.group(2)));
        List<String> lines = shown.lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).as("the Prometheus lines the README shows").hasSizeGreaterThanOrEqualTo(3)
                .anyMatch(line -> line.startsWith("mitto_sms_calls_seconds_count{"))
                .anyMatch(line -> line.startsWith("mitto_sms_retries_total{"))
                .anyMatch(line -> line.startsWith("mitto_sms_segments_count{"));
        for (String line : lines) {
            Matcher shownLine = SERIES.matcher(line);
            assertThat(shownLine.matches()).as("a Prometheus line: %s", line).isTrue();
            String series = shownLine.group(1);
            assertThat(served).as("/actuator/prometheus serves %s; it served:%n%s", series, scrape)
                    .containsKey(series);
            if (series.contains("_seconds_sum{")) {
                assertThat(Double.parseDouble(served.get(series))).as(series).isPositive();
            } else {
                assertThat(served.get(series)).as(series).isEqualTo(shownLine.group(2));
            }
        }
    }

    /**
     * The artifacts the section's dependency block names, each on this test's class path: the starter (this project),
     * and the others as jars, with the web starter of the running Boot line, as the block's comment says.
     */
    private static void assertTheNamedDependenciesAreOnTheClassPath(String xml) {
        List<String> named = new ArrayList<>();
        Matcher artifact = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(xml);
        while (artifact.find()) {
            named.add(artifact.group(1));
        }
        assertThat(named).contains("mitto-sms-spring-boot-starter", "spring-boot-starter-webmvc",
                "spring-boot-starter-actuator", "micrometer-registry-prometheus");
        assertThat(xml).as("the Boot 3.5 name of the web starter").contains("spring-boot-starter-web ");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String name : named) {
            if (name.equals("mitto-sms-spring-boot-starter")) {
                continue;
            }
            String jar = BootLine.major() >= 4 || !name.equals("spring-boot-starter-webmvc") ? name
                    : "spring-boot-starter-web";
            assertThat(classPath.split(File.pathSeparator)).as("the jar of %s", jar)
                    .anyMatch(entry -> Path.of(entry).getFileName().toString().matches(
                            Pattern.quote(jar) + "-\\d[^/]*\\.jar"));
        }
    }

    /** @return the section's Java blocks compiled as shown, in a class loader of their own */
    private URLClassLoader compile(List<String> sources) throws Exception {
        Path sourceDir = Files.createDirectories(work.resolve("src"));
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<File> files = new ArrayList<>();
        for (String source : sources) {
            Matcher type = TYPE.matcher(source);
            assertThat(type.find()).isTrue();
            Path file = sourceDir.resolve(type.group(1) + ".java");
            Files.writeString(file, source, StandardCharsets.UTF_8);
            files.add(file.toFile());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean compiled = javac.getTask(diagnostics, null, null, List.of("-proc:none", "-Xlint:all,-path,-processing",
                "-Werror", "-parameters", "-classpath",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "-d", classes.toString()), null, javac.getStandardFileManager(null, Locale.ROOT,
                        StandardCharsets.UTF_8).getJavaFileObjectsFromFiles(files)).call();
        assertThat(compiled).as("the README's Spring Boot classes compile as shown:%n%s", diagnostics).isTrue();
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    }

    /** @return the text from the heading to the next heading of its level */
    private static String section(String markdown, String heading) {
        int start = markdown.indexOf("\n" + heading + "\n");
        assertThat(start).as("README.md's section %s", heading).isNotNegative();
        int end = markdown.indexOf("\n## ", start + heading.length() + 2);
        return markdown.substring(start, end < 0 ? markdown.length() : end);
    }

    /** @return the section's fenced blocks by language (the info string's first word), in order */
    private static Map<String, List<String>> blocks(String section) {
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        Matcher fence = FENCE.matcher(section);
        while (fence.find()) {
            String language = fence.group(1).strip().split("\\s+")[0];
            blocks.computeIfAbsent(language, key -> new ArrayList<>()).add(fence.group(2));
        }
        assertThat(blocks).as("the section's blocks").containsKeys("xml", "properties", "java", "text");
        return blocks;
    }
}
