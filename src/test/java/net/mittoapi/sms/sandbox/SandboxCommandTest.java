package net.mittoapi.sms.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SandboxCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h"})
    void helpIsRecognised(String option) {
        assertThat(SandboxCommand.parse(new String[] {option}).help()).isTrue();
        assertThat(SandboxCommand.USAGE).contains("--port N").contains("--api-key KEY").contains("--quiet");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--colour blue|unknown option '--colour'",
        "--port|--port needs a value",
        "--port eighty|--port must be a whole number, got 'eighty'",
        "--price-per-part cheap|--price-per-part must be a decimal number such as 0.06, got 'cheap'",
        "--price DEU|--price needs COUNTRY=DECIMAL",
        "--callback-method PUT|--callback-method must be GET or POST, got 'PUT'",
        "stray|unknown option 'stray'",
    })
    void badCommandLinesAreExplained(String line, String message) {
        assertThatThrownBy(() -> SandboxCommand.parse(line.split(" ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
