package net.mittoapi.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MittoExceptionTest {

    @Test
    void apiExceptionKeepsWhatTheServerSaid() {
        MittoApiException e = new MittoApiException(400, 3, "Empty message", "{\"responseCode\":3}");
        assertThat(e).hasMessage("Mitto API answered HTTP 400, responseCode 3: Empty message");
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.responseCode()).isEqualTo(3);
        assertThat(e.responseText()).isEqualTo("Empty message");
        assertThat(e.body()).isEqualTo("{\"responseCode\":3}");
    }

    @Test
    void apiExceptionTruncatesALongBody() {
        String body = "x".repeat(MittoApiException.MAX_BODY_CHARS + 100);
        MittoApiException e = new MittoApiException(500, -1, null, body);
        assertThat(e.body()).startsWith("x".repeat(MittoApiException.MAX_BODY_CHARS)).endsWith("…[truncated]");
        assertThat(e.getMessage()).hasSizeLessThan(300);
    }

    @Test
    void apiExceptionShortensALongResponseTextInItsMessageButKeepsItWhole() {
        String text = "y".repeat(10_000);
        MittoApiException e = new MittoApiException(400, 1, text, null);
        assertThat(e.getMessage()).startsWith("Mitto API answered HTTP 400, responseCode 1: yyy").endsWith("…[truncated]")
                .hasSizeLessThan(300);
        assertThat(e.responseText()).isEqualTo(text);
    }

    @Test
    void rateLimitCarriesRetryAfter() {
        MittoRateLimitException e = new MittoRateLimitException(null, "", Duration.ofSeconds(2));
        assertThat(e.httpStatus()).isEqualTo(429);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(new MittoRateLimitException(null, null, null).retryAfter()).isEmpty();
        assertThat(e).hasMessageEndingWith("it asked to retry after 2000 ms");
    }

    @Test
    void rateLimitTakesAnyWaitEvenOneTooLongForMilliseconds() {
        MittoRateLimitException e = new MittoRateLimitException(null, null, Duration.ofSeconds(Long.MAX_VALUE));
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(Long.MAX_VALUE));
        assertThat(e).hasMessageEndingWith("it asked to retry after " + Long.MAX_VALUE + " s");
    }

    @Test
    void everyFailureIsAMittoException() {
        assertThat(new MittoTransportException("reset", true, null)).isInstanceOf(MittoException.class);
        assertThat(new MittoAuthenticationException(null, null)).isInstanceOf(MittoApiException.class);
        assertThat(new MittoValidationException("bad")).isInstanceOf(MittoException.class);
    }
}
