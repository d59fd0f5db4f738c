package net.mittoapi.sms.spring;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import net.mittoapi.sms.MittoApiException;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.MittoClientListener;
import net.mittoapi.sms.MittoTransportException;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.SmsResponse;
import net.mittoapi.sms.sandbox.Fault;
import net.mittoapi.sms.sandbox.MittoSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each call of a real client, against the sandbox over loopback, is one observation in a
 * {@link TestObservationRegistry} (which also checks that every observation is started, stopped and evented in a
 * valid order): keys, parent, retry events, errors, for synchronous and asynchronous calls alike.
 */
class CallObservationsTest {

    private static final String TO = "491725551234";
    private static final String TIMED = "timed by the test's handler";

    private static MittoSandbox sandbox;

    private final TestObservationRegistry registry = timing(TestObservationRegistry.create());
    private final List<Observation.Event> events = new CopyOnWriteArrayList<>();
    private final List<String> unobserved = new CopyOnWriteArrayList<>();
    private final List<MittoClient> clients = new ArrayList<>();

    /** @return {@code registry}, with a handler that marks each context as timed, as a meter handler would */
    private static <R extends ObservationRegistry> R timing(R registry) {
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStart(Observation.Context context) {
                context.put(TIMED, true);
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        return registry;
    }

    @BeforeAll
    static void startSandbox() {
        sandbox = MittoSandbox.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(MittoClient::close);
        sandbox.reset();
    }

    /** Observations in {@code in}, timed by a handler that marks the context as the meter handler would. */
    private CallObservations observations(ObservationRegistry in) {
        return new CallObservations(in, new MittoClientListener() {
            @Override
            public void callEnded(CallEnded event) {
                unobserved.add(event.endpoint().path() + " " + event.outcome());
            }
        }, context -> context.containsKey(TIMED));
    }

    private MittoClient client(MittoClientListener listener) {
        return client(listener, sandbox.baseUrl());
    }

    private MittoClient client(MittoClientListener listener, String baseUrl) {
        MittoClient client = MittoClient.builder().apiKey(sandbox.apiKey()).baseUrl(baseUrl)
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5)).listener(listener).build();
        clients.add(client);
        return client;
    }

    private static SmsRequest hello() {
        return SmsRequest.builder().from("MITTO SMS").to(TO).text("Hello, World!").build();
    }

    private SmsResponse send(MittoClient client, boolean async) throws Exception {
        return async ? client.sendAsync(hello()).get(10, TimeUnit.SECONDS) : client.send(hello());
    }

    private void recordEvents() {
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onEvent(Observation.Event event, Observation.Context context) {
                events.add(event);
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void aCallIsOneObservationWithTheTimersKeysAndNothingElse(boolean async) throws Exception {
        CallObservations observations = observations(registry);

        send(client(observations), async);

        assertThat(registry).hasNumberOfObservationsEqualTo(1)
                .hasObservationWithNameEqualTo("mitto.sms.calls").that()
                .hasBeenStarted().hasBeenStopped()
                .hasContextualNameEqualTo("mitto /sms")
                .hasOnlyKeys("endpoint", "outcome", "status")
                .hasLowCardinalityKeyValue("endpoint", "/sms")
                .hasLowCardinalityKeyValue("outcome", "SUCCESS")
                .hasLowCardinalityKeyValue("status", "200")
                .doesNotHaveError()
                .doesNotHaveParentObservation();
        assertThat(observations.openCalls()).isZero();
        assertThat(unobserved).as("an observed call is timed by its observation").isEmpty();
    }

    /** The parent is the observation current on the caller's thread, for an async call too. */
    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    @SuppressWarnings("try") // the scope is open for its effect: the parent of the call's observation
    void theParentIsTheCallersCurrentObservation(boolean async) throws Exception {
        MittoClient client = client(observations(registry));
        Observation request = Observation.start("http.server.requests", registry);
        try (Observation.Scope scope = request.openScope()) {
            send(client, async);
        } finally {
            request.stop();
        }
        Observation after = registry.getCurrentObservation();

        assertThat(registry).hasObservationWithNameEqualTo("mitto.sms.calls").that()
                .hasParentObservationEqualTo(request).hasBeenStopped();
        assertThat(after).as("the call left no scope behind on the caller's thread").isNull();
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void eachRetryIsOneEventOfTheCallsObservation(boolean async) throws Exception {
        recordEvents();
        sandbox.enqueueFault(Fault.serviceUnavailable(), 2);

        send(client(observations(registry)), async);

        assertThat(events).extracting(Observation.Event::getName).containsExactly("retry", "retry");
        assertThat(events.get(0).getContextualName()).matches("retry 1 after SERVICE_UNAVAILABLE, in \\d+ ms");
        assertThat(events.get(1).getContextualName()).matches("retry 2 after SERVICE_UNAVAILABLE, in \\d+ ms");
        assertThat(registry).hasNumberOfObservationsEqualTo(1).hasObservationWithNameEqualTo("mitto.sms.calls")
                .that().hasEvent("retry").hasLowCardinalityKeyValue("outcome", "SUCCESS").hasBeenStopped();
    }

    /** A failure is the observation's error, saying how the call failed without the server's words or a number. */
    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void aRefusedCallCarriesItsOutcomeAndAnErrorThatQuotesNoPayload(boolean async) {
        sandbox.enqueueFault(Fault.responseCode(8), 1);
        MittoClient client = client(observations(registry));

        assertThatThrownBy(() -> send(client, async)).hasStackTraceContaining(MittoApiException.class.getSimpleName());

        assertThat(registry).hasObservationWithNameEqualTo("mitto.sms.calls").that()
                .hasLowCardinalityKeyValue("outcome", "API_ERROR").hasLowCardinalityKeyValue("status", "400")
                .hasError().assertThatError().isInstanceOf(CallObservations.CallFailure.class)
                .hasMessage("Mitto call /sms API_ERROR, HTTP 400, responseCode 8 (MittoApiException)")
                .hasNoCause();
    }

    @Test
    void aCallWithoutAnswerHasStatusNone() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        MittoClient client = client(observations(registry), "http://127.0.0.1:" + closed);

        assertThatThrownBy(() -> client.send(hello())).isInstanceOf(MittoTransportException.class);

        assertThat(registry).hasObservationWithNameEqualTo("mitto.sms.calls").that()
                .hasLowCardinalityKeyValue("outcome", "TRANSPORT").hasLowCardinalityKeyValue("status", "NONE")
                .hasError();
    }

    /** Many calls at once, from many threads: every observation is stopped, none is left open. */
    @Test
    void concurrentAsyncCallsAreEachObservedOnce() {
        CallObservations observations = observations(registry);
        MittoClient client = client(observations);
        List<CompletableFuture<SmsResponse>> sent = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sent.add(client.sendAsync(hello()));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();

        assertThat(registry).hasNumberOfObservationsWithNameEqualTo("mitto.sms.calls", 40)
                .forAllObservationsWithNameEqualTo("mitto.sms.calls", observation -> observation
                        .hasLowCardinalityKeyValue("outcome", "SUCCESS"));
        assertThat(observations.openCalls()).isZero();
    }

    /**
     * A registry without handlers (or a predicate that turns the name off) makes no-op observations, and one without
     * a meter handler times none: the call is then handed to the unobserved listener, which times it instead.
     */
    @Test
    void anUnobservedCallGoesToTheUnobservedListener() throws Exception {
        ObservationRegistry noHandlers = ObservationRegistry.create();
        send(client(observations(noHandlers)), false);

        TestObservationRegistry switchedOff = timing(TestObservationRegistry.create());
        switchedOff.observationConfig().observationPredicate((name, context) -> !name.equals("mitto.sms.calls"));
        send(client(observations(switchedOff)), true);

        TestObservationRegistry untimed = TestObservationRegistry.create(); // observes, but no handler times
        send(client(observations(untimed)), false);

        assertThat(unobserved).containsExactly("/sms SUCCESS", "/sms SUCCESS", "/sms SUCCESS");
        assertThat(switchedOff).doesNotHaveAnyObservation();
        assertThat(untimed).hasObservationWithNameEqualTo("mitto.sms.calls").that().hasBeenStopped();
    }

    /** A handler that throws (an Error too) changes nothing for the call and never escapes the listener. */
    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void aFailingHandlerNeitherBreaksTheCallNorEscapes(boolean async) throws Exception {
        ObservationRegistry failing = ObservationRegistry.create();
        failing.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStart(Observation.Context context) {
                throw new IllegalStateException("handler bug on start");
            }

            @Override
            public void onEvent(Observation.Event event, Observation.Context context) {
                throw new AssertionError("handler bug on event");
            }

            @Override
            public void onStop(Observation.Context context) {
                throw new IllegalStateException("handler bug on stop");
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        CallObservations observations = observations(failing);
        MittoClient client = client(observations);
        List<String> warnings;
        try (LogCapture log = LogCapture.of(CallObservations.class)) {
            sandbox.enqueueFault(Fault.serviceUnavailable(), 1);
            SmsResponse first = send(client, async);
            SmsResponse second = send(client, async);
            assertThat(first.id()).isNotEqualTo(second.id());
            warnings = log.messages(Level.WARN);
        }

        assertThat(sandbox.messages()).hasSize(2);
        assertThat(warnings).singleElement().asString().contains("An observation handler failed in callStarted");
        assertThat(observations.openCalls()).isZero();
        assertThat(unobserved).as("a call whose observation could not start is timed unobserved").hasSize(2);
    }

    /** Direct events as the client sends them, for what the client cannot be made to do: a call ended unstarted. */
    @Test
    void anEndWithoutAStartIsTimedUnobserved() {
        CallObservations observations = observations(registry);
        observations.retryScheduled(new MittoClientListener.RetryScheduled(9, MittoClientListener.Endpoint.SMS, 1,
                Duration.ZERO, MittoClientListener.RetryReason.CONNECTION_FAILED));
        observations.callEnded(new MittoClientListener.CallEnded(9, MittoClientListener.Endpoint.SMS,
                MittoClientListener.Outcome.SUCCESS, 200, 0, true, 1, Duration.ofMillis(3), null, null));

        assertThat(registry).doesNotHaveAnyObservation();
        assertThat(unobserved).containsExactly("/sms SUCCESS");
    }
}
