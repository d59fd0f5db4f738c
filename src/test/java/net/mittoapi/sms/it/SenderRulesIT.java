package net.mittoapi.sms.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (String from : SENDERS) {
                boolean client = clientAccepts(from);
                boolean server = sandboxAccepts(http, sandbox, from);
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

    private static boolean sandboxAccepts(HttpClient http, MittoSandbox sandbox, String from)
            throws IOException, InterruptedException {
        String body = "{\"from\":\"" + from.replace("\"", "\\\"") + "\",\"to\":\"491725551234\",\"text\":\"Hi\"}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sms.json"))
                .header(MittoSandbox.API_KEY_HEADER, sandbox.apiKey()).header("Content-Type", "application/json")
                .timeout(Calls.AWAIT).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() == 200) {
            return true;
        }
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"responseCode\":6");
        return false;
    }
}
