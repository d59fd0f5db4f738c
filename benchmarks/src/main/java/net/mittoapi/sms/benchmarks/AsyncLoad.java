package net.mittoapi.sms.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.SmsResponse;
import net.mittoapi.sms.sandbox.MittoSandbox;

/**
 * 10,000 {@code sendAsync} calls against the sandbox: messages per second, latency percentiles, and the threads
 * the client started to carry them. One {@code MittoSandbox} and one {@code MittoClient} in this JVM, over
 * loopback, JSON, retries off.
 *
 * <p>Each round issues every call from one thread without waiting ({@code --window 0}, the default: all
 * 10,000 in flight from the application's point of view, the client's dispatcher running at most 64 at a
 * time against the one host), or keeps at most {@code --window N} outstanding. A call's latency runs from
 * {@code sendAsync} to the completion of its future, so with the whole batch issued at once it is mostly the
 * wait in the dispatcher's queue: what an application that fires 10,000 sends sees. Messages per second are
 * the round's calls over its wall time. Warm-up rounds run first, the sandbox reset between rounds.
 *
 * <p><b>Threads.</b> Before the client is built, and again at the end of the last round (the client still
 * open), every live thread is listed; the new ones are grouped by name. The SDK's dispatcher threads are
 * named {@code mitto-sms-dispatcher-N}, numbered from 1 by the client's own thread factory, so the highest N
 * is the number it ever started (idle ones end after 60 s; a run is far shorter). Also shown: OkHttp's
 * shared {@code OkHttp TaskRunner} threads (connection-pool housekeeping, started by OkHttp for any client)
 * and the sandbox's own threads, which belong to the server side. The program fails (exit 1) when any call
 * failed, an id repeats, or the dispatcher started more threads than its concurrency explains: a thread per
 * call. The bound is twice the dispatcher's limit of 128 concurrent calls, because OkHttp's dispatcher hands
 * the next queued call to the executor from the thread that is finishing the previous one, before that
 * thread is idle: the executor (no queue, a new thread whenever none is idle) can hold up to two threads per
 * call in flight at such moments. Against one host, 64 calls at a time, that is at most 128.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar net.mittoapi.sms.benchmarks.AsyncLoad \
 *     [--calls 10000] [--window 0] [--warmup 2] [--rounds 3]
 * </pre>
 */
public final class AsyncLoad {

    private static final Duration ROUND_LIMIT = Duration.ofMinutes(5);
    private static final Pattern DISPATCHER = Pattern.compile("mitto-sms-dispatcher-(\\d+)");
    private static final int DISPATCHER_MAX_REQUESTS = 128;
    private static final int THREAD_BOUND = 2 * DISPATCHER_MAX_REQUESTS;

    private AsyncLoad() {
    }

    /** One round's figures. */
    record Round(long[] latencies, long wallNanos, int failures, int uniqueIds) {

        double perSecond() {
            return latencies.length / (wallNanos / 1e9);
        }

        double percentileMillis(double p) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
        }
    }

    /**
     * Runs the rounds and prints one table row per round, then the threads.
     *
     * @param args {@code --calls N --window N --warmup N --rounds N}
     * @throws Exception when a round does not finish within five minutes
     */
    public static void main(String[] args) throws Exception {
        int calls = option(args, "--calls", 10_000);
        int window = option(args, "--window", 0);
        int warmup = option(args, "--warmup", 2);
        int rounds = option(args, "--rounds", 3);
        System.out.printf(Locale.ROOT, "AsyncLoad: %,d sendAsync per round, %s, %d warm-up round(s), %d measured%n",
                calls, window == 0 ? "all issued at once" : "at most " + window + " outstanding", warmup, rounds);
        System.out.printf(Locale.ROOT, "Java %s (%s), %d processors%n", System.getProperty("java.version"),
                System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors());

        boolean ok = true;
        Map<Long, String> before;
        Map<Long, String> after;
        try (MittoSandbox sandbox = MittoSandbox.start()) {
            before = liveThreads();
            try (MittoClient client = MittoClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl())
                    .maxRetries(0).build()) {
                for (int i = 1; i <= warmup; i++) {
                    Round r = round(client, calls, window, i * 1_000_000);
                    sandbox.reset();
                    System.out.printf(Locale.ROOT, "warm-up %d: %,.0f msg/s, %d failed%n", i, r.perSecond(),
                            r.failures());
                }
                System.out.println();
                System.out.println("| round | calls | seconds | msg/s | p50 ms | p90 ms | p99 ms | max ms | failed | unique ids |");
                System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
                for (int i = 1; i <= rounds; i++) {
                    Round r = round(client, calls, window, (warmup + i) * 1_000_000);
                    int received = sandbox.received().size();
                    sandbox.reset();
                    System.out.printf(Locale.ROOT, "| %d | %,d | %.2f | %,.0f | %.1f | %.1f | %.1f | %.1f | %d | %,d |%n",
                            i, calls, r.wallNanos() / 1e9, r.perSecond(), r.percentileMillis(50),
                            r.percentileMillis(90), r.percentileMillis(99), r.percentileMillis(100), r.failures(),
                            r.uniqueIds());
                    ok &= r.failures() == 0 && r.uniqueIds() == calls && received == calls;
                }
                after = liveThreads();
            }
        }
        ok &= reportThreads(before, after);
        if (!ok) {
            System.err.println("AsyncLoad: calls failed, ids repeated or threads grew with calls; figures not valid");
            System.exit(1);
        }
    }

    private static Round round(MittoClient client, int calls, int window, int firstNumber) throws Exception {
        long[] latencies = new long[calls];
        CompletableFuture<?>[] futures = new CompletableFuture<?>[calls];
        AtomicInteger failures = new AtomicInteger();
        Set<String> ids = ConcurrentHashMap.newKeySet();
        Semaphore outstanding = new Semaphore(window == 0 ? Integer.MAX_VALUE : window);
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            int index = i;
            SmsRequest request = SmsRequest.builder().from("MITTO SMS")
                    .to(String.format(Locale.ROOT, "4917%08d", firstNumber + i)).text("Async load message " + i)
                    .build();
            if (!outstanding.tryAcquire(ROUND_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("no answer came back within " + ROUND_LIMIT);
            }
            long sent = System.nanoTime();
            futures[i] = client.sendAsync(request).whenComplete((SmsResponse response, Throwable failure) -> {
                latencies[index] = System.nanoTime() - sent;
                outstanding.release();
                if (failure != null || response.responseCode() != 0 || response.id() == null) {
                    failures.incrementAndGet();
                } else {
                    ids.add(response.id());
                }
            });
        }
        // allOf completes after every whenComplete above has run: their writes are visible after get().
        CompletableFuture.allOf(futures).handle((v, e) -> null).get(ROUND_LIMIT.toSeconds(), TimeUnit.SECONDS);
        long wall = System.nanoTime() - start;
        return new Round(latencies, wall, failures.get(), ids.size());
    }

    private static Map<Long, String> liveThreads() {
        Map<Long, String> threads = new TreeMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            threads.put(thread.getId(), thread.getName());
        }
        return threads;
    }

    /** Prints the threads that appeared during the run, grouped; false when the dispatcher grew per call. */
    private static boolean reportThreads(Map<Long, String> before, Map<Long, String> after) {
        Map<String, Integer> groups = new TreeMap<>();
        int highestDispatcher = 0;
        Set<Long> known = new HashSet<>(before.keySet());
        for (Map.Entry<Long, String> thread : after.entrySet()) {
            if (known.contains(thread.getKey())) {
                continue;
            }
            String name = thread.getValue();
            Matcher dispatcher = DISPATCHER.matcher(name);
            if (dispatcher.matches()) {
                highestDispatcher = Math.max(highestDispatcher, Integer.parseInt(dispatcher.group(1)));
            }
            groups.merge(name.replaceAll("[-\\s]?\\d+$", "-N"), 1, Integer::sum);
        }
        System.out.println();
        System.out.println("Threads alive at the end that were not before the client was built, by name:");
        groups.forEach((name, count) -> System.out.printf(Locale.ROOT, "  %-40s %4d%n", name, count));
        System.out.printf(Locale.ROOT, "SDK dispatcher threads started in all: %d (concurrent calls: at most 64 per"
                + " host, %d in all; threads allowed by this check: %d)%n", highestDispatcher, DISPATCHER_MAX_REQUESTS,
                THREAD_BOUND);
        return highestDispatcher <= THREAD_BOUND;
    }

    private static int option(String[] args, String name, int defaultValue) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                int value = Integer.parseInt(args[i + 1]);
                if (value < 0 || value == 0 && (name.equals("--calls") || name.equals("--rounds"))) {
                    throw new IllegalArgumentException(name + " must be positive, got " + value);
                }
                return value;
            }
        }
        return defaultValue;
    }
}
