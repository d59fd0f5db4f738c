package net.mittoapi.sms.benchmarks;

import com.cloudhopper.commons.charset.Charset;
import com.cloudhopper.commons.charset.CharsetUtil;
import com.cloudhopper.commons.charset.GSMCharset;
import java.util.concurrent.TimeUnit;
import net.mittoapi.sms.segments.GsmAlphabet;
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
 *   <li>{@link #floorTableLookup}: a loop that reads every char and looks it up in a table of GSM-7 costs,
 *       the least any table-driven classifier can do (it tells neither encoding nor parts);</li>
 *   <li>{@link #cloudhopperRepresentAndEncode}: the usual way with an SMPP library — cloudhopper's
 *       {@code GSMCharset.canRepresent}, then encode in GSM (or UCS-2) and count parts from the bytes.</li>
 * </ul>
 * Run with {@code -prof gc} to see the bytes allocated per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 8, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class SegmentBenchmark {

    /**
     * The texts: ASCII GSM-7 of one part and of seven (held by the JDK as Latin-1 bytes), GSM-7 of seven
     * parts with extension characters and a euro sign (held as UTF-16), UCS-2 with emoji, plain or in
     * sequences (ZWJ, flags, skin tones).
     */
    @Param({"GSM_160", "GSM_1000_ASCII", "GSM_1000", "UCS2_EMOJI_1000", "UCS2_ZWJ_FLAGS_1000"})
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

    /** GSM-7 septets per char (0xFF outside the alphabet), for {@link #floorTableLookup}. */
    private static final char[] COSTS = new char[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            int septets = GsmAlphabet.septets(c);
            COSTS[c] = (char) (septets == 0 ? 0xFF : septets);
        }
    }

    @Benchmark
    public int floorTableLookup() {
        String s = text;
        int sum = 0;
        for (int i = 0; i < s.length(); i++) {
            sum += COSTS[s.charAt(i)];
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
