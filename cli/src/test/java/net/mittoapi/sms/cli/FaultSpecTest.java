package net.mittoapi.sms.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import net.mittoapi.sms.sandbox.Fault;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FaultSpecTest {

    static Stream<Arguments> spellings() {
        return Stream.of(
                Arguments.of("rate-limited", Fault.rateLimited(Duration.ofSeconds(1)), 1),
                Arguments.of("rate-limited:2s", Fault.rateLimited(Duration.ofSeconds(2)), 1),
                Arguments.of("rate-limited:2s*3", Fault.rateLimited(Duration.ofSeconds(2)), 3),
                Arguments.of("Rate-Limited:1500ms", Fault.rateLimited(Duration.ofMillis(1500)), 1),
                Arguments.of("rate-limited:0", Fault.rateLimited(Duration.ZERO), 1),
                Arguments.of("service-unavailable", Fault.serviceUnavailable(), 1),
                Arguments.of("service-unavailable:7*2", Fault.serviceUnavailable(Duration.ofSeconds(7)), 2),
                Arguments.of("internal-error*5", Fault.internalError(), 5),
                Arguments.of("response-code:6", Fault.responseCode(6), 1),
                Arguments.of("response-code:9*1000000", Fault.responseCode(9), 1_000_000),
                Arguments.of("delay:3s", Fault.delay(Duration.ofSeconds(3)), 1),
                Arguments.of("delay:1m", Fault.delay(Duration.ofMinutes(1)), 1),
                Arguments.of(" drop-connection*2 ", Fault.dropConnection(), 2));
    }

    @ParameterizedTest
    @MethodSource("spellings")
    void eachDocumentedSpellingIsTheFaultItNames(String text, Fault fault, int times) {
        FaultSpec spec = FaultSpec.parse(text);

        assertThat(spec.fault()).isEqualTo(fault);
        assertThat(spec.times()).isEqualTo(times);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "teapot|unknown fault 'teapot'",
        "rate-limited:soon|the wait must be a number with ms, s or m",
        "rate-limited:2h|the wait must be a number with ms, s or m",
        "rate-limited:11m|retryAfter must be between 0 and 10 minutes",
        "delay|delay needs a wait, such as delay:3s",
        "delay:0s|delay must be over 0 and at most 10 minutes",
        "response-code|response-code needs a number",
        "response-code:0|responseCode must be a positive error code",
        "internal-error:5|internal-error takes no value",
        "drop-connection:1|drop-connection takes no value",
        "internal-error*0|the count after * must be 1 to 1,000,000, got 0",
        "internal-error*1000001|the count after * must be 1 to 1,000,000",
        "internal-error*99999999999|the count after * must be 1 to 1,000,000",
        "*3|is not KIND[:VALUE][*COUNT]",
    })
    void wrongSpellingsAreExplained(String text, String message) {
        assertThatThrownBy(() -> FaultSpec.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rate-limited:2s*3|3 × Fault[429 Too Many Requests, Retry-After 2 s]",
        "drop-connection|1 × Fault[drop connection]"})
    void itPrintsAsTheSandboxDescribesTheFault(String text, String shown) {
        assertThat(FaultSpec.parse(text)).hasToString(shown);
    }
}
