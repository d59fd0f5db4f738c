package net.mittoapi.sms.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.mittoapi.sms.BulkMessage;
import net.mittoapi.sms.BulkSmsRequest;
import net.mittoapi.sms.CountryUsage;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.SmsResponse;
import net.mittoapi.sms.UsageRequest;
import net.mittoapi.sms.webhook.DeliveryReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every price the builder accepts is one the sandbox can serve: usage totals and POST delivery reports that the
 * SDK's own client and {@link DeliveryReport} read back exactly, at both ends of the bound and over many parts.
 * (Prices beyond the bound are refused by the builder: {@link MittoSandboxBuilderTest}.)
 */
class MittoSandboxPriceIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** 40 GSM-7 parts of 153 septets. */
    private static final String LONG_TEXT = "x".repeat(153 * 40);
    private static final int RECIPIENTS = 25;

    @ParameterizedTest
    @ValueSource(strings = {"1000000", "999999.999999", "1E+6", "1000000.000000", "0.000001", "0.5", "0"})
    void everyPriceWithinTheBoundIsServedAndReadBackExactly(String perPart) throws InterruptedException {
        BigDecimal price = new BigDecimal(perPart);
        try (CallbackServer callbacks = CallbackServer.start(200);
                MittoSandbox sandbox = MittoSandbox.builder().callbackMethod(CallbackMethod.POST).pricePerPart(price)
                        .pricePerPart("SRB", price).start();
                MittoClient client = MittoClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl())
                        .build()) {
            List<String> germans = new ArrayList<>();
            for (int i = 0; i < RECIPIENTS; i++) {
                germans.add("4917255512" + String.format("%02d", i));
            }
            List<BulkMessage> bulk = client.sendBulk(BulkSmsRequest.builder().from("MITTO SMS").to(germans)
                    .text(LONG_TEXT).callback(callbacks.url()).build()).messages();
            SmsResponse serbian = client.send(SmsRequest.builder().from("MITTO SMS").to("381641234567").text("Hi")
                    .callback(callbacks.url()).build());

            List<CountryUsage> usage = client.usageByCountry(UsageRequest.builder()
                    .startDate(LocalDate.of(2000, 1, 1)).endDate(LocalDate.of(2999, 12, 31)).build()).usagesByCountry();

            long germanParts = 40L * RECIPIENTS;
            assertThat(usage).hasSize(2);
            assertThat(usage.get(0).country()).isEqualTo("DEU");
            assertThat(usage.get(0).messagesCount()).isEqualTo(germanParts);
            assertThat(usage.get(0).cost()).isEqualByComparingTo(price.multiply(BigDecimal.valueOf(germanParts)));
            assertThat(usage.get(1).country()).isEqualTo("SRB");
            assertThat(usage.get(1).messagesCount()).isEqualTo(1);
            assertThat(usage.get(1).cost()).isEqualByComparingTo(price);

            // Every report went out (none lost to a dead callback thread) and reads back at its price.
            List<DeliveryAttempt> attempts = sandbox.awaitDeliveries(RECIPIENTS + 1, WAIT);
            assertThat(attempts).hasSize(RECIPIENTS + 1).allSatisfy(attempt -> assertThat(attempt.delivered())
                    .as("%s", attempt).isTrue());
            Map<String, BigDecimal> reported = new HashMap<>();
            for (int i = 0; i <= RECIPIENTS; i++) {
                DeliveryReport report = DeliveryReport.fromJson(callbacks.next(WAIT).body());
                reported.put(report.messageId(), report.price().orElseThrow());
            }
            assertThat(reported).hasSize(RECIPIENTS + 1);
            assertThat(reported.get(serbian.id())).isEqualByComparingTo(price);
            for (BulkMessage message : bulk) {
                assertThat(reported.get(message.id())).isEqualByComparingTo(price.multiply(BigDecimal.valueOf(40)));
            }
        }
    }
}
