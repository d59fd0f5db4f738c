package net.mittoapi.sms.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.SmsResponse;
import net.mittoapi.sms.sandbox.CallbackMethod;
import net.mittoapi.sms.sandbox.MittoSandbox;
import net.mittoapi.sms.webhook.DeliveryReport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The "done when", literally: an application with the starter, {@code mitto.sandbox.enabled=true} and a
 * webhook path, and no configuration class for the SDK, sends an SMS without naming a callback and gets its
 * delivery report as an event, because the sandbox's default callback is derived from the server's port. The
 * port is fixed (chosen free just before the start), since a random one is not known when the sandbox starts.
 * Reports go by POST here, by GET in {@link MittoApplicationTest}.
 */
@SpringBootTest(classes = SandboxApplicationTest.App.class, webEnvironment = WebEnvironment.DEFINED_PORT, properties = {
        "mitto.sandbox.enabled=true", "mitto.sandbox.callback-method=POST", "mitto.webhook.path=/mitto/reports",
        "mitto.webhook.token=s3cret-token"})
class SandboxApplicationTest {

    @DynamicPropertySource
    static void freePort(DynamicPropertyRegistry registry) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = socket.getLocalPort();
            registry.add("server.port", () -> port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    MittoClient client;

    @Autowired
    MittoSandbox sandbox;

    @Autowired
    Reports reports;

    @Test
    void aSendWithoutCallbackReachesTheApplicationsOwnEndpoint() {
        SmsResponse sent = client.send(SmsRequest.builder().from("MITTO SMS").to("33612345678")
                .text("Your code is 1234").build());

        assertThat(sandbox.callbackMethod()).isEqualTo(CallbackMethod.POST);
        await().atMost(Duration.ofSeconds(15)).until(() -> !reports.all.isEmpty());
        assertThat(reports.all).singleElement().satisfies(report -> {
            assertThat(report.messageId()).isEqualTo(sent.id());
            assertThat(report.mccMnc()).contains("20801");
            assertThat(report.price()).isPresent();
        });
        // The event is published before the endpoint answers: the sandbox records the attempt once the answer is in.
        assertThat(sandbox.awaitDeliveries(1, Duration.ofSeconds(15))).singleElement()
                .satisfies(attempt -> assertThat(attempt.status()).isEqualTo(200));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        Reports reports() {
            return new Reports();
        }
    }

    static class Reports {
        final List<DeliveryReport> all = new CopyOnWriteArrayList<>();

        @EventListener
        void on(MittoDeliveryReportEvent event) {
            all.add(event.report());
        }
    }
}
