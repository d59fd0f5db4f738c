package net.mittoapi.sms.soak;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.mittoapi.sms.BulkSmsRequest;
import net.mittoapi.sms.MittoApiException;
import net.mittoapi.sms.MittoAuthenticationException;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.MittoException;
import net.mittoapi.sms.MittoRateLimitException;
import net.mittoapi.sms.MittoTransportException;
import net.mittoapi.sms.SmsRequest;

/**
 * A randomized fault soak: many sends, blocking and async mixed, against a {@link FaultServer} that plays a
 * random {@link SoakFault} on every request, then a reckoning from the server's side of what the client did.
 *
 * <p>Per logical send (a {@code soak-N} reference), the server keeps every request it fully read and the fault
 * it played. A <b>duplicate</b> is a send that the server received again after it had processed it (a real
 * server would have sent the SMS twice): the client may only retry what was not processed, so there must be
 * none. Each outcome is also checked against the server's log: a success means exactly one request
 * processed; a {@code MittoTransportException} without {@code maybeDelivered}, a 429, 503, 401 or a
 * {@code responseCode} refusal mean none; a 500 means the one the server processed. Every call must complete
 * (each has a deadline), and the threads and open file descriptors of the process must be back where they
 * were once the client and the server are closed.
 *
 * <p><b>Reproducible.</b> The fault a request meets is a function of the seed, its send and its attempt
 * number, and so are each send's kind (single or bulk) and way of calling (blocking or async): the same seed
 * replays the same faults, in whatever order the concurrent calls happen to arrive. Timing can still differ
 * between runs in one respect: whether a reset reaches the client before or after OkHttp starts writing.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar net.mittoapi.sms.soak.FaultSoak [calls] [seed]}
 * (see docs/RELIABILITY.md); {@code FaultSoakIT} runs 500 calls in the SDK's build.
 */
public final class FaultSoak {

    /** How long the client waits for an answer: the server's {@link SoakFault#LATE} answers come after it. */
    static final Duration READ_TIMEOUT = Duration.ofMillis(400);
    /** Concurrent calls in flight. */
    static final int CONCURRENCY = 32;
    /** The longest any one call may take before it counts as not completed: far beyond what any fault costs. */
    static final Duration CALL_DEADLINE = Duration.ofSeconds(60);

    private final int calls;
    private final long seed;

    /**
     * @param calls how many logical sends
     * @param seed  the seed of every random choice
     */
    public FaultSoak(int calls, long seed) {
        this.calls = calls;
        this.seed = seed;
    }

    /**
     * Runs the soak: {@code FaultSoak [calls] [seed]}, 10,000 calls and a random seed by default. Prints the
     * report and exits with 1 when an invariant is broken.
     *
     * @param args the number of calls and the seed, both optional
     * @throws Exception when the soak cannot run
     */
    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : System.nanoTime();
        Report report = new FaultSoak(calls, seed).run();
        report.print(System.out);
        System.exit(report.holds() ? 0 : 1);
    }

    /**
     * @return the reckoning, once every call has completed (or its deadline passed) and everything is closed
     * @throws Exception when the server cannot start
     */
    public Report run() throws Exception {
        warmUp();
        long threadsBefore = threads();
        List<String> namesBefore = threadNames();
        long descriptorsBefore = descriptors();
        List<String> openBefore = openFiles();
        long started = System.nanoTime();
        Report report = new Report(calls, seed);
        FaultServer server = new FaultServer(this::fault, READ_TIMEOUT.plusMillis(300));
        MittoClient client = client(server.baseUrl());
        ExecutorService workers = Executors.newFixedThreadPool(CONCURRENCY, task -> {
            Thread thread = new Thread(task, "soak-caller");
            thread.setDaemon(true);
            return thread;
        });
        Semaphore inFlight = new Semaphore(CONCURRENCY);
        List<CompletableFuture<Object>> outcomes = new ArrayList<>(calls);
        try {
            for (int i = 0; i < calls; i++) {
                String reference = "soak-" + i;
                SplittableRandom random = new SplittableRandom(mix(seed, i, 0));
                boolean async = random.nextBoolean();
                boolean bulk = random.nextInt(4) == 0;
                inFlight.acquire();
                CompletableFuture<Object> outcome;
                if (async) {
                    outcome = new CompletableFuture<>();
                    CompletableFuture<?> call = bulk ? client.sendBulkAsync(bulk(reference))
                            : client.sendAsync(single(reference));
                    call.whenComplete((value, failure) -> {
                        if (failure != null) {
                            outcome.completeExceptionally(failure);
                        } else {
                            outcome.complete(value);
                        }
                    });
                } else {
                    outcome = CompletableFuture.supplyAsync(() -> bulk ? client.sendBulk(bulk(reference))
                            : client.send(single(reference)), workers);
                }
                outcome.whenComplete((value, failure) -> inFlight.release());
                outcomes.add(outcome);
                report.modes.merge((async ? "async " : "sync ") + (bulk ? "sendBulk" : "send"), 1, Integer::sum);
            }
            long deadline = System.nanoTime() + CALL_DEADLINE.toNanos();
            for (int i = 0; i < calls; i++) {
                CompletableFuture<Object> outcome = outcomes.get(i);
                try {
                    outcome.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.TimeoutException notCompleted) {
                    report.notCompleted++;
                    continue;
                } catch (java.util.concurrent.ExecutionException failed) {
                    // judged below
                }
                judge(report, "soak-" + i, outcome, server);
            }
        } finally {
            client.close();
            workers.shutdownNow();
            workers.awaitTermination(30, TimeUnit.SECONDS);
            server.close();
        }
        report.elapsed = Duration.ofNanos(System.nanoTime() - started);
        report.unattributed = server.unattributed();
        for (FaultServer.SendLog log : server.sends().values()) {
            for (SoakFault fault : log.faults()) {
                report.faults.merge(fault.name(), 1, Integer::sum);
                report.requestsRead++;
            }
        }
        report.threadsBefore = threadsBefore;
        report.descriptorsBefore = descriptorsBefore;
        report.threadsAtClose = threadNames();
        long settling = System.nanoTime();
        settle(report, threadsBefore, descriptorsBefore);
        report.settled = Duration.ofNanos(System.nanoTime() - settling);
        // A thread whose pool has terminated may take a moment to end: judge names once the counts are back.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        do {
            report.foreignAfter = foreign(namesBefore, threadNames());
        } while (!report.foreignAfter.isEmpty() && System.nanoTime() < deadline && pause());
        List<String> openAfter = openFiles();
        openAfter.removeAll(openBefore);
        report.filesOpenedSince = openAfter;
        return report;
    }

    private static void judge(Report report, String reference, CompletableFuture<Object> outcome, FaultServer server) {
        FaultServer.SendLog log = server.sends().get(reference);
        List<SoakFault> faults = log == null ? List.of() : log.faults();
        Throwable failure = outcome.handle((value, thrown) -> thrown).join();
        if (failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        Verdict verdict = Verdict.of(faults, failure);
        report.outcomes.merge(verdict.kind, 1, Integer::sum);
        if (verdict.duplicate) {
            report.duplicates++;
            report.problems.add(reference + ": received again after it was processed: " + faults);
        }
        if (verdict.wrongRetries) {
            report.wrongRetries++;
            report.problems.add(reference + ": attempts against the retry rules: " + faults);
        }
        if (!verdict.consistent) {
            report.inconsistent++;
            report.problems.add(reference + ": " + verdict.kind + " but the server saw " + faults
                    + (failure == null ? "" : " (" + failure + ")"));
        }
    }

    /** What one send's outcome and the server's log of it say together. */
    static final class Verdict {
        /** The outcome's type, as counted in the report. */
        final String kind;
        /** Whether the server received the send again after it had processed it. */
        final boolean duplicate;
        /** Whether the outcome agrees with what the server did. */
        final boolean consistent;
        /**
         * Whether the attempts broke the retry rules: a request after a fault the rules never retry (anything
         * but a 429 within the backoff cap or a 503), more than {@value #ATTEMPTS} attempts, or a retryable
         * fault last while attempts were left.
         */
        boolean wrongRetries;

        private Verdict(String kind, boolean duplicate, boolean consistent) {
            this.kind = kind;
            this.duplicate = duplicate;
            this.consistent = consistent;
        }

        /** Attempts allowed: one plus {@code maxRetries(2)}. */
        static final int ATTEMPTS = 3;

        private static boolean retryable(SoakFault fault) {
            return fault == SoakFault.RATE_LIMITED || fault == SoakFault.UNAVAILABLE || fault == SoakFault.UNAVAILABLE_NOW;
        }

        private Verdict retries(List<SoakFault> faults) {
            for (int i = 0; i + 1 < faults.size(); i++) {
                if (!retryable(faults.get(i))) {
                    wrongRetries = true;
                }
            }
            if (faults.size() > ATTEMPTS
                    || !faults.isEmpty() && retryable(faults.get(faults.size() - 1)) && faults.size() < ATTEMPTS) {
                wrongRetries = true;
            }
            return this;
        }

        /**
         * @param faults  the faults the server played on the send's requests, in arrival order
         * @param failure what the call failed with, or {@code null} when it returned a value
         * @return the verdict
         */
        static Verdict of(List<SoakFault> faults, Throwable failure) {
            int processed = 0;
            boolean duplicate = false;
            for (SoakFault fault : faults) {
                if (processed > 0) {
                    duplicate = true; // a request arrived after one had been processed
                }
                if (fault.processed()) {
                    processed++;
                }
            }
            SoakFault last = faults.isEmpty() ? null : faults.get(faults.size() - 1);
            if (failure == null) {
                return new Verdict("success", duplicate, processed == 1 && last == SoakFault.OK).retries(faults);
            }
            if (!(failure instanceof MittoException)) {
                return new Verdict("NOT A MittoException: " + failure.getClass().getName(), duplicate, false)
                        .retries(faults);
            }
            if (failure instanceof MittoTransportException) {
                boolean maybe = ((MittoTransportException) failure).maybeDelivered();
                return new Verdict("MittoTransportException, maybeDelivered=" + maybe, duplicate,
                        maybe ? processed <= 1 : processed == 0).retries(faults);
            }
            if (failure instanceof MittoRateLimitException) {
                return new Verdict("MittoRateLimitException (429)", duplicate, processed == 0).retries(faults);
            }
            if (failure instanceof MittoAuthenticationException) {
                return new Verdict("MittoAuthenticationException (401)", duplicate, processed == 0).retries(faults);
            }
            if (failure instanceof MittoApiException) {
                MittoApiException api = (MittoApiException) failure;
                String kind = "MittoApiException (HTTP " + api.httpStatus()
                        + (api.responseCode() >= 0 ? ", responseCode " + api.responseCode() : "") + ")";
                return new Verdict(kind, duplicate, api.httpStatus() == 500
                        ? processed == 1 && last == SoakFault.INTERNAL_ERROR : processed == 0).retries(faults);
            }
            return new Verdict(failure.getClass().getSimpleName(), duplicate, false).retries(faults);
        }
    }

    /** The fault for one request: a function of the seed, the send and the attempt only. */
    private SoakFault fault(String reference, int attempt) {
        int send = Integer.parseInt(reference.substring("soak-".length()));
        return SoakFault.pick(new SplittableRandom(mix(seed, send, attempt)).nextDouble());
    }

    private static long mix(long seed, int send, int attempt) {
        long z = seed + 0x9E3779B97F4A7C15L * (send + 1L) + 0xC2B2AE3D27D4EB4FL * (attempt + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static MittoClient client(String baseUrl) {
        return MittoClient.builder().apiKey("soak-key").baseUrl(baseUrl)
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(READ_TIMEOUT).writeTimeout(Duration.ofSeconds(2))
                .callTimeout(Duration.ofSeconds(10)).maxRetries(2)
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(50)).build();
    }

    private static SmsRequest single(String reference) {
        return SmsRequest.builder().from("MITTO SMS").to("491725551234").text("Soak").reference(reference).build();
    }

    private static BulkSmsRequest bulk(String reference) {
        return BulkSmsRequest.builder().from("MITTO SMS").to("491725551234", "491725551235").text("Soak")
                .reference(reference).build();
    }

    /**
     * Brings the process to its steady state before the baseline is taken: classes loaded, and the pools that
     * OkHttp and Okio keep for the whole process (the {@code OkHttp TaskRunner} threads, the {@code Okio Watchdog})
     * grown to what calls at this concurrency use. Those threads belong to no client and end after a minute
     * idle; measured from a cold start, they would show as threads "left behind" for that minute.
     */
    private void warmUp() throws Exception {
        FaultServer server = new FaultServer((reference, attempt) -> SoakFault.OK, READ_TIMEOUT.plusMillis(300));
        try (MittoClient client = client(server.baseUrl())) {
            List<CompletableFuture<?>> calls = new ArrayList<>();
            for (int i = 0; i < CONCURRENCY * 2; i++) {
                calls.add(i % 2 == 0 ? client.sendAsync(single("soak-" + i)) : client.sendBulkAsync(bulk("soak-" + i)));
            }
            for (CompletableFuture<?> call : calls) {
                call.get(30, TimeUnit.SECONDS);
            }
            client.send(single("soak-" + CONCURRENCY * 2));
        } finally {
            server.close();
        }
        settle(null, Long.MAX_VALUE, Long.MAX_VALUE);
    }

    /**
     * Waits, up to 90 s (OkHttp's shared task runner lets an idle thread go after 60 s), until the thread and
     * descriptor counts are back at the baseline, then records them.
     */
    private static void settle(Report report, long threadsBefore, long descriptorsBefore) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        long threads;
        long descriptors;
        long quietSince = System.nanoTime();
        while (true) {
            threads = threads();
            descriptors = descriptors();
            boolean back = threads <= threadsBefore && descriptors <= descriptorsBefore;
            if (report == null) {
                // warming up: wait until the counts stop moving for a second
                if (System.nanoTime() - quietSince > TimeUnit.SECONDS.toNanos(1)) {
                    break;
                }
            } else if (back || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(100);
        }
        if (report != null) {
            report.threadsAfter = threads;
            report.descriptorsAfter = descriptors;
        }
    }

    /**
     * @return the threads now that were not there before, by name, leaving out the pools OkHttp and Okio
     *         keep for the whole process ({@code OkHttp TaskRunner}, {@code Okio Watchdog}): those belong to no
     *         client, grow with load and end after a minute idle, and the settled count covers them
     */
    private static List<String> foreign(List<String> before, List<String> now) {
        List<String> left = new ArrayList<>(now);
        for (String name : before) {
            left.remove(name);
        }
        left.removeIf(name -> name.equals("OkHttp TaskRunner") || name.equals("Okio Watchdog"));
        return left;
    }

    private static boolean pause() throws InterruptedException {
        Thread.sleep(50);
        return true;
    }

    private static List<String> threadNames() {
        List<String> names = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            names.add(thread.getName());
        }
        names.sort(null);
        return names;
    }

    private static long threads() {
        return Thread.getAllStackTraces().size();
    }

    /** @return open file descriptors of this process ({@code /proc/self/fd}), or -1 where that is unknown */
    /** @return what each open file descriptor points at (sockets, pipes, jars), for a report on a leak */
    private static List<String> openFiles() {
        List<String> targets = new ArrayList<>();
        Path fd = Paths.get("/proc/self/fd");
        if (Files.isDirectory(fd)) {
            try (Stream<Path> entries = Files.list(fd)) {
                entries.forEach(entry -> {
                    try {
                        targets.add(Files.readSymbolicLink(entry).toString());
                    } catch (IOException | UnsupportedOperationException gone) {
                        // closed while listing
                    }
                });
            } catch (IOException e) {
                // unknown: nothing to report
            }
        }
        return targets;
    }

    private static long descriptors() {
        Path fd = Paths.get("/proc/self/fd");
        if (!Files.isDirectory(fd)) {
            return -1;
        }
        try (Stream<Path> entries = Files.list(fd)) {
            return entries.count() - 1; // not counting the descriptor this listing opened
        } catch (IOException e) {
            return -1;
        }
    }

    /** What a soak found. */
    public static final class Report {
        /** How many logical sends were made. */
        public final int calls;
        /** The seed that replays this run. */
        public final long seed;
        final Map<String, Integer> modes = new TreeMap<>();
        final Map<String, Integer> outcomes = new TreeMap<>();
        final Map<String, Integer> faults = new TreeMap<>();
        final List<String> problems = new ArrayList<>();
        int requestsRead;
        int duplicates;
        int inconsistent;
        int wrongRetries;
        int notCompleted;
        int unattributed;
        long threadsBefore;
        long threadsAfter;
        long descriptorsBefore;
        long descriptorsAfter;
        List<String> threadsAtClose = List.of();
        List<String> foreignAfter = List.of();
        List<String> filesOpenedSince = List.of();
        Duration settled = Duration.ZERO;
        Duration elapsed;

        Report(int calls, long seed) {
            this.calls = calls;
            this.seed = seed;
        }

        /** @return sends the server received again after it had processed them; must be 0 */
        public int duplicates() {
            return duplicates;
        }

        /** @return calls whose outcome contradicts what the server did; must be 0 */
        public int inconsistent() {
            return inconsistent;
        }

        /** @return sends whose attempts broke the retry rules (see {@link Verdict#wrongRetries}); must be 0 */
        public int wrongRetries() {
            return wrongRetries;
        }

        /** @return calls without an outcome by their deadline; must be 0 */
        public int notCompleted() {
            return notCompleted;
        }

        /**
         * @return threads more after than before, or (if more) threads after that were not there before, other
         *         than OkHttp's and Okio's process-wide pools; must be 0
         */
        public long threadsLeaked() {
            return Math.max(threadsAfter - threadsBefore, foreignAfter.size());
        }

        /** @return open file descriptors more after than before (0 where unknown); must be 0 */
        public long descriptorsLeaked() {
            return descriptorsBefore < 0 ? 0 : descriptorsAfter - descriptorsBefore;
        }

        /** @return the count of each outcome type */
        public Map<String, Integer> outcomes() {
            return outcomes;
        }

        /** @return the count of each fault the server played */
        public Map<String, Integer> faults() {
            return faults;
        }

        /** @return whether every invariant holds */
        public boolean holds() {
            return duplicates == 0 && inconsistent == 0 && wrongRetries == 0 && notCompleted == 0 && unattributed == 0
                    && threadsLeaked() <= 0 && descriptorsLeaked() <= 0 && !outcomes.keySet().stream()
                    .anyMatch(kind -> kind.startsWith("NOT A"));
        }

        /** @param out where to print the report */
        public void print(PrintStream out) {
            out.println("Fault soak: " + calls + " calls, seed " + seed + ", " + CONCURRENCY + " in flight, read timeout "
                    + READ_TIMEOUT.toMillis() + " ms, maxRetries 2; " + (elapsed == null ? "?" : elapsed.toMillis())
                    + " ms");
            out.println("  calls by kind:      " + modes);
            out.println("  requests read:      " + requestsRead + " (server side, all attempts)");
            out.println("  faults played:      " + faults);
            out.println("  outcomes:           " + outcomes);
            out.println("  duplicates:         " + duplicates + " (sends received again after being processed)");
            out.println("  inconsistent:       " + inconsistent + " (outcomes contradicting the server's log)");
            out.println("  wrong retries:      " + wrongRetries + " (a retry the rules forbid, or one they call for"
                    + " that was not made)");
            out.println("  not completed:      " + notCompleted + " (no outcome within " + CALL_DEADLINE.toSeconds()
                    + " s)");
            out.println("  unattributed:       " + unattributed + " (requests without a soak reference)");
            out.println("  threads:            " + threadsBefore + " before, " + threadsAfter + " after (" + threadsAtClose.size()
                    + " at close, back in " + settled.toMillis() + " ms; new since before, OkHttp's and Okio's"
                    + " process-wide pools aside: " + foreignAfter + ")");
            out.println("  file descriptors:   " + descriptorsBefore + " before, " + descriptorsAfter + " after"
                    + (descriptorsLeaked() > 0 ? " (opened at close and not before: " + filesOpenedSince + ")" : ""));
            problems.stream().limit(20).forEach(problem -> out.println("  PROBLEM " + problem));
            out.println(holds() ? "  => every invariant holds" : "  => INVARIANTS BROKEN");
        }

        @Override
        public String toString() {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            print(new PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
            return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
