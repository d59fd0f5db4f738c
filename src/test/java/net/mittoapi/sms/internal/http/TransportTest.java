package net.mittoapi.sms.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import net.mittoapi.sms.Format;
import net.mittoapi.sms.MittoClientListener.Endpoint;
import net.mittoapi.sms.MittoTransportException;
import net.mittoapi.sms.internal.codec.Answers;
import net.mittoapi.sms.internal.codec.Codec;
import net.mittoapi.sms.internal.events.CallEvents;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The transport's safety net: whatever a reader throws that is not a {@code MittoException} (a bug, a
 * parser's runtime exception, a stack overflow on deep nesting) reaches the caller as a
 * {@link MittoTransportException} that says the request was sent; asynchronously it completes the future
 * and never escapes into an OkHttp dispatcher thread.
 */
class TransportTest {

    private final MockWebServer server = new MockWebServer();
    /** What escaped into the dispatcher's threads: must stay empty. */
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private ExecutorService threads;
    private OkHttpClient http;
    private HttpUrl url;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        url = server.url("/sms.json");
        threads = new ThreadPoolExecutor(0, 8, 10, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "transport-test-dispatcher");
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
            return thread;
        });
        http = new OkHttpClient.Builder().dispatcher(new Dispatcher(threads)).retryOnConnectionFailure(false)
                .addNetworkInterceptor(Transport.NETWORK_INTERCEPTOR).build();
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
        server.close();
    }

    static Stream<RuntimeException> bugs() {
        return Stream.of(new NumberFormatException("Character array is missing \"exponent\" mark 'e' or 'E'."),
                new IllegalStateException("a bug in a reader"), new ArithmeticException("Overflow"));
    }

    @ParameterizedTest
    @MethodSource("bugs")
    void aReaderThatThrowsSomethingElseIsATransportFailureThatMayHaveDelivered(RuntimeException bug) {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"responseCode\":1e9999999999}").build());
        try (Transport transport = transport()) {

            MittoTransportException e = catchThrowableOfType(MittoTransportException.class,
                    () -> transport.call(Endpoint.SMS, url, new byte[0], (status, body) -> {
                        throw bug;
                    }, null));

            assertThat(e.maybeDelivered()).isTrue();
            assertThat(e).hasCause(bug).hasMessageContaining("could not be read");
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("bugs")
    void asyncTheFutureFailsAndTheDispatcherThreadSurvives(RuntimeException bug) throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        try (Transport transport = transport()) {

            CompletableFuture<Object> future = transport.callAsync(Endpoint.SMS, url, new byte[0], (status, body) -> {
                throw bug;
            }, null);

            assertThat(future).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
                    .havingCause().isInstanceOfSatisfying(MittoTransportException.class,
                            e -> assertThat(e.maybeDelivered()).isTrue()).withCause(bug);
            assertThat(transport.callAsync(Endpoint.SMS, url, new byte[0], (status, body) -> "fine", null).get(10, TimeUnit.SECONDS))
                    .isEqualTo("fine");
            Thread.sleep(100); // an escaped exception reaches the handler just after the callback returns
            assertThat(uncaught).as("nothing escaped into an OkHttp dispatcher thread").isEmpty();
        }
    }

    @Test
    void aStackOverflowInAReaderIsATransportFailureToo() {
        server.enqueue(new MockResponse.Builder().code(200).body("[[[[").build());
        try (Transport transport = transport()) {

            MittoTransportException e = catchThrowableOfType(MittoTransportException.class,
                    () -> transport.call(Endpoint.SMS, url, new byte[0], (status, body) -> {
                        throw new StackOverflowError();
                    }, null));

            assertThat(e.maybeDelivered()).isTrue();
        }
    }

    private Transport transport() {
        return new Transport(http, HttpFamily.create(http), "key", new Answers(Codec.of(Format.JSON)),
                new RetryPolicy(0, Duration.ZERO, Duration.ZERO), new RetryTimer(), CallEvents.NONE);
    }
}
