package net.mittoapi.sms.it;

import net.mittoapi.sms.Format;
import net.mittoapi.sms.MittoApiException;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.SmsRequest;

/**
 * The program {@link ClassLoadingIT} runs in a fresh JVM: builds a client for the format named by its third
 * argument against the server and key named by the first two, then sends as an application does: one
 * {@code send} that the server refuses (an answer with a non-zero {@code responseCode}), one {@code send} and
 * one {@code sendAsync}.
 * Prints one line per call; exits non-zero when a call does not end as expected.
 */
public final class ClassLoadingClient {

    private ClassLoadingClient() {
    }

    /**
     * @param args the server's base URL, the API key, and {@code JSON} or {@code XML}
     */
    public static void main(String[] args) {
        SmsRequest request = SmsRequest.builder().from("MITTO SMS").to("491725551234").text("Hello, World!").build();
        try (MittoClient client = MittoClient.builder().apiKey(args[1]).baseUrl(args[0])
                .format(Format.valueOf(args[2])).maxRetries(0).build()) {
            try {
                client.send(request);
                System.out.println("refused: no, it was answered");
                System.exit(3);
            } catch (MittoApiException e) {
                System.out.println("refused responseCode=" + e.responseCode());
            }
            System.out.println("sent to=" + client.send(request).to());
            System.out.println("async to=" + client.sendAsync(request).join().to());
        }
    }
}
