package net.mittoapi.sms.sandbox;

import static net.mittoapi.sms.sandbox.RawHttp.post;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sandbox as the API's double: its own copy of the API's documented rules (../shared/mitto-api.md), over
 * raw HTTP so that no client rule is involved, and its answer to bodies a careless or hostile caller sends.
 */
class MittoSandboxRulesIT {

    private static MittoSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = MittoSandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void fresh() {
        sandbox.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e400", "-1e400", "1e9999999999", "1e-9999999999", "1.5e308", "123456789012345678901234567890"})
    void aNumberNoFieldCanHoldIsABadRequestAndTheRequestIsRecorded(String number) {
        String body = "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"Hi\",\"validity\":" + number + "}";

        RawHttp.Reply reply = post(sandbox, "/sms.json", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).startsWith("Malformed request: ");
        assertThat(sandbox.received()).singleElement().satisfies(request -> assertThat(request.bodyText()).isEqualTo(body));
        assertThat(sandbox.messages()).isEmpty();
    }
}
