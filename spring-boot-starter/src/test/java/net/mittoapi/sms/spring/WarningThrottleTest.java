package net.mittoapi.sms.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The rate of a warning anyone can provoke, on a ticker the test moves (no sleeping). */
class WarningThrottleTest {

    private final AtomicLong nanos = new AtomicLong(-5_000_000_000L);
    private final WarningThrottle throttle = new WarningThrottle(Duration.ofMinutes(1), nanos::get);

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void theFirstGoesThroughThenAtMostOneAMinuteSayingHowManyWereHeldBack() {
        assertThat(throttle.admit()).isZero();
        for (int i = 0; i < 1_000; i++) {
            assertThat(throttle.admit()).isEqualTo(-1);
        }
        advance(Duration.ofSeconds(59));
        assertThat(throttle.admit()).isEqualTo(-1);
        advance(Duration.ofSeconds(1));
        assertThat(throttle.admit()).as("a minute after the last one").isEqualTo(1_001);
        assertThat(throttle.admit()).isEqualTo(-1);
        advance(Duration.ofHours(3));
        assertThat(throttle.admit()).isEqualTo(1);
        advance(Duration.ofMinutes(1));
        assertThat(throttle.admit()).as("none held back since").isZero();
    }

    @Test
    void aTickerThatWrapsAroundStillCountsForward() {
        nanos.set(Long.MAX_VALUE - 1_000);
        assertThat(throttle.admit()).isZero();
        advance(Duration.ofSeconds(30));
        assertThat(throttle.admit()).isEqualTo(-1);
        advance(Duration.ofSeconds(30));
        assertThat(throttle.admit()).isEqualTo(1);
    }

    @Test
    void theIntervalMustBePositive() {
        assertThatThrownBy(() -> new WarningThrottle(Duration.ZERO, nanos::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval must be positive");
    }
}
