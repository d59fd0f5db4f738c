package net.mittoapi.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the server said, kept whole; a long body or text shortened in the message only. */
class MittoApiExceptionTest {

    @Test
    void keepsWhatTheServerSaid() {
        MittoApiException e = new MittoApiException(400, 3, "Empty message", "{\"responseCode\":3}");
        assertThat(e).hasMessage("Mitto API answered HTTP 400, responseCode 3: Empty message");
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.responseCode()).isEqualTo(3);
        assertThat(e.responseText()).isEqualTo("Empty message");
        assertThat(e.body()).isEqualTo("{\"responseCode\":3}");
    }

    @Test
    void truncatesALongBody() {
        String body = "x".repeat(MittoApiException.MAX_BODY_CHARS + 100);
        MittoApiException e = new MittoApiException(500, -1, null, body);
        assertThat(e.body()).startsWith("x".repeat(MittoApiException.MAX_BODY_CHARS)).endsWith("…[truncated]");
        assertThat(e.getMessage()).hasSizeLessThan(300);
    }

    @Test
    void shortensALongResponseTextInItsMessageButKeepsItWhole() {
        String text = "y".repeat(10_000);
        MittoApiException e = new MittoApiException(400, 1, text, null);
        assertThat(e.getMessage()).startsWith("Mitto API answered HTTP 400, responseCode 1: yyy").endsWith("…[truncated]")
                .hasSizeLessThan(300);
        assertThat(e.responseText()).isEqualTo(text);
    }
}
