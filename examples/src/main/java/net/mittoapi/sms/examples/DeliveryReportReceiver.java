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
 * The seed's "Retrieve Delivery Reports": a tiny webhook (the JDK's HTTP server) that reads the reports
 * Mitto sends to the callback URL, by GET ({@code ?ID=…&MCCMNC=…}) or POST (JSON), with
 * {@link DeliveryReport}. The sandbox delivers a report for every send that names a callback; the real API
 * cannot reach a server on localhost, so against it this example only explains what to do.
 */
public final class DeliveryReportReceiver {

    public static void main(String[] args) throws Exception {
        Examples.runAlone(DeliveryReportReceiver::run);
    }

    static void run() throws Exception {
        if (Examples.live()) {
            System.out.println("  skipped against the real API: Mitto cannot call a server on localhost."
                    + " Expose your receiver publicly and pass its URL as the request's callback.");
            return;
        }
        BlockingQueue<DeliveryReport> reports = new ArrayBlockingQueue<>(16);
        HttpServer webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        webhook.createContext("/dlr", exchange -> {
            try (exchange; InputStream body = exchange.getRequestBody()) {
                DeliveryReport report = "POST".equals(exchange.getRequestMethod())
                        ? DeliveryReport.fromJson(new String(body.readAllBytes(), StandardCharsets.UTF_8))
                        : DeliveryReport.fromQuery(exchange.getRequestURI().getRawQuery());
                reports.add(report);
                exchange.sendResponseHeaders(200, -1);
            } catch (RuntimeException e) {
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
                    .build());
            System.out.printf("  -> sent %s with callback %s%n", sent.id(), callback);
            DeliveryReport report = reports.poll(10, TimeUnit.SECONDS);
            if (report == null) {
                throw new IllegalStateException("no delivery report arrived within 10 s");
            }
            System.out.printf("  <- report by %s: id %s, MCCMNC %s, reference %s%n",
                    Examples.sandbox().callbackMethod(), report.messageId(), report.mccMnc().orElse("-"),
                    report.reference().orElse("-"));
            System.out.printf("     raw fields: %s%n", report.raw());
        } finally {
            webhook.stop(0);
        }
    }
}
