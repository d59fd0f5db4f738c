package net.mittoapi.sms;

import static net.mittoapi.sms.MockApi.SMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One DEBUG line per attempt, TRACE bodies, and the API key nowhere: not in logs, messages or toString(). */
class MittoClientLoggingTest {

    private final MockApi api = new MockApi();
    private final CapturedLog log = new CapturedLog(Level.TRACE);

    @AfterEach
    void release() {
        log.close();
        api.close();
    }

    @Test
    void eachAttemptLogsOneDebugLineWithMethodUrlStatusDurationAndAttempt() {
        api.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "0").build());
        api.json(200, "{\"id\":\"abc\",\"responseCode\":0}");
        try (MittoClient client = api.client().maxRetries(2).build()) {
            client.send(SMS);
        }

        List<String> debug = messages(Level.DEBUG);
        String url = api.baseUrl() + "/sms.json";
        assertThat(debug).hasSize(3);
        assertThat(debug.get(0)).matches("POST \\Q" + url + "\\E -> 503 \\(\\d+ ms, attempt 1\\)");
        assertThat(debug.get(1)).startsWith("POST " + url + " will be retried in ").endsWith("(retry 1 of 2)");
        assertThat(debug.get(2)).matches("POST \\Q" + url + "\\E -> 200 \\(\\d+ ms, attempt 2\\)");
    }

    @Test
    void aFailedAttemptSaysWhetherTheRequestWasSent() {
        api.enqueue(new MockResponse.Builder().onResponseStart(new mockwebserver3.SocketEffect.CloseSocket()).build());
        try (MittoClient client = api.client().build()) {
            catchThrowable(() -> client.send(SMS));
        }

        assertThat(messages(Level.DEBUG)).singleElement().asString()
                .startsWith("POST " + api.baseUrl() + "/sms.json -> failed: ")
                .endsWith("attempt 1, request was sent)");
    }

    @Test
    void traceShowsHeadersAndBodiesWithTheKeyRedacted() {
        api.json(200, "{\"id\":\"abc\",\"responseCode\":0,\"responseText\":\"SMS sent\"}");
        try (MittoClient client = api.client().build()) {
            client.send(SMS);
        }

        List<String> trace = messages(Level.TRACE);
        assertThat(trace).hasSize(2);
        assertThat(trace.get(0)).contains("--> POST " + api.baseUrl() + "/sms.json")
                .contains("X-Mitto-API-Key: ██ (redacted)")
                .contains("User-Agent: mitto-sms-java/")
                .contains("{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"Hi\",\"type\":\"auto\"}");
        assertThat(trace.get(1)).contains("<-- 200 POST").contains("\"responseText\":\"SMS sent\"");
    }

    @Test
    void theKeyAppearsInNoLogLineNoExceptionMessageAndNoToString() throws Exception {
        api.json(200, "{\"id\":\"abc\",\"responseCode\":0}");
        api.enqueue(401, "text/plain", "Invalid or no API Key specified");
        api.json(400, "{\"responseCode\":8,\"responseText\":\"Invalid receiver\"}");
        api.enqueue(new MockResponse.Builder().onResponseStart(new mockwebserver3.SocketEffect.CloseSocket()).build());
        api.json(200, "{not json");
        api.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "1").build());
        List<Throwable> failures = new ArrayList<>();
        MittoClient.Builder builder = api.client().maxRetries(0);
        try (MittoClient client = builder.build()) {
            client.send(SMS);
            for (int i = 0; i < 4; i++) {
                failures.add(catchThrowable(() -> client.send(SMS)));
            }
            failures.add(client.usageByCountryAsync(UsageRequest.builder().startDate(LocalDate.of(2020, 1, 1))
                    .endDate(LocalDate.of(2020, 1, 2)).build()).handle((r, t) -> t).get(10, TimeUnit.SECONDS));
            failures.add(catchThrowable(() -> MittoClient.builder().apiKey(MockApi.KEY + "\n" + MockApi.KEY)
                    .build()));
            failures.add(catchThrowable(() -> MittoClient.builder().apiKey(MockApi.KEY).baseUrl("http://example.com")
                    .build()));

            assertThat(client.toString()).doesNotContain(MockApi.KEY);
            assertThat(builder.toString()).doesNotContain(MockApi.KEY).contains("apiKey=set (redacted)");
        }

        assertThat(failures).hasSize(7).doesNotContainNull();
        for (Throwable failure : failures) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(MockApi.KEY);
                assertThat(t.toString()).doesNotContain(MockApi.KEY);
            }
        }
        assertThat(log.all()).hasSizeGreaterThanOrEqualTo(12);
        for (ILoggingEvent event : log.all()) {
            assertThat(event.getFormattedMessage()).doesNotContain(MockApi.KEY);
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(MockApi.KEY);
            }
        }
    }

    /**
     * @return the lines at that level about this test's server: an async call of an earlier test, cancelled as its
     *         test ended, may log its end on a dispatcher thread while this test runs
     */
    private List<String> messages(Level level) {
        List<String> out = new ArrayList<>();
        for (ILoggingEvent event : log.at(level)) {
            if (event.getFormattedMessage().contains(api.baseUrl() + "/")) {
                out.add(event.getFormattedMessage());
            }
        }
        return out;
    }
}
