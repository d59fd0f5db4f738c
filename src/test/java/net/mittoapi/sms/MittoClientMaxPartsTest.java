package net.mittoapi.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link MittoClient.Builder#maxParts(int)}: the client's cap for every message whose request has none of its own,
 * refused before anything is sent, thrown by the blocking calls and failing the futures of the async ones.
 */
class MittoClientMaxPartsTest {

    /** 161 GSM-7 septets: 2 parts. */
    private static final String TWO_PARTS = "x".repeat(161);

    private final MockApi api = new MockApi();
    private final MittoClient client = api.client().maxParts(1).build();

    @AfterEach
    void tearDown() {
        client.close();
        api.close();
    }

    private static SmsRequest sms(String text) {
        return SmsRequest.builder().from("MITTO SMS").to("491725551234").text(text).build();
    }

    private static BulkSmsRequest bulk(String text) {
        return BulkSmsRequest.builder().from("MITTO SMS").to("491725551234", "491765410994").text(text).build();
    }

    @Test
    void aMessageOverTheClientsCapIsRefusedAndNothingIsSent() throws Exception {
        assertThatThrownBy(() -> client.send(sms(TWO_PARTS)))
                .isInstanceOf(MittoValidationException.class)
                .hasMessageStartingWith("the client's maxParts 1 (MittoClient.Builder.maxParts, for every request"
                        + " without a cap of its own) refuses this message: text needs 2 parts as GSM-7 (161 septets,"
                        + " 153 a part), more than maxParts 1");
        assertThatThrownBy(() -> client.sendBulk(bulk(TWO_PARTS))).isInstanceOf(MittoValidationException.class);
        CompletableFuture<SmsResponse> async = client.sendAsync(sms(TWO_PARTS));
        CompletableFuture<BulkSmsResponse> asyncBulk = client.sendBulkAsync(bulk(TWO_PARTS));

        assertThat(async).isCompletedExceptionally();
        assertThatThrownBy(async::join).hasCauseInstanceOf(MittoValidationException.class);
        assertThatThrownBy(() -> asyncBulk.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(MittoValidationException.class)
                .hasMessageContaining("text needs 2 parts as GSM-7");
        assertThat(api.server.getRequestCount()).as("nothing reached the server").isZero();
    }

    @Test
    void aMessageWithinTheCapIsSent() {
        api.json(200, "{\"id\":\"a1\",\"responseCode\":0,\"textLength\":160,\"responseText\":\"SMS sent\"}");

        assertThat(client.send(sms("x".repeat(160))).id()).isEqualTo("a1");
        assertThat(api.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRequestsOwnCapWinsOverTheClients() {
        api.json(200, "{\"id\":\"a2\",\"responseCode\":0,\"textLength\":161,\"responseText\":\"SMS sent\"}");
        SmsRequest ownCap = SmsRequest.builder().from("MITTO SMS").to("491725551234").text(TWO_PARTS).maxParts(2)
                .build();

        assertThat(client.send(ownCap).id()).isEqualTo("a2");
    }

    @Test
    void theCapIsKeptByNewBuilderAndShownByToString() {
        try (MittoClient derived = client.newBuilder().build()) {
            assertThatThrownBy(() -> derived.send(sms(TWO_PARTS))).isInstanceOf(MittoValidationException.class);
            assertThat(derived.toString()).contains(", maxParts=1");
        }
        assertThat(api.client().build()).satisfies(uncapped -> {
            assertThat(uncapped.toString()).doesNotContain("maxParts");
            uncapped.close();
        });
        assertThat(api.server.getRequestCount()).isZero();
    }

    @Test
    void aCapBelowOneIsRefusedByBuild() {
        assertThatThrownBy(() -> api.client().maxParts(0).build())
                .isInstanceOf(MittoValidationException.class)
                .hasMessage("maxParts must be at least 1, the part every message costs; got 0");
    }
}
