package net.mittoapi.sms.examples;

import net.mittoapi.sms.MessageType;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.SmsResponse;
import net.mittoapi.sms.segments.SegmentCalculator;
import net.mittoapi.sms.segments.SegmentInfo;

/** Mitto's use case "Change the Default Encoding" (docs/mitto-api.md): Russian text with {@code type=auto}. */
public final class ChangeEncoding {

    public static void main(String[] args) throws Exception {
        Examples.runAlone(ChangeEncoding::run);
    }

    static void run() {
        String text = "Здравствуй, Мир!";
        SegmentInfo info = SegmentCalculator.calculate(text);
        System.out.printf("  %s needs %s (%s, %s)%n", Examples.quote(text), info.encoding(),
                Examples.units(info.length(), info.encoding()), Examples.count(info.segmentCount(), "part", "parts"));
        SmsResponse response = Examples.client().send(SmsRequest.builder()
                .from(Examples.FROM).to(Examples.TO).text(text).type(MessageType.AUTO)
                .test(Examples.testMode())
                .build());
        System.out.printf("  <- id %s: %s, textLength %d%n", response.id(), Examples.quote(response.responseText()),
                response.textLength());
    }
}
