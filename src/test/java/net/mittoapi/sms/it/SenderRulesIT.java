package net.mittoapi.sms.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.mittoapi.sms.MittoValidationException;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.sandbox.MittoSandbox;
import org.junit.jupiter.api.Test;

/**
 * The client's sender check ({@code SmsRequest.Builder.build()}) and the sandbox's (responseCode 6) must agree:
 * otherwise a sender passes the SDK and is refused by the sandbox, or the SDK refuses a sender the sandbox (the
 * stand-in for the API) takes. The sandbox is asked over raw HTTP, so that its verdict does not depend on the
 * client.
 */
class SenderRulesIT {

    private static final List<String> SENDERS = List.of(
            "MITTO SMS", "Mitto-SMS", "A.B_C&D'E", "491725551234", "AB", "ABCDEFGHIJKL",
            "A+B Shop", "Sale!", "12.34", "MITTO  SMS", " MITTO");

    @Test
    void theClientAndTheSandboxAgreeOnWhichSendersAreValid() throws Exception {
        List<String> disagreements = new ArrayList<>();
        try (MittoSandbox sandbox = MittoSandbox.start()) {
            for (String from : SENDERS) {
                boolean client = clientAccepts(from);
                boolean server = sandboxAccepts(sandbox, from);
                if (client != server) {
                    disagreements.add("'" + from + "': client " + (client ? "accepts" : "refuses") + ", sandbox "
                            + (server ? "accepts" : "refuses"));
                }
            }
        }
        assertThat(disagreements).isEmpty();
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
