package net.mittoapi.sms.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import net.mittoapi.sms.spring.ReportDeduplication.Verdict;
import net.mittoapi.sms.webhook.DeliveryReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.cache.Cache;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The deduplication's verdicts, on the local store and on a Spring {@link Cache} (Spring's own
 * {@link ConcurrentMapCache} here; a distributed one in {@link SharedCacheDeduplicationTest}), with a clock the test
 * moves; and the local store's bound under a flood of 1,000,000 distinct reports through the endpoint's handler.
 */
class ReportDeduplicationTest {

    private final MutableClock clock = new MutableClock();
    private final AtomicLong nanos = new AtomicLong();

    static Stream<Arguments> stores() {
        return Stream.of(Arguments.of("local", (Supplier<ReportDeduplication.Store>) () ->
                        new ReportDeduplication.LocalStore(1_000)),
                Arguments.of("cache", (Supplier<ReportDeduplication.Store>) () ->
                        new ReportDeduplication.CacheStore(new ConcurrentMapCache("mitto-reports"))));
    }

    private ReportDeduplication deduplication(ReportDeduplication.Store store) {
        return new ReportDeduplication(store, Duration.ofHours(24), clock, nanos::get);
    }

    private static DeliveryReport report(String id, String status) {
        return DeliveryReport.fromQuery("ID=" + id + (status == null ? "" : "&Status=" + status));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aPublishedReportIsADuplicateForTheWindowAndThenNew(String name, Supplier<ReportDeduplication.Store> store) {
        ReportDeduplication deduplication = deduplication(store.get());
        ReportDeduplication.Claim first = deduplication.claim(report("m1", "DELIVERED"));
        assertThat(first.verdict()).isEqualTo(Verdict.FIRST);
        first.published();

        assertThat(deduplication.claim(report("m1", "DELIVERED")).verdict()).isEqualTo(Verdict.DUPLICATE);
        assertThat(deduplication.claim(report("m1", "FAILED")).verdict()).as("another status").isEqualTo(Verdict.FIRST);
        assertThat(deduplication.claim(report("m2", "DELIVERED")).verdict()).as("another id").isEqualTo(Verdict.FIRST);
        clock.advance(Duration.ofHours(24).minusMillis(1));
        assertThat(deduplication.claim(report("m1", "DELIVERED")).verdict()).isEqualTo(Verdict.DUPLICATE);
        clock.advance(Duration.ofMillis(1));
        assertThat(deduplication.claim(report("m1", "DELIVERED")).verdict()).as("after the window")
                .isEqualTo(Verdict.FIRST);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aFailedReportIsPublishedAgain(String name, Supplier<ReportDeduplication.Store> store) {
        ReportDeduplication deduplication = deduplication(store.get());
        ReportDeduplication.Claim first = deduplication.claim(report("m1", "DELIVERED"));
        first.failed();

        ReportDeduplication.Claim retry = deduplication.claim(report("m1", "DELIVERED"));
        assertThat(retry.verdict()).isEqualTo(Verdict.FIRST);
        retry.published();
        assertThat(deduplication.claim(report("m1", "DELIVERED")).verdict()).isEqualTo(Verdict.DUPLICATE);
    }

    /** A copy claimed but not yet published is in progress; a claim its instance abandoned lapses after a minute. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aClaimHoldsCopiesOffUntilItLapses(String name, Supplier<ReportDeduplication.Store> store) {
        ReportDeduplication deduplication = deduplication(store.get());
        ReportDeduplication.Claim abandoned = deduplication.claim(report("m1", "DELIVERED"));

        assertThat(deduplication.claim(report("m1", "DELIVERED")).verdict()).isEqualTo(Verdict.IN_PROGRESS);
        clock.advance(ReportDeduplication.CLAIM);
        ReportDeduplication.Claim takeover = deduplication.claim(report("m1", "DELIVERED"));
        assertThat(takeover.verdict()).isEqualTo(Verdict.FIRST);
        abandoned.failed();
        assertThat(deduplication.claim(report("m1", "DELIVERED")).verdict())
                .as("a lapsed claim's release leaves the new claim alone").isEqualTo(Verdict.IN_PROGRESS);
        takeover.published();
        assertThat(deduplication.claim(report("m1", "DELIVERED")).verdict()).isEqualTo(Verdict.DUPLICATE);
    }

    /** Many copies of one report at once, from many threads: exactly one is published. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void ofCopiesArrivingTogetherOneIsFirst(String name, Supplier<ReportDeduplication.Store> store) throws Exception {
        ReportDeduplication deduplication = deduplication(store.get());
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 50; round++) {
                String id = "together-" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Callable<Verdict>> copies = new ArrayList<>();
                for (int copy = 0; copy < 8; copy++) {
                    copies.add(() -> {
                        start.await();
                        ReportDeduplication.Claim claim = deduplication.claim(report(id, "DELIVERED"));
                        if (claim.verdict() == Verdict.FIRST) {
                            claim.published();
                        }
                        return claim.verdict();
                    });
                }
                List<Future<Verdict>> verdicts = new ArrayList<>();
                for (Callable<Verdict> copy : copies) {
                    verdicts.add(threads.submit(copy));
                }
                start.countDown();
                List<Verdict> all = new ArrayList<>();
                for (Future<Verdict> verdict : verdicts) {
                    all.add(verdict.get());
                }
                assertThat(all).as(id).filteredOn(verdict -> verdict == Verdict.FIRST).hasSize(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aReportWithoutStatusIsKeyedByItsIdAloneAndSaysSoOnce() {
        ReportDeduplication deduplication = deduplication(new ReportDeduplication.LocalStore(10));
        List<String> infos;
        try (LogCapture log = LogCapture.of(ReportDeduplication.class)) {
            deduplication.claim(report("m1", null)).published();
            assertThat(deduplication.claim(report("m1", null)).verdict()).isEqualTo(Verdict.DUPLICATE);
            assertThat(deduplication.claim(report("m1", "DELIVERED")).verdict()).isEqualTo(Verdict.FIRST);
            infos = log.messages(Level.INFO);
        }
        assertThat(infos).singleElement().asString().contains("without a status field").contains("~status~");
    }

    /** A cache that fails: reports are published (never lost for the cache's sake), warned at most once a minute. */
    @Test
    void aFailingCacheMeansPublishingWithoutDeduplication() {
        Cache broken = new ConcurrentMapCache("broken") {
            @Override
            public ValueWrapper get(Object key) {
                throw new IllegalStateException("cluster unreachable");
            }
        };
        ReportDeduplication deduplication = deduplication(new ReportDeduplication.CacheStore(broken));
        List<String> warnings;
        try (LogCapture log = LogCapture.of(ReportDeduplication.class)) {
            for (int i = 0; i < 3; i++) {
                ReportDeduplication.Claim claim = deduplication.claim(report("m1", "DELIVERED"));
                assertThat(claim.verdict()).isEqualTo(Verdict.FIRST);
                claim.published();
            }
            nanos.addAndGet(Duration.ofMinutes(1).toNanos());
            deduplication.claim(report("m1", "DELIVERED"));
            warnings = log.messages(Level.WARN);
        }
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains("the cache broken").contains("published without deduplication")
                .contains("cluster unreachable");
        assertThat(warnings.get(1)).contains("2 more failures since the last one");
    }

    /** The cache holds text under keys that name no message: what any cache can serialize and show. */
    @Test
    void theCacheHoldsTheDigestAndTheMarkAsText() {
        ConcurrentMapCache cache = new ConcurrentMapCache("mitto-reports");
        ReportDeduplication deduplication = deduplication(new ReportDeduplication.CacheStore(cache));
        deduplication.claim(report("m1", "DELIVERED")).published();

        assertThat(cache.getNativeCache().entrySet()).singleElement().satisfies(entry -> {
            assertThat(entry.getKey()).asString().matches("mitto-report:[0-9a-f]{64}").doesNotContain("m1");
            assertThat(entry.getValue()).isEqualTo("seen-until:"
                    + clock.instant().plus(Duration.ofHours(24)).toEpochMilli());
        });
    }

    @Test
    void theLocalStoreForgetsTheOldestFirstWhenFull() {
        ReportDeduplication.LocalStore store = new ReportDeduplication.LocalStore(3);
        ReportDeduplication deduplication = deduplication(store);
        for (String id : List.of("a", "b", "c", "d")) {
            deduplication.claim(report(id, "DELIVERED")).published();
        }

        assertThat(store.size()).isEqualTo(3);
        assertThat(deduplication.claim(report("d", "DELIVERED")).verdict()).isEqualTo(Verdict.DUPLICATE);
        assertThat(deduplication.claim(report("b", "DELIVERED")).verdict()).isEqualTo(Verdict.DUPLICATE);
        assertThat(deduplication.claim(report("a", "DELIVERED")).verdict()).as("forgotten").isEqualTo(Verdict.FIRST);
    }

    @Test
    void theLocalStoreDropsWhatExpired() {
        ReportDeduplication.LocalStore store = new ReportDeduplication.LocalStore(100);
        ReportDeduplication deduplication = deduplication(store);
        for (int i = 0; i < 10; i++) {
            deduplication.claim(report("old-" + i, "DELIVERED")).published();
        }
        clock.advance(Duration.ofHours(25));
        deduplication.claim(report("new", "DELIVERED"));

        assertThat(store.size()).isEqualTo(1);
    }

    /**
     * Issue 20: memory stays bounded under a flood of 1,000,000 distinct reports, sent through the endpoint's handler
     * with the default settings (a local store of 100,000 entries). The store's retained heap is measured as the heap
     * used after full garbage collections with the handler reachable, minus the same once it is unreachable; it is
     * printed for the record and must stay under 20 MB (the estimate is about 100 bytes an entry).
     */
    @Test
    void aMillionDistinctReportsKeepTheStoreBounded() throws Exception {
        AtomicLong published = new AtomicLong();
        int[] largest = new int[1];
        Supplier<Object> flood = () -> {
            ReportDeduplication.LocalStore store = new ReportDeduplication.LocalStore(
                    new MittoProperties.Deduplication().getMaxEntries());
            ReportDeduplication deduplication = new ReportDeduplication(store,
                    new MittoProperties.Deduplication().getWindow(), Clock.systemUTC(), System::nanoTime);
            WebhookHandler handler = new WebhookHandler(WebhookHandler.Kind.DELIVERY_REPORT, "/mitto/reports", null,
                    1024, event -> published.incrementAndGet(), System::nanoTime, deduplication);
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/mitto/reports");
            for (int i = 0; i < 1_000_000; i++) {
                request.setQueryString("ID=" + Long.toHexString(0x5eed_0000_0000L + i) + "-9f3c-4b1e-8a2d-0c6b5e7f9a1d"
                        + "&Status=DELIVERED&MCCMNC=26201");
                MockHttpServletResponse response = new MockHttpServletResponse();
                try {
                    handler.handleRequest(request, response);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                if (response.getStatus() != 200) {
                    throw new AssertionError("report " + i + " answered " + response.getStatus());
                }
                largest[0] = Math.max(largest[0], store.size());
            }
            return List.of(handler, store);
        };
        Object kept = flood.get();
        long withStore = usedHeapAfterGc();
        @SuppressWarnings("unchecked")
        int size = ((ReportDeduplication.LocalStore) ((List<Object>) kept).get(1)).size();
        Reference.reachabilityFence(kept);
        kept = null;
        long retained = withStore - usedHeapAfterGc();
        System.out.printf("1,000,000 distinct reports: %,d published, store of %,d entries (never more than %,d),"
                + " retained heap %.1f MB (%d bytes an entry)%n", published.get(), size, largest[0],
                retained / 1e6, retained / size);

        assertThat(published.get()).isEqualTo(1_000_000);
        assertThat(largest[0]).isEqualTo(100_000);
        assertThat(retained).isPositive().isLessThan(20_000_000);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** A wall clock the test moves. */
    private static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T10:00:00Z"));

        void advance(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
