package net.mittoapi.sms.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
    static Instant jdk(String text) {
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
}
