package net.mittoapi.sms.examples;

import net.mittoapi.sms.MessageType;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.SmsResponse;
import net.mittoapi.sms.segments.Encoding;
import net.mittoapi.sms.segments.SegmentCalculator;
import net.mittoapi.sms.segments.SegmentInfo;

/**
 * The seed's "Send a Long SMS": first what the 529-character text will cost, calculated offline, then one
 * API call that the server splits into concatenated parts.
 */
public final class LongSms {

    public static void main(String[] args) throws Exception {
        Examples.runAlone(LongSms::run);
    }

    static void run() {
        String text = LongSmsSegments.LONG_TEXT;
        SegmentInfo info = SegmentCalculator.calculate(text);
        System.out.printf("  %d characters: %s, %d parts of up to %d (%s as type=unicode)%n", text.length(),
                info.encoding(), info.segmentCount(), info.perSegment(),
                SegmentCalculator.calculate(text, Encoding.UCS_2).segmentCount() + " parts");
        for (int i = 0; i < info.segmentCount(); i++) {
            String part = info.segments().get(i);
            System.out.printf("    part %d (%3d): %s%n", i + 1, part.length(), Examples.shorten(part, 60));
        }
        SmsRequest request = SmsRequest.builder()
                .from(Examples.FROM).to(Examples.TO).text(text).type(MessageType.AUTO)
                .test(Examples.testMode())
                .build();
        SmsResponse response = Examples.client().send(request);
        System.out.printf("  <- one call, one id %s: \"%s\", textLength %d%n", response.id(),
                response.responseText(), response.textLength());
    }
}
