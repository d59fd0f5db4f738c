package net.mittoapi.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link PriceList}: keys as countries or calling codes, prices exact, averages from usage. */
class PriceListTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @ParameterizedTest
    @CsvSource({"DE, DEU", "de, DEU", "DEU, DEU", "deu, DEU", "AQ, ATA", "XK, XKX", "XKX, XKX", "AC, SHN", "+1, +1",
        "+49, +49"})
    void keysAreKeptAsAlpha3OrACallingCode(String given, String kept) {
        PriceList prices = PriceList.of(Map.of(given, d("0.10")));

        assertThat(prices.prices()).containsOnlyKeys(kept);
        assertThat(prices.pricePerPart(given)).contains(d("0.10"));
        assertThat(prices.pricePerPart(kept)).contains(d("0.10"));
    }

    @ParameterizedTest
    @CsvSource({"D", "ZZ", "ZZZ", "GERMANY", "+999", "+", "49", "D1"})
    void otherKeysAreRefusedWithWhatIsExpected(String given) {
        assertThatThrownBy(() -> PriceList.of(Map.of(given, d("0.10"))))
                .isInstanceOf(MittoValidationException.class)
                .hasMessageContaining("got '" + given + "'");
    }

    @Test
    void aNegativeOrMissingPriceAndTwoNamesOfOneCountryAreRefused() {
        assertThatThrownBy(() -> PriceList.of(Map.of("DE", d("-0.01"))))
                .isInstanceOf(MittoValidationException.class)
                .hasMessage("the price of DE must be zero or more, per SMS part; got -0.01");
        Map<String, BigDecimal> missing = new HashMap<>();
        missing.put("DE", null);
        assertThatThrownBy(() -> PriceList.of(missing)).isInstanceOf(MittoValidationException.class);
        assertThatThrownBy(() -> PriceList.of(Map.of("DE", d("0.07"), "DEU", d("0.07"))))
                .isInstanceOf(MittoValidationException.class)
                .hasMessageEndingWith("both name DEU: give it one price");
    }

    @Test
    void pricesAreKeptExactlyAndSortedCallingCodesFirst() {
        PriceList prices = PriceList.of(Map.of("FR", d("0.0810"), "+1", d("0.0085"), "DE", d("0.075")));

        assertThat(prices.prices()).containsExactly(Map.entry("+1", d("0.0085")), Map.entry("DEU", d("0.075")),
                Map.entry("FRA", d("0.0810")));
        assertThat(prices).hasToString("PriceList{+1=0.0085, DEU=0.075, FRA=0.0810}");
        assertThat(prices.pricePerPart("IT")).isEmpty();
    }

    @Test
    void withAddsTheOthersPricesWhichWin() {
        PriceList mine = PriceList.of(Map.of("DE", d("0.07"), "+1", d("0.0085")));
        PriceList theirs = PriceList.of(Map.of("DE", d("0.06"), "FR", d("0.08")));

        assertThat(mine.with(theirs).prices()).containsExactly(Map.entry("+1", d("0.0085")),
                Map.entry("DEU", d("0.06")), Map.entry("FRA", d("0.08")));
        assertThat(PriceList.none().isEmpty()).isTrue();
        assertThat(PriceList.none().with(mine)).isEqualTo(mine);
    }

    @Test
    void fromUsageIsCostOverMessagesPerCountryExactWhenItEndsElseTo16Digits() {
        PriceList averages = PriceList.fromUsage(new UsageResponse(List.of(
                new CountryUsage("DEU", 1140, d("68.400000")),
                new CountryUsage("ita", 3, d("1.00")),
                new CountryUsage("FRA", 2, d("0.16")),
                new CountryUsage("FRA", 2, d("0.20")),
                new CountryUsage("ESP", 0, d("0")),
                new CountryUsage("POL", 10, d("-1.00")))));

        assertThat(averages.prices()).containsExactly(Map.entry("DEU", d("0.060000")),
                Map.entry("FRA", d("0.09")), Map.entry("ITA", d("0.3333333333333333")));
    }
}
