package net.mittoapi.sms.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
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
 * fraction to nine digits before the formatter reads the text; everything else (the calendar, the offsets, case,
 * the bounds of every field) is the formatter's.
 */
final class Timestamps {

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
        try {
            TemporalAccessor parsed = ISO.parseBest(toNanoseconds(text), OffsetDateTime::from, LocalDateTime::from);
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
