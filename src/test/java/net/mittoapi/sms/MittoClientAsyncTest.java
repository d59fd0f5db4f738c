package net.mittoapi.sms;

import static net.mittoapi.sms.MockApi.SMS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import net.mittoapi.sms.internal.http.RetryTimer;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The …Async twins: same wire, same errors, no blocked threads, cancellation that reaches OkHttp. */
class MittoClientAsyncTest {

    private final MockApi api = new MockApi();

    @AfterEach
    void tearDown() {
        api.close();
    }

    @Test
    void everyCallHasAWorkingAsyncTwin() throws Exception {
        api.json(200, "{\"id\":\"one\",\"responseCode\":0,\"textLength\":\" 2\",\"to\":\"491725551234\"}");
        api.json(200, "{\"responseCode\":0,\"responseText\":\"SMS sent\",\"messages\":[{\"id\":\"b1\",\"to\":\"491765410994\","
                + "\"textLength\":2},{\"id\":\"b2\",\"to\":\"491765410995\",\"textLength\":2}]}");
        api.json(200, "{\"usagesByCountry\":[{\"country\":\"DEU\",\"messagesCount\":\"1140\",\"cost\":\"68.400000\"}]}");
        api.enqueue(200, "text/plain", "OK");
        try (MittoClient client = api.client().build()) {

            SmsResponse sms = client.sendAsync(SMS).get(10, TimeUnit.SECONDS);
            assertThat(api.take().getTarget()).isEqualTo("/sms.json");
            BulkSmsResponse bulk = client.sendBulkAsync(BulkSmsRequest.builder().from("MITTO SMS")
                    .to("491765410994", "491765410995").text("Hi").build()).get(10, TimeUnit.SECONDS);
            assertThat(api.take().getTarget()).isEqualTo("/smsbulk.json");
            UsageResponse usage = client.usageByCountryAsync(UsageRequest.builder()
                    .startDate(LocalDate.of(2020, 4, 1)).endDate(LocalDate.of(2020, 4, 15)).build())
                    .get(10, TimeUnit.SECONDS);
            assertThat(api.take().getTarget()).isEqualTo("/usage/bycountry.json");
            Void converted = client.reportConversionAsync("one").get(10, TimeUnit.SECONDS);
            assertThat(MockApi.body(api.take())).isEqualTo("{\"messageId\":\"one\"}");

            assertThat(sms.id()).isEqualTo("one");
            assertThat(sms.textLength()).isEqualTo(2);
            assertThat(bulk.messages()).extracting(BulkMessage::id).containsExactly("b1", "b2");
            assertThat(usage.usagesByCountry()).containsExactly(new CountryUsage("DEU", 1140, new BigDecimal("68.400000")));
            assertThat(converted).isNull();
        }
    }

    @Test
    void anAsyncFailureCarriesTheSameExceptionAsTheSyncCall() throws Exception {
        api.enqueue(401, "text/plain", "Invalid or no API Key specified");
        try (MittoClient client = api.client().build()) {

            CompletableFuture<SmsResponse> future = client.sendAsync(SMS);

            assertThat(future).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
                    .havingCause().isInstanceOf(MittoAuthenticationException.class);
        }
    }

    @Test
    void badInputFailsTheFutureWithoutSending() {
        try (MittoClient client = api.client().build()) {

            assertThat(client.sendAsync(null)).isCompletedExceptionally();
            for (CompletableFuture<?> nullRequest : List.of(client.sendBulkAsync(null), client.usageByCountryAsync(null))) {
                assertThat(nullRequest).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                        .havingCause().isInstanceOf(MittoValidationException.class)
                        .withMessageContaining("request must not be null");
            }
            assertThat(client.reportConversionAsync("  ")).failsWithin(Duration.ZERO)
                    .withThrowableOfType(ExecutionException.class).havingCause()
                    .isInstanceOf(MittoValidationException.class).withMessageContaining("messageId");
            assertThat(api.server.getRequestCount()).isZero();
        }
    }

    @Test
    void cancellingTheFutureCancelsTheHttpCall() throws Exception {
        api.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        CountDownLatch canceled = new CountDownLatch(1);
        CountDownLatch failed = new CountDownLatch(1);
        OkHttpClient app = new OkHttpClient.Builder().eventListener(new EventListener() {
            @Override
            public void canceled(Call call) {
                canceled.countDown();
            }

            @Override
            public void callFailed(Call call, IOException ioe) {
                failed.countDown();
            }
        }).build();
        try (MittoClient client = api.client().httpClient(app).readTimeout(Duration.ofSeconds(30)).build()) {
            CompletableFuture<SmsResponse> future = client.sendAsync(SMS);
            api.take();
            assertThat(future).isNotDone();

            assertThat(future.cancel(true)).isTrue();

            assertThat(future).isCancelled();
            assertThat(canceled.await(10, TimeUnit.SECONDS)).as("OkHttp saw the call canceled").isTrue();
            assertThat(failed.await(10, TimeUnit.SECONDS)).as("the call ended at once, not at the read timeout").isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (client.httpClient().dispatcher().runningCallsCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(client.httpClient().dispatcher().runningCallsCount()).as("no call left running").isZero();
        }
    }

    @Test
    void cancellingTheFutureDuringARetryWaitCancelsTheRetry() throws Exception {
        HoldingRetryTimer timer = new HoldingRetryTimer();
        api.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "5").build());
        api.json(200, "{\"id\":\"late\",\"responseCode\":0}");
        try (MittoClient client = api.client().maxRetries(2).retryTimer(timer)
                .retryBackoff(Duration.ofMillis(1), Duration.ofSeconds(30)).build()) {
            CompletableFuture<SmsResponse> future = client.sendAsync(SMS);
            assertThat(timer.held.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(timer.delay).isEqualTo(Duration.ofSeconds(5));

            future.cancel(true);

            assertThat(timer.cancelled.await(10, TimeUnit.SECONDS)).as("the pending retry was cancelled").isTrue();
            timer.task.run(); // had the timer fired anyway, the retry must see the cancellation
            assertThat(api.server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void closingTheClientDuringARetryWaitFailsTheFutureWithTheLastFailure() throws Exception {
        HoldingRetryTimer timer = new HoldingRetryTimer();
        api.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "5").build());
        MittoClient client = api.client().maxRetries(2).retryTimer(timer)
                .retryBackoff(Duration.ofMillis(1), Duration.ofSeconds(30)).build();
        CompletableFuture<SmsResponse> future = client.sendAsync(SMS);
        assertThat(timer.held.await(10, TimeUnit.SECONDS)).isTrue();

        client.close();
        timer.task.run();

        assertThat(future).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(MittoRateLimitException.class);
        assertThat(api.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void manyAsyncSendsRunConcurrentlyOnOneHostBeyondOkHttpsDefaultOfFive() throws Exception {
        int together = 12;
        CountDownLatch arrived = new CountDownLatch(together);
        AtomicBoolean allTogether = new AtomicBoolean();
        AtomicInteger ids = new AtomicInteger();
        api.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                arrived.countDown();
                if (arrived.await(10, TimeUnit.SECONDS)) {
                    allTogether.set(true);
                }
                return new MockResponse.Builder().code(200)
                        .body("{\"id\":\"m" + ids.incrementAndGet() + "\",\"responseCode\":0}").build();
            }
        });
        try (MittoClient client = api.client().build()) {
            List<CompletableFuture<SmsResponse>> futures = new ArrayList<>();
            for (int i = 0; i < together; i++) {
                futures.add(client.sendAsync(SMS));
            }

            CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);

            assertThat(allTogether).as(together + " requests were in flight at once").isTrue();
            assertThat(futures).extracting(f -> f.join().id()).doesNotHaveDuplicates().hasSize(together);
            assertThat(client.httpClient().dispatcher().getMaxRequestsPerHost()).isEqualTo(64);
        }
    }

    /**
     * An application's OkHttp {@code EventListener} that throws when an attempt starts: on the caller's thread
     * for the first attempt, on the retry timer for the second. The call fails as one that sent nothing; its
     * future never hangs, and {@code sendAsync} itself never throws.
     */
    @ParameterizedTest(name = "callStart of attempt {0} throws")
    @ValueSource(ints = {1, 2})
    void anEventListenerThatThrowsWhenAnAttemptStartsFailsTheCallAndNeverHangsIt(int failing) throws Exception {
        api.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "0").build());
        AtomicInteger starts = new AtomicInteger();
        OkHttpClient app = new OkHttpClient.Builder().eventListener(new EventListener() {
            @Override
            public void callStart(Call call) {
                if (starts.incrementAndGet() == failing) {
                    throw new IllegalStateException("event listener bug");
                }
            }
        }).build();
        try (CapturedLog log = new CapturedLog();
                MittoClient client = api.client().httpClient(app).maxRetries(2).build()) {

            CompletableFuture<SmsResponse> future = client.sendAsync(SMS);

            assertThat(future).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
                    .havingCause().isInstanceOf(MittoTransportException.class)
                    .withMessageContaining("event listener bug").withMessageContaining("nothing reached the server")
                    .matches(e -> !((MittoTransportException) e).maybeDelivered(), "maybeDelivered() is false");
            assertThat(api.server.getRequestCount()).isEqualTo(failing - 1);
            assertThat(log.warnings()).singleElement()
                    .satisfies(w -> assertThat(w.getFormattedMessage()).contains("failed unexpectedly"));
        }
    }

    /** Holds the scheduled retry instead of running it, and records whether it was cancelled. */
    private static final class HoldingRetryTimer extends RetryTimer {
        final CountDownLatch held = new CountDownLatch(1);
        volatile Runnable task;
        volatile Duration delay;
        final CountDownLatch cancelled = new CountDownLatch(1);

        @Override
        public Runnable schedule(Duration delay, Runnable task) {
            this.delay = delay;
            this.task = task;
            held.countDown();
            return cancelled::countDown;
        }
    }
}
