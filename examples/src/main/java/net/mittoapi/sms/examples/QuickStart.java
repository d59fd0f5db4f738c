package net.mittoapi.sms.examples;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.MittoValidationException;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.SmsResponse;
import net.mittoapi.sms.sandbox.MittoSandbox;
import net.mittoapi.sms.webhook.DeliveryReport;

/** Send an SMS with no account, then hold its delivery report: the sandbox stands in for Mitto's API. */
public final class QuickStart {

    public static void main(String[] args) throws Exception {
        // Your webhook: Mitto calls it with each message's delivery report. The JDK's own HTTP server will do.
        CompletableFuture<DeliveryReport> received = new CompletableFuture<>();
        HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/reports", exchange -> {
            int status = 200;
            try {
                byte[] body = exchange.getRequestBody().readNBytes(64 * 1024);      // bounded: a report is small
                received.complete("POST".equals(exchange.getRequestMethod())
                        ? DeliveryReport.fromJson(new String(body, StandardCharsets.UTF_8))  // a POST template
                        : DeliveryReport.fromQuery(exchange.getRequestURI().getRawQuery())); // a GET template
            } catch (MittoValidationException notAReport) {                      // no message id, say
                status = 400;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        webhook.start();
        String callback = "http://127.0.0.1:" + webhook.getAddress().getPort() + "/reports";

        // The sandbox: a local double of Mitto's API, with a key of its own. Nothing leaves this machine.
        try (MittoSandbox sandbox = MittoSandbox.start();
             MittoClient client = MittoClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl()).build()) {
            SmsResponse sent = client.send(SmsRequest.builder()
                    .from("MITTO SMS").to("491725551234").text("Hello, World!")
                    .callback(callback)                                          // where its report goes
                    .build());
            System.out.println("Sent " + sent.id());
            DeliveryReport report = received.get(10, TimeUnit.SECONDS);          // the sandbox called back
            System.out.println("Received " + report);
        } finally {
            webhook.stop(0);
        }
    }
}
