package net.mittoapi.sms.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.SmsResponse;
import net.mittoapi.sms.sandbox.MittoSandbox;

/**
 * Throughput and latency of {@code MittoClient} against {@code MittoSandbox}: the workload of the load test
 * ({@code SandboxLoadIT}), measured. One sandbox, one client, in this JVM, over loopback:
 * <ol>
 *   <li><b>sync</b>: 8 threads, each sending 500 messages one after another with {@code send};</li>
 *   <li><b>async</b>: 2,000 {@code sendAsync} calls issued at once, then awaited together.</li>
 * </ol>
 * A request's latency is {@link System#nanoTime()} around the blocking call, or from {@code sendAsync} to the
 * completion of its future; for the async phase it therefore includes the time a call waits in the client's
 * dispatcher queue (64 calls per host at a time), which is what an application issuing 2,000 calls sees.
 * Requests per second are the phase's requests over its wall time. Full warm-up rounds run first; after each
 * round the sandbox is reset so that its memory does not grow.
 *
 * <p>Not JMH: the unit of work is a network exchange of tens of microseconds or more, measured end to end,
 * where a plain loop with a warm-up is accurate enough. Client and sandbox share the machine's cores, so the
 * figures are a floor for the client alone, not a forecast of the real API's latency.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar net.mittoapi.sms.benchmarks.SandboxLoad \
 *     [--threads 8] [--per-thread 500] [--async 2000] [--warmup 2] [--rounds 1]
 * </pre>
 * Exits with status 1 when any call failed or any id was issued twice.
 */
public final class SandboxLoad {

    private static final Duration PHASE_LIMIT = Duration.ofMinutes(5);

    private final MittoClient client;
    private final int threads;
    private final int perThread;
    private final int asyncSends;
    private final AtomicInteger failures = new AtomicInteger();
    private final Set<String> ids = ConcurrentHashMap.newKeySet();

    private SandboxLoad(MittoClient client, int threads, int perThread, int asyncSends) {
        this.client = client;
        this.threads = threads;
        this.perThread = perThread;
        this.asyncSends = asyncSends;
    }

    /** The latencies of one phase, and how long it took. */
    record Phase(String name, long[] latenciesNanos, long wallNanos) {

        double requestsPerSecond() {
            return latenciesNanos.length / (wallNanos / 1e9);
        }

        /** Nearest-rank percentile, in milliseconds. */
        double percentileMillis(double p) {
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
        }

        String row() {
            return String.format(Locale.ROOT, "| %-5s | %,8d | %7.2f | %,9.0f | %7.2f | %7.2f | %7.2f | %7.2f |", name,
                    latenciesNanos.length, wallNanos / 1e9, requestsPerSecond(), percentileMillis(50),
                    percentileMillis(90), percentileMillis(99), percentileMillis(100));
        }
    }

    /**
     * Runs the measurement and prints a table per round.
     *
     * @param args {@code --threads N --per-thread N --async N --warmup N --rounds N}
     * @throws Exception when a phase does not finish within five minutes
     */
    public static void main(String[] args) throws Exception {
        int threads = option(args, "--threads", 8);
        int perThread = option(args, "--per-thread", 500);
        int asyncSends = option(args, "--async", 2_000);
        int warmup = option(args, "--warmup", 2);
        int rounds = option(args, "--rounds", 1);

        System.out.printf(Locale.ROOT, "SandboxLoad: MittoClient -> MittoSandbox over loopback, one JVM%n");
        System.out.printf(Locale.ROOT, "Java %s (%s), %d processors, %s %s%n", System.getProperty("java.version"),
                System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"));
        System.out.printf(Locale.ROOT, "Workload: sync = %d threads x %d send(); async = %d sendAsync() in flight"
                + " together; %d warm-up round(s), %d measured%n", threads, perThread, asyncSends, warmup, rounds);

        boolean ok = true;
        try (MittoSandbox sandbox = MittoSandbox.start();
                MittoClient client = MittoClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl())
                        .maxRetries(0).build()) {
            SandboxLoad load = new SandboxLoad(client, threads, perThread, asyncSends);
            for (int round = 1; round <= warmup; round++) {
                load.syncPhase();
                sandbox.reset();
                load.asyncPhase();
                sandbox.reset();
                load.ids.clear();
            }
            System.out.printf(Locale.ROOT, "Warm-up done (%d failures)%n", load.failures.getAndSet(0));
            for (int round = 1; round <= rounds; round++) {
                Phase sync = load.syncPhase();
                int syncReceived = sandbox.received().size();
                sandbox.reset();
                Phase async = load.asyncPhase();
                int asyncReceived = sandbox.received().size();
                sandbox.reset();
                int expected = threads * perThread + asyncSends;
                int failed = load.failures.getAndSet(0);
                int unique = load.ids.size();
                load.ids.clear();
                System.out.printf(Locale.ROOT, "%nRound %d%n", round);
                System.out.println("| phase | requests | seconds |     req/s |  p50 ms |  p90 ms |  p99 ms |  max ms |");
                System.out.println("|-------|---------:|--------:|----------:|--------:|--------:|--------:|--------:|");
                System.out.println(sync.row());
                System.out.println(async.row());
                System.out.printf(Locale.ROOT, "Checks: %d failed calls, %d unique ids of %d, sandbox received %d + %d%n",
                        failed, unique, expected, syncReceived, asyncReceived);
                ok &= failed == 0 && unique == expected && syncReceived + asyncReceived == expected;
            }
        }
        if (!ok) {
            System.err.println("SandboxLoad: some calls failed or ids repeated; the figures above are not valid");
            System.exit(1);
        }
    }

    private Phase syncPhase() throws Exception {
        long[][] latencies = new long[threads][perThread];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        SmsRequest request = request(thread * perThread + i);
                        long start = System.nanoTime();
                        try {
                            SmsResponse response = client.send(request);
                            latencies[thread][i] = System.nanoTime() - start;
                            record(response);
                        } catch (RuntimeException e) {
                            latencies[thread][i] = System.nanoTime() - start;
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            long start = System.nanoTime();
            go.countDown();
            for (Future<?> worker : workers) {
                worker.get(PHASE_LIMIT.toSeconds(), TimeUnit.SECONDS);
            }
            long wall = System.nanoTime() - start;
            return new Phase("sync", Arrays.stream(latencies).flatMapToLong(Arrays::stream).toArray(), wall);
        } finally {
            pool.shutdownNow();
        }
    }

    private Phase asyncPhase() throws Exception {
        long[] latencies = new long[asyncSends];
        CompletableFuture<?>[] futures = new CompletableFuture<?>[asyncSends];
        int first = threads * perThread;
        long start = System.nanoTime();
        for (int i = 0; i < asyncSends; i++) {
            int index = i;
            SmsRequest request = request(first + i);
            long sent = System.nanoTime();
            futures[i] = client.sendAsync(request).whenComplete((response, failure) -> {
                latencies[index] = System.nanoTime() - sent;
                if (failure != null) {
                    failures.incrementAndGet();
                } else {
                    record(response);
                }
            });
        }
        // allOf does not complete before every whenComplete above has run: their writes are visible after get().
        CompletableFuture.allOf(futures).handle((v, e) -> null).get(PHASE_LIMIT.toSeconds(), TimeUnit.SECONDS);
        long wall = System.nanoTime() - start;
        return new Phase("async", latencies, wall);
    }

    private void record(SmsResponse response) {
        if (response.responseCode() != 0 || response.id() == null || !ids.add(response.id())) {
            failures.incrementAndGet();
        }
    }

    private static SmsRequest request(int n) {
        return SmsRequest.builder().from("MITTO SMS").to(String.format(Locale.ROOT, "4917%08d", n))
                .text("Load test message " + n).build();
    }

    private static int option(String[] args, String name, int defaultValue) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                int value = Integer.parseInt(args[i + 1]);
                if (value < 0 || value == 0 && !name.equals("--warmup")) {
                    throw new IllegalArgumentException(name + " must be positive, got " + value);
                }
                return value;
            }
        }
        return defaultValue;
    }
}
