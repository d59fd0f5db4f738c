package net.mittoapi.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.mittoapi.sms.CostPreview.Destination;
import net.mittoapi.sms.segments.Encoding;
import org.junit.jupiter.api.Test;

/** {@link CostPreview}: parts by destination, priced by a caller's list and by a usage answer. */
class CostPreviewTest {

    /** 161 GSM-7 septets: 2 parts. */
    private static final String TWO_PARTS = "x".repeat(159) + "€";

    /**
     * Several countries (DE, FR), two shared codes (+1: a US and a Canadian number; +7: a Kazakh and a Russian
     * number), a duplicate (the first German number twice) and a number of no country (+999 is spare).
     */
    private static final List<String> MIXED = List.of("491725551234", "33612345678", "12025550123", "491765410994",
            "77012345678", "+491725551234", "14165550123", "79161234567", "99912345678");

    private static BulkSmsRequest mixed() {
        return BulkSmsRequest.builder().from("MITTO SMS").to(MIXED).text(TWO_PARTS).build();
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void aMixedListIsGroupedByCallingCodeInOrderOfFirstAppearanceWithSharedCodesNamingEveryCountry() {
        CostPreview preview = CostPreview.of(mixed());

        assertThat(preview.encoding()).isEqualTo(Encoding.GSM_7);
        assertThat(preview.partsPerMessage()).isEqualTo(2);
        assertThat(preview.recipients()).isEqualTo(9);
        assertThat(preview.parts()).isEqualTo(18);
        assertThat(preview.destinations()).extracting(Destination::callingCode)
                .containsExactly("49", "33", "1", "7", "");
        Destination germany = preview.destinations().get(0);
        assertThat(germany.countries()).containsExactly("DEU");
        assertThat(germany.numbers()).as("the duplicate counts: it is sent to twice")
                .containsExactly("491725551234", "491765410994", "491725551234");
        assertThat(germany.parts()).isEqualTo(6);
        assertThat(germany.shared()).isFalse();
        Destination nanp = preview.destinations().get(2);
        assertThat(nanp.shared()).isTrue();
        assertThat(nanp.countries()).hasSize(25).startsWith("USA").contains("CAN");
        assertThat(nanp.numbers()).containsExactly("12025550123", "14165550123");
        Destination seven = preview.destinations().get(3);
        assertThat(seven.countries()).containsExactly("RUS", "KAZ");
        assertThat(seven.parts()).isEqualTo(4);
        Destination unknown = preview.destinations().get(4);
        assertThat(unknown.countries()).isEmpty();
        assertThat(unknown.numbers()).containsExactly("99912345678");
        assertThat(unknown.parts()).isEqualTo(2);
        assertThat(preview.destinations()).allSatisfy(d -> assertThat(d.pricePerPart()).isEmpty());
        assertThat(preview.cost()).isEmpty();
        assertThat(preview.pricedCost()).isEqualByComparingTo("0");
        assertThat(preview.unpriced()).hasSize(5);
    }

    @Test
    void pricedByTheCallersListEveryDestinationButTheUnknownHasACost() {
        PriceList prices = PriceList.of(Map.of("de", d("0.075"), "FRA", d("0.081"), "+1", d("0.0085"),
                "RU", d("0.05"), "KAZ", d("0.050")));

        CostPreview preview = CostPreview.of(mixed(), prices);

        assertThat(preview.destinations()).extracting(Destination::pricePerPart).containsExactly(
                Optional.of(d("0.075")), Optional.of(d("0.081")), Optional.of(d("0.0085")),
                Optional.of(d("0.05")), Optional.empty());
        assertThat(preview.destinations()).extracting(Destination::cost).containsExactly(
                Optional.of(d("0.450")), Optional.of(d("0.162")), Optional.of(d("0.0340")),
                Optional.of(d("0.20")), Optional.empty());
        assertThat(preview.pricedCost()).isEqualTo(d("0.8460"));
        assertThat(preview.cost()).as("a number of no country has no price").isEmpty();
        assertThat(preview.unpriced()).extracting(Destination::numbers).containsExactly(List.of("99912345678"));

        List<String> known = MIXED.subList(0, MIXED.size() - 1);
        CostPreview all = CostPreview.of(TWO_PARTS, null, known, prices);
        assertThat(all.cost()).contains(d("0.8460"));
        assertThat(all.unpriced()).isEmpty();
    }

    @Test
    void aSharedCodeIsPricedOnlyByItsOwnPriceOrWhenAllItsCountriesCostTheSame() {
        List<String> to = List.of("77012345678", "79161234567", "12025550123");

        CostPreview differ = CostPreview.of(TWO_PARTS, null, to,
                PriceList.of(Map.of("RUS", d("0.05"), "KAZ", d("0.07"), "USA", d("0.01"), "CAN", d("0.01"))));
        assertThat(differ.destinations()).as("+7: RUS and KAZ differ; +1: 23 of its countries unpriced")
                .allSatisfy(d -> assertThat(d.pricePerPart()).isEmpty());

        CostPreview byCode = CostPreview.of(TWO_PARTS, null, to,
                PriceList.of(Map.of("RUS", d("0.05"), "KAZ", d("0.07"), "+7", d("0.06"), "+1", d("0.01"))));
        assertThat(byCode.destinations()).extracting(Destination::cost)
                .containsExactly(Optional.of(d("0.24")), Optional.of(d("0.02")));
        assertThat(byCode.cost()).contains(d("0.26"));
    }

    @Test
    void pricedByAUsageAnswerTheAccountsOwnAverages() {
        UsageResponse usage = new UsageResponse(Arrays.asList(
                new CountryUsage("DEU", 1140, d("68.400000")),
                new CountryUsage("FRA", 3, d("0.2430")),
                new CountryUsage("RUS", 100, d("5.00")),
                new CountryUsage("KAZ", 100, d("7.00")),
                new CountryUsage("USA", 200, d("1.70")),
                new CountryUsage(null, 5, d("1.00")),
                new CountryUsage("ITA", 0, d("0"))));
        PriceList averages = PriceList.fromUsage(usage);
        assertThat(averages.prices()).containsExactly(Map.entry("DEU", d("0.060000")), Map.entry("FRA", d("0.0810")),
                Map.entry("KAZ", d("0.07")), Map.entry("RUS", d("0.05")), Map.entry("USA", d("0.0085")));

        CostPreview preview = CostPreview.of(mixed(), averages);

        assertThat(preview.destinations()).extracting(Destination::cost).containsExactly(
                Optional.of(d("0.360000")), Optional.of(d("0.1620")), Optional.empty(), Optional.empty(),
                Optional.empty());
        assertThat(preview.pricedCost()).isEqualTo(d("0.522000"));
        assertThat(preview.unpriced()).extracting(Destination::callingCode).containsExactly("1", "7", "");

        CostPreview completed = CostPreview.of(mixed(), averages.with(PriceList.of(Map.of("+1", d("0.0085"),
                "+7", d("0.07")))));
        assertThat(completed.destinations()).extracting(Destination::cost).containsExactly(
                Optional.of(d("0.360000")), Optional.of(d("0.1620")), Optional.of(d("0.0340")),
                Optional.of(d("0.28")), Optional.empty());
        assertThat(completed.pricedCost()).isEqualTo(d("0.836000"));
    }

    @Test
    void aSingleMessageIsOneDestination() {
        SmsRequest request = SmsRequest.builder().from("MITTO SMS").to("+447700900123").text("Привет").build();

        CostPreview preview = CostPreview.of(request, PriceList.of(Map.of("+44", d("0.04"))));

        assertThat(preview.encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(preview.destinations()).singleElement().satisfies(d -> {
            assertThat(d.callingCode()).isEqualTo("44");
            assertThat(d.countries()).containsExactly("GBR", "GGY", "IMN", "JEY");
            assertThat(d.numbers()).containsExactly("447700900123");
        });
        assertThat(preview.cost()).contains(d("0.04"));
    }

    @Test
    void partsAreCountedInTheEncodingTheMessageGoesOutInAsMaxPartsCountsThem() {
        List<String> to = List.of("491725551234");

        assertThat(CostPreview.of("x".repeat(160), MessageType.UNICODE, to, PriceList.none()).partsPerMessage())
                .isEqualTo(3);
        CostPreview binary = CostPreview.of("ab".repeat(269), MessageType.BINARY, to, PriceList.none());
        assertThat(binary.encoding()).isNull();
        assertThat(binary.partsPerMessage()).as("269 octets, 134 a part").isEqualTo(3);
        assertThat(CostPreview.of("ab".repeat(268), MessageType.BINARY, to, PriceList.none()).partsPerMessage())
                .isEqualTo(2);
        assertThatThrownBy(() -> CostPreview.of("Łódź", MessageType.GSM, to, PriceList.none()))
                .isInstanceOf(MittoValidationException.class)
                .hasMessageStartingWith("text cannot be counted as type GSM: 'Ł' (U+0141) is not in the GSM 7-bit");
        assertThatThrownBy(() -> CostPreview.of("xyz", MessageType.BINARY, to, PriceList.none()))
                .isInstanceOf(MittoValidationException.class)
                .hasMessageStartingWith("text of a binary message must be whole octets of hex digits");
    }

    @Test
    void badInputIsRefusedAsTheBuildersRefuseIt() {
        assertThatThrownBy(() -> CostPreview.of("Hi", null, List.of("49 172"), PriceList.none()))
                .isInstanceOf(MittoValidationException.class).hasMessageStartingWith("to[0] must be an E.164 number");
        assertThatThrownBy(() -> CostPreview.of("", null, List.of("491725551234"), PriceList.none()))
                .isInstanceOf(MittoValidationException.class).hasMessageStartingWith("text must");
        assertThatThrownBy(() -> CostPreview.of("Hi", null, List.of("491725551234"), null))
                .isInstanceOf(MittoValidationException.class).hasMessageContaining("PriceList.none()");
        assertThatThrownBy(() -> CostPreview.of((SmsRequest) null))
                .isInstanceOf(MittoValidationException.class).hasMessageStartingWith("request must not be null");
    }
}
