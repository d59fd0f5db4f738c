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

    @ParameterizedTest
    @CsvSource({
        "MITTO SMS, MITTO SMS",
        "Mitto SMS, Mitto SMS",
        "ACME, ACME",
        "Abc, Abc",
        "Shop24, Shop24",
        "A-B_C.D&E+F, A-B_C.D&E+F",
        "Joe's Cafe, Joe's Cafe",
        "Sale!, Sale!",
        "ABCDEFGHIJK, ABCDEFGHIJK",
        "123, 123",
        "12345678901234, 12345678901234",
        "+491725551234, 491725551234"})
    void fromAcceptsAlphanumericOf3To11OrNumericOf3To14(String given, String sent) {
        assertThat(valid().from(given).build().from()).isEqualTo(sent);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "AB|alphanumeric",
        "ABCDEFGHIJKL|alphanumeric",
        "MITTO  SMS|alphanumeric",
        "' MITTO'|alphanumeric",
        "'MITTO '|alphanumeric",
        "Mitto@SMS|alphanumeric",
        "Mïtto|alphanumeric",
        "12 34|alphanumeric",
        "12|numeric sender of 3 to 14 digits",
        "123456789012345|numeric sender of 3 to 14 digits",
        "+12|numeric sender of 3 to 14 digits"})
    void fromRefusesOtherSenders(String bad, String rule) {
        assertThatThrownBy(() -> valid().from(bad).build())
                .isInstanceOf(MittoValidationException.class)
                .hasMessageStartingWith("from must be")
                .hasMessageContaining(rule)
                .hasMessageEndingWith("got '" + bad + "'");
    }

    @ParameterizedTest
    @NullAndEmptySource
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
    @ValueSource(strings = {"https://www.example.com", "http://example.com/dlr?id=1", "HTTPS://EXAMPLE.COM:8443/x"})
    void callbackAcceptsAbsoluteHttpUrls(String url) {
        assertThat(valid().callback(url).build().callback()).contains(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"www.example.com", "/dlr", "ftp://example.com", "https://", "https://exa mple.com", "mailto:x@y.z",
        ""})
    void callbackRefusesAnythingButAbsoluteHttpUrls(String bad) {
        assertThatThrownBy(() -> valid().callback(bad).build())
                .isInstanceOf(MittoValidationException.class)
                .hasMessageStartingWith("callback must be an absolute http or https URL")
                .hasMessageEndingWith("got '" + bad + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"050003CC0201", "0a0b", "06080412340201"})
    void udhAcceptsEvenHex(String udh) {
        assertThat(valid().udh(udh).build().udh()).contains(udh);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "050003CC020", "05 00", "0x05", "zz"})
    void udhRefusesAnythingButEvenHex(String bad) {
        assertThatThrownBy(() -> valid().udh(bad).build())
                .isInstanceOf(MittoValidationException.class)
                .hasMessageStartingWith("udh must be an even number")
                .hasMessageEndingWith("got '" + bad + "'");
    }

    @Test
    void udhRefusesMoreThanOneSmsOfHeader() {
        assertThatThrownBy(() -> valid().udh("00".repeat(141)).build())
                .isInstanceOf(MittoValidationException.class).hasMessageStartingWith("udh must be");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void validityMustBePositive(int bad) {
        assertThatThrownBy(() -> valid().validity(bad).build())
                .isInstanceOf(MittoValidationException.class)
                .hasMessage("validity must be a positive number of minutes (the server's default is 2880); got " + bad);
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
    @ValueSource(strings = {"", "   "})
    void referenceMustNotBeBlankWhenSet(String bad) {
        assertThatThrownBy(() -> valid().reference(bad).build())
                .isInstanceOf(MittoValidationException.class).hasMessageStartingWith("reference must be non-blank");
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
