package net.mittoapi.sms.examples;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.SmsResponse;
import net.mittoapi.sms.webhook.DeliveryReport;

/**
 * Mitto's use case "Retrieve Delivery Reports" (docs/mitto-api.md): a tiny webhook (the JDK's HTTP server) that reads
 * the reports Mitto sends to the callback URL, by GET ({@code ?ID=…&MCCMNC=…}) or POST (JSON), with {@link
 * DeliveryReport}. A sandbox on this machine (in process, or standalone on loopback) delivers a report for every send
 * that names a callback; the real API cannot reach a server on localhost, so against it this example only explains what
 * to do.
 */
public final class DeliveryReportReceiver {

    /** A report as the webhook received it: how it came, and what {@link DeliveryReport} read from it. */
    private record Received(String method, DeliveryReport report) {
    }

    public static void main(String[] args) throws Exception {
        Examples.runAlone(DeliveryReportReceiver::run);
    }

    static void run() throws Exception {
        if (!Examples.onThisMachine()) {
            System.out.println("  skipped: " + Examples.baseUrl() + " cannot call a server on this machine's"
                    + " localhost. Expose your receiver publicly and pass its URL as the request's callback.");
            return;
        }
        BlockingQueue<Received> reports = new ArrayBlockingQueue<>(16);
        HttpServer webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        webhook.createContext("/dlr", exchange -> {
            try (exchange; InputStream body = exchange.getRequestBody()) {
                String method = exchange.getRequestMethod();
                DeliveryReport report = "POST".equals(method)
                        ? DeliveryReport.fromJson(new String(body.readAllBytes(), StandardCharsets.UTF_8))
                        : DeliveryReport.fromQuery(exchange.getRequestURI().getRawQuery());
                reports.add(new Received(method, report));
                exchange.sendResponseHeaders(200, -1);
            } catch (RuntimeException | IOException e) {
                exchange.sendResponseHeaders(400, -1);
            }
        });
        webhook.start();
        try {
            String callback = "http://127.0.0.1:" + webhook.getAddress().getPort() + "/dlr";
            SmsResponse sent = Examples.client().send(SmsRequest.builder()
                    .from(Examples.FROM).to(Examples.TO).text("Your code is 4711.")
                    .reference("signup-42")
                    .callback(callback)
                    .test(Examples.testMode())
                    .build());
            System.out.printf("  -> sent %s with callback %s%n", sent.id(), callback);
            Received received = reports.poll(10, TimeUnit.SECONDS);
            if (received == null) {
                throw new IllegalStateException("no delivery report arrived within 10 s");
            }
            DeliveryReport report = received.report();
            System.out.printf("  <- report by %s: id %s, MCCMNC %s, reference %s%n", received.method(),
                    report.messageId(), report.mccMnc().orElse("(none)"),
                    report.reference().map(Examples::quote).orElse("(none)"));
            System.out.printf("     raw fields: %s%n", report.raw());
        } finally {
            webhook.stop(0);
        }
    }
}
