package net.mittoapi.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one root of every failure the SDK throws. */
class MittoExceptionTest {

    @Test
    void everyFailureIsAMittoException() {
        assertThat(new MittoTransportException("reset", true, null)).isInstanceOf(MittoException.class);
        assertThat(new MittoAuthenticationException(null, null)).isInstanceOf(MittoApiException.class);
        assertThat(new MittoValidationException("bad")).isInstanceOf(MittoException.class);
    }
}
