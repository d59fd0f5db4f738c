package net.mittoapi.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import mockwebserver3.RecordedRequest;
import net.mittoapi.sms.internal.http.SdkVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every call in the JSON format against a MockWebServer: what goes on the wire, and what comes back. */
class MittoClientTest {

    private final MockApi api = new MockApi();
    private final MittoClient client = api.client().build();

    @AfterEach
    void tearDown() {
        client.close();
        api.close();
    }

    @Test
    void sendPostsTheSeedsTestCallAndReadsItsAnswerWithTheQuotedTextLength() {
        api.json(200, """
                {
                "id": "7d35863fe6f44695a713d54e6ba0aeb5",
                "timestamp": "2019-04-13T17:51:06.3091182Z",
                "responseCode": 0,
                "textLength": " 13",
                "responseText": "SMS sent",
                "test": true
                }""");

        SmsResponse response = client.send(SmsRequest.builder()
                .from("MITTO SMS").to("491725551234").text("Hello, World!").test(true).build());

        RecordedRequest request = api.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/sms.json");
        assertThat(request.getHeaders().get("X-Mitto-API-Key")).isEqualTo(MockApi.KEY);
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("User-Agent"))
                .isEqualTo("mitto-sms-java/" + SdkVersion.VERSION + " Java/" + System.getProperty("java.version"));
        assertThat(MockApi.body(request))
                .isEqualTo("{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"Hello, World!\",\"type\":\"auto\",\"test\":true}");

        assertThat(response.id()).isEqualTo("7d35863fe6f44695a713d54e6ba0aeb5");
        assertThat(response.timestamp()).isEqualTo(Instant.parse("2019-04-13T17:51:06.3091182Z"));
        assertThat(response.timestamp().getNano()).isEqualTo(309_118_200);
        assertThat(response.to()).as("the seed's test-call answer has no 'to'").isNull();
        assertThat(response.responseCode()).isZero();
        assertThat(response.textLength()).isEqualTo(13);
        assertThat(response.responseText()).isEqualTo("SMS sent");
        assertThat(response.test()).isTrue();
    }

    @Test
    void sendReadsANumericTextLengthAndTheRecipient() {
        api.json(200, """
                {
                "id": "715118ef01aa4480bbd67324a0459b0b",
                "timestamp": "2019-04-13T12:07:57.8625574Z",
                "to": "41751231234",
                "responseCode": 0,
                "textLength": 13,
                "responseText": "SMS sent"
                }""");

        SmsResponse response = client.send(SmsRequest.builder()
                .from("Mitto SMS").to("+41751231234").text("Hello, World!").build());

        assertThat(MockApi.body(api.take()))
                .isEqualTo("{\"from\":\"Mitto SMS\",\"to\":\"41751231234\",\"text\":\"Hello, World!\",\"type\":\"auto\"}");
        assertThat(response).isEqualTo(new SmsResponse("715118ef01aa4480bbd67324a0459b0b",
                Instant.parse("2019-04-13T12:07:57.8625574Z"), "41751231234", 0, 13, "SMS sent", false));
    }

    @Test
    void sendWritesEveryOptionWithTheApisNames() {
        api.json(200, "{\"id\":\"a\",\"responseCode\":0,\"textLength\":\" 529\",\"responseText\":\"SMS sent successfully.\"}");

        SmsResponse response = client.send(SmsRequest.builder()
                .from("MITTO SMS").to("491725551234").text("Здравствуй, Мир!").type(MessageType.AUTO)
                .reference("Campaign 2019-05, B-split message").callback("https://www.example.com")
                .udh("050003CC0201").validity(2880).pid(0).flash(true).build());

        assertThat(MockApi.body(api.take())).isEqualTo("{\"from\":\"MITTO SMS\",\"to\":\"491725551234\","
                + "\"text\":\"Здравствуй, Мир!\",\"type\":\"auto\",\"reference\":\"Campaign 2019-05, B-split message\","
                + "\"callback\":\"https://www.example.com\",\"udh\":\"050003CC0201\",\"validity\":2880,\"pid\":0,"
                + "\"flash\":true}");
        assertThat(response.textLength()).isEqualTo(529);
        assertThat(response.timestamp()).isNull();
    }

    @Test
    void sendIgnoresUnknownFieldsAndMatchesNamesWhateverTheirCase() {
        api.json(200, "{\"ID\":\"abc\",\"ResponseCode\":\"0\",\"TEXTLENGTH\":\"5\",\"extra\":{\"nested\":[1,2]},"
                + "\"Test\":\"false\",\"to\":\"4917\"}");

        SmsResponse response = client.send(SmsRequest.builder().from("ACME").to("4917").text("hello").build());

        assertThat(response.id()).isEqualTo("abc");
        assertThat(response.textLength()).isEqualTo(5);
        assertThat(response.test()).isFalse();
        assertThat(response.to()).isEqualTo("4917");
    }

    @Test
    void sendBulkJoinsRecipientsWithCommasAndReadsOneMessagePerRecipient() {
        api.json(200, """
                { "responseCode": 0,
                "responseText": "SMS sent",
                "messages": [
                {
                "id": "b47e7d4a-39d1-4e6c-a495-001501b3e626",
                "timestamp": "2019-08-21T14:55:29.6488926Z",
                "to": "491765410994",
                "textLength": 13
                },
                {
                "id": "9733ec48-dd12-4aca-b453-f89666379418",
                "timestamp": "2019-08-21T14:55:29.6492142Z",
                "to": "491765410995",
                "textLength": 13
                },
                {
                "id": "5e1dab53-b867-4cf1-98b7-22757d8acafc",
                "timestamp": "2019-08-21T14:55:29.6492506Z",
                "to": "491765410996",
                "textLength": 13
                } ]
                }""");

        BulkSmsResponse response = client.sendBulk(BulkSmsRequest.builder().from("Mitto SMS")
                .to("491765410994", "+491765410995", "491765410996").text("Your appointment was scheduled.")
                .callback("https://www.example.com").build());

        RecordedRequest request = api.take();
        assertThat(request.getTarget()).isEqualTo("/smsbulk.json");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("X-Mitto-API-Key")).isEqualTo(MockApi.KEY);
        assertThat(MockApi.body(request)).isEqualTo("{\"from\":\"Mitto SMS\","
                + "\"to\":\"491765410994,491765410995,491765410996\",\"text\":\"Your appointment was scheduled.\","
                + "\"type\":\"auto\",\"callback\":\"https://www.example.com\"}");
        assertThat(response.responseCode()).isZero();
        assertThat(response.responseText()).isEqualTo("SMS sent");
        assertThat(response.messages()).containsExactly(
                new BulkMessage("b47e7d4a-39d1-4e6c-a495-001501b3e626",
                        Instant.parse("2019-08-21T14:55:29.6488926Z"), "491765410994", 13),
                new BulkMessage("9733ec48-dd12-4aca-b453-f89666379418",
                        Instant.parse("2019-08-21T14:55:29.6492142Z"), "491765410995", 13),
                new BulkMessage("5e1dab53-b867-4cf1-98b7-22757d8acafc",
                        Instant.parse("2019-08-21T14:55:29.6492506Z"), "491765410996", 13));
    }

    @Test
    void sendBulkKeepsADuplicateRecipientTwice() {
        api.json(200, "{\"responseCode\":0,\"responseText\":\"SMS sent\",\"messages\":[]}");

        BulkSmsResponse response = client.sendBulk(BulkSmsRequest.builder().from("Mitto SMS")
                .to(List.of("491765410994", "491765410994")).text("twice").type(MessageType.GSM).test(true).build());

        assertThat(MockApi.body(api.take())).isEqualTo("{\"from\":\"Mitto SMS\","
                + "\"to\":\"491765410994,491765410994\",\"text\":\"twice\",\"type\":\"GSM\",\"test\":true}");
        assertThat(response.messages()).isEmpty();
    }

    @Test
    void usageByCountryReadsCountsAndCostsFromStringsExactly() {
        api.json(200, """
                { "usagesByCountry": [
                {
                "country": "DEU",
                "messagesCount": "1140",
                "cost": "68.400000"
                },
                {
                "country": "SRB",
                "messagesCount": "565",
                "cost": "33.900000"
                }]
                }""");

        UsageResponse response = client.usageByCountry(UsageRequest.builder().startDate(LocalDate.of(2020, 4, 1))
                .endDate(LocalDate.of(2020, 4, 15)).accountName("promo_account").build());

        RecordedRequest request = api.take();
        assertThat(request.getTarget()).isEqualTo("/usage/bycountry.json");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(MockApi.body(request))
                .isEqualTo("{\"startDate\":\"2020-04-01\",\"endDate\":\"2020-04-15\",\"AccountName\":\"promo_account\"}");
        assertThat(response.usagesByCountry()).containsExactly(
                new CountryUsage("DEU", 1140, new BigDecimal("68.400000")),
                new CountryUsage("SRB", 565, new BigDecimal("33.900000")));
        assertThat(response.usagesByCountry().get(0).cost().scale()).isEqualTo(6);
    }

    @Test
    void usageByCountryReadsNumbersSentAsNumbersWithoutGoingThroughDouble() {
        api.json(200, "{\"usagesByCountry\":[{\"country\":\"DEU\",\"messagesCount\":9007199254740993,"
                + "\"cost\":0.100000000000000000001}]}");

        UsageResponse response = client.usageByCountry(UsageRequest.builder().startDate(LocalDate.of(2020, 4, 1))
                .endDate(LocalDate.of(2020, 4, 1)).build());

        assertThat(MockApi.body(api.take())).isEqualTo("{\"startDate\":\"2020-04-01\",\"endDate\":\"2020-04-01\"}");
        CountryUsage usage = response.usagesByCountry().get(0);
        assertThat(usage.messagesCount()).isEqualTo(9_007_199_254_740_993L);
        assertThat(usage.cost()).isEqualTo(new BigDecimal("0.100000000000000000001"));
    }

    @Test
    void reportConversionPostsTheMessageIdAndAcceptsPlainOk() {
        api.enqueue(200, "text/plain", "OK");

        client.reportConversion("d8d9505a-161b-4776-9efb-4939d5b02e990");

        RecordedRequest request = api.take();
        assertThat(request.getTarget()).isEqualTo("/sms/converted.json");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("X-Mitto-API-Key")).isEqualTo(MockApi.KEY);
        assertThat(MockApi.body(request)).isEqualTo("{\"messageId\":\"d8d9505a-161b-4776-9efb-4939d5b02e990\"}");
    }
}
