package net.mittoapi.sms.sandbox;

import static net.mittoapi.sms.sandbox.RawHttp.HELLO;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The standalone sandbox: in process through its command line, and as a real {@code java} process. */
class MittoSandboxMainIT {

    private static final Pattern LISTENING = Pattern.compile("Mitto SMS sandbox listening on (http://\\S+)");
    private static final Pattern KEY = Pattern.compile("API key: (\\S+)");
    @Test
    void theCommandLineStartsASandboxAndPrintsItsUrlAndKey() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        try (MittoSandbox sandbox = SandboxCommand.parse(new String[] {"--port", "0", "--api-key", "main-key",
            "--callback-method=post", "--price", "deu=0.075", "--quiet"}).start(out)) {
            String printed = bytes.toString(StandardCharsets.UTF_8);
            Matcher url = LISTENING.matcher(printed);
            Matcher key = KEY.matcher(printed);

            assertThat(url.find()).as(printed).isTrue();
            assertThat(key.find()).as(printed).isTrue();
            assertThat(url.group(1)).isEqualTo(sandbox.baseUrl());
            assertThat(key.group(1)).isEqualTo("main-key");
            assertThat(sandbox.callbackMethod()).isEqualTo(CallbackMethod.POST);
            assertThat(RawHttp.send("POST", url.group(1) + "/sms", "main-key", HELLO, null).status()).isEqualTo(200);
            assertThat(sandbox.messages()).singleElement()
                    .satisfies(message -> assertThat(message.cost()).isEqualByComparingTo("0.075"));
            assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("POST /sms ->");
        }
    }

    @Test
    void withoutQuietItPrintsALinePerRequest() throws InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        try (MittoSandbox sandbox = SandboxCommand.parse(new String[] {"--port=0"}).start(out)) {
            RawHttp.post(sandbox, "/sms.xml", HELLO);
            RawHttp.send("GET", sandbox.baseUrl() + "/nowhere", null, null, null);

            // Each line is written by its handler thread once the answer is out, so either may trail the
            // client by a moment, and in any order.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!(bytes.toString(StandardCharsets.UTF_8).contains("GET /nowhere -> 404")
                    && bytes.toString(StandardCharsets.UTF_8).contains("POST /sms.xml -> 200"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("POST /sms.xml -> 200")
                    .contains("GET /nowhere -> 404");
        }
    }

    @Test
    void theMainClassRunsAsAProcessOnTheDocumentedMinimalClassPath() throws Exception {
        String classPath = minimalClassPath();
        assertThat(classPath).doesNotContain("okhttp").doesNotContain("dataformat-xml");
        Process process = java(classPath, "--port", "0", "--api-key", "process-key");
        try {
            BlockingQueue<String> lines = lines(process);
            String url = null;
            String key = null;
            while (url == null || key == null) {
                String line = lines.poll(60, TimeUnit.SECONDS);
                assertThat(line).as("the sandbox process printed its URL and key in time").isNotNull();
                Matcher urlMatch = LISTENING.matcher(line);
                Matcher keyMatch = KEY.matcher(line);
                if (urlMatch.find()) {
                    url = urlMatch.group(1);
                }
                if (keyMatch.find()) {
                    key = keyMatch.group(1);
                }
            }
            assertThat(key).isEqualTo("process-key");

            RawHttp.Reply reply = RawHttp.send("POST", url + "/sms.xml", key, HELLO, null);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(RawHttp.text(reply.xml(), "to")).isEqualTo("491725551234");

            String logged;
            do {
                logged = lines.poll(60, TimeUnit.SECONDS);
                assertThat(logged).as("the process logged the request").isNotNull();
            } while (!logged.startsWith("POST "));
            assertThat(logged).startsWith("POST /sms.xml -> 200");
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void helpPrintsUsageAndBadOptionsExitWithTwo() throws Exception {
        Process help = java(minimalClassPath(), "--help");
        String usage = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(help.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(help.exitValue()).isZero();
        assertThat(usage).contains("Usage:").contains("--port N").contains("--callback-method GET|POST");

        Process wrong = java(minimalClassPath(), "--colour", "blue");
        String errors = new String(wrong.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(wrong.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(wrong.exitValue()).isEqualTo(2);
        assertThat(errors).contains("unknown option '--colour'").contains("Usage:");
    }

    private static Process java(String classPath, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(classPath);
        command.add(MittoSandbox.class.getName());
        command.addAll(Arrays.asList(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static BlockingQueue<String> lines(Process process) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "sandbox-process-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /**
     * The SDK's classes plus the jars the sandbox's Javadoc names: Jackson databind, core and annotations, and
     * the SLF4J API. Taken from this JVM's class and module paths.
     */
    private static String minimalClassPath() {
        List<String> entries = Stream.of(System.getProperty("java.class.path", ""),
                        System.getProperty("jdk.module.path", ""))
                .flatMap(path -> Arrays.stream(path.split(File.pathSeparator)))
                .filter(entry -> !entry.isEmpty())
                .collect(Collectors.toList());
        List<String> minimal = new ArrayList<>();
        Path mainClasses = Paths.get(MittoSandbox.class.getProtectionDomain().getCodeSource().getLocation()
                .getPath());
        minimal.add(mainClasses.toString());
        for (String prefix : List.of("jackson-databind-", "jackson-core-", "jackson-annotations-", "slf4j-api-")) {
            String jar = entries.stream().filter(entry -> Paths.get(entry).getFileName().toString().startsWith(prefix))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + prefix + " jar in " + entries));
            minimal.add(jar);
        }
        return String.join(File.pathSeparator, minimal);
    }
}
