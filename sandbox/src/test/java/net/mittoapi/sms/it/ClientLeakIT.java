package net.mittoapi.sms.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.MittoException;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.SmsResponse;
import net.mittoapi.sms.sandbox.Fault;
import net.mittoapi.sms.sandbox.MittoSandbox;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a client starts, its {@code close()} ends: 1,000 clients built, used once and closed leave no thread
 * and no file descriptor behind, and {@code close()} racing calls in flight settles every future.
 *
 * <p>Counting: threads of the whole JVM, less the sandbox's own ({@code mitto-sandbox-*}: the server under
 * test's double, whose handler pool grows with the calls it serves and shrinks after 30 idle seconds), and
 * open file descriptors from {@code /proc/self/fd} (Linux only; skipped elsewhere). After a settling wait of
 * up to 30 s, both must be back to the baseline taken after a warm-up, within {@value #TOLERANCE}: threads
 * that the JDK and OkHttp share JVM-wide ({@code OkHttp TaskRunner}, which cleans every connection pool and
 * lingers 60 s) may come and go, and a descriptor or two may belong to a test runner. One leaked thread or
 * descriptor per client would be 1,000. Any {@code mitto-sms-*} thread left is a failure whatever the count.
 */
class ClientLeakIT {

    private static final int CLIENTS = 1000;
    /** Threads and descriptors shared JVM-wide that may come and go while the test runs. */
    private static final int TOLERANCE = 4;
    private static final SmsRequest SMS =
            SmsRequest.builder().from("MITTO SMS").to("491725551234").text("Hello, World!").build();

    /**
     * Each test's own, not MittoSandboxExtension's sandbox of the class: a request a racing {@code close()} cut may
     * reach a shared sandbox after the next test's reset, and the thousand-clients test counts what its sandbox got.
     */
    private MittoSandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = MittoSandbox.start();
    }

    @AfterEach
    void closeSandbox() {
        sandbox.close();
    }

    @Test
    void aThousandClientsBuiltUsedOnceAndClosedLeaveNoThreadAndNoFileDescriptor() throws Exception {
        for (int i = 0; i < 5; i++) {
            useOnceAndClose(i); // warm-up: the JDK's and OkHttp's shared threads exist before the baseline
        }
        settle(() -> sdkThreads().isEmpty());
        Set<String> baselineThreads = threadNames();
        int baselineFds = openFileDescriptors();

        for (int i = 0; i < CLIENTS; i++) {
            useOnceAndClose(i);
        }

        settle(() -> sdkThreads().isEmpty() && threadNames().size() <= baselineThreads.size() + TOLERANCE
                && openFileDescriptors() <= baselineFds + TOLERANCE);
        assertThat(sdkThreads()).as("threads of the SDK left after close()").isEmpty();
        Set<String> now = threadNames();
        assertThat(now.size()).as("threads after %d clients: %d before, new ones: %s", CLIENTS, baselineThreads.size(),
                now.stream().filter(name -> !baselineThreads.contains(name)).sorted().toList())
                .isLessThanOrEqualTo(baselineThreads.size() + TOLERANCE);
        if (baselineFds >= 0) {
            assertThat(openFileDescriptors()).as("open file descriptors after %d clients, %d before", CLIENTS,
                    baselineFds).isLessThanOrEqualTo(baselineFds + TOLERANCE);
        }
        assertThat(sandbox.received()).hasSize(CLIENTS + 5);
    }

    @ParameterizedTest(name = "injected OkHttpClient: {0}")
    @ValueSource(booleans = {false, true})
    void closeRacingCallsInFlightSettlesEveryFuture(boolean injected) throws Exception {
        OkHttpClient shared = new OkHttpClient();
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int rounds = 30;
        int perRound = 20;
        int succeeded = 0;
        int failed = 0;
        try {
            for (int round = 0; round < rounds; round++) {
                sandbox.clearFaults();
                sandbox.enqueueFault(Fault.serviceUnavailable(Duration.ofSeconds(20)), 1 + random.nextInt(4));
                sandbox.enqueueFault(Fault.delay(Duration.ofMillis(1 + random.nextInt(200))), 1 + random.nextInt(8));
                MittoClient.Builder builder = MittoClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl())
                        .maxRetries(2).retryBackoff(Duration.ofMillis(1), Duration.ofSeconds(30));
                MittoClient client = (injected ? builder.httpClient(shared) : builder).build();
                List<CompletableFuture<SmsResponse>> futures = new ArrayList<>();
                for (int i = 0; i < perRound; i++) {
                    futures.add(client.sendAsync(SMS));
                }
                Thread.sleep(random.nextInt(30));

                client.close();

                for (CompletableFuture<SmsResponse> future : futures) {
                    try {
                        future.get(30, TimeUnit.SECONDS);
                        succeeded++;
                    } catch (TimeoutException e) {
                        throw new AssertionError("a future was left incomplete after close() (seed " + seed
                                + ", round " + round + ")", e);
                    } catch (ExecutionException e) {
                        assertThat(e.getCause()).as("seed %d, round %d", seed, round)
                                .isInstanceOf(MittoException.class);
                        failed++;
                    }
                }
            }
        } finally {
            shared.dispatcher().executorService().shutdown();
            shared.connectionPool().evictAll();
        }
        assertThat(succeeded + failed).isEqualTo(rounds * perRound);
        assertThat(failed).as("some calls were still waiting when the client closed (seed %d)", seed).isPositive();
        settle(() -> sdkThreads().isEmpty());
        assertThat(sdkThreads()).as("threads of the SDK left after close() (seed %d)", seed).isEmpty();
    }

    private void useOnceAndClose(int i) throws Exception {
        try (MittoClient client = MittoClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl()).build()) {
            SmsResponse response = i % 2 == 0 ? client.send(SMS) : client.sendAsync(SMS).get(30, TimeUnit.SECONDS);
            assertThat(response.id()).isNotBlank();
        }
    }

    /** The SDK's own threads: its dispatchers' and its retry timers'. */
    private static List<String> sdkThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("mitto-sms-")).sorted().toList();
    }

    /** Every live thread but the sandbox's, by name (numbered threads keep distinct names). */
    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(thread -> thread.getName() + "#" + thread.getId())
                .filter(name -> !name.startsWith("mitto-sandbox-")).collect(Collectors.toSet());
    }

    /** @return the open file descriptors of this process, or -1 where /proc/self/fd does not exist */
    private static int openFileDescriptors() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? -1 : fds.length;
    }

    private static void settle(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }
}
