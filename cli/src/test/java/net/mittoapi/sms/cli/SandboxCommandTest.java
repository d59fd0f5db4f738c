package net.mittoapi.sms.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Help.Ansi;

/**
 * {@code sandbox}, in process: started on port 0, called over real HTTP as its printed curl line shows, then
 * stopped as Ctrl+C's shutdown hook would stop it (here by interrupting the thread that runs it).
 */
class SandboxCommandTest {

    private static final Pattern LISTENING = Pattern.compile("Mitto SMS sandbox listening on (http://\\S+)");
    private static final Pattern CURL = Pattern.compile(
            "curl -X POST (\\S+) -H 'Content-Type: application/json' -H 'X-Mitto-API-Key: (\\S+)' -d '(.+)'");

    /** A sandbox command running on its own thread, with its output captured. */
    private static final class Running implements AutoCloseable {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final AtomicInteger exitCode = new AtomicInteger(-1);
        final Thread thread;

        Running(String... args) {
            Terminal terminal = new Terminal(new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
                    new PrintWriter(err, true), Map.of(), Ansi.OFF);
            String[] line = new String[args.length + 1];
            line[0] = "sandbox";
            System.arraycopy(args, 0, line, 1, args.length);
            thread = new Thread(() -> exitCode.set(MittoCli.run(terminal, line)), "sandbox-command-under-test");
            thread.start();
        }

        String output() {
            synchronized (out.getBuffer()) {
                return out.toString();
            }
        }

        /** Waits (generously) until the output holds the text. */
        String await(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!output().contains(text) && thread.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(output()).as("output so far; errors: %s", err).contains(text);
            return output();
        }

        /** Stops the command as an interrupt does, and waits for it to end. */
        int stop() throws InterruptedException {
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(thread.isAlive()).as("the command ended").isFalse();
            return exitCode.get();
        }

        @Override
        public void close() {
            if (thread.isAlive()) {
                try {
                    stop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while stopping the sandbox command", e);
                }
            }
        }
    }

    private record Answer(int status, String retryAfter, String body) {
    }

    private static Answer post(String url, String key, String json) throws IOException {
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
            int status = connection.getResponseCode();
            try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                return new Answer(status, connection.getHeaderField("Retry-After"),
                        in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } finally {
            connection.disconnect();
        }
    }

    @Test
    void aKeyGivenWithKeyIsNeverPrinted() throws Exception {
        try (Running sandbox = new Running("--port", "0", "--key", "cli-given-key")) {
            String printed = sandbox.await("Stop with Ctrl+C.");
            Matcher listening = LISTENING.matcher(printed);
            assertThat(listening.find()).as(printed).isTrue();
            String url = listening.group(1);

            assertThat(printed).doesNotContain("cli-given-key")
                    .contains("API key: **** (the one given with --key, not printed)")
                    .contains("Try, with MITTO_API_KEY set to that key:")
                    .contains("  curl -X POST " + url + "/sms -H 'Content-Type: application/json' -H"
                            + " \"X-Mitto-API-Key: $MITTO_API_KEY\" -d '")
                    .contains("  java -jar mitto-cli.jar send --base-url " + url);
            assertThat(post(url + "/sms", "cli-given-key",
                    "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"Hi\"}").status()).isEqualTo(200);
            assertThat(sandbox.stop()).isZero();
            assertThat(sandbox.output() + sandbox.err).doesNotContain("cli-given-key");
        }
    }

    @Test
    void pricesTheSandboxCannotServeAreUsageErrors() throws Exception {
        for (String[] option : new String[][] {{"--price-per-part", "1e999999999"}, {"--price-per-part", "1e9999"},
            {"--price-per-part", "0.0000001"}, {"--price", "DEU=1e999999999"}}) {
            try (Running sandbox = new Running("--port", "0", option[0], option[1])) {
                sandbox.thread.join(TimeUnit.SECONDS.toMillis(30));

                assertThat(sandbox.thread.isAlive()).as("refused at once, not served; printed: %s",
                        sandbox.output()).isFalse();
                assertThat(sandbox.exitCode.get()).isEqualTo(MittoCli.USAGE);
                assertThat(sandbox.err.toString()).contains(option[0] + ": pricePerPart")
                        .contains("must be between 0 and 1000000").contains("with at most 6 decimal places");
            }
        }
    }

    @Test
    void itPrintsUrlKeyAndACurlLineThatWorksLogsEachRequestAndStopsCleanly() throws Exception {
        String url;
        String key;
        try (Running sandbox = new Running("--port", "0", "--fault", "rate-limited:2s")) {
            String printed = sandbox.await("Stop with Ctrl+C.");
            Matcher listening = LISTENING.matcher(printed);
            Matcher curl = CURL.matcher(printed);
            assertThat(listening.find()).as(printed).isTrue();
            assertThat(curl.find()).as(printed).isTrue();
            url = listening.group(1);
            assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+").doesNotEndWith(":0");
            // A random key is the sandbox's own: printed, since there is no other way to learn it.
            key = curl.group(2);
            assertThat(key).matches("sandbox-[0-9a-f]{32}");
            assertThat(printed).contains("API key: " + key)
                    .contains("Delivery reports: GET, to loopback callbacks only")
                    .contains("Fault queued: 1 × Fault[429 Too Many Requests, Retry-After 2 s]")
                    .contains("MITTO_API_KEY='" + key + "' java -jar mitto-cli.jar send --base-url " + url);
            assertThat(curl.group(1)).isEqualTo(url + "/sms");

            // The curl line, request by request: the queued fault answers first, then the sandbox itself.
            Answer limited = post(curl.group(1), curl.group(2), curl.group(3));
            Answer sent = post(curl.group(1), curl.group(2), curl.group(3));
            Answer wrongKey = post(curl.group(1), "nope", curl.group(3));

            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.retryAfter()).isEqualTo("2");
            assertThat(sent.status()).isEqualTo(200);
            assertThat(sent.body()).contains("\"to\":\"491725551234\"").containsPattern("\"id\":\"[0-9a-f]{32}\"");
            assertThat(wrongKey.status()).isEqualTo(401);
            sandbox.await("POST /sms -> 401");
            assertThat(sandbox.output()).contains("POST /sms -> 429 (").contains("POST /sms -> 200 (");

            assertThat(sandbox.stop()).isZero();
            assertThat(sandbox.output()).contains("Sandbox stopped: 3 requests received, 1 message accepted.");
        }
        assertThatThrownBy(() -> post(url + "/sms", key, "{}")).isInstanceOf(IOException.class);
    }

    @Test
    void optionsReachTheSandbox() throws Exception {
        try (Running sandbox = new Running("--port=0", "--api-key=other", "--callback-method", "post", "--quiet",
                "--price", "deu=0.075", "--fault", "internal-error*2")) {
            String printed = sandbox.await("Stop with Ctrl+C.");
            Matcher listening = LISTENING.matcher(printed);
            assertThat(listening.find()).isTrue();
            String url = listening.group(1);
            assertThat(printed).contains("Delivery reports: POST").contains("Fault queued: 2 × Fault[500 Internal Server Error]");

            assertThat(post(url + "/sms", "other", "{}").status()).isEqualTo(500);
            assertThat(post(url + "/smsbulk", "other", "{}").status()).isEqualTo(500);
            assertThat(post(url + "/sms", "other", "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"Hi\"}")
                    .status()).isEqualTo(200);
            String usage = post(url + "/usage/bycountry", "other", "{}").body();

            assertThat(usage).contains("\"country\":\"DEU\"").contains("0.075");
            assertThat(sandbox.stop()).isZero();
            assertThat(sandbox.output()).doesNotContain("POST /sms ->")
                    .contains("Sandbox stopped: 4 requests received, 1 message accepted.");
        }
    }

    @Test
    void requestTimeoutCutsAStalledClientLongBeforeTheDefault() throws Exception {
        try (Running sandbox = new Running("--port", "0", "--quiet", "--request-timeout", "300ms")) {
            String printed = sandbox.await("Stop with Ctrl+C.");
            Matcher listening = LISTENING.matcher(printed);
            assertThat(listening.find()).isTrue();
            URI url = URI.create(listening.group(1));
            assertThat(printed)
                    .contains("Request timeout: 300ms (a client slower to send a request, or to take its answer, is cut)");

            try (Socket stalled = new Socket(url.getHost(), url.getPort())) {
                // Half a request, then nothing. The default (10 s) would leave it open past this read's bound.
                stalled.setSoTimeout((int) Duration.ofSeconds(5).toMillis());
                stalled.getOutputStream().write("POST /sms HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Mitto-"
                        .getBytes(StandardCharsets.UTF_8));
                stalled.getOutputStream().flush();

                assertThat(cutByTheServer(stalled)).as("the sandbox cut the stalled connection within 5 s").isTrue();
            }
            assertThat(post(url + "/sms", "any", "{}").status()).as("and goes on serving").isEqualTo(401);
            assertThat(sandbox.stop()).isZero();
        }
    }

    @Test
    void theDefaultRequestTimeoutIsPrinted() throws Exception {
        try (Running sandbox = new Running("--port", "0", "--quiet")) {
            assertThat(sandbox.await("Stop with Ctrl+C.")).contains("Request timeout: 10s (");
            assertThat(sandbox.stop()).isZero();
        }
    }

    /** @return whether the server closed or reset the connection, rather than leaving it open past the read bound */
    private static boolean cutByTheServer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            while (in.read() >= 0) {
                // an error answer is fine too, as long as the connection then ends
            }
            return true;
        } catch (SocketException reset) {
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        }
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(Cli.run("sandbox", "--callback-method", "PUT").err())
                .contains("--callback-method must be GET or POST, got 'PUT'");
        Cli.Result fault = Cli.run("sandbox", "--fault", "teapot");
        assertThat(fault.exitCode()).isEqualTo(MittoCli.USAGE);
        assertThat(fault.err()).contains("unknown fault 'teapot'");
        Cli.Result key = Cli.run("sandbox", "--port", "0", "--key", "has space");
        assertThat(key.exitCode()).isEqualTo(MittoCli.USAGE);
        assertThat(key.err()).contains("apiKey must be 1 to 256 visible ASCII characters");
        assertThat(Cli.run("sandbox", "--port", "eighty").err()).contains("'eighty' is not an int");
        Cli.Result misspelt = Cli.run("sandbox", "--port", "0", "--apikey=SECRET");
        assertThat(misspelt.exitCode()).isEqualTo(MittoCli.USAGE);
        assertThat(misspelt.err()).contains("Unknown option: '--apikey' (value not shown)").contains("--key");
        assertThat(misspelt.all()).doesNotContain("SECRET");
        Cli.Result soon = Cli.run("sandbox", "--port", "0", "--request-timeout", "soon");
        assertThat(soon.exitCode()).isEqualTo(MittoCli.USAGE);
        assertThat(soon.err()).contains("--request-timeout").contains("the wait must be a number with ms, s or m")
                .contains("got 'soon'");
        Cli.Result zero = Cli.run("sandbox", "--port", "0", "--request-timeout", "0");
        assertThat(zero.exitCode()).isEqualTo(MittoCli.USAGE);
        assertThat(zero.err()).contains("requestTimeout must be between 1 ms and 1 hour, got PT0S");
        assertThat(Cli.run("sandbox", "--port", "0", "--request-timeout", "61m").err())
                .contains("requestTimeout must be between 1 ms and 1 hour, got PT1H1M");
    }

    @Test
    void aTakenPortFailsWithAMessageThatSaysWhatToDo() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));

            Cli.Result result = Cli.run("sandbox", "--port", Integer.toString(taken.getLocalPort()));

            assertThat(result.exitCode()).isEqualTo(MittoCli.FAILED);
            assertThat(result.err()).contains("could not listen on").contains("port 0 for a free one");
        }
    }

    @Test
    void helpDocumentsTheFaultSyntax() {
        Cli.Result result = Cli.run("sandbox", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("--port=N").contains("--key, --api-key=KEY").contains("--fault=SPEC")
                .contains("KIND[:VALUE][*COUNT]")
                .contains("rate-limited[:WAIT]").contains("service-unavailable[:WAIT]").contains("internal-error")
                .contains("response-code:N").contains("delay:WAIT").contains("drop-connection")
                .contains("Example: --fault rate-limited:2s*3 --fault internal-error")
                .contains("--request-timeout=WAIT");
    }
}
