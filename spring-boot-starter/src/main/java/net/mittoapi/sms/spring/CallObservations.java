package net.mittoapi.sms.spring;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import net.mittoapi.sms.MittoClientListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes each call of one client a Micrometer {@link Observation} named {@value #NAME}, through the client's
 * listener: started in {@link #callStarted}, one event per {@link #retryScheduled retry}, stopped in
 * {@link #callEnded}, for synchronous and asynchronous calls alike.
 *
 * <p><b>What the observation carries.</b> Low-cardinality keys {@code endpoint} (from the start),
 * {@code outcome} and {@code status} (from the end), with the values of {@link MittoMetrics}'s tags; no
 * high-cardinality keys. Nothing identifies a recipient or the key: the URL, the message and the answer's body
 * stay out, and a failed call's error is a {@link CallFailure} that names the outcome, the HTTP status and the
 * API's response code, never the exception's message (which may quote the server's answer). The contextual name
 * (a span's name) is {@code mitto /sms}, {@code mitto /smsbulk}, and so on; a retry is the event {@value #RETRY}
 * whose contextual name says which retry, why and after what wait.
 *
 * <p><b>Parent.</b> The observation current on the thread that runs {@code callStarted}: the caller's, for
 * synchronous and asynchronous calls alike, so a send made while handling a request is a child of that request's
 * observation (and, with micrometer-tracing, its span a child of the request's span). No scope is opened: the
 * call's later events arrive on other threads for an asynchronous call, and a scope must be closed where it was
 * opened.
 *
 * <p><b>Meters.</b> With Spring Boot's default handlers the observation's meter handler records the timer
 * {@value #NAME}; {@link ObservationMeterFilter} keeps its tags exactly {@code endpoint}, {@code outcome} and
 * {@code status} (the handler's own {@code error} tag is dropped) and its description, so that it is the timer
 * {@link MittoMetrics} recorded before observations existed. When no meter handler timed a call's observation (the
 * observation is a no-op because the registry has no handler or a predicate such as
 * {@code management.observations.enable.mitto.sms.calls=false} turned it off, or the registry has no meter handler),
 * {@code unobserved} gets the call's end instead, so the timer is still recorded once.
 *
 * <p><b>Failures.</b> Never throws: a handler that fails (Error included, except the JVM's own) is logged at WARN
 * the first time and at DEBUG afterwards, and the call goes on as if unobserved.
 *
 * <p>One instance per client: calls are paired by their number, which is unique within one client only.
 */
final class CallObservations implements MittoClientListener {

    /** The observation's name, and the timer's. */
    static final String NAME = MittoMetrics.CALLS;
    /** The name of the event each retry adds. */
    static final String RETRY = "retry";

    private static final Logger LOG = LoggerFactory.getLogger(CallObservations.class);
    private static final CallConvention CONVENTION = new CallConvention();

    private final ObservationRegistry registry;
    private final MittoClientListener unobserved;
    private final Predicate<Observation.Context> timed;
    private final Map<Long, Observation> open = new ConcurrentHashMap<>();
    private final AtomicBoolean warned = new AtomicBoolean();

    /**
     * @param registry   where observations are made
     * @param unobserved gets the end of each call that no meter handler timed (its observation a no-op, or failed
     *                   to start, or the registry without a meter handler), to time it without one; or {@code null}
     * @param timed      whether a meter handler timed the observation of this context
     */
    CallObservations(ObservationRegistry registry, MittoClientListener unobserved,
            Predicate<Observation.Context> timed) {
        if (registry == null || timed == null) {
            throw new IllegalArgumentException("registry and timed must not be null");
        }
        this.registry = registry;
        this.unobserved = unobserved;
        this.timed = timed;
    }

    @Override
    public void callStarted(CallStarted event) {
        try {
            CallContext context = new CallContext(event.endpoint());
            Observation observation = Observation.createNotStarted(null, CONVENTION, () -> context, registry)
                    .parentObservation(registry.getCurrentObservation());
            if (!observation.isNoop()) {
                observation.start();
                open.put(event.call(), observation); // not when start failed: the call is then timed unobserved
            }
        } catch (RuntimeException | Error e) {
            failed(e, "callStarted");
        }
    }

    @Override
    public void retryScheduled(RetryScheduled event) {
        Observation observation = open.get(event.call());
        if (observation == null) {
            return;
        }
        try {
            observation.event(Observation.Event.of(RETRY, "retry " + event.retry() + " after " + event.reason()
                    + ", in " + event.delay().toMillis() + " ms"));
        } catch (RuntimeException | Error e) {
            failed(e, "retryScheduled");
        }
    }

    @Override
    public void callEnded(CallEnded event) {
        Observation observation = open.remove(event.call());
        boolean timedByObservation = false;
        if (observation != null) {
            try {
                CallContext context = (CallContext) observation.getContext();
                timedByObservation = timed.test(context);
                context.ended(event);
                if (event.failure() != null) {
                    observation.error(new CallFailure(event));
                }
            } catch (RuntimeException | Error e) {
                failed(e, "callEnded");
            } finally {
                try {
                    observation.stop();
                } catch (RuntimeException | Error e) {
                    failed(e, "callEnded");
                }
            }
        }
        if (!timedByObservation && unobserved != null) {
            unobserved.callEnded(event);
        }
    }

    /** @return how many calls have an observation open: 0 once every call ended */
    int openCalls() {
        return open.size();
    }

    private void failed(Throwable e, String method) {
        if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
            throw (VirtualMachineError) e;
        }
        if (warned.compareAndSet(false, true)) {
            LOG.warn("An observation handler failed in {} of a Mitto call; the call goes on, and later failures are"
                    + " logged at DEBUG only", method, e);
        } else {
            LOG.debug("An observation handler failed again in {} of a Mitto call", method, e);
        }
    }

    @Override
    public String toString() {
        return "CallObservations[" + NAME + "]";
    }

    /** One call's observation context: its endpoint, and once it ended, its outcome and status. */
    static final class CallContext extends Observation.Context {

        private final Endpoint endpoint;
        private volatile Outcome outcome;
        private volatile int httpStatus = -1;

        CallContext(Endpoint endpoint) {
            this.endpoint = endpoint;
        }

        void ended(CallEnded event) {
            this.httpStatus = event.httpStatus();
            this.outcome = event.outcome();
        }

        /** @return the API call */
        Endpoint endpoint() {
            return endpoint;
        }

        /** @return how the call ended, or {@code null} while it runs */
        Outcome outcome() {
            return outcome;
        }

        /** @return the last answer's HTTP status, -1 when none came (or the call still runs) */
        int httpStatus() {
            return httpStatus;
        }
    }

    /**
     * The keys and names of a call's observation: {@code endpoint} from the start, {@code outcome} and
     * {@code status} once it ended (so Boot's {@code .active} long task timer carries {@code endpoint} alone).
     */
    static final class CallConvention implements ObservationConvention<CallContext> {

        @Override
        public KeyValues getLowCardinalityKeyValues(CallContext context) {
            KeyValues values = KeyValues.of("endpoint", context.endpoint().path());
            Outcome outcome = context.outcome();
            if (outcome == null) {
                return values;
            }
            int status = context.httpStatus();
            return values.and("outcome", outcome.name(), "status",
                    status < 0 ? MittoMetrics.NO_STATUS : Integer.toString(status));
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public String getContextualName(CallContext context) {
            return "mitto " + context.endpoint().path();
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return context instanceof CallContext;
        }
    }

    /**
     * A failed call, as an observation's error: its outcome, HTTP status and the API's response code, and the type
     * of the exception the caller got, without that exception's message (which may quote the server's answer, and
     * so a recipient) or its stack.
     */
    static final class CallFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        CallFailure(CallEnded event) {
            super(describe(event), null, false, false);
        }

        private static String describe(CallEnded event) {
            StringBuilder text = new StringBuilder("Mitto call ").append(event.endpoint().path()).append(' ')
                    .append(event.outcome().name());
            if (event.httpStatus() >= 0) {
                text.append(", HTTP ").append(event.httpStatus());
            }
            if (event.responseCode() > 0) {
                text.append(", responseCode ").append(event.responseCode());
            }
            if (event.failure() != null) {
                text.append(" (").append(event.failure().getClass().getSimpleName()).append(')');
            }
            return text.toString();
        }
    }
}
