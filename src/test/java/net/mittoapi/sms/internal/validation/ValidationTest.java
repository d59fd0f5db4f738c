package net.mittoapi.sms.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import net.mittoapi.sms.Format;
import net.mittoapi.sms.MittoValidationException;
import net.mittoapi.sms.UsageRequest;
import net.mittoapi.sms.internal.codec.Codec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule the request builders check, each row with the source that justifies it (../shared/mitto-api.md,
 * "The rule for client-side validation": refuse only what the API documents as invalid or no network can
 * carry). An accepted value is checked on the wire: the JSON body the codec writes for it.
 */
class ValidationTest {

    // ---- the sources ----
    static final String SEED_TO = "mitto-api.md, to: E.164 digits only, no '+' (the seed's examples)";
    static final String E164 = "ITU-T E.164: at most 15 digits, a country code never starts with 0 (no network can"
            + " carry more)";
    static final String EMPTY_MESSAGE = "mitto-api.md, responseCode 3 'Empty message'; text is required";
    static final String EMPTY_SENDER = "mitto-api.md, responseCode 5 'Empty sender'; from is required";
    static final String EMPTY_RECEIVER = "mitto-api.md, responseCode 7 'Empty receiver'; to is required";
    static final String SENDER_GSM7 = "mitto-api.md, from: the network carries an alphanumeric sender as GSM-7, at most"
            + " 11 septets (3GPP TS 23.040, TP-OA)";
    static final String SENDER_SERVER = "mitto-api.md, from: the 3-11 / 3-14 lengths are the server's (responseCode 6);"
            + " no source restricts the characters";
    static final String SENDER_AS_GIVEN = "Mitto's own clients send from untouched (C# SendSmsRequest.Sender, Node.js"
            + " sendTextMessage, Magento Api.sendSMS); the connector's numbers carry a '+'";
    static final String CALLBACK = "mitto-api.md, callback: an absolute URL that may carry template placeholders"
            + " (<name>, $name, ~name~), so need not be a strict URI";
    static final String REFERENCE = "mitto-api.md, reference: free text echoed in callbacks; no documented rule";
    static final String UDH = "mitto-api.md, udh: hex-encoded user data header; whole octets, at most the 140 of one"
            + " SMS (3GPP TS 23.040, TP-UD)";
    static final String VALIDITY = "mitto-api.md, validity: integer minutes; no network carries a negative period"
            + " (3GPP TS 23.040, TP-VP); the rest is the server's";
    static final String PID = "mitto-api.md, pid: protocol identifier; TP-PID is one octet (3GPP TS 23.040)";
    static final String TEXT = "mitto-api.md, text: any message body; the server splits long ones";
    static final String USAGE_DATES = "mitto-api.md, /usage/bycountry: the request names startDate and endDate";
    static final String USAGE_FREE = "mitto-api.md, /usage/bycountry: nothing documents a reversed period or an empty"
            + " AccountName as invalid";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String REFUSED = "\u0000refused";

    /** One row: a value for a field, what goes on the wire for it (or {@link #REFUSED}), and why. */
    record Row(String field, String value, String sent, String source) {
        @Override
        public String toString() {
            return field + "=" + Validation.show(value) + " -> " + (sent == REFUSED ? "refused" : "sent as "
                    + Validation.show(sent)) + "  [" + source + "]";
        }
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                // from: refused only when blank, not carriable as GSM-7, or longer than E.164
                sent("from", "MITTO SMS", SENDER_GSM7),
                sent("from", "Dr.Müller", SENDER_SERVER),
                sent("from", "Shop@Home", SENDER_SERVER),
                sent("from", "24/7", SENDER_SERVER),
                sent("from", "7-11", SENDER_SERVER),
                sent("from", "A&B (CH)", SENDER_SERVER),
                sent("from", "BANK*", SENDER_SERVER),
                sent("from", "Pizza #1", SENDER_SERVER),
                sent("from", "Café", SENDER_SERVER),
                sent("from", "AB", SENDER_SERVER),
                sent("from", "X", SENDER_SERVER),
                sent("from", " MITTO", SENDER_SERVER),
                sent("from", "12", SENDER_SERVER),
                sent("from", "ABCDEFGHIJK", SENDER_GSM7),
                sent("from", "ABCDEFGHI{", SENDER_GSM7),
                sent("from", "Price €9", SENDER_GSM7),
                sent("from", "123456789012345", E164),
                sent("from", "+491725551234", SENDER_AS_GIVEN),
                sent("from", "+123456789012345", E164),
                refused("from", null, EMPTY_SENDER),
                refused("from", "", EMPTY_SENDER),
                refused("from", "   ", EMPTY_SENDER),
                refused("from", "ABCDEFGHIJKL", SENDER_GSM7),
                refused("from", "Prices €€€€€€", SENDER_GSM7),
                refused("from", "Mitto ✓", SENDER_GSM7),
                refused("from", "Łódź", SENDER_GSM7),
                refused("from", "Shop😀", SENDER_GSM7),
                refused("from", "1234567890123456", E164),
                refused("from", "+1234567890123456", E164),
                // to: E.164 digits, the seed's form
                row("to", "491725551234", "491725551234", SEED_TO),
                row("to", "+491725551234", "491725551234", SEED_TO),
                row("to", "123456789012345", "123456789012345", E164),
                refused("to", null, EMPTY_RECEIVER),
                refused("to", "", EMPTY_RECEIVER),
                refused("to", "+49 172 555 1234", SEED_TO),
                refused("to", "49-172-5551234", SEED_TO),
                refused("to", "0172555123", E164),
                refused("to", "1234567890123456", E164),
                // text: anything but nothing
                sent("text", "Hello, World!", TEXT),
                sent("text", " ", TEXT),
                sent("text", "Здравствуй, Мир!", TEXT),
                refused("text", null, EMPTY_MESSAGE),
                refused("text", "", EMPTY_MESSAGE),
                // callback: absolute http(s) with a host; placeholders welcome
                sent("callback", "https://www.example.com", CALLBACK),
                sent("callback", "HTTP://EXAMPLE.COM:8443/x", CALLBACK),
                sent("callback", "https://x/dlr?id=<msgid>", CALLBACK),
                sent("callback", "https://x/dlr?id=$msgid$", CALLBACK),
                sent("callback", "https://x/dlr?id=~msgid~&mccmnc=~mcc~~mnc~", CALLBACK),
                sent("callback", "https://x/dlr/{id}", CALLBACK),
                sent("callback", "https://user@[::1]:8080/dlr", CALLBACK),
                sent("callback", "https://bücher.example/dlr", CALLBACK),
                refused("callback", "", CALLBACK),
                refused("callback", "   ", CALLBACK),
                refused("callback", "www.example.com", CALLBACK),
                refused("callback", "/dlr", CALLBACK),
                refused("callback", "ftp://example.com", CALLBACK),
                refused("callback", "mailto:x@y.z", CALLBACK),
                refused("callback", "https://", CALLBACK),
                refused("callback", "https:///dlr", CALLBACK),
                refused("callback", "https://:8080/dlr", CALLBACK),
                refused("callback", "https://exa mple.com", CALLBACK),
                refused("callback", "https://example.com/\tdlr", CALLBACK),
                refused("callback", "https://example.com/dlr\n", CALLBACK),
                refused("callback", "https://example.com/\u00A0", CALLBACK),
                refused("callback", "https://example.com/\u0000", CALLBACK),
                // reference: free text
                sent("reference", "Campaign 2019-05, B-split message", REFERENCE),
                sent("reference", "", REFERENCE),
                sent("reference", "   ", REFERENCE),
                // udh: whole octets of hex, one SMS at most
                sent("udh", "050003CC0201", UDH),
                sent("udh", "0a0b", UDH),
                sent("udh", "00".repeat(140), UDH),
                refused("udh", "", UDH),
                refused("udh", "0", UDH),
                refused("udh", "050003CC020", UDH),
                refused("udh", "05 00", UDH),
                refused("udh", "0x05", UDH),
                refused("udh", "zz", UDH),
                refused("udh", "٠٥", UDH),
                refused("udh", "00".repeat(141), UDH),
                // validity and pid: what the network can carry
                sent("validity", "0", VALIDITY),
                sent("validity", "2880", VALIDITY),
                sent("validity", String.valueOf(Integer.MAX_VALUE), VALIDITY),
                refused("validity", "-1", VALIDITY),
                refused("validity", String.valueOf(Integer.MIN_VALUE), VALIDITY),
                sent("pid", "0", PID),
                sent("pid", "255", PID),
                refused("pid", "-1", PID),
                refused("pid", "256", PID));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleOfASendHoldsAsItsSourceSays(Row row) throws IOException {
        MessageFields.Draft<String> draft = MessageFields.single();
        draft.from = "MITTO SMS";
        draft.to = "491725551234";
        draft.text = "Hi";
        SETTERS.stream().filter(s -> s.field.equals(row.field)).findFirst().orElseThrow().set.accept(draft, row.value);

        if (row.sent == REFUSED) {
            assertThatThrownBy(draft::build).as(row.toString()).isInstanceOf(MittoValidationException.class)
                    .hasMessageStartingWith(row.field + " must be")
                    .hasMessageEndingWith("got " + Validation.show(row.value instanceof String && isInt(row.field)
                            ? (Object) Integer.valueOf(row.value) : row.value));
            return;
        }
        JsonNode wire = MAPPER.readTree(Codec.of(Format.JSON).encodeSms(draft.build()));
        assertThat(wire.get(row.field).asText()).as(row.toString()).isEqualTo(row.sent);
    }

    static Stream<Arguments> usageRules() {
        return Stream.of(
                Arguments.of("startDate and endDate set", LocalDate.of(2020, 4, 1), LocalDate.of(2020, 4, 15), null,
                        true, USAGE_DATES),
                Arguments.of("no startDate", null, LocalDate.of(2020, 4, 15), null, false, USAGE_DATES),
                Arguments.of("no endDate", LocalDate.of(2020, 4, 1), null, null, false, USAGE_DATES),
                Arguments.of("a reversed period", LocalDate.of(2020, 4, 15), LocalDate.of(2020, 4, 1), null, true,
                        USAGE_FREE),
                Arguments.of("an empty AccountName", LocalDate.of(2020, 4, 1), LocalDate.of(2020, 4, 15), "", true,
                        USAGE_FREE));
    }

    @ParameterizedTest(name = "{0}: {4} [{5}]")
    @MethodSource("usageRules")
    void eachRuleOfAUsageRequestHoldsAsItsSourceSays(String name, LocalDate start, LocalDate end, String account,
            boolean accepted, String source) {
        UsageRequest.Builder builder = UsageRequest.builder().startDate(start).endDate(end).accountName(account);
        if (accepted) {
            assertThat(builder.build().accountName()).isEqualTo(java.util.Optional.ofNullable(account));
        } else {
            assertThatThrownBy(builder::build).as(name).isInstanceOf(MittoValidationException.class)
                    .hasMessageContaining("must be set");
        }
    }

    private static boolean isInt(String field) {
        return field.equals("validity") || field.equals("pid");
    }

    private static Arguments sent(String field, String value, String source) {
        return row(field, value, value, source);
    }

    private static Arguments refused(String field, String value, String source) {
        return row(field, value, REFUSED, source);
    }

    private static Arguments row(String field, String value, String sent, String source) {
        return Arguments.of(new Row(field, value, sent, source));
    }

    private record Setter(String field, BiConsumer<MessageFields.Draft<String>, String> set) {
    }

    private static final List<Setter> SETTERS = List.of(
            new Setter("from", (d, v) -> d.from = v),
            new Setter("to", (d, v) -> d.to = v),
            new Setter("text", (d, v) -> d.text = v),
            new Setter("callback", (d, v) -> d.callback = v),
            new Setter("reference", (d, v) -> d.reference = v),
            new Setter("udh", (d, v) -> d.udh = v),
            new Setter("validity", (d, v) -> d.validity = Integer.valueOf(v)),
            new Setter("pid", (d, v) -> d.pid = Integer.valueOf(v)));
}
