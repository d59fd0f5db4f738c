package net.mittoapi.sms.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Many simultaneous requests against one sandbox: every id unique, every request recorded. */
class MittoSandboxConcurrencyIT {

    private static final int THREADS = 8;
    private static final int SENDS_PER_THREAD = 200;
    private static final int CONCURRENT_ASYNC = 400;

    @Test
    void eightThreadsSendingTwoHundredEachGetUniqueIdsAndAreAllRecorded() throws Exception {
        try (MittoSandbox sandbox = MittoSandbox.start()) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < SENDS_PER_THREAD; i++) {
                        RawHttp.Reply reply = RawHttp.post(sandbox, i % 2 == 0 ? "/sms.json" : "/sms",
                                "{\"from\":\"MITTO SMS\",\"to\":\"4917255" + String.format("%02d%03d", thread, i)
                                        + "\",\"text\":\"load " + thread + "/" + i + "\"}");
                        assertThat(reply.status()).isEqualTo(200);
                        ids.add(reply.json().get("id").asText());
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> worker : workers) {
                worker.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();

            int total = THREADS * SENDS_PER_THREAD;
            assertThat(ids).hasSize(total).doesNotHaveDuplicates().allMatch(id -> id.matches("[0-9a-f]{32}"));
            assertThat(sandbox.messages()).extracting(SentMessage::id).containsExactlyInAnyOrderElementsOf(ids);
            List<ReceivedRequest> received = sandbox.received();
            assertThat(received).hasSize(total).allMatch(ReceivedRequest::authenticated);
            assertThat(received).extracting(ReceivedRequest::sequence).isSorted().doesNotHaveDuplicates();
            Set<String> texts = received.stream().map(request -> request.field("text").orElseThrow())
                    .collect(Collectors.toSet());
            assertThat(texts).hasSize(total);
        }
    }

    @Test
    void hundredsOfSimultaneousConnectionsAreAllAnswered() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT_ASYNC);
        try (MittoSandbox sandbox = MittoSandbox.start()) {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<RawHttp.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < CONCURRENT_ASYNC; i++) {
                String body = "{\"from\":\"Mitto SMS\",\"to\":\"491765410994,4179" + String.format("%07d", i)
                        + "\",\"text\":\"bulk " + i + "\"}";
                replies.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    return RawHttp.send("POST", sandbox.baseUrl() + "/smsbulk.xml", sandbox.apiKey(), body,
                            Duration.ofSeconds(120));
                }, clients));
            }
            go.countDown();
            CompletableFuture.allOf(replies.toArray(new CompletableFuture<?>[0])).get(180, TimeUnit.SECONDS);

            Set<String> ids = new HashSet<>();
            for (CompletableFuture<RawHttp.Reply> reply : replies) {
                assertThat(reply.get().status()).isEqualTo(200);
                String xml = reply.get().body();
                int from = 0;
                while ((from = xml.indexOf("<id>", from)) >= 0) {
                    ids.add(xml.substring(from + 4, xml.indexOf("</id>", from)));
                    from += 4;
                }
            }
            assertThat(ids).hasSize(2 * CONCURRENT_ASYNC);
            assertThat(sandbox.received()).hasSize(CONCURRENT_ASYNC);
            assertThat(sandbox.messages()).hasSize(2 * CONCURRENT_ASYNC);
        } finally {
            clients.shutdownNow();
        }
    }
}
