package net.mittoapi.sms.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import net.mittoapi.sms.Format;

/**
 * Bytes allocated per call by the calling thread alone, for the four clients of {@link ClientBenchmark}. JMH's
 * {@code -prof gc} on JDK 17 sums the allocation of every thread in the JVM (OkHttp's housekeeping threads,
 * JMH's own), which adds a few hundred bytes of noise per call; the calling thread is where a blocking
 * {@code send} does all its work, so its count is the exact cost of the call. Runs the very methods the JMH
 * benchmark runs, on the same {@link LoopbackServer}; warms each up first, then counts over many calls with
 * {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}.
 *
 * <p>It also estimates each client's time per call as a ratio to {@code rawOkHttp} in a way that a busy
 * machine disturbs less than it disturbs JMH, which runs one benchmark after the other so that a change of load
 * between them lands in the ratio: here the clients take turns in short batches ({@code --batch} calls each,
 * the order rotated from batch to batch), each batch's time is divided by the {@code rawOkHttp} batch of the
 * same turn, and the median and quartiles of those ratios over {@code --turns} turns are printed. All clients
 * use one OkHttp connection here ({@link ClientBenchmark#sameAddress}), so that every call goes to the same
 * server thread: on a loaded machine, two connections served by two threads were seen to differ by up to 3
 * times for a whole run, whichever client used them. The JMH benchmark remains the measure of time on a quiet
 * machine; this is the cross-check.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar net.mittoapi.sms.benchmarks.SendAllocation \
 *     [--calls 20000] [--turns 400] [--batch 50]
 * </pre>
 */
public final class SendAllocation {

    private static Object sink;

    private SendAllocation() {
    }

    /**
     * @param args {@code --calls N}: measured calls per client (as many again warm it up)
     * @throws Exception when the server cannot start or a call fails
     */
    public static void main(String[] args) throws Exception {
        int calls = option(args, "--calls", 20_000);
        int turns = option(args, "--turns", 400);
        int batch = option(args, "--batch", 50);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "Bytes allocated by the calling thread per call, %,d calls after %,d warm-up;"
                + " Java %s%n%n", calls, calls, System.getProperty("java.version"));
        System.out.println("| format | client | B/call | B/call − rawOkHttp | µs/call (plain loop) |"
                + " time ÷ rawOkHttp, median of turns (p25 – p75) |");
        System.out.println("|---|---|---:|---:|---:|---|");
        for (Format format : Format.values()) {
            ClientBenchmark benchmark = new ClientBenchmark();
            benchmark.format = format;
            benchmark.server = ClientBenchmark.Server.SOCKET;
            benchmark.sharedPool = true;
            benchmark.start();
            try {
                double floor = 0;
                String[] rows = new String[4];
                String[] names = {"rawOkHttp", "handWritten", "mittoSend", "mittoBuildAndSend"};
                Callable<?>[] clients = {benchmark::rawOkHttp, benchmark::handWritten, benchmark::mittoSend,
                    benchmark::mittoBuildAndSend};
                for (int c = 0; c < clients.length; c++) {
                    for (int i = 0; i < calls; i++) {
                        sink = clients[c].call();
                    }
                    long thread = Thread.currentThread().getId();
                    long bytes = threads.getThreadAllocatedBytes(thread);
                    long start = System.nanoTime();
                    for (int i = 0; i < calls; i++) {
                        sink = clients[c].call();
                    }
                    long nanos = System.nanoTime() - start;
                    double perCall = (threads.getThreadAllocatedBytes(thread) - bytes) / (double) calls;
                    if (c == 0) {
                        floor = perCall;
                    }
                    rows[c] = String.format(Locale.ROOT, "| %s | %s | %,.0f | %+,.0f | %.1f |", format, names[c],
                            perCall, perCall - floor, nanos / 1e3 / calls);
                }
                double[][] ratios = interleaved(clients, turns, batch);
                for (int c = 0; c < clients.length; c++) {
                    Arrays.sort(ratios[c]);
                    System.out.printf(Locale.ROOT, "%s %.3f (%.3f – %.3f) |%n", rows[c], quantile(ratios[c], 0.5),
                            quantile(ratios[c], 0.25), quantile(ratios[c], 0.75));
                }
            } finally {
                benchmark.stop();
            }
        }
        if (sink == null) {
            throw new AssertionError("no answer");
        }
    }

    /** @return for each client, its batch time divided by {@code rawOkHttp}'s in the same turn, per turn */
    private static double[][] interleaved(Callable<?>[] clients, int turns, int batch) throws Exception {
        double[][] ratios = new double[clients.length][turns];
        long[] nanos = new long[clients.length];
        for (int turn = 0; turn < turns; turn++) {
            for (int k = 0; k < clients.length; k++) {
                int c = (turn + k) % clients.length;
                long start = System.nanoTime();
                for (int i = 0; i < batch; i++) {
                    sink = clients[c].call();
                }
                nanos[c] = System.nanoTime() - start;
            }
            for (int c = 0; c < clients.length; c++) {
                ratios[c][turn] = nanos[c] / (double) nanos[0];
            }
        }
        return ratios;
    }

    private static double quantile(double[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
    }

    private static int option(String[] args, String name, int defaultValue) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                int value = Integer.parseInt(args[i + 1]);
                if (value <= 0) {
                    throw new IllegalArgumentException(name + " must be positive, got " + value);
                }
                return value;
            }
        }
        return defaultValue;
    }
}
