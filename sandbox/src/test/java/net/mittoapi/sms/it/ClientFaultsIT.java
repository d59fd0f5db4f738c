package net.mittoapi.sms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.mittoapi.sms.Format;
import net.mittoapi.sms.MittoApiException;
import net.mittoapi.sms.MittoAuthenticationException;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.MittoRateLimitException;
import net.mittoapi.sms.MittoTransportException;
import net.mittoapi.sms.ResponseCode;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.SmsResponse;
import net.mittoapi.sms.sandbox.Fault;
import net.mittoapi.sms.sandbox.MittoSandbox;
import net.mittoapi.sms.sandbox.ReceivedRequest;
import net.mittoapi.sms.sandbox.SentMessage;
import net.mittoapi.sms.sandbox.junit.MittoSandboxExtension;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Errors and faults end to end: the sandbox plays each {@link Fault}, the client turns it into the
 * documented exception, and the sandbox's {@link MittoSandbox#received()} counts the attempts. Retries happen
 * only for 429 and 503 (and a connection that was never made); never for a 500, a dropped connection or a
 * read timeout, where the message may have gone out.
 */
@ExtendWith(MittoSandboxExtension.class)
class ClientFaultsIT {

    private static final SmsRequest SMS =
            SmsRequest.builder().from("MITTO SMS").to("491725551234").text("Hello, World!").build();
    /** The sandbox's smallest {@code Retry-After}: zero seconds, so that retry tests do not wait. */
    private static final Fault RATE_LIMITED_NOW = Fault.rateLimited(Duration.ZERO);

    /** The class's sandbox, reset before each test (MittoSandboxExtension). */
    private final MittoSandbox sandbox;

    ClientFaultsIT(MittoSandbox sandbox) {
        this.sandbox = sandbox;
    }

    static Stream<Arguments> serviceUnavailableFaults() {
        List<Arguments> all = new ArrayList<>();
        for (Calls calls : Calls.values()) {
            all.add(Arguments.of(calls, Fault.serviceUnavailable()));
            all.add(Arguments.of(calls, Fault.serviceUnavailable(Duration.ZERO)));
        }
        return all.stream();
    }

    @ParameterizedTest
    @EnumSource(Calls.class)
    void aWrongKeyIsAnAuthenticationErrorAndIsNeverRetried(Calls calls) {
        String wrongKey = "wrong-key-0123456789";
        try (MittoClient client = MittoClient.builder().apiKey(wrongKey).baseUrl(sandbox.baseUrl()).maxRetries(2)
                .build()) {
            MittoAuthenticationException e = catchThrowableOfType(MittoAuthenticationException.class,
                    () -> calls.send(client, SMS));
            assertThat(e.httpStatus()).isEqualTo(401);
            assertThat(e.responseCode()).isEqualTo(-1);
            assertThat(e.body()).isEqualTo(MittoSandbox.UNAUTHORIZED);
            assertThat(e.getMessage()).doesNotContain(wrongKey);
        }
        ReceivedRequest received = single(sandbox.received());
        assertThat(received.authenticated()).isFalse();
        assertThat(received.header("X-Mitto-API-Key")).contains(ReceivedRequest.MASKED);
        assertThat(received.toString()).doesNotContain(wrongKey);
        assertThat(sandbox.messages()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Calls.class)
    void twoRateLimitsThenAnAnswerSucceedsAfterExactlyThreeRequests(Calls calls) {
        sandbox.enqueueFault(RATE_LIMITED_NOW, 2);
        SmsResponse response;
        try (MittoClient client = Calls.client(sandbox, Format.JSON).maxRetries(2).build()) {
            response = calls.send(client, SMS);
        }
        List<ReceivedRequest> received = sandbox.received();
        assertThat(received).hasSize(3);
        assertThat(received).extracting(r -> r.fault().map(Fault::kind).orElse(null))
                .containsExactly(Fault.Kind.RATE_LIMITED, Fault.Kind.RATE_LIMITED, null);
        assertThat(received).extracting(ReceivedRequest::bodyText).containsOnly(received.get(0).bodyText());
        assertThat(sandbox.messages()).singleElement().extracting(SentMessage::id).isEqualTo(response.id());
    }

    @ParameterizedTest
    @EnumSource(Calls.class)
    void aRateLimitOutlastingMaxRetriesIsThrownAfterMaxRetriesPlusOneRequests(Calls calls) {
        sandbox.enqueueFault(RATE_LIMITED_NOW, 5);
        try (MittoClient client = Calls.client(sandbox, Format.JSON).maxRetries(2).build()) {
            MittoRateLimitException e = catchThrowableOfType(MittoRateLimitException.class,
                    () -> calls.send(client, SMS));
            assertThat(e.httpStatus()).isEqualTo(429);
            assertThat(e.retryAfter()).contains(Duration.ZERO);
            assertThat(e.body()).isEqualTo("Too many requests");
        }
        assertThat(sandbox.received()).hasSize(3);
        assertThat(sandbox.pendingFaults()).isEqualTo(2);
        assertThat(sandbox.messages()).isEmpty();
    }

    @Test
    void withRetriesOffA429IsThrownAtOnceWithTheServersWait() {
        sandbox.enqueueFault(Fault.rateLimited(Duration.ofSeconds(1)));
        try (MittoClient client = Calls.client(sandbox, Format.JSON).maxRetries(0).build()) {
            MittoRateLimitException e = catchThrowableOfType(MittoRateLimitException.class, () -> client.send(SMS));
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
        }
        assertThat(sandbox.received()).hasSize(1);
    }

    @Test
    void aRetryAfterLongerThanTheBackoffCapIsNotWaitedFor() {
        sandbox.enqueueFault(Fault.rateLimited(Duration.ofSeconds(1)), 3);
        try (MittoClient client = Calls.client(sandbox, Format.JSON).maxRetries(2)
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(500)).build()) {
            MittoRateLimitException e = catchThrowableOfType(MittoRateLimitException.class, () -> client.send(SMS));
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
        }
        assertThat(sandbox.received()).hasSize(1);
        assertThat(sandbox.pendingFaults()).isEqualTo(2);
    }

    @Test
    void a503WithARetryAfterBeyondTheCapTellsTheCallerTheServersWait() {
        sandbox.enqueueFault(Fault.serviceUnavailable(Duration.ofSeconds(5)), 3);
        try (MittoClient client = Calls.client(sandbox, Format.JSON).maxRetries(2)
                .retryBackoff(Duration.ofMillis(1), Duration.ofSeconds(1)).build()) {
            MittoApiException e = catchThrowableOfType(MittoApiException.class, () -> client.send(SMS));
            assertThat(e.httpStatus()).isEqualTo(503);
            assertThat(sandbox.received()).hasSize(1);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(5));
            // The wording MittoRateLimitException uses for the same information on a 429.
            assertThat(e).hasMessageContaining("retry after 5000 ms");
        }
    }

    @ParameterizedTest
    @EnumSource(Calls.class)
    void theServersRetryAfterIsWaitedForBeforeTheRetry(Calls calls) {
        sandbox.enqueueFault(Fault.rateLimited(Duration.ofSeconds(1)));
        long start = System.nanoTime();
        SmsResponse response;
        try (MittoClient client = Calls.client(sandbox, Format.JSON).maxRetries(1)
                .retryBackoff(Duration.ofMillis(1), Duration.ofSeconds(2)).build()) {
            response = calls.send(client, SMS);
        }
        long elapsed = System.nanoTime() - start;
        // A lower bound only: the client must have waited the announced second; a slow machine only adds to it.
        assertThat(Duration.ofNanos(elapsed)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(sandbox.received()).hasSize(2);
        assertThat(sandbox.messages()).singleElement().extracting(SentMessage::id).isEqualTo(response.id());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("serviceUnavailableFaults")
    void a503IsRetriedExactlyOnceByTheSdkItself(Calls calls, Fault fault) {
        sandbox.enqueueFault(fault);
        SmsResponse response;
        try (MittoClient client = Calls.client(sandbox, Format.JSON).maxRetries(2).build()) {
            response = calls.send(client, SMS);
        }
        assertThat(sandbox.received()).extracting(r -> r.fault().orElse(null)).containsExactly(fault, null);
        assertThat(sandbox.messages()).singleElement().extracting(SentMessage::id).isEqualTo(response.id());
    }

    @ParameterizedTest
    @EnumSource(Calls.class)
    void a503OutlastingMaxRetriesIsAnApiExceptionAfterMaxRetriesPlusOneRequests(Calls calls) {
        sandbox.enqueueFault(Fault.serviceUnavailable(), 4);
        try (MittoClient client = Calls.client(sandbox, Format.JSON).maxRetries(2).build()) {
            MittoApiException e = catchThrowableOfType(MittoApiException.class, () -> calls.send(client, SMS));
            assertThat(e.getClass()).isEqualTo(MittoApiException.class);
            assertThat(e.httpStatus()).isEqualTo(503);
            assertThat(e.body()).isEqualTo("Service unavailable");
        }
        assertThat(sandbox.received()).hasSize(3);
        assertThat(sandbox.pendingFaults()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Calls.class)
    void a500IsNeverRetried(Calls calls) {
        sandbox.enqueueFault(Fault.internalError(), 2);
        try (MittoClient client = Calls.client(sandbox, Format.JSON).maxRetries(2).build()) {
            MittoApiException e = catchThrowableOfType(MittoApiException.class, () -> calls.send(client, SMS));
            assertThat(e.getClass()).isEqualTo(MittoApiException.class);
            assertThat(e.httpStatus()).isEqualTo(500);
            assertThat(e.responseCode()).isEqualTo(-1);
            assertThat(e.body()).isEqualTo("Internal server error");
        }
        assertThat(sandbox.received()).hasSize(1);
        assertThat(sandbox.pendingFaults()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("net.mittoapi.sms.it.Calls#formatsAndCalls")
    void aResponseCodeAnswerIsAnApiExceptionWithThatCodeAndIsNeverRetried(Format format, Calls calls) {
        sandbox.enqueueFault(Fault.responseCode(1));
        sandbox.enqueueFault(Fault.responseCode(9));
        try (MittoClient client = Calls.client(sandbox, format).maxRetries(2).build()) {
            MittoApiException internal = catchThrowableOfType(MittoApiException.class, () -> calls.send(client, SMS));
            MittoApiException charset = catchThrowableOfType(MittoApiException.class, () -> calls.send(client, SMS));

            // The sandbox answers these with HTTP 400, in the request's format.
            assertThat(internal.httpStatus()).isEqualTo(400);
            assertThat(internal.responseCode()).isEqualTo(1);
            assertThat(internal.code()).isEqualTo(ResponseCode.INTERNAL_ERROR);
            assertThat(internal.responseText()).isEqualTo("Internal error");
            assertThat(internal.body()).contains(format == Format.XML ? "<responseCode>1</responseCode>"
                    : "\"responseCode\":1");
            assertThat(charset.code()).isEqualTo(ResponseCode.CHARSET_ERROR);
            assertThat(charset.responseText()).isEqualTo("Character set error");
        }
        assertThat(sandbox.received()).hasSize(2).allMatch(r -> r.path().equals("/sms" + Calls.suffix(format)));
        assertThat(sandbox.messages()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Calls.class)
    void aDroppedConnectionMayHaveDeliveredAndIsNeverRetried(Calls calls) {
        sandbox.enqueueFault(Fault.dropConnection(), 2);
        try (MittoClient client = Calls.client(sandbox, Format.JSON).maxRetries(2).build()) {
            MittoTransportException e = catchThrowableOfType(MittoTransportException.class,
                    () -> calls.send(client, SMS));
            assertThat(e.maybeDelivered()).isTrue();
            assertThat(e).hasMessageContaining("after the request was sent");
        }
        assertThat(sandbox.received()).hasSize(1);
        assertThat(sandbox.pendingFaults()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Calls.class)
    void aReadTimeoutMayHaveDeliveredIsNeverRetriedAndTheMessageDidGoOut(Calls calls) throws Exception {
        sandbox.enqueueFault(Fault.delay(Duration.ofMillis(1000)));
        try (MittoClient client = Calls.client(sandbox, Format.JSON).maxRetries(2)
                .readTimeout(Duration.ofMillis(200)).build()) {
            MittoTransportException e = catchThrowableOfType(MittoTransportException.class,
                    () -> calls.send(client, SMS));
            assertThat(e.maybeDelivered()).isTrue();
            assertThat(e.getCause()).isInstanceOf(InterruptedIOException.class);
            assertThat(sandbox.received()).hasSize(1);

            // The late answer is still processed by the server: exactly why a read timeout is not retried.
            assertThat(awaitMessages(1, Duration.ofSeconds(30))).hasSize(1);
            assertThat(sandbox.received()).hasSize(1);

            SmsResponse next = calls.send(client, SMS);
            assertThat(sandbox.message(next.id())).isPresent();
        }
        assertThat(sandbox.received()).hasSize(2);
    }

    @Test
    void aDelayWithinTheReadTimeoutIsANormalAnswer() {
        sandbox.enqueueFault(Fault.delay(Duration.ofMillis(100)));
        try (MittoClient client = Calls.client(sandbox, Format.JSON).build()) {
            SmsResponse response = client.send(SMS);
            assertThat(sandbox.messages()).singleElement().extracting(SentMessage::id).isEqualTo(response.id());
        }
        assertThat(single(sandbox.received()).fault()).contains(Fault.delay(Duration.ofMillis(100)));
    }

    @ParameterizedTest
    @EnumSource(Calls.class)
    void aRefusedConnectionSentNothingAndIsRetried(Calls calls) {
        MittoSandbox closed = MittoSandbox.start(); // a port this test opened, closed: nothing listens there
        String baseUrl = closed.baseUrl();
        closed.close();
        AtomicInteger attempts = new AtomicInteger();
        OkHttpClient counting = new OkHttpClient.Builder().eventListener(new EventListener() {
            @Override
            public void callStart(Call call) {
                attempts.incrementAndGet();
            }
        }).build();
        try (MittoClient client = MittoClient.builder().apiKey("any-key").baseUrl(baseUrl).httpClient(counting)
                .maxRetries(2).retryBackoff(Duration.ofMillis(1), Duration.ofMillis(20)).build()) {
            MittoTransportException e = catchThrowableOfType(MittoTransportException.class,
                    () -> calls.send(client, SMS));
            assertThat(e.maybeDelivered()).isFalse();
            assertThat(e).hasMessageContaining("before the request was sent");
        } finally {
            counting.dispatcher().executorService().shutdown();
            counting.connectionPool().evictAll();
        }
        assertThat(attempts).hasValue(3);
    }

    private List<SentMessage> awaitMessages(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<SentMessage> messages = sandbox.messages();
        while (messages.size() < count && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
            messages = sandbox.messages();
        }
        return messages;
    }

    private static <T> T single(List<T> list) {
        assertThat(list).hasSize(1);
        return list.get(0);
    }
}
