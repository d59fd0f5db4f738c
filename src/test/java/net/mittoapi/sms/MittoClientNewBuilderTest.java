package net.mittoapi.sms;

import static net.mittoapi.sms.MockApi.SMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import net.mittoapi.sms.MittoClientListener.AttemptEnded;
import net.mittoapi.sms.MittoClientListener.CallStarted;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link MittoClient#newBuilder()}: a client derived for another account's key keeps the original's settings,
 * shares its connections and dispatcher threads, and has calls of its own: closing either client, in either order,
 * ends only its own calls, and the shared threads end with the last client of the family.
 */
class MittoClientNewBuilderTest {

    /** The other account's key, as distinctive as {@link MockApi#KEY}. */
    static final String OTHER_KEY = "0th3r-SECRET-a1b2c3d4e5f60718";
    private static final String OK = "{\"id\":\"abc\",\"responseCode\":0}";

    private final MockApi api = new MockApi();

    @AfterEach
    void tearDown() {
        api.close();
    }

    @Test
    void theDerivedClientKeepsEverySettingButTheOneChangedAndSendsItsOwnKey() {
        List<Object> events = new CopyOnWriteArrayList<>();
        MittoClientListener listener = new MittoClientListener() {
            @Override
            public void callStarted(CallStarted event) {
                events.add(event);
            }
        };
        api.xml(200, "<SmsResponse><id>one</id><responseCode>0</responseCode></SmsResponse>");
        api.xml(200, "<SmsResponse><id>two</id><responseCode>0</responseCode></SmsResponse>");
        try (MittoClient original = api.client().format(Format.XML).maxRetries(4).connectTimeout(Duration.ofSeconds(3))
                .readTimeout(Duration.ofSeconds(4)).writeTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofSeconds(6))
                .listener(listener).build();
                MittoClient derived = original.newBuilder().apiKey(OTHER_KEY).build()) {

            assertThat(original.send(SMS).id()).isEqualTo("one");
            assertThat(derived.send(SMS).id()).isEqualTo("two");

            RecordedRequest first = api.take();
            RecordedRequest second = api.take();
            assertThat(first.getHeaders().get("X-Mitto-API-Key")).isEqualTo(MockApi.KEY);
            assertThat(second.getHeaders().get("X-Mitto-API-Key")).as("the server sees the other account's key")
                    .isEqualTo(OTHER_KEY);
            assertThat(second.getTarget()).as("same base URL and format").isEqualTo("/sms.xml");
            assertThat(derived).hasToString(original.toString()); // every setting the description shows
            OkHttpClient http = derived.httpClient();
            assertThat(List.of(http.connectTimeoutMillis(), http.readTimeoutMillis(), http.writeTimeoutMillis(),
                    http.callTimeoutMillis())).containsExactly(3_000, 4_000, 5_000, 6_000);
            assertThat(events).as("the listener is kept, and never sees two calls with one number")
                    .extracting(e -> ((CallStarted) e).call()).doesNotHaveDuplicates().hasSize(2);
        }
    }

    @Test
    void changingTheDerivedBuilderChangesNeitherTheOriginalNorAnotherBuilder() {
        api.json(200, OK);
        api.json(200, OK);
        try (MittoClient original = api.client().maxRetries(1).build()) {
            MittoClient.Builder one = original.newBuilder().maxRetries(7).callTimeout(Duration.ofSeconds(9));
            MittoClient.Builder two = original.newBuilder();

            try (MittoClient fromOne = one.build(); MittoClient fromTwo = two.build()) {
                assertThat(fromOne.toString()).contains("maxRetries=7", "callTimeout=PT9S");
                assertThat(fromTwo.toString()).isEqualTo(original.toString()).contains("maxRetries=1");
            }
            assertThat(original.send(SMS).id()).isEqualTo("abc");
            MittoClient.Builder again = original.newBuilder();
            try (MittoClient a = again.build(); MittoClient b = again.build()) {
                assertThat(a.toString()).as("a builder from a live client, built twice").isEqualTo(b.toString());
            }
        }
    }

    @Test
    void originalAndDerivedShareOneConnection() {
        api.json(200, OK);
        api.json(200, OK);
        api.json(200, OK);
        try (MittoClient original = api.client().build();
                MittoClient derived = original.newBuilder().apiKey(OTHER_KEY).build()) {

            original.send(SMS);
            derived.send(SMS);
            original.send(SMS);

            List<RecordedRequest> requests = List.of(api.take(), api.take(), api.take());
            assertThat(requests).extracting(RecordedRequest::getConnectionIndex).as("one connection for both")
                    .containsOnly(requests.get(0).getConnectionIndex());
            assertThat(requests).extracting(RecordedRequest::getExchangeIndex).containsExactly(0, 1, 2);
            assertThat(derived.httpClient().connectionPool()).isSameAs(original.httpClient().connectionPool());
            assertThat(original.httpClient().connectionPool().connectionCount()).isEqualTo(1);
            assertThat(derived.httpClient().dispatcher()).as("a dispatcher (a queue) of its own")
                    .isNotSameAs(original.httpClient().dispatcher());
        }
    }

    @Test
    void closingTheDerivedEndsItsWaitingRetryWhileTheOriginalsPendingCallCompletes() throws Exception {
        CountDownLatch originalArrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        api.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (OTHER_KEY.equals(request.getHeaders().get("X-Mitto-API-Key"))) {
                    return new MockResponse.Builder().code(429).setHeader("Retry-After", "20").build();
                }
                originalArrived.countDown();
                release.await(20, TimeUnit.SECONDS);
                return new MockResponse.Builder().code(200).body(OK).build();
            }
        });
        MittoClient original = api.client().retryBackoff(Duration.ofMillis(1), Duration.ofSeconds(30)).build();
        MittoClient derived = original.newBuilder().apiKey(OTHER_KEY).build();
        try {
            CompletableFuture<SmsResponse> pending = original.sendAsync(SMS);
            assertThat(originalArrived.await(10, TimeUnit.SECONDS)).as("the original's call is at the server").isTrue();
            CompletableFuture<SmsResponse> waiting = derived.sendAsync(SMS);
            assertThat(eventually(() -> api.server.getRequestCount() == 2 && !MittoClientCloseTest.retryTimerThreads()
                    .isEmpty())).as("the derived call waits 20 s to be retried").isTrue();

            derived.close();

            assertThat(waiting).as("ended at once by close()").failsWithin(Duration.ofSeconds(5))
                    .withThrowableOfType(ExecutionException.class).havingCause()
                    .isInstanceOf(MittoRateLimitException.class);
            assertThat(pending).as("the original's call goes on").isNotDone();
            release.countDown();
            assertThat(pending.get(10, TimeUnit.SECONDS).id()).isEqualTo("abc");
            assertThat(original.sendAsync(SMS).get(10, TimeUnit.SECONDS).id()).as("and so do its new calls")
                    .isEqualTo("abc");
            assertThatThrownBy(() -> derived.send(SMS)).isInstanceOf(MittoTransportException.class)
                    .hasMessageContaining("closed");
            assertThat(api.server.getRequestCount()).as("no retry of the derived call").isEqualTo(3);
        } finally {
            release.countDown();
            original.close();
            derived.close();
        }
    }

    @Test
    void closingTheOriginalFirstLeavesTheDerivedWorkingAndTheSharedThreadsEndWithTheLastClient() throws Exception {
        for (int i = 0; i < 6; i++) {
            api.json(200, OK);
        }
        Set<Thread> dispatcherThreads = ConcurrentHashMap.newKeySet();
        Thread test = Thread.currentThread();
        MittoClientListener threads = new MittoClientListener() {
            @Override
            public void attemptEnded(AttemptEnded event) {
                if (Thread.currentThread() != test) { // an async call's attempt ends on a dispatcher thread
                    dispatcherThreads.add(Thread.currentThread());
                }
            }
        };
        MittoClient original = api.client().listener(threads).build();
        MittoClient derived = original.newBuilder().apiKey(OTHER_KEY).build();
        original.sendAsync(SMS).get(10, TimeUnit.SECONDS);
        derived.sendAsync(SMS).get(10, TimeUnit.SECONDS);
        assertThat(dispatcherThreads).isNotEmpty();

        original.close();

        assertThat(derived.send(SMS).id()).isEqualTo("abc");
        assertThat(derived.sendAsync(SMS).get(10, TimeUnit.SECONDS).id()).isEqualTo("abc");
        assertThat(derived.httpClient().connectionPool().connectionCount()).as("the pool is not emptied")
                .isEqualTo(1);
        assertThat(dispatcherThreads).as("the shared threads outlive the original").allMatch(Thread::isAlive);
        assertThatThrownBy(() -> original.send(SMS)).isInstanceOf(MittoTransportException.class);

        derived.close();

        assertThat(eventually(() -> dispatcherThreads.stream().noneMatch(Thread::isAlive)))
                .as("the dispatcher threads end with the last client: %s", dispatcherThreads).isTrue();
        assertThat(derived.httpClient().connectionPool().connectionCount()).isZero();
        assertThat(api.server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void aBuilderFromAClientWhoseFamilyIsClosedBuildsAWorkingClientOfItsOwn() throws Exception {
        api.json(200, OK);
        api.json(200, OK);
        MittoClient original = api.client().build();
        original.sendAsync(SMS).get(10, TimeUnit.SECONDS);
        original.close();

        try (MittoClient late = original.newBuilder().apiKey(OTHER_KEY).build()) {
            assertThat(late.sendAsync(SMS).get(10, TimeUnit.SECONDS).id()).isEqualTo("abc");
            assertThat(late.httpClient().connectionPool()).isNotSameAs(original.httpClient().connectionPool());
        }
        api.take();
        assertThat(api.take().getHeaders().get("X-Mitto-API-Key")).isEqualTo(OTHER_KEY);
    }

    @Test
    void anInjectedClientIsSharedByTheFamilyAndNeverShutDown() throws Exception {
        api.json(200, OK);
        api.json(200, OK);
        api.enqueue(200, "text/plain", "still here");
        OkHttpClient app = new OkHttpClient();
        try {
            MittoClient original = api.client().httpClient(app).build();
            MittoClient derived = original.newBuilder().apiKey(OTHER_KEY).build();
            original.sendAsync(SMS).get(10, TimeUnit.SECONDS);
            derived.sendAsync(SMS).get(10, TimeUnit.SECONDS);

            assertThat(derived.httpClient().connectionPool()).isSameAs(app.connectionPool());
            assertThat(derived.toString()).contains("httpClient=injected");
            original.close();
            derived.close();

            assertThat(app.dispatcher().executorService().isShutdown()).isFalse();
            try (Response response = app.newCall(new Request.Builder().url(api.baseUrl() + "/app").build()).execute()) {
                assertThat(response.body().string()).isEqualTo("still here");
            }
        } finally {
            app.dispatcher().executorService().shutdown();
            app.connectionPool().evictAll();
        }
    }

    @Test
    void aDerivedBuilderGivenAnotherHttpClientLeavesTheFamily() {
        OkHttpClient app = new OkHttpClient();
        try (MittoClient original = api.client().build();
                MittoClient injected = original.newBuilder().httpClient(app).build()) {
            assertThat(injected.httpClient().connectionPool()).isSameAs(app.connectionPool())
                    .isNotSameAs(original.httpClient().connectionPool());
        } finally {
            app.dispatcher().executorService().shutdown();
        }
    }

    @Test
    void neitherTheDerivedBuilderNorTheClientShowsAKey() {
        try (MittoClient original = api.client().build()) {
            MittoClient.Builder builder = original.newBuilder();
            assertThat(builder.toString()).contains("apiKey=set (redacted)").doesNotContain(MockApi.KEY);

            builder.apiKey(OTHER_KEY);
            try (MittoClient derived = builder.build()) {
                assertThat(builder.toString()).doesNotContain(OTHER_KEY).doesNotContain(MockApi.KEY);
                assertThat(derived.toString()).doesNotContain(OTHER_KEY).doesNotContain(MockApi.KEY);
            }
        }
    }

    /** Polls a condition for up to 10 s: generous, as the machine may be loaded. */
    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        return MittoClientCloseTest.eventually(condition);
    }
}
