package net.mittoapi.sms.sandbox;

import static net.mittoapi.sms.sandbox.RawHttp.post;
import static net.mittoapi.sms.sandbox.RawHttp.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import net.mittoapi.sms.Format;
import net.mittoapi.sms.MittoApiException;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.sandbox.junit.MittoSandboxExtension;
import net.mittoapi.sms.segments.SegmentCalculator;
import net.mittoapi.sms.webhook.DeliveryReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sandbox as the API's double: its own copy of the API's documented rules (../shared/mitto-api.md), over
 * raw HTTP so that no client rule is involved, and its answer to bodies a careless or hostile caller sends.
 */
@ExtendWith(MittoSandboxExtension.class)
class MittoSandboxRulesIT {

    /** The class's sandbox, reset before each test (MittoSandboxExtension). */
    private final MittoSandbox sandbox;

    MittoSandboxRulesIT(MittoSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e400", "-1e400", "1e9999999999", "1e-9999999999", "1.5e308", "123456789012345678901234567890"})
    void aNumberNoFieldCanHoldIsABadRequestAndTheRequestIsRecorded(String number) {
        String body = "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"Hi\",\"validity\":" + number + "}";

        RawHttp.Reply reply = post(sandbox, "/sms.json", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).startsWith("Malformed request: ");
        assertThat(sandbox.received()).singleElement().satisfies(request -> assertThat(request.bodyText()).isEqualTo(body));
        assertThat(sandbox.messages()).isEmpty();
    }

    // ---- senders: the lengths of Mitto's developer guide, nothing about characters ----

    @ParameterizedTest(name = "from {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "ABC|200", "ABCDEFGHIJK|200", "AB|6", "A|6", "ABCDEFGHIJKL|6",
        "Dr.Müller|200", "Mitto*SMS|200", "Shop@Home|200", "A&B (CH)|200", "Pizza #1|200", "Café|200", "Ωmega|200",
        "😀😀😀|200", "😀😀|6",
        "123|200", "12345678901234|200", "12|6", "123456789012345|6",
        "+123|200", "+12|6", "+491725551234|200", "+123456789012345|6"})
    void aSenderIsJudgedByTheApisLengthsOnly(String from, int expected) {
        RawHttp.Reply reply = post(sandbox, "/sms.json", "{\"from\":" + RawHttp.MAPPER.valueToTree(from)
                + ",\"to\":\"491725551234\",\"text\":\"Hi\"}");

        if (expected == 200) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(sandbox.messages()).singleElement().satisfies(m -> assertThat(m.from()).isEqualTo(from));
        } else {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().get("responseCode").asInt()).isEqualTo(6);
            assertThat(reply.json().get("responseText").asText()).startsWith("Invalid sender: ")
                    .contains(from.matches("\\+?[0-9]+") ? "3 to 14 digits" : "3 to 11 characters");
        }
    }

    // ---- type: every Mitto client's spelling, any case; no type is GSM ----

    @ParameterizedTest(name = "type {0}")
    @ValueSource(strings = {"GSM", "gsm", "Gsm", "Unicode", "unicode", "UNICODE", "Binary", "binary", "BINARY", "Byte",
        "byte", "auto", "AUTO", "Auto", " auto "})
    void everyMittoClientsSpellingOfTypeIsAcceptedInAnyCase(String type) {
        boolean binary = type.strip().equalsIgnoreCase("binary") || type.strip().equalsIgnoreCase("byte");
        String text = binary ? "48656C6C6F" : "Hello";

        RawHttp.Reply reply = post(sandbox, "/sms.json", "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\""
                + text + "\",\"type\":\"" + type + "\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("textLength").asInt()).isEqualTo(5);
        assertThat(sandbox.messages()).singleElement().satisfies(m -> assertThat(m.type())
                .contains(binary ? "binary" : type.strip().toLowerCase(Locale.ROOT)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/sms.json", "/sms.xml", "/smsbulk.json"})
    void withoutATypeTheApiUsesGsmSoNonGsmTextIsRefusedWithCode4(String path) {
        RawHttp.Reply reply = post(sandbox, path, "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\","
                + "\"text\":\"Здравствуй, Мир!\"}");

        assertThat(reply.status()).isEqualTo(400);
        String code = path.endsWith(".xml") ? text(reply.xml(), "responseCode") : reply.json().get("responseCode").asText();
        String responseText = path.endsWith(".xml") ? text(reply.xml(), "responseText")
                : reply.json().get("responseText").asText();
        assertThat(code).isEqualTo("4");
        assertThat(responseText).contains("outside the GSM 7-bit alphabet").contains("names no type");
        assertThat(sandbox.messages()).isEmpty();
    }

    @Test
    void withoutATypeGsmTextIsMeasuredAsGsm() {
        String text = "x".repeat(161);

        JsonNode json = post(sandbox, "/sms.json", "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\""
                + text + "\"}").json();

        assertThat(json.get("textLength").asInt()).isEqualTo(161);
        assertThat(sandbox.messages()).singleElement().satisfies(m -> {
            assertThat(m.parts()).isEqualTo(SegmentCalculator.calculate(text).segmentCount()).isEqualTo(2);
            assertThat(m.type()).isEmpty();
        });
    }

    @Test
    void theClientSendsAutoSoANonGsmTextWithoutAChosenTypeGoesThrough() {
        try (MittoClient client = MittoClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl()).build()) {
            client.send(SmsRequest.builder().from("MITTO SMS").to("491725551234").text("Здравствуй, Мир!").build());
        }

        assertThat(sandbox.received()).singleElement().satisfies(r -> assertThat(r.field("type")).contains("auto"));
        assertThat(sandbox.messages()).singleElement().satisfies(m -> assertThat(m.textLength()).isEqualTo(16));
    }

    // ---- callbacks with template placeholders: the client lets them through, the sandbox fills them ----

    @Test
    void aCallbackTemplateFromTheClientIsFilledAndItsReportRead() throws InterruptedException {
        try (CallbackServer callbacks = CallbackServer.start(200);
                MittoClient client = MittoClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl()).build()) {
            String id = client.send(SmsRequest.builder().from("MITTO SMS").to("491725551234").text("Hi")
                    .reference("B-split")
                    .callback(callbacks.url() + "/<msgid>?status=~status~&err=$errorcode$&ref=~reference~").build()).id();

            CallbackServer.Callback callback = callbacks.next(Duration.ofSeconds(10));

            assertThat(callback).isNotNull();
            assertThat(callback.path()).isEqualTo("/dlr/" + id);
            assertThat(callback.rawQuery()).startsWith("status=DELIVERED&err=0&ref=B-split&ID=" + id);
            DeliveryReport report = DeliveryReport.fromQuery(callback.rawQuery());
            assertThat(report.messageId()).isEqualTo(id);
            assertThat(report.status()).contains("DELIVERED");
        }
    }

    // ---- a refused send answered with HTTP 200 ----

    @ParameterizedTest
    @ValueSource(strings = {"JSON", "XML"})
    void aResponseCodeFaultCanAnswerHttp200AndTheClientStillThrows(String format) {
        sandbox.enqueueFault(Fault.responseCode(4, 200));
        try (MittoClient client = MittoClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl())
                .format(Format.valueOf(format)).maxRetries(0).build()) {
            MittoApiException e = catchThrowableOfType(MittoApiException.class, () -> client.send(
                    SmsRequest.builder().from("MITTO SMS").to("491725551234").text("Hi").build()));

            assertThat(e.httpStatus()).isEqualTo(200);
            assertThat(e.responseCode()).isEqualTo(4);
            assertThat(e.responseText()).isEqualTo("Message text is invalid");
        }
        assertThat(sandbox.received()).singleElement()
                .satisfies(r -> assertThat(r.fault()).contains(Fault.responseCode(4, 200)));
        assertThat(sandbox.messages()).isEmpty();
    }

    @Test
    void aResponseCodeFaultOnHttp200IsSeenRawAsTheApiSendsIt() {
        sandbox.enqueueFault(Fault.responseCode(9, 200));

        RawHttp.Reply reply = post(sandbox, "/smsbulk.json", "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"Hi\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("responseCode").asInt()).isEqualTo(9);
        assertThat(reply.json().get("responseText").asText()).isEqualTo("Character set error");
    }

    // ---- the double never borrows the client's rules ----

    @Test
    void noSandboxSourceImportsTheClientsValidation() throws IOException {
        Path sources = Path.of("src/main/java/net/mittoapi/sms/sandbox");
        List<Path> files;
        try (Stream<Path> list = Files.list(sources)) {
            files = list.filter(f -> f.toString().endsWith(".java")).toList();
        }

        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(Files.readString(file)).as(file.toString()).doesNotContain("net.mittoapi.sms.internal.validation.Validation")
                    .doesNotContain("Validation.");
        }
    }
}
