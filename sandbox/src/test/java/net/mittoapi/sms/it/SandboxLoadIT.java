package net.mittoapi.sms.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.SmsResponse;
import net.mittoapi.sms.sandbox.MittoSandbox;
import net.mittoapi.sms.sandbox.ReceivedRequest;
import net.mittoapi.sms.sandbox.SentMessage;
import org.junit.jupiter.api.Test;

/**
 * One sandbox, one client, 6,000 sends: 8 threads × 500 blocking sends, then 2,000 async sends all issued
 * before any is awaited. Correctness only (no timing is asserted; {@code benchmarks/SandboxLoad} measures):
 * every call succeeds, every id is unique, every answer belongs to its own request, and the sandbox recorded
 * every request and every message exactly once. Retries are off, so that no failure can hide behind one.
 */
class SandboxLoadIT {

    private static final int THREADS = 8;
    private static final int SENDS_PER_THREAD = 500;
    private static final int ASYNC_SENDS = 2_000;
    private static final int TOTAL = THREADS * SENDS_PER_THREAD + ASYNC_SENDS;
    /** An upper bound per phase against a hung test; never a timing assertion. */
    private static final Duration PHASE_LIMIT = Duration.ofSeconds(120);

    @Test
    void eightThreadsOfFiveHundredSendsThenTwoThousandConcurrentAsyncSendsAreAllAnsweredAndRecorded()
            throws Exception {
        SmsResponse[] responses = new SmsResponse[TOTAL];
        try (MittoSandbox sandbox = MittoSandbox.start();
                MittoClient client = MittoClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl())
                        .maxRetries(0).build()) {

            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int first = t * SENDS_PER_THREAD;
                    workers.add(pool.submit(() -> {
                        go.await();
                        for (int n = first; n < first + SENDS_PER_THREAD; n++) {
                            responses[n] = client.send(request(n));
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> worker : workers) {
                    worker.get(PHASE_LIMIT.toSeconds(), TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }

            List<CompletableFuture<SmsResponse>> futures = new ArrayList<>(ASYNC_SENDS);
            for (int n = THREADS * SENDS_PER_THREAD; n < TOTAL; n++) {
                futures.add(client.sendAsync(request(n)));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                    .get(PHASE_LIMIT.toSeconds(), TimeUnit.SECONDS);
            for (int i = 0; i < ASYNC_SENDS; i++) {
                responses[THREADS * SENDS_PER_THREAD + i] = futures.get(i).join();
            }

            Set<String> ids = new HashSet<>();
            for (int n = 0; n < TOTAL; n++) {
                SmsResponse response = responses[n];
                assertThat(response).as("response %d", n).isNotNull();
                assertThat(response.responseCode()).as("responseCode of %d", n).isZero();
                assertThat(response.to()).as("the answer to request %d is its own", n).isEqualTo(recipient(n));
                assertThat(response.id()).matches("[0-9a-f]{32}");
                ids.add(response.id());
            }
            assertThat(ids).as("distinct ids").hasSize(TOTAL);

            List<ReceivedRequest> received = sandbox.received();
            assertThat(received).hasSize(TOTAL);
            assertThat(received).allSatisfy(r -> {
                assertThat(r.path()).isEqualTo("/sms.json");
                assertThat(r.authenticated()).isTrue();
                assertThat(r.fault()).isEmpty();
            });
            assertThat(received.stream().map(r -> r.field("to").orElseThrow()).distinct().count()).isEqualTo(TOTAL);

            List<SentMessage> messages = sandbox.messages();
            assertThat(messages).hasSize(TOTAL);
            Map<String, SentMessage> byId = new HashMap<>();
            messages.forEach(m -> byId.put(m.id(), m));
            assertThat(byId.keySet()).isEqualTo(ids);
            for (int n = 0; n < TOTAL; n++) {
                SentMessage message = byId.get(responses[n].id());
                assertThat(message.to()).isEqualTo(recipient(n));
                assertThat(message.text()).isEqualTo(text(n));
                assertThat(message.timestamp()).isEqualTo(responses[n].timestamp());
            }
        }
    }

    private static SmsRequest request(int n) {
        return SmsRequest.builder().from("MITTO SMS").to(recipient(n)).text(text(n)).build();
    }

    private static String recipient(int n) {
        return String.format("4917%08d", n);
    }

    private static String text(int n) {
        return "Load test message " + n;
    }
}
