package net.mittoapi.sms.benchmarks;

import com.cloudhopper.commons.charset.Charset;
import com.cloudhopper.commons.charset.CharsetUtil;
import com.cloudhopper.commons.charset.GSMCharset;
import java.util.concurrent.TimeUnit;
import net.mittoapi.sms.segments.GsmAlphabet;
import net.mittoapi.sms.segments.GsmNormalizer;
import net.mittoapi.sms.segments.SegmentCalculator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
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
 * The segment calculator and the normalizer against baselines measured in the same run, on every script:
 * <ul>
 *   <li>{@link #floorReadEveryChar}: a loop that only reads every char, the least a counter that reads
 *       the text can do;</li>
 *   <li>{@link #floorTableLookup}: a loop that reads every char and looks it up in a table of GSM-7 costs,
 *       the least any table-driven classifier can do (it tells neither encoding nor parts);</li>
 *   <li>{@link #cloudhopperRepresentAndEncode}: the usual way with an SMPP library — cloudhopper's
 *       {@code GSMCharset.canRepresent}, then encode in GSM (or UCS-2) and count parts from the bytes.</li>
 * </ul>
 * {@link #normalize}, {@link #transliterate} and {@link #explain} are read against the floor too: on a text that
 * needs no change, {@code normalize} reads every char once (one table lookup each) and returns the text
 * itself, so its ratio to {@link #floorReadEveryChar} is what the lookup costs.
 * The texts are a {@link #script} repeated to {@link #length} UTF-16 units ({@link Texts}). A ratio is only
 * read against the floor on the same text: the JDK holds ASCII text as Latin-1 bytes and any other as
 * UTF-16, and the floor costs differ between the two.
 *
 * <p>The method, against the run-to-run spread (docs/PERFORMANCE.md explains each): the floors read the
 * text's length into a local, as the calculator's loops do, so that C2 makes all of them counted loops
 * whatever {@code String.charAt}'s profile says; every benchmark method is compiled on its own
 * ({@code DONT_INLINE}), not inside JMH's measurement loop, where it would be compiled on stack replacement,
 * deoptimised when the first iteration ends and compiled again, the version measured depending on when the
 * compiler got a core; warm-up lasts until C2 has compiled everything; five forks, whose spread is part of
 * the error JMH reports. Run with {@code -prof gc} to see the bytes allocated per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 5, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class SegmentBenchmark {

    /**
     * The script: ASCII GSM-7 (held by the JDK as Latin-1 bytes); GSM-7 with extension characters and a
     * euro sign (held as UTF-16); Cyrillic; Cyrillic with plain emoji, or with ZWJ families, flags, skin
     * tones and a red heart; Vietnamese with decomposed accents (combining marks); Korean (Hangul
     * syllables); one grapheme cluster as long as the text (a letter and its combining accents). Also,
     * with {@code -p script=...}: {@code TYPOGRAPHIC}, the GSM sentence with curly quotes, dashes and an
     * ellipsis, and {@code LATIN}, Polish, Czech and Romanian with letters GSM-7 lacks (texts the normalizer
     * changes).
     */
    @Param({"GSM_ASCII", "GSM_EXTENSION", "CYRILLIC", "EMOJI", "ZWJ_FLAGS", "COMBINING", "HANGUL", "ONE_CLUSTER"})
    public String script;

    /** The text's length in UTF-16 units: 160 is one GSM-7 part; 1,000 to 1,000,000 show the scaling. */
    @Param({"1000"})
    public int length;

    private String text;
    private static final Charset CLOUDHOPPER_GSM = CharsetUtil.CHARSET_GSM;
    private static final Charset CLOUDHOPPER_UCS2 = CharsetUtil.CHARSET_UCS_2;

    @Setup
    public void setUp() {
        text = Texts.of(script, length);
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public int floorReadEveryChar() {
        String s = text;
        int sum = 0;
        for (int i = 0, n = s.length(); i < n; i++) { // n hoisted, as in the calculator: see the class comment
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
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public int floorTableLookup() {
        String s = text;
        int sum = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            sum += COSTS[s.charAt(i)];
        }
        return sum;
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public int segmentCount() {
        return SegmentCalculator.segmentCount(text);
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public int calculate() {
        return SegmentCalculator.calculate(text).segmentCount();
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public int calculateWithSegments() {
        return SegmentCalculator.calculate(text).segments().size();
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public int cloudhopperRepresentAndEncode() {
        if (GSMCharset.canRepresent(text)) {
            int septets = CLOUDHOPPER_GSM.encode(text).length;
            return septets <= 160 ? 1 : (septets + 152) / 153;
        }
        int units = CLOUDHOPPER_UCS2.encode(text).length / 2;
        return units <= 70 ? 1 : (units + 66) / 67;
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public String normalize() {
        return GsmNormalizer.normalize(text);
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public String transliterate() {
        return GsmNormalizer.transliterate(text);
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public int explain() {
        return GsmNormalizer.explain(text, false).replacements().size();
    }
}
