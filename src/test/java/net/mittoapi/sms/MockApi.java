package net.mittoapi.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A MockWebServer on 127.0.0.1 standing in for the Mitto API, and clients pointed at it. */
final class MockApi implements AutoCloseable {

    /** A key distinctive enough to search for in logs and messages. */
    static final String KEY = "k3y-SECRET-7f1e2d3c4b5a6978";
    /** A valid SMS for tests about the call rather than the message. */
    static final SmsRequest SMS = SmsRequest.builder().from("MITTO SMS").to("491725551234").text("Hi").build();

    final MockWebServer server = new MockWebServer();

    MockApi() {
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** A client on this server with fast retries, so retry tests take milliseconds. */
    MittoClient.Builder client() {
        return MittoClient.builder().apiKey(KEY).baseUrl(baseUrl())
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(50));
    }

    void enqueue(int code, String contentType, String body) {
        MockResponse.Builder response = new MockResponse.Builder().code(code).body(body);
        if (contentType != null) {
            response.setHeader("Content-Type", contentType);
        }
        server.enqueue(response.build());
    }

    void json(int code, String body) {
        enqueue(code, "application/json; charset=utf-8", body);
    }

    void xml(int code, String body) {
        enqueue(code, "application/xml; charset=utf-8", body);
    }

    void enqueue(MockResponse response) {
        server.enqueue(response);
    }

    RecordedRequest take() {
        try {
            RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
            assertThat(request).as("a request reached the server").isNotNull();
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String body(RecordedRequest request) {
        return request.getBody() == null ? "" : request.getBody().utf8();
    }

    @Override
    public void close() {
        server.close();
    }
}
