package net.mittoapi.sms.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Slowloris (issue 8, item 9): clients that send half a request and then nothing held every handler thread
 * for good. Each stalled connection must be cut once the request read time has passed, and a normal
 * request must then be answered.
 */
class MittoSandboxSlowlorisIT {

    private static final int THREADS = 4;
    /** Long enough for a normal request on a loaded 2-core machine, short enough to keep the test quick. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    /** An upper bound on what takes the request read timeout plus a moment, never a timing assertion. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void moreStalledConnectionsThanThreadsDoNotStopANormalRequest() throws Exception {
        try (MittoSandbox sandbox = MittoSandbox.builder().threads(THREADS).requestTimeout(REQUEST_TIMEOUT).start()) {
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < THREADS + 2; i++) {
                    // Half a header: the request line and part of a header line, never the blank line.
                    stalled.add(stall(sandbox, "POST /sms HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Mitto-API-"));
                }
                for (int i = 0; i < THREADS + 2; i++) {
                    // Whole headers, then 10 of the 1,000 body bytes announced.
                    stalled.add(stall(sandbox, "POST /sms HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json"
                            + "\r\nContent-Length: 1000\r\n" + MittoSandbox.API_KEY_HEADER + ": " + sandbox.apiKey()
                            + "\r\n\r\n{\"from\":\"M"));
                }

                String answer = normalRequest(sandbox);

                assertThat(answer).as("a normal request is answered while %d connections stall", stalled.size())
                        .startsWith("HTTP/1.1 200 ");
                for (Socket socket : stalled) {
                    assertThat(cutByTheServer(socket)).as("the server cut a stalled connection").isTrue();
                }
            } finally {
                for (Socket socket : stalled) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void aClientSlowerThanThePoolButWithinTheTimeoutIsServed() throws Exception {
        try (MittoSandbox sandbox = MittoSandbox.builder().threads(1).requestTimeout(Duration.ofSeconds(20)).start();
                Socket socket = stall(sandbox, "POST /sms HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n")) {
            Thread.sleep(300);
            byte[] body = RawHttp.HELLO.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("Content-Type: application/json\r\n" + MittoSandbox.API_KEY_HEADER + ": " + sandbox.apiKey()
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(body, 0, 10);
            out.flush();
            Thread.sleep(300);
            out.write(body, 10, body.length - 10);
            out.flush();

            assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .startsWith("HTTP/1.1 200 ");
        }
    }

    @Test
    void aDelayTheSandboxPlaysDoesNotCountAgainstTheClient() throws Exception {
        try (MittoSandbox sandbox = MittoSandbox.builder().requestTimeout(REQUEST_TIMEOUT).start()) {
            sandbox.enqueueFault(Fault.delay(REQUEST_TIMEOUT.multipliedBy(2)));

            assertThat(normalRequest(sandbox)).startsWith("HTTP/1.1 200 ");
            assertThat(normalRequest(sandbox)).as("the same settings, no fault").startsWith("HTTP/1.1 200 ");
        }
    }

    private static Socket stall(MittoSandbox sandbox, String part) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), sandbox.port());
        socket.setSoTimeout((int) WAIT.toMillis());
        OutputStream out = socket.getOutputStream();
        out.write(part.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return socket;
    }

    private static String normalRequest(MittoSandbox sandbox) throws IOException {
        byte[] body = RawHttp.HELLO.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sandbox.port())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /sms HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n"
                    + MittoSandbox.API_KEY_HEADER + ": " + sandbox.apiKey() + "\r\nContent-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            try {
                return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (SocketTimeoutException e) {
                return "no answer within " + WAIT;
            }
        }
    }

    /** @return whether the server closed or reset the connection (rather than leaving it open until WAIT) */
    private static boolean cutByTheServer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            while (in.read() >= 0) {
                // an error answer is fine too, as long as the connection then ends
            }
            return true;
        } catch (SocketException reset) {
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        }
    }
}
