package net.mittoapi.sms.sandbox;

import static net.mittoapi.sms.sandbox.RawHttp.HELLO;
import static net.mittoapi.sms.sandbox.RawHttp.post;
import static net.mittoapi.sms.sandbox.RawHttp.send;
import static net.mittoapi.sms.sandbox.RawHttp.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import net.mittoapi.sms.sandbox.junit.MittoSandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;

/** Each fault over real HTTP, and proof that a faulted call is recorded but not processed. */
@ExtendWith(MittoSandboxExtension.class)
class MittoSandboxFaultIT {

    /** The class's sandbox, reset before each test (MittoSandboxExtension). */
    private final MittoSandbox sandbox;

    MittoSandboxFaultIT(MittoSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Test
    void rateLimitedAnswers429WithRetryAfterAndProcessesNothing() {
        sandbox.enqueueFault(Fault.rateLimited(Duration.ofSeconds(3)), 2);

        RawHttp.Reply first = post(sandbox, "/sms.json", HELLO);
        RawHttp.Reply second = post(sandbox, "/smsbulk.json", HELLO);
        RawHttp.Reply third = post(sandbox, "/sms.json", HELLO);

        assertThat(List.of(first.status(), second.status(), third.status())).containsExactly(429, 429, 200);
        assertThat(first.header("Retry-After")).contains("3");
        assertThat(second.header("Retry-After")).contains("3");
        assertThat(third.header("Retry-After")).isEmpty();
        assertThat(sandbox.messages()).hasSize(1);
        assertThat(sandbox.received()).hasSize(3);
        assertThat(sandbox.received()).extracting(request -> request.fault().map(Fault::kind).orElse(null))
                .containsExactly(Fault.Kind.RATE_LIMITED, Fault.Kind.RATE_LIMITED, null);
        assertThat(sandbox.pendingFaults()).isZero();
    }

    @Test
    void retryAfterIsRoundedUpToWholeSeconds() {
        sandbox.enqueueFault(Fault.rateLimited(Duration.ofMillis(1500)));
        sandbox.enqueueFault(Fault.rateLimited(Duration.ZERO));

        assertThat(post(sandbox, "/sms", HELLO).header("Retry-After")).contains("2");
        assertThat(post(sandbox, "/sms", HELLO).header("Retry-After")).contains("0");
    }

    @Test
    void serviceUnavailableAnswers503WithOrWithoutRetryAfter() {
        sandbox.enqueueFault(Fault.serviceUnavailable());
        sandbox.enqueueFault(Fault.serviceUnavailable(Duration.ofSeconds(7)));

        RawHttp.Reply plain = post(sandbox, "/sms", HELLO);
        RawHttp.Reply announced = post(sandbox, "/sms", HELLO);

        assertThat(plain.status()).isEqualTo(503);
        assertThat(plain.header("Retry-After")).isEmpty();
        assertThat(announced.status()).isEqualTo(503);
        assertThat(announced.header("Retry-After")).contains("7");
        assertThat(sandbox.messages()).isEmpty();
    }

    @Test
    void internalErrorAnswers500() {
        sandbox.enqueueFault(Fault.internalError());

        RawHttp.Reply reply = post(sandbox, "/smsbulk.xml", HELLO);

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.body()).isEqualTo("Internal server error");
        assertThat(sandbox.messages()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"/sms.xml,SmsResponse,9", "/smsbulk.xml,BulkSmsResponse,1", "/usage/bycountry.xml,UsageResponse,1"})
    void responseCodeAnswers400InXmlWithTheDocumentedText(String path, String root, int code) {
        sandbox.enqueueFault(Fault.responseCode(code));

        RawHttp.Reply reply = post(sandbox, path, HELLO);

        assertThat(reply.status()).isEqualTo(400);
        Element xml = reply.xml();
        assertThat(xml.getTagName()).isEqualTo(root);
        assertThat(text(xml, "responseCode")).isEqualTo(Integer.toString(code));
        assertThat(text(xml, "responseText")).isEqualTo(Endpoints.responseText(code));
        assertThat(sandbox.messages()).isEmpty();
    }

    @Test
    void responseCodeAnswers400InJson() {
        sandbox.enqueueFault(Fault.responseCode(9));

        RawHttp.Reply reply = post(sandbox, "/sms", HELLO);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("responseCode").asInt()).isEqualTo(9);
        assertThat(reply.json().get("responseText").asText()).isEqualTo("Character set error");
    }

    @Test
    void droppedConnectionGivesNoAnswerAndProcessesNothing() {
        sandbox.enqueueFault(Fault.dropConnection());

        assertThatThrownBy(() -> post(sandbox, "/sms.json", HELLO)).isInstanceOf(UncheckedIOException.class);

        assertThat(sandbox.messages()).isEmpty();
        assertThat(sandbox.received()).singleElement().satisfies(request -> {
            assertThat(request.fault()).contains(Fault.dropConnection());
            assertThat(request.bodyText()).isEqualTo(HELLO);
        });
        assertThat(post(sandbox, "/sms.json", HELLO).status()).isEqualTo(200);
        assertThat(sandbox.messages()).hasSize(1);
    }

    @Test
    void delayAnswersNormallyAfterThePause() {
        sandbox.enqueueFault(Fault.delay(Duration.ofMillis(50)));

        RawHttp.Reply reply = post(sandbox, "/sms.json", HELLO);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(sandbox.message(reply.json().get("id").asText())).isPresent();
        assertThat(sandbox.received()).singleElement()
                .satisfies(request -> assertThat(request.fault()).contains(Fault.delay(Duration.ofMillis(50))));
    }

    @Test
    void aDelayLongerThanTheClientsTimeoutStillSends() throws InterruptedException {
        sandbox.enqueueFault(Fault.delay(Duration.ofMillis(1500)));

        assertThatThrownBy(() -> send("POST", sandbox.baseUrl() + "/sms", sandbox.apiKey(), HELLO, Duration.ofMillis(200)))
                .hasCauseInstanceOf(SocketTimeoutException.class);

        // The call timed out on the client, yet the sandbox processes it, as the real API may have.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (sandbox.messages().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(sandbox.messages()).hasSize(1);
    }

    @Test
    void faultsApplyToAnyCallInTheOrderQueued() {
        sandbox.enqueueFault(Fault.serviceUnavailable());
        sandbox.enqueueFault(Fault.internalError(), 2);
        sandbox.enqueueFault(Fault.rateLimited(Duration.ofSeconds(1)));
        assertThat(sandbox.pendingFaults()).isEqualTo(4);

        List<Integer> statuses = List.of(
                send("POST", sandbox.baseUrl() + "/nowhere", null, null, null).status(),
                send("GET", sandbox.baseUrl() + "/sms", null, null, null).status(),
                send("POST", sandbox.baseUrl() + "/sms", "wrong key", HELLO, null).status(),
                post(sandbox, "/usage/bycountry", "{}").status(),
                send("POST", sandbox.baseUrl() + "/sms", "wrong key", HELLO, null).status());

        assertThat(statuses).containsExactly(503, 500, 500, 429, 401);
        assertThat(sandbox.pendingFaults()).isZero();
    }

    @Test
    void faultedSendsAreNeitherCountedInUsageNorConvertible() {
        sandbox.enqueueFault(Fault.internalError(), 3);
        for (int i = 0; i < 3; i++) {
            post(sandbox, "/sms", HELLO);
        }
        String id = post(sandbox, "/sms", HELLO).json().get("id").asText();

        String usage = post(sandbox, "/usage/bycountry.json", "{}").json().get("usagesByCountry").get(0)
                .get("messagesCount").asText();

        assertThat(usage).isEqualTo("1");
        assertThat(sandbox.messages()).extracting(SentMessage::id).containsExactly(id);
        List<Fault.Kind> recorded = sandbox.received().stream()
                .map(request -> request.fault().map(Fault::kind).orElse(null)).collect(Collectors.toList());
        assertThat(recorded).containsExactly(Fault.Kind.INTERNAL_ERROR, Fault.Kind.INTERNAL_ERROR,
                Fault.Kind.INTERNAL_ERROR, null, null);
    }

    @Test
    void clearFaultsDropsTheQueue() {
        sandbox.enqueueFault(Fault.internalError(), 5);

        sandbox.clearFaults();

        assertThat(sandbox.pendingFaults()).isZero();
        assertThat(post(sandbox, "/sms", HELLO).status()).isEqualTo(200);
    }
}
