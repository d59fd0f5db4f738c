package net.mittoapi.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A 429 with the server's wait, however long. */
class MittoRateLimitExceptionTest {

    @Test
    void carriesTheServersWait() {
        MittoRateLimitException e = new MittoRateLimitException(null, "", Duration.ofSeconds(2));
        assertThat(e.httpStatus()).isEqualTo(429);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(new MittoRateLimitException(null, null, null).retryAfter()).isEmpty();
        assertThat(e).hasMessageEndingWith("it asked to retry after 2000 ms");
    }

    @Test
    void takesAnyWaitEvenOneTooLongForMilliseconds() {
        MittoRateLimitException e = new MittoRateLimitException(null, null, Duration.ofSeconds(Long.MAX_VALUE));
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(Long.MAX_VALUE));
        assertThat(e).hasMessageEndingWith("it asked to retry after " + Long.MAX_VALUE + " s");
    }
}
