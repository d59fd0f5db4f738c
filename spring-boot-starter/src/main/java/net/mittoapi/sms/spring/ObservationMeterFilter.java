package net.mittoapi.sms.spring;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import net.mittoapi.sms.MittoClientListener;

/**
 * Makes the meters that Micrometer's {@code DefaultMeterObservationHandler} derives from the calls' observations
 * ({@link CallObservations}) the meters the starter has always had, so that dashboards built on them, and a
 * Prometheus registry, see no difference.
 *
 * <p>That handler records, for an observation named {@value MittoMetrics#CALLS}:
 * <ul>
 *   <li>a timer of that name, tagged with the observation's low-cardinality keys ({@code endpoint},
 *       {@code outcome}, {@code status}) <em>plus {@code error}</em>, without a description. This filter removes
 *       the {@code error} tag (the {@code outcome} tag already says how a call failed) and restores the description:
 *       the timer is then exactly {@link MittoMetrics}'s. Without it the tag keys would differ from the timer's
 *       documented ones, and a Prometheus registry refuses one meter name with two different sets of tag keys.</li>
 *   <li>a counter {@code mitto.sms.calls.retry} per retry event: denied, since {@value MittoMetrics#RETRIES} counts
 *       the same retries with their reason.</li>
 *   <li>a long task timer {@code mitto.sms.calls.active} (calls in flight, tagged {@code endpoint}): kept, with a
 *       description. Spring
 *       Boot turns it off for every observation with {@code management.metrics.observations.ignored-meters=
 *       long-task-timer} (Boot 4) or {@code management.observations.long-task-timer.enabled=false} (Boot 3).</li>
 * </ul>
 * Meters of any other name pass untouched. Spring Boot applies every {@link MeterFilter} bean to its registries.
 */
final class ObservationMeterFilter implements MeterFilter {

    /** The counter the meter handler makes of a retry event. */
    static final String RETRY_EVENT_COUNTER = MittoMetrics.CALLS + "." + CallObservations.RETRY;
    /** The long task timer the meter handler makes of the observations. */
    static final String ACTIVE = MittoMetrics.CALLS + ".active";
    private static final String ERROR_TAG = "error";

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        return RETRY_EVENT_COUNTER.equals(id.getName()) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        if (ACTIVE.equals(id.getName()) && id.getDescription() == null) {
            return new Meter.Id(id.getName(), Tags.of(id.getTagsAsIterable()), id.getBaseUnit(),
                    "Calls to the Mitto SMS API in flight", id.getType());
        }
        if (!MittoMetrics.CALLS.equals(id.getName()) || id.getTag(ERROR_TAG) == null) {
            return id;
        }
        List<Tag> tags = new ArrayList<>();
        for (Tag tag : id.getTagsAsIterable()) {
            if (!ERROR_TAG.equals(tag.getKey())) {
                tags.add(tag);
            }
        }
        return new Meter.Id(id.getName(), Tags.of(tags), id.getBaseUnit(),
                id.getDescription() != null ? id.getDescription() : MittoMetrics.CALLS_DESCRIPTION, id.getType());
    }

    @Override
    public String toString() {
        return "ObservationMeterFilter[" + MittoMetrics.CALLS + "]";
    }

    /**
     * @return whether a call's observation was timed by a meter handler: Micrometer's
     *         {@code DefaultMeterObservationHandler} (which Spring Boot registers with its metrics, alone or wrapped
     *         for tracing exemplars) keeps the {@link Timer.Sample} it started in the observation's context
     */
    static Predicate<Observation.Context> timedByMeterHandler() {
        return context -> context.get(Timer.Sample.class) != null;
    }

    /**
     * @param listeners the client's listeners
     * @param timers    receives the call timer of each {@link MittoMetrics} among them
     * @return the listeners, each {@link MittoMetrics} replaced by its view without the call timer
     */
    static List<MittoClientListener> withoutCallTimers(List<MittoClientListener> listeners,
            List<MittoClientListener> timers) {
        List<MittoClientListener> rest = new ArrayList<>(listeners.size());
        for (MittoClientListener listener : listeners) {
            if (listener instanceof MittoMetrics metrics) {
                MittoClientListener timer = metrics.callTimer();
                if (timer != null) {
                    timers.add(timer);
                }
                rest.add(metrics.withoutCallTimer());
            } else {
                rest.add(listener);
            }
        }
        return rest;
    }
}
