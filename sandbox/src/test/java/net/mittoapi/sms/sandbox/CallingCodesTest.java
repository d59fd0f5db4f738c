package net.mittoapi.sms.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CallingCodesTest {

    private final CallingCodes table = CallingCodes.table();

    @ParameterizedTest
    @CsvSource({
        "491725551234, DEU, 262",
        "41751231234, CHE, 228",
        "381641234567, SRB, 220",
        "12125550123, USA, 310",
        "14165550123, CAN, 302",
        "18765550123, JAM, 338",
        "79161234567, RUS, 250",
        "77011234567, KAZ, 401",
        "447700900123, GBR, 234",
        "441481123456, GGY, ",
        "358181234567, ALA, ",
        "358401234567, FIN, 244",
        "2626391234567, MYT, ",
        "262692123456, REU, ",
        "8613812345678, CHN, 460",
        "85291234567, HKG, 454",
        "6591234567, SGP, 525",
        "201001234567, EGY, 602",
        "27821234567, ZAF, 655",
        "61412345678, AUS, 505",
        "5511912345678, BRA, 724",
        "971501234567, ARE, 424",
    })
    void theLongestMatchingPrefixNamesTheCountry(String number, String country, String mcc) {
        assertThat(table.lookup(number)).hasValueSatisfying(found -> {
            assertThat(found.alpha3()).isEqualTo(country);
            assertThat(found.mcc()).isEqualTo(mcc);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"8001234567", "8821234567", "8701234567", "2101234567", "9991234567", "0491725551234"})
    void globalServicesAndSpareCodesHaveNoCountry(String number) {
        assertThat(table.lookup(number)).isEmpty();
    }

    @Test
    void everyCountryIsAnIso3166Alpha3CodeExceptKosovosUserAssignedOne() throws IOException {
        Set<String> iso = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);
        List<String> countries = new ArrayList<>();
        for (String line : lines()) {
            countries.add(line.split("\t")[1]);
        }

        assertThat(countries).filteredOn(country -> !country.equals("XKX")).allMatch(iso::contains);
        assertThat(table.size()).isEqualTo(countries.size()).isGreaterThan(250);
    }

    @Test
    void everyWorldZoneHasItsLargeCountries() {
        // One country per ITU world zone 1-9 and its first digit, so a dropped block of the table shows.
        List<String> samples = List.of("12025550123", "2348031234567", "33612345678", "4915112345678",
                "525512345678", "60123456789", "79031234567", "819012345678", "919812345678");
        assertThat(samples).allSatisfy(number -> assertThat(table.lookup(number)).isPresent());
    }

    private static List<String> lines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                CallingCodes.class.getResourceAsStream("calling-codes.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }
}
