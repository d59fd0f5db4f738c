package net.mittoapi.sms.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.SmsResponse;
import net.mittoapi.sms.sandbox.MittoSandbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The usual shape of an application's test: a random server port, the sandbox enabled, a webhook path, no
 * callback anywhere. The port is known only once the server runs; the starter then gives it to the sandbox, so a
 * send without a callback still comes back to the application's own endpoint as an event. The application is
 * {@link SandboxApplicationTest}'s.
 */
@SpringBootTest(classes = SandboxApplicationTest.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"mitto.sandbox.enabled=true", "mitto.webhook.path=/mitto/reports",
                "mitto.webhook.token=s3cret-token"})
class SandboxRandomPortApplicationTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    MittoClient client;

    @Autowired
    MittoSandbox sandbox;

    @Autowired
    SandboxApplicationTest.Reports reports;

    @Test
    void theSandboxLearnsTheRandomPortAndReportsReachTheApplication() {
        assertThat(port).isPositive();
        assertThat(sandbox.defaultCallback())
                .contains("http://127.0.0.1:" + port + "/mitto/reports?token=s3cret-token");

        SmsResponse sent = client.send(SmsRequest.builder().from("MITTO SMS").to("491725551234")
                .text("Your code is 1234").build());

        await().atMost(Duration.ofSeconds(15)).until(() -> !reports.all.isEmpty());
        assertThat(reports.all).singleElement()
                .satisfies(report -> assertThat(report.messageId()).isEqualTo(sent.id()));
        // The event is published before the endpoint answers: the sandbox records the attempt once the answer is in.
        assertThat(sandbox.awaitDeliveries(1, Duration.ofSeconds(15))).singleElement()
                .satisfies(attempt -> assertThat(attempt.status()).isEqualTo(200));
    }
}
