package net.mittoapi.sms.examples;

import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.SmsResponse;

/**
 * Mitto's use case "Make a Test API Call" (docs/mitto-api.md): {@code test=true} validates fully and delivers nothing.
 */
public final class TestCall {

    public static void main(String[] args) throws Exception {
        Examples.runAlone(TestCall::run);
    }

    static void run() {
        SmsRequest request = SmsRequest.builder()
                .from(Examples.FROM).to(Examples.TO).text("Hello, World!")
                .test(true)
                .build();
        System.out.printf("  -> send %s to %s, test=true%n", Examples.quote(request.text()), request.to());
        SmsResponse response = Examples.client().send(request);
        System.out.printf("  <- responseCode %d %s, id %s, textLength %d, test %s%n", response.responseCode(),
                Examples.quote(response.responseText()), response.id(), response.textLength(), response.test());
    }
}
