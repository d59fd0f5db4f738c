package net.mittoapi.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every call in the XML format: .xml paths, JSON requests, XML answers read tolerantly and safely. */
class MittoClientXmlTest {

    private final MockApi api = new MockApi();
    private final MittoClient client = api.client().format(Format.XML).build();

    @AfterEach
    void tearDown() {
        client.close();
        api.close();
    }

    @Test
    void sendUsesTheXmlPathAndStillSendsJson() {
        api.xml(200, "<?xml version=\"1.0\" encoding=\"utf-8\"?><SmsResponse>"
                + "<id>7d35863fe6f44695a713d54e6ba0aeb5</id><timestamp>2019-04-13T17:51:06.3091182Z</timestamp>"
                + "<to>491725551234</to><responseCode>0</responseCode><textLength> 13</textLength>"
                + "<responseText>SMS sent</responseText><test>true</test></SmsResponse>");

        SmsResponse response = client.send(SmsRequest.builder()
                .from("MITTO SMS").to("491725551234").text("Hello, World!").test(true).build());

        RecordedRequest request = api.take();
        assertThat(request.getTarget()).isEqualTo("/sms.xml");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("X-Mitto-API-Key")).isEqualTo(MockApi.KEY);
        assertThat(MockApi.body(request))
                .isEqualTo("{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"Hello, World!\",\"type\":\"auto\","
                        + "\"test\":true}");
        assertThat(response).isEqualTo(new SmsResponse("7d35863fe6f44695a713d54e6ba0aeb5",
                Instant.parse("2019-04-13T17:51:06.3091182Z"), "491725551234", 0, 13, "SMS sent", true));
    }

    @Test
    void sendAcceptsAnyRootAndElementNamesInAnyCase() {
        api.xml(200, "<Result><ID>abc</ID><TimeStamp>2019-04-13T12:07:57.8625574Z</TimeStamp><TO>41751231234</TO>"
                + "<ResponseCode>0</ResponseCode><TEXTLENGTH>13</TEXTLENGTH><responsetext>SMS sent</responsetext>"
                + "<Unknown><deep>x</deep></Unknown></Result>");

        SmsResponse response = client.send(SmsRequest.builder().from("Mitto SMS").to("41751231234").text("Hi!").build());

        assertThat(response).isEqualTo(new SmsResponse("abc", Instant.parse("2019-04-13T12:07:57.8625574Z"),
                "41751231234", 0, 13, "SMS sent", false));
    }

    @Test
    void sendBulkReadsAWrappedListWhateverItsChildrenAreCalled() {
        api.xml(200, "<BulkSmsResponse><responseCode>0</responseCode><responseText>SMS sent</responseText>"
                + "<messages>"
                + "<message><id>b47e7d4a-39d1-4e6c-a495-001501b3e626</id>"
                + "<timestamp>2019-08-21T14:55:29.6488926Z</timestamp><to>491765410994</to><textLength>13</textLength></message>"
                + "<message><id>9733ec48-dd12-4aca-b453-f89666379418</id>"
                + "<timestamp>2019-08-21T14:55:29.6492142Z</timestamp><to>491765410995</to><textLength>13</textLength></message>"
                + "</messages></BulkSmsResponse>");

        BulkSmsResponse response = client.sendBulk(BulkSmsRequest.builder().from("Mitto SMS")
                .to("491765410994", "491765410995").text("Hello, World 123!").build());

        RecordedRequest request = api.take();
        assertThat(request.getTarget()).isEqualTo("/smsbulk.xml");
        assertThat(MockApi.body(request)).isEqualTo(
                "{\"from\":\"Mitto SMS\",\"to\":\"491765410994,491765410995\",\"text\":\"Hello, World 123!\",\"type\":\"auto\"}");
        assertThat(response).isEqualTo(new BulkSmsResponse(0, "SMS sent", java.util.List.of(
                new BulkMessage("b47e7d4a-39d1-4e6c-a495-001501b3e626", Instant.parse("2019-08-21T14:55:29.6488926Z"),
                        "491765410994", 13),
                new BulkMessage("9733ec48-dd12-4aca-b453-f89666379418", Instant.parse("2019-08-21T14:55:29.6492142Z"),
                        "491765410995", 13))));
    }

    @Test
    void sendBulkReadsAWrappedListOfOneWithOtherNames() {
        api.xml(200, "<Response><RESPONSECODE>0</RESPONSECODE><Messages><Sms><Id>only</Id><To>491765410994</To>"
                + "<TextLength> 7</TextLength></Sms></Messages></Response>");

        BulkSmsResponse response = client.sendBulk(BulkSmsRequest.builder().from("Mitto SMS")
                .to("491765410994").text("one").build());

        assertThat(response.messages()).containsExactly(new BulkMessage("only", null, "491765410994", 7));
        assertThat(response.responseText()).isNull();
    }

    @Test
    void sendBulkReadsAnEmptyList() {
        api.xml(200, "<BulkSmsResponse><responseCode>0</responseCode><messages/></BulkSmsResponse>");

        BulkSmsResponse response = client.sendBulk(BulkSmsRequest.builder().from("Mitto SMS")
                .to("491765410994").text("none").build());

        assertThat(response.messages()).isEmpty();
    }

    @Test
    void usageByCountryReadsTheWrappedListExactly() {
        api.xml(200, "<UsageResponse><usagesByCountry>"
                + "<usageByCountry><country>DEU</country><messagesCount>1140</messagesCount><cost>68.400000</cost></usageByCountry>"
                + "<usageByCountry><country>SRB</country><messagesCount> 565</messagesCount><cost>33.900000</cost></usageByCountry>"
                + "</usagesByCountry></UsageResponse>");

        UsageResponse response = client.usageByCountry(UsageRequest.builder().startDate(LocalDate.of(2020, 4, 1))
                .endDate(LocalDate.of(2020, 4, 15)).accountName("promo_account").build());

        RecordedRequest request = api.take();
        assertThat(request.getTarget()).isEqualTo("/usage/bycountry.xml");
        assertThat(MockApi.body(request))
                .isEqualTo("{\"startDate\":\"2020-04-01\",\"endDate\":\"2020-04-15\",\"AccountName\":\"promo_account\"}");
        assertThat(response.usagesByCountry()).containsExactly(
                new CountryUsage("DEU", 1140, new BigDecimal("68.400000")),
                new CountryUsage("SRB", 565, new BigDecimal("33.900000")));
    }

    @Test
    void reportConversionUsesTheXmlPathAndAcceptsPlainOk() {
        api.enqueue(200, "text/plain", "OK");

        client.reportConversion("d8d9505a-161b-4776-9efb-4939d5b02e990");

        RecordedRequest request = api.take();
        assertThat(request.getTarget()).isEqualTo("/sms/converted.xml");
        assertThat(MockApi.body(request)).isEqualTo("{\"messageId\":\"d8d9505a-161b-4776-9efb-4939d5b02e990\"}");
    }

    @Test
    void anErrorAnswerInXmlKeepsItsCodeAndText() {
        api.xml(400, "<SmsResponse><responseCode>8</responseCode><responseText>Invalid receiver</responseText></SmsResponse>");

        assertThatThrownBy(() -> client.send(SmsRequest.builder().from("Mitto SMS").to("4917").text("x").build()))
                .isInstanceOfSatisfying(MittoApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.responseCode()).isEqualTo(8);
                    assertThat(e.code()).isEqualTo(ResponseCode.INVALID_RECEIVER);
                    assertThat(e.responseText()).isEqualTo("Invalid receiver");
                });
    }

    @Test
    void anExternalEntityIsNeverResolved(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-FILE-CONTENT");
        api.xml(200, "<?xml version=\"1.0\"?><!DOCTYPE SmsResponse [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<SmsResponse><id>x</id><responseCode>0</responseCode><responseText>&xxe;</responseText></SmsResponse>");

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> client.send(
                SmsRequest.builder().from("Mitto SMS").to("491725551234").text("x").build()));

        assertThat(thrown).isInstanceOf(MittoTransportException.class);
        assertThat(((MittoTransportException) thrown).maybeDelivered()).isTrue();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain("TOP-SECRET-FILE-CONTENT");
        }
    }

    @Test
    void anInternalEntityIsNotExpandedEither() {
        api.xml(200, "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
                + "<r><responseCode>0</responseCode><responseText>&b;</responseText></r>");

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> client.send(
                SmsRequest.builder().from("Mitto SMS").to("491725551234").text("x").build()));

        assertThat(thrown).isInstanceOf(MittoTransportException.class).hasMessageContaining("Undeclared general entity");
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain("aaaaaaaaaaaaaaaaaaaa");
        }
    }

    /** The DTD a DOCTYPE names is on a server of this test's, which counts any fetch of it. */
    @Test
    void aDoctypeWithoutEntitiesIsIgnored() {
        try (MockApi dtd = new MockApi()) {
            api.xml(200, "<?xml version=\"1.0\"?><!DOCTYPE SmsResponse SYSTEM \"" + dtd.baseUrl() + "/never-fetched.dtd\">"
                    + "<SmsResponse><id>plain</id><responseCode>0</responseCode></SmsResponse>");

            SmsResponse response = client.send(SmsRequest.builder().from("Mitto SMS").to("491725551234").text("x").build());

            assertThat(response.id()).isEqualTo("plain");
            assertThat(dtd.server.getRequestCount()).as("fetches of the DTD").isZero();
        }
    }

    @Test
    void aTimestampWithMoreThanNineFractionalDigitsIsReadToTheNanosecond() {
        api.xml(200, "<SmsResponse><id>a</id><timestamp>2019-04-13T17:51:06.30911823456789Z</timestamp>"
                + "<responseCode>0</responseCode></SmsResponse>");
        api.json(200, "{\"responseCode\":0,\"messages\":[{\"id\":\"b\",\"timestamp\":"
                + "\"2019-04-13T19:51:06.1234567890123+02:00\"}]}");

        SmsResponse sms = client.send(SmsRequest.builder().from("Mitto SMS").to("491725551234").text("x").build());
        BulkSmsResponse bulk = client.sendBulk(BulkSmsRequest.builder().from("Mitto SMS").to("491725551234")
                .text("x").build());

        assertThat(sms.timestamp()).isEqualTo(Instant.parse("2019-04-13T17:51:06.309118234Z"));
        assertThat(bulk.messages().get(0).timestamp()).isEqualTo(Instant.parse("2019-04-13T17:51:06.123456789Z"));
    }

    /**
     * Answers in the encodings a byte order mark names (UTF-16 in either byte order, UTF-32, UTF-8), XML and
     * JSON, successes and errors: each is read as what it is, its texts intact.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE", "UTF-8"})
    void anAnswerWithAByteOrderMarkIsReadInTheEncodingItNames(String charset) {
        String declared = charset.startsWith("UTF-8") ? "UTF-8" : charset.substring(0, 6);
        api.enqueue(encoded(200, charset, true, "<?xml version=\"1.0\" encoding=\"" + declared + "\"?>\n<SmsResponse>"
                + "<id>declared</id><responseCode>0</responseCode><responseText>Grüße 😀</responseText></SmsResponse>"));
        api.enqueue(encoded(200, charset, true, "<SmsResponse><id>undeclared</id><responseCode>0</responseCode>"
                + "</SmsResponse>"));
        api.enqueue(encoded(200, charset, true, " {\"id\":\"json\",\"responseCode\":0,\"responseText\":\"Grüße\"}"));
        api.enqueue(encoded(400, charset, true, "<SmsResponse><responseCode>8</responseCode><responseText>Invalid"
                + " receiver</responseText></SmsResponse>"));
        api.enqueue(encoded(200, charset, true, "OK"));
        SmsRequest sms = SmsRequest.builder().from("Mitto SMS").to("491725551234").text("x").build();

        SmsResponse declaredXml = client.send(sms);
        SmsResponse undeclaredXml = client.send(sms);
        SmsResponse json = client.send(sms);
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> client.send(sms));
        client.reportConversion("declared");

        assertThat(declaredXml.id()).isEqualTo("declared");
        assertThat(declaredXml.responseText()).isEqualTo("Grüße 😀");
        assertThat(undeclaredXml.id()).isEqualTo("undeclared");
        assertThat(json.id()).isEqualTo("json");
        assertThat(json.responseText()).isEqualTo("Grüße");
        assertThat(refused).isInstanceOfSatisfying(MittoApiException.class, e -> {
            assertThat(e.responseCode()).isEqualTo(8);
            assertThat(e.responseText()).isEqualTo("Invalid receiver");
            assertThat(e.body()).as("the raw body, decoded, without its byte order mark").startsWith("<SmsResponse>");
        });
    }

    /** Without a byte order mark, UTF-16 is told by where the zero bytes fall, as XML 1.0 (appendix F) does. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE"})
    void utf16XmlWithoutAByteOrderMarkIsReadToo(String charset) {
        api.enqueue(encoded(200, charset, false, "<?xml version=\"1.0\" encoding=\"UTF-16\"?><SmsResponse><id>no-bom"
                + "</id><responseCode>0</responseCode></SmsResponse>"));

        SmsResponse response = client.send(SmsRequest.builder().from("Mitto SMS").to("491725551234").text("x").build());

        assertThat(response.id()).isEqualTo("no-bom");
    }

    /** A JSON client reads UTF-16 JSON, and refuses UTF-16 XML saying what came, as it refuses UTF-8 XML. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE"})
    void aJsonClientReadsUtf16JsonAndRefusesUtf16XmlSayingWhatCame(String charset) {
        api.enqueue(encoded(200, charset, true, "{\"id\":\"json16\",\"responseCode\":0}"));
        api.enqueue(encoded(200, charset, true, "<SmsResponse><id>xml16</id></SmsResponse>"));
        SmsRequest sms = SmsRequest.builder().from("Mitto SMS").to("491725551234").text("x").build();
        try (MittoClient json = api.client().build()) {

            assertThat(json.send(sms).id()).isEqualTo("json16");
            assertThatThrownBy(() -> json.send(sms)).isInstanceOf(MittoTransportException.class)
                    .hasMessageContaining("(a " + charset + " XML answer; the client was built for Format.JSON)");
        }
    }

    /** An answer encoded in a charset, with a byte order mark or without, and a Content-Type that says so. */
    private static MockResponse encoded(int code, String charset, boolean bom, String body) {
        byte[] bytes = ((bom ? "\uFEFF" : "") + body).getBytes(Charset.forName(charset));
        return new MockResponse.Builder().code(code)
                .setHeader("Content-Type", "application/xml; charset=" + charset.toLowerCase(Locale.ROOT))
                .body(new Buffer().write(bytes)).build();
    }
}
