package net.mittoapi.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rule {@link SmsRequest.Builder#build()} checks, as tables of accepted and refused values. */
class SmsRequestTest {

    private static SmsRequest.Builder valid() {
        return SmsRequest.builder().from("MITTO SMS").to("491725551234").text("Hello, World!");
    }

    @ParameterizedTest
    @CsvSource({
        "491725551234, 491725551234",
        "+491725551234, 491725551234",
        "1, 1",
        "123456789012345, 123456789012345",
        "+123456789012345, 123456789012345"})
    void toAcceptsE164DigitsAndStripsOneLeadingPlus(String given, String sent) {
        assertThat(valid().to(given).build().to()).isEqualTo(sent);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+49 172 555 1234", "49-172-5551234", "49172555123x", "phone", "+", "++491725551234",
        "1234567890123456", "0049172555123", "0172555123", "４９１７２５５５１２３４", " 491725551234"})
    void toRefusesAnythingButE164Digits(String bad) {
        assertThatThrownBy(() -> valid().to(bad).build())
                .isInstanceOf(MittoValidationException.class)
                .hasMessageStartingWith("to must be an E.164 number")
                .hasMessageContaining("15 digits")
                .hasMessageEndingWith("got '" + bad + "'");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void toIsRequired(String missing) {
        assertThatThrownBy(() -> valid().to(missing).build())
                .isInstanceOf(MittoValidationException.class)
                .hasMessageStartingWith("to must be set to an E.164 number");
    }

    /** Issue 7's list: senders the API may take, which the client must let through exactly as given. */
    @ParameterizedTest
    @ValueSource(strings = {"MITTO SMS", "Dr.Müller", "Shop@Home", "24/7", "7-11", "A&B (CH)", "BANK*", "Pizza #1", "Café",
        "AB", "ABCDEFGHIJK", "12", "123456789012345", "+491725551234", " MITTO", "MITTO  SMS"})
    void fromGoesOutExactlyAsGiven(String sender) {
        assertThat(valid().from(sender).build().from()).isEqualTo(sender);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ABCDEFGHIJKL|at most 11 GSM-7 septets",
        "Sale €€€€€|at most 11 GSM-7 septets",
        "Mïtto|'ï' (U+00EF) is not one",
        "Shop ✓|'✓' (U+2713) is not one",
        "1234567890123456|at most 15 digits",
        "+1234567890123456|at most 15 digits"})
    void fromRefusesOnlyWhatNoNetworkCarries(String bad, String rule) {
        assertThatThrownBy(() -> valid().from(bad).build())
                .isInstanceOf(MittoValidationException.class)
                .hasMessageStartingWith("from must be")
                .hasMessageContaining(rule)
                .hasMessageEndingWith("got '" + bad + "'");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void fromIsRequired(String missing) {
        assertThatThrownBy(() -> valid().from(missing).build())
                .isInstanceOf(MittoValidationException.class).hasMessageStartingWith("from must be set");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void textIsRequired(String missing) {
        assertThatThrownBy(() -> valid().text(missing).build())
                .isInstanceOf(MittoValidationException.class).hasMessageStartingWith("text must be a non-empty message");
    }

    @Test
    void textMayBeLongAndStartWithASpaceAsTheSeedsLongExampleDoes() {
        String text = " Due to the limitations of GSM/PDU standard," + "x".repeat(500);
        assertThat(valid().text(text).build().text()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.example.com", "http://example.com/dlr?id=1", "HTTPS://EXAMPLE.COM:8443/x",
        "https://x/dlr?id=<msgid>", "https://x/dlr?id=$msgid$", "https://x/dlr?id=~msgid~", "https://x/dlr/{id}"})
    void callbackAcceptsAbsoluteHttpUrlsWithTemplatePlaceholders(String url) {
        assertThat(valid().callback(url).build().callback()).contains(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"www.example.com", "/dlr", "ftp://example.com", "https://", "https://exa mple.com", "mailto:x@y.z",
        "", " ", "https://example.com/\n"})
    void callbackRefusesAnythingButAbsoluteHttpUrls(String bad) {
        assertThatThrownBy(() -> valid().callback(bad).build())
                .isInstanceOf(MittoValidationException.class)
                .hasMessageStartingWith("callback must be an absolute http or https URL")
                .hasMessageEndingWith("got '" + bad + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"050003CC0201", "0a0b", "06080412340201"})
    void udhAcceptsWholeOctetsOfHex(String udh) {
        assertThat(valid().udh(udh).build().udh()).contains(udh);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "050003CC020", "05 00", "0x05", "zz"})
    void udhRefusesAnythingButWholeOctetsOfHex(String bad) {
        assertThatThrownBy(() -> valid().udh(bad).build())
                .isInstanceOf(MittoValidationException.class)
                .hasMessageStartingWith("udh must be whole octets of hexadecimal digits")
                .hasMessageEndingWith("got '" + bad + "'");
    }

    @Test
    void udhRefusesMoreThanOneSmsOfHeader() {
        assertThatThrownBy(() -> valid().udh("00".repeat(141)).build())
                .isInstanceOf(MittoValidationException.class).hasMessageStartingWith("udh must be");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, Integer.MIN_VALUE})
    void validityMustNotBeNegative(int bad) {
        assertThatThrownBy(() -> valid().validity(bad).build())
                .isInstanceOf(MittoValidationException.class)
                .hasMessage("validity must be zero or a positive number of minutes, as no network carries a negative"
                        + " validity period (the server's default is 2880); got " + bad);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2880, Integer.MAX_VALUE})
    void validityOfZeroOrMoreGoesToTheServer(int minutes) {
        assertThat(valid().validity(minutes).build().validity()).hasValue(minutes);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 256, 1000})
    void pidMustBeOneOctet(int bad) {
        assertThatThrownBy(() -> valid().pid(bad).build())
                .isInstanceOf(MittoValidationException.class)
                .hasMessageStartingWith("pid must be a protocol identifier between 0 and 255")
                .hasMessageEndingWith("got " + bad);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Campaign 2019-05, B-split message"})
    void referenceIsKeptExactlyAsGivenEvenEmpty(String reference) {
        assertThat(valid().reference(reference).build().reference()).contains(reference);
    }

    @Test
    void optionsAreUnsetByDefault() {
        SmsRequest request = valid().build();
        assertThat(request.type()).isEmpty();
        assertThat(request.test()).isFalse();
        assertThat(request.reference()).isEmpty();
        assertThat(request.callback()).isEmpty();
        assertThat(request.udh()).isEmpty();
        assertThat(request.validity()).isEqualTo(OptionalInt.empty());
        assertThat(request.pid()).isEqualTo(OptionalInt.empty());
        assertThat(request.flash()).isFalse();
    }

    @Test
    void everyOptionIsKept() {
        SmsRequest request = valid().type(MessageType.UNICODE).test(true).reference("Campaign 2019-05, B-split message")
                .callback("https://www.example.com").udh("050003CC0201").validity(60).pid(64).flash(true).build();
        assertThat(request.type()).contains(MessageType.UNICODE);
        assertThat(request.test()).isTrue();
        assertThat(request.reference()).contains("Campaign 2019-05, B-split message");
        assertThat(request.validity()).hasValue(60);
        assertThat(request.pid()).hasValue(64);
        assertThat(request.flash()).isTrue();
    }

    @Test
    void severalBadFieldsAreReportedOneAtATimeInTheApisOrder() {
        assertThatThrownBy(() -> SmsRequest.builder().to("x").text("").build()).hasMessageStartingWith("from must be set");
        assertThatThrownBy(() -> SmsRequest.builder().from("ACME").text("").build()).hasMessageStartingWith("to must be set");
        assertThatThrownBy(() -> valid().text("").udh("x").build()).hasMessageStartingWith("text must be");
        assertThatThrownBy(() -> valid().callback("x").udh("x").build()).hasMessageStartingWith("callback must be");
    }

    @Test
    void equalRequestsAreEqualAndPrintTheirFields() {
        assertThat(valid().build()).isEqualTo(valid().build()).hasSameHashCodeAs(valid().build())
                .isNotEqualTo(valid().flash(true).build());
        assertThat(valid().type(MessageType.AUTO).build().toString())
                .isEqualTo("SmsRequest{from='MITTO SMS', to=491725551234, text='Hello, World!', type=AUTO}");
    }
}
