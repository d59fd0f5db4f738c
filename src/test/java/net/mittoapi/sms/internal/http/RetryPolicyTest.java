package net.mittoapi.sms.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How long to wait, and when to give up. */
class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1));

    @Test
    void givesUpAfterMaxRetries() {
        assertThat(policy.delayBeforeRetry(3, null)).isNotNull();
        assertThat(policy.delayBeforeRetry(4, null)).isNull();
        assertThat(new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1)).delayBeforeRetry(1, Duration.ZERO))
                .isNull();
    }

    @Test
    void honoursRetryAfterUpToTheCap() {
        assertThat(policy.delayBeforeRetry(1, Duration.ofMillis(700))).isEqualTo(Duration.ofMillis(700));
        assertThat(policy.delayBeforeRetry(1, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayBeforeRetry(1, Duration.ofMillis(1001))).isNull();
    }

    @Test
    void backoffIsFullJitterUnderADoublingCeiling() {
        long[] max = new long[4];
        for (int i = 0; i < 2000; i++) {
            for (int attempt = 1; attempt <= 3; attempt++) {
                Duration d = policy.delayBeforeRetry(attempt, null);
                long ceiling = Math.min(1000, 100L << (attempt - 1));
                assertThat(d.toMillis()).isBetween(0L, ceiling);
                max[attempt] = Math.max(max[attempt], d.toMillis());
            }
        }
        assertThat(max[1]).as("spread over the whole range").isGreaterThan(50);
        assertThat(max[3]).isGreaterThan(200);
    }

    @Test
    void theCeilingNeverOverflows() {
        RetryPolicy many = new RetryPolicy(10, Duration.ofDays(1), Duration.ofDays(2));
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(many.delayBeforeRetry(attempt, null)).isBetween(Duration.ZERO, Duration.ofDays(2));
        }
    }
}
