package net.mittoapi.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javax.net.ServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile answers (issue 8, "keep the attacks"): every answer parser, reached through a real
 * {@link MittoClient} against a MockWebServer on loopback, JSON and XML clients, every endpoint, blocking and
 * async, under the statuses a server may send with a body. Whatever the body, each call ends within
 * {@link #BOUND} with a value or a {@link MittoException} of the documented kind (an error status: a
 * {@link MittoApiException} with that status; a 2xx that cannot be read: a {@link MittoTransportException}
 * with {@code maybeDelivered}), never another throwable; and no file or URL named by the body is ever read:
 * an XXE names a temporary file holding a random marker that must appear nowhere, and a trap server records
 * any fetch of an external DTD, entity or XInclude.
 *
 * <p>Each attack is one test (a body, in every combination), so that a failing one can be named and, where
 * it waits for a fix elsewhere, disabled alone.
 */
class HostileAnswersIT {

    /** The longest one call may take: generous, for a loaded machine; the calls take milliseconds. */
    static final Duration BOUND = Duration.ofSeconds(30);
    private static final int[] STATUSES = {200, 400, 401, 429, 500, 503};
    private static final int[] FEW_STATUSES = {200, 500};
    private static final int SIXTEEN_MB = 16 * 1024 * 1024;
    private static final String MILLION_DIGITS = "9".repeat(1_000_000);

    private static final MockWebServer API = new MockWebServer();
    /** Answers anything at once and counts: any request it receives is a fetch an XML parser must not make. */
    private static final MockWebServer TRAP = new MockWebServer();
    private static volatile MockResponse answer;
    private static Path secret;
    private static String marker;
    private static ExecutorService caller;
    private static int rotation;

    private final List<String> failures = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        marker = "MARKER-" + UUID.randomUUID();
        secret = Files.createTempFile("mitto-hostile-", ".txt");
        Files.writeString(secret, marker);
        API.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer;
            }
        });
        TRAP.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                // Answer at once, with content that would show up in a value if it were ever used.
                return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/xml-dtd")
                        .body("<!ENTITY trapped \"" + marker + "\">" + marker).build();
            }
        });
        API.setServerSocketFactory(new NoDelay());
        API.start(InetAddress.getByName("127.0.0.1"), 0);
        TRAP.start(InetAddress.getByName("127.0.0.1"), 0);
        caller = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "hostile-caller");
            thread.setDaemon(true);
            return thread;
        });
    }

    @AfterAll
    static void stop() throws IOException {
        int fetched = TRAP.getRequestCount();
        API.close();
        TRAP.close();
        caller.shutdownNow();
        Files.deleteIfExists(secret);
        assertThat(fetched).as("requests that reached the trap server (external DTD, entity or XInclude fetched)")
                .isZero();
    }

    @AfterEach
    void noFailures() {
        assertThat(failures).as("calls that broke the rules (%d; the first 30 shown)", failures.size())
                .satisfiesAnyOf(all -> assertThat(all).isEmpty(),
                        all -> assertThat(all.subList(0, Math.min(30, all.size()))).isEmpty());
        assertThat(TRAP.getRequestCount()).as("fetches from the trap server").isZero();
    }

    // ---- numbers -------------------------------------------------------------------------------------

    @Test
    void overflowingJsonNumbers() {
        for (String number : List.of("1e9999999999", "-1e9999999999", "1e-9999999999", "-1e2147483648")) {
            attackJson(number, STATUSES);
        }
    }

    @Test
    void overflowingNumbersAsText() {
        for (String number : List.of("\"1e9999999999\"", "\" 1e9999999999\"", "\"1e999999999\"", "\"1e-999999999\"",
                "\"1e2147483647\"", "\"-1e2147483648\"", "\"99999999999999999999\"", "\"NaN\"", "\"Infinity\"")) {
            attackJson(number, STATUSES);
        }
        for (String number : List.of("1e9999999999", "1e999999999", "1e2147483647", "-1e2147483648",
                "99999999999999999999")) {
            attackXml(number, STATUSES);
        }
    }

    @Test
    void hugeScaleJsonNumbers() {
        for (String number : List.of("1e999999999", "1e-999999999", "1e2147483647", "99999999999999999999", "0.00000000000000000000000000000000000000000000000000000000000000000001")) {
            attackJson(number, STATUSES);
        }
    }

    @Test
    void millionDigitJsonNumbers() {
        attackJson(MILLION_DIGITS, FEW_STATUSES);
        attackJson("0." + MILLION_DIGITS, FEW_STATUSES);
    }

    @Test
    void millionDigitNumbersAsText() {
        attackJson("\"" + MILLION_DIGITS + "\"", FEW_STATUSES);
        attackXml(MILLION_DIGITS, FEW_STATUSES);
    }

    // ---- structure -----------------------------------------------------------------------------------

    @Test
    void hundredThousandNestedArraysAndObjects() {
        attack("[".repeat(100_000), JSON, STATUSES);
        attack("{\"a\":".repeat(100_000), JSON, STATUSES);
        attack("{\"responseCode\":0,\"messages\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}", JSON, STATUSES);
        attack("{\"responseCode\":0,\"usagesByCountry\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}", JSON,
                STATUSES);
    }

    @Test
    void hundredThousandNestedElements() {
        attack("<SmsResponse>" + "<a>".repeat(100_000) + "</a>".repeat(100_000) + "</SmsResponse>", XML, STATUSES);
        attack("<SmsResponse>" + "<a>".repeat(100_000), XML, STATUSES);
    }

    @Test
    void wrongTypes() {
        for (String value : List.of("\"abc\"", "[1,2]", "{\"a\":1}", "true", "\"\"", "\"  \"", "-1", "2147483648",
                "1.5", "\"0x10\"")) {
            attackJson(value, STATUSES);
        }
        for (String body : List.of("[]", "[1,2,3]", "\"text\"", "42", "true", "{\"messages\":\"not a list\"}",
                "{\"messages\":[1,2,3]}", "{\"messages\":{\"id\":\"a\"}}", "{\"usagesByCountry\":\"none\"}",
                "{\"usagesByCountry\":[1,\"x\",[]]}", "{\"timestamp\":12345,\"id\":[],\"to\":{}}",
                "{\"timestamp\":\"2019-13-45T99:99:99Z\"}", "{\"timestamp\":\"+999999999-12-31T23:59:59Z\"}",
                "{\"test\":\"maybe\"}", "{\"responseCode\":0,\"responseCode\":1}", "OK", "<html>Bad gateway</html>",
                "{\"responseCode\":0", "{} {}")) {
            attack(body, JSON, STATUSES);
        }
        attack("<SmsResponse><responseCode><a>1</a><b>2</b></responseCode><messages>x</messages></SmsResponse>", XML,
                STATUSES);
        attack("<SmsResponse responseCode=\"0\" textLength=\"abc\"><test>maybe</test></SmsResponse>", XML, STATUSES);
    }

    @Test
    void nulls() {
        attack("null", JSON, STATUSES);
        attack("{\"id\":null,\"timestamp\":null,\"to\":null,\"responseCode\":null,\"textLength\":null,"
                + "\"responseText\":null,\"test\":null,\"messages\":null,\"usagesByCountry\":null}", JSON, STATUSES);
        attack("{\"responseCode\":0,\"messages\":[null,{\"id\":null}],\"usagesByCountry\":[null,{\"cost\":null}]}",
                JSON, STATUSES);
        attack("[null]", JSON, STATUSES);
        attack("<SmsResponse><id/><responseCode/><messages><message/></messages></SmsResponse>", XML, STATUSES);
        attack("", JSON, STATUSES);
        attack("\u0000\u0000\u0000", JSON, STATUSES);
    }

    @Test
    void invalidUtf8() {
        for (byte[] bad : List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF, (byte) 0xFE},
                new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82})) {
            attack(join("{\"responseCode\":0,\"id\":\"", bad, "\",\"responseText\":\"x\"}"), JSON, STATUSES);
            attack(join("{\"", bad, "\":0}"), JSON, STATUSES);
            attack(join("<SmsResponse><id>", bad, "</id></SmsResponse>"), XML, STATUSES);
            attack(join("<SmsResponse a=\"", bad, "\"/>"), XML, STATUSES);
        }
        attack("<?xml version=\"1.0\" encoding=\"UTF-16\"?><SmsResponse><id>a</id></SmsResponse>", XML, STATUSES);
        attack("<?xml version=\"1.0\" encoding=\"no-such-charset\"?><SmsResponse/>", XML, STATUSES);
    }

    // ---- XML entity and inclusion attacks --------------------------------------------------------------

    @Test
    void billionLaughs() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE SmsResponse [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        attack(dtd + "<SmsResponse><id>&lol9;</id><responseCode>0</responseCode></SmsResponse>", XML, STATUSES);
        attack(dtd + "<SmsResponse id=\"&lol9;\"><responseCode>0</responseCode></SmsResponse>", XML, STATUSES);
        attack(dtd + "<SmsResponse><responseCode>0</responseCode></SmsResponse>", XML, STATUSES);
    }

    @Test
    void xxeByElement() {
        String file = secret.toUri().toString();
        attack("<?xml version=\"1.0\"?><!DOCTYPE SmsResponse [<!ENTITY x SYSTEM \"" + file + "\">]>"
                + "<SmsResponse><id>&x;</id><responseText>&x;</responseText><responseCode>0</responseCode>"
                + "</SmsResponse>", XML, STATUSES);
        attack("<?xml version=\"1.0\"?><!DOCTYPE SmsResponse [<!ENTITY x SYSTEM \"" + trap("entity") + "\">]>"
                + "<SmsResponse><id>&x;</id></SmsResponse>", XML, STATUSES);
    }

    @Test
    void xxeByAttribute() {
        String file = secret.toUri().toString();
        attack("<?xml version=\"1.0\"?><!DOCTYPE SmsResponse [<!ENTITY x SYSTEM \"" + file + "\">]>"
                + "<SmsResponse id=\"&x;\" responseText=\"&x;\"><responseCode>0</responseCode></SmsResponse>", XML,
                STATUSES);
        attack("<?xml version=\"1.0\"?><!DOCTYPE SmsResponse [<!ENTITY x SYSTEM \"" + file + "\">"
                + "<!ATTLIST SmsResponse id CDATA \"&x;\">]><SmsResponse><responseCode>0</responseCode></SmsResponse>",
                XML, STATUSES);
    }

    @Test
    void externalDtdAndParameterEntities() {
        attack("<?xml version=\"1.0\"?><!DOCTYPE SmsResponse SYSTEM \"" + trap("dtd") + "\">"
                + "<SmsResponse><id>a</id></SmsResponse>", XML, STATUSES);
        attack("<?xml version=\"1.0\"?><!DOCTYPE SmsResponse PUBLIC \"-//X//Y//EN\" \"" + trap("public") + "\">"
                + "<SmsResponse><id>a</id></SmsResponse>", XML, STATUSES);
        attack("<?xml version=\"1.0\"?><!DOCTYPE SmsResponse [<!ENTITY % p SYSTEM \"" + trap("parameter") + "\"> %p;]>"
                + "<SmsResponse><id>a</id></SmsResponse>", XML, STATUSES);
        attack("<?xml version=\"1.0\"?><!DOCTYPE SmsResponse [<!ENTITY % p SYSTEM \"" + secret.toUri() + "\"> %p;]>"
                + "<SmsResponse><id>a</id></SmsResponse>", XML, STATUSES);
    }

    @Test
    void xInclude() {
        attack("<SmsResponse xmlns:xi=\"http://www.w3.org/2001/XInclude\"><id><xi:include href=\""
                + secret.toUri() + "\" parse=\"text\"/></id><responseCode>0</responseCode></SmsResponse>", XML, STATUSES);
        attack("<SmsResponse xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"" + trap("xinclude")
                + "\"/><responseCode>0</responseCode></SmsResponse>", XML, STATUSES);
    }

    // ---- size ----------------------------------------------------------------------------------------------

    @Test
    void sixteenMegabyteBodies() {
        String open = "{\"responseCode\":0,\"responseText\":\"";
        String close = "\",\"id\":\"a\"}";
        attackLarge(open + "a".repeat(SIXTEEN_MB - open.length() - close.length()) + close, JSON);
        attackLarge(open + "a".repeat(SIXTEEN_MB + 1 - open.length() - close.length()) + close, JSON);
        attackLarge(" ".repeat(SIXTEEN_MB), JSON);
        attackLarge("{\"responseCode\":0,\"messages\":[" + "{\"id\":\"a\",\"textLength\":1},".repeat(SIXTEEN_MB / 40)
                + "{}]}", JSON);
        String xml = "<SmsResponse><responseCode>0</responseCode><responseText>";
        String xmlEnd = "</responseText></SmsResponse>";
        attackLarge(xml + "a".repeat(SIXTEEN_MB - xml.length() - xmlEnd.length()) + xmlEnd, XML);
        attackLarge("<SmsResponse>" + "<a b=\"c\"/>".repeat(SIXTEEN_MB / 10 - 3) + "</SmsResponse>", XML);
    }

    // ---- the machinery ---------------------------------------------------------------------------------

    private static final String JSON = "application/json; charset=utf-8";
    private static final String XML = "application/xml; charset=utf-8";

    /** A number in every numeric field of every answer, as JSON. */
    private void attackJson(String number, int... statuses) {
        attack("{\"responseCode\":" + number + "}", JSON, statuses);
        attack("{\"responseCode\":0,\"textLength\":" + number + ",\"id\":\"a\"}", JSON, statuses);
        attack("{\"responseCode\":0,\"messages\":[{\"id\":\"a\",\"textLength\":" + number + "}]}", JSON, statuses);
        attack("{\"usagesByCountry\":[{\"country\":\"DEU\",\"messagesCount\":" + number + ",\"cost\":\"1\"}]}", JSON,
                statuses);
        attack("{\"usagesByCountry\":[{\"country\":\"DEU\",\"messagesCount\":\"1\",\"cost\":" + number + "}]}", JSON,
                statuses);
    }

    /** A number in every numeric field of every answer, as XML text. */
    private void attackXml(String number, int... statuses) {
        attack("<SmsResponse><responseCode>" + number + "</responseCode></SmsResponse>", XML, statuses);
        attack("<SmsResponse><responseCode>0</responseCode><textLength>" + number + "</textLength></SmsResponse>", XML,
                statuses);
        attack("<BulkSmsResponse><responseCode>0</responseCode><messages><message><id>a</id><textLength>" + number
                + "</textLength></message></messages></BulkSmsResponse>", XML, statuses);
        attack("<UsageResponse><usagesByCountry><usageByCountry><country>DEU</country><messagesCount>" + number
                + "</messagesCount><cost>" + number + "</cost></usageByCountry></usagesByCountry></UsageResponse>", XML,
                statuses);
    }

    /**
     * A large body costs a real transfer and parse per call: it goes to each endpoint once (with 200, format and
     * way of calling in rotation) and once with a 500.
     */
    private void attackLarge(String body, String contentType) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        answer = new MockResponse.Builder().code(200).setHeader("Content-Type", contentType)
                .body(new Buffer().write(bytes)).build();
        for (Endpoint endpoint : Endpoint.values()) {
            int turn = rotation++;
            Format format = Format.values()[turn % 2];
            String what = endpoint + " " + format + " HTTP 200 " + describe(bytes);
            try (MittoClient client = client(format)) {
                if ((turn / 2) % 2 == 1) {
                    check(what + " async", 200, () -> await(endpoint.async.apply(client)));
                } else {
                    check(what + " sync", 200, () -> endpoint.sync.apply(client));
                }
            }
        }
        attack(bytes, contentType, 500);
    }

    private void attack(String body, String contentType, int... statuses) {
        attack(body.getBytes(StandardCharsets.UTF_8), contentType, statuses);
    }

    /**
     * Sends the body with each status. A 2xx goes to every endpoint (each has its own reader), through a JSON
     * and an XML client, blocking and async. An error status is read by one path whatever the endpoint
     * ({@code Answers.error}), so each goes to one endpoint, format and way of calling, in rotation across
     * statuses and bodies: every combination is met across the suite, at a fraction of the calls.
     */
    private void attack(byte[] body, String contentType, int... statuses) {
        for (int status : statuses) {
            MockResponse.Builder response = new MockResponse.Builder().code(status)
                    .setHeader("Content-Type", contentType).body(new Buffer().write(body));
            if (status == 429 || status == 503) {
                response.setHeader("Retry-After", "1");
            }
            answer = response.build();
            if (status < 300) {
                for (Format format : Format.values()) {
                    try (MittoClient client = client(format)) {
                        for (Endpoint endpoint : Endpoint.values()) {
                            String what = endpoint + " " + format + " HTTP " + status + " " + describe(body);
                            check(what + " sync", status, () -> endpoint.sync.apply(client));
                            check(what + " async", status, () -> await(endpoint.async.apply(client)));
                        }
                    }
                }
            } else {
                int turn = rotation++;
                Format format = Format.values()[turn % 2];
                Endpoint endpoint = Endpoint.values()[(turn / 2) % Endpoint.values().length];
                boolean async = (turn / 8) % 2 == 1;
                String what = endpoint + " " + format + " HTTP " + status + " " + describe(body);
                try (MittoClient client = client(format)) {
                    if (async) {
                        check(what + " async", status, () -> await(endpoint.async.apply(client)));
                    } else {
                        check(what + " sync", status, () -> endpoint.sync.apply(client));
                    }
                }
            }
        }
    }

    private static MittoClient client(Format format) {
        return MittoClient.builder().apiKey("hostile-key").format(format).baseUrl("http://127.0.0.1:" + API.getPort())
                .maxRetries(0).build();
    }

    /** Runs one call on its own thread, so that a call past the bound fails this case and the suite goes on. */
    private void check(String what, int status, Call call) {
        Future<Object> running = caller.submit(call::run);
        Object value;
        try {
            value = running.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            failures.add(what + ": no outcome within " + BOUND);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            judge(what, status, e.getCause());
            return;
        }
        if (String.valueOf(value).contains(marker)) {
            failures.add(what + ": the value holds the secret file's content: " + value);
        }
    }

    private void judge(String what, int status, Throwable thrown) {
        if (!(thrown instanceof MittoException)) {
            failures.add(what + ": threw " + thrown);
            return;
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(marker)) {
                failures.add(what + ": the exception holds the secret file's content: " + t);
                return;
            }
        }
        if (thrown.getMessage() != null && thrown.getMessage().length() > 20_000) {
            failures.add(what + ": a message of " + thrown.getMessage().length() + " characters");
        }
        if (status >= 400) {
            Class<?> expected = status == 401 ? MittoAuthenticationException.class
                    : status == 429 ? MittoRateLimitException.class : MittoApiException.class;
            if (!expected.isInstance(thrown) || ((MittoApiException) thrown).httpStatus() != status) {
                failures.add(what + ": expected a " + expected.getSimpleName() + " with HTTP " + status + ", got "
                        + thrown);
            }
        } else if (!(thrown instanceof MittoApiException)
                && !(thrown instanceof MittoTransportException && ((MittoTransportException) thrown).maybeDelivered())) {
            failures.add(what + ": a 2xx whose body cannot be read must be a MittoTransportException with"
                    + " maybeDelivered, got " + thrown);
        }
    }

    private static Object await(CompletableFuture<?> future) throws Exception {
        try {
            return future.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error) {
                throw (Error) e.getCause();
            }
            throw (Exception) e.getCause();
        }
    }

    private static String trap(String path) {
        return "http://127.0.0.1:" + TRAP.getPort() + "/" + path;
    }

    private static byte[] join(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String describe(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 80), StandardCharsets.UTF_8);
        return body.length <= 80 ? "'" + text + "'" : "'" + text + "…' (" + body.length + " bytes)";
    }

    /**
     * Server sockets whose connections send at once: MockWebServer writes an answer's head and body apart, and
     * Nagle's algorithm would hold the body for the client's delayed acknowledgement, some 40 ms a call.
     */
    private static final class NoDelay extends ServerSocketFactory {
        @Override
        public ServerSocket createServerSocket() throws IOException {
            return new ServerSocket() {
                @Override
                public Socket accept() throws IOException {
                    Socket socket = super.accept();
                    socket.setTcpNoDelay(true);
                    return socket;
                }
            };
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
        }
    }

    @FunctionalInterface
    private interface Call {
        Object run() throws Exception;
    }

    /** The four calls, each blocking and async. */
    private enum Endpoint {
        SMS(c -> c.send(MockApi.SMS), c -> c.sendAsync(MockApi.SMS)),
        BULK(c -> c.sendBulk(BulkSmsRequest.builder().from("MITTO SMS").to("491725551234").text("Hi").build()),
                c -> c.sendBulkAsync(BulkSmsRequest.builder().from("MITTO SMS").to("491725551234").text("Hi").build())),
        USAGE(c -> c.usageByCountry(usage()), c -> c.usageByCountryAsync(usage())),
        CONVERSION(c -> {
            c.reportConversion("abc");
            return "reported";
        }, c -> c.reportConversionAsync("abc"));

        final Function<MittoClient, Object> sync;
        final Function<MittoClient, CompletableFuture<?>> async;

        Endpoint(Function<MittoClient, Object> sync, Function<MittoClient, CompletableFuture<?>> async) {
            this.sync = sync;
            this.async = async;
        }

        private static UsageRequest usage() {
            return UsageRequest.builder().startDate(LocalDate.of(2020, 4, 1)).endDate(LocalDate.of(2020, 4, 15)).build();
        }
    }
}
