package net.mittoapi.sms.examples;

import java.time.LocalDate;
import java.time.ZoneOffset;
import net.mittoapi.sms.CountryUsage;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.UsageRequest;
import net.mittoapi.sms.UsageResponse;

/**
 * Mitto's use case "Retrieve API Usage Information" (docs/mitto-api.md): messages and cost per country over a date
 * range. Against the in-process sandbox, a few sends to Germany and Serbia first, so that there is usage to read.
 */
public final class UsageByCountry {

    public static void main(String[] args) throws Exception {
        Examples.runAlone(UsageByCountry::run);
    }

    static void run() {
        if (!Examples.live()) {
            String[] numbers = {"491725551234", "491725551235", "381641234567"};
            for (String to : numbers) {
                Examples.client().send(SmsRequest.builder().from(Examples.FROM).to(to)
                        .text("Your parcel is on its way.").build());
            }
            System.out.printf("  (sent %d more SMS: 2 to Germany, 1 to Serbia; the sandbox counts every part sent so"
                    + " far, test calls excepted)%n", numbers.length);
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        UsageRequest request = UsageRequest.builder()
                .startDate(today.minusDays(14)).endDate(today)
                .accountName("promo_account")
                .build();
        UsageResponse usage = Examples.client().usageByCountry(request);
        System.out.printf("  -> usage from %s to %s%n", request.startDate(), request.endDate());
        if (usage.usagesByCountry().isEmpty()) {
            System.out.println("  <- no usage in that range");
        }
        for (CountryUsage country : usage.usagesByCountry()) {
            System.out.printf("  <- %s: %s, cost %s%n", country.country(),
                    Examples.count(country.messagesCount(), "message", "messages"), country.cost().toPlainString());
        }
    }
}
