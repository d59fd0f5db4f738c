package net.mittoapi.sms;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The API's answer to {@link MittoClient#usageByCountry(UsageRequest)}: one entry per destination country.
 * An answer in a shape the SDK does not recognize (no {@code usagesByCountry}, entries that are not
 * country usages) is a {@link MittoTransportException} naming what it got, never an empty list.
 *
 * @param usagesByCountry the usage per country, in the server's order; unmodifiable, empty when there was
 *                        none
 */
public record UsageResponse(List<CountryUsage> usagesByCountry) {

    /**
     * @param usagesByCountry the usage per country; copied, {@code null} read as empty
     */
    public UsageResponse(@Nullable List<CountryUsage> usagesByCountry) {
        this.usagesByCountry = usagesByCountry == null ? List.of() : List.copyOf(usagesByCountry);
    }
}
