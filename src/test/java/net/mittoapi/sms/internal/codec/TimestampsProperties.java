package net.mittoapi.sms.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The timestamp reader against the JDK's two plain ISO parsers ({@link TimestampsTest#jdk}) on seeded random
 * texts: 4,000 for each of 12 fixed seeds, each failure naming its seed and its text.
 */
class TimestampsProperties {

    static LongStream seeds() {
        return LongStream.range(0, 12).map(i -> 0x5eed_0000L + i * 7919);
    }

    /**
     * Seeded random texts around the API's shape (every field at and beyond its bounds, fractions of 0 to 14
     * digits, offsets of every spelling), half of them then mutated by a character replaced, removed or added:
     * {@code parse} always agrees with the JDK's two parsers.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomTextsAreReadAsTheJdkReadsThem(long seed) {
        Random random = new Random(seed);
        int jdkRead = 0;
        int texts = 4_000;
        for (int i = 0; i < texts; i++) {
            String text = random.nextBoolean() ? mutate(timestamp(random), random) : timestamp(random);
            Instant expected = TimestampsTest.jdk(text);
            jdkRead += expected == null ? 0 : 1;
            assertThat(Timestamps.parse(text)).as("seed %d, text %s", seed, text).isEqualTo(expected);
        }
        // The generator must reach both sides: texts that are timestamps, and texts that are not.
        assertThat(jdkRead).as("seed %d: valid texts", seed).isGreaterThan(texts / 10);
        assertThat(texts - jdkRead).as("seed %d: invalid texts", seed).isGreaterThan(texts / 10);
    }

    private static String timestamp(Random r) {
        StringBuilder s = new StringBuilder(40);
        int year = r.nextInt(10) == 0 ? r.nextInt(10_000) : 1900 + r.nextInt(250);
        s.append(r.nextInt(40) == 0 ? String.valueOf(year) : pad(year, 4)).append('-');
        s.append(pad(r.nextInt(8) == 0 ? r.nextInt(14) : 1 + r.nextInt(12), 2)).append('-');
        int day = r.nextInt(4) == 0 ? 28 + r.nextInt(5) : r.nextInt(20) == 0 ? r.nextInt(33) : 1 + r.nextInt(28);
        s.append(pad(day, 2));
        s.append(r.nextInt(30) == 0 ? (r.nextBoolean() ? 't' : ' ') : 'T');
        s.append(pad(r.nextInt(12) == 0 ? 20 + r.nextInt(6) : r.nextInt(24), 2)).append(':');
        s.append(pad(r.nextInt(12) == 0 ? 55 + r.nextInt(6) : r.nextInt(60), 2));
        if (r.nextInt(20) != 0) {
            s.append(':').append(pad(r.nextInt(12) == 0 ? 55 + r.nextInt(7) : r.nextInt(60), 2));
            int fraction = r.nextInt(3) == 0 ? 0 : r.nextInt(16);
            if (fraction > 0 || r.nextInt(20) == 0) {
                s.append('.');
                for (int k = 0; k < fraction - 1; k++) {
                    s.append((char) ('0' + r.nextInt(10)));
                }
            }
        }
        switch (r.nextInt(12)) {
            case 0:
                break; // local: read as UTC
            case 1:
                s.append('z');
                break;
            case 2:
                s.append(r.nextBoolean() ? '+' : '-').append(pad(r.nextInt(20), 2)).append(pad(r.nextInt(61), 2));
                break;
            case 3:
                s.append(r.nextBoolean() ? '+' : '-').append(pad(r.nextInt(20), 2));
                break;
            case 4:
                s.append(r.nextBoolean() ? '+' : '-').append(pad(r.nextInt(19), 2)).append(':')
                        .append(pad(r.nextInt(60), 2)).append(':').append(pad(r.nextInt(61), 2));
                break;
            case 5:
            case 6:
            case 7:
                s.append(r.nextBoolean() ? '+' : '-').append(pad(r.nextInt(4) == 0 ? 17 + r.nextInt(3) : r.nextInt(15), 2))
                        .append(':').append(pad(r.nextInt(8) == 0 ? 55 + r.nextInt(7) : r.nextInt(4) * 15, 2));
                break;
            default:
                s.append('Z');
        }
        return s.toString();
    }

    private static String mutate(String text, Random r) {
        StringBuilder s = new StringBuilder(text);
        String alphabet = "0123456789-:T.Z+tz /\u0660１";
        int at = r.nextInt(s.length() + 1);
        switch (r.nextInt(3)) {
            case 0:
                if (at < s.length()) {
                    s.setCharAt(at, alphabet.charAt(r.nextInt(alphabet.length())));
                }
                break;
            case 1:
                if (at < s.length()) {
                    s.deleteCharAt(at);
                }
                break;
            default:
                s.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static String pad(int value, int width) {
        String digits = String.valueOf(value);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }
}
