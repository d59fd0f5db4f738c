package net.mittoapi.sms.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a delivery attempt says of itself: the answer's status, or why there was none, said once. */
class DeliveryAttemptTest {

    private static final String URL = "http://127.0.0.1:9000/dlr?ID=abc&MCCMNC=26201";

    @Test
    void aDeliveredAttemptShowsTheStatus() {
        DeliveryAttempt attempt = new DeliveryAttempt("abc", CallbackMethod.GET, URL, null, 204, null, Instant.EPOCH);

        assertThat(attempt.toString()).isEqualTo("DeliveryAttempt[GET " + URL + " for abc -> HTTP 204]");
    }

    @Test
    void anAttemptWithoutAnAnswerSaysWhyOnce() {
        String error = "no answer: java.net.ConnectException: Connection refused";
        DeliveryAttempt attempt = new DeliveryAttempt("abc", CallbackMethod.GET, URL, null, -1, error, Instant.EPOCH);

        assertThat(attempt.toString()).isEqualTo("DeliveryAttempt[GET " + URL + " for abc -> " + error + "]");
    }

    @Test
    void anAttemptNeverMadeDoesNotClaimThereWasNoAnswer() {
        String error = "not delivered: the sandbox was closed";
        DeliveryAttempt attempt = new DeliveryAttempt("abc", CallbackMethod.POST, URL, "{}", -1, error, Instant.EPOCH);

        assertThat(attempt.toString()).isEqualTo("DeliveryAttempt[POST " + URL + " for abc -> " + error + "]")
                .doesNotContain("no answer");
    }
}
