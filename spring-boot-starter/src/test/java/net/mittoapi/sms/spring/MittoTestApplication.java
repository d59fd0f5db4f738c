package net.mittoapi.sms.spring;

import io.micrometer.tracing.test.simple.SimpleTracer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.MittoClientListener;
import net.mittoapi.sms.SmsRequest;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A web application with the starter, Spring MVC, Actuator, Prometheus and micrometer-tracing (its test tracer), and
 * no configuration of the SDK of its own: only properties. The sandbox runs in it, the endpoints take reports and
 * inbound SMS with a token.
 * Test classes carrying this annotation share one running application (Spring's test context cache).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = MittoTestApplication.App.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "mitto.sandbox.enabled=true",
        "mitto.webhook.path=/mitto/reports",
        "mitto.webhook.inbound-path=/mitto/inbound",
        "mitto.webhook.token=" + MittoTestApplication.TOKEN,
        "mitto.webhook.max-body-size=1KB",
        "management.endpoints.web.exposure.include=health,prometheus",
        "management.prometheus.metrics.export.enabled=true"})
@interface MittoTestApplication {

    /** The webhook token of the application. */
    String TOKEN = "s3cret-t0ken";

    @SpringBootConfiguration
    @EnableAutoConfiguration
    class App {

        @Bean
        Events events() {
            return new Events();
        }

        @Bean
        CallLog callLog() {
            return new CallLog();
        }

        @Bean
        Hello hello() {
            return new Hello();
        }

        @Bean
        Sender sender(MittoClient client) {
            return new Sender(client);
        }

        /** micrometer-tracing's test tracer: Boot's tracing auto-configuration turns observations into its spans. */
        @Bean
        SimpleTracer tracer() {
            return new SimpleTracer();
        }
    }

    /**
     * Every Mitto event the application saw, in order. Its listener of reports fails for the message id
     * {@code explode}, fails once for each id put in {@link #failOnce}, and waits for the latch put in {@link #holds}
     * under a report's id (at most 20 seconds).
     */
    class Events {
        final List<Object> all = new CopyOnWriteArrayList<>();
        final Set<String> failOnce = ConcurrentHashMap.newKeySet();
        final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();

        @EventListener
        void on(MittoDeliveryReportEvent event) throws InterruptedException {
            all.add(event);
            String id = event.report().messageId();
            if (id.equals("explode") || failOnce.remove(id)) {
                throw new IllegalStateException("the application's listener failed");
            }
            CountDownLatch hold = holds.get(id);
            if (hold != null && !hold.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("held for 20 seconds: the test never let go");
            }
        }

        @EventListener
        void on(MittoInboundSmsEvent event) {
            all.add(event);
        }
    }

    /** The application's own call listener: the auto-configured client gives it events beside the metrics. */
    class CallLog implements MittoClientListener {
        final List<CallEnded> ended = new CopyOnWriteArrayList<>();

        @Override
        public void callEnded(CallEnded event) {
            ended.add(event);
        }
    }

    /** The application's own controller that sends an SMS while handling a request, as applications do. */
    @RestController
    class Sender {
        private final MittoClient client;

        Sender(MittoClient client) {
            this.client = client;
        }

        @GetMapping("/send")
        String send(@RequestParam(defaultValue = "false") boolean async) {
            SmsRequest request = SmsRequest.builder().from("MITTO SMS").to("491725551234").text("Traced").build();
            return async ? client.sendAsync(request).join().id() : client.send(request).id();
        }
    }

    /** The application's own controller, which the endpoint must not shadow. */
    @RestController
    class Hello {
        @GetMapping("/hello")
        String hello() {
            return "hello";
        }
    }
}
