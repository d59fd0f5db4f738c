package net.mittoapi.sms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.mittoapi.sms.MittoApiException;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.MittoValidationException;
import net.mittoapi.sms.ResponseCode;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.sandbox.MittoSandbox;
import org.junit.jupiter.api.Test;

/**
 * The client's sender check ({@code SmsRequest.Builder.build()}) and the sandbox's (responseCode 6) are two
 * different rules on purpose: the client refuses only what no network can carry (a blank sender, more than 11
 * GSM-7 septets or a character outside GSM-7, a number of more than 15 digits), the sandbox applies the API's
 * own lengths (alphanumeric 3 to 11 characters, numeric 3 to 14 digits), written on its own from mitto-api.md.
 * So a sender may build in the client and still be refused by the sandbox, as the API would refuse it: this
 * test pins where they agree and where they differ. The sandbox is asked over raw HTTP, so that its verdict
 * does not depend on the client.
 */
class SenderRulesIT {

    /** A sender, whether the client builds it, and whether the sandbox (the API's double) accepts it. */
    private record Verdict(String from, boolean client, boolean sandbox) {
    }

    private static final List<Verdict> SENDERS = List.of(
            new Verdict("MITTO SMS", true, true),
            new Verdict("Mitto-SMS", true, true),
            new Verdict("A.B_C&D'E", true, true),
            new Verdict("491725551234", true, true),
            new Verdict("+491725551234", true, true),
            new Verdict("Dr.Müller", true, true),
            new Verdict("Shop@Home", true, true),
            new Verdict("A&B (CH)", true, true),
            new Verdict("BANK*", true, true),
            new Verdict("MITTO  SMS", true, true),
            new Verdict(" MITTO", true, true),
            // the client lets these through; the API's lengths refuse them (responseCode 6)
            new Verdict("AB", true, false),
            new Verdict("12", true, false),
            new Verdict("123456789012345", true, false),
            // neither: longer than an SMS can carry as a sender
            new Verdict("ABCDEFGHIJKL", false, false),
            new Verdict("1234567890123456", false, false));

    @Test
    void theClientRefusesOnlyWhatNoNetworkCarriesAndTheSandboxAppliesTheApisLengths() throws Exception {
        List<String> wrong = new ArrayList<>();
        try (MittoSandbox sandbox = MittoSandbox.start()) {
            for (Verdict verdict : SENDERS) {
                boolean client = clientAccepts(verdict.from());
                boolean server = sandboxAccepts(sandbox, verdict.from());
                if (client != verdict.client() || server != verdict.sandbox()) {
                    wrong.add("'" + verdict.from() + "': client " + (client ? "accepts" : "refuses") + ", sandbox "
                            + (server ? "accepts" : "refuses") + "; expected " + verdict);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aTwoCharacterSenderBuildsInTheClientAndIsRefusedByTheSandboxWithCode6() {
        SmsRequest request = SmsRequest.builder().from("AB").to("491725551234").text("Hi").build();
        try (MittoSandbox sandbox = MittoSandbox.start();
                MittoClient client = MittoClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl()).build()) {
            MittoApiException e = catchThrowableOfType(MittoApiException.class, () -> client.send(request));

            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.responseCode()).isEqualTo(6);
            assertThat(e.code()).isEqualTo(ResponseCode.INVALID_SENDER);
            assertThat(e.responseText()).contains("'AB' has 2");
            assertThat(sandbox.received()).singleElement()
                    .satisfies(received -> assertThat(received.field("from")).contains("AB"));
            assertThat(sandbox.messages()).isEmpty();
        }
    }

    private static boolean clientAccepts(String from) {
        try {
            SmsRequest.builder().from(from).to("491725551234").text("Hi").build();
            return true;
        } catch (MittoValidationException e) {
            return false;
        }
    }

    private static boolean sandboxAccepts(MittoSandbox sandbox, String from) throws IOException {
        String body = "{\"from\":\"" + from.replace("\"", "\\\"") + "\",\"to\":\"491725551234\",\"text\":\"Hi\"}";
        PlainHttp.Answer response = PlainHttp.post(sandbox, "/sms.json", body);
        if (response.status() == 200) {
            return true;
        }
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"responseCode\":6");
        return false;
    }
}
