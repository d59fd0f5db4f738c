package net.mittoapi.sms.benchmarks;

import com.cloudhopper.commons.charset.Charset;
import com.cloudhopper.commons.charset.CharsetUtil;
import com.cloudhopper.commons.charset.GSMCharset;
import java.util.concurrent.TimeUnit;
import net.mittoapi.sms.segments.SegmentCalculator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The segment calculator against two baselines measured in the same run:
 * <ul>
 *   <li>{@link #floorReadEveryChar}: a loop that only reads every char, the least any counter can do;</li>
 *   <li>{@link #cloudhopperRepresentAndEncode}: the usual way with an SMPP library — cloudhopper's
 *       {@code GSMCharset.canRepresent}, then encode in GSM (or UCS-2) and count parts from the bytes.</li>
 * </ul>
 * Run with {@code -prof gc} to see the bytes allocated per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class SegmentBenchmark {

    /** The texts: plain GSM of one part and of seven parts; UCS-2 with emoji, plain or in sequences. */
    @Param({"GSM_160", "GSM_1000", "UCS2_EMOJI_1000", "UCS2_ZWJ_FLAGS_1000"})
    public String input;

    private String text;
    private static final Charset CLOUDHOPPER_GSM = CharsetUtil.CHARSET_GSM;
    private static final Charset CLOUDHOPPER_UCS2 = CharsetUtil.CHARSET_UCS_2;

    @Setup
    public void setUp() {
        text = Texts.of(input);
    }

    @Benchmark
    public int floorReadEveryChar() {
        String s = text;
        int sum = 0;
        for (int i = 0; i < s.length(); i++) {
            sum += s.charAt(i);
        }
        return sum;
    }

    @Benchmark
    public int segmentCount() {
        return SegmentCalculator.segmentCount(text);
    }

    @Benchmark
    public int calculate() {
        return SegmentCalculator.calculate(text).segmentCount();
    }

    @Benchmark
    public int calculateWithSegments() {
        return SegmentCalculator.calculate(text).segments().size();
    }

    @Benchmark
    public int cloudhopperRepresentAndEncode() {
        if (GSMCharset.canRepresent(text)) {
            int septets = CLOUDHOPPER_GSM.encode(text).length;
            return septets <= 160 ? 1 : (septets + 152) / 153;
        }
        int units = CLOUDHOPPER_UCS2.encode(text).length / 2;
        return units <= 70 ? 1 : (units + 66) / 67;
    }
}
