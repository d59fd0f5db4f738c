package net.mittoapi.sms.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one WAIT syntax: {@code --fault}'s waits and {@code sandbox --request-timeout}. */
class WaitSpecTest {

    @ParameterizedTest
    @CsvSource({"1500ms, PT1.5S, 1500ms", "2s, PT2S, 2s", "2, PT2S, 2s", "1m, PT1M, 1m", "' 90s ', PT1M30S, 90s",
        "0, PT0S, 0s", "120000ms, PT2M, 2m"})
    void readsAndShowsWaits(String text, Duration wait, String shown) {
        assertThat(WaitSpec.parse(text)).isEqualTo(wait);
        assertThat(WaitSpec.show(wait)).isEqualTo(shown);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "2h", "-1s", "1.5s", "1234567890s", "2 s"})
    void refusesAnythingElseSayingWhatItTakes(String text) {
        assertThatThrownBy(() -> WaitSpec.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the wait must be a number with ms, s or m, such as 1500ms, 2s or 1m; got '" + text + "'");
    }
}
