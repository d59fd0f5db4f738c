package net.mittoapi.sms.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "13", " 13", "6.00", "68.400000", "-1", "+2", "1E+3", "1e-64", "1e64",
            "1234567890123456789012345678901234567890"})
    void readsRealValuesExactly(String text) {
        assertThat(Numbers.decimal(text)).isEqualByComparingTo(new BigDecimal(text.strip()));
        assertThat(Numbers.decimal(text).scale()).isEqualTo(new BigDecimal(text.strip()).scale());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "1e-999999999", "1e2147483647", "1e-2147483648", "1e9999999999",
            "1e65", "1e-65"})
    void refusesScalesNoRealValueHas(String text) {
        assertThatThrownBy(() -> Numbers.decimal(text)).isInstanceOf(Numbers.OutOfBounds.class)
                .hasMessageNotContaining("null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "1.2.3", "0x10", "1e", "--1", "NaN", "Infinity", "1e+", "e5", "1e5E3",
            "1e99999999999x", "1.2.3e99999999999", "6,00", "EUR 6", "~rate~"})
    void refusesWhatIsNotANumber(String text) {
        assertThatThrownBy(() -> Numbers.decimal(text)).isInstanceOf(NumberFormatException.class)
                .isNotInstanceOf(Numbers.OutOfBounds.class)
                .hasMessage("not a number");
    }

    @org.junit.jupiter.api.Test
    void refusesAMillionDigitsWithoutParsingThem() {
        String million = "9".repeat(1_000_000);
        assertThatThrownBy(() -> Numbers.decimal(million)).isInstanceOf(Numbers.OutOfBounds.class)
                .hasMessageContaining("1000000 characters");
        assertThat(Numbers.decimal("9".repeat(Numbers.MAX_CHARS))).isNotNull();
    }
}
