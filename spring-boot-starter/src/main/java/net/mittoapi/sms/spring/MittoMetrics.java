package net.mittoapi.sms.spring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import net.mittoapi.sms.MittoClientListener;

/**
 * Turns a client's call events into Micrometer meters. The starter registers one as a bean when the application
 * has a {@link MeterRegistry}, and gives it to the auto-configured client; an application that builds its own
 * client can pass this bean to {@code MittoClient.Builder.listener(...)} too.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>recorded</th></tr>
 *   <tr><td>{@value #CALLS}</td><td>timer</td><td>{@code endpoint} ({@code /sms}, {@code /smsbulk},
 *       {@code /usage/bycountry}, {@code /sms/converted}), {@code outcome} (the name of the call's
 *       {@link net.mittoapi.sms.MittoClientListener.Outcome}: {@code SUCCESS}, {@code API_ERROR},
 *       {@code AUTHENTICATION}, {@code RATE_LIMITED}, {@code TRANSPORT}, …), {@code status} (the last answer's HTTP
 *       status, {@code NONE} when the last attempt got none)</td><td>once per call, its whole duration, retries and waits
 *       included</td></tr>
 *   <tr><td>{@value #RETRIES}</td><td>counter</td><td>{@code endpoint}, {@code reason} ({@code RATE_LIMITED},
 *       {@code SERVICE_UNAVAILABLE}, {@code CONNECTION_FAILED})</td><td>by one on every retry scheduled</td></tr>
 *   <tr><td>{@value #SEGMENTS}</td><td>distribution summary</td><td>{@code encoding} ({@code GSM_7},
 *       {@code UCS_2})</td><td>for each message of a successful send: its SMS parts, as the segment calculator
 *       predicts them (a bulk send records one value per recipient)</td></tr>
 * </table>
 *
 * <p>In an application with a Micrometer {@code ObservationRegistry} (Spring Boot's actuator), the auto-configured
 * client's calls are observations named {@value #CALLS} as well, and the timer comes from the observation's meter
 * handler instead of from this listener, with the same name, tags and description (see {@code CallObservations} and
 * {@code ObservationMeterFilter} in this package): one timer either way, never two. This bean itself always records
 * the timer, for a client of the application's own that is given it.
 *
 * <p>Sends whose parts cannot be predicted ({@code BINARY}, or {@code GSM} with a text GSM-7 cannot carry) record
 * no segments. Thread-safe, allocation-light and never throws for a well-formed event.
 */
public final class MittoMetrics implements MittoClientListener {

    /** The timer of calls. */
    public static final String CALLS = "mitto.sms.calls";
    /** The counter of retries. */
    public static final String RETRIES = "mitto.sms.retries";
    /** The distribution summary of SMS parts per message sent. */
    public static final String SEGMENTS = "mitto.sms.segments";
    /** The {@code status} tag's value when no HTTP answer came. */
    public static final String NO_STATUS = "NONE";

    /** The description of {@value #CALLS}, also given to the observation's timer by {@link ObservationMeterFilter}. */
    static final String CALLS_DESCRIPTION = "Calls to the Mitto SMS API, from start to result, retries included";

    /** {@code null} in a view whose calls an observation times. */
    private final Meter.MeterProvider<Timer> calls;
    private final Meter.MeterProvider<Counter> retries;
    private final Meter.MeterProvider<DistributionSummary> segments;

    /**
     * @param registry where the meters are registered
     */
    public MittoMetrics(MeterRegistry registry) {
        if (registry == null) {
            throw new IllegalArgumentException("registry must not be null");
        }
        this.calls = Timer.builder(CALLS)
                .description(CALLS_DESCRIPTION)
                .withRegistry(registry);
        this.retries = Counter.builder(RETRIES)
                .description("Retries of Mitto SMS API calls that certainly were not processed")
                .withRegistry(registry);
        this.segments = DistributionSummary.builder(SEGMENTS)
                .description("SMS parts of each message sent, as the segment calculator predicts them")
                .withRegistry(registry);
    }

    private MittoMetrics(MittoMetrics timed) {
        this.calls = null;
        this.retries = timed.retries;
        this.segments = timed.segments;
    }

    /**
     * These meters but the call timer, for the auto-configured client whose calls a Micrometer observation times
     * (see {@link CallObservations}): the same retries counter and segments summary.
     */
    MittoMetrics withoutCallTimer() {
        return calls == null ? this : new MittoMetrics(this);
    }

    /** @return a listener that records the call timer alone, or {@code null} when this view has none */
    MittoClientListener callTimer() {
        return calls == null ? null : new MittoClientListener() {
            @Override
            public void callEnded(CallEnded event) {
                timeCall(event);
            }

            @Override
            public String toString() {
                return "MittoMetrics[" + CALLS + "]";
            }
        };
    }

    /**
     * Records the call's duration, and the parts of each message a successful send carried.
     *
     * @param event how the call ended
     */
    @Override
    public void callEnded(CallEnded event) {
        timeCall(event);
        Segments predicted = event.segments();
        if (event.outcome() == Outcome.SUCCESS && predicted != null) {
            DistributionSummary summary = segments.withTags("encoding", predicted.encoding().name());
            for (int i = 0; i < predicted.recipients(); i++) {
                summary.record(predicted.parts());
            }
        }
    }

    private void timeCall(CallEnded event) {
        if (calls != null) {
            String status = event.httpStatus() < 0 ? NO_STATUS : Integer.toString(event.httpStatus());
            calls.withTags("endpoint", event.endpoint().path(), "outcome", event.outcome().name(), "status", status)
                    .record(event.duration());
        }
    }

    /**
     * Counts the retry.
     *
     * @param event the retry
     */
    @Override
    public void retryScheduled(RetryScheduled event) {
        retries.withTags("endpoint", event.endpoint().path(), "reason", event.reason().name()).increment();
    }

    /** @return the meters' names */
    @Override
    public String toString() {
        return "MittoMetrics[" + (calls == null ? "" : CALLS + ", ") + RETRIES + ", " + SEGMENTS + "]";
    }
}
