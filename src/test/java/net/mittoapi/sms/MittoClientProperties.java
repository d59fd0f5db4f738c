package net.mittoapi.sms;

import static net.mittoapi.sms.MockApi.SMS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.mittoapi.sms.MittoClientListener.AttemptEnded;
import net.mittoapi.sms.MittoClientListener.CallEnded;
import net.mittoapi.sms.MittoClientListener.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Invariants of {@link MittoClient} over random schedules, against a real server: a cancel that lands at any
 * moment of a call never splits its outcome ({@link MittoClientListenerTest} has the events of each kind of call),
 * and a family of clients closed in any order leaves no dispatcher thread behind ({@link MittoClientNewBuilderTest}
 * has each order that matters). The cancels' moments come from a fixed seed; the families' seed is new on each
 * run, and named in each failure.
 */
class MittoClientProperties {

    private static final String OK = "{\"id\":\"abc\",\"responseCode\":0,\"responseText\":\"SMS sent\"}";

    private final MockApi api = new MockApi();

    @AfterEach
    void tearDown() {
        api.close();
    }

    /**
     * Cancels calls at every moment of their life, against answers that come at once: whichever wins, the
     * listener's outcome is what the caller sees.
     */
    @Test
    void cancelRacingTheEndNeverSplitsTheOutcome() throws Exception {
        api.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(OK)
                        .build();
            }
        });
        AtomicReference<CountDownLatch> ended = new AtomicReference<>();
        AtomicReference<CallEnded> last = new AtomicReference<>();
        MittoClientListener listener = new MittoClientListener() {
            @Override
            public void callEnded(CallEnded event) {
                last.set(event);
                ended.get().countDown();
            }
        };
        Random random = new Random(0x5eed);
        int calls = 300;
        int canceled = 0;
        int succeeded = 0;
        // Calls cancelled before their request make the server warn "didn't make a request", on purpose here.
        java.util.logging.Logger serverLog = java.util.logging.Logger.getLogger(MockWebServer.class.getName());
        java.util.logging.Level level = serverLog.getLevel();
        serverLog.setLevel(java.util.logging.Level.SEVERE);
        try (MittoClient client = api.client().listener(listener).build()) {
            for (int i = 0; i < calls; i++) {
                ended.set(new CountDownLatch(1));
                CompletableFuture<SmsResponse> future = client.sendAsync(SMS);
                long until = System.nanoTime() + random.nextInt(3_000_000);
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                future.cancel(true);
                assertThat(ended.get().await(10, TimeUnit.SECONDS)).isTrue();

                Outcome told = last.get().outcome();
                assertThat(MittoClientListenerTest.observed(future))
                        .as("call %d: the caller sees what the listener was told", i + 1).isEqualTo(told);
                canceled += told == Outcome.CANCELED ? 1 : 0;
                succeeded += told == Outcome.SUCCESS ? 1 : 0;
            }
        } finally {
            serverLog.setLevel(level);
        }
        assertThat(canceled).as("calls cancelled in time").isPositive();
        assertThat(succeeded).as("calls that ended before the cancel").isPositive();
        assertThat(canceled + succeeded).isEqualTo(calls);
    }

    /**
     * Families of four clients, each derived from the original or from one derived before, used, then closed in a
     * random order: every client works while others of its family are closed, and the shared dispatcher threads end
     * with the last of them.
     */
    @Test
    void familiesClosedInAnyOrderLeaveNoDispatcherThreadBehind() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        api.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(200).body(OK).build();
            }
        });
        Set<Thread> dispatcherThreads = ConcurrentHashMap.newKeySet();
        MittoClientListener threads = new MittoClientListener() {
            @Override
            public void attemptEnded(AttemptEnded event) {
                dispatcherThreads.add(Thread.currentThread());
            }
        };
        for (int family = 0; family < 10; family++) {
            List<MittoClient> clients = new ArrayList<>();
            clients.add(api.client().listener(threads).build());
            for (int i = 0; i < 3; i++) { // derived from the original, or from one derived before
                clients.add(clients.get(random.nextInt(clients.size())).newBuilder()
                        .apiKey(MittoClientNewBuilderTest.OTHER_KEY + i).build());
            }
            List<CompletableFuture<SmsResponse>> calls = new ArrayList<>();
            for (MittoClient client : clients) {
                calls.add(client.sendAsync(SMS));
            }
            for (CompletableFuture<SmsResponse> call : calls) {
                call.get(10, TimeUnit.SECONDS);
            }
            Collections.shuffle(clients, random);
            for (int i = 0; i < clients.size(); i++) {
                assertThat(clients.get(i).sendAsync(SMS).get(10, TimeUnit.SECONDS).id())
                        .as("seed %d: a client works while %d of its family are closed", seed, i).isEqualTo("abc");
                clients.get(i).close();
            }
        }

        assertThat(MittoClientCloseTest.eventually(() -> dispatcherThreads.stream().noneMatch(Thread::isAlive)))
                .as("seed %d: dispatcher threads left: %s", seed, dispatcherThreads).isTrue();
    }
}
