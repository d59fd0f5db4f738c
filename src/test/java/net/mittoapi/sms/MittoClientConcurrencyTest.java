package net.mittoapi.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One client shared by many threads: every caller gets the answer to its own request. */
class MittoClientConcurrencyTest {

    private static final Pattern TO = Pattern.compile("\"to\":\"(\\d+)\"");

    private final MockApi api = new MockApi();

    @AfterEach
    void tearDown() {
        api.close();
    }

    @Test
    void manyThreadsShareOneClient() throws Exception {
        AtomicInteger ids = new AtomicInteger();
        api.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                Matcher to = TO.matcher(MockApi.body(request));
                if (!to.find() || !MockApi.KEY.equals(request.getHeaders().get("X-Mitto-API-Key"))) {
                    return new MockResponse.Builder().code(400).build();
                }
                return new MockResponse.Builder().code(200).body("{\"id\":\"id-" + ids.incrementAndGet()
                        + "\",\"to\":\"" + to.group(1) + "\",\"responseCode\":0,\"textLength\":4}").build();
            }
        });
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Set<String> seenIds = ConcurrentHashMap.newKeySet();
        try (MittoClient client = api.client().build()) {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        String to = "4917" + String.format("%02d%03d", thread, i);
                        SmsRequest request = SmsRequest.builder().from("MITTO SMS").to(to).text("ping").build();
                        SmsResponse response = i % 2 == 0 ? client.send(request) : client.sendAsync(request).join();
                        assertThat(response.to()).isEqualTo(to);
                        seenIds.add(response.id());
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(seenIds).hasSize(threads * perThread);
        assertThat(api.server.getRequestCount()).isEqualTo(threads * perThread);
    }
}
