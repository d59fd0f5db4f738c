package net.mittoapi.sms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import net.mittoapi.sms.BulkMessage;
import net.mittoapi.sms.BulkSmsRequest;
import net.mittoapi.sms.BulkSmsResponse;
import net.mittoapi.sms.CountryUsage;
import net.mittoapi.sms.Format;
import net.mittoapi.sms.MessageType;
import net.mittoapi.sms.MittoApiException;
import net.mittoapi.sms.MittoAuthenticationException;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.MittoException;
import net.mittoapi.sms.MittoRateLimitException;
import net.mittoapi.sms.MittoTransportException;
import net.mittoapi.sms.MittoValidationException;
import net.mittoapi.sms.Region;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.SmsResponse;
import net.mittoapi.sms.UsageRequest;
import net.mittoapi.sms.UsageResponse;
import net.mittoapi.sms.sandbox.MittoSandbox;
import net.mittoapi.sms.segments.Encoding;
import net.mittoapi.sms.segments.GsmNormalizer;
import net.mittoapi.sms.segments.Normalization;
import net.mittoapi.sms.segments.Replacement;
import net.mittoapi.sms.segments.SegmentCalculator;
import net.mittoapi.sms.segments.SegmentInfo;
import net.mittoapi.sms.webhook.DeliveryReport;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * The public API contract of ../shared/API.md, written out as a user's code would use it: every name and
 * signature it lists, with the types it promises (assigned to variables of those types, so that a changed
 * signature fails to compile), run against the sandbox.
 */
class ApiContractIT {

    @Test
    void theClientSectionCompilesAndRunsAsWritten() {
        OkHttpClient okHttpClient = new OkHttpClient();
        try (MittoSandbox sandbox = MittoSandbox.start()) {
            MittoClient client = MittoClient.builder()
                    .apiKey(sandbox.apiKey())
                    .region(Region.FRANKFURT)
                    .baseUrl(sandbox.baseUrl())
                    .format(Format.XML)
                    .connectTimeout(Duration.ofSeconds(10))
                    .readTimeout(Duration.ofSeconds(30))
                    .callTimeout(Duration.ofSeconds(60))
                    .maxRetries(2)
                    .httpClient(okHttpClient)
                    .build();
            try (client) {
                SmsResponse sms = client.send(SmsRequest.builder().from("MITTO SMS").to("491725551234")
                        .text("Hello, World!").type(MessageType.AUTO).test(true)
                        .reference("Campaign 2019-05, B-split message").callback("https://www.example.com")
                        .build());
                String id = sms.id();
                Instant timestamp = sms.timestamp();
                String to = sms.to();
                int responseCode = sms.responseCode();
                int textLength = sms.textLength();
                String responseText = sms.responseText();
                boolean test = sms.test();
                assertThat(id).hasSize(32);
                assertThat(timestamp).isNotNull();
                assertThat(to).isEqualTo("491725551234");
                assertThat(responseCode).isZero();
                assertThat(textLength).isEqualTo(13);
                assertThat(responseText).isNotBlank();
                assertThat(test).isTrue();

                BulkSmsResponse bulk = client.sendBulk(BulkSmsRequest.builder().from("Mitto SMS")
                        .to(List.of("491765410994", "491765410995")).text("Hello, World 123!").build());
                BulkSmsResponse varargs = client.sendBulk(BulkSmsRequest.builder().from("Mitto SMS")
                        .to("491765410994", "491765410995").text("Hello, World 123!").build());
                int bulkCode = bulk.responseCode();
                String bulkText = bulk.responseText();
                List<BulkMessage> messages = bulk.messages();
                BulkMessage first = messages.get(0);
                String firstId = first.id();
                Instant firstTimestamp = first.timestamp();
                String firstTo = first.to();
                int firstLength = first.textLength();
                assertThat(bulkCode).isZero();
                assertThat(bulkText).isNotBlank();
                assertThat(messages).hasSize(2);
                assertThat(varargs.messages()).hasSize(2);
                assertThat(firstId).isNotEqualTo(messages.get(1).id());
                assertThat(firstTimestamp).isNotNull();
                assertThat(firstTo).isEqualTo("491765410994");
                assertThat(firstLength).isEqualTo(17);

                LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
                UsageResponse usage = client.usageByCountry(UsageRequest.builder().startDate(today.minusDays(1))
                        .endDate(today).accountName("promo_account").build());
                List<CountryUsage> countries = usage.usagesByCountry();
                CountryUsage germany = countries.get(0);
                String country = germany.country();
                long messagesCount = germany.messagesCount();
                BigDecimal cost = germany.cost();
                assertThat(country).isEqualTo("DEU");
                assertThat(messagesCount).isEqualTo(4);
                assertThat(cost).isPositive();

                client.reportConversion(firstId);
                CompletableFuture<SmsResponse> sendAsync = client.sendAsync(SmsRequest.builder()
                        .from("MITTO SMS").to("491725551234").text("Hi").build());
                CompletableFuture<BulkSmsResponse> sendBulkAsync = client.sendBulkAsync(BulkSmsRequest.builder()
                        .from("MITTO SMS").to("491725551234").text("Hi").build());
                CompletableFuture<UsageResponse> usageAsync = client.usageByCountryAsync(UsageRequest.builder()
                        .startDate(today).endDate(today).build());
                CompletableFuture<Void> conversionAsync = client.reportConversionAsync(firstId);
                CompletableFuture.allOf(sendAsync, sendBulkAsync, usageAsync, conversionAsync).join();
            }
            assertThat(sandbox.received()).hasSize(9);
        } finally {
            okHttpClient.dispatcher().executorService().shutdown();
            okHttpClient.connectionPool().evictAll();
        }
    }

    @Test
    void regionsNameTheSeedsBaseUrls() {
        assertThat(Region.DEFAULT.baseUrl()).isEqualTo("https://rest.mittoapi.net");
        assertThat(Region.FRANKFURT.baseUrl()).isEqualTo("https://rest-fra.mittoapi.net");
        assertThat(Region.SINGAPORE.baseUrl()).isEqualTo("https://rest-sgp.mittoapi.net");
        assertThat(Region.HONG_KONG.baseUrl()).isEqualTo("https://rest-hkg.mittoapi.net");
        assertThat(Region.US_EAST.baseUrl()).isEqualTo("https://rest-useast.mittoapi.net");
        assertThat(Format.values()).containsExactly(Format.JSON, Format.XML);
        assertThat(MessageType.values())
                .containsExactlyInAnyOrder(MessageType.GSM, MessageType.UNICODE, MessageType.BINARY, MessageType.AUTO);
    }

    @Test
    void theErrorsHaveOneRootAndTheirAccessors() {
        MittoApiException api = new MittoApiException(400, 3, "Empty message", "{}");
        int httpStatus = api.httpStatus();
        int responseCode = api.responseCode();
        String responseText = api.responseText();
        Optional<Duration> retryAfter = new MittoRateLimitException(null, null, Duration.ofSeconds(1)).retryAfter();
        boolean maybeDelivered = new MittoTransportException("reset", true, null).maybeDelivered();
        assertThat(httpStatus).isEqualTo(400);
        assertThat(responseCode).isEqualTo(3);
        assertThat(responseText).isEqualTo("Empty message");
        assertThat(retryAfter).contains(Duration.ofSeconds(1));
        assertThat(maybeDelivered).isTrue();
        List<MittoException> all = List.of(new MittoValidationException("bad"), api,
                new MittoAuthenticationException(null, null), new MittoRateLimitException(null, null, null),
                new MittoTransportException("x", false, null));
        assertThat(all).allSatisfy(e -> assertThat(e).isInstanceOf(RuntimeException.class));
        assertThatThrownBy(() -> SmsRequest.builder().from("MITTO SMS").to("+49 172…").text("Hi").build())
                .isInstanceOf(MittoValidationException.class);
    }

    @Test
    void theSegmentsSectionAsWritten() {
        SegmentInfo info = SegmentCalculator.calculate("Hello, World!");
        Encoding encoding = info.encoding();
        int segmentCount = info.segmentCount();
        int length = info.length();
        int perSegment = info.perSegment();
        int remaining = info.remaining();
        List<String> segments = info.segments();
        List<Integer> nonGsm = info.nonGsmCharacters();
        assertThat(encoding).isEqualTo(Encoding.GSM_7);
        assertThat(segmentCount).isEqualTo(1);
        assertThat(length).isEqualTo(13);
        assertThat(perSegment).isEqualTo(160);
        assertThat(remaining).isEqualTo(147);
        assertThat(segments).containsExactly("Hello, World!");
        assertThat(nonGsm).isEmpty();
        assertThat(Encoding.UCS_2).isNotEqualTo(Encoding.GSM_7);

        String normalized = GsmNormalizer.normalize("“Hi” – Cafe\u0301");
        String transliterated = GsmNormalizer.transliterate("Łódź");
        Normalization n = GsmNormalizer.explain("“Hi” – Łódź", true);
        String original = n.original();
        String text = n.text();
        List<Replacement> replacements = n.replacements();
        Replacement first = replacements.get(0);
        int index = first.index();
        String replaced = first.original();
        String replacement = first.replacement();
        SegmentInfo before = n.before();
        SegmentInfo after = n.after();
        assertThat(normalized).isEqualTo("\"Hi\" - Café");
        assertThat(transliterated).isEqualTo("Lodz");
        assertThat(original).isEqualTo("“Hi” – Łódź");
        assertThat(text).isEqualTo("\"Hi\" - Lodz");
        assertThat(index).isZero();
        assertThat(replaced).isEqualTo("“");
        assertThat(replacement).isEqualTo("\"");
        assertThat(before.encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(after.encoding()).isEqualTo(Encoding.GSM_7);
    }

    @Test
    void theDeliveryReportSectionAsWritten() {
        DeliveryReport get = DeliveryReport.fromQuery("ID=d8d9505a-161b-4776-9efb-4939d5b02e99&MCCMNC=26201");
        DeliveryReport post = DeliveryReport.fromJson(
                "{\"Id\":\"d8d9505a-161b-4776-9efb-4939d5b02e99\",\"MccMnc\":\"26201\",\"Price\":\"6.00\"}");
        String messageId = get.messageId();
        Optional<String> mccMnc = get.mccMnc();
        Optional<BigDecimal> price = post.price();
        Optional<String> status = get.status();
        Optional<String> reference = get.reference();
        Map<String, String> raw = post.raw();
        assertThat(messageId).isEqualTo("d8d9505a-161b-4776-9efb-4939d5b02e99");
        assertThat(mccMnc).contains("26201");
        assertThat(price).contains(new BigDecimal("6.00"));
        assertThat(status).isEmpty();
        assertThat(reference).isEmpty();
        assertThat(raw).containsEntry("Price", "6.00");
    }
}
