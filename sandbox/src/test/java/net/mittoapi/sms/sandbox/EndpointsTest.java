package net.mittoapi.sms.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import net.mittoapi.sms.webhook.DeliveryReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Endpoints}' usage totals at the extremes no loopback test can reach by sending: every price the builder
 * accepts, over more parts than any sandbox could hold, is still a cost the SDK's client reads. The client reads
 * a usage {@code cost} and a report's {@code Price} with one number reader (at most {@value #CLIENT_MAX_CHARS}
 * characters, at most 64 decimals); {@link DeliveryReport}, public, stands for it here, so that this test needs
 * nothing of the client's internals.
 */
class EndpointsTest {

    /** The longest number text the SDK's client reads. */
    private static final int CLIENT_MAX_CHARS = 64;

    @ParameterizedTest
    @ValueSource(strings = {"1000000", "999999.999999", "0.000001"})
    void usageTotalsOverMoreThanAnIntOfPartsAreExactAndReadable(String perPart) throws IOException {
        BigDecimal price = new BigDecimal(perPart);
        SandboxState state = new SandboxState();
        SandboxConfig config = new SandboxConfig("key", InetAddress.getLoopbackAddress(), 0, price, Map.of(),
                CallbackMethod.GET, null, false, Clock.systemUTC(), 1, MittoSandbox.DEFAULT_REQUEST_TIMEOUT, null);
        int messages = 5;
        for (int i = 0; i < messages; i++) {
            // No request could carry a text of Integer.MAX_VALUE parts; the total is what matters here.
            state.issue(id -> new SentMessage(id, Instant.now(), "MITTO SMS", "491725551234", "x", null, false, null,
                    null, 1, Integer.MAX_VALUE, "DEU", "26201", price.multiply(BigDecimal.valueOf(Integer.MAX_VALUE)),
                    false));
        }
        try (Deliverer deliverer = new Deliverer(CallbackMethod.GET, false, Clock.systemUTC())) {
            Answer answer = new Endpoints(config, state, deliverer).usage(Map.of(), WireFormat.JSON);

            assertThat(answer.status()).isEqualTo(200);
            JsonNode usage = RawHttp.MAPPER.readTree(answer.body()).get("usagesByCountry").get(0);
            long parts = (long) messages * Integer.MAX_VALUE;
            assertThat(usage.get("messagesCount").asText()).isEqualTo(Long.toString(parts));
            assertThat(clientReads(usage.get("cost").asText()))
                    .isEqualByComparingTo(price.multiply(BigDecimal.valueOf(parts)));
        }
    }

    @Test
    void theLargestTotalAnySandboxCouldReportFitsWhatTheClientReads() {
        BigDecimal largest = MittoSandbox.MAX_PRICE_PER_PART.multiply(BigDecimal.valueOf(Long.MAX_VALUE))
                .setScale(MittoSandbox.PRICE_DECIMALS, RoundingMode.UNNECESSARY);
        String written = largest.toPlainString();

        assertThat(written.length()).isLessThanOrEqualTo(CLIENT_MAX_CHARS);
        assertThat(clientReads(written)).isEqualByComparingTo(largest);
        assertThat(clientReads(Deliverer.price(largest))).isEqualByComparingTo(largest);
        // The finest price, and a report's Price for it, keep their digits.
        assertThat(clientReads(Deliverer.price(new BigDecimal("0.000001")))).isEqualByComparingTo("0.000001");
    }

    /** @return the number as the SDK reads it from the outside (it refuses what is out of its bounds) */
    private static BigDecimal clientReads(String number) {
        return DeliveryReport.fromParameters(Map.of("id", "1", "price", number)).price().orElseThrow();
    }
}
