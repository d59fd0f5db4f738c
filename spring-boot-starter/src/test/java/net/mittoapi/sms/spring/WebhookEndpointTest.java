package net.mittoapi.sms.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import ch.qos.logback.classic.Level;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import net.mittoapi.sms.webhook.DeliveryReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The delivery-report and inbound-SMS endpoints of a real Spring Boot web application, over real HTTP: what
 * Mitto's GET and POST callbacks get, and which events the application sees. The application is
 * {@link MittoTestApplication}'s, shared with {@link MittoApplicationTest}.
 */
@MittoTestApplication
class WebhookEndpointTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String TOKEN = "token=" + MittoTestApplication.TOKEN;

    @Value("${local.server.port}")
    int port;

    @Autowired
    MittoTestApplication.Events events;

    @BeforeEach
    void forget() {
        events.all.clear();
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10)).GET().build(),
                BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String pathAndQuery, String contentType, BodyPublisher body)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType).POST(body).build(), BodyHandlers.ofString());
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    private DeliveryReport onlyReport() {
        assertThat(events.all).hasSize(1).first().isInstanceOf(MittoDeliveryReportEvent.class);
        return ((MittoDeliveryReportEvent) events.all.get(0)).report();
    }

    @Test
    void aGetReportIsPublishedOnceAndAnswered200() throws Exception {
        HttpResponse<String> response = get("/mitto/reports?ID=d8d9a0b1&MCCMNC=26201&Reference=Campaign%202019-05&"
                + TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        DeliveryReport report = onlyReport();
        assertThat(report.messageId()).isEqualTo("d8d9a0b1");
        assertThat(report.mccMnc()).contains("26201");
        assertThat(report.reference()).contains("Campaign 2019-05");
        assertThat(report.raw()).as("the token is not part of the report").doesNotContainKey("token");
    }

    @Test
    void aPostReportIsPublishedOnceAndAnswered200() throws Exception {
        HttpResponse<String> response = post("/mitto/reports?" + TOKEN, "application/json",
                BodyPublishers.ofString("{\"Id\":\"d8d9a0b2\",\"MccMnc\":\"26201\",\"Price\":\"6.00\"}"));

        assertThat(response.statusCode()).isEqualTo(200);
        DeliveryReport report = onlyReport();
        assertThat(report.messageId()).isEqualTo("d8d9a0b2");
        assertThat(report.price()).contains(new BigDecimal("6.00"));
    }

    @Test
    void aChunkedPostAndAFormPostAreReadToo() throws Exception {
        byte[] json = "{\"msgid\":\"c1\",\"status\":\"DELIVERED\"}".getBytes();
        assertThat(post("/mitto/reports?" + TOKEN, "application/json; charset=utf-8",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json))).statusCode()).isEqualTo(200);
        assertThat(post("/mitto/reports?" + TOKEN, "application/x-www-form-urlencoded",
                BodyPublishers.ofString("msgid=f1-json&status=DELIVERED")).statusCode()).isEqualTo(200);

        assertThat(events.all).extracting(e -> ((MittoDeliveryReportEvent) e).report().messageId())
                .containsExactly("c1", "f1-json");
    }

    @Test
    void anInboundSmsIsPublishedAsItsOwnEvent() throws Exception {
        HttpResponse<String> response = post("/mitto/inbound?" + TOKEN, "application/json",
                BodyPublishers.ofString("{\"from\":\"491725551234\",\"to\":\"4930123\",\"text\":\"STOP\"}"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(events.all).singleElement().isInstanceOfSatisfying(MittoInboundSmsEvent.class,
                event -> assertThat(event.sms().text()).contains("STOP"));
    }

    @Test
    void withoutTheTokenNothingIsPublished() throws Exception {
        String report = "/mitto/reports?ID=d8d9a0b1&MCCMNC=26201";
        try (LogCapture log = LogCapture.of(WebhookHandler.class)) {
            assertThat(get(report).statusCode()).isEqualTo(401);
            assertThat(get(report + "&token=wrong").statusCode()).isEqualTo(401);
            assertThat(get(report + "&token=s3cret-t0ke").statusCode()).isEqualTo(401);
            assertThat(get(report + "&token=").statusCode()).isEqualTo(401);
            assertThat(get(report + "&" + TOKEN + "&" + TOKEN).statusCode()).as("repeated").isEqualTo(401);
            assertThat(get(report + "&TOKEN=s3cret-t0ken").statusCode()).as("the name is token").isEqualTo(401);
            assertThat(post("/mitto/reports", "application/json", BodyPublishers.ofString("{\"Id\":\"x\"}"))
                    .statusCode()).isEqualTo(401);
            assertThat(post("/mitto/inbound?token=nope", "application/json",
                    BodyPublishers.ofString("{\"from\":\"491725551234\",\"text\":\"hi\"}")).statusCode())
                    .isEqualTo(401);

            // At most one a minute for each endpoint (wrongTokensAreWarnedAtMostOnceAMinute): an earlier test may
            // have had this minute's.
            assertThat(log.messages(Level.WARN)).hasSizeLessThanOrEqualTo(2).allSatisfy(warning -> assertThat(warning)
                    .startsWith("Refused a Mitto ").contains(" with 401 on ")
                    .doesNotContain("=wrong", "s3cret", "nope", "d8d9a0b1"));
        }
        assertThat(events.all).isEmpty();
    }

    @Test
    void aReportWithoutMessageIdIs400AndItsNumbersStayOutOfTheLog() throws Exception {
        HttpResponse<String> byGet;
        HttpResponse<String> byPost;
        HttpResponse<String> notJson;
        String logged;
        try (LogCapture log = LogCapture.all()) {
            byGet = get("/mitto/reports?MCCMNC=26201&to=491725551234&" + TOKEN);
            byPost = post("/mitto/reports?" + TOKEN, "application/json",
                    BodyPublishers.ofString("{\"MccMnc\":\"26202\",\"to\":\"491725559876\",\"Price\":\"6.00\"}"));
            notJson = post("/mitto/reports?" + TOKEN, "application/json", BodyPublishers.ofString("to=491725550000"));
            logged = log.text();
        }

        assertThat(byGet.statusCode()).isEqualTo(400);
        assertThat(byPost.statusCode()).isEqualTo(400);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(events.all).isEmpty();
        assertThat(logged).contains("WARN").contains("Refused a Mitto delivery report with 400 on GET")
                .contains("Refused a Mitto delivery report with 400 on POST");
        for (String number : List.of("26201", "491725551234", "26202", "491725559876", "6.00", "491725550000",
                MittoTestApplication.TOKEN)) {
            assertThat(logged).doesNotContain(number);
            assertThat(byGet.body() + byPost.body() + notJson.body()).doesNotContain(number);
        }
    }

    static Stream<Arguments> unreadablePayloads() {
        return Stream.of(
                arguments("JSON without a message id", "/mitto/reports", "application/json",
                        "{\"MccMnc\":\"26202\",\"to\":\"491725559876\"}", "no message id"),
                arguments("a query without a message id", "/mitto/reports?to=491725559876&Status=DELIVERED", null, null,
                        "no message id"),
                arguments("a price out of bounds", "/mitto/reports", "application/json",
                        "{\"Id\":\"d8d9a0c1\",\"to\":\"491725559876\",\"Price\":\"1e999999999\"}",
                        "its price is out of bounds"),
                arguments("not JSON", "/mitto/reports", "application/json", "to=491725559876&Id=d8d9a0c2",
                        "its body is not valid JSON (at line 1, column "),
                arguments("a JSON array", "/mitto/reports", "application/json",
                        "[{\"Id\":\"d8d9a0c3\",\"to\":\"491725559876\"}]", "its body is a JSON array, not a JSON object"),
                arguments("a JSON string", "/mitto/reports", "application/json", "\"d8d9a0c4 491725559876\"",
                        "its body is a JSON string, not a JSON object"),
                arguments("content after the object", "/mitto/reports", "application/json",
                        "{\"Id\":\"d8d9a0c5\",\"to\":\"491725559876\"} {}", "content after its JSON object"),
                arguments("an empty body and no query", "/mitto/reports", "application/json", "",
                        "its body is empty and its query has no fields"),
                arguments("an inbound SMS without fields", "/mitto/inbound", "application/json", "{}",
                        "no fields at all"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadablePayloads")
    void a400SaysWhatWasWrongWithoutTheReportsValues(String what, String path, String contentType, String body,
            String reason) throws Exception {
        String pathAndQuery = path + (path.contains("?") ? "&" : "?") + TOKEN;
        HttpResponse<String> response;
        List<String> warnings;
        try (LogCapture log = LogCapture.of(WebhookHandler.class)) {
            response = body == null ? get(pathAndQuery)
                    : post(pathAndQuery, contentType, BodyPublishers.ofString(body));
            warnings = log.messages(Level.WARN);
        }

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(events.all).isEmpty();
        assertThat(warnings).singleElement().asString().startsWith("Refused a Mitto ").contains(" with 400 on ")
                .contains(reason);
        for (String value : List.of("d8d9a0c", "491725559876", "26202", "1e999999999", MittoTestApplication.TOKEN)) {
            assertThat(warnings.get(0)).doesNotContain(value);
        }
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        String big = "{\"Id\":\"x\",\"pad\":\"" + "a".repeat(2000) + "\"}";
        byte[] bytes = big.getBytes();
        try (LogCapture log = LogCapture.of(WebhookHandler.class)) {
            assertThat(post("/mitto/reports?" + TOKEN, "application/json", BodyPublishers.ofString(big)).statusCode())
                    .isEqualTo(413);
            assertThat(post("/mitto/reports?" + TOKEN, "application/json",
                    BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).statusCode()).as("chunked")
                    .isEqualTo(413);

            assertThat(log.messages(Level.WARN)).hasSize(2).allSatisfy(warning -> assertThat(warning)
                    .contains("with 413 on POST /mitto/reports").contains("mitto.webhook.max-body-size"));
        }
        assertThat(events.all).isEmpty();
    }

    private HttpResponse<String> postBytes(String contentType, byte[] body) throws IOException, InterruptedException {
        return post("/mitto/reports?" + TOKEN, contentType, BodyPublishers.ofByteArray(body));
    }

    @Test
    void aJsonBodyIsReadInTheCharsetItDeclares() throws Exception {
        // a message id of its own for each, since copies of one report are published once
        String json = "{\"Id\":\"cs1-%d\",\"Reference\":\"Café crème\"}";
        assertThat(postBytes("application/json; charset=ISO-8859-1", json.formatted(1)
                .getBytes(StandardCharsets.ISO_8859_1)).statusCode()).isEqualTo(200);
        assertThat(postBytes("application/json; charset=UTF-16", json.formatted(2).getBytes(StandardCharsets.UTF_16))
                .statusCode()).as("with a byte order mark").isEqualTo(200);
        assertThat(postBytes("application/json;charset=\"utf-16le\"", json.formatted(3)
                .getBytes(StandardCharsets.UTF_16LE)).statusCode()).as("quoted, without a byte order mark")
                .isEqualTo(200);
        assertThat(postBytes("application/json", json.formatted(4).getBytes(StandardCharsets.UTF_8)).statusCode())
                .as("UTF-8 when none is declared").isEqualTo(200);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        assertThat(postBytes("application/json", concat(bom, json.formatted(5).getBytes(StandardCharsets.UTF_8)))
                .statusCode()).as("a UTF-8 byte order mark").isEqualTo(200);

        assertThat(events.all).hasSize(5).allSatisfy(event -> assertThat(((MittoDeliveryReportEvent) event).report()
                .reference()).contains("Café crème"));
    }

    static Stream<Arguments> bytesNotValidInTheirCharset() {
        byte[] latin1Json = "{\"Id\":\"cs2\",\"Reference\":\"Café\"}".getBytes(StandardCharsets.ISO_8859_1);
        return Stream.of(
                arguments("JSON in ISO-8859-1 without a charset", "application/json", latin1Json, "UTF-8",
                        "at byte 28"),
                arguments("JSON in ISO-8859-1 declared UTF-8", "application/json; charset=UTF-8", latin1Json, "UTF-8",
                        "at byte 28"),
                arguments("an odd number of bytes in UTF-16", "application/json; charset=UTF-16LE",
                        Arrays.copyOf("{\"Id\":\"cs3\"}".getBytes(StandardCharsets.UTF_16LE), 25), "UTF-16LE",
                        "at byte 24"),
                arguments("a form escape that is no UTF-8", "application/x-www-form-urlencoded",
                        "ID=cs4&Reference=Caf%E9".getBytes(StandardCharsets.US_ASCII), "UTF-8",
                        "the %-escape at character 20"),
                arguments("a raw ISO-8859-1 byte in a form", "application/x-www-form-urlencoded",
                        "ID=cs5&Reference=Café".getBytes(StandardCharsets.ISO_8859_1), "UTF-8",
                        "at byte 20"),
                arguments("an escape unmappable in US-ASCII", "application/x-www-form-urlencoded; charset=US-ASCII",
                        "ID=cs6&Reference=Caf%E9".getBytes(StandardCharsets.US_ASCII), "US-ASCII",
                        "the %-escape at character 20"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bytesNotValidInTheirCharset")
    void bytesNotValidInTheirCharsetAre400(String what, String contentType, byte[] body, String charset, String where)
            throws Exception {
        HttpResponse<String> response;
        List<String> warnings;
        try (LogCapture log = LogCapture.of(WebhookHandler.class)) {
            response = postBytes(contentType, body);
            warnings = log.messages(Level.WARN);
        }

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(events.all).isEmpty();
        assertThat(warnings).singleElement().asString().contains("with 400 on POST /mitto/reports")
                .contains("not valid " + charset).doesNotContain("cs").doesNotContain("Caf");
        assertThat(warnings.get(0)).contains(where);
    }

    @Test
    void anUnknownCharsetIs415AndSaysWhich() throws Exception {
        HttpResponse<String> unknown;
        HttpResponse<String> malformed;
        List<String> warnings;
        try (LogCapture log = LogCapture.of(WebhookHandler.class)) {
            unknown = postBytes("application/json; charset=x-no-such-charset", "{\"Id\":\"cs7\"}".getBytes());
            malformed = postBytes("application/json; charset=\"", "{\"Id\":\"cs8\"}".getBytes());
            warnings = log.messages(Level.WARN);
        }

        assertThat(unknown.statusCode()).isEqualTo(415);
        assertThat(malformed.statusCode()).isEqualTo(415);
        assertThat(events.all).isEmpty();
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains("with 415 on POST /mitto/reports").contains("x-no-such-charset")
                .contains("UTF-8");
    }

    @Test
    void aFormsRawPercentSignStaysLiteralAsInTheQuery() throws Exception {
        assertThat(postBytes("application/x-www-form-urlencoded", "ID=cs9&Reference=50%+off".getBytes()).statusCode())
                .isEqualTo(200);
        assertThat(onlyReport().reference()).contains("50% off");
    }

    @Test
    void aChunkedFormOverTheLimitIs413() throws Exception {
        byte[] big = ("ID=cs10&pad=" + "a".repeat(2000)).getBytes();
        try (LogCapture log = LogCapture.of(WebhookHandler.class)) {
            assertThat(post("/mitto/reports?" + TOKEN, "application/x-www-form-urlencoded",
                    BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).statusCode()).isEqualTo(413);

            assertThat(log.messages(Level.WARN)).singleElement().asString()
                    .contains("with 413 on POST /mitto/reports").doesNotContain("cs10");
        }
        assertThat(events.all).isEmpty();
    }

    @Test
    void wrongTokensAreWarnedAtMostOnceAMinute() throws Exception {
        List<String> warnings;
        try (LogCapture log = LogCapture.of(WebhookHandler.class)) {
            for (int i = 0; i < 25; i++) {
                assertThat(get("/mitto/reports?ID=t" + i + "&token=guess-" + i).statusCode()).isEqualTo(401);
            }
            warnings = log.messages(Level.WARN);
        }

        assertThat(warnings).as("a scan must not flood the log").hasSizeLessThanOrEqualTo(1)
                .allSatisfy(warning -> assertThat(warning).contains("with 401").doesNotContain("guess"));
        assertThat(events.all).isEmpty();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    @Test
    void otherMethodsAre405() throws Exception {
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(uri("/mitto/reports?" + TOKEN))
                .PUT(BodyPublishers.ofString("{\"Id\":\"x\"}")).header("Content-Type", "application/json").build(),
                BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow")).contains("GET, POST");
        assertThat(events.all).isEmpty();
    }

    @Test
    @SuppressWarnings("try") // the capture keeps Tomcat's log of the failure off the console (see TOMCAT_LOG)
    void aListenerThatFailsMakesTheAnswer500SoThatMittoMayRetry() throws Exception {
        try (LogCapture tomcat = LogCapture.of(ReportDeduplicationApplicationTest.TOMCAT_LOG)) {
            assertThat(get("/mitto/reports?ID=explode&" + TOKEN).statusCode()).isEqualTo(500);
        }
        assertThat(events.all).hasSize(1);
    }

    @Test
    void theApplicationsOwnControllersStillAnswer() throws Exception {
        assertThat(get("/hello").body()).isEqualTo("hello");
    }
}
