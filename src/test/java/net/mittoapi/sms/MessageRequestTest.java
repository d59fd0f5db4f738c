package net.mittoapi.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@link SmsRequest} and {@link BulkSmsRequest} share through {@link MessageRequest}: the setters keep each
 * builder's own type, every shared field reads back the same through either request, and {@code maxParts}
 * refuses and accepts exactly at the boundaries of the calculator's parts, per message, without being sent.
 */
class MessageRequestTest {

    /** Both builders, each with its recipient(s) already set. */
    static Stream<Arguments> builders() {
        return Stream.of(
                Arguments.of("SmsRequest", (Supplier<MessageRequest.Builder<?, ?, ?>>)
                        () -> SmsRequest.builder().to("491725551234")),
                Arguments.of("BulkSmsRequest", (Supplier<MessageRequest.Builder<?, ?, ?>>)
                        () -> BulkSmsRequest.builder().to("491765410994", "491765410995", "491765410996")));
    }

    @Test
    void everySharedSetterReturnsTheBuildersOwnTypeSoThatToStaysReachable() {
        // The API's own example, in its order: each step must still be an SmsRequest.Builder for the next.
        SmsRequest sms = SmsRequest.builder().from("MITTO SMS").to("491725551234").text("Hello, World!")
                .type(MessageType.AUTO).test(true).reference("Campaign 2019-05, B-split message")
                .callback("https://www.example.com").build();
        // Every shared setter, then to(..), which only the subclasses have.
        SmsRequest.Builder single = SmsRequest.builder().from("MITTO SMS").text("Hi").type(null).test(false)
                .reference(null).callback(null).udh(null).validity(60).pid(0).flash(false);
        BulkSmsRequest.Builder bulk = BulkSmsRequest.builder().from("Mitto SMS").text("Hi").type(null).test(false)
                .reference(null).callback(null).udh(null).validity(60).pid(0).flash(false);
        BulkSmsRequest many = bulk.to("491765410994", "491765410995").build();

        assertThat(sms.to()).isEqualTo("491725551234");
        assertThat(single.to("491725551234").build().validity()).hasValue(60);
        assertThat(many.to()).containsExactly("491765410994", "491765410995");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builders")
    void everySharedFieldReadsBackThroughEitherRequest(String name, Supplier<MessageRequest.Builder<?, ?, ?>> builder) {
        MessageRequest<?> request = builder.get().from("MITTO SMS").text("Hello").type(MessageType.UNICODE).test(true)
                .reference("ref").callback("https://example.com/dlr").udh("050003CC0201").validity(60).pid(64)
                .flash(true).build();

        assertThat(request).isInstanceOf(name.equals("SmsRequest") ? SmsRequest.class : BulkSmsRequest.class);
        assertThat(request.from()).isEqualTo("MITTO SMS");
        assertThat(request.text()).isEqualTo("Hello");
        assertThat(request.type()).contains(MessageType.UNICODE);
        assertThat(request.test()).isTrue();
        assertThat(request.reference()).contains("ref");
        assertThat(request.callback()).contains("https://example.com/dlr");
        assertThat(request.udh()).contains("050003CC0201");
        assertThat(request.validity()).isEqualTo(OptionalInt.of(60));
        assertThat(request.pid()).isEqualTo(OptionalInt.of(64));
        assertThat(request.flash()).isTrue();
        assertThat(request.toString()).startsWith(name + "{from='MITTO SMS', to=")
                .endsWith("text='Hello', type=UNICODE, test=true, reference='ref', callback=https://example.com/dlr,"
                        + " udh=050003CC0201, validity=60, pid=64, flash=true}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builders")
    void aBuilderBuildsEqualRequestsAgainAndEachSharedFieldCountsInEquals(String name,
            Supplier<MessageRequest.Builder<?, ?, ?>> builder) {
        MessageRequest.Builder<?, ?, ?> base = builder.get().from("MITTO SMS").text("Hello");
        MessageRequest<?> request = base.build();

        assertThat(base.build()).isEqualTo(request).hasSameHashCodeAs(request).isNotSameAs(request);
        List<MessageRequest<?>> others = List.of(builder.get().from("MITTO").text("Hello").build(),
                builder.get().from("MITTO SMS").text("Hello!").build(),
                builder.get().from("MITTO SMS").text("Hello").type(MessageType.AUTO).build(),
                builder.get().from("MITTO SMS").text("Hello").test(true).build(),
                builder.get().from("MITTO SMS").text("Hello").reference("").build(),
                builder.get().from("MITTO SMS").text("Hello").callback("https://example.com").build(),
                builder.get().from("MITTO SMS").text("Hello").udh("00").build(),
                builder.get().from("MITTO SMS").text("Hello").validity(2880).build(),
                builder.get().from("MITTO SMS").text("Hello").pid(0).build(),
                builder.get().from("MITTO SMS").text("Hello").flash(true).build());
        for (MessageRequest<?> other : others) {
            assertThat(other).as(other.toString()).isNotEqualTo(request);
        }
    }

    @Test
    void anSmsIsNeverEqualToABulkRequest() {
        SmsRequest sms = SmsRequest.builder().from("MITTO SMS").to("491725551234").text("Hi").build();
        BulkSmsRequest bulk = BulkSmsRequest.builder().from("MITTO SMS").to("491725551234").text("Hi").build();

        assertThat(sms).isNotEqualTo(bulk);
        assertThat(bulk).isNotEqualTo(sms);
    }

    // ---- maxParts: the caller's own cap on the parts one message costs ----

    /** A row of the boundary table: a text, its type, the cap, and the parts the calculator says it needs. */
    record Capped(String name, String text, MessageType type, int cap, int needs) {
        @Override
        public String toString() {
            return name + ", maxParts " + cap + (needs <= cap ? ": accepted" : ": refused, needs " + needs);
        }
    }

    static Stream<Capped> boundaries() {
        String emoji = "\uD83D\uDE00"; // U+1F600, a surrogate pair: 2 UTF-16 units
        return Stream.of(
                // GSM-7: 160 septets in one part, 153 per part of a longer message
                new Capped("GSM-7, 160 septets", "a".repeat(160), null, 1, 1),
                new Capped("GSM-7, 161 septets", "a".repeat(161), null, 1, 2),
                new Capped("GSM-7, 161 septets", "a".repeat(161), null, 2, 2),
                new Capped("GSM-7, 306 septets", "a".repeat(306), null, 2, 2),
                new Capped("GSM-7, 307 septets", "a".repeat(307), null, 2, 3),
                // an extension character costs 2 septets and is never split from its escape
                new Capped("GSM-7, 158 + one € = 160 septets", "a".repeat(158) + "€", null, 1, 1),
                new Capped("GSM-7, 159 + one € = 161 septets", "a".repeat(159) + "€", null, 1, 2),
                new Capped("GSM-7, 80 € = 160 septets", "€".repeat(80), null, 1, 1),
                new Capped("GSM-7, 80 € + 1 = 161 septets", "€".repeat(80) + "a", null, 1, 2),
                new Capped("GSM-7, € ends part 1, 306", "a".repeat(151) + "€" + "a".repeat(153), null, 2, 2),
                new Capped("GSM-7, € across a cut, 306", "a".repeat(152) + "€" + "a".repeat(152), null, 2, 3),
                // UCS-2: 70 units in one part, 67 per part of a longer message
                new Capped("UCS-2, 70 units", "ж".repeat(70), null, 1, 1),
                new Capped("UCS-2, 71 units", "ж".repeat(71), null, 1, 2),
                new Capped("UCS-2, 134 units", "ж".repeat(134), null, 2, 2),
                new Capped("UCS-2, 135 units", "ж".repeat(135), null, 2, 3),
                // a surrogate pair counts 2 units and is never split
                new Capped("UCS-2, 68 + emoji = 70 units", "ж".repeat(68) + emoji, null, 1, 1),
                new Capped("UCS-2, 69 + emoji = 71 units", "ж".repeat(69) + emoji, null, 1, 2),
                new Capped("UCS-2, emoji ends part 1, 134", "ж".repeat(65) + emoji + "ж".repeat(67), null, 2, 2),
                new Capped("UCS-2, emoji after a cut, 134", "ж".repeat(67) + emoji + "ж".repeat(65), null, 2, 2),
                new Capped("UCS-2, emoji across a cut, 134", "ж".repeat(66) + emoji + "ж".repeat(66), null, 2, 3),
                // the encoding the message goes out in: the type decides, AUTO (or none) whichever the text needs
                new Capped("AUTO, 161 septets", "a".repeat(161), MessageType.AUTO, 1, 2),
                new Capped("AUTO, 71 GSM-7 letters", "a".repeat(71), MessageType.AUTO, 1, 1),
                new Capped("UNICODE, 70 GSM-7 letters as UCS-2", "a".repeat(70), MessageType.UNICODE, 1, 1),
                new Capped("UNICODE, 71 GSM-7 letters as UCS-2", "a".repeat(71), MessageType.UNICODE, 1, 2),
                new Capped("UNICODE, 134 units", "a".repeat(134), MessageType.UNICODE, 2, 2),
                new Capped("UNICODE, 135 units", "a".repeat(135), MessageType.UNICODE, 2, 3),
                new Capped("GSM, 160 septets", "a".repeat(160), MessageType.GSM, 1, 1),
                new Capped("GSM, 161 septets", "a".repeat(161), MessageType.GSM, 1, 2),
                new Capped("GSM, 307 septets", "a".repeat(307), MessageType.GSM, 2, 3),
                // BINARY: hex digits, two per octet; 140 octets in one part, 134 per part of a longer message
                new Capped("BINARY, 140 octets", "00".repeat(140), MessageType.BINARY, 1, 1),
                new Capped("BINARY, 141 octets", "0A".repeat(141), MessageType.BINARY, 1, 2),
                new Capped("BINARY, 268 octets", "ff".repeat(268), MessageType.BINARY, 2, 2),
                new Capped("BINARY, 269 octets", "ff".repeat(269), MessageType.BINARY, 2, 3));
    }

    static Stream<Arguments> cappedRequests() {
        return builders().flatMap(b -> boundaries().map(c -> Arguments.of(b.get()[0], b.get()[1], c)));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("cappedRequests")
    void maxPartsAcceptsExactlyTheTextsThatFitAndNamesWhatTheOthersNeed(String name,
            Supplier<MessageRequest.Builder<?, ?, ?>> builder, Capped row) {
        MessageRequest.Builder<?, ?, ?> capped = builder.get().from("MITTO SMS").text(row.text).type(row.type)
                .maxParts(row.cap);

        if (row.needs <= row.cap) {
            assertThat(capped.build().maxParts()).hasValue(row.cap);
        } else {
            assertThatThrownBy(capped::build).isInstanceOf(MittoValidationException.class)
                    .hasMessageStartingWith("text needs " + row.needs + " parts as ")
                    .hasMessageContaining("more than maxParts " + row.cap);
        }
    }

    @Test
    void theRefusalSaysWhatTheTextNeedsTheCapAndWhatToDo() {
        assertThatThrownBy(() -> SmsRequest.builder().from("MITTO SMS").to("491725551234").text("a".repeat(161))
                .maxParts(1).build())
                .isInstanceOf(MittoValidationException.class)
                .hasMessage("text needs 2 parts as GSM-7 (161 septets, 153 a part), more than maxParts 1: shorten it"
                        + " or raise maxParts; got '" + "a".repeat(60) + "… (161 characters)'");
        assertThatThrownBy(() -> SmsRequest.builder().from("MITTO SMS").to("491725551234")
                .text("ж".repeat(66) + "\uD83D\uDE00" + "ж".repeat(66)).maxParts(2).build())
                .hasMessageStartingWith("text needs 3 parts as UCS-2 (134 UTF-16 units, 67 a part, fewer where a"
                        + " part ends before a character or cluster it must not split), more than maxParts 2");
        assertThatThrownBy(() -> SmsRequest.builder().from("MITTO SMS").to("491725551234").text("00".repeat(141))
                .type(MessageType.BINARY).maxParts(1).build())
                .hasMessageStartingWith("text needs 2 parts as binary (141 octets, 134 a part), more than maxParts 1");
    }

    @Test
    void theCapIsPerMessageSoABulkOfThreeTwoPartMessagesFitsACapOfTwo() {
        BulkSmsRequest bulk = BulkSmsRequest.builder().from("Mitto SMS")
                .to("491765410994", "491765410995", "491765410996").text("a".repeat(306)).maxParts(2).build();

        assertThat(bulk.to()).hasSize(3);
        assertThat(bulk.maxParts()).hasValue(2);
        assertThatThrownBy(() -> BulkSmsRequest.builder().from("Mitto SMS")
                .to("491765410994", "491765410995", "491765410996").text("a".repeat(307)).maxParts(2).build())
                .hasMessageStartingWith("text needs 3 parts as GSM-7 (307 septets, 153 a part), more than maxParts 2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builders")
    void aCapBelowOneIsRefused(String name, Supplier<MessageRequest.Builder<?, ?, ?>> builder) {
        for (int bad : new int[] {0, -1, Integer.MIN_VALUE}) {
            assertThatThrownBy(() -> builder.get().from("MITTO SMS").text("Hi").maxParts(bad).build())
                    .isInstanceOf(MittoValidationException.class)
                    .hasMessage("maxParts must be at least 1, the part every message costs; got " + bad);
        }
        assertThat(builder.get().from("MITTO SMS").text("a".repeat(1000)).maxParts(Integer.MAX_VALUE).build()
                .maxParts()).hasValue(Integer.MAX_VALUE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builders")
    void thereIsNoCapUnlessOneIsSet(String name, Supplier<MessageRequest.Builder<?, ?, ?>> builder) {
        MessageRequest<?> request = builder.get().from("MITTO SMS").text("ж".repeat(670)).build();

        assertThat(request.maxParts()).isEmpty();
        assertThat(request.toString()).doesNotContain("maxParts");
        assertThat(builder.get().from("MITTO SMS").text("ж".repeat(670)).maxParts(10).build().toString())
                .endsWith(", maxParts=10}");
        assertThat(builder.get().from("MITTO SMS").text("Hi").maxParts(3).build())
                .isNotEqualTo(builder.get().from("MITTO SMS").text("Hi").maxParts(4).build())
                .isNotEqualTo(builder.get().from("MITTO SMS").text("Hi").build())
                .isEqualTo(builder.get().from("MITTO SMS").text("Hi").maxParts(3).build());
    }

    @Test
    void whenNormalizingWouldMakeItFitTheRefusalSaysSo() {
        // One curly apostrophe puts 101 characters into UCS-2 (2 parts); GsmNormalizer makes them GSM-7 (1 part).
        String curly = "It’s" + "a".repeat(97);
        assertThatThrownBy(() -> SmsRequest.builder().from("MITTO SMS").to("491725551234").text(curly).maxParts(1)
                .build())
                .hasMessage("text needs 2 parts as UCS-2 (101 UTF-16 units, 67 a part), more than maxParts 1;"
                        + " GsmNormalizer.normalize(text) makes it fit, 1 part as GSM-7 (101 septets): send what it"
                        + " returns, or shorten it or raise maxParts; got 'It’s" + "a".repeat(56)
                        + "… (101 characters)'");
        // Normalized, 201 septets still need 2 parts: no such hint for a cap of 1, but one for a cap of 2.
        String longer = "It’s" + "a".repeat(197);
        assertThatThrownBy(() -> SmsRequest.builder().from("MITTO SMS").to("491725551234").text(longer).maxParts(1)
                .build())
                .hasMessageStartingWith("text needs 3 parts as UCS-2 (201 UTF-16 units, 67 a part), more than"
                        + " maxParts 1: shorten it or raise maxParts").hasMessageNotContaining("GsmNormalizer");
        assertThatThrownBy(() -> BulkSmsRequest.builder().from("MITTO SMS").to("491725551234").text(longer)
                .maxParts(2).build())
                .hasMessageContaining("GsmNormalizer.normalize(text) makes it fit, 2 parts as GSM-7 (201 septets,"
                        + " 153 a part)");
        // Normalizing changes nothing for Cyrillic: no hint.
        assertThatThrownBy(() -> SmsRequest.builder().from("MITTO SMS").to("491725551234").text("ж".repeat(71))
                .maxParts(1).build()).hasMessageNotContaining("GsmNormalizer");
    }

    @Test
    void aGsmMessageWithACharacterGsm7LacksCannotBeCountedAndIsRefusedOnlyWhenCapped() {
        SmsRequest.Builder gsm = SmsRequest.builder().from("MITTO SMS").to("491725551234").type(MessageType.GSM);

        assertThatThrownBy(() -> gsm.text("Привет").maxParts(5).build())
                .isInstanceOf(MittoValidationException.class)
                .hasMessage("text cannot be counted against maxParts 5 as type GSM: 'П' (U+041F) is not in the GSM"
                        + " 7-bit alphabet, and how the server sends it as GSM is not documented: send it as AUTO or"
                        + " UNICODE, or replace the character; got 'Привет'");
        assertThatThrownBy(() -> gsm.text("It’s fine").maxParts(1).build())
                .hasMessageContaining("'’' (U+2019) is not in the GSM 7-bit alphabet")
                .hasMessageContaining("is not documented; GsmNormalizer.normalize(text) makes it fit, 1 part as GSM-7"
                        + " (9 septets): send what it returns, or send it as AUTO or UNICODE");
        assertThat(SmsRequest.builder().from("MITTO SMS").to("491725551234").type(MessageType.GSM).text("Привет")
                .build().text()).as("uncapped, it goes to the server as before").isEqualTo("Привет");
    }

    @Test
    void aBinaryTextIsCountedAsHexOctetsAndRefusedOnlyWhenCappedAndNotHex() {
        SmsRequest.Builder binary = SmsRequest.builder().from("MITTO SMS").to("491725551234")
                .type(MessageType.BINARY);

        for (String notHex : new String[] {"Hello", "0", "0x00", "00 11"}) {
            assertThatThrownBy(() -> binary.text(notHex).maxParts(10).build())
                    .isInstanceOf(MittoValidationException.class)
                    .hasMessage("text of a binary message must be whole octets of hex digits for maxParts to count"
                            + " its parts (140 octets in one part, 134 a part of a longer message); remove maxParts to"
                            + " send it uncounted; got '" + notHex + "'");
        }
        assertThat(SmsRequest.builder().from("MITTO SMS").to("491725551234").type(MessageType.BINARY)
                .text("Hello").build().text()).as("uncapped, it goes to the server as before").isEqualTo("Hello");
    }

    @Test
    void maxPartsIsNotSentTheBodyIsTheSameWithAndWithoutIt() {
        try (MockApi api = new MockApi(); MittoClient client = api.client().build()) {
            String sms = "{\"id\":\"1\",\"responseCode\":0,\"responseText\":\"SMS sent\",\"textLength\":306}";
            String bulk = "{\"responseCode\":0,\"responseText\":\"SMS sent\",\"messages\":[]}";
            api.json(200, sms);
            api.json(200, sms);
            api.json(200, bulk);
            api.json(200, bulk);
            SmsRequest.Builder one = SmsRequest.builder().from("MITTO SMS").to("491725551234").text("a".repeat(306))
                    .reference("r");
            BulkSmsRequest.Builder many = BulkSmsRequest.builder().from("MITTO SMS").to("491725551234", "491765410994")
                    .text("ж".repeat(134)).type(MessageType.UNICODE);

            client.send(one.build());
            client.send(one.maxParts(2).build());
            client.sendBulk(many.build());
            client.sendBulk(many.maxParts(2).build());

            String uncapped = MockApi.body(api.take());
            assertThat(MockApi.body(api.take())).isEqualTo(uncapped).doesNotContainIgnoringCase("parts");
            assertThat(uncapped).isEqualTo("{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\""
                    + "a".repeat(306) + "\",\"type\":\"auto\",\"reference\":\"r\"}");
            String uncappedBulk = MockApi.body(api.take());
            assertThat(MockApi.body(api.take())).isEqualTo(uncappedBulk).doesNotContainIgnoringCase("parts");
            assertThat(uncappedBulk).startsWith("{\"from\":\"MITTO SMS\",\"to\":\"491725551234,491765410994\"");
        }
    }
}
