package net.mittoapi.sms.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.mittoapi.sms.MittoClientListener;
import net.mittoapi.sms.MittoClientListener.AttemptEnded;
import net.mittoapi.sms.MittoClientListener.CallEnded;
import net.mittoapi.sms.MittoClientListener.CallStarted;
import net.mittoapi.sms.MittoClientListener.Endpoint;
import net.mittoapi.sms.MittoClientListener.Outcome;
import net.mittoapi.sms.MittoClientListener.RetryReason;
import net.mittoapi.sms.MittoClientListener.RetryScheduled;
import org.junit.jupiter.api.Test;

/** Several listeners as one: order, and failures of one that reach neither the others nor the call. */
class CompositeListenerTest {

    private static final CallStarted STARTED = new CallStarted(1, Endpoint.SMS, "http://127.0.0.1/sms.json", null);
    private static final AttemptEnded ATTEMPT = new AttemptEnded(1, Endpoint.SMS, 1, 503, null, true,
            Duration.ofMillis(1));
    private static final RetryScheduled RETRY = new RetryScheduled(1, Endpoint.SMS, 1, Duration.ofMillis(5),
            RetryReason.SERVICE_UNAVAILABLE);
    private static final CallEnded ENDED = new CallEnded(1, Endpoint.SMS, Outcome.SUCCESS, 200, 0, true, 2,
            Duration.ofMillis(9), null, null);

    @Test
    void noneOneOrMany() {
        Recorder one = new Recorder("one", List.of());
        assertThat(CompositeListener.of(List.of())).isNull();
        assertThat(CompositeListener.of(List.of(one))).isSameAs(one);
        assertThat(CompositeListener.of(List.of(one, new Recorder("two", List.of()))))
                .isInstanceOf(CompositeListener.class);
    }

    @Test
    void everyEventReachesEveryListenerInOrder() {
        List<String> seen = new ArrayList<>();
        MittoClientListener both = CompositeListener.of(List.of(new Recorder("a", seen), new Recorder("b", seen)));

        both.callStarted(STARTED);
        both.attemptEnded(ATTEMPT);
        both.retryScheduled(RETRY);
        both.callEnded(ENDED);

        assertThat(seen).containsExactly("a:started", "b:started", "a:attempt", "b:attempt", "a:retry", "b:retry",
                "a:ended", "b:ended");
    }

    @Test
    void aThrowingListenerNeitherStopsTheOthersNorFloodsTheLog() {
        List<String> seen = new ArrayList<>();
        MittoClientListener failing = new MittoClientListener() {
            @Override
            public void callEnded(CallEnded event) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public String toString() {
                return "FailingListener";
            }
        };
        MittoClientListener both = CompositeListener.of(List.of(failing, new Recorder("b", seen)));
        String log;
        try (LogCapture capture = LogCapture.of(CompositeListener.class)) {
            both.callEnded(ENDED);
            both.callEnded(ENDED);
            both.callEnded(ENDED);
            assertThat(capture.messages(Level.WARN)).singleElement().asString()
                    .contains("FailingListener threw from callEnded");
            log = capture.text();
        }

        assertThat(seen).containsExactly("b:ended", "b:ended", "b:ended");
        assertThat(log).contains("listener bug");
    }

    /** An Error (a failed assertion, a missing class) is a listener's failure too; the others still hear. */
    @Test
    void anErrorOfAListenerDoesNotStopTheOthers() {
        List<String> seen = new ArrayList<>();
        MittoClientListener failing = new MittoClientListener() {
            @Override
            public void callStarted(CallStarted event) {
                throw new NoClassDefFoundError("io/example/Missing");
            }

            @Override
            public void callEnded(CallEnded event) {
                throw new AssertionError("listener assertion");
            }
        };
        MittoClientListener both = CompositeListener.of(List.of(failing, new Recorder("b", seen)));
        try (LogCapture capture = LogCapture.of(CompositeListener.class)) {
            both.callStarted(STARTED);
            both.callEnded(ENDED);
            assertThat(capture.messages(Level.WARN)).hasSize(1);
        }

        assertThat(seen).containsExactly("b:started", "b:ended");
    }

    @Test
    void theJvmsOwnErrorsAreNotSwallowed() {
        MittoClientListener failing = new MittoClientListener() {
            @Override
            public void callEnded(CallEnded event) {
                throw new OutOfMemoryError("simulated");
            }
        };
        MittoClientListener both = CompositeListener.of(List.of(failing, new Recorder("b", new ArrayList<>())));

        assertThatThrownBy(() -> both.callEnded(ENDED)).isInstanceOf(OutOfMemoryError.class);
    }

    private record Recorder(String name, List<String> seen) implements MittoClientListener {
        @Override
        public void callStarted(CallStarted event) {
            seen.add(name + ":started");
        }

        @Override
        public void attemptEnded(AttemptEnded event) {
            seen.add(name + ":attempt");
        }

        @Override
        public void retryScheduled(RetryScheduled event) {
            seen.add(name + ":retry");
        }

        @Override
        public void callEnded(CallEnded event) {
            seen.add(name + ":ended");
        }
    }
}
