package net.mittoapi.sms.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import net.mittoapi.sms.MittoApiException;
import net.mittoapi.sms.MittoTransportException;
import org.junit.jupiter.api.Test;

/** The soak's reckoning: how {@link FaultSoak} judges one call from the server's log and the call's outcome. */
class FaultSoakTest {

    @Test
    void theReckoningCatchesAResendAfterProcessingAndAClaimTheServerContradicts() {
        MittoTransportException unknown = new MittoTransportException("cut", true, new IOException("reset"));
        MittoTransportException notSent = new MittoTransportException("refused", false, null);

        assertThat(FaultSoak.Verdict.of(List.of(SoakFault.RATE_LIMITED, SoakFault.OK), null))
                .satisfies(v -> assertThat(v.duplicate).isFalse()).satisfies(v -> assertThat(v.consistent).isTrue());
        assertThat(FaultSoak.Verdict.of(List.of(SoakFault.RESET_AFTER_READ, SoakFault.OK), null))
                .as("resent after a processed request").satisfies(v -> assertThat(v.duplicate).isTrue());
        assertThat(FaultSoak.Verdict.of(List.of(SoakFault.INTERNAL_ERROR, SoakFault.RATE_LIMITED), unknown))
                .as("resent after a 500").satisfies(v -> assertThat(v.duplicate).isTrue());
        assertThat(FaultSoak.Verdict.of(List.of(SoakFault.TRUNCATED), notSent))
                .as("'nothing sent' about a processed request").satisfies(v -> assertThat(v.consistent).isFalse());
        assertThat(FaultSoak.Verdict.of(List.of(SoakFault.TRUNCATED), unknown))
                .satisfies(v -> assertThat(v.consistent).isTrue());
        assertThat(FaultSoak.Verdict.of(List.of(SoakFault.UNREADABLE), null))
                .as("a success the server never gave").satisfies(v -> assertThat(v.consistent).isFalse());
        assertThat(FaultSoak.Verdict.of(List.of(SoakFault.OK), new MittoApiException(503, -1, null, null)))
                .satisfies(v -> assertThat(v.consistent).isFalse());
        assertThat(FaultSoak.Verdict.of(List.of(SoakFault.UNAUTHORIZED, SoakFault.OK), null))
                .as("a 401 retried").satisfies(v -> assertThat(v.wrongRetries).isTrue());
        assertThat(FaultSoak.Verdict.of(List.of(SoakFault.UNAVAILABLE), new MittoApiException(503, -1, null, null)))
                .as("a 503 not retried with retries left").satisfies(v -> assertThat(v.wrongRetries).isTrue());
        assertThat(FaultSoak.Verdict.of(List.of(SoakFault.UNAVAILABLE, SoakFault.RATE_LIMITED, SoakFault.UNAVAILABLE),
                new MittoApiException(503, -1, null, null))).satisfies(v -> assertThat(v.wrongRetries).isFalse());
        assertThat(FaultSoak.Verdict.of(List.of(), new IllegalStateException("boom")))
                .satisfies(v -> assertThat(v.kind).startsWith("NOT A MittoException"));
    }
}
