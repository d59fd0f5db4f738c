package net.mittoapi.sms.examples;

import net.mittoapi.sms.MessageType;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.SmsResponse;
import net.mittoapi.sms.segments.Encoding;
import net.mittoapi.sms.segments.SegmentCalculator;
import net.mittoapi.sms.segments.SegmentInfo;

/**
 * Mitto's use case "Send a Long SMS" (docs/mitto-api.md): first what the 529-character text will cost, calculated
 * offline, then one API call that the server splits into concatenated parts.
 */
public final class LongSms {

    public static void main(String[] args) throws Exception {
        Examples.runAlone(LongSms::run);
    }

    static void run() {
        String text = LongSmsSegments.LONG_TEXT;
        SegmentInfo info = SegmentCalculator.calculate(text);
        int unicodeParts = SegmentCalculator.calculate(text, Encoding.UCS_2).segmentCount();
        System.out.printf("  %s: %s, %s of up to %s (%s as type=unicode)%n",
                Examples.count(text.length(), "character", "characters"), info.encoding(),
                Examples.count(info.segmentCount(), "part", "parts"), Examples.units(info.perSegment(), info.encoding()),
                Examples.count(unicodeParts, "part", "parts"));
        for (int i = 0; i < info.segmentCount(); i++) {
            String part = info.segments().get(i);
            System.out.printf("    part %d (%s): %s%n", i + 1, Examples.count(part.length(), "character", "characters"),
                    Examples.preview(part, 50));
        }
        SmsRequest request = SmsRequest.builder()
                .from(Examples.FROM).to(Examples.TO).text(text).type(MessageType.AUTO)
                .test(Examples.testMode())
                .build();
        SmsResponse response = Examples.client().send(request);
        System.out.printf("  <- one call, one id %s: %s, textLength %d%n", response.id(),
                Examples.quote(response.responseText()), response.textLength());
    }
}
