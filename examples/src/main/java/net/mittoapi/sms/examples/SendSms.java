package net.mittoapi.sms.examples;

import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.SmsResponse;

/** Mitto's use case "Send an SMS" (docs/mitto-api.md): "Hello, World!" with the default encoding. */
public final class SendSms {

    public static void main(String[] args) throws Exception {
        Examples.runAlone(SendSms::run);
    }

    static void run() {
        SmsRequest request = SmsRequest.builder()
                .from("Mitto SMS").to(Examples.TO).text("Hello, World!")
                .test(Examples.testMode())
                .build();
        System.out.printf("  -> send %s from %s to %s%n", Examples.quote(request.text()), Examples.quote(request.from()),
                request.to());
        SmsResponse response = Examples.client().send(request);
        System.out.printf("  <- id %s at %s to %s: responseCode %d %s, textLength %d%n", response.id(),
                response.timestamp(), response.to(), response.responseCode(), Examples.quote(response.responseText()),
                response.textLength());
    }
}
