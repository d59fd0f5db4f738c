package net.mittoapi.sms.examples;

import net.mittoapi.sms.BulkMessage;
import net.mittoapi.sms.BulkSmsRequest;
import net.mittoapi.sms.BulkSmsResponse;

/** The seed's "Send Bulk SMS": one call, one message (and one id) per recipient, duplicates included. */
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
        System.out.printf("  -> \"%s\" to %d recipients (one listed twice)%n", request.text(), request.to().size());
        BulkSmsResponse response = Examples.client().sendBulk(request);
        System.out.printf("  <- responseCode %d \"%s\"%n", response.responseCode(), response.responseText());
        for (BulkMessage message : response.messages()) {
            System.out.printf("     %s -> id %s, textLength %d%n", message.to(), message.id(), message.textLength());
        }
    }
}
