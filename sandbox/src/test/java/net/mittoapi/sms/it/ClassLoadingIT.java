package net.mittoapi.sms.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.mittoapi.sms.Format;
import net.mittoapi.sms.sandbox.Fault;
import net.mittoapi.sms.sandbox.MittoSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JSON client never loads the XML stack, even when {@code jackson-dataformat-xml} and Woodstox are on the
 * class path (as they are on the test class path): an application that chose JSON pays neither the start-up
 * time nor the memory of XML classes. Behaviour, not timing: a fresh JVM runs {@link ClassLoadingClient}
 * with {@code -Xlog:class+load} against the sandbox on loopback (in this JVM; MockWebServer cannot run on the
 * module path the integration tests use), and the log of every class it loaded is searched. The same program in XML is the control: it must load the XML classes, which shows the log sees
 * them when they load.
 */
class ClassLoadingIT {

    /** jackson-dataformat-xml, Woodstox and the Stax2 API Woodstox is built on. */
    private static final List<String> XML_PACKAGES = List.of("com.fasterxml.jackson.dataformat.xml.",
            "com.ctc.wstx.", "org.codehaus.stax2.");
    private static final Pattern LOADED = Pattern.compile("\\[class,load\\] (\\S+) source:");

    @TempDir
    Path dir;

    @Test
    void aJsonClientLoadsNoXmlClassEvenWithTheXmlLibraryOnTheClassPath() throws Exception {
        String classPath = classPath();
        assertThat(classPath).as("the XML library is on the class path the JVM gets")
                .contains("jackson-dataformat-xml").contains("woodstox-core");

        List<String> loaded = run(Format.JSON, classPath);

        assertThat(loaded).as("the log lists the client's own classes and Jackson's")
                .contains("net.mittoapi.sms.MittoClient", "net.mittoapi.sms.internal.codec.Codec",
                        "com.fasterxml.jackson.databind.ObjectMapper", "okhttp3.OkHttpClient");
        assertThat(loaded.stream().filter(ClassLoadingIT::isXmlStack))
                .as("classes of jackson-dataformat-xml or Woodstox loaded by a JSON client")
                .isEmpty();
        assertThat(loaded).doesNotContain("net.mittoapi.sms.internal.codec.XmlSupport");
    }

    @Test
    void theSameProgramInXmlLoadsThem() throws Exception {
        List<String> loaded = run(Format.XML, classPath());

        assertThat(loaded).contains("net.mittoapi.sms.internal.codec.XmlSupport",
                "com.fasterxml.jackson.dataformat.xml.XmlMapper");
        assertThat(loaded).anySatisfy(name -> assertThat(name).startsWith("com.ctc.wstx."));
    }

    /** Runs {@link ClassLoadingClient} in a fresh JVM against the sandbox; returns the classes it loaded. */
    private List<String> run(Format format, String classPath) throws Exception {
        Path log = dir.resolve(format + "-classes.log");
        try (MittoSandbox sandbox = MittoSandbox.start()) {
            sandbox.enqueueFault(Fault.responseCode(6), 1);
            List<String> command = List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xlog:class+load=info:file=" + log, "-cp", classPath, ClassLoadingClient.class.getName(),
                    sandbox.baseUrl(), sandbox.apiKey(), format.name());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the program ended; it printed:%n%s", output)
                    .isTrue();
            assertThat(process.exitValue()).as("exit status; it printed:%n%s", output).isZero();
            assertThat(output).contains("refused responseCode=6", "sent to=491725551234", "async to=491725551234");
            assertThat(sandbox.received()).hasSize(3)
                    .allSatisfy(r -> assertThat(r.path()).isEqualTo(format == Format.JSON ? "/sms.json" : "/sms.xml"));
        }
        List<String> loaded = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = LOADED.matcher(line);
            if (m.find()) {
                loaded.add(m.group(1));
            }
        }
        return loaded;
    }

    private static boolean isXmlStack(String className) {
        return XML_PACKAGES.stream().anyMatch(className::startsWith);
    }

    /** This JVM's class path and module path, as one class path: the SDK, its dependencies, the tests. */
    private static String classPath() {
        return Stream.of(System.getProperty("java.class.path", ""), System.getProperty("jdk.module.path", ""))
                .flatMap(path -> Arrays.stream(path.split(File.pathSeparator)))
                .filter(entry -> !entry.isEmpty())
                .distinct()
                .collect(Collectors.joining(File.pathSeparator));
    }
}
