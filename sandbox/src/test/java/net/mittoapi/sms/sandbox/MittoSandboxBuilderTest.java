package net.mittoapi.sms.sandbox;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import net.mittoapi.sms.MittoValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invalid settings fail in {@code start()}, before any port is opened, with a message naming the setting. */
class MittoSandboxBuilderTest {

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                invalid(b -> b.apiKey(""), "apiKey must be 1 to 256 visible ASCII characters"),
                invalid(b -> b.apiKey("has space"), "apiKey must be 1 to 256 visible ASCII characters"),
                invalid(b -> b.apiKey("x".repeat(257)), "apiKey must be 1 to 256"),
                invalid(b -> b.apiKey("schlüssel"), "visible ASCII"),
                invalid(b -> b.port(-1), "port must be between 0 and 65535 (0 for a free port), got -1"),
                invalid(b -> b.port(65536), "got 65536"),
                invalid(b -> b.bindAddress(null), "bindAddress must not be null"),
                invalid(b -> b.pricePerPart(null), "pricePerPart must be zero or positive, got null"),
                invalid(b -> b.pricePerPart(new BigDecimal("-0.01")), "pricePerPart must be zero or positive, got -0.01"),
                invalid(b -> b.pricePerPart("de", BigDecimal.ONE), "ISO 3166-1 alpha-3 code in upper case, such as DEU,"
                        + " got 'de'"),
                invalid(b -> b.pricePerPart("DEU", new BigDecimal("-1")), "pricePerPart for DEU must be zero or positive"),
                // A price the API could not serve: usage would answer 500, or a cost the client refuses.
                invalid(b -> b.pricePerPart(new BigDecimal("1e999999999")), "pricePerPart must be between 0 and"
                        + " 1000000 (MittoSandbox.MAX_PRICE_PER_PART) with at most 6 decimal places, as the API writes costs"
                        + " (\"68.400000\"), got 1E+999999999"),
                invalid(b -> b.pricePerPart(new BigDecimal("1e9999")), "got 1E+9999"),
                invalid(b -> b.pricePerPart(new BigDecimal("1000000.000001")), "got 1000000.000001"),
                invalid(b -> b.pricePerPart(new BigDecimal("0.0000001")), "with at most 6 decimal places, as the API writes costs (\"68.400000\"), got 1E-7"),
                invalid(b -> b.pricePerPart(new BigDecimal("1e-999999999")), "got 1E-999999999"),
                invalid(b -> b.pricePerPart(new BigDecimal("0." + "1".repeat(200))), "got 0.1111111111"),
                invalid(b -> b.pricePerPart("DEU", new BigDecimal("1e999999999")), "pricePerPart for DEU must be"
                        + " between 0 and 1000000"),
                invalid(b -> b.callbackMethod(null), "callbackMethod must be CallbackMethod.GET or CallbackMethod.POST"),
                invalid(b -> b.defaultCallback("www.example.com/dlr"), "defaultCallback must be an absolute http or https"
                        + " URL"),
                invalid(b -> b.defaultCallback("ftp://127.0.0.1/x"), "got 'ftp://127.0.0.1/x'"),
                invalid(b -> b.clock(null), "clock must not be null"),
                invalid(b -> b.threads(0), "threads must be between 1 and 1024, got 0"),
                invalid(b -> b.requestTimeout(null), "requestTimeout must be between 1 ms and 1 hour, got null"),
                invalid(b -> b.requestTimeout(java.time.Duration.ZERO), "requestTimeout must be between 1 ms and 1 hour"),
                invalid(b -> b.requestTimeout(java.time.Duration.ofHours(2)), "got PT2H"));
    }

    private static Arguments invalid(UnaryOperator<MittoSandbox.Builder> setting, String message) {
        return Arguments.of(setting, message);
    }

    @ParameterizedTest
    @MethodSource("invalidSettings")
    void invalidSettingsAreRejected(UnaryOperator<MittoSandbox.Builder> setting, String message) {
        assertThatThrownBy(() -> setting.apply(MittoSandbox.builder()).start())
                .isInstanceOf(MittoValidationException.class)
                .hasMessageContaining(message);
    }
}
