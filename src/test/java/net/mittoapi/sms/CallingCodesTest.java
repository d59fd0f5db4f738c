package net.mittoapi.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The calling-code table ({@code calling-codes.tsv}) against its sources: libphonenumber's metadata for which region
 * uses which code, the JDK's ISO 3166 data for the alpha-3 codes. When libphonenumber is upgraded and the table
 * differs, the failure prints the table's rows to paste.
 */
class CallingCodesTest {

    /** The regions ISO 3166-1 gives no alpha-3 code of their own, and the country the table bills them as. */
    private static final Map<String, String> EXCEPTIONS = Map.of("AC", "SHN", "TA", "SHN", "XK", "XKX");

    private final CallingCodes table = CallingCodes.table();

    @Test
    void everyRegionOfLibphonenumberIsInTheTableUnderItsCodeInItsOrder() {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        TreeSet<Integer> codes = new TreeSet<>(Comparator.comparing(String::valueOf));
        util.getSupportedRegions().forEach(region -> codes.add(util.getCountryCodeForRegion(region)));
        StringBuilder rows = new StringBuilder();
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (int code : codes) {
            for (String region : util.getRegionCodesForCountryCode(code)) {
                String alpha3 = EXCEPTIONS.containsKey(region) ? EXCEPTIONS.get(region)
                        : new Locale.Builder().setRegion(region).build().getISO3Country();
                rows.append(code).append('\t').append(region).append('\t').append(alpha3).append('\n');
                List<String> countries = expected.computeIfAbsent(Integer.toString(code), c -> new ArrayList<>());
                if (!countries.contains(alpha3)) {
                    countries.add(alpha3);
                }
                assertThat(table.alpha3(region)).as("region %s", region).isEqualTo(alpha3);
            }
        }
        Map<String, List<String>> actual = new LinkedHashMap<>();
        table.codes().forEach(code -> actual.put(code.digits(), code.countries()));

        assertThat(actual).as("the table's rows, from libphonenumber %s, would be:%n%s",
                        PhoneNumberUtil.class.getPackage().getImplementationVersion(), rows)
                .containsExactlyEntriesOf(expected);
        assertThat(util.getSupportedGlobalNetworkCallingCodes()).as("global services are of no country")
                .allSatisfy(code -> assertThat(table.code(Integer.toString(code))).isNull());
    }

    @Test
    void codesArePrefixFreeAndOfOneToThreeDigitsSoANumberHasAtMostOne() {
        Set<String> digits = new TreeSet<>();
        table.codes().forEach(code -> digits.add(code.digits()));

        assertThat(digits).hasSizeGreaterThan(200).allMatch(d -> d.matches("[1-9][0-9]{0,2}"));
        for (String code : digits) {
            for (String other : digits) {
                assertThat(other.equals(code) || !other.startsWith(code)).as("%s begins %s", code, other).isTrue();
            }
        }
    }

    @Test
    void theAlpha3CodesAreTheJdksButForThreeRegionsWithoutOne() {
        Set<String> jdk = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);
        table.codes().forEach(code -> assertThat(code.countries()).as("+%s", code.digits())
                .allMatch(country -> jdk.contains(country) || country.equals("XKX")));
        assertThat(table.alpha3("AC")).isEqualTo("SHN");
        assertThat(table.alpha3("TA")).isEqualTo("SHN");
        assertThat(table.alpha3("XK")).isEqualTo("XKX");
    }

    @Test
    void sharedCodesNameEveryCountryTheMainOneFirst() {
        assertThat(table.code("1").countries()).hasSize(25).startsWith("USA").contains("CAN", "JAM", "PRI", "BHS");
        assertThat(table.code("7").countries()).containsExactly("RUS", "KAZ");
        assertThat(table.code("44").countries()).containsExactly("GBR", "GGY", "IMN", "JEY");
        assertThat(table.code("47").countries()).containsExactly("NOR", "SJM");
        assertThat(table.code("61").countries()).containsExactly("AUS", "CCK", "CXR");
        assertThat(table.code("262").countries()).containsExactly("REU", "MYT");
        assertThat(table.code("590").countries()).containsExactly("GLP", "BLM", "MAF");
        assertThat(table.code("599").countries()).containsExactly("CUW", "BES");
        assertThat(table.code("290").countries()).as("Saint Helena and Tristan da Cunha are one ISO country")
                .containsExactly("SHN");
        assertThat(table.code("49").countries()).containsExactly("DEU");
    }

    @Test
    void aNumbersCodeIsTheOneItStartsWithOrNone() {
        assertThat(table.of("491725551234").digits()).isEqualTo("49");
        assertThat(table.of("14165550123").digits()).isEqualTo("1");
        assertThat(table.of("2250102030405").digits()).isEqualTo("225");
        assertThat(table.of("35818123456").countries()).containsExactly("FIN", "ALA");
        assertThat(table.of("99912345678")).as("+999 is spare").isNull();
        assertThat(table.of("88212345678")).as("+882 is a global service's").isNull();
        assertThat(table.of("3791234")).as("+379 is assigned to the Vatican, which uses +39").isNull();
    }
}
