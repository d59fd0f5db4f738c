package net.mittoapi.sms.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.mittoapi.sms.MittoValidationException;
import org.junit.jupiter.api.Test;

class FaultTest {

    @Test
    void eachFactoryMakesItsKindWithItsParameters() {
        assertThat(Fault.rateLimited(Duration.ofSeconds(2)).kind()).isEqualTo(Fault.Kind.RATE_LIMITED);
        assertThat(Fault.rateLimited(Duration.ofSeconds(2)).retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(Fault.serviceUnavailable().retryAfter()).isEmpty();
        assertThat(Fault.serviceUnavailable(Duration.ofSeconds(5)).retryAfter()).contains(Duration.ofSeconds(5));
        assertThat(Fault.internalError().kind()).isEqualTo(Fault.Kind.INTERNAL_ERROR);
        assertThat(Fault.delay(Duration.ofMillis(10)).delay()).contains(Duration.ofMillis(10));
        assertThat(Fault.delay(Duration.ofMillis(10)).retryAfter()).isEmpty();
        assertThat(Fault.dropConnection().kind()).isEqualTo(Fault.Kind.DROP_CONNECTION);
        assertThat(Fault.responseCode(9).responseCode()).hasValue(9);
        assertThat(Fault.internalError().responseCode()).isEmpty();
    }

    @Test
    void retryAfterHeaderSecondsAreRoundedUp() {
        assertThat(Fault.rateLimited(Duration.ofMillis(1)).retryAfterSeconds()).isEqualTo(1);
        assertThat(Fault.rateLimited(Duration.ofSeconds(4)).retryAfterSeconds()).isEqualTo(4);
        assertThat(Fault.rateLimited(Duration.ofMillis(4001)).retryAfterSeconds()).isEqualTo(5);
        assertThat(Fault.serviceUnavailable().retryAfterSeconds()).isEqualTo(-1);
        assertThat(Fault.delay(Duration.ofSeconds(1)).retryAfterSeconds()).isEqualTo(-1);
    }

    @Test
    void invalidParametersAreRejectedNamingThem() {
        assertThatThrownBy(() -> Fault.rateLimited(null)).isInstanceOf(MittoValidationException.class)
                .hasMessage("retryAfter must not be null");
        assertThatThrownBy(() -> Fault.rateLimited(Duration.ofSeconds(-1)))
                .hasMessageContaining("retryAfter must be between 0 and 10 minutes, got PT-1S");
        assertThatThrownBy(() -> Fault.serviceUnavailable(Duration.ofMinutes(11)))
                .hasMessageContaining("retryAfter must be between 0 and 10 minutes");
        assertThatThrownBy(() -> Fault.delay(Duration.ZERO))
                .hasMessageContaining("delay must be over 0 and at most 10 minutes, got PT0S");
        assertThatThrownBy(() -> Fault.responseCode(0)).isInstanceOf(MittoValidationException.class)
                .hasMessageContaining("0 means success");
    }

    @Test
    void aResponseCodeFaultAnswersWithTheChosenStatus() {
        assertThat(Fault.responseCode(4).httpStatus()).hasValue(400);
        assertThat(Fault.responseCode(4, 200).httpStatus()).hasValue(200);
        assertThat(Fault.responseCode(4, 200).responseCode()).hasValue(4);
        assertThat(Fault.responseCode(4, 200)).isEqualTo(Fault.responseCode(4, 200))
                .hasSameHashCodeAs(Fault.responseCode(4, 200)).isNotEqualTo(Fault.responseCode(4))
                .hasToString("Fault[200 responseCode 4]");
        assertThat(Fault.rateLimited(Duration.ZERO).httpStatus()).hasValue(429);
        assertThat(Fault.serviceUnavailable().httpStatus()).hasValue(503);
        assertThat(Fault.internalError().httpStatus()).hasValue(500);
        assertThat(Fault.delay(Duration.ofMillis(1)).httpStatus()).isEmpty();
        assertThat(Fault.dropConnection().httpStatus()).isEmpty();
        assertThatThrownBy(() -> Fault.responseCode(4, 199)).isInstanceOf(MittoValidationException.class)
                .hasMessageContaining("httpStatus must be between 200 and 599").hasMessageEndingWith("got 199");
        assertThatThrownBy(() -> Fault.responseCode(0, 200)).hasMessageContaining("0 means success");
    }

    @Test
    void faultsAreValues() {
        assertThat(Fault.rateLimited(Duration.ofSeconds(1))).isEqualTo(Fault.rateLimited(Duration.ofSeconds(1)))
                .hasSameHashCodeAs(Fault.rateLimited(Duration.ofSeconds(1)))
                .isNotEqualTo(Fault.rateLimited(Duration.ofSeconds(2)))
                .isNotEqualTo(Fault.serviceUnavailable(Duration.ofSeconds(1)));
        assertThat(Fault.responseCode(1)).isNotEqualTo(Fault.responseCode(9));
        assertThat(Fault.rateLimited(Duration.ofSeconds(3))).hasToString("Fault[429 Too Many Requests, Retry-After 3 s]");
        assertThat(Fault.serviceUnavailable()).hasToString("Fault[503 Service Unavailable]");
        assertThat(Fault.delay(Duration.ofMillis(250))).hasToString("Fault[delay 250 ms]");
        assertThat(Fault.dropConnection()).hasToString("Fault[drop connection]");
        assertThat(Fault.responseCode(9)).hasToString("Fault[400 responseCode 9]");
    }
}
