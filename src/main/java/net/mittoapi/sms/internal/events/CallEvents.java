package net.mittoapi.sms.internal.events;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import net.mittoapi.sms.MessageType;
import net.mittoapi.sms.MittoApiException;
import net.mittoapi.sms.MittoAuthenticationException;
import net.mittoapi.sms.MittoClientListener.AttemptEnded;
import net.mittoapi.sms.MittoClientListener.CallEnded;
import net.mittoapi.sms.MittoClientListener.CallStarted;
import net.mittoapi.sms.MittoClientListener.Endpoint;
import net.mittoapi.sms.MittoClientListener.Outcome;
import net.mittoapi.sms.MittoClientListener.RetryReason;
import net.mittoapi.sms.MittoClientListener.RetryScheduled;
import net.mittoapi.sms.MittoClientListener.Segments;
import net.mittoapi.sms.MittoClientListener;
import net.mittoapi.sms.MittoException;
import net.mittoapi.sms.MittoRateLimitException;
import net.mittoapi.sms.MittoTransportException;
import net.mittoapi.sms.internal.validation.MessageFields;
import net.mittoapi.sms.segments.SegmentInfo;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a client's calls to its {@link MittoClientListener}, and keeps the listener's promises: the
 * events of one call in order and never concurrently, exactly one {@code callEnded} per started call and
 * nothing after it, and a listener that fails never breaking a call.
 *
 * <p><b>Whatever the listener throws is caught here</b>, {@link Throwable} and not only exceptions: an
 * {@link Error} ({@code OutOfMemoryError}, {@code InternalError}, an {@code AssertionError} from a test
 * double) and a checked exception thrown without being declared (as Kotlin and {@code @SneakyThrows} do) alike.
 * Letting any of them through would let the listener decide a call's fate: a synchronous call would throw it
 * instead of returning its result, an asynchronous call's future would never complete (the exception would
 * end up in an OkHttp dispatcher or a timer thread), and {@code close()} would stop halfway. A virtual machine
 * error is not rethrown either: the listener's code raised it, the call's own work is done or still sound,
 * and a JVM really out of memory fails again on the caller's next allocation anyway. The first failure is
 * logged at WARN; it and all later ones are otherwise ignored. Every method here therefore returns normally.
 *
 * <p>A client without a listener uses {@link #NONE}: {@link #start} then returns a span whose methods return
 * at once, and no event value is ever built.
 */
public final class CallEvents {

    /** No listener: every event is dropped before it is built. */
    public static final CallEvents NONE = new CallEvents(null, new AtomicLong());

    private static final Logger LOG = LoggerFactory.getLogger("net.mittoapi.sms.MittoClient");

    private final @Nullable MittoClientListener listener;
    /** Numbers calls: one client's, or a family's that share a listener. */
    private final AtomicLong calls;
    private final AtomicBoolean warned = new AtomicBoolean();
    /** The span of every call without a listener: its methods return at once, so its endpoint is never read. */
    private final Span none = new Span(this, 0, Endpoint.SMS, null);

    private CallEvents(@Nullable MittoClientListener listener, AtomicLong calls) {
        this.listener = listener;
        this.calls = calls;
    }

    /**
     * @param listener the application's listener, or {@code null}
     * @return the events of a client with that listener
     */
    public static CallEvents of(@Nullable MittoClientListener listener) {
        return listener == null ? NONE : new CallEvents(listener, new AtomicLong());
    }

    /**
     * The events of a client derived from this one's. With the same listener, the two number their calls from one
     * counter, so that a listener that pairs events by call number never sees two calls with the same one.
     *
     * @param listener the derived client's listener, or {@code null}
     * @return its events
     */
    public CallEvents derive(@Nullable MittoClientListener listener) {
        return listener == null ? NONE : listener == this.listener ? new CallEvents(listener, calls) : of(listener);
    }

    /** @return whether a listener is set: only then is it worth computing what events carry */
    public boolean enabled() {
        return listener != null;
    }

    /**
     * What the segment calculator predicts a send costs, for the listener's events.
     *
     * @param type       the message's type, or {@code null} for none (as {@link MessageType#AUTO})
     * @param text       its text, or {@code null}
     * @param recipients how many messages the call sends
     * @return the forecast; {@code null} without a listener (the calculation is not made at all), for binary
     *         messages, and for a GSM message that GSM-7 cannot carry (the server refuses it)
     */
    public @Nullable Segments forecast(@Nullable MessageType type, @Nullable String text, int recipients) {
        if (listener == null || text == null) {
            return null;
        }
        SegmentInfo info = MessageFields.segments(text, type); // the encoding rule maxParts checks, in one place
        return info == null ? null : new Segments(info.encoding(), info.segmentCount(), recipients);
    }

    /**
     * A call passed validation: numbers it and reports {@code callStarted}.
     *
     * @param endpoint the API call
     * @param url      where it goes
     * @param segments what the calculator predicts, or {@code null}
     * @return the call's span, to report the rest of its events on
     */
    public Span start(Endpoint endpoint, HttpUrl url, @Nullable Segments segments) {
        if (listener == null) {
            return none;
        }
        Span span = new Span(this, calls.incrementAndGet(), endpoint, segments);
        span.started(url);
        return span;
    }

    private void deliver(String event, Consumer<MittoClientListener> delivery) {
        MittoClientListener target = listener;
        if (target == null) {
            return;
        }
        try {
            delivery.accept(target);
        } catch (Throwable e) { // all of it, errors included: see the class Javadoc
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt(); // thrown undeclared: keep the interrupt for the thread's owner
            }
            warnOnce(target, event, e);
        }
    }

    private void warnOnce(MittoClientListener target, String event, Throwable failure) {
        if (!warned.compareAndSet(false, true)) {
            return;
        }
        try {
            LOG.warn("The MittoClientListener {} threw from {}; the call goes on, and this and later failures"
                    + " of the listener are ignored. Fix the listener: it must not throw", target.getClass()
                    .getName(), event, failure);
        } catch (Throwable logging) {
            // The logging failed too (out of memory, a broken appender): the call must still complete.
        }
    }

    /**
     * @param httpStatus an error answer's HTTP status
     * @return whether the server may have processed the request before answering it: a 5xx other than 503
     */
    static boolean mayHaveProcessed(int httpStatus) {
        return httpStatus >= 500 && httpStatus != 503;
    }

    /** The events of one call. Thread-safe: an async call's events come from several threads. */
    public static final class Span {
        private final CallEvents events;
        private final long call;
        private final Endpoint endpoint;
        private final @Nullable Segments segments;
        private final long startNanos = System.nanoTime();
        private int attempts;
        private int lastStatus = -1;
        private boolean ended;

        private Span(CallEvents events, long call, Endpoint endpoint, @Nullable Segments segments) {
            this.events = events;
            this.call = call;
            this.endpoint = endpoint;
            this.segments = segments;
        }

        private void started(HttpUrl url) {
            CallStarted event = new CallStarted(call, endpoint, url.toString(), segments);
            events.deliver("callStarted", listener -> listener.callStarted(event));
        }

        /**
         * One attempt ended.
         *
         * @param attempt     its number, from 1
         * @param httpStatus  the answer's status, or -1 when none came
         * @param failure     why no usable answer came, or {@code null}
         * @param requestSent whether any byte of the request was written
         * @param startNanos  when the attempt began, from {@link System#nanoTime()}
         */
        public void attemptEnded(int attempt, int httpStatus, @Nullable Throwable failure, boolean requestSent,
                long startNanos) {
            if (events.listener != null) {
                attemptEnded(attempt, httpStatus, failure, requestSent, Duration.ofNanos(System.nanoTime() - startNanos));
            }
        }

        private synchronized void attemptEnded(int attempt, int httpStatus, @Nullable Throwable failure,
                boolean requestSent, Duration duration) {
            attempts = Math.max(attempts, attempt);
            lastStatus = httpStatus;
            if (ended) {
                return;
            }
            AttemptEnded event = new AttemptEnded(call, endpoint, attempt, httpStatus, failure, requestSent, duration);
            events.deliver("attemptEnded", listener -> listener.attemptEnded(event));
        }

        /**
         * A retry was scheduled.
         *
         * @param retry  1 for the first retry
         * @param delay  the wait before it
         * @param reason why
         */
        public void retryScheduled(int retry, Duration delay, RetryReason reason) {
            if (events.listener == null) {
                return;
            }
            synchronized (this) {
                if (ended) {
                    return;
                }
                RetryScheduled event = new RetryScheduled(call, endpoint, retry, delay, reason);
                events.deliver("retryScheduled", listener -> listener.retryScheduled(event));
            }
        }

        /**
         * The call ended with a result or the failure its caller gets. Only the first end counts.
         *
         * @param failure the failure, or {@code null} on success
         */
        public void ended(@Nullable MittoException failure) {
            if (events.listener != null) {
                ended(failure, false);
            }
        }

        /**
         * The caller cancelled the call.
         *
         * @param cancellation describes it, and says whether the request may have reached the server
         */
        public void canceled(MittoTransportException cancellation) {
            if (events.listener != null) {
                ended(cancellation, true);
            }
        }

        private synchronized void ended(@Nullable MittoException failure, boolean canceled) {
            if (ended) {
                return;
            }
            ended = true;
            Outcome outcome;
            int responseCode = -1;
            boolean maybeDelivered;
            int status = lastStatus;
            if (canceled && failure instanceof MittoTransportException cancellation) {
                outcome = Outcome.CANCELED;
                maybeDelivered = cancellation.maybeDelivered();
            } else if (failure == null) {
                outcome = Outcome.SUCCESS;
                responseCode = 0;
                maybeDelivered = true;
            } else if (failure instanceof MittoApiException api) {
                outcome = api instanceof MittoAuthenticationException ? Outcome.AUTHENTICATION
                        : api instanceof MittoRateLimitException ? Outcome.RATE_LIMITED : Outcome.API_ERROR;
                responseCode = api.responseCode();
                status = api.httpStatus();
                maybeDelivered = mayHaveProcessed(status);
            } else if (failure instanceof MittoTransportException transport) {
                outcome = Outcome.TRANSPORT;
                maybeDelivered = transport.maybeDelivered();
            } else {
                outcome = Outcome.TRANSPORT; // a MittoValidationException from a reader: none is known today
                maybeDelivered = attempts > 0;
            }
            CallEnded event = new CallEnded(call, endpoint, outcome, status, responseCode, maybeDelivered, attempts,
                    Duration.ofNanos(System.nanoTime() - startNanos), failure, segments);
            events.deliver("callEnded", listener -> listener.callEnded(event));
        }
    }
}
