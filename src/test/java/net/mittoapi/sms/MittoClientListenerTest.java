package net.mittoapi.sms;

import static net.mittoapi.sms.MockApi.SMS;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import net.mittoapi.sms.MittoClientListener.AttemptEnded;
import net.mittoapi.sms.MittoClientListener.CallEnded;
import net.mittoapi.sms.MittoClientListener.CallStarted;
import net.mittoapi.sms.MittoClientListener.Endpoint;
import net.mittoapi.sms.MittoClientListener.RetryScheduled;
import net.mittoapi.sms.MittoClientListener.Segments;
import net.mittoapi.sms.segments.Encoding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * The call listener, against a real server: the events of each kind of call, in order and with their content,
 * for synchronous and asynchronous calls alike ({@code async} is each test's parameter).
 */
class MittoClientListenerTest {

    private static final String OK = "{\"id\":\"abc\",\"responseCode\":0,\"responseText\":\"SMS sent\"}";
    private static final Segments ONE_GSM_PART = new Segments(Encoding.GSM_7, 1, 1);

    private final MockApi api = new MockApi();
    private final Recorder recorder = new Recorder();

    @AfterEach
    void tearDown() {
        api.close();
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void aSuccessfulSend(boolean async) throws Exception {
        api.json(200, OK);
        try (MittoClient client = api.client().listener(recorder).build()) {

            Object result = run(client, async, c -> c.sendAsync(SMS), c -> c.send(SMS));

            assertThat(result).isInstanceOf(SmsResponse.class);
        }
        String url = api.baseUrl() + "/sms.json";
        assertThat(recorder.lines()).containsExactly(
                "started 1 SMS " + url + " " + ONE_GSM_PART,
                "attempt 1 200 sent",
                "ended SUCCESS status 200 code 0 maybeDelivered true attempts 1 failure null " + ONE_GSM_PART);
        assertThat(recorder.events).allSatisfy(e -> assertThat(call(e)).isEqualTo(1L));
        CallEnded ended = recorder.ended();
        assertThat(ended.duration()).isPositive().isLessThan(Duration.ofSeconds(30));
        assertThat(recorder.attempts().get(0).duration()).isPositive().isLessThanOrEqualTo(ended.duration());
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void aRefusalWithItsResponseCode(boolean async) throws Exception {
        api.json(400, "{\"responseCode\":8,\"responseText\":\"Invalid receiver\"}");
        try (MittoClient client = api.client().listener(recorder).build()) {

            Object failure = run(client, async, c -> c.sendAsync(SMS), c -> c.send(SMS));

            assertThat(failure).isInstanceOf(MittoApiException.class);
            assertThat(recorder.ended().failure()).isSameAs(failure);
        }
        assertThat(recorder.lines()).endsWith("attempt 1 400 sent",
                "ended API_ERROR status 400 code 8 maybeDelivered false attempts 1 failure MittoApiException "
                        + ONE_GSM_PART);
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void aServerErrorOtherThan503MayHaveBeenProcessed(boolean async) throws Exception {
        api.json(500, "{\"responseCode\":1,\"responseText\":\"Internal error\"}");
        try (MittoClient client = api.client().listener(recorder).build()) {
            run(client, async, c -> c.sendAsync(SMS), c -> c.send(SMS));
        }
        assertThat(recorder.lines()).last().isEqualTo(
                "ended API_ERROR status 500 code 1 maybeDelivered true attempts 1 failure MittoApiException "
                        + ONE_GSM_PART);
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void aWrongKey(boolean async) throws Exception {
        api.enqueue(401, "text/plain", "Invalid or no API Key specified");
        try (MittoClient client = api.client().listener(recorder).build()) {
            run(client, async, c -> c.sendAsync(SMS), c -> c.send(SMS));
        }
        assertThat(recorder.lines()).endsWith("attempt 1 401 sent",
                "ended AUTHENTICATION status 401 code -1 maybeDelivered false attempts 1 failure"
                        + " MittoAuthenticationException " + ONE_GSM_PART);
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void rateLimitedThenRetriedToSuccess(boolean async) throws Exception {
        api.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "0").build());
        api.json(200, OK);
        try (MittoClient client = api.client().maxRetries(2).listener(recorder).build()) {
            run(client, async, c -> c.sendAsync(SMS), c -> c.send(SMS));
        }
        assertThat(recorder.lines()).containsExactly(
                "started 1 SMS " + api.baseUrl() + "/sms.json " + ONE_GSM_PART,
                "attempt 1 429 sent",
                "retry 1 PT0S RATE_LIMITED",
                "attempt 2 200 sent",
                "ended SUCCESS status 200 code 0 maybeDelivered true attempts 2 failure null " + ONE_GSM_PART);
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void serviceUnavailableUntilTheRetriesAreSpent(boolean async) throws Exception {
        for (int i = 0; i < 3; i++) {
            api.enqueue(new MockResponse.Builder().code(503).build());
        }
        try (MittoClient client = api.client().maxRetries(2).listener(recorder).build()) {
            run(client, async, c -> c.sendAsync(SMS), c -> c.send(SMS));
        }
        List<String> lines = recorder.lines();
        assertThat(lines).hasSize(7);
        assertThat(lines.get(1)).isEqualTo("attempt 1 503 sent");
        assertThat(lines.get(2)).matches("retry 1 PT[0-9.]+S SERVICE_UNAVAILABLE|retry 1 PT0S SERVICE_UNAVAILABLE");
        assertThat(lines.get(3)).isEqualTo("attempt 2 503 sent");
        assertThat(lines.get(4)).startsWith("retry 2 ").endsWith(" SERVICE_UNAVAILABLE");
        assertThat(lines.get(5)).isEqualTo("attempt 3 503 sent");
        assertThat(lines.get(6)).isEqualTo("ended API_ERROR status 503 code -1 maybeDelivered false attempts 3"
                + " failure MittoApiException " + ONE_GSM_PART);
        assertThat(recorder.retries()).allSatisfy(r -> assertThat(r.delay()).isBetween(Duration.ZERO,
                Duration.ofMillis(50)));
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void aConnectionThatFailsIsRetriedAsNothingWasSent(boolean async) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        try (MittoClient client = MittoClient.builder().apiKey(MockApi.KEY).baseUrl("http://127.0.0.1:" + closedPort)
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(20)).maxRetries(1).listener(recorder).build()) {
            run(client, async, c -> c.sendAsync(SMS), c -> c.send(SMS));
        }
        List<String> lines = recorder.lines();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).isEqualTo("attempt 1 -1 not sent ConnectException");
        assertThat(lines.get(2)).startsWith("retry 1 ").endsWith(" CONNECTION_FAILED");
        assertThat(lines.get(3)).isEqualTo("attempt 2 -1 not sent ConnectException");
        assertThat(lines.get(4)).isEqualTo("ended TRANSPORT status -1 code -1 maybeDelivered false attempts 2"
                + " failure MittoTransportException " + ONE_GSM_PART);
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void aReadTimeoutMayHaveDelivered(boolean async) throws Exception {
        api.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        try (MittoClient client = api.client().maxRetries(2).readTimeout(Duration.ofMillis(300)).listener(recorder)
                .build()) {
            run(client, async, c -> c.sendAsync(SMS), c -> c.send(SMS));
        }
        assertThat(recorder.lines()).endsWith("attempt 1 -1 sent SocketTimeoutException",
                "ended TRANSPORT status -1 code -1 maybeDelivered true attempts 1 failure MittoTransportException "
                        + ONE_GSM_PART);
        assertThat(recorder.attempts().get(0).failure()).isInstanceOf(SocketTimeoutException.class);
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void anUnreadableAnswerIsAFailedAttemptWithItsStatus(boolean async) throws Exception {
        api.json(200, "{\"id\":");
        try (MittoClient client = api.client().listener(recorder).build()) {
            run(client, async, c -> c.sendAsync(SMS), c -> c.send(SMS));
        }
        assertThat(recorder.lines()).endsWith("attempt 1 200 sent MittoTransportException",
                "ended TRANSPORT status 200 code -1 maybeDelivered true attempts 1 failure MittoTransportException "
                        + ONE_GSM_PART);
    }

    @Test
    void cancellingTheFutureEndsTheCallAsCanceledAfterItsAttempt() throws Exception {
        api.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        try (MittoClient client = api.client().readTimeout(Duration.ofSeconds(30)).listener(recorder).build()) {
            CompletableFuture<SmsResponse> future = client.sendAsync(SMS);
            api.take();

            future.cancel(true);

            assertThat(recorder.awaitEnd()).isTrue();
        }
        assertThat(recorder.lines().get(1)).as("an IOException or a SocketException, as the socket closes")
                .matches("attempt 1 -1 sent (IOException|SocketException)");
        assertThat(recorder.lines()).hasSize(3).last().isEqualTo(
                "ended CANCELED status -1 code -1 maybeDelivered true attempts 1 failure MittoTransportException "
                        + ONE_GSM_PART);
        assertThat(recorder.ended().failure()).hasMessageContaining("canceled by the caller");
    }

    @Test
    void cancellingDuringARetryWaitEndsTheCallAtOnce() throws Exception {
        api.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "20").build());
        try (MittoClient client = api.client().maxRetries(2).retryBackoff(Duration.ofMillis(1), Duration.ofSeconds(30))
                .listener(recorder).build()) {
            CompletableFuture<SmsResponse> future = client.sendAsync(SMS);
            assertThat(recorder.awaitRetry()).isTrue();

            future.cancel(true);

            assertThat(recorder.awaitEnd()).isTrue();
            assertThat(recorder.lines()).containsExactly("started 1 SMS " + api.baseUrl() + "/sms.json " + ONE_GSM_PART,
                    "attempt 1 503 sent", "retry 1 PT20S SERVICE_UNAVAILABLE",
                    "ended CANCELED status 503 code -1 maybeDelivered false attempts 1 failure MittoTransportException "
                            + ONE_GSM_PART);
        }
        assertThat(api.server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void closingDuringARetryWaitEndsTheCallWithTheLastFailure(boolean async) throws Exception {
        api.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "20").build());
        MittoClient client = api.client().maxRetries(2).retryBackoff(Duration.ofMillis(1), Duration.ofSeconds(30))
                .listener(recorder).build();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<Object> call = caller.submit(() -> run(client, async, c -> c.sendAsync(SMS), c -> c.send(SMS)));
            assertThat(recorder.awaitRetry()).isTrue();

            client.close();

            assertThat(call.get(10, TimeUnit.SECONDS)).isInstanceOf(MittoRateLimitException.class);
        } finally {
            caller.shutdownNow();
        }
        assertThat(recorder.lines()).endsWith("attempt 1 429 sent", "retry 1 PT20S RATE_LIMITED",
                "ended RATE_LIMITED status 429 code -1 maybeDelivered false attempts 1 failure MittoRateLimitException "
                        + ONE_GSM_PART);
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void aClosedClientStartsAndEndsTheCallWithNoAttempt(boolean async) throws Exception {
        MittoClient client = api.client().listener(recorder).build();
        client.close();

        run(client, async, c -> c.sendAsync(SMS), c -> c.send(SMS));

        assertThat(recorder.lines()).hasSize(2).last().isEqualTo(
                "ended TRANSPORT status -1 code -1 maybeDelivered false attempts 0 failure MittoTransportException "
                        + ONE_GSM_PART);
        assertThat(api.server.getRequestCount()).isZero();
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void aRequestRefusedByValidationHasNoEvents(boolean async) throws Exception {
        try (MittoClient client = api.client().listener(recorder).build()) {
            run(client, async, c -> c.sendAsync(null), c -> c.send(null));
        }
        assertThat(recorder.events).isEmpty();
    }

    @Test
    void eachEndpointIsNamedAndOnlySendsCarryAForecast() {
        api.json(200, "{\"responseCode\":0,\"messages\":[]}");
        api.json(200, "{\"usagesByCountry\":[]}");
        api.enqueue(200, "text/plain", "OK");
        api.json(200, OK);
        api.json(200, OK);
        api.json(200, OK);
        try (MittoClient client = api.client().listener(recorder).build()) {
            client.sendBulk(BulkSmsRequest.builder().from("MITTO SMS").to("491725551234", "491725551235", "491725551234")
                    .text("Grüße 😀").build());
            client.usageByCountry(UsageRequest.builder().startDate(LocalDate.of(2020, 4, 1))
                    .endDate(LocalDate.of(2020, 4, 15)).build());
            client.reportConversion("abc");
            client.send(SmsRequest.builder().from("MITTO SMS").to("491725551234").text("Hi")
                    .type(MessageType.UNICODE).build());
            client.send(SmsRequest.builder().from("MITTO SMS").to("491725551234").text("x".repeat(161)).build());
            client.send(SmsRequest.builder().from("MITTO SMS").to("491725551234").text("Grüße 😀")
                    .type(MessageType.GSM).build());
        }
        List<CallStarted> started = recorder.events.stream().filter(CallStarted.class::isInstance)
                .map(CallStarted.class::cast).toList();
        assertThat(started).extracting(CallStarted::endpoint).containsExactly(Endpoint.SMS_BULK,
                Endpoint.USAGE_BY_COUNTRY, Endpoint.CONVERSION, Endpoint.SMS, Endpoint.SMS, Endpoint.SMS);
        assertThat(started).extracting(CallStarted::call).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(started).extracting(CallStarted::segments).containsExactly(
                new Segments(Encoding.UCS_2, 1, 3), null, null, new Segments(Encoding.UCS_2, 1, 1),
                new Segments(Encoding.GSM_7, 2, 1), null);
        assertThat(started.get(0).segments().totalParts()).isEqualTo(3);
        assertThat(started.get(1).url()).isEqualTo(api.baseUrl() + "/usage/bycountry.json");
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void aListenerThatThrowsNeverBreaksACallAndIsLoggedOnce(boolean async) throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger("net.mittoapi.sms.MittoClient");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        api.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "0").build());
        api.json(200, OK);
        api.json(200, OK);
        MittoClientListener throwing = new MittoClientListener() {
            @Override
            public void callStarted(CallStarted event) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void attemptEnded(AttemptEnded event) {
                throw new AssertionError("listener bug");
            }

            @Override
            public void retryScheduled(RetryScheduled event) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void callEnded(CallEnded event) {
                throw new IllegalStateException("listener bug");
            }
        };
        try (MittoClient client = api.client().maxRetries(2).listener(throwing).build()) {

            assertThat(run(client, async, c -> c.sendAsync(SMS), c -> c.send(SMS))).isInstanceOf(SmsResponse.class);
            assertThat(run(client, async, c -> c.sendAsync(SMS), c -> c.send(SMS))).isInstanceOf(SmsResponse.class);
        } finally {
            logger.detachAppender(appender);
        }
        List<ILoggingEvent> warnings = appender.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.getFormattedMessage()).contains("MittoClientListener").contains("callStarted")
                    .contains("ignored");
            assertThat(w.getThrowableProxy().getMessage()).isEqualTo("listener bug");
        });
    }

    /** Runs a call sync or async; returns its result or the exception it ended with. */
    private static Object run(MittoClient client, boolean async, Function<MittoClient, CompletableFuture<?>> asyncCall,
            Function<MittoClient, Object> syncCall) throws Exception {
        if (async) {
            try {
                return asyncCall.apply(client).get(20, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                return e.getCause();
            }
        }
        try {
            return syncCall.apply(client);
        } catch (MittoException e) {
            return e;
        }
    }

    private static long call(Object event) {
        if (event instanceof CallStarted e) {
            return e.call();
        }
        if (event instanceof AttemptEnded e) {
            return e.call();
        }
        if (event instanceof RetryScheduled e) {
            return e.call();
        }
        return ((CallEnded) event).call();
    }

    /** Records every event, and tells when the retry and the end came. */
    static final class Recorder implements MittoClientListener {
        final List<Object> events = new CopyOnWriteArrayList<>();
        private final CountDownLatch retry = new CountDownLatch(1);
        private final CountDownLatch end = new CountDownLatch(1);

        @Override
        public void callStarted(CallStarted event) {
            events.add(event);
        }

        @Override
        public void attemptEnded(AttemptEnded event) {
            events.add(event);
        }

        @Override
        public void retryScheduled(RetryScheduled event) {
            events.add(event);
            retry.countDown();
        }

        @Override
        public void callEnded(CallEnded event) {
            events.add(event);
            end.countDown();
        }

        boolean awaitRetry() throws InterruptedException {
            return retry.await(10, TimeUnit.SECONDS);
        }

        boolean awaitEnd() throws InterruptedException {
            return end.await(10, TimeUnit.SECONDS);
        }

        CallEnded ended() {
            return events.stream().filter(CallEnded.class::isInstance).map(CallEnded.class::cast).reduce((a, b) -> b)
                    .orElseThrow();
        }

        List<AttemptEnded> attempts() {
            return events.stream().filter(AttemptEnded.class::isInstance).map(AttemptEnded.class::cast).toList();
        }

        List<RetryScheduled> retries() {
            return events.stream().filter(RetryScheduled.class::isInstance).map(RetryScheduled.class::cast).toList();
        }

        /** The events as one line each, leaving out what varies from run to run (durations, the port). */
        List<String> lines() {
            return events.stream().map(Recorder::line).toList();
        }

        private static String line(Object event) {
            if (event instanceof CallStarted e) {
                return "started " + e.call() + " " + e.endpoint() + " " + e.url() + " " + e.segments();
            }
            if (event instanceof AttemptEnded e) {
                return "attempt " + e.attempt() + " " + e.httpStatus() + " " + (e.requestSent() ? "sent" : "not sent")
                        + (e.failure() == null ? "" : " " + e.failure().getClass().getSimpleName());
            }
            if (event instanceof RetryScheduled e) {
                return "retry " + e.retry() + " " + e.delay() + " " + e.reason();
            }
            CallEnded e = (CallEnded) event;
            return "ended " + e.outcome() + " status " + e.httpStatus() + " code " + e.responseCode() + " maybeDelivered "
                    + e.maybeDelivered() + " attempts " + e.attempts() + " failure "
                    + (e.failure() == null ? "null" : e.failure().getClass().getSimpleName()) + " " + e.segments();
        }
    }
}
