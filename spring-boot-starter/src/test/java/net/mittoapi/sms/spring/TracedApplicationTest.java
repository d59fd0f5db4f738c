package net.mittoapi.sms.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.mittoapi.sms.sandbox.Fault;
import net.mittoapi.sms.sandbox.MittoSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Issue 20's traced application: a Spring Boot web application (the one of {@link MittoTestApplication}, with
 * micrometer-tracing's test tracer) sends an SMS while handling a request. The send is one span, a child of the
 * request's span, with one event per retry, for a synchronous and an asynchronous send; and the sandbox's delivery
 * report, arriving at the starter's endpoint, is a server span of Spring MVC's own observation.
 */
@MittoTestApplication
class TracedApplicationTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Value("${local.server.port}")
    int port;

    @Autowired
    SimpleTracer tracer;

    @Autowired
    MittoSandbox sandbox;

    private String get(String pathAndQuery) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + pathAndQuery)).timeout(Duration.ofSeconds(20)).GET().build(), BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private List<SimpleSpan> spansOfTrace(String traceId) {
        return tracer.getSpans().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void aSendIsOneSpanUnderTheRequestThatMadeItWithAnEventPerRetry(boolean async) throws Exception {
        sandbox.enqueueFault(Fault.serviceUnavailable(), 1);

        String messageId = get("/send?async=" + async);

        // The server's span ends (and gets its tags) once the answer is written: the client may be first.
        SimpleSpan request = await().atMost(Duration.ofSeconds(10)).until(() -> tracer.getSpans().stream()
                .filter(span -> "/send".equals(span.getTags().get("uri")))
                .filter(span -> spansOfTrace(span.getTraceId()).stream()
                        .anyMatch(call -> call.getName().equals("mitto /sms") && !call.getEvents().isEmpty()))
                .reduce((first, last) -> last).orElse(null), found -> found != null);
        List<SimpleSpan> calls = spansOfTrace(request.getTraceId()).stream()
                .filter(span -> span.getName().equals("mitto /sms")).toList();

        assertThat(messageId).isNotBlank();
        assertThat(request.getTags()).containsEntry("method", "GET");
        assertThat(calls).as("one span per call").singleElement().satisfies(call -> {
            assertThat(call.getParentId()).as("the request's span is the parent").isEqualTo(request.getSpanId());
            assertThat(call.getTags()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("endpoint", "/sms", "outcome", "SUCCESS", "status", "200"));
            assertThat(call.getEvents()).extracting(Map.Entry::getValue).singleElement().asString()
                    .matches("retry 1 after SERVICE_UNAVAILABLE, in \\d+ ms");
        });
    }

    /** The delivery-report endpoint needs no instrumentation of its own: Spring MVC observes every request. */
    @Test
    void theWebhookIsObservedBySpringMvc() throws Exception {
        List<SimpleSpan> before = List.copyOf(tracer.getSpans());

        get("/mitto/reports?ID=traced-report-1&Status=DELIVERED&token=" + MittoTestApplication.TOKEN);

        SimpleSpan webhook = await().atMost(Duration.ofSeconds(10)).until(() -> tracer.getSpans().stream()
                .filter(span -> !before.contains(span))
                .filter(span -> "/mitto/reports".equals(span.getTags().get("uri"))).findFirst().orElse(null),
                span -> span != null);
        assertThat(webhook.getTags()).containsEntry("status", "200").containsEntry("method", "GET");
        assertThat(webhook.getTags().values()).noneMatch(value -> value.contains(MittoTestApplication.TOKEN));
    }
}
