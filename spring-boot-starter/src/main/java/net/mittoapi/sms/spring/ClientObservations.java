package net.mittoapi.sms.spring;

import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import net.mittoapi.sms.MittoClientListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.ClassUtils;

/**
 * Gives the auto-configured client an observation per call ({@link CallObservations}) when the application has a
 * Micrometer {@link ObservationRegistry}, and settles who records the call timer {@value MittoMetrics#CALLS}, call by
 * call: the observation's meter handler when it timed the observation (Spring Boot's
 * {@code DefaultMeterObservationHandler}, see {@link ObservationMeterFilter#timedByMeterHandler()}), and
 * {@link MittoMetrics} otherwise: when the observation is a no-op (a registry without handlers, or one switched off by
 * a predicate such as Boot's {@code management.observations.enable.mitto.sms.calls=false}), or the registry has no
 * meter handler. So the timer is recorded exactly once per call, whichever way.
 *
 * <p>Registered only when micrometer-observation is on the class path; its signatures name no Micrometer type, so
 * that the client's bean method can ask for it in an application without Micrometer.
 */
final class ClientObservations {

    private static final boolean METERS = ClassUtils.isPresent(
            "io.micrometer.core.instrument.observation.MeterObservationHandler", ClientObservations.class.getClassLoader());

    private final ObjectProvider<?> registry;

    /**
     * @param registry the application's {@code ObservationRegistry}, if any
     */
    ClientObservations(ObjectProvider<?> registry) {
        this.registry = registry;
    }

    /**
     * @param listeners the client's listeners, in their order
     * @return the listeners the client gets: the observations first, then {@code listeners}, each
     *         {@link MittoMetrics} without its call timer (which the observations record, or hand back to it for a
     *         call no meter handler timed); {@code listeners} itself when the application has no
     *         {@code ObservationRegistry} (or several, none primary)
     */
    List<MittoClientListener> around(List<MittoClientListener> listeners) {
        if (!(registry.getIfUnique() instanceof ObservationRegistry observations)) {
            return listeners; // none, or several and none of them primary: which one to observe in is not ours to pick
        }
        List<MittoClientListener> all = new ArrayList<>(listeners.size() + 1);
        if (METERS) {
            List<MittoClientListener> timers = new ArrayList<>();
            List<MittoClientListener> rest = ObservationMeterFilter.withoutCallTimers(listeners, timers);
            all.add(new CallObservations(observations, CompositeListener.of(timers),
                    ObservationMeterFilter.timedByMeterHandler()));
            all.addAll(rest);
            return all;
        }
        all.add(new CallObservations(observations, null, context -> false)); // no meters at all
        all.addAll(listeners);
        return all;
    }
}
