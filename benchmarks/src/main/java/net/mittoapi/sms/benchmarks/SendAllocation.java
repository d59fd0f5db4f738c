package net.mittoapi.sms.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import net.mittoapi.sms.Format;

/**
 * Bytes allocated per call by the calling thread alone, for the four clients of {@link ClientBenchmark}, against
 * its baseline {@code handWritten} (OkHttp + Jackson by hand with the SDK's timeouts) and its floor
 * {@code rawOkHttp} (OkHttp without a call timeout, pre-serialized bytes, nothing parsed). JMH's
 * {@code -prof gc} on JDK 17 sums the allocation of every thread in the JVM (OkHttp's housekeeping threads,
 * JMH's own), which adds a few hundred bytes of noise per call; the calling thread is where a blocking
 * {@code send} does all its work, so its count is the exact cost of the call. Runs the very methods the JMH
 * benchmark runs, on the same {@link LoopbackServer}; warms each up first, then counts over many calls with
 * {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}.
 *
 * <p>It also estimates each client's time per call as a ratio to {@code rawOkHttp} in a way that a busy
 * machine disturbs less than it disturbs JMH, which runs one benchmark after the other so that a change of load
 * between them lands in the ratio: here the clients take turns in short batches ({@code --batch} calls each,
 * the order rotated from batch to batch), each batch's time is divided by the {@code handWritten} batch (and
 * by the {@code rawOkHttp} batch) of the same turn, and the median and quartiles of those ratios over
 * {@code --turns} turns are printed. All clients
 * use one OkHttp connection here ({@link ClientBenchmark#sameAddress}), so that every call goes to the same
 * server thread: on a loaded machine, two connections served by two threads were seen to differ by up to 3
 * times for a whole run, whichever client used them. JMH measures one benchmark after another, so a change of
 * load between them lands whole in its ratio; the ratio by turns is the one to read on a shared machine.
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
                + " Java %s; %s%n%n", calls, calls, System.getProperty("java.version"), Machine.load());
        System.out.println("| format | client | B/call | B/call − handWritten | B/call − rawOkHttp | µs/call (plain loop) |"
                + " time ÷ handWritten, median of turns (p25 – p75) | time ÷ rawOkHttp, median |");
        System.out.println("|---|---|---:|---:|---:|---:|---|---|");
        for (Format format : Format.values()) {
            ClientBenchmark benchmark = new ClientBenchmark();
            benchmark.format = format;
            benchmark.server = ClientBenchmark.Server.SOCKET;
            benchmark.sharedPool = true;
            benchmark.start();
            try {
                String[] names = {"rawOkHttp", "handWritten", "mittoSend", "mittoBuildAndSend"};
                Callable<?>[] clients = {benchmark::rawOkHttp, benchmark::handWritten, benchmark::mittoSend,
                    benchmark::mittoBuildAndSend};
                double[] perCall = new double[clients.length];
                double[] micros = new double[clients.length];
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
                    perCall[c] = (threads.getThreadAllocatedBytes(thread) - bytes) / (double) calls;
                    micros[c] = nanos / 1e3 / calls;
                }
                long[][] nanos = interleaved(clients, turns, batch);
                for (int c = 0; c < clients.length; c++) {
                    double[] ratios = ratios(nanos, c, 1);
                    double[] floorRatios = ratios(nanos, c, 0);
                    System.out.printf(Locale.ROOT, "| %s | %s | %,.0f | %+,.0f | %+,.0f | %.1f | %.3f (%.3f – %.3f) | %.3f |%n",
                            format, names[c], perCall[c], perCall[c] - perCall[1], perCall[c] - perCall[0], micros[c],
                            quantile(ratios, 0.5), quantile(ratios, 0.25), quantile(ratios, 0.75),
                            quantile(floorRatios, 0.5));
                }
            } finally {
                benchmark.stop();
            }
        }
        System.out.printf(Locale.ROOT, "%nAfter: %s%n", Machine.load());
        if (sink == null) {
            throw new AssertionError("no answer");
        }
    }

    /** @return for each client, the time of its batch in each turn */
    private static long[][] interleaved(Callable<?>[] clients, int turns, int batch) throws Exception {
        long[][] nanos = new long[clients.length][turns];
        for (int turn = 0; turn < turns; turn++) {
            for (int k = 0; k < clients.length; k++) {
                int c = (turn + k) % clients.length;
                long start = System.nanoTime();
                for (int i = 0; i < batch; i++) {
                    sink = clients[c].call();
                }
                nanos[c][turn] = System.nanoTime() - start;
            }
        }
        return nanos;
    }

    /** @return client {@code c}'s batch time divided by client {@code base}'s in the same turn, sorted */
    private static double[] ratios(long[][] nanos, int c, int base) {
        double[] ratios = new double[nanos[c].length];
        for (int turn = 0; turn < ratios.length; turn++) {
            ratios[turn] = nanos[c][turn] / (double) nanos[base][turn];
        }
        Arrays.sort(ratios);
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
