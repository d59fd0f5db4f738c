package net.mittoapi.sms.sandbox.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.mittoapi.sms.MittoClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The README's sandbox test, exactly as the README shows it: taken from README.md, compiled on its own in the
 * default package against the SDK, JUnit and AssertJ, and run through the JUnit engine. It promises to compile
 * and pass as shown; this keeps the promise.
 */
class ReadmeSandboxExampleTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void theReadmesSandboxTestCompilesAsShownAndPasses(@TempDir Path dir) throws Exception {
        String source = readmeBlockDeclaring("class NotifierTest");
        Path file = dir.resolve("NotifierTest.java");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        Path classes = Files.createDirectories(dir.resolve("classes"));

        // javac as a process, as an application's build runs it (the tests run in the SDK's module, which does not
        // read java.compiler); its arguments in a file, the class path being long.
        Path arguments = dir.resolve("javac.args");
        Files.write(arguments, List.of("-proc:none", "-Xlint:all,-path", "-Werror", "-encoding", "UTF-8",
                "-classpath", quoted(classPath()), "-d", quoted(classes.toString()), quoted(file.toString())),
                StandardCharsets.UTF_8);
        Path log = dir.resolve("javac.log");
        Process javac = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                "@" + arguments).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(javac.waitFor(2, TimeUnit.MINUTES)).as("javac ended within 2 minutes").isTrue();
        assertThat(javac.exitValue()).as("the README's sandbox test does not compile as shown:%n%s",
                Files.readString(log)).isZero();

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            Class<?> readmeTest = loader.loadClass("NotifierTest");
            EngineTestKit.engine("junit-jupiter").selectors(selectClass(readmeTest)).execute().testEvents()
                    .assertStatistics(stats -> stats.started(2).succeeded(2).failed(0).aborted(0));
        }
    }

    private static String quoted(String argument) {
        return "\"" + argument.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** @return the one ```java block of README.md that holds {@code marker} */
    private static String readmeBlockDeclaring(String marker) throws IOException {
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8).replace("\r\n", "\n");
        List<String> blocks = new ArrayList<>();
        Matcher matcher = JAVA_BLOCK.matcher(readme);
        while (matcher.find()) {
            if (matcher.group(1).contains(marker)) {
                blocks.add(matcher.group(1));
            }
        }
        assertThat(blocks).as("README.md's java blocks declaring '%s'", marker).hasSize(1);
        return blocks.get(0);
    }

    /** The test class path, and the jars of what the snippet uses wherever they are (surefire may hide them). */
    private static String classPath() throws URISyntaxException {
        Set<String> entries = new LinkedHashSet<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        for (Class<?> used : List.of(MittoClient.class, MittoSandboxExtension.class, Test.class,
                org.junit.jupiter.api.extension.ExtendWith.class, org.assertj.core.api.Assertions.class,
                okhttp3.OkHttpClient.class, org.apiguardian.api.API.class, org.jspecify.annotations.Nullable.class)) {
            entries.add(Path.of(used.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return String.join(File.pathSeparator, entries);
    }
}
