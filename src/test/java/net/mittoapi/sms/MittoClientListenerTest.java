package net.mittoapi.sms;

import static net.mittoapi.sms.MockApi.SMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import net.mittoapi.sms.MittoClientListener.AttemptEnded;
import net.mittoapi.sms.MittoClientListener.CallEnded;
import net.mittoapi.sms.MittoClientListener.CallStarted;
import net.mittoapi.sms.MittoClientListener.Endpoint;
import net.mittoapi.sms.MittoClientListener.Outcome;
import net.mittoapi.sms.MittoClientListener.RetryScheduled;
import net.mittoapi.sms.MittoClientListener.Segments;
import net.mittoapi.sms.internal.http.RetryTimer;
import net.mittoapi.sms.segments.Encoding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

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
        CapturedLog log = new CapturedLog();
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
        try (log; MittoClient client = api.client().maxRetries(2).listener(throwing).build()) {

            assertThat(run(client, async, c -> c.sendAsync(SMS), c -> c.send(SMS))).isInstanceOf(SmsResponse.class);
            assertThat(run(client, async, c -> c.sendAsync(SMS), c -> c.send(SMS))).isInstanceOf(SmsResponse.class);
        }
        assertThat(log.warnings()).singleElement().satisfies(w -> {
            assertThat(w.getFormattedMessage()).contains("MittoClientListener").contains("callStarted")
                    .contains("ignored");
            assertThat(w.getThrowableProxy().getMessage()).isEqualTo("listener bug");
        });
    }

    // ---- a listener that fails, whatever it throws, never breaks a call nor leaves it incomplete ----

    /** Each listener method in turn throws each kind of failure, on a call that is retried once. */
    static Stream<Arguments> listenerFailures() {
        List<Arguments> cases = new ArrayList<>();
        for (String event : List.of("callStarted", "attemptEnded", "retryScheduled", "callEnded")) {
            for (String failure : List.of("InternalError", "OutOfMemoryError", "StackOverflowError", "IOException")) {
                for (boolean async : new boolean[] {false, true}) {
                    cases.add(Arguments.of(event, failure, async));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} from {0}, async={2}")
    @MethodSource("listenerFailures")
    void whateverTheListenerThrowsTheCallCompletesWithItsOwnResult(String event, String failure, boolean async)
            throws Exception {
        api.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "0").build());
        api.json(200, OK);
        Failing listener = new Failing(recorder, failure, event);
        try (CapturedLog log = new CapturedLog();
                MittoClient client = api.client().maxRetries(2).listener(listener).build()) {

            Object result = run(client, async, c -> c.sendAsync(SMS), c -> c.send(SMS));

            assertThat(result).isInstanceOf(SmsResponse.class);
            assertThat(recorder.lines()).containsExactly(
                    "started 1 SMS " + api.baseUrl() + "/sms.json " + ONE_GSM_PART,
                    "attempt 1 503 sent",
                    "retry 1 PT0S SERVICE_UNAVAILABLE",
                    "attempt 2 200 sent",
                    "ended SUCCESS status 200 code 0 maybeDelivered true attempts 2 failure null " + ONE_GSM_PART);
            assertThat(log.warnings()).singleElement().satisfies(w -> {
                assertThat(w.getFormattedMessage()).contains(event).contains("ignored");
                assertThat(w.getThrowableProxy().getClassName()).endsWith(failure);
            });
        }
        assertThat(api.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void anErrorFromCallEndedWhenTheCallerCancelsIsLoggedAndTheFutureStaysCancelled() throws Exception {
        api.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "20").build());
        Failing listener = new Failing(recorder, "InternalError", "callEnded");
        try (CapturedLog log = new CapturedLog(); MittoClient client = api.client().maxRetries(2)
                .retryBackoff(Duration.ofMillis(1), Duration.ofSeconds(30)).listener(listener).build()) {
            CompletableFuture<SmsResponse> future = client.sendAsync(SMS);
            assertThat(recorder.awaitRetry()).isTrue();

            assertThat(future.cancel(true)).isTrue();

            assertThat(future).isCancelled();
            assertThat(recorder.ended().outcome()).isEqualTo(Outcome.CANCELED);
            assertThat(log.warnings()).as("the listener's error is logged, not lost").singleElement()
                    .satisfies(w -> assertThat(w.getFormattedMessage()).contains("callEnded"));
        }
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void anErrorFromCallEndedWhenTheClientClosesEndsEveryWaitingCall(boolean async) throws Exception {
        api.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "20").build());
        api.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "20").build());
        CountDownLatch bothWaiting = new CountDownLatch(2);
        Failing listener = new Failing(new Recorder() {
            @Override
            public void retryScheduled(RetryScheduled event) {
                super.retryScheduled(event);
                bothWaiting.countDown();
            }
        }, "OutOfMemoryError", "callEnded");
        MittoClient client = api.client().maxRetries(2).retryBackoff(Duration.ofMillis(1), Duration.ofSeconds(30))
                .listener(listener).build();
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try (CapturedLog log = new CapturedLog()) {
            List<Future<Object>> calls = List.of(
                    callers.submit(() -> run(client, async, c -> c.sendAsync(SMS), c -> c.send(SMS))),
                    callers.submit(() -> run(client, async, c -> c.sendAsync(SMS), c -> c.send(SMS))));
            assertThat(bothWaiting.await(10, TimeUnit.SECONDS)).isTrue();

            assertThatCode(client::close).doesNotThrowAnyException();

            for (Future<Object> call : calls) {
                assertThat(call.get(10, TimeUnit.SECONDS)).isInstanceOf(MittoRateLimitException.class);
            }
            assertThat(log.warnings()).singleElement()
                    .satisfies(w -> assertThat(w.getThrowableProxy().getClassName()).endsWith("OutOfMemoryError"));
        } finally {
            callers.shutdownNow();
        }
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void anErrorFromTheListenerOnAClosedClientStillEndsTheCallAsClosed(boolean async) throws Exception {
        Failing listener = new Failing(recorder, "InternalError", "callStarted", "callEnded");
        MittoClient client = api.client().listener(listener).build();
        client.close();
        try (CapturedLog log = new CapturedLog()) {

            Object result = run(client, async, c -> c.sendAsync(SMS), c -> c.send(SMS));

            assertThat(result).isInstanceOf(MittoTransportException.class);
            assertThat((MittoTransportException) result).hasMessageContaining("closed");
            assertThat(log.warnings()).hasSize(1);
        }
        assertThat(recorder.ended().outcome()).isEqualTo(Outcome.TRANSPORT);
    }

    // ---- the outcome the listener is told is the one the caller sees ----

    @ParameterizedTest(name = "answered {0}")
    @ValueSource(ints = {200, 400})
    void aCancelWhileCallEndedRunsLosesAndTheCallerSeesWhatTheListenerWasTold(int status) throws Exception {
        api.json(status, status == 200 ? OK : "{\"responseCode\":8,\"responseText\":\"Invalid receiver\"}");
        Holding listener = new Holding();
        try (MittoClient client = api.client().listener(listener).build()) {
            CompletableFuture<SmsResponse> future = client.sendAsync(SMS);
            assertThat(listener.inCallEnded.await(10, TimeUnit.SECONDS)).isTrue();

            boolean canceled = future.cancel(true);
            boolean completed = future.complete(null);
            boolean failed = future.completeExceptionally(new IllegalStateException("the caller's own"));
            listener.release.countDown();

            Outcome told = listener.ended().outcome();
            assertThat(told).isEqualTo(status == 200 ? Outcome.SUCCESS : Outcome.API_ERROR);
            assertThat(observed(future)).as("what the caller sees").isEqualTo(told);
            assertThat(List.of(canceled, completed, failed)).as("cancel, complete, completeExceptionally")
                    .containsOnly(false);
        }
    }

    /** The ways a caller can complete the future itself before the call ends, and what the caller then sees. */
    static Stream<Arguments> callerCompletions() {
        return Stream.of(
                Arguments.of("cancel", (Consumer<CompletableFuture<SmsResponse>>) f -> f.cancel(true),
                        "CancellationException"),
                Arguments.of("complete", (Consumer<CompletableFuture<SmsResponse>>) f -> f.complete(null), "null"),
                Arguments.of("completeExceptionally", (Consumer<CompletableFuture<SmsResponse>>)
                        f -> f.completeExceptionally(new IllegalStateException("given up")), "IllegalStateException"),
                Arguments.of("orTimeout", (Consumer<CompletableFuture<SmsResponse>>)
                        f -> f.orTimeout(1, TimeUnit.MILLISECONDS), "TimeoutException"),
                Arguments.of("completeOnTimeout", (Consumer<CompletableFuture<SmsResponse>>)
                        f -> f.completeOnTimeout(null, 1, TimeUnit.MILLISECONDS), "null"),
                Arguments.of("completeAsync", (Consumer<CompletableFuture<SmsResponse>>)
                        f -> f.completeAsync(() -> null), "null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callerCompletions")
    void whenTheCallerCompletesTheFutureFirstTheCallStopsAndTheListenerIsToldCanceled(String how,
            Consumer<CompletableFuture<SmsResponse>> complete, String seen) throws Exception {
        api.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        try (MittoClient client = api.client().readTimeout(Duration.ofSeconds(30)).listener(recorder).build()) {
            CompletableFuture<SmsResponse> future = client.sendAsync(SMS);
            api.take();

            complete.accept(future);

            assertThat(recorder.awaitEnd()).as("the call ended at once, not at the read timeout").isTrue();
            assertThat(recorder.lines()).last().isEqualTo("ended CANCELED status -1 code -1 maybeDelivered true"
                    + " attempts 1 failure MittoTransportException " + ONE_GSM_PART);
            assertThat(callerSees(future)).isEqualTo(seen);
            future.cancel(true);
            future.completeExceptionally(new IllegalStateException("later"));
            assertThat(callerSees(future)).as("the caller's result stays").isEqualTo(seen);
        }
    }

    @Test
    void dependentStagesArePlainCompletableFuturesThatRunAfterCallEnded() throws Exception {
        api.json(200, OK);
        api.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        List<String> order = new CopyOnWriteArrayList<>();
        MittoClientListener listener = new MittoClientListener() {
            @Override
            public void callEnded(CallEnded event) {
                order.add("callEnded " + event.call() + " " + event.outcome());
            }
        };
        try (MittoClient client = api.client().readTimeout(Duration.ofSeconds(30)).listener(listener).build()) {
            CompletableFuture<SmsResponse> future = client.sendAsync(SMS);
            CompletableFuture<String> dependent = future.thenApply(r -> {
                order.add("thenApply");
                return r.id();
            });

            assertThat(dependent.get(10, TimeUnit.SECONDS)).isEqualTo("abc");
            assertThat(order).containsExactly("callEnded 1 SUCCESS", "thenApply");
            assertThat(dependent).isExactlyInstanceOf(CompletableFuture.class);
            assertThat(future.newIncompleteFuture()).isExactlyInstanceOf(CompletableFuture.class);
            assertThat(future.copy()).isExactlyInstanceOf(CompletableFuture.class);
            assertThat(future.toCompletableFuture()).isSameAs(future);

            CompletableFuture<SmsResponse> second = client.sendAsync(SMS);
            CompletableFuture<String> pending = second.thenApply(SmsResponse::id);
            assertThat(pending.complete("mine")).as("a dependent stage completes as any future does").isTrue();
            assertThat(pending.join()).isEqualTo("mine");
            assertThat(second).as("the call itself goes on").isNotDone();
            assertThat(second.cancel(true)).isTrue();
        }
    }

    // ---- the thread of each event ----

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void eachEventArrivesOnTheDocumentedThread(boolean async) throws Exception {
        api.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "0").build());
        api.json(200, OK);
        Threads threads = new Threads();
        String caller = Thread.currentThread().getName();
        try (MittoClient client = api.client().maxRetries(2).listener(threads).build()) {
            assertThat(run(client, async, c -> c.sendAsync(SMS), c -> c.send(SMS))).isInstanceOf(SmsResponse.class);
        }
        if (!async) {
            assertThat(threads.lines).containsExactly("callStarted on " + caller, "attemptEnded on " + caller,
                    "retryScheduled on " + caller, "attemptEnded on " + caller, "callEnded on " + caller);
            return;
        }
        assertThat(threads.lines.get(0)).isEqualTo("callStarted on " + caller);
        assertThat(threads.lines.subList(1, threads.lines.size()))
                .as("on OkHttp's dispatcher threads, which OkHttp names after the call while it runs")
                .allSatisfy(line -> assertThat(line).matches("\\w+ on OkHttp http://127\\.0\\.0\\.1:\\d+/\\.\\.\\."))
                .extracting(line -> line.substring(0, line.indexOf(' ')))
                .containsExactly("attemptEnded", "retryScheduled", "attemptEnded", "callEnded");
    }

    @Test
    void asyncCallStartedRunsOnTheCallersThreadBeforeSendAsyncReturns() throws Exception {
        api.json(200, OK);
        ThreadLocal<String> traceContext = new ThreadLocal<>();
        CountDownLatch inCallStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> seen = new AtomicReference<>();
        MittoClientListener listener = new MittoClientListener() {
            @Override
            public void callStarted(CallStarted event) {
                seen.set(traceContext.get());
                inCallStarted.countDown();
                await(release);
            }
        };
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (MittoClient client = api.client().listener(listener).build()) {
            AtomicBoolean returned = new AtomicBoolean();
            Future<CompletableFuture<SmsResponse>> submitted = caller.submit(() -> {
                traceContext.set("span-42");
                CompletableFuture<SmsResponse> future = client.sendAsync(SMS);
                returned.set(true);
                return future;
            });
            assertThat(inCallStarted.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(returned).as("sendAsync waits for callStarted").isFalse();
            assertThat(seen).as("callStarted sees the caller's thread-local context").hasValue("span-42");
            release.countDown();
            assertThat(submitted.get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS)).isInstanceOf(SmsResponse.class);
        } finally {
            caller.shutdownNow();
        }
    }

    /**
     * A call waiting to be retried ends on the thread that ends it: the one that cancels the future, the JDK's
     * timer of {@code orTimeout}, the one that closes the client; a synchronous call always on its caller's.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cancel", "orTimeout", "close", "close sync"})
    void aCallWaitingToBeRetriedEndsOnTheThreadThatEndsIt(String how) throws Exception {
        api.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "20").build());
        Threads threads = new Threads();
        CountDownLatch onTheTimer = new CountDownLatch(1);
        RetryTimer timer = new RetryTimer() {
            @Override
            public Runnable schedule(Duration delay, Runnable task) {
                Runnable cancel = super.schedule(delay, task);
                onTheTimer.countDown();
                return cancel;
            }
        };
        MittoClient client = api.client().maxRetries(2).retryBackoff(Duration.ofMillis(1), Duration.ofSeconds(30))
                .retryTimer(timer).listener(threads).build();
        ExecutorService caller = Executors.newSingleThreadExecutor(task -> new Thread(task, "the-caller"));
        try {
            Future<?> sync = how.equals("close sync") ? caller.submit(() -> run(client, false, null, c -> c.send(SMS)))
                    : null;
            CompletableFuture<SmsResponse> future = sync == null ? client.sendAsync(SMS) : null;
            assertThat(threads.awaitRetry()).isTrue();
            if (future != null) {
                assertThat(onTheTimer.await(10, TimeUnit.SECONDS)).as("the retry waits on the timer").isTrue();
            }

            Thread ender = new Thread(() -> {
                if (how.equals("cancel")) {
                    future.cancel(true);
                } else if (how.equals("orTimeout")) {
                    future.orTimeout(1, TimeUnit.MILLISECONDS);
                } else {
                    client.close();
                }
            }, "the-ender");
            ender.start();
            ender.join(10_000);

            assertThat(threads.awaitEnd()).isTrue();
            String expected = switch (how) {
                case "orTimeout" -> delaySchedulerThread(); // its name differs between JDK 17 and 25
                case "close sync" -> "the-caller";
                default -> "the-ender";
            };
            assertThat(threads.lines).last().isEqualTo("callEnded on " + expected);
        } finally {
            client.close();
            caller.shutdownNow();
        }
    }

    /**
     * Runs a call sync or async; returns its result or the exception it ended with. Anything else the call
     * throws fails the test, wrapped: an {@link OutOfMemoryError} escaping to JUnit would abort the whole run.
     */
    private static Object run(MittoClient client, boolean async, Function<MittoClient, CompletableFuture<?>> asyncCall,
            Function<MittoClient, Object> syncCall) throws Exception {
        try {
            if (async) {
                try {
                    return asyncCall.apply(client).get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    return e.getCause();
                }
            }
            try {
                return syncCall.apply(client);
            } catch (MittoException e) {
                return e;
            }
        } catch (TimeoutException e) {
            throw new AssertionError("the future did not complete within 10 s", e);
        } catch (RuntimeException | Error e) {
            throw new AssertionError((async ? "sendAsync" : "send") + " threw " + e, e);
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

    /** What the caller of an async call sees, as the listener's {@link Outcome} names it. */
    static Outcome observed(CompletableFuture<?> future) throws InterruptedException, TimeoutException {
        try {
            future.get(10, TimeUnit.SECONDS);
            return Outcome.SUCCESS;
        } catch (CancellationException e) {
            return Outcome.CANCELED;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MittoAuthenticationException) {
                return Outcome.AUTHENTICATION;
            }
            if (cause instanceof MittoRateLimitException) {
                return Outcome.RATE_LIMITED;
            }
            if (cause instanceof MittoApiException) {
                return Outcome.API_ERROR;
            }
            if (cause instanceof MittoTransportException) {
                return Outcome.TRANSPORT;
            }
            throw new AssertionError("the future failed with " + cause, cause);
        }
    }

    /** What the caller of an async call sees: its value, or the simple name of what {@code get()} throws. */
    private static String callerSees(CompletableFuture<?> future) throws InterruptedException, TimeoutException {
        try {
            return String.valueOf(future.get(10, TimeUnit.SECONDS));
        } catch (CancellationException e) {
            return e.getClass().getSimpleName();
        } catch (ExecutionException e) {
            return e.getCause().getClass().getSimpleName();
        }
    }

    /** @return the name of the JDK's thread that fires {@code orTimeout}, found by letting one fire */
    private static String delaySchedulerThread() throws Exception {
        CompletableFuture<String> probe = new CompletableFuture<>();
        CompletableFuture<String> thread = probe.handle((value, timeout) -> Thread.currentThread().getName());
        probe.orTimeout(1, TimeUnit.MILLISECONDS); // the stage above is registered first: it runs on that thread
        return thread.get(10, TimeUnit.SECONDS);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hands every event to a recorder, then throws a new failure of one kind from the methods named. */
    private static final class Failing implements MittoClientListener {
        private final Recorder recorder;
        private final String failure;
        private final Set<String> events;

        Failing(Recorder recorder, String failure, String... events) {
            this.recorder = recorder;
            this.failure = failure;
            this.events = Set.of(events);
        }

        @Override
        public void callStarted(CallStarted event) {
            recorder.callStarted(event);
            fail("callStarted");
        }

        @Override
        public void attemptEnded(AttemptEnded event) {
            recorder.attemptEnded(event);
            fail("attemptEnded");
        }

        @Override
        public void retryScheduled(RetryScheduled event) {
            recorder.retryScheduled(event);
            fail("retryScheduled");
        }

        @Override
        public void callEnded(CallEnded event) {
            recorder.callEnded(event);
            fail("callEnded");
        }

        private void fail(String event) {
            if (events.contains(event)) {
                Failing.<RuntimeException>sneakyThrow(switch (failure) {
                    case "InternalError" -> new InternalError("listener bug");
                    case "OutOfMemoryError" -> new OutOfMemoryError("listener bug");
                    case "StackOverflowError" -> new StackOverflowError("listener bug");
                    case "IOException" -> new IOException("listener bug: a checked exception, as Kotlin throws one");
                    default -> new IllegalStateException("listener bug");
                });
            }
        }

        @SuppressWarnings("unchecked")
        private static <T extends Throwable> void sneakyThrow(Throwable failure) throws T {
            throw (T) failure;
        }
    }

    /** A recorder that holds {@code callEnded} until released, so that the test can act meanwhile. */
    private static final class Holding extends Recorder {
        final CountDownLatch inCallEnded = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void callEnded(CallEnded event) {
            super.callEnded(event);
            inCallEnded.countDown();
            await(release);
        }
    }

    /** A recorder that also notes the thread each event arrives on, as the event's name and the thread's. */
    private static final class Threads extends Recorder {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void callStarted(CallStarted event) {
            lines.add("callStarted on " + Thread.currentThread().getName());
            super.callStarted(event);
        }

        @Override
        public void attemptEnded(AttemptEnded event) {
            lines.add("attemptEnded on " + Thread.currentThread().getName());
            super.attemptEnded(event);
        }

        @Override
        public void retryScheduled(RetryScheduled event) {
            lines.add("retryScheduled on " + Thread.currentThread().getName());
            super.retryScheduled(event);
        }

        @Override
        public void callEnded(CallEnded event) {
            lines.add("callEnded on " + Thread.currentThread().getName());
            super.callEnded(event);
        }
    }

    /** Records every event, and tells when the retry and the end came. */
    static class Recorder implements MittoClientListener {
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
