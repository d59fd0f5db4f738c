package net.mittoapi.sms.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.sandbox.Fault;
import net.mittoapi.sms.sandbox.MittoSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The auto-configured client's observations in an application wired by Spring Boot's own auto-configurations of
 * the running line (metrics, observations, micrometer-tracing): the timer of today from Boot's default handlers, a
 * span per call with micrometer-tracing's {@link SimpleTracer}, and the cases where no observation is made.
 */
class ClientObservationsTest {

    private static MittoSandbox sandbox;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(BootLine.metrics())
            .withConfiguration(BootLine.observation())
            .withConfiguration(AutoConfigurations.of(MittoAutoConfiguration.class))
            .withBean(PrometheusMeterRegistry.class, () -> new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
            .withPropertyValues("mitto.api-key=" + sandbox.apiKey(), "mitto.base-url=" + sandbox.baseUrl());

    private final ApplicationContextRunner traced = runner.withConfiguration(BootLine.tracing())
            .withBean(SimpleTracer.class, SimpleTracer::new);

    @BeforeAll
    static void startSandbox() {
        sandbox = MittoSandbox.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void resetSandbox() {
        sandbox.reset();
    }

    private static SmsRequest hello() {
        return SmsRequest.builder().from("MITTO SMS").to("491725551234").text("Hello, World!").build();
    }

    private static void send(AssertableApplicationContext context, boolean async) throws Exception {
        MittoClient client = context.getBean(MittoClient.class);
        if (async) {
            client.sendAsync(hello()).get(10, TimeUnit.SECONDS);
        } else {
            client.send(hello());
        }
    }

    private static List<String> mittoLines(AssertableApplicationContext context) {
        return context.getBean(PrometheusMeterRegistry.class).scrape().lines()
                .filter(line -> line.contains("mitto_")).toList();
    }

    /**
     * Boot's default handlers time each observation: the timer has the name, tags and description of today, once
     * per call (never twice), and nothing else of the meter handler's shows but the {@code .active} long task timer.
     */
    @Test
    void bootsDefaultHandlersYieldTheTimerOfToday() {
        runner.run(context -> {
            sandbox.enqueueFault(Fault.serviceUnavailable(), 1);
            send(context, false);
            send(context, true);
            sandbox.enqueueFault(Fault.responseCode(8), 1);
            assertThatThrownBy(() -> send(context, false)).hasStackTraceContaining("MittoApiException");

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            List<Timer> timers = new ArrayList<>(registry.get(MittoMetrics.CALLS).timers());
            assertThat(timers).allSatisfy(timer -> assertThat(timer.getId().getTags())
                    .extracting(io.micrometer.core.instrument.Tag::getKey)
                    .containsExactly("endpoint", "outcome", "status"));
            assertThat(timers.stream().mapToLong(Timer::count).sum()).as("one timing per call, not two").isEqualTo(3);
            List<String> lines = mittoLines(context);
            assertThat(lines).contains(
                    "# HELP mitto_sms_calls_seconds " + MittoMetrics.CALLS_DESCRIPTION,
                    "mitto_sms_calls_seconds_count{endpoint=\"/sms\",outcome=\"SUCCESS\",status=\"200\"} 2",
                    "mitto_sms_calls_seconds_count{endpoint=\"/sms\",outcome=\"API_ERROR\",status=\"400\"} 1",
                    "mitto_sms_retries_total{endpoint=\"/sms\",reason=\"SERVICE_UNAVAILABLE\"} 1.0",
                    "# HELP mitto_sms_calls_active_seconds Calls to the Mitto SMS API in flight",
                    "mitto_sms_calls_active_seconds_count{endpoint=\"/sms\"} 0");
            assertThat(lines).noneMatch(line -> line.contains("error=")).noneMatch(line -> line.contains("retry"));
        });
    }

    /** What the filter is for: without it, the observation's timer (not MittoMetrics's) would carry `error`. */
    @Test
    void theTimerComesFromTheObservationAndTheFilterKeepsItsTags() {
        runner.withAllowBeanDefinitionOverriding(true)
                .withBean("mittoObservationMeterFilter", MeterFilter.class, MeterFilter::accept).run(context -> {
                    send(context, false);
                    assertThat(context.getBean(MeterRegistry.class).get(MittoMetrics.CALLS).timer().getId()
                            .getTag("error")).isEqualTo("none");
                    assertThat(context.getBean(MeterRegistry.class).find(ObservationMeterFilter.RETRY_EVENT_COUNTER)
                            .meters()).isEmpty();
                });
    }

    @Test
    void bootsPropertyTurnsTheLongTaskTimerOff() {
        runner.withPropertyValues(BootLine.noLongTaskTimers()).run(context -> {
            send(context, false);
            assertThat(mittoLines(context)).noneMatch(line -> line.contains("active"))
                    .contains("mitto_sms_calls_seconds_count{endpoint=\"/sms\",outcome=\"SUCCESS\",status=\"200\"} 1");
        });
    }

    /** An observation switched off by Boot's own property is no reason to lose the timer: MittoMetrics records it. */
    @Test
    void anObservationSwitchedOffStillTimesTheCallOnce() {
        traced.withPropertyValues("management.observations.enable.mitto.sms.calls=false").run(context -> {
            send(context, false);
            send(context, true);
            assertThat(context.getBean(MeterRegistry.class).get(MittoMetrics.CALLS).timer().count()).isEqualTo(2);
            assertThat(mittoLines(context)).contains("# HELP mitto_sms_calls_seconds " + MittoMetrics.CALLS_DESCRIPTION)
                    .noneMatch(line -> line.contains("active"));
            assertThat(context.getBean(SimpleTracer.class).getSpans()).isEmpty();
        });
    }

    /**
     * With micrometer-tracing: one span per call, child of the span of the observation current on the caller's
     * thread, named for the endpoint, tagged with the timer's tags, with one event per retry.
     */
    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    @SuppressWarnings("try") // the scope is open for its effect: the parent of the call's span
    void aTracedApplicationHasASpanPerCallWithAnEventPerRetry(boolean async) {
        traced.run(context -> {
            SimpleTracer tracer = context.getBean(SimpleTracer.class);
            ObservationRegistry registry = context.getBean(ObservationRegistry.class);
            Observation request = Observation.start("test.request", registry);
            try (Observation.Scope scope = request.openScope()) {
                sandbox.enqueueFault(Fault.serviceUnavailable(), 2);
                send(context, async);
                send(context, async);
            } finally {
                request.stop();
            }

            List<SimpleSpan> calls = tracer.getSpans().stream().filter(span -> span.getName().equals("mitto /sms"))
                    .toList();
            SimpleSpan parent = tracer.getSpans().stream().filter(span -> span.getName().equals("test.request"))
                    .findFirst().orElseThrow();
            assertThat(calls).hasSize(2).allSatisfy(span -> {
                assertThat(span.getTags()).containsExactlyInAnyOrderEntriesOf(
                        Map.of("endpoint", "/sms", "outcome", "SUCCESS", "status", "200"));
                assertThat(span.getParentId()).isEqualTo(parent.getSpanId());
                assertThat(span.getTraceId()).isEqualTo(parent.getTraceId());
                assertThat(span.getEndTimestamp()).isAfterOrEqualTo(span.getStartTimestamp());
                assertThat(span.getError()).isNull();
            });
            assertThat(calls.get(0).getEvents()).extracting(Map.Entry::getValue).hasSize(2)
                    .allMatch(event -> event.matches("retry [12] after SERVICE_UNAVAILABLE, in \\d+ ms"));
            assertThat(calls.get(1).getEvents()).isEmpty();
        });
    }

    @Test
    void aFailedCallsSpanCarriesTheFailureButNoPayload() {
        traced.run(context -> {
            sandbox.enqueueFault(Fault.responseCode(8), 1);
            assertThatThrownBy(() -> send(context, false)).hasStackTraceContaining("MittoApiException");

            SimpleSpan span = context.getBean(SimpleTracer.class).onlySpan();
            assertThat(span.getTags()).containsEntry("outcome", "API_ERROR").containsEntry("status", "400");
            assertThat(span.getError()).isInstanceOf(CallObservations.CallFailure.class);
            assertThat(span.toString()).doesNotContain("491725551234").doesNotContain(sandbox.apiKey());
        });
    }

    /** micrometer-observation without micrometer-core (tracing only): observed, and no meter type is touched. */
    @Test
    void observationsWithoutMicrometerCore() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MittoAutoConfiguration.class))
                .withClassLoader(new FilteredClassLoader("io.micrometer.core"))
                .withBean(ObservationRegistry.class, TestObservationRegistry::create)
                .withPropertyValues("mitto.api-key=" + sandbox.apiKey(), "mitto.base-url=" + sandbox.baseUrl())
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(MittoMetrics.class);
                    send(context, false);
                    io.micrometer.observation.tck.TestObservationRegistryAssert
                            .assertThat((TestObservationRegistry) context.getBean(ObservationRegistry.class))
                            .hasObservationWithNameEqualTo("mitto.sms.calls").that().hasBeenStopped();
                });
    }

    /** A registry of the application's own, without Boot's meter handler: MittoMetrics keeps timing. */
    @Test
    void anObservationRegistryWithoutAMeterHandlerLeavesTheTimerToMittoMetrics() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MittoAutoConfiguration.class))
                .withConfiguration(BootLine.metrics())
                .withBean(ObservationRegistry.class, TestObservationRegistry::create)
                .withPropertyValues("mitto.api-key=" + sandbox.apiKey(), "mitto.base-url=" + sandbox.baseUrl())
                .run(context -> {
                    send(context, false);
                    Timer calls = context.getBean(MeterRegistry.class).get(MittoMetrics.CALLS).timer();
                    assertThat(calls.count()).isEqualTo(1);
                    assertThat(calls.getId().getDescription()).isEqualTo(MittoMetrics.CALLS_DESCRIPTION);
                });
    }

    /** The observation needs nothing of a real call's duration; the timer's is the call's, waits included. */
    @Test
    void theTimersDurationIsTheCallsWithItsWaits() {
        runner.withPropertyValues("mitto.max-retries=1").run(context -> {
            sandbox.enqueueFault(Fault.serviceUnavailable(Duration.ofSeconds(1)), 1);
            long start = System.nanoTime();
            send(context, false);
            long elapsed = System.nanoTime() - start;
            Timer calls = context.getBean(MeterRegistry.class).get(MittoMetrics.CALLS).timer();
            assertThat(calls.totalTime(TimeUnit.NANOSECONDS)).isBetween((double) Duration.ofSeconds(1).toNanos(),
                    (double) elapsed);
        });
    }
}
