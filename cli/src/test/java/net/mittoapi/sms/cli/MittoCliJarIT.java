package net.mittoapi.sms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.mittoapi.sms.sandbox.Fault;
import net.mittoapi.sms.sandbox.MittoSandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged {@code target/mitto-cli.jar}, run as a user runs it ({@code java -jar}, a process of its own): its
 * dependencies are inside, and each command works through it.
 */
class MittoCliJarIT {

    private static final Pattern LISTENING = Pattern.compile("Mitto SMS sandbox listening on (http://\\S+)");

    private static Path jar;

    @BeforeAll
    static void findTheJar() {
        jar = Paths.get(System.getProperty("mitto.cli.jar", "target/mitto-cli.jar"));
        assertThat(jar).as("the packaged jar (run mvn package first)").isRegularFile();
    }

    private static ProcessBuilder java(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("MITTO_API_KEY");
        builder.environment().remove("MITTO_BASE_URL");
        builder.environment().putAll(env);
        return builder;
    }

    /** Runs to the end (bounded generously) and returns the exit code and everything it printed. */
    private static String[] runToEnd(ProcessBuilder builder, String stdin) throws Exception {
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the process ended; it printed: %s", output).isTrue();
        return new String[] {Integer.toString(process.exitValue()), output};
    }

    @Test
    void helpAndVersionRunFromTheJarAlone() throws Exception {
        String[] help = runToEnd(java(Map.of(), "--help"), "");
        String[] version = runToEnd(java(Map.of(), "--version"), "");

        assertThat(help[0]).isEqualTo("0");
        assertThat(help[1]).contains("sandbox").contains("segments").contains("send");
        assertThat(version[0]).isEqualTo("0");
        assertThat(version[1]).contains("mitto-cli 0.1.0").contains("built with mitto-sms 0.1.0");
    }

    @Test
    void segmentsReadsUtf8FromStandardInput() throws Exception {
        String[] result = runToEnd(java(Map.of(), "segments", "-"), "Grüße – “bis bald”\n");

        assertThat(result[0]).isEqualTo("0");
        assertThat(result[1]).contains("Encoding:  UCS-2: 3 characters are not in GSM-7")
                .contains("'–' U+2013 EN DASH").contains("U+201C LEFT DOUBLE QUOTATION MARK")
                .contains("GsmNormalizer.normalize would send: \"Grüße - \\\"bis bald\\\"\"");
    }

    @Test
    void segmentsSaysWhatTransliterateWouldReplaceAndSave() throws Exception {
        String[] result = runToEnd(java(Map.of(), "segments", "--transliterate", "-"),
                "Łódź – “Café” Ștefan " + "x".repeat(60) + "\n");

        assertThat(result[0]).isEqualTo("0");
        assertThat(result[1]).isEqualTo("""
                Text:      81 characters
                Encoding:  UCS-2: 7 characters are not in GSM-7
                Length:    81 UTF-16 units
                Parts:     2 of up to 67 UTF-16 units each (a concatenated message's header takes the rest of 70); \
                53 UTF-16 units left in the last
                  part 1: 67 UTF-16 units "Łódź – “Café” Ștefan %1$s"
                  part 2: 14 UTF-16 units "%2$s"
                Forced UCS-2 by 7 characters (in order of appearance):
                  'Ł' U+0141 LATIN CAPITAL LETTER L WITH STROKE
                  'ó' U+00F3 LATIN SMALL LETTER O WITH ACUTE
                  'ź' U+017A LATIN SMALL LETTER Z WITH ACUTE
                  '–' U+2013 EN DASH
                  '“' U+201C LEFT DOUBLE QUOTATION MARK
                  '”' U+201D RIGHT DOUBLE QUOTATION MARK
                  'Ș' U+0218 LATIN CAPITAL LETTER S WITH COMMA BELOW
                GsmNormalizer.transliterate would make 7 replacements (at: index in UTF-16 units):
                  at 0: "Ł" U+0141 LATIN CAPITAL LETTER L WITH STROKE → "L"
                  at 1: "ó" U+00F3 LATIN SMALL LETTER O WITH ACUTE → "o"
                  at 3: "ź" U+017A LATIN SMALL LETTER Z WITH ACUTE → "z"
                  at 5: "–" U+2013 EN DASH → "-"
                  at 7: "“" U+201C LEFT DOUBLE QUOTATION MARK → "\\""
                  at 12: "”" U+201D RIGHT DOUBLE QUOTATION MARK → "\\""
                  at 14: "Ș" U+0218 LATIN CAPITAL LETTER S WITH COMMA BELOW → "S"
                GsmNormalizer.transliterate would send: "Lodz - \\"Café\\" Stefan %3$s"
                  before: UCS-2, 81 UTF-16 units, 2 parts
                  after:  GSM-7, 81 septets, 1 part (1 part fewer)
                """.formatted("x".repeat(46), "x".repeat(14), "x".repeat(60)));
    }

    @Test
    void previewCountsAndPricesAListFromArgumentsAFileAndStandardInput() throws Exception {
        Path dir = Files.createTempDirectory("mitto-cli-preview");
        try {
            Path prices = dir.resolve("prices.csv");
            Files.writeString(prices, PreviewCommandTest.PRICES, StandardCharsets.UTF_8);
            Path numbers = dir.resolve("numbers.txt");
            Files.writeString(numbers, "33612345678, 12025550123\n491765410994\n", StandardCharsets.UTF_8);

            String[] result = runToEnd(java(Map.of(), "preview", "--text", PreviewCommandTest.TWO_PARTS,
                    "--to", "491725551234", "--to-file", numbers.toString(), "--prices", "-"),
                    PreviewCommandTest.PRICES);
            String[] fromStdin = runToEnd(java(Map.of(), "preview", "--text", PreviewCommandTest.TWO_PARTS,
                    "--to-file", "-", "--prices", prices.toString()), PreviewCommandTest.NUMBERS);

            assertThat(result[0]).as(result[1]).isEqualTo("0");
            assertThat(result[1]).isEqualTo("""
                    Each message: 2 parts of GSM-7
                    +49 DEU: 2 recipients, 4 parts × 0.075 = 0.300
                    +33 FRA: 1 recipient, 2 parts × 0.081 = 0.162
                    +1 shared by 25 countries (%s): 1 recipient, 2 parts × 0.0085 (+1's price) = 0.0170
                    Total: 4 recipients, 8 parts, 0.4790
                    """.formatted(PreviewCommandTest.NANP));
            assertThat(fromStdin[0]).as(fromStdin[1]).isEqualTo("0");
            assertThat(fromStdin[1]).isEqualTo("""
                    Each message: 2 parts of GSM-7
                    +49 DEU: 3 recipients, 6 parts × 0.075 = 0.450
                    +33 FRA: 1 recipient, 2 parts × 0.081 = 0.162
                    +1 shared by 25 countries (%s): 2 recipients, 4 parts × 0.0085 (+1's price) = 0.0340
                    +7 shared by 2 countries (RUS, KAZ): 2 recipients, 4 parts, not priced: its countries' prices \
                    differ (RUS 0.05, KAZ 0.07); give +7 a price
                    No country (a spare calling code, or a global service's): 1 recipient, 2 parts, not priced
                      99912345678
                    Total: 9 recipients, 18 parts, 0.6460 for the 6 recipients priced; 3 not priced
                    """.formatted(PreviewCommandTest.NANP));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    @Test
    void sendTakesTheKeyFromTheEnvironment() throws Exception {
        try (MittoSandbox sandbox = MittoSandbox.start()) {
            String[] result = runToEnd(java(Map.of("MITTO_API_KEY", sandbox.apiKey(), "MITTO_BASE_URL", sandbox.baseUrl()),
                    "send", "--test", "--from", "MITTO SMS", "--to", "491725551234", "--text", "Hello, World!"), "");

            assertThat(result[0]).as(result[1]).isEqualTo("0");
            assertThat(sandbox.messages()).singleElement().satisfies(message -> {
                assertThat(message.test()).isTrue();
                assertThat(result[1]).contains("  id          " + message.id());
            });
            assertThat(result[1]).doesNotContain(sandbox.apiKey());
        }
    }

    @Test
    void theSandboxServesUntilTheProcessIsStoppedThenSaysWhatItReceived() throws Exception {
        Process process = java(Map.of(), "sandbox", "--port", "0", "--key", "jar-key").start();
        try {
            BlockingQueue<String> lines = lines(process);
            String url = null;
            List<String> seen = new ArrayList<>();
            while (url == null) {
                String line = lines.poll(60, TimeUnit.SECONDS);
                assertThat(line).as("the sandbox printed its URL in time; so far: %s", seen).isNotNull();
                seen.add(line);
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    url = listening.group(1);
                }
            }

            assertThat(post(url + "/sms.xml", "jar-key",
                    "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"Hello, World!\"}")).isEqualTo(200);
            String logged;
            do {
                logged = lines.poll(60, TimeUnit.SECONDS);
                assertThat(logged).as("the request was logged").isNotNull();
            } while (!logged.startsWith("POST "));
            assertThat(logged).startsWith("POST /sms.xml -> 200 (");

            // SIGTERM, which runs the shutdown hook as Ctrl+C's SIGINT does. Through the handle: Process.destroy()
            // would also close this side's end of the process's output, and lose what the hook prints.
            process.toHandle().destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            List<String> after = new ArrayList<>();
            String last;
            do {
                last = lines.poll(10, TimeUnit.SECONDS);
                assertThat(last).as("the sandbox said it stopped; exit %s; after the request: %s", process.exitValue(),
                        after).isNotNull();
                after.add(last);
            } while (!last.startsWith("Sandbox stopped"));
            assertThat(last).isEqualTo("Sandbox stopped: 1 request received, 1 message accepted.");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void interruptedWhileWaitingForTheAnswerItSaysTheMessageMayHaveBeenSentAndExitsAsMaybeDelivered() throws Exception {
        try (MittoSandbox sandbox = MittoSandbox.start()) {
            // The sandbox takes the request, then holds the answer: the interrupt lands mid-call.
            sandbox.enqueueFault(Fault.delay(Duration.ofSeconds(25)));
            Process process = java(Map.of("MITTO_API_KEY", sandbox.apiKey(), "MITTO_BASE_URL", sandbox.baseUrl()),
                    "send", "--from", "MITTO SMS", "--to", "491725551234", "--text", "Hello, World!").start();
            try {
                BlockingQueue<String> lines = lines(process);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (sandbox.received().isEmpty() && process.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(sandbox.received()).as("the request reached the sandbox; printed: %s", lines).hasSize(1);

                String signal = interrupt(process);
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the process ended on SIG%s", signal).isTrue();

                List<String> printed = drain(lines);
                assertThat(process.exitValue()).as("exit code after SIG%s; printed: %s", signal, printed)
                        .isEqualTo(3);
                assertThat(String.join("\n", printed))
                        .contains("Sending 1 part of GSM-7 (13 septets) to 1 recipient")
                        .contains("Interrupted while waiting for the answer: the message may have been sent.")
                        .contains("Do not send it again blindly")
                        .doesNotContain(sandbox.apiKey());
            } finally {
                process.destroyForcibly();
            }
        }
    }

    /**
     * Sends SIGINT, as Ctrl+C does, with {@code kill -INT}. A JVM started with SIGINT ignored (as a non-interactive
     * shell starts its background jobs, and their children inherit) keeps it ignored; then SIGTERM, which runs the
     * same shutdown, stands in for it.
     *
     * @return the signal sent: {@code INT} or {@code TERM}
     */
    private static String interrupt(Process process) throws Exception {
        if (!catchesSigint(process.pid())) {
            process.toHandle().destroy();
            return "TERM";
        }
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).as("kill -INT").isZero();
        return "INT";
    }

    /** @return whether the process handles SIGINT, read from {@code /proc} where there is one (else assumed) */
    private static boolean catchesSigint(long pid) throws IOException {
        Path status = Paths.get("/proc", Long.toString(pid), "status");
        if (!Files.isReadable(status)) {
            return true;
        }
        for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
            if (line.startsWith("SigCgt:")) {
                return (Long.parseUnsignedLong(line.substring("SigCgt:".length()).strip(), 16) & (1L << 1)) != 0;
            }
        }
        return false;
    }

    /** @return the lines printed until the output ends (bounded) */
    private static List<String> drain(BlockingQueue<String> lines) throws InterruptedException {
        List<String> drained = new ArrayList<>();
        String line;
        while ((line = lines.poll(5, TimeUnit.SECONDS)) != null) {
            drained.add(line);
        }
        return drained;
    }

    private static int post(String url, String key, String json) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        try {
            connection.setRequestMethod("POST");
            connection.setConnectTimeout(30_000);
            connection.setReadTimeout(30_000);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setRequestProperty("X-Mitto-API-Key", key);
            connection.setDoOutput(true);
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
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
        }, "mitto-cli-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

}
