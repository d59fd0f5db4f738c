package net.mittoapi.sms.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Reads the timestamps of the API's answers: ISO-8601 with any number of fractional digits, an offset or
 * none (then UTC), exactly as {@link OffsetDateTime#parse(CharSequence)} and, failing that,
 * {@link LocalDateTime#parse(CharSequence)} read them; except that those stop at nine fractional digits, and
 * here a longer fraction is cut to its first nine: an {@link Instant} holds nanoseconds, so the digits beyond
 * are dropped (cut, not rounded, as {@code Instant.truncatedTo} would), where the JDK would refuse the whole
 * timestamp.
 *
 * <p><b>Why a reader by hand.</b> The JDK's parsers are general: each call builds a parse context, a field map
 * and a resolver, about 1.75 KB and 1.3 µs per timestamp, more than reading the rest of a {@code /sms} answer.
 * The API writes one shape only ({@code 2019-04-13T12:07:57.8625574Z}), so {@link #quick} reads the common
 * subset of the ISO shapes by hand, with no allocation but the result:
 * {@code yyyy-MM-ddTHH:mm:ss[.f+][Z|±hh:mm]} (any number of fractional digits, the first nine kept), four-digit
 * years, the calendar checked (month lengths, leap years), hours 0 to 23, seconds 0 to 59, offsets within
 * ±18:00. Whatever it does not recognize (a lower-case {@code t} or {@code z}, a missing second, a leap second,
 * a compact or seconds-bearing offset, a five-digit year, an impossible date) it leaves to the JDK's parsers,
 * given the text with its fraction cut to nine digits, so the set of texts accepted, and the instant each one
 * means, are the JDK's after that cut: a test compares both on a table of edge cases and on seeded random texts.
 *
 * <p>The epoch day is computed as {@link java.time.LocalDate#toEpochDay()} computes it (proleptic Gregorian
 * calendar, years 0 to 9999 here).
 */
final class Timestamps {

    private static final int SECONDS_PER_DAY = 86_400;
    private static final int MAX_OFFSET_SECONDS = 18 * 3600;
    /** Days from year 0 to 1970 in the proleptic Gregorian calendar, as {@code LocalDate} counts them. */
    private static final long DAYS_0000_TO_1970 = (146_097 * 5L) - (30L * 365L + 7L);

    private Timestamps() {
    }

    /**
     * @param text the timestamp, surrounding white space already stripped
     * @return the instant it names, or {@code null} when neither the quick reader nor the JDK can read it
     */
    static @Nullable Instant parse(String text) {
        Instant quick = quick(text);
        if (quick != null) {
            return quick;
        }
        String iso = toNanoseconds(text);
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /**
     * @param text a timestamp
     * @return the text with the digits after its first {@code .} cut to nine when there are more; else the text
     */
    static String toNanoseconds(String text) {
        int dot = text.indexOf('.');
        if (dot < 0) {
            return text;
        }
        int end = dot + 1;
        while (end < text.length() && isDigit(text.charAt(end))) {
            end++;
        }
        return end - dot - 1 <= 9 ? text : text.substring(0, dot + 10) + text.substring(end);
    }

    /**
     * The common shape only: {@code yyyy-MM-ddTHH:mm:ss[.f+][Z|±hh:mm]}, of a fraction the first nine digits.
     *
     * @param s the text
     * @return its instant, or {@code null} when the text is not in that shape or names no valid date or time
     *         (the JDK's parsers then decide)
     */
    static @Nullable Instant quick(String s) {
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1
                || day > monthLength(year, month) || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && isDigit(s.charAt(i))) {
                if (i - start < 9) {
                    nanos = nanos * 10 + (s.charAt(i) - '0');
                }
                i++;
            }
            int count = i - start;
            if (count == 0) {
                return null;
            }
            for (int k = count; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offset;
        if (i == n) {
            offset = 0; // no offset: UTC, as the SDK has always read a local date-time
        } else if (i == n - 1 && s.charAt(i) == 'Z') {
            offset = 0;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int hours = digits(s, i + 1, 2);
            int minutes = digits(s, i + 4, 2);
            if ((hours | minutes) < 0 || minutes > 59) {
                return null;
            }
            offset = hours * 3600 + minutes * 60;
            if (offset > MAX_OFFSET_SECONDS) {
                return null;
            }
            if (s.charAt(i) == '-') {
                offset = -offset;
            }
        } else {
            return null;
        }
        long seconds = epochDay(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second - offset;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** @return the value of {@code count} ASCII digits at {@code at}, or -1 when one is no digit */
    private static int digits(String s, int at, int count) {
        int value = 0;
        for (int k = at; k < at + count; k++) {
            char c = s.charAt(k);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isLeap(long year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static int monthLength(int year, int month) {
        switch (month) {
            case 2:
                return isLeap(year) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** {@code LocalDate.of(year, month, day).toEpochDay()}, for a valid date of a year from 0 to 9999. */
    private static long epochDay(int year, int month, int day) {
        long y = year;
        long total = 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        total += (367L * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!isLeap(year)) {
                total--;
            }
        }
        return total - DAYS_0000_TO_1970;
    }
}
