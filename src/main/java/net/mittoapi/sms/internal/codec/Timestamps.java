package net.mittoapi.sms.internal.codec;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads the timestamps of the API's answers with {@code java.time}: ISO-8601 as
 * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} reads it or, without an offset, as
 * {@link DateTimeFormatter#ISO_LOCAL_DATE_TIME} reads it, taken as UTC. The API writes seven fractional digits
 * ({@code 2019-04-13T12:07:57.8625574Z}); any number is accepted, and beyond nine (an {@link Instant} holds
 * nanoseconds) the digits are cut, not rounded.
 *
 * <p><b>Why one step by hand.</b> {@code java.time} reads at most nine fractional digits
 * ({@link DateTimeFormatterBuilder#appendFraction} takes a width of 0 to 9) and has no element that skips
 * digits, so a longer fraction would fail the whole timestamp. {@link #toNanoseconds} therefore cuts the
 * fraction to nine digits before a formatter reads the text; everything else (the calendar, the offsets, case,
 * the bounds of every field) is the formatters'.
 *
 * <p><b>Why two formatters.</b> A {@code DateTimeFormatter} copies its whole parse state (a map of the fields
 * read so far) at each optional section it enters, and reading every ISO shape takes three (seconds, fraction,
 * offset): about 2.2 KB per timestamp, more than the rest of a {@code /sms} answer costs to read. {@link #API}
 * reads the shape the API writes ({@code yyyy-MM-ddTHH:mm:ss}, a fraction of 0 to 9 digits, an offset or
 * {@code Z}) with no optional section, for about 1 KB; a text it refuses goes to {@link #ISO}. {@code API}
 * accepts a subset of what {@code ISO} accepts, read the same way: {@code TimestampsTest} compares the result
 * with the JDK's own two ISO parsers on a table of edge cases, {@code TimestampsProperties} on seeded random texts.
 */
final class Timestamps {

    /**
     * The API's shape: four-digit year, every field of the time, an optional fraction (the element itself is
     * optional, with no section around it), an offset as {@code ISO_OFFSET_DATE_TIME} reads it strictly.
     */
    private static final DateTimeFormatter API = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendValue(ChronoField.YEAR, 4)
            .appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2)
            .appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .appendOffsetId()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    /**
     * {@code ISO_LOCAL_DATE_TIME}, then an optional offset read as {@code ISO_OFFSET_DATE_TIME} reads it
     * (leniently: {@code +02}, {@code +0200}, {@code +02:00:30}); strict, ISO chronology, case-insensitive, as
     * both ISO formatters are.
     */
    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart()
            .parseLenient()
            .appendOffsetId()
            .parseStrict()
            .optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    private Timestamps() {
    }

    /**
     * @param text the timestamp, surrounding white space already stripped
     * @return the instant it names, or {@code null} when it is no ISO-8601 date-time
     */
    static @Nullable Instant parse(String text) {
        String iso = toNanoseconds(text);
        try {
            return API.parse(iso, Instant::from);
        } catch (DateTimeParseException e) {
            // not the API's own shape: ISO decides
        }
        try {
            TemporalAccessor parsed = ISO.parseBest(iso, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime offset ? offset.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
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
        while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
            end++;
        }
        return end - dot - 1 <= 9 ? text : text.substring(0, dot + 10) + text.substring(end);
    }
}
