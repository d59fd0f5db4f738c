/**
 * The offline GSM-7 / UCS-2 segment calculator: which encoding a text needs, how many parts it costs,
 * and where it will be split. Start with {@link net.mittoapi.sms.segments.SegmentCalculator}.
 *
 * <p>Nullness is declared with JSpecify: this package is {@code @NullMarked}, so a parameter, return value,
 * record component or type argument may be {@code null} only where it is annotated {@code @Nullable}.
 */
@NullMarked
package net.mittoapi.sms.segments;

import org.jspecify.annotations.NullMarked;
