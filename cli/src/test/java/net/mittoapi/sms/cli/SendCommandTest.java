package net.mittoapi.sms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import net.mittoapi.sms.sandbox.Fault;
import net.mittoapi.sms.sandbox.MittoSandbox;
import net.mittoapi.sms.sandbox.SentMessage;
import net.mittoapi.sms.sandbox.junit.MittoSandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code send}, in process, against a real sandbox on loopback: the answer, or the typed error and its exit code. */
@ExtendWith(MittoSandboxExtension.class)   // one sandbox for the class, reset before each test
class SendCommandTest {

    private final MittoSandbox sandbox;

    SendCommandTest(MittoSandbox sandbox) {
        this.sandbox = sandbox;
    }

    private Cli.Result send(String stdin, String... args) {
        String[] line = new String[args.length + 3];
        line[0] = "send";
        line[1] = "--base-url";
        line[2] = sandbox.baseUrl();
        System.arraycopy(args, 0, line, 3, args.length);
        return Cli.run(Map.of("MITTO_API_KEY", sandbox.apiKey()), stdin, line);
    }

    @Test
    void oneRecipientIsOneSmsAndTheAnswerIsPrinted() {
        Cli.Result result = send("", "--from", "MITTO SMS", "--to", "491725551234", "--text", "Hello, World!");

        assertThat(result.exitCode()).as(result.all()).isZero();
        SentMessage sent = sandbox.messages().get(0);
        assertThat(sandbox.messages()).hasSize(1);
        assertThat(sent.text()).isEqualTo("Hello, World!");
        assertThat(sent.test()).isFalse();
        assertThat(result.out())
                .contains("Sending 1 part of GSM-7 (13 septets) to 1 recipient through " + sandbox.baseUrl() + "\n")
                .contains("Sent: responseCode 0 \"SMS sent\"")
                .contains("  id          " + sent.id())
                .contains("  to          491725551234")
                .contains("  textLength  13")
                .contains("  test        false");
        assertThat(result.all()).doesNotContain(sandbox.apiKey());
    }

    @Test
    void severalRecipientsAreOneBulkCallInTestMode() {
        Cli.Result result = send("", "--test", "--from", "Mitto SMS", "--to", "491765410994,491765410995",
                "--to", "491765410996", "--text", "Your appointment was scheduled.", "--reference", "B-split");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(sandbox.received()).singleElement().satisfies(request -> assertThat(request.path()).isEqualTo("/smsbulk.json"));
        assertThat(sandbox.messages()).extracting(SentMessage::to)
                .containsExactly("491765410994", "491765410995", "491765410996");
        assertThat(sandbox.messages()).allSatisfy(message -> {
            assertThat(message.test()).isTrue();
            assertThat(message.reference()).contains("B-split");
            assertThat(result.out()).contains("  " + message.to() + "  id " + message.id());
        });
        assertThat(result.out()).contains("in test mode to 3 recipients").contains("\"SMS sent\", 3 messages");
    }

    @Test
    void theTextCanComeFromStandardInput() {
        Cli.Result result = send("Здравствуй, Мир!\n", "--from", "MITTO SMS", "--to", "491725551234", "--text", "-");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(sandbox.messages()).singleElement()
                .satisfies(message -> assertThat(message.text()).isEqualTo("Здравствуй, Мир!"));
        assertThat(result.out()).contains("Sending 1 part of UCS-2 (16 UTF-16 units)");
    }

    @Test
    void theBaseUrlMayComeFromTheEnvironment() {
        Cli.Result result = Cli.run(Map.of("MITTO_API_KEY", sandbox.apiKey(), "MITTO_BASE_URL", sandbox.baseUrl()), "",
                "send", "--from", "MITTO SMS", "--to", "491725551234", "--text", "Hi");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(sandbox.messages()).hasSize(1);
    }

    @Test
    void withoutMittoApiKeyNothingIsSent() {
        Cli.Result result = Cli.run(Map.of("MITTO_API_KEY", " "), "", "send", "--base-url", sandbox.baseUrl(),
                "--from", "MITTO SMS", "--to", "491725551234", "--text", "Hi");

        assertThat(result.exitCode()).isEqualTo(MittoCli.USAGE);
        assertThat(result.err()).contains("MITTO_API_KEY is not set").contains("shell's history");
        assertThat(sandbox.received()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--api-key", "--key"})
    void aKeyOnTheCommandLineIsRefusedWithoutEchoingIt(String option) {
        Cli.Result spaced = send("", option, "secret-1", "--from", "MITTO SMS", "--to", "491725551234", "--text", "Hi");
        Cli.Result joined = send("", option + "=secret-2", "--from", "MITTO SMS", "--to", "491725551234", "--text", "Hi");

        for (Cli.Result result : new Cli.Result[] {spaced, joined}) {
            assertThat(result.exitCode()).isEqualTo(MittoCli.USAGE);
            assertThat(result.err()).contains("There is no key option").contains("export MITTO_API_KEY=");
            assertThat(result.all()).doesNotContain("secret-");
        }
        assertThat(sandbox.received()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--apikey=SECRET-1", "--api_key=SECRET-2", "--API-KEY=SECRET-3", "--keys=SECRET-4",
        "--mitto-api-key=SECRET-5", "--token=SECRET-6", "-k=SECRET-7", "--apikey SECRET-8", "--Key SECRET-9",
        "--api-key-file=SECRET-10"})
    void aMisspeltKeyOptionIsRefusedWithoutEchoingItsValue(String option) {
        String[] words = option.split(" ");
        String[] line = new String[words.length + 6];
        System.arraycopy(words, 0, line, 0, words.length);
        System.arraycopy(new String[] {"--from", "MITTO SMS", "--to", "491725551234", "--text", "Hi"}, 0, line,
                words.length, 6);

        Cli.Result result = send("", line);
        Cli.Result alone = Cli.run(Map.of(), "", option.split(" ").length == 1 ? new String[] {"send", option}
                : new String[] {"send", words[0], words[1]});

        String name = words[0].contains("=") ? words[0].substring(0, words[0].indexOf('=')) : words[0];
        for (Cli.Result run : new Cli.Result[] {result, alone}) {
            assertThat(run.exitCode()).isEqualTo(MittoCli.USAGE);
            assertThat(run.all()).doesNotContain("SECRET");
        }
        assertThat(result.err()).contains("Unknown option: '" + name + "'").contains("value not shown");
        assertThat(sandbox.received()).isEmpty();
    }

    @Test
    void aMisspeltKeyOptionIsToldThereIsNoKeyOption() {
        Cli.Result result = send("", "--apikey=SECRET", "--from", "MITTO SMS", "--to", "491725551234", "--text", "Hi");

        assertThat(result.err()).contains("There is no key option").contains("export MITTO_API_KEY=")
                .doesNotContain("SECRET");
    }

    @Test
    void otherUnmatchedArgumentsAreStillShown() {
        Cli.Result result = Cli.run("segments", "Hi", "there");

        assertThat(result.exitCode()).isEqualTo(MittoCli.USAGE);
        assertThat(result.err()).contains("'there'");
    }

    @Test
    void badInputIsRefusedBeforeSending() {
        Cli.Result result = send("", "--from", "MITTO SMS", "--to", "49 172 abc", "--text", "Hi");

        assertThat(result.exitCode()).isEqualTo(MittoCli.USAGE);
        assertThat(result.err()).startsWith("Refused before sending (MittoValidationException): ").contains("to");
        assertThat(result.out()).as("nothing said about sending what is refused").doesNotContain("Sending");
        assertThat(sandbox.received()).isEmpty();
    }

    @Test
    void aWrongKeyIsTheTypedAuthenticationError() {
        Cli.Result result = Cli.run(Map.of("MITTO_API_KEY", "not-the-key"), "", "send", "--base-url", sandbox.baseUrl(),
                "--from", "MITTO SMS", "--to", "491725551234", "--text", "Hi");

        assertThat(result.exitCode()).isEqualTo(MittoCli.FAILED);
        assertThat(result.err()).contains("MittoAuthenticationException, HTTP 401").doesNotContain("not-the-key");
        assertThat(sandbox.messages()).isEmpty();
    }

    @Test
    void anApiRefusalKeepsWhatTheServerSaid() {
        sandbox.enqueueFault(Fault.responseCode(9));

        Cli.Result result = send("", "--from", "MITTO SMS", "--to", "491725551234", "--text", "Hi");

        assertThat(result.exitCode()).isEqualTo(MittoCli.FAILED);
        assertThat(result.err()).contains("The API refused it (MittoApiException): HTTP 400, responseCode 9"
                + " (CHARSET_ERROR), responseText \"Character set error\"");
    }

    @Test
    void rateLimitingAfterTheRetriesSaysWhenToTryAgain() {
        sandbox.enqueueFault(Fault.rateLimited(Duration.ZERO), 3);

        Cli.Result result = send("", "--from", "MITTO SMS", "--to", "491725551234", "--text", "Hi");

        assertThat(result.exitCode()).isEqualTo(MittoCli.FAILED);
        assertThat(result.err()).contains("Rate limited (MittoRateLimitException, HTTP 429)");
        assertThat(sandbox.received()).hasSize(3);
    }

    @Test
    void noAnswerSaysTheMessageMayHaveGoneOut() {
        sandbox.enqueueFault(Fault.dropConnection());

        Cli.Result result = send("", "--from", "MITTO SMS", "--to", "491725551234", "--text", "Hi");

        assertThat(result.exitCode()).isEqualTo(MittoCli.NO_ANSWER);
        assertThat(result.err()).contains("No usable answer (MittoTransportException)")
                .contains("may have reached the API: check before sending again");
        assertThat(sandbox.received()).hasSize(1);
    }

    @Test
    void plainHttpToAnotherHostIsRefusedSoTheKeyNeverTravelsInClear() {
        Cli.Result result = Cli.run(Map.of("MITTO_API_KEY", "secret-key"), "", "send", "--base-url",
                "http://example.com", "--from", "MITTO SMS", "--to", "491725551234", "--text", "Hi");

        assertThat(result.exitCode()).isEqualTo(MittoCli.USAGE);
        assertThat(result.err()).contains("baseUrl must use https").doesNotContain("secret-key");
    }

    @Test
    void aTypeThatDoesNotExistIsExplained() {
        Cli.Result result = send("", "--type", "fancy", "--from", "MITTO SMS", "--to", "491725551234", "--text", "Hi");

        assertThat(result.exitCode()).isEqualTo(MittoCli.USAGE);
        assertThat(result.err()).contains("--type must be auto, gsm, unicode or binary, got 'fancy'");
        assertThat(sandbox.received()).isEmpty();
    }
}
