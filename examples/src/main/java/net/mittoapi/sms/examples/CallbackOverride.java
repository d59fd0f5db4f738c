package net.mittoapi.sms.examples;

import net.mittoapi.sms.BulkMessage;
import net.mittoapi.sms.BulkSmsRequest;
import net.mittoapi.sms.BulkSmsResponse;

/**
 * Mitto's use case "Replace Callback URL in API Call" (docs/mitto-api.md): delivery reports for this call go to the
 * given URL instead of the account's. (The sandbox calls only loopback URLs, so nothing reaches example.com.)
 */
public final class CallbackOverride {

    public static void main(String[] args) throws Exception {
        Examples.runAlone(CallbackOverride::run);
    }

    static void run() {
        BulkSmsRequest request = BulkSmsRequest.builder()
                .from("Mitto SMS")
                .to("491765410994", "491765410995", "491765410996")
                .text("Your appointment was scheduled.")
                .callback("https://www.example.com")
                .test(Examples.testMode())
                .build();
        BulkSmsResponse response = Examples.client().sendBulk(request);
        System.out.printf("  -> %s, reports to %s%n", Examples.count(request.to().size(), "recipient", "recipients"),
                request.callback().orElseThrow());
        System.out.printf("  <- responseCode %d %s%n", response.responseCode(), Examples.quote(response.responseText()));
        for (BulkMessage message : response.messages()) {
            System.out.printf("     %s -> id %s%n", message.to(), message.id());
        }
    }
}
