package net.mittoapi.sms;

import static net.mittoapi.sms.MockApi.SMS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import net.mittoapi.sms.internal.http.HttpFamily;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code close()} ends what the client started, at once: a call waiting to be retried fails with its last
 * attempt's failure the moment the client closes, on the real retry timer and the real blocking wait, and
 * the retry timer's thread ends with it.
 */
class MittoClientCloseTest {

    /** Far longer than any bound below: a call that waits it out fails the test. */
    private static final String LONG_WAIT_SECONDS = "20";

    private final MockApi api = new MockApi();

    @AfterEach
    void tearDown() {
        api.close();
    }

    @Test
    void closeEndsAnAsyncCallWaitingOnRetryAfterAtOnceAndStopsTheTimerThread() throws Exception {
        api.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", LONG_WAIT_SECONDS).build());
        MittoClient client = api.client().maxRetries(2).retryBackoff(Duration.ofMillis(1), Duration.ofSeconds(30))
                .build();
        CompletableFuture<SmsResponse> future = client.sendAsync(SMS);
        api.take();
        assertThat(eventually(() -> !retryTimerThreads().isEmpty())).as("the retry is waiting on the timer").isTrue();
        assertThat(future).isNotDone();

        long start = System.nanoTime();
        client.close();

        assertThat(future).as("failed at once, not after the server's 20 s").failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(ExecutionException.class).havingCause()
                .isInstanceOf(MittoRateLimitException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(eventually(() -> retryTimerThreads().isEmpty()))
                .as("no retry timer thread left: %s", retryTimerThreads()).isTrue();
        assertThat(api.server.getRequestCount()).as("no retry after close()").isEqualTo(1);
    }

    @Test
    void closeWakesABlockingSendWaitingOnRetryAfter() throws Exception {
        api.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "15").build());
        MittoClient client = api.client().maxRetries(2).retryBackoff(Duration.ofMillis(1), Duration.ofSeconds(30))
                .build();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<SmsResponse> send = caller.submit(() -> client.send(SMS));
            api.take();
            Thread.sleep(200); // let the caller reach its wait; the test passes either way if it has not

            long start = System.nanoTime();
            client.close();

            assertThat(send).as("returned at once, not after the server's 15 s").failsWithin(Duration.ofSeconds(5))
                    .withThrowableOfType(ExecutionException.class).havingCause()
                    .isInstanceOfSatisfying(MittoApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(503));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(api.server.getRequestCount()).as("no retry after close()").isEqualTo(1);
        } finally {
            caller.shutdownNow();
        }
    }

    @ParameterizedTest(name = "injected OkHttpClient: {0}")
    @ValueSource(booleans = {false, true})
    void callsStillQueuedBehindThePerHostLimitAreNeverSentAfterClose(boolean injected) throws Exception {
        int running = HttpFamily.MAX_REQUESTS_PER_HOST;
        int queued = 6;
        CountDownLatch arrived = new CountDownLatch(running);
        CountDownLatch release = new CountDownLatch(1);
        api.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                arrived.countDown();
                release.await(20, TimeUnit.SECONDS);
                return new MockResponse.Builder().code(200).body("{\"id\":\"x\",\"responseCode\":0}").build();
            }
        });
        OkHttpClient app = new OkHttpClient();
        MittoClient.Builder builder = api.client().maxRetries(2);
        MittoClient client = (injected ? builder.httpClient(app) : builder).build();
        List<CompletableFuture<SmsResponse>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < running + queued; i++) {
                futures.add(client.sendAsync(SMS));
            }
            assertThat(arrived.await(20, TimeUnit.SECONDS)).as("%d requests in flight", running).isTrue();

            client.close();
            release.countDown();

            for (CompletableFuture<SmsResponse> future : futures.subList(0, running)) {
                assertThat(future.get(20, TimeUnit.SECONDS).id()).isEqualTo("x");
            }
            for (CompletableFuture<SmsResponse> future : futures.subList(running, running + queued)) {
                assertThat(future).failsWithin(Duration.ofSeconds(20)).withThrowableOfType(ExecutionException.class)
                        .havingCause().isInstanceOfSatisfying(MittoTransportException.class,
                                e -> assertThat(e.maybeDelivered()).isFalse())
                        .withMessageContaining("closed");
            }
            assertThat(api.server.getRequestCount()).as("nothing sent after close()").isEqualTo(running);
            assertThat(app.dispatcher().executorService().isShutdown()).isFalse();
        } finally {
            release.countDown();
            app.dispatcher().executorService().shutdown();
        }
    }

    static List<String> retryTimerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("mitto-sms-retry-timer")).toList();
    }

    /** Polls a condition for up to 10 s: generous, as the machine may be loaded. */
    static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }
}
