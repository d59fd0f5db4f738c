package net.mittoapi.sms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.mittoapi.sms.BulkMessage;
import net.mittoapi.sms.BulkSmsRequest;
import net.mittoapi.sms.BulkSmsResponse;
import net.mittoapi.sms.CountryUsage;
import net.mittoapi.sms.Format;
import net.mittoapi.sms.MessageType;
import net.mittoapi.sms.MittoApiException;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.Region;
import net.mittoapi.sms.ResponseCode;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.SmsResponse;
import net.mittoapi.sms.UsageRequest;
import net.mittoapi.sms.UsageResponse;
import net.mittoapi.sms.sandbox.MittoSandbox;
import net.mittoapi.sms.sandbox.ReceivedRequest;
import net.mittoapi.sms.sandbox.SentMessage;
import net.mittoapi.sms.sandbox.junit.MittoSandboxExtension;
import net.mittoapi.sms.segments.Encoding;
import net.mittoapi.sms.segments.SegmentCalculator;
import net.mittoapi.sms.segments.SegmentInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link MittoClient} against {@link MittoSandbox}, no mock on either side: every endpoint in both formats,
 * blocking and async. Each test compares what the client parsed with what the sandbox recorded, and what the
 * sandbox received (path, headers, body) with what the client was asked to send.
 */
@ExtendWith(MittoSandboxExtension.class)
class ClientSandboxIT {

    private static final String ID = "[0-9a-f]{32}";
    private static final String KEY_HEADER = "X-Mitto-API-Key";

    /** The class's sandbox, reset before each test (MittoSandboxExtension). */
    private final MittoSandbox sandbox;

    ClientSandboxIT(MittoSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("net.mittoapi.sms.it.Calls#formatsAndCalls")
    void sendAnswersWithWhatTheSandboxRecordedAndSendsExactlyTheRequestedFields(Format format, Calls calls) {
        String text = "Hello, World!";
        SmsRequest request = SmsRequest.builder().from("MITTO SMS").to("+491725551234").text(text)
                .type(MessageType.AUTO).reference("Campaign 2019-05, B-split message").udh("050003CC0201")
                .validity(2880).pid(0).flash(true).build();

        SmsResponse response;
        try (MittoClient client = Calls.client(sandbox, format).build()) {
            response = calls.send(client, request);
        }

        SentMessage message = single(sandbox.messages());
        assertThat(response.id()).matches(ID).isEqualTo(message.id());
        assertThat(response.timestamp()).isNotNull().isEqualTo(message.timestamp());
        assertThat(response.to()).isEqualTo("491725551234").isEqualTo(message.to());
        assertThat(response.textLength()).isEqualTo(SegmentCalculator.calculate(text).length())
                .isEqualTo(message.textLength()).isEqualTo(13);
        assertThat(response.responseCode()).isZero();
        assertThat(response.responseText()).isEqualTo("SMS sent");
        assertThat(response.test()).isFalse();

        assertThat(message.from()).isEqualTo("MITTO SMS");
        assertThat(message.text()).isEqualTo(text);
        assertThat(message.type()).contains("auto");
        assertThat(message.reference()).contains("Campaign 2019-05, B-split message");
        assertThat(message.test()).isFalse();
        assertThat(message.bulk()).isFalse();
        assertThat(message.country()).isEqualTo("DEU");
        assertThat(message.parts()).isEqualTo(1);
        assertThat(message.cost()).isEqualByComparingTo(MittoSandbox.DEFAULT_PRICE_PER_PART);

        ReceivedRequest received = single(sandbox.received());
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.path()).isEqualTo("/sms" + Calls.suffix(format));
        assertThat(received.query()).isEmpty();
        assertThat(received.authenticated()).isTrue();
        assertThat(received.fault()).isEmpty();
        assertThat(received.header("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(received.header("User-Agent")).hasValueSatisfying(
                agent -> assertThat(agent).matches("mitto-sms-java/\\S+ Java/\\S+"));
        // Unset options are left out ("test", "callback"); types as the API writes them.
        assertThat(received.body()).containsExactly(entry("from", "MITTO SMS"), entry("to", "491725551234"),
                entry("text", text), entry("type", "auto"), entry("reference", "Campaign 2019-05, B-split message"),
                entry("udh", "050003CC0201"), entry("validity", 2880L), entry("pid", 0L), entry("flash", true));
        assertKeyMasked(received);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("net.mittoapi.sms.it.Calls#formatsAndCalls")
    void textLengthAndPartsAreTheSegmentCalculatorsCount(Format format, Calls calls) {
        String longGsm = "Your appointment at the Mitto clinic is confirmed for Monday, 10:30. Please arrive ten"
                + " minutes early, bring your insurance card and a list of medicines. Reply STOP to opt out, or call"
                + " us to move it.";
        record Case(String text, MessageType type, int expectedLength, int expectedParts) {
        }
        List<Case> cases = new ArrayList<>();
        for (String text : List.of("Hello, World!", "Price: 10€ [promo] {50%} ~ ^_^", "Grüße aus Köln 🙂",
                longGsm, "Привет! Ваш код: 4711")) {
            SegmentInfo info = SegmentCalculator.calculate(text);
            cases.add(new Case(text, null, info.length(), info.segmentCount()));
            cases.add(new Case(text, MessageType.AUTO, info.length(), info.segmentCount()));
        }
        SegmentInfo forcedUcs2 = SegmentCalculator.calculate(longGsm, Encoding.UCS_2);
        cases.add(new Case(longGsm, MessageType.UNICODE, forcedUcs2.length(), forcedUcs2.segmentCount()));
        SegmentInfo gsm = SegmentCalculator.calculate("Price: 10€ [promo]");
        cases.add(new Case("Price: 10€ [promo]", MessageType.GSM, gsm.length(), gsm.segmentCount()));
        String hex = "48656C6C6F2C20576F726C6421";
        cases.add(new Case(hex, MessageType.BINARY, hex.length() / 2, 1));
        assertThat(longGsm.length()).as("the long text needs two parts").isGreaterThan(160);

        try (MittoClient client = Calls.client(sandbox, format).build()) {
            for (Case c : cases) {
                SmsResponse response = calls.send(client, SmsRequest.builder().from("MITTO SMS")
                        .to("491725551234").text(c.text()).type(c.type()).build());
                SentMessage message = sandbox.message(response.id()).orElseThrow();
                assertThat(response.textLength()).as("textLength of %s", c).isEqualTo(c.expectedLength())
                        .isEqualTo(message.textLength());
                assertThat(message.parts()).as("parts of %s", c).isEqualTo(c.expectedParts());
                assertThat(message.text()).isEqualTo(c.text());
            }
        }
        assertThat(sandbox.messages()).hasSize(cases.size());
        // Mitto's own spelling (its connector, C# and Magento clients), and auto when the caller chose no type
        assertThat(sandbox.received()).extracting(r -> r.field("type").orElse(null)).containsExactlyElementsOf(
                cases.stream().map(c -> c.type() == null ? "auto" : switch (c.type()) {
                    case GSM -> "GSM";
                    case UNICODE -> "Unicode";
                    case BINARY -> "Binary";
                    case AUTO -> "auto";
                }).toList());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("net.mittoapi.sms.it.Calls#formatsAndCalls")
    void aTestCallEchoesTestAndItsQuotedTextLengthIsRead(Format format, Calls calls) throws Exception {
        String text = "Hello, World!";
        SmsRequest request = SmsRequest.builder().from("MITTO SMS").to("491725551234").text(text).test(true).build();

        // The sandbox writes textLength as the documentation's quirky " 13" on test calls: see it on the wire...
        String raw = rawPost("/sms" + Calls.suffix(format),
                "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"Hello, World!\",\"test\":true}");
        assertThat(raw).contains(format == Format.XML ? "<textLength> 13</textLength>" : "\"textLength\":\" 13\"");
        sandbox.reset();

        // ...and the client read it as the number.
        SmsResponse response;
        try (MittoClient client = Calls.client(sandbox, format).build()) {
            response = calls.send(client, request);
        }
        SentMessage message = single(sandbox.messages());
        assertThat(response.test()).isTrue();
        assertThat(response.textLength()).isEqualTo(13).isEqualTo(SegmentCalculator.calculate(text).length());
        assertThat(response.id()).matches(ID).isEqualTo(message.id());
        assertThat(response.timestamp()).isEqualTo(message.timestamp());
        assertThat(response.to()).isEqualTo("491725551234");
        assertThat(message.test()).isTrue();
        assertThat(message.cost()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(single(sandbox.received()).body()).containsEntry("test", true);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("net.mittoapi.sms.it.Calls#formatsAndCalls")
    void bulkKeepsDuplicateRecipientsEachWithItsOwnId(Format format, Calls calls) {
        String text = "Your appointment was scheduled.";
        BulkSmsRequest request = BulkSmsRequest.builder().from("Mitto SMS")
                .to("491765410994", "+491765410995", "491765410994").text(text).type(MessageType.AUTO).build();

        BulkSmsResponse response;
        try (MittoClient client = Calls.client(sandbox, format).build()) {
            response = calls.sendBulk(client, request);
        }

        assertThat(response.responseCode()).isZero();
        assertThat(response.responseText()).isEqualTo("SMS sent");
        assertThat(response.messages()).extracting(BulkMessage::to)
                .containsExactly("491765410994", "491765410995", "491765410994");
        assertThat(response.messages()).extracting(BulkMessage::id).doesNotHaveDuplicates().allMatch(id -> id.matches(ID));
        assertThat(response.messages()).extracting(BulkMessage::textLength)
                .containsOnly(SegmentCalculator.calculate(text).length());
        List<SentMessage> sent = sandbox.messages();
        assertThat(sent).hasSize(3).allMatch(SentMessage::bulk);
        for (int i = 0; i < 3; i++) {
            BulkMessage parsed = response.messages().get(i);
            SentMessage recorded = sent.get(i);
            assertThat(parsed.id()).isEqualTo(recorded.id());
            assertThat(parsed.timestamp()).isNotNull().isEqualTo(recorded.timestamp());
            assertThat(parsed.to()).isEqualTo(recorded.to());
            assertThat(parsed.textLength()).isEqualTo(recorded.textLength());
        }

        ReceivedRequest received = single(sandbox.received());
        assertThat(received.path()).isEqualTo("/smsbulk" + Calls.suffix(format));
        assertThat(received.body()).containsExactly(entry("from", "Mitto SMS"),
                entry("to", "491765410994,491765410995,491765410994"), entry("text", text), entry("type", "auto"));
        assertKeyMasked(received);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("net.mittoapi.sms.it.Calls#formatsAndCalls")
    void bulkToOneRecipientIsAListOfOne(Format format, Calls calls) {
        BulkSmsResponse response;
        try (MittoClient client = Calls.client(sandbox, format).build()) {
            response = calls.sendBulk(client, BulkSmsRequest.builder().from("Mitto SMS").to(List.of("447700900123"))
                    .text("Only one").build());
        }
        SentMessage recorded = single(sandbox.messages());
        assertThat(response.messages()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(recorded.id());
            assertThat(m.to()).isEqualTo("447700900123");
            assertThat(m.timestamp()).isEqualTo(recorded.timestamp());
            assertThat(m.textLength()).isEqualTo(SegmentCalculator.calculate("Only one").length());
        });
    }

    /** On a sandbox of its own: a fixed clock and a price for Serbia. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("net.mittoapi.sms.it.Calls#formatsAndCalls")
    void usageCountsPartsPerCountryAndReadsCostsExactly(Format format, Calls calls) {
        try (MittoSandbox sandbox = MittoSandbox.builder()
                .clock(Clock.fixed(Instant.parse("2020-04-10T12:00:00Z"), ZoneOffset.UTC))
                .pricePerPart("SRB", new BigDecimal("0.075"))
                .start()) {
            String longGsm = "x".repeat(200);
            String serbian = "Ćao! Vaš termin je potvrđen za ponedeljak u 10:30. Molimo vas da dođete deset minuta ranije.";
            record Send(String to, String text, String country, boolean test) {
            }
            List<Send> sends = List.of(
                    new Send("491725551234", "Hello", "DEU", false),
                    new Send("491725551235", "Hello again", "DEU", false),
                    new Send("491725551236", longGsm, "DEU", false),
                    new Send("381641234567", serbian, "SRB", false),
                    new Send("12025550123", "Never counted: a test message", "USA", true));
            Map<String, Long> parts = new LinkedHashMap<>();
            Map<String, BigDecimal> costs = new LinkedHashMap<>();
            try (MittoClient client = Calls.client(sandbox, format).build()) {
                for (Send send : sends) {
                    client.send(SmsRequest.builder().from("MITTO SMS").to(send.to()).text(send.text()).test(send.test())
                            .type(MessageType.AUTO).build());
                    if (!send.test()) {
                        int count = SegmentCalculator.calculate(send.text()).segmentCount();
                        BigDecimal price = send.country().equals("SRB") ? new BigDecimal("0.075")
                                : MittoSandbox.DEFAULT_PRICE_PER_PART;
                        parts.merge(send.country(), (long) count, Long::sum);
                        costs.merge(send.country(), price.multiply(BigDecimal.valueOf(count)), BigDecimal::add);
                    }
                }
                client.sendBulk(BulkSmsRequest.builder().from("MITTO SMS").to("447700900123", "447700900124")
                        .text(longGsm).build());
                parts.merge("GBR", 2L * SegmentCalculator.calculate(longGsm).segmentCount(), Long::sum);
                costs.merge("GBR", MittoSandbox.DEFAULT_PRICE_PER_PART.multiply(
                        BigDecimal.valueOf(2L * SegmentCalculator.calculate(longGsm).segmentCount())), BigDecimal::add);
                assertThat(sandbox.messages()).extracting(SentMessage::timestamp)
                        .containsOnly(Instant.parse("2020-04-10T12:00:00Z"));
                assertThat(parts).as("parts, not messages, are counted").containsEntry("DEU", 4L);
                assertThat(parts.get("SRB")).isGreaterThan(1L);

                UsageResponse usage = calls.usageByCountry(client, UsageRequest.builder()
                        .startDate(LocalDate.of(2020, 4, 1)).endDate(LocalDate.of(2020, 4, 15))
                        .accountName("promo_account").build());
                UsageResponse later = calls.usageByCountry(client, UsageRequest.builder()
                        .startDate(LocalDate.of(2020, 4, 11)).endDate(LocalDate.of(2020, 4, 15)).build());

                // The API writes costs with six decimals ("68.400000"): equal records prove the scale was kept.
                List<CountryUsage> expected = new ArrayList<>();
                parts.forEach((country, count) -> expected.add(
                        new CountryUsage(country, count, costs.get(country).setScale(6))));
                assertThat(usage.usagesByCountry()).containsExactlyInAnyOrderElementsOf(expected);
                assertThat(usage.usagesByCountry()).extracting(u -> u.cost().scale()).containsOnly(6);
                assertThat(later.usagesByCountry()).isEmpty();
            }

            List<ReceivedRequest> received = sandbox.received();
            ReceivedRequest first = received.get(received.size() - 2);
            assertThat(first.path()).isEqualTo("/usage/bycountry" + Calls.suffix(format));
            assertThat(first.body()).containsExactly(entry("startDate", "2020-04-01"), entry("endDate", "2020-04-15"),
                    entry("AccountName", "promo_account"));
            assertThat(received.get(received.size() - 1).body()).containsExactly(entry("startDate", "2020-04-11"),
                    entry("endDate", "2020-04-15"));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("net.mittoapi.sms.it.Calls#formatsAndCalls")
    void aConversionOfAnIssuedIdIsTakenAndAnUnknownIdIs404WithTheBodyKept(Format format, Calls calls) {
        String unknown = "0123456789abcdef0123456789abcdef";
        try (MittoClient client = Calls.client(sandbox, format).build()) {
            String id = client.send(SmsRequest.builder().from("MITTO SMS").to("491725551234").text("Hi").build()).id();

            calls.reportConversion(client, id);
            assertThat(sandbox.conversions()).containsExactly(id);
            ReceivedRequest received = sandbox.received().get(1);
            assertThat(received.path()).isEqualTo("/sms/converted" + Calls.suffix(format));
            assertThat(received.body()).containsExactly(entry("messageId", id));
            assertKeyMasked(received);

            MittoApiException e = catchThrowableOfType(MittoApiException.class,
                    () -> calls.reportConversion(client, unknown));
            assertThat(e.getClass()).isEqualTo(MittoApiException.class);
            assertThat(e.httpStatus()).isEqualTo(404);
            assertThat(e.responseCode()).isEqualTo(-1);
            assertThat(e.code()).isEqualTo(ResponseCode.UNKNOWN);
            assertThat(e.body()).isEqualTo("No convertible message found for id \"" + unknown + "\"");
            assertThat(e).hasMessageContaining("404").hasMessageContaining(unknown);
        }
        assertThat(sandbox.conversions()).hasSize(1);
        assertThat(sandbox.received()).hasSize(3);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("net.mittoapi.sms.it.Calls#formatsAndCalls")
    void aReceiverTheSandboxRefusesIsAnApiExceptionWithItsResponseCode(Format format, Calls calls) {
        // Valid E.164 for the client, but no country has calling code +999: the server's check, code 8.
        try (MittoClient client = Calls.client(sandbox, format).build()) {
            MittoApiException e = catchThrowableOfType(MittoApiException.class, () -> calls.send(client,
                    SmsRequest.builder().from("MITTO SMS").to("999123456789").text("Hi").build()));
            assertThat(e.getClass()).isEqualTo(MittoApiException.class);
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.responseCode()).isEqualTo(8);
            assertThat(e.code()).isEqualTo(ResponseCode.INVALID_RECEIVER);
            assertThat(e.responseText()).startsWith("Invalid receiver").contains("999123456789");
            assertThat(e.body()).contains(format == Format.XML ? "<responseCode>8</responseCode>" : "\"responseCode\":8");
        }
        assertThat(sandbox.received()).hasSize(1);
        assertThat(sandbox.messages()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Region.class)
    void withABaseUrlTheRegionDoesNotMatterForAnyCall(Region region) {
        try (MittoClient client = MittoClient.builder().apiKey(sandbox.apiKey()).region(region)
                .baseUrl(sandbox.baseUrl()).build()) {
            String id = client.send(SmsRequest.builder().from("MITTO SMS").to("491725551234").text("Hi").build()).id();
            client.sendBulk(BulkSmsRequest.builder().from("MITTO SMS").to("491725551234").text("Hi").build());
            client.usageByCountry(UsageRequest.builder().startDate(LocalDate.of(2020, 1, 1))
                    .endDate(LocalDate.of(2030, 1, 1)).build());
            client.reportConversion(id);
            assertThat(client.toString()).doesNotContain(sandbox.apiKey());
        }
        List<ReceivedRequest> received = sandbox.received();
        assertThat(received).extracting(ReceivedRequest::path)
                .containsExactly("/sms.json", "/smsbulk.json", "/usage/bycountry.json", "/sms/converted.json");
        assertThat(received).allSatisfy(r -> {
            assertThat(r.header("Host")).contains("127.0.0.1:" + sandbox.port());
            assertKeyMasked(r);
        });
    }

    private void assertKeyMasked(ReceivedRequest received) {
        assertThat(received.header(KEY_HEADER)).contains(ReceivedRequest.MASKED);
        assertThat(received.headers().toString()).doesNotContain(sandbox.apiKey());
        assertThat(received.bodyText()).doesNotContain(sandbox.apiKey());
        assertThat(received.toString()).doesNotContain(sandbox.apiKey());
    }

    private String rawPost(String path, String json) throws IOException {
        PlainHttp.Answer response = PlainHttp.post(sandbox, path, json);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private static <T> T single(List<T> list) {
        assertThat(list).hasSize(1);
        return list.get(0);
    }
}
