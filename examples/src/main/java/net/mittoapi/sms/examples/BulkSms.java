package net.mittoapi.sms.examples;

import net.mittoapi.sms.BulkMessage;
import net.mittoapi.sms.BulkSmsRequest;
import net.mittoapi.sms.BulkSmsResponse;

/**
 * Mitto's use case "Send Bulk SMS" (docs/mitto-api.md): one call, one message (and one id) per recipient, duplicates
 * included.
 */
public final class BulkSms {

    public static void main(String[] args) throws Exception {
        Examples.runAlone(BulkSms::run);
    }

    static void run() {
        BulkSmsRequest request = BulkSmsRequest.builder()
                .from("Mitto SMS")
                .to("491765410994", "491765410995", "491765410996", "491765410994")
                .text("Hello, World 123!")
                .test(Examples.testMode())
                .build();
        long repeated = request.to().size() - request.to().stream().distinct().count();
        System.out.printf("  -> %s to %s%s%n", Examples.quote(request.text()),
                Examples.count(request.to().size(), "recipient", "recipients"),
                repeated == 0 ? "" : " (" + Examples.count(repeated, "number is", "numbers are")
                        + " listed twice, and gets an SMS each time)");
        BulkSmsResponse response = Examples.client().sendBulk(request);
        System.out.printf("  <- responseCode %d %s, %s%n", response.responseCode(),
                Examples.quote(response.responseText()), Examples.count(response.messages().size(), "message", "messages"));
        for (BulkMessage message : response.messages()) {
            System.out.printf("     %s -> id %s, textLength %d%n", message.to(), message.id(), message.textLength());
        }
    }
}
