package net.mittoapi.sms.examples;

import net.mittoapi.sms.MessageType;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.SmsResponse;
import net.mittoapi.sms.segments.SegmentCalculator;
import net.mittoapi.sms.segments.SegmentInfo;

/** The seed's "Change the Default Encoding": Russian text with {@code type=auto}. */
public final class ChangeEncoding {

    public static void main(String[] args) throws Exception {
        Examples.runAlone(ChangeEncoding::run);
    }

    static void run() {
        String text = "Здравствуй, Мир!";
        SegmentInfo info = SegmentCalculator.calculate(text);
        System.out.printf("  \"%s\" needs %s (%d units, %d part)%n", text, info.encoding(), info.length(),
                info.segmentCount());
        SmsResponse response = Examples.client().send(SmsRequest.builder()
                .from(Examples.FROM).to(Examples.TO).text(text).type(MessageType.AUTO)
                .test(Examples.testMode())
                .build());
        System.out.printf("  <- id %s: \"%s\", textLength %d%n", response.id(), response.responseText(),
                response.textLength());
    }
}
