package net.mittoapi.sms;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Usage in one destination country over the requested period. The API sends the counts and costs as
 * strings; they are read exactly, never through {@code double}.
 *
 * @param country       the ISO 3166-1 alpha-3 code, such as {@code "DEU"}; {@code null} when the answer's entry
 *                      named none (it had a count or a cost, so it is kept)
 * @param messagesCount the number of messages sent there
 * @param cost          what they cost, with the scale the API sent (such as {@code 68.400000}); compare with
 *                      {@link BigDecimal#compareTo(BigDecimal)}, not {@code equals}
 */
public record CountryUsage(@Nullable String country, long messagesCount, BigDecimal cost) {
}
