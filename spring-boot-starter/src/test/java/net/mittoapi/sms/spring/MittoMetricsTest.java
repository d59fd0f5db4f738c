package net.mittoapi.sms.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.mittoapi.sms.MittoApiException;
import net.mittoapi.sms.MittoClientListener.CallEnded;
import net.mittoapi.sms.MittoClientListener.Endpoint;
import net.mittoapi.sms.MittoClientListener.Outcome;
import net.mittoapi.sms.MittoClientListener.RetryReason;
import net.mittoapi.sms.MittoClientListener.RetryScheduled;
import net.mittoapi.sms.MittoClientListener.Segments;
import net.mittoapi.sms.MittoTransportException;
import net.mittoapi.sms.segments.Encoding;
import org.junit.jupiter.api.Test;

/** The listener-to-meters mapping, fed with events directly, as the client will send them. */
class MittoMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MittoMetrics metrics = new MittoMetrics(registry);

    @Test
    void aSuccessfulSendIsTimedAndItsPartsRecorded() {
        metrics.callEnded(success(Endpoint.SMS, Duration.ofMillis(120), new Segments(Encoding.GSM_7, 2, 1)));

        Timer calls = registry.get("mitto.sms.calls")
                .tags("endpoint", "/sms", "outcome", "SUCCESS", "status", "200").timer();
        assertThat(calls.count()).isEqualTo(1);
        assertThat(calls.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(120.0);
        DistributionSummary parts = registry.get("mitto.sms.segments").tags("encoding", "GSM_7").summary();
        assertThat(parts.count()).isEqualTo(1);
        assertThat(parts.totalAmount()).isEqualTo(2.0);
        assertThat(parts.getId().getTags()).hasSize(1);
    }

    @Test
    void aBulkSendRecordsEachRecipientsMessage() {
        metrics.callEnded(success(Endpoint.SMS_BULK, Duration.ofMillis(5), new Segments(Encoding.UCS_2, 3, 4)));

        DistributionSummary parts = registry.get("mitto.sms.segments").tags("encoding", "UCS_2").summary();
        assertThat(parts.count()).isEqualTo(4);
        assertThat(parts.totalAmount()).isEqualTo(12.0);
        assertThat(parts.max()).isEqualTo(3.0);
        assertThat(registry.get("mitto.sms.calls").tags("endpoint", "/smsbulk").timer().count()).isEqualTo(1);
    }

    @Test
    void aCallWithoutAnswerHasStatusNoneAndRecordsNoParts() {
        MittoTransportException failure = new MittoTransportException("read timed out", true, null);
        metrics.callEnded(new CallEnded(7, Endpoint.SMS, Outcome.TRANSPORT, -1, -1, true, 1, Duration.ofSeconds(30),
                failure, new Segments(Encoding.GSM_7, 1, 1)));

        assertThat(registry.get("mitto.sms.calls").tags("endpoint", "/sms", "outcome", "TRANSPORT", "status", "NONE")
                .timer().count()).isEqualTo(1);
        assertThat(registry.find("mitto.sms.segments").summary()).isNull();
    }

    @Test
    void aRefusedSendRecordsNoParts() {
        metrics.callEnded(new CallEnded(8, Endpoint.SMS, Outcome.API_ERROR, 400, 8, false, 1, Duration.ofMillis(3),
                apiError(400, 8), new Segments(Encoding.GSM_7, 1, 1)));

        assertThat(registry.get("mitto.sms.calls").tags("outcome", "API_ERROR", "status", "400").timer().count())
                .isEqualTo(1);
        assertThat(registry.find("mitto.sms.segments").summary()).isNull();
    }

    @Test
    void callsThatSendNoMessageAreTimedWithoutParts() {
        metrics.callEnded(success(Endpoint.USAGE_BY_COUNTRY, Duration.ofMillis(9), null));
        metrics.callEnded(success(Endpoint.CONVERSION, Duration.ofMillis(9), null));

        assertThat(registry.get("mitto.sms.calls").tags("endpoint", "/usage/bycountry").timer().count()).isEqualTo(1);
        assertThat(registry.get("mitto.sms.calls").tags("endpoint", "/sms/converted").timer().count()).isEqualTo(1);
        assertThat(registry.find("mitto.sms.segments").summary()).isNull();
    }

    @Test
    void everyRetryCountsByEndpointAndReason() {
        for (int retry = 1; retry <= 3; retry++) {
            metrics.retryScheduled(new RetryScheduled(1, Endpoint.SMS, retry, Duration.ofMillis(10),
                    RetryReason.RATE_LIMITED));
        }
        metrics.retryScheduled(new RetryScheduled(2, Endpoint.SMS_BULK, 1, Duration.ZERO,
                RetryReason.CONNECTION_FAILED));

        Counter rateLimited = registry.get("mitto.sms.retries").tags("endpoint", "/sms", "reason", "RATE_LIMITED")
                .counter();
        assertThat(rateLimited.count()).isEqualTo(3.0);
        assertThat(registry.get("mitto.sms.retries").tags("endpoint", "/smsbulk", "reason", "CONNECTION_FAILED")
                .counter().count()).isEqualTo(1.0);
        assertThat(registry.get("mitto.sms.retries").counters()).hasSize(2);
    }

    @Test
    void eventsOfOtherKindsRecordNothing() {
        metrics.callStarted(new net.mittoapi.sms.MittoClientListener.CallStarted(1, Endpoint.SMS,
                "http://127.0.0.1/sms.json", new Segments(Encoding.GSM_7, 1, 1)));
        metrics.attemptEnded(new net.mittoapi.sms.MittoClientListener.AttemptEnded(1, Endpoint.SMS, 1, 200, null,
                true, Duration.ofMillis(1)));

        assertThat(registry.getMeters()).isEmpty();
    }

    /** The README's Prometheus lines are what Micrometer's Prometheus registry really writes. */
    @Test
    void prometheusRendersTheMetersAsTheReadmeShows() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        MittoMetrics onPrometheus = new MittoMetrics(prometheus);
        onPrometheus.callEnded(success(Endpoint.SMS, Duration.ofMillis(42), new Segments(Encoding.GSM_7, 1, 1)));
        onPrometheus.retryScheduled(new RetryScheduled(1, Endpoint.SMS, 1, Duration.ofMillis(10),
                RetryReason.SERVICE_UNAVAILABLE));

        List<String> lines = prometheus.scrape().lines().filter(line -> line.startsWith("mitto_")).toList();
        assertThat(lines).contains(
                "mitto_sms_calls_seconds_count{endpoint=\"/sms\",outcome=\"SUCCESS\",status=\"200\"} 1",
                "mitto_sms_calls_seconds_sum{endpoint=\"/sms\",outcome=\"SUCCESS\",status=\"200\"} 0.042",
                "mitto_sms_retries_total{endpoint=\"/sms\",reason=\"SERVICE_UNAVAILABLE\"} 1.0",
                "mitto_sms_segments_count{encoding=\"GSM_7\"} 1",
                "mitto_sms_segments_sum{encoding=\"GSM_7\"} 1.0");
    }

    @Test
    void needsARegistry() {
        assertThatThrownBy(() -> new MittoMetrics(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("registry");
    }

    private static CallEnded success(Endpoint endpoint, Duration duration, Segments segments) {
        return new CallEnded(1, endpoint, Outcome.SUCCESS, 200, 0, true, 1, duration, null, segments);
    }

    private static MittoApiException apiError(int status, int code) {
        return new MittoApiException(status, code, "Invalid receiver", null);
    }
}
