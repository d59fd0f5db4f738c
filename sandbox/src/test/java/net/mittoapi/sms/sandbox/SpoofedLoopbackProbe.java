package net.mittoapi.sms.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run by {@link MittoSandboxSpoofedLoopbackIT} in a JVM of its own whose name resolution is a hosts file
 * ({@code -Djdk.net.hosts.file}) that maps {@code localhost} and {@code evil.localhost} to a stand-in for a
 * remote host. Listens on the same port at that address and at 127.0.0.1, has a sandbox deliver a report to
 * {@code http://localhost:port/} and one to {@code http://evil.localhost:port/}, and prints how many reports
 * each listener received.
 */
public final class SpoofedLoopbackProbe {

    private SpoofedLoopbackProbe() {
    }

    /**
     * @param args the stand-in remote address
     * @throws Exception when the probe cannot run; the parent test then fails on the output
     */
    public static void main(String[] args) throws Exception {
        InetAddress remote = InetAddress.getByName(args[0]);
        AtomicInteger atRemote = new AtomicInteger();
        AtomicInteger atLoopback = new AtomicInteger();
        MittoSandbox.builder(); // the sandbox's no-delay setting before the first HttpServer
        HttpServer remoteServer = null;
        HttpServer loopbackServer = null;
        for (int tries = 0; loopbackServer == null; tries++) {
            remoteServer = listen(remote, 0, atRemote);
            try {
                loopbackServer = listen(InetAddress.getByName("127.0.0.1"), remoteServer.getAddress().getPort(),
                        atLoopback);
            } catch (BindException taken) {
                remoteServer.stop(0);
                if (tries == 20) {
                    throw taken;
                }
            }
        }
        int port = remoteServer.getAddress().getPort();
        try (MittoSandbox sandbox = MittoSandbox.start()) {
            for (String host : List.of("localhost", "evil.localhost", "EVIL.LOCALHOST")) {
                RawHttp.post(sandbox, "/sms", "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"Hi\","
                        + "\"callback\":\"http://" + host + ":" + port + "/dlr\"}");
            }
            List<DeliveryAttempt> attempts = sandbox.awaitDeliveries(3, Duration.ofSeconds(30));
            attempts.forEach(attempt -> System.out.println("attempt " + attempt));
        } finally {
            remoteServer.stop(0);
            loopbackServer.stop(0);
        }
        System.out.println("remote=" + atRemote.get() + " loopback=" + atLoopback.get());
    }

    private static HttpServer listen(InetAddress address, int port, AtomicInteger count) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 16);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            count.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }
}
