package net.mittoapi.sms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import net.mittoapi.sms.segments.Encoding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ShowTest {

    @Test
    void quotesEscapeQuotesBackslashesAndEverythingInvisible() {
        assertThat(Show.quote("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
        assertThat(Show.quote("a\\b")).isEqualTo("\"a\\\\b\"");
        assertThat(Show.quote("one\ntwo\r\tthree")).isEqualTo("\"one\\ntwo\\r\\tthree\"");
        assertThat(Show.quote("zero\u200Bwidth, soft\u00ADhyphen, bom\uFEFF, nbsp\u00A0, bell\u0007"))
                .isEqualTo("\"zero\\u200Bwidth, soft\\u00ADhyphen, bom\\uFEFF, nbsp\\u00A0, bell\\u0007\"");
        assertThat(Show.quote("€ ç 👍🏽 Привет")).isEqualTo("\"€ ç 👍🏽 Привет\"");
    }

    @Test
    void charactersAreShownThemselvesUnlessInvisible() {
        assertThat(Show.character('€')).isEqualTo("'€'");
        assertThat(Show.character(0x1F44D)).isEqualTo("'👍'");
        assertThat(Show.character(0x200B)).isEqualTo("'\\u200B'");
        assertThat(Show.character('\n')).isEqualTo("'\\n'");
        assertThat(Show.codePoint(0x20AC)).isEqualTo("U+20AC EURO SIGN");
        assertThat(Show.codePoint(0x1F44D)).isEqualTo("U+1F44D THUMBS UP SIGN");
    }

    @ParameterizedTest
    @CsvSource({"0,0 parts", "1,1 part", "2,2 parts", "153,153 parts"})
    void countsAgreeWithTheirNoun(long count, String shown) {
        assertThat(Show.count(count, "part", "parts")).isEqualTo(shown);
    }

    @Test
    void unitsAreNamedForTheEncoding() {
        assertThat(Show.units(1, Encoding.GSM_7)).isEqualTo("1 septet");
        assertThat(Show.units(160, Encoding.GSM_7)).isEqualTo("160 septets");
        assertThat(Show.units(1, Encoding.UCS_2)).isEqualTo("1 UTF-16 unit");
        assertThat(Show.units(70, Encoding.UCS_2)).isEqualTo("70 UTF-16 units");
    }

    @Test
    void shellQuotingSurvivesSingleQuotes() {
        assertThat(Show.shell("MITTO SMS")).isEqualTo("'MITTO SMS'");
        assertThat(Show.shell("it's")).isEqualTo("'it'\\''s'");
    }
}
