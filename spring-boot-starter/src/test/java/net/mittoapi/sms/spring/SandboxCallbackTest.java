package net.mittoapi.sms.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.SmsResponse;
import net.mittoapi.sms.sandbox.CallbackMethod;
import net.mittoapi.sms.sandbox.DeliveryAttempt;
import net.mittoapi.sms.sandbox.MittoSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The sandbox's default callback: the application's own delivery-report endpoint, derived from
 * {@code server.port}, or {@code mitto.sandbox.callback-url}. A plain HTTP server stands in for the
 * application's web server here (these contexts start none); {@link SandboxApplicationTest} runs the real one.
 */
@ExtendWith(OutputCaptureExtension.class)
class SandboxCallbackTest {

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MittoAutoConfiguration.class, MittoWebhookAutoConfiguration.class))
            .withPropertyValues("mitto.sandbox.enabled=true");

    private HttpServer receiver;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        receiver.createContext("/", exchange -> {
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + "?"
                    + exchange.getRequestURI().getRawQuery());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private static SmsResponse send(MittoClient client) {
        return client.send(SmsRequest.builder().from("MITTO SMS").to("491725551234").text("Hello").build());
    }

    @Test
    void derivedFromTheServerPortContextPathServletPathAndToken() {
        int port = receiver.getAddress().getPort();
        web.withPropertyValues("server.port=" + port, "server.servlet.context-path=/app/", "spring.mvc.servlet.path=/api",
                "mitto.webhook.path=/mitto/reports", "mitto.webhook.token=t k&n").run(context -> {
                    MittoSandbox sandbox = context.getBean(MittoSandbox.class);
                    SmsResponse sent = send(context.getBean(MittoClient.class));
                    String expected = "http://127.0.0.1:" + port + "/app/api/mitto/reports?token=t+k%26n";
                    assertThat(sandbox.message(sent.id()).orElseThrow().callback()).contains(expected);

                    List<DeliveryAttempt> attempts = sandbox.awaitDeliveries(1, Duration.ofSeconds(10));
                    assertThat(attempts).singleElement().satisfies(a -> assertThat(a.delivered()).isTrue());
                    assertThat(received).singleElement().asString()
                            .startsWith("GET /app/api/mitto/reports?token=t+k%26n&ID=" + sent.id() + "&MCCMNC=");
                });
    }

    @Test
    void anExplicitCallbackUrlWins() {
        int port = receiver.getAddress().getPort();
        web.withPropertyValues("server.port=" + port, "mitto.webhook.path=/mitto/reports", "mitto.webhook.token=t",
                "mitto.sandbox.callback-url=http://localhost:" + port + "/elsewhere",
                "mitto.sandbox.callback-method=post").run(context -> {
                    MittoSandbox sandbox = context.getBean(MittoSandbox.class);
                    assertThat(sandbox.callbackMethod()).isEqualTo(CallbackMethod.POST);
                    send(context.getBean(MittoClient.class));
                    assertThat(sandbox.awaitDeliveries(1, Duration.ofSeconds(10))).hasSize(1);
                    assertThat(received).containsExactly("POST /elsewhere?null");
                });
    }

    @Test
    void aRandomServerPortLeavesTheDefaultCallbackToTheApplicationsStartAndSaysSo(CapturedOutput output) {
        // A context runner starts no SpringApplication, so no ApplicationStartedEvent: the callback stays unset.
        // SandboxRandomPortApplicationTest runs a real application, whose start sets it.
        web.withPropertyValues("server.port=0", "mitto.webhook.path=/mitto/reports", "mitto.webhook.token=t")
                .run(context -> {
                    MittoSandbox sandbox = context.getBean(MittoSandbox.class);
                    SmsResponse sent = send(context.getBean(MittoClient.class));
                    assertThat(sandbox.message(sent.id()).orElseThrow().callback()).isEmpty();
                    assertThat(sandbox.defaultCallback()).isEmpty();
                });
        assertThat(output.getAll()).contains("The Mitto sandbox's default callback is set once the server has started:"
                + " the server port is random (server.port=0)");
    }

    @Test
    void noEndpointNoDefaultCallback() {
        web.withPropertyValues("server.port=" + receiver.getAddress().getPort()).run(context -> {
            SmsResponse sent = send(context.getBean(MittoClient.class));
            assertThat(context.getBean(MittoSandbox.class).message(sent.id()).orElseThrow().callback()).isEmpty();
        });
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MittoAutoConfiguration.class,
                MittoWebhookAutoConfiguration.class)).withPropertyValues("mitto.sandbox.enabled=true",
                        "mitto.webhook.path=/mitto/reports").run(context -> {
                            SmsResponse sent = send(context.getBean(MittoClient.class));
                            assertThat(context.getBean(MittoSandbox.class).message(sent.id()).orElseThrow().callback())
                                    .isEmpty();
                        });
    }

    /** Each server listens, were it started, on the receiver's port: a report sent anywhere goes to this test. */
    @Test
    void aServerOffLoopbackOrOnTlsIsNotDerived(CapturedOutput output) {
        int port = receiver.getAddress().getPort();
        web.withPropertyValues("server.port=" + port, "server.ssl.enabled=true", "mitto.webhook.path=/r",
                "mitto.webhook.token=t").run(context -> {
                    SmsResponse sent = send(context.getBean(MittoClient.class));
                    assertThat(context.getBean(MittoSandbox.class).message(sent.id()).orElseThrow().callback())
                            .isEmpty();
                });
        web.withPropertyValues("server.port=" + port, "server.address=192.0.2.1", "mitto.webhook.path=/r",
                "mitto.webhook.token=t").run(context -> {
                    SmsResponse sent = send(context.getBean(MittoClient.class));
                    assertThat(context.getBean(MittoSandbox.class).message(sent.id()).orElseThrow().callback())
                            .isEmpty();
                });
        assertThat(received).as("reports sent without a callback").isEmpty();
        web.withPropertyValues("server.port=" + port, "server.address=0.0.0.0", "mitto.webhook.path=/r",
                "mitto.webhook.token=t").run(context -> {
                    MittoSandbox sandbox = context.getBean(MittoSandbox.class);
                    SmsResponse sent = send(context.getBean(MittoClient.class));
                    assertThat(sandbox.message(sent.id()).orElseThrow().callback())
                            .contains("http://127.0.0.1:" + port + "/r?token=t");
                    assertThat(sandbox.awaitDeliveries(1, Duration.ofSeconds(10))).singleElement()
                            .satisfies(a -> assertThat(a.delivered()).isTrue());
                });
        assertThat(output.getAll()).contains("the server uses TLS").contains("server.address is not loopback");
    }
}
