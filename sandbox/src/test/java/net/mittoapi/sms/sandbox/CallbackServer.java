package net.mittoapi.sms.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A delivery-report receiver for tests: a JDK HTTP server on loopback that records every request it gets. */
public final class CallbackServer implements AutoCloseable {

    /** One request the callback server received. */
    public record Callback(String method, String path, String rawQuery, String contentType, String body) {
    }

    private final HttpServer server;
    private final BlockingQueue<Callback> callbacks = new LinkedBlockingQueue<>();
    private volatile int status;

    private CallbackServer(int status) throws IOException {
        this.status = status;
        // Load the sandbox before the JDK's first HttpServer, so that its no-delay setting applies (see its Javadoc).
        MittoSandbox.builder();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            callbacks.add(new Callback(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Content-Type"),
                    body));
            exchange.sendResponseHeaders(this.status, -1);
            exchange.close();
        });
        server.start();
    }

    /**
     * @param status the HTTP status every callback is answered with, until {@link #answerWith(int)}
     * @return a running server; close it when done
     */
    public static CallbackServer start(int status) {
        try {
            return new CallbackServer(status);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the URL to give as a callback: {@code http://127.0.0.1:<port>/dlr} */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/dlr";
    }

    /** @param status the HTTP status the next callbacks are answered with */
    public void answerWith(int status) {
        this.status = status;
    }

    /**
     * @param wait an upper bound, never a timing assertion
     * @return the next callback received, failing the test when none comes within {@code wait}
     */
    public Callback next(Duration wait) throws InterruptedException {
        Callback callback = callbacks.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(callback).as("a callback within %s", wait).isNotNull();
        return callback;
    }

    /** @return the callbacks received and not yet taken by {@link #next(Duration)} */
    public List<Callback> pending() {
        return List.copyOf(callbacks);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
