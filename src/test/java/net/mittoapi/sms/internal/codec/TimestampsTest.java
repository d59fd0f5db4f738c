package net.mittoapi.sms.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The timestamp reader (one {@code java.time} formatter, after a fraction longer than nine digits is cut) against
 * the JDK's two plain ISO parsers: the same texts accepted, the same instant for each. The reference is
 * {@link OffsetDateTime#parse}, and failing that {@link LocalDateTime#parse} read as UTC; but of a fraction
 * longer than the JDK's nine digits, only the first nine (an {@link Instant} holds nanoseconds), so that any
 * number of fractional digits is read.
 */
class TimestampsTest {

    /** A fraction longer than nine digits, its first nine in group 1. */
    private static final Pattern LONG_FRACTION = Pattern.compile("\\.(\\d{9})\\d+");

    /** The reference: the JDK's reading of the text with its fraction cut to nine digits; {@code null} when none. */
    private static Instant jdk(String text) {
        return jdkAsIs(LONG_FRACTION.matcher(text).replaceFirst(".$1"));
    }

    private static Instant jdkAsIs(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** The API's shape and its near relatives: read, and as the JDK reads them. */
    @ParameterizedTest
    @ValueSource(strings = {
        "2019-04-13T12:07:57.8625574Z", "2019-04-13T12:07:57Z", "2019-04-13T12:07:57", "2019-04-13T12:07:57.1Z",
        "2019-04-13T12:07:57.123456789Z", "2019-04-13T12:07:57.000000001Z", "2019-04-13T19:51:06.3091182+02:00",
        "2019-04-13T09:51:06.3091182-08:00", "2019-04-13T12:07:57+18:00", "2019-04-13T12:07:57-18:00",
        "2019-04-13T12:07:57-00:00", "2019-04-13T12:07:57+05:45", "2019-04-13T12:07:57.8625574",
        "2020-02-29T00:00:00Z", "2000-02-29T23:59:59.999999999Z", "2019-12-31T23:59:59Z", "2019-01-01T00:00:00Z",
        "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "0000-01-01T00:00:00Z", "0001-03-01T00:00:00+01:00",
        "1600-02-29T12:00:00Z", "9999-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59-18:00",
        "0000-01-01T00:00:00+18:00", "2019-04-30T12:00:00Z", "2019-06-30T12:00:00Z", "2019-09-30T12:00:00Z",
        "2019-11-30T12:00:00Z", "2019-01-31T12:00:00Z", "2019-03-31T12:00:00Z", "2019-05-31T12:00:00Z",
        "2019-07-31T12:00:00Z", "2019-08-31T12:00:00Z", "2019-10-31T12:00:00Z", "2019-12-31T12:00:00Z",
        "2019-04-13T12:07:57.1234567890Z", "2019-04-13T12:07:57.0000000000000000001Z",
        "2019-04-13T19:51:06.30911829999+02:00", "2019-04-13T12:07:57.86255740000000"})
    void theApisShapeIsReadAsTheJdkReadsIt(String text) {
        assertThat(jdk(text)).as("the JDK reads %s", text).isNotNull();
        assertThat(Timestamps.parse(text)).as(text).isEqualTo(jdk(text));
    }

    /** Other spellings, valid or not: {@code parse} gives the JDK's answer, an instant or none. */
    @ParameterizedTest
    @ValueSource(strings = {
        // valid ISO in rarer spellings
        "2019-04-13t12:07:57z", "2019-04-13T12:07:57z", "2019-04-13t12:07:57Z", "2019-04-13T12:07Z",
        "2019-04-13T12:07", "2019-04-13T12:07:57+0200", "2019-04-13T12:07:57+02", "2019-04-13T12:07:57+02:00:30",
        "+10000-01-01T00:00:00Z", "2019-04-13T12:07:57.Z", "2019-04-13T12:07:57.",
        // impossible dates and times
        "2019-02-29T00:00:00Z", "2100-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2019-04-31T00:00:00Z",
        "2019-06-31T00:00:00Z", "2019-13-01T00:00:00Z", "2019-00-10T00:00:00Z", "2019-04-00T00:00:00Z",
        "2019-04-32T00:00:00Z", "2019-04-13T24:00:00Z", "2019-04-13T12:60:00Z", "2019-12-31T23:59:60Z",
        "2019-04-13T12:07:57+18:01", "2019-04-13T12:07:57+19:00", "2019-04-13T12:07:57+02:60",
        "2019-04-13T12:07:57-18:30",
        // not ISO-8601 at all, or not only
        "2019-04-13t12:07:57.1234567890z", "2019-04-13T12:07:57.1234567890+0200", "2019-04-13T12:07:57.1234567890 ",
        "2019-04-13T12:07:57.12345678901.2Z", "2019-04-13 12:07:57Z", "2019-4-13T12:07:57Z", "2019-04-13T2:07:57Z",
        "19-04-13T12:07:57Z", "２０１９-04-13T12:07:57Z", "2019-04-13T12:07:57Z ", " 2019-04-13T12:07:57Z",
        "2019-04-13T12:07:57+02:00[Europe/Berlin]", "2019-04-13T12:07:57ZZ", "2019-04-13T12:07:57+02:0",
        "2019-04-13T12:07:57+2:00", "2019-04-13T12:07:57GMT", "2019-04-13T12:07:57UTC", "2019-04-13T12:07:5",
        "2019-04-13T12:07:57.+02:00", "2019-04-13", "13.04.2019 17:51", "yesterday", "", "-2019-04-13T12:07:57Z",
        "2019/04/13T12:07:57Z", "2019-04-13T12-07-57Z", "2019-04-13T12:07:57.12a4Z", "2019-04-13T12:07:57-",
        "2019-04-13T12:07:57+", "2019-04-13T12:07:57++02:00"})
    void everythingElseIsReadAsTheJdkReadsIt(String text) {
        assertThat(Timestamps.parse(text)).as(text).isEqualTo(jdk(text));
    }

    /** Beyond nanoseconds, the digits are dropped: cut, not rounded, however many there are. */
    @ParameterizedTest
    @CsvSource({
        "2019-04-13T12:07:57.1234567890Z, 2019-04-13T12:07:57.123456789Z",
        "2019-04-13T12:07:57.9999999999Z, 2019-04-13T12:07:57.999999999Z",
        "2019-04-13T12:07:57.12345678901234567890+02:00, 2019-04-13T10:07:57.123456789Z",
        "2019-04-13T12:07:57.00000000099, 2019-04-13T12:07:57Z",
        "2019-04-13t12:07:57.1234567891z, 2019-04-13T12:07:57.123456789Z",
        "2019-04-13T12:07:57.1234567891-05:30, 2019-04-13T17:37:57.123456789Z"})
    void moreThanNineFractionalDigitsAreCutToNanoseconds(String text, Instant expected) {
        assertThat(Timestamps.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 100, 100_000})
    void aFractionOfAnyLengthIsRead(int digits) {
        String text = "2019-04-13T12:07:57." + "7".repeat(digits) + "Z";

        assertThat(Timestamps.parse(text)).isEqualTo(Instant.parse("2019-04-13T12:07:57.777777777Z"));
    }

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
            Instant expected = jdk(text);
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
