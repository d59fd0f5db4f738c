package net.mittoapi.sms.benchmarks;

import java.lang.management.ManagementFactory;
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
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar net.mittoapi.sms.benchmarks.SendAllocation [--calls 20000]
 * </pre>
 * Times are printed too, but they are plain loops: the JMH benchmark is the measure of time.
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
        int calls = args.length == 2 && args[0].equals("--calls") ? Integer.parseInt(args[1]) : 20_000;
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "Bytes allocated by the calling thread per call, %,d calls after %,d warm-up;"
                + " Java %s%n%n", calls, calls, System.getProperty("java.version"));
        System.out.println("| format | client | B/call | B/call − rawOkHttp | µs/call (plain loop) |");
        System.out.println("|---|---|---:|---:|---:|");
        for (Format format : Format.values()) {
            ClientBenchmark benchmark = new ClientBenchmark();
            benchmark.format = format;
            benchmark.server = ClientBenchmark.Server.SOCKET;
            benchmark.start();
            try {
                double floor = 0;
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
                    System.out.printf(Locale.ROOT, "| %s | %s | %,.0f | %+,.0f | %.1f |%n", format, names[c], perCall,
                            perCall - floor, nanos / 1e3 / calls);
                }
            } finally {
                benchmark.stop();
            }
        }
        if (sink == null) {
            throw new AssertionError("no answer");
        }
    }
}
