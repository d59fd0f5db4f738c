package net.mittoapi.sms.sandbox.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.MittoException;
import net.mittoapi.sms.MittoRateLimitException;
import net.mittoapi.sms.MittoValidationException;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.SmsResponse;
import net.mittoapi.sms.sandbox.CallbackMethod;
import net.mittoapi.sms.sandbox.Fault;
import net.mittoapi.sms.sandbox.MittoSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The extension's lifecycle, seen from sample test classes run through the real Jupiter engine: what they are
 * given, and what state the sandbox and client are in before, between and after their tests.
 */
class MittoSandboxExtensionTest {

    private static final SmsRequest HELLO =
            SmsRequest.builder().from("MITTO SMS").to("491725551234").text("Hello, World!").build();

    /** What the sample classes saw; cleared before each run. */
    static final List<MittoSandbox> SANDBOXES = new CopyOnWriteArrayList<>();
    static final List<MittoClient> CLIENTS = new CopyOnWriteArrayList<>();
    static final List<Integer> MESSAGES_BEFORE_SEND = new CopyOnWriteArrayList<>();
    static final List<MittoSandbox> CLASS_SANDBOXES = new CopyOnWriteArrayList<>();

    @BeforeEach
    void clear() {
        CLASS_SANDBOXES.clear();
        SANDBOXES.clear();
        CLIENTS.clear();
        MESSAGES_BEFORE_SEND.clear();
    }

    @Test
    void oneSandboxPerClassResetBeforeEachTestAndClosedWithItsClientAfterTheClass() {
        Events tests = run(ThreeTests.class);

        assertSucceeded(tests, 3);
        assertThat(SANDBOXES).hasSize(5).containsOnly(SANDBOXES.get(0));
        assertThat(CLIENTS).hasSize(2).containsOnly(CLIENTS.get(0));
        // Every test starts from an empty sandbox, although the class's earlier tests sent through it and queued
        // faults in it.
        assertThat(MESSAGES_BEFORE_SEND).containsExactly(0, 0, 0);

        MittoSandbox sandbox = SANDBOXES.get(0);
        assertThat(sandbox.toString()).contains("closed");
        assertThatThrownBy(() -> RawSocket.connect(sandbox.port())).isInstanceOf(java.io.IOException.class);
        assertThatThrownBy(() -> CLIENTS.get(0).send(HELLO)).isInstanceOf(MittoException.class);
    }

    @Test
    void eachClassGetsItsOwnSandboxAndANestedClassSharesItsEnclosingOne() {
        assertSucceeded(run(ThreeTests.class), 3);
        MittoSandbox first = SANDBOXES.get(0);
        SANDBOXES.clear();

        assertSucceeded(run(WithNested.class), 2);

        assertThat(SANDBOXES).hasSize(2).containsOnly(SANDBOXES.get(0)).doesNotContain(first);
        assertThat(SANDBOXES.get(0).toString()).contains("closed");
    }

    @Test
    void aRegisteredExtensionAppliesTheSandboxAndClientSettings() {
        assertSucceeded(run(Configured.class), 1);

        assertThat(SANDBOXES).singleElement().satisfies(sandbox -> {
            assertThat(sandbox.apiKey()).isEqualTo("configured-key");
            assertThat(sandbox.callbackMethod()).isEqualTo(CallbackMethod.POST);
        });
    }

    @Test
    void constructorsOfPerClassTestsAreInjectedBeforeBeforeAll() {
        assertSucceeded(run(PerClassConstructor.class), 2);

        assertThat(SANDBOXES).hasSize(3).containsOnly(SANDBOXES.get(0));
        assertThat(SANDBOXES.get(0).toString()).contains("closed");
    }

    @Test
    void otherParameterTypesAreLeftToOtherResolvers() {
        Events tests = run(AsksForAString.class);

        tests.assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(tests.failed().stream().findFirst().orElseThrow().getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable).orElseThrow())
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessageContaining("java.lang.String");
    }

    @Test
    void nullSettingsAreRefusedWithAMessage() {
        MittoSandboxExtension extension = new MittoSandboxExtension();

        assertThatThrownBy(() -> extension.withSandbox(null)).isInstanceOf(MittoValidationException.class)
                .hasMessageContaining("settings must not be null");
        assertThatThrownBy(() -> extension.withClient(null)).isInstanceOf(MittoValidationException.class)
                .hasMessageContaining("settings must not be null");
    }

    @Test
    void concurrentTestsEachGetTheirOwnSandboxAndSeeOnlyTheirOwnMessages() {
        ConcurrentTests.allSent = new CyclicBarrier(ConcurrentTests.COUNT);

        Events tests = runInParallel(ConcurrentTests.class, "concurrent");

        assertSucceeded(tests, ConcurrentTests.COUNT);
        assertThat(CLASS_SANDBOXES).hasSize(2).containsOnly(CLASS_SANDBOXES.get(0));
        assertThat(SANDBOXES).hasSize(ConcurrentTests.COUNT).doesNotHaveDuplicates()
                .doesNotContain(CLASS_SANDBOXES.get(0));
        assertThat(CLIENTS).hasSize(ConcurrentTests.COUNT).doesNotHaveDuplicates();
        assertThat(SANDBOXES).allSatisfy(sandbox -> assertThat(sandbox.toString()).contains("closed"));
        assertThat(CLASS_SANDBOXES.get(0).toString()).contains("closed");
    }

    @Test
    void underParallelExecutionTestsThatRunInTheSameThreadShareTheClassSandbox() {
        // Classes run concurrently with each other, the methods of each in one thread: one sandbox per class.
        Events tests = runInParallel(ThreeTests.class, "same_thread");

        assertSucceeded(tests, 3);
        assertThat(SANDBOXES).hasSize(5).containsOnly(SANDBOXES.get(0));
        assertThat(MESSAGES_BEFORE_SEND).containsExactly(0, 0, 0);
    }

    @Test
    void aConcurrentModeWithoutParallelExecutionKeepsTheClassSandbox() {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(ThreeTests.class))
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .execute().testEvents();

        assertSucceeded(tests, 3);
        assertThat(SANDBOXES).hasSize(5).containsOnly(SANDBOXES.get(0));
    }

    @Test
    void aNestedClassThatRunsBesideItsEnclosingClassesTestsGetsSandboxesOfItsOwn() {
        NestedBeside.bothSent = new CyclicBarrier(2);

        Events tests = runInParallel(NestedBeside.class, "same_thread");

        assertSucceeded(tests, 2);
        assertThat(SANDBOXES).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void aConcurrentTestsSandboxIsClosedEvenWhenItsConstructorFails() {
        Events tests = runInParallel(FailingConstructor.class, "concurrent");

        tests.assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(SANDBOXES).singleElement().satisfies(sandbox -> assertThat(sandbox.toString()).contains("closed"));
    }

    private static Events runInParallel(Class<?> testClass, String methodMode) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", methodMode)
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                // More threads than tests, so that every test can wait for all the others to have sent.
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism",
                        Integer.toString(ConcurrentTests.COUNT + 8))
                .execute().testEvents();
    }

    private static void assertSucceeded(Events tests, int count) {
        List<String> failures = tests.failed().stream()
                .map(event -> event.getTestDescriptor().getDisplayName() + ": " + event.getPayload(TestExecutionResult.class)
                        .flatMap(TestExecutionResult::getThrowable).map(Throwable::toString).orElse("no cause"))
                .collect(Collectors.toList());
        assertThat(failures).as("sample tests that failed").isEmpty();
        tests.assertStatistics(stats -> stats.started(count).succeeded(count));
    }

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
    }

    /** Opens a plain TCP connection, to tell whether anything still listens. */
    static final class RawSocket {
        static void connect(int port) throws java.io.IOException {
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 5_000);
            }
        }
    }

    @ExtendWith(MittoSandboxExtension.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ThreeTests {

        @BeforeAll
        static void beforeAll(MittoSandbox sandbox) {
            SANDBOXES.add(sandbox);
        }

        @AfterAll
        static void afterAll(MittoSandbox sandbox) {
            SANDBOXES.add(sandbox);
            assertThat(sandbox.toString()).doesNotContain("closed");
        }

        @Test
        @Order(1)
        void sends(MittoSandbox sandbox, MittoClient client) {
            sendOne(sandbox, client);
        }

        @Test
        @Order(2)
        void leavesFaultsQueued(MittoClient client, MittoSandbox sandbox) {
            SANDBOXES.add(sandbox);
            MESSAGES_BEFORE_SEND.add(sandbox.messages().size());
            sandbox.enqueueFault(Fault.internalError(), 5);
        }

        @Test
        @Order(3)
        void sendsAgain(MittoSandbox sandbox, MittoClient client) {
            assertThat(sandbox.pendingFaults()).isZero();
            sendOne(sandbox, client);
        }

        private static void sendOne(MittoSandbox sandbox, MittoClient client) {
            SANDBOXES.add(sandbox);
            CLIENTS.add(client);
            MESSAGES_BEFORE_SEND.add(sandbox.messages().size());
            assertThat(sandbox.received()).isEmpty();
            SmsResponse sent = client.send(HELLO);
            assertThat(sandbox.message(sent.id())).isPresent();
            assertThat(sandbox.messages()).hasSize(1);
        }
    }

    @ExtendWith(MittoSandboxExtension.class)
    static class WithNested {

        @Test
        void outer(MittoSandbox sandbox) {
            SANDBOXES.add(sandbox);
        }

        @Nested
        class Inner {
            @Test
            void inner(MittoSandbox sandbox, MittoClient client) {
                SANDBOXES.add(sandbox);
                client.send(HELLO);
                assertThat(sandbox.messages()).hasSize(1);
            }
        }
    }

    static class Configured {

        @RegisterExtension
        static final MittoSandboxExtension MITTO = new MittoSandboxExtension()
                .withSandbox(sandbox -> sandbox.callbackMethod(CallbackMethod.POST))
                .withSandbox(sandbox -> sandbox.apiKey("configured-key"))
                .withClient(client -> client.maxRetries(0));

        @Test
        void noRetries(MittoSandbox sandbox, MittoClient client) {
            SANDBOXES.add(sandbox);
            sandbox.enqueueFault(Fault.rateLimited(Duration.ofSeconds(1)), 3);

            assertThatThrownBy(() -> client.send(HELLO)).isInstanceOf(MittoRateLimitException.class);
            assertThat(sandbox.received()).hasSize(1);
        }
    }

    @ExtendWith(MittoSandboxExtension.class)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClassConstructor {

        private final MittoSandbox sandbox;
        private final MittoClient client;

        PerClassConstructor(MittoSandbox sandbox, MittoClient client) {
            this.sandbox = sandbox;
            this.client = client;
            SANDBOXES.add(sandbox);
        }

        @Test
        void first(MittoSandbox injected) {
            SANDBOXES.add(injected);
            client.send(HELLO);
            assertThat(sandbox.messages()).hasSize(1);
        }

        @Test
        void second(MittoSandbox injected) {
            SANDBOXES.add(injected);
            client.send(HELLO);
            assertThat(sandbox.messages()).hasSize(1);
        }
    }

    /**
     * Tests that send at the same time, each waiting until all have sent before it looks: with one sandbox
     * shared, each would see the others' messages, requests and faults.
     */
    @ExtendWith(MittoSandboxExtension.class)
    static class ConcurrentTests {

        static final int COUNT = 24;
        static volatile CyclicBarrier allSent = new CyclicBarrier(COUNT);

        private final MittoSandbox constructed;

        ConcurrentTests(MittoSandbox sandbox) {
            this.constructed = sandbox;
        }

        @BeforeAll
        static void beforeAll(MittoSandbox sandbox) {
            CLASS_SANDBOXES.add(sandbox);
        }

        @AfterAll
        static void afterAll(MittoSandbox sandbox) {
            CLASS_SANDBOXES.add(sandbox);
        }

        @RepeatedTest(COUNT)
        void seesOnlyItsOwnMessages(RepetitionInfo repetition, MittoSandbox sandbox, MittoClient client)
                throws Exception {
            SANDBOXES.add(sandbox);
            CLIENTS.add(client);
            assertThat(constructed).as("the constructor's sandbox is the test's").isSameAs(sandbox);
            String text = "Test " + repetition.getCurrentRepetition();
            sandbox.enqueueFault(Fault.rateLimited(Duration.ZERO));

            SmsResponse sent = client.send(SmsRequest.builder().from("MITTO SMS").to("491725551234").text(text).build());
            allSent.await(60, TimeUnit.SECONDS);

            assertThat(sandbox.messages()).singleElement().satisfies(message -> {
                assertThat(message.id()).isEqualTo(sent.id());
                assertThat(message.text()).isEqualTo(text);
            });
            assertThat(sandbox.received()).as("its own 429 and the retry").hasSize(2);
            assertThat(sandbox.pendingFaults()).isZero();
        }
    }

    /**
     * A test of the class (in the class's thread) and a test of a {@code @Nested} class that runs concurrently
     * beside it, sending at the same time: the nested one must not share the enclosing class's sandbox.
     */
    @ExtendWith(MittoSandboxExtension.class)
    static class NestedBeside {

        static volatile CyclicBarrier bothSent = new CyclicBarrier(2);

        @Test
        void outer(MittoSandbox sandbox, MittoClient client) throws Exception {
            sendAndSeeOnlyIt(sandbox, client, "outer");
        }

        @Nested
        @Execution(ExecutionMode.CONCURRENT)
        class Beside {
            @Test
            @Execution(ExecutionMode.SAME_THREAD)
            void inner(MittoSandbox sandbox, MittoClient client) throws Exception {
                sendAndSeeOnlyIt(sandbox, client, "inner");
            }
        }

        static void sendAndSeeOnlyIt(MittoSandbox sandbox, MittoClient client, String text) throws Exception {
            SANDBOXES.add(sandbox);
            client.send(SmsRequest.builder().from("MITTO SMS").to("491725551234").text(text).build());
            bothSent.await(60, TimeUnit.SECONDS);
            assertThat(sandbox.messages()).singleElement()
                    .satisfies(message -> assertThat(message.text()).isEqualTo(text));
        }
    }

    @ExtendWith(MittoSandboxExtension.class)
    static class FailingConstructor {

        FailingConstructor(MittoSandbox sandbox) {
            SANDBOXES.add(sandbox);
            throw new IllegalStateException("a constructor that fails, on purpose");
        }

        @Test
        void neverRuns() {
            throw new AssertionError("the constructor failed");
        }
    }

    @ExtendWith(MittoSandboxExtension.class)
    static class AsksForAString {

        @Test
        void text(String text) {
            assertThat(text).isNotNull();
        }
    }
}
