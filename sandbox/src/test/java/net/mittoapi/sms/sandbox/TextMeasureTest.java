package net.mittoapi.sms.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextMeasureTest {

    @ParameterizedTest
    @CsvSource({"2, 1, 1", "280, 140, 1", "282, 141, 2", "536, 268, 2", "538, 269, 3"})
    void binaryTextsAreHexOctetsIn140Or134OctetParts(int hexDigits, int octets, int parts) {
        TextMeasure.Measure measure = TextMeasure.measure("aB".repeat(hexDigits / 2), "binary");

        assertThat(measure.valid()).isTrue();
        assertThat(measure.length()).isEqualTo(octets);
        assertThat(measure.parts()).isEqualTo(parts);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "abc", "0g", "12 34", "ä0"})
    void binaryTextsMustBeAnEvenNumberOfHexDigits(String text) {
        assertThat(TextMeasure.measure(text, "binary").valid()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Здравствуй|'З' U+0417, 'д' U+0434, 'р' U+0440, 'а' U+0430, 'в' U+0432, …",
        "smile 😀|'😀' U+1F600",
    })
    void gsmTextsWithOtherCharactersNameThem(String text, String named) {
        TextMeasure.Measure measure = TextMeasure.measure(text, "gsm");

        assertThat(measure.valid()).isFalse();
        assertThat(measure.invalid()).contains(named).contains("type \"auto\" or \"Unicode\"");
    }
}
