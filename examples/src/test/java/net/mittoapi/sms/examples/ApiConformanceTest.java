package net.mittoapi.sms.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.mittoapi.sms.sandbox.MittoSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ApiConformance} run as a user runs it, a JVM of its own with its environment, against a sandbox on
 * loopback: what it learns there is labelled as that server's answers, never as facts about Mitto's API; and
 * without a key it sends nothing.
 */
class ApiConformanceTest {

    @TempDir
    Path work;

    @Test
    void pointedAtASandboxItSaysTheAnswersAreTheSandboxsNotFactsAboutTheApi() throws Exception {
        try (MittoSandbox sandbox = MittoSandbox.start()) {
            List<String> printed = run(Map.of("MITTO_API_KEY", sandbox.apiKey(), "MITTO_BASE_URL", sandbox.baseUrl()));

            assertThat(printed.get(0)).startsWith("A dry run against the server on this machine at "
                    + sandbox.baseUrl()).contains("not facts about Mitto's API");
            assertThat(printed).noneMatch(line -> line.startsWith("Mitto API conformance"))
                    .contains("| # | question | sent | its answer (HTTP, responseCode, textLength) | what it would"
                            + " mean, were it Mitto's answer |")
                    .contains("Learned about Mitto's API: nothing. These were the answers of the server on this"
                            + " machine at " + sandbox.baseUrl() + ".");
            List<String> rows = printed.stream().filter(line -> line.matches("\\| \\d+ \\|.*")).toList();
            assertThat(rows).hasSize(12).allSatisfy(row -> assertThat(row).contains("| if Mitto answered so: "));
            // Every question was asked there, in test mode, and nothing went to the geo hosts.
            assertThat(sandbox.received()).hasSize(12).extracting(request -> request.field("test"))
                    .containsOnly(Optional.of("true"));
        }
    }

    @Test
    void withoutAKeyItListsItsQuestionsAndSendsNothing() throws Exception {
        try (MittoSandbox sandbox = MittoSandbox.start()) {
            List<String> printed = run(Map.of("MITTO_BASE_URL", sandbox.baseUrl()));

            assertThat(printed.get(0)).startsWith("MITTO_API_KEY is not set, so nothing is sent.")
                    .contains("(MITTO_BASE_URL; the geo hosts skipped)")
                    .endsWith("prints what the server on this machine at " + sandbox.baseUrl() + " answered:");
            assertThat(printed).filteredOn(line -> line.startsWith("  - ")).hasSize(12);
            assertThat(sandbox.received()).isEmpty();
        }
    }

    /** @return what {@code ApiConformance} printed, run in a JVM of its own with this environment and no other key */
    private List<String> run(Map<String, String> environment) throws Exception {
        Path log = work.resolve("out.log");
        ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                ApiConformance.class.getName()).redirectErrorStream(true).redirectOutput(log.toFile());
        java.environment().keySet().removeIf(name -> name.startsWith("MITTO_"));
        java.environment().putAll(environment);
        Process process = java.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("ApiConformance ended within 2 minutes").isTrue();
        List<String> printed = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("exit status; it printed:%n%s", String.join("\n", printed)).isZero();
        return printed;
    }
}
