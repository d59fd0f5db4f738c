package net.mittoapi.sms.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import net.mittoapi.sms.Format;

/**
 * {@link CodecBenchmark}'s comparisons (each SDK method against each of its baselines) as time ratios measured
 * by turns, for a machine too busy for JMH's one-benchmark-after-another: in each turn the SDK's method and its
 * baseline run one batch each (order alternating), and the turn's ratio is the SDK's batch time over the baseline's. Prints, per case, the median
 * and quartiles of the ratios and the median time per call of each side. Same states, same bytes as the JMH
 * benchmark, which remains the measure on a quiet machine.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar net.mittoapi.sms.benchmarks.CodecRatios [--turns 400]
 * </pre>
 */
public final class CodecRatios {

    private static Object sink;

    private CodecRatios() {
    }

    /**
     * @param args {@code --turns N}
     * @throws Exception when a case cannot be set up
     */
    public static void main(String[] args) throws Exception {
        int turns = args.length == 2 && args[0].equals("--turns") ? Integer.parseInt(args[1]) : 400;
        System.out.printf(Locale.ROOT, "Codec time by turns (%d turns, batches of about 0.5 ms); Java %s; %s%n%n",
                turns, System.getProperty("java.version"), Machine.load());
        System.out.println("| case | SDK ns/call (median) | baseline ns/call (median) | SDK ÷ baseline, median (p25 – p75) |");
        System.out.println("|---|---:|---:|---|");
        CodecBenchmark benchmark = new CodecBenchmark();
        CodecBenchmark.Encoding encoding = new CodecBenchmark.Encoding();
        compare("encode /sms request vs JsonGenerator", () -> benchmark.encodeSms(encoding),
                () -> benchmark.encodeBaselineStreaming(encoding), turns);
        compare("encode /sms request vs a bound record", () -> benchmark.encodeSms(encoding),
                () -> benchmark.encodeBaselineBind(encoding), turns);
        for (CodecBenchmark.Answer answer : CodecBenchmark.Answer.values()) {
            for (Format format : Format.values()) {
                CodecBenchmark.Decoding decoding = new CodecBenchmark.Decoding();
                decoding.answer = answer;
                decoding.format = format;
                decoding.setUp();
                compare("decode " + answer + ", " + format + " vs readTree", () -> benchmark.decode(decoding),
                        () -> benchmark.decodeBaselineReadTree(decoding), turns);
                compare("decode " + answer + ", " + format + " vs binding records", () -> benchmark.decode(decoding),
                        () -> benchmark.decodeBaselineBind(decoding), turns);
            }
        }
        System.out.printf(Locale.ROOT, "%nAfter: %s%n", Machine.load());
    }

    private static void compare(String name, Callable<?> sdk, Callable<?> baseline, int turns) throws Exception {
        // Warm up, and size the batch so that the baseline's takes about half a millisecond.
        long start = System.nanoTime();
        int warm = 0;
        while (System.nanoTime() - start < 2_000_000_000L || warm < 20_000) {
            sink = sdk.call();
            sink = baseline.call();
            warm++;
        }
        start = System.nanoTime();
        for (int i = 0; i < 1_000; i++) {
            sink = baseline.call();
        }
        int batch = (int) Math.max(1, Math.min(100_000, 500_000L * 1_000 / Math.max(1, System.nanoTime() - start)));
        double[] ratios = new double[turns];
        double[] sdkNanos = new double[turns];
        double[] baseNanos = new double[turns];
        Callable<?>[] order = {sdk, baseline};
        for (int turn = 0; turn < turns; turn++) {
            long[] nanos = new long[2];
            for (int k = 0; k < 2; k++) {
                int c = (turn + k) % 2;
                long t = System.nanoTime();
                for (int i = 0; i < batch; i++) {
                    sink = order[c].call();
                }
                nanos[c] = System.nanoTime() - t;
            }
            ratios[turn] = nanos[0] / (double) nanos[1];
            sdkNanos[turn] = nanos[0] / (double) batch;
            baseNanos[turn] = nanos[1] / (double) batch;
        }
        Arrays.sort(ratios);
        Arrays.sort(sdkNanos);
        Arrays.sort(baseNanos);
        System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f | %.2f (%.2f – %.2f) |%n", name, sdkNanos[turns / 2],
                baseNanos[turns / 2], ratios[turns / 2], ratios[turns / 4], ratios[3 * turns / 4]);
    }
}
