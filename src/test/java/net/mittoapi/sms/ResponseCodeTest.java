package net.mittoapi.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The documented codes 0 to 9, and what happens to the others. */
class ResponseCodeTest {

    @ParameterizedTest
    @CsvSource({"0, SMS_SENT", "1, INTERNAL_ERROR", "2, INVALID_TYPE", "3, EMPTY_MESSAGE", "4, INVALID_TEXT",
        "5, EMPTY_SENDER", "6, INVALID_SENDER", "7, EMPTY_RECEIVER", "8, INVALID_RECEIVER", "9, CHARSET_ERROR"})
    void documentedCodesMapBothWays(int value, ResponseCode code) {
        assertThat(ResponseCode.of(value)).isEqualTo(code);
        assertThat(code.value()).isEqualTo(value);
        assertThat(code.description()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 10, 42, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void otherCodesAreUnknownButKeptOnTheException(int value) {
        assertThat(ResponseCode.of(value)).isEqualTo(ResponseCode.UNKNOWN);
        MittoApiException e = new MittoApiException(400, value, null, null);
        assertThat(e.code()).isEqualTo(ResponseCode.UNKNOWN);
        assertThat(e.responseCode()).isEqualTo(value);
    }
}
