package net.mittoapi.sms.examples;

import java.util.List;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.SmsResponse;
import net.mittoapi.sms.segments.SegmentCalculator;
import net.mittoapi.sms.segments.SegmentInfo;

/**
 * Mitto's use case "Add Metadata to a Message" (docs/mitto-api.md): a {@code reference} that comes back in delivery
 * reports. The page's text begins with a Cyrillic "Е" that looks Latin; the calculator names it.
 */
public final class Metadata {

    public static void main(String[] args) throws Exception {
        Examples.runAlone(Metadata::run);
    }

    static void run() {
        String text = "Еnjoy the stunning Spring 2019 visuals in our new gallery!";
        SegmentInfo info = SegmentCalculator.calculate(text);
        List<Integer> culprits = info.nonGsmCharacters();
        if (!culprits.isEmpty()) {
            int first = culprits.get(0);
            System.out.printf("  note: %s because of U+%04X %s%s%n", info.encoding(), first, Character.getName(first),
                    culprits.size() == 1 ? "" : " and " + Examples.count(culprits.size() - 1, "more character",
                            "more characters"));
        }
        SmsRequest request = SmsRequest.builder()
                .from(Examples.FROM).to(Examples.TO).text(text)
                .reference("Campaign 2019-05, B-split message")
                .test(Examples.testMode())
                .build();
        SmsResponse response = Examples.client().send(request);
        System.out.printf("  -> reference %s%n  <- id %s: %s%n", Examples.quote(request.reference().orElseThrow()),
                response.id(), Examples.quote(response.responseText()));
    }
}
