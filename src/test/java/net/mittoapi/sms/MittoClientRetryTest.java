package net.mittoapi.sms;

import static net.mittoapi.sms.MockApi.SMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import net.mittoapi.sms.internal.http.RetryTimer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Retries that can never send twice: each test counts what the server received. A retry happens only
 * when the request certainly was not processed (no byte written, or 429/503).
 */
class MittoClientRetryTest {

    private static final String OK = "{\"id\":\"abc\",\"responseCode\":0,\"responseText\":\"SMS sent\"}";

    private final MockApi api = new MockApi();

    @AfterEach
    void tearDown() {
        api.close();
    }

    static Stream<Arguments> failuresBeforeAnyByteIsWritten() {
        return Stream.of(
                Arguments.of("refused", (Supplier<IOException>) () -> new ConnectException("Connection refused (test)")),
                Arguments.of("connect timeout",
                        (Supplier<IOException>) () -> new SocketTimeoutException("connect timed out (test)")),
                Arguments.of("no route", (Supplier<IOException>) () -> new NoRouteToHostException("No route (test)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failuresBeforeAnyByteIsWritten")
    void aConnectionThatFailedBeforeWritingIsRetried(String name, Supplier<IOException> failure) {
        FlakySocketFactory sockets = new FlakySocketFactory(2, failure);
        api.json(200, OK);
        try (MittoClient client = api.client().maxRetries(2)
                .httpClient(new OkHttpClient.Builder().socketFactory(sockets).build()).build()) {

            SmsResponse response = client.send(SMS);

            assertThat(response.id()).isEqualTo("abc");
            assertThat(sockets.connects).hasValue(3);
            assertThat(api.server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void aConnectionThatKeepsFailingEndsWithNothingDelivered() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        FlakySocketFactory sockets = new FlakySocketFactory(0, () -> new IOException("unused"));
        try (MittoClient client = MittoClient.builder().apiKey(MockApi.KEY).baseUrl("http://127.0.0.1:" + closedPort)
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(20)).maxRetries(2)
                .httpClient(new OkHttpClient.Builder().socketFactory(sockets).build()).build()) {

            MittoTransportException e = catchThrowableOfType(MittoTransportException.class, () -> client.send(SMS));

            assertThat(e.maybeDelivered()).isFalse();
            assertThat(e.getMessage()).contains("before the request was sent");
            assertThat(e).hasRootCauseInstanceOf(ConnectException.class);
            assertThat(sockets.connects).hasValue(3);
        }
    }

    @Test
    void anUnknownHostIsRetriedAsNothingWasSent() {
        RecordingRetryTimer timer = new RecordingRetryTimer();
        OkHttpClient noDns = new OkHttpClient.Builder().dns(host -> {
            throw new UnknownHostException("no such host (test): " + host);
        }).build();
        try (MittoClient client = MittoClient.builder().apiKey(MockApi.KEY).baseUrl("https://mitto.invalid")
                .maxRetries(2).retryTimer(timer).httpClient(noDns).build()) {

            MittoTransportException e = catchThrowableOfType(MittoTransportException.class, () -> client.send(SMS));

            assertThat(e.maybeDelivered()).isFalse();
            assertThat(timer.sleeps).hasSize(2);
        }
    }

    @Test
    void aReadTimeoutIsNeverRetriedAndMayHaveDelivered() {
        api.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        try (MittoClient client = api.client().maxRetries(2).readTimeout(Duration.ofMillis(300)).build()) {

            MittoTransportException e = catchThrowableOfType(MittoTransportException.class, () -> client.send(SMS));

            assertThat(e.maybeDelivered()).isTrue();
            assertThat(e.getMessage()).contains("after the request was sent");
            assertThat(e).hasCauseInstanceOf(SocketTimeoutException.class);
            assertThat(api.server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void theCallTimeoutIsNeverRetriedAndMayHaveDelivered() {
        api.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        try (MittoClient client = api.client().maxRetries(2).callTimeout(Duration.ofSeconds(1)).build()) {

            MittoTransportException e = catchThrowableOfType(MittoTransportException.class, () -> client.send(SMS));

            assertThat(e.maybeDelivered()).isTrue();
            assertThat(e.getMessage()).contains("call timeout");
            assertThat(api.server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void aResetAfterTheRequestWasWrittenIsNeverRetried() {
        api.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        api.json(200, OK);
        try (MittoClient client = api.client().maxRetries(2).build()) {

            MittoTransportException e = catchThrowableOfType(MittoTransportException.class, () -> client.send(SMS));

            assertThat(e.maybeDelivered()).isTrue();
            assertThat(api.server.getRequestCount()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 504})
    void aServerErrorOtherThan503IsNeverRetried(int status) {
        api.json(status, "{\"responseCode\":1,\"responseText\":\"Internal error\"}");
        api.json(200, OK);
        try (MittoClient client = api.client().maxRetries(2).build()) {

            MittoApiException e = catchThrowableOfType(MittoApiException.class, () -> client.send(SMS));

            assertThat(e.httpStatus()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(ResponseCode.INTERNAL_ERROR);
            assertThat(api.server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void aRefusalWithHttp400IsNeverRetried() {
        api.json(400, "{\"responseCode\":8,\"responseText\":\"Invalid receiver\"}");
        try (MittoClient client = api.client().maxRetries(2).build()) {

            catchThrowableOfType(MittoApiException.class, () -> client.send(SMS));

            assertThat(api.server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void http503IsRetriedUntilItSucceeds() {
        api.enqueue(503, "text/plain", "Service Unavailable");
        api.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "0").build());
        api.json(200, OK);
        try (MittoClient client = api.client().maxRetries(2).build()) {

            assertThat(client.send(SMS).id()).isEqualTo("abc");
            assertThat(api.server.getRequestCount()).isEqualTo(3);
        }
    }

    @Test
    void http429IsRetriedAtMostMaxRetriesTimes() {
        for (int i = 0; i < 4; i++) {
            api.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "0").build());
        }
        try (MittoClient client = api.client().maxRetries(2).build()) {

            MittoRateLimitException e = catchThrowableOfType(MittoRateLimitException.class, () -> client.send(SMS));

            assertThat(e.retryAfter()).contains(Duration.ZERO);
            assertThat(api.server.getRequestCount()).isEqualTo(3);
        }
    }

    @Test
    void zeroMaxRetriesTurnsRetriesOff() {
        api.enqueue(503, null, "");
        api.json(200, OK);
        try (MittoClient client = api.client().maxRetries(0).build()) {

            MittoApiException e = catchThrowableOfType(MittoApiException.class, () -> client.send(SMS));

            assertThat(e.httpStatus()).isEqualTo(503);
            assertThat(api.server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void okHttpDoesNotSilentlyRepeatA503WithRetryAfterZero() {
        api.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "0").build());
        api.json(200, OK);
        try (MittoClient client = api.client().maxRetries(0).build()) {

            MittoApiException e = catchThrowableOfType(MittoApiException.class, () -> client.send(SMS));

            assertThat(e.httpStatus()).isEqualTo(503);
            assertThat(api.server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void retryAfterIsWaitedExactly() {
        RecordingRetryTimer timer = new RecordingRetryTimer();
        api.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "2").build());
        api.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "3").build());
        api.json(200, OK);
        try (MittoClient client = api.client().maxRetries(2).retryTimer(timer)
                .retryBackoff(Duration.ofMillis(100), Duration.ofSeconds(30)).build()) {

            client.send(SMS);

            assertThat(timer.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(3));
            assertThat(api.server.getRequestCount()).isEqualTo(3);
        }
    }

    @Test
    void aRetryAfterLongerThanTheCapIsNotWaitedFor() {
        RecordingRetryTimer timer = new RecordingRetryTimer();
        api.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "120").build());
        api.json(200, OK);
        try (MittoClient client = api.client().maxRetries(2).retryTimer(timer)
                .retryBackoff(Duration.ofMillis(100), Duration.ofSeconds(30)).build()) {

            MittoRateLimitException e = catchThrowableOfType(MittoRateLimitException.class, () -> client.send(SMS));

            assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
            assertThat(timer.sleeps).isEmpty();
            assertThat(api.server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void withoutRetryAfterTheWaitIsAJitteredExponentialBackoff() {
        RecordingRetryTimer timer = new RecordingRetryTimer();
        for (int i = 0; i < 4; i++) {
            api.enqueue(503, null, "");
        }
        try (MittoClient client = api.client().maxRetries(3).retryTimer(timer)
                .retryBackoff(Duration.ofSeconds(1), Duration.ofMillis(2500)).build()) {

            catchThrowableOfType(MittoApiException.class, () -> client.send(SMS));

            assertThat(timer.sleeps).hasSize(3);
            assertThat(timer.sleeps.get(0)).isBetween(Duration.ZERO, Duration.ofSeconds(1));
            assertThat(timer.sleeps.get(1)).isBetween(Duration.ZERO, Duration.ofSeconds(2));
            assertThat(timer.sleeps.get(2)).as("capped").isBetween(Duration.ZERO, Duration.ofMillis(2500));
            assertThat(api.server.getRequestCount()).isEqualTo(4);
        }
    }

    @Test
    void closingTheClientDuringARetryWaitEndsTheSyncCallWithTheLastFailure() {
        api.enqueue(new MockResponse.Builder().code(503).build());
        api.json(200, OK);
        AtomicReference<MittoClient> client = new AtomicReference<>();
        RetryTimer closingWhileWaiting = new RetryTimer() {
            @Override
            public boolean sleep(Duration delay) {
                client.get().close();
                return true;
            }
        };
        client.set(api.client().maxRetries(2).retryTimer(closingWhileWaiting).build());

        MittoApiException e = catchThrowableOfType(MittoApiException.class, () -> client.get().send(SMS));

        assertThat(e.httpStatus()).isEqualTo(503);
        assertThat(api.server.getRequestCount()).as("no retry after close(), as for async calls").isEqualTo(1);
    }

    @Test
    void anAsyncRetryWaitsOnTheClientsTimerAndSucceeds() throws Exception {
        api.enqueue(new MockResponse.Builder().code(503).build());
        api.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "0").build());
        api.json(200, OK);
        try (MittoClient client = api.client().maxRetries(2).build()) {

            SmsResponse response = client.sendAsync(SMS).get(10, TimeUnit.SECONDS);

            assertThat(response.id()).isEqualTo("abc");
            assertThat(api.server.getRequestCount()).isEqualTo(3);
        }
    }

    @Test
    void anAsyncReadTimeoutIsNeverRetried() throws Exception {
        api.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        try (MittoClient client = api.client().maxRetries(2).readTimeout(Duration.ofMillis(300)).build()) {

            Throwable failure = client.sendAsync(SMS).handle((r, t) -> t).get(10, TimeUnit.SECONDS);

            assertThat(failure).isInstanceOfSatisfying(MittoTransportException.class,
                    e -> assertThat(e.maybeDelivered()).isTrue());
            assertThat(api.server.getRequestCount()).isEqualTo(1);
        }
    }
}
