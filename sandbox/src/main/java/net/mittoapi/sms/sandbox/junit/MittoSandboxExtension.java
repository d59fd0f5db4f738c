package net.mittoapi.sms.sandbox.junit;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.MittoValidationException;
import net.mittoapi.sms.sandbox.MittoSandbox;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A JUnit 5 extension that runs one {@link MittoSandbox} per test class (and one per test for tests that run
 * concurrently), {@link MittoSandbox#reset() resets} it before each test, and injects it, and a
 * {@link MittoClient} built for it, into test methods, lifecycle methods and constructors that declare a
 * parameter of either type.
 *
 * <pre>{@code
 * import static org.assertj.core.api.Assertions.assertThat;
 *
 * import net.mittoapi.sms.MittoClient;
 * import net.mittoapi.sms.SmsRequest;
 * import net.mittoapi.sms.sandbox.MittoSandbox;
 * import net.mittoapi.sms.sandbox.junit.MittoSandboxExtension;
 * import org.junit.jupiter.api.Test;
 * import org.junit.jupiter.api.extension.ExtendWith;
 *
 * @ExtendWith(MittoSandboxExtension.class)
 * class NotifierTest {
 *
 *     @Test
 *     void sendsTheCode(MittoClient client, MittoSandbox sandbox) {
 *         client.send(SmsRequest.builder().from("MITTO SMS").to("491725551234").text("Your code: 1234").build());
 *
 *         assertThat(sandbox.messages()).singleElement()
 *                 .satisfies(message -> assertThat(message.text()).contains("1234"));
 *     }
 * }
 * }</pre>
 *
 * <p>Other settings: register it in a static field instead, with
 * {@link #withSandbox(Consumer)} and {@link #withClient(Consumer)}:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MittoSandboxExtension MITTO = new MittoSandboxExtension()
 *         .withSandbox(sandbox -> sandbox.callbackMethod(CallbackMethod.POST))
 *         .withClient(client -> client.maxRetries(0));
 * }</pre>
 *
 * <p><b>Lifecycle.</b> The sandbox starts before the class's first {@code @BeforeAll} method (on a free loopback
 * port, with a random key, unless configured otherwise) and is reset before each test: received requests,
 * messages, usage, conversions, queued faults and delivery attempts start empty. The client is built with the
 * sandbox's key and base URL and otherwise the builder's defaults. After the class's last {@code @AfterAll}
 * method the client is closed, then the sandbox. A {@code @Nested} class shares the sandbox and the client of
 * its enclosing class.
 *
 * <p><b>Parallel execution.</b> A test that JUnit may run at the same time as others of its class gets a sandbox
 * and a client of its own: one that runs with {@code junit.jupiter.execution.parallel.enabled=true} and in
 * {@link ExecutionMode#CONCURRENT} (by {@code @Execution}, or by
 * {@code junit.jupiter.execution.parallel.mode.default}), or inside a {@code @Nested} class that does. Its
 * parameters, its {@code @BeforeEach} and {@code @AfterEach} methods' and its constructor's (with the default
 * per-method lifecycle) are that sandbox and client, started on first use with the same settings, empty, and
 * closed after its {@code @AfterEach} methods; so each test sees only its own requests, messages and faults,
 * whatever runs beside it. The class's own sandbox stays for {@code @BeforeAll} and {@code @AfterAll} methods
 * (and the constructor of a {@code @TestInstance(PER_CLASS)} class): a concurrent test must not use that one
 * through a field, but take its own as a parameter. Tests that run in the same thread, and classes that run
 * concurrently with other classes, keep one sandbox per class, as above.
 *
 * <p>Needs {@code org.junit.jupiter:junit-jupiter-api}, which the SDK declares optional: add JUnit to your test
 * dependencies as usual. Immutable; thread-safe.
 */
public final class MittoSandboxExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(MittoSandboxExtension.class);
    /** The class's sandbox, in the store of the class that started it. */
    private static final String KEY = "running";
    /** A concurrent test's own sandbox, in the store of that test. */
    private static final String OWN_KEY = "own";
    /** JUnit's switch for parallel execution; without it, every test runs in one thread whatever its mode. */
    private static final String PARALLEL_ENABLED = "junit.jupiter.execution.parallel.enabled";

    private final Consumer<MittoSandbox.Builder> sandboxSettings;
    private final Consumer<MittoClient.Builder> clientSettings;

    /** An extension with the sandbox's and the client's default settings, as {@code @ExtendWith} needs. */
    public MittoSandboxExtension() {
        this(sandbox -> { }, client -> { });
    }

    private MittoSandboxExtension(Consumer<MittoSandbox.Builder> sandboxSettings,
            Consumer<MittoClient.Builder> clientSettings) {
        this.sandboxSettings = sandboxSettings;
        this.clientSettings = clientSettings;
    }

    /**
     * @param settings applied to the sandbox's builder before it starts, after any given before, such as
     *                 {@code sandbox -> sandbox.callbackMethod(CallbackMethod.POST)}
     * @return a new extension with these settings too; this one is unchanged
     * @throws MittoValidationException when {@code settings} is null
     */
    public MittoSandboxExtension withSandbox(Consumer<MittoSandbox.Builder> settings) {
        return new MittoSandboxExtension(sandboxSettings.andThen(required(settings)), clientSettings);
    }

    /**
     * @param settings applied to the client's builder after the sandbox's key and base URL (and after any given
     *                 before), such as {@code client -> client.maxRetries(0)}
     * @return a new extension with these settings too; this one is unchanged
     * @throws MittoValidationException when {@code settings} is null
     */
    public MittoSandboxExtension withClient(Consumer<MittoClient.Builder> settings) {
        return new MittoSandboxExtension(sandboxSettings, clientSettings.andThen(required(settings)));
    }

    /**
     * Starts the sandbox and builds its client, unless an enclosing class (for a {@code @Nested} class) or a
     * constructor parameter already did.
     *
     * @param context the test class's context
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    /**
     * Resets the class's sandbox, unless the test runs concurrently: its own sandbox starts empty.
     *
     * @param context the test's context
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        if (!concurrent(context)) {
            running(context).sandbox.reset();
        }
    }

    /**
     * Closes the client, then the sandbox, of a test that had its own.
     *
     * @param context the test's context
     */
    @Override
    public void afterEach(ExtensionContext context) {
        Own own = context.getStore(NAMESPACE).remove(OWN_KEY, Own.class);
        if (own != null) {
            own.close();
        }
    }

    /**
     * Closes the client, then the sandbox, when this class started them.
     *
     * @param context the test class's context
     */
    @Override
    public void afterAll(ExtensionContext context) {
        Running running = context.getStore(NAMESPACE).remove(KEY, Running.class);
        if (running != null) {
            running.close();
        }
    }

    /**
     * @param parameter the parameter to resolve
     * @param context   the context it is resolved in
     * @return whether the parameter's type is {@link MittoSandbox} or {@link MittoClient}
     */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == MittoSandbox.class || type == MittoClient.class;
    }

    /**
     * @param parameter a parameter of type {@link MittoSandbox} or {@link MittoClient}
     * @param context   the context it is resolved in
     * @return the sandbox (the test's own when it runs concurrently, else the class's), or the client built for it
     */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = running(context);
        return parameter.getParameter().getType() == MittoSandbox.class ? running.sandbox : running.client;
    }

    /**
     * Asks JUnit for the test's own context when it creates a test instance per test, so that a constructor
     * is given the same sandbox as the test it is created for (its own, when the test runs concurrently).
     *
     * @param rootContext the root context
     * @return {@link ExtensionContextScope#TEST_METHOD}
     */
    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }

    /** @return the extension's name, for test reports */
    @Override
    public String toString() {
        return "MittoSandboxExtension";
    }

    /**
     * The sandbox and client a context uses: a concurrent test's own, started in its store; else the class's,
     * the enclosing class's, or started here in the class's store.
     */
    private Running running(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        if (concurrent(context)) {
            synchronized (this) {
                Own own = store.get(OWN_KEY, Own.class);
                if (own == null) {
                    own = new Own(start());
                    store.put(OWN_KEY, own);
                }
                return own.running;
            }
        }
        synchronized (this) {
            Running running = store.get(KEY, Running.class);
            if (running != null) {
                return running;
            }
            ExtensionContext owner = context;
            while (owner.getTestMethod().isPresent() && owner.getParent().isPresent()) {
                owner = owner.getParent().get();
            }
            running = start();
            owner.getStore(NAMESPACE).put(KEY, running);
            return running;
        }
    }

    /**
     * Whether JUnit may run this test at the same time as others that would share the class's sandbox: parallel
     * execution is enabled, and the test, or a {@code @Nested} class it is in, runs concurrently. The top-level
     * class's own mode is left out: running beside other classes, it still has a sandbox of its own.
     */
    private static boolean concurrent(ExtensionContext context) {
        if (context.getTestMethod().isEmpty() || !context.getConfigurationParameter(PARALLEL_ENABLED)
                .map(value -> value.strip().equalsIgnoreCase("true")).orElse(false)) {
            return false;
        }
        for (ExtensionContext level = context; level.getParent().flatMap(ExtensionContext::getTestClass).isPresent();
                level = level.getParent().get()) {
            if (level.getExecutionMode() == ExecutionMode.CONCURRENT) {
                return true;
            }
        }
        return false;
    }

    private Running start() {
        MittoSandbox.Builder sandboxBuilder = MittoSandbox.builder();
        sandboxSettings.accept(sandboxBuilder);
        MittoSandbox sandbox = sandboxBuilder.start();
        try {
            MittoClient.Builder clientBuilder = MittoClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl());
            clientSettings.accept(clientBuilder);
            return new Running(sandbox, clientBuilder.build());
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    private static <T> Consumer<T> required(Consumer<T> settings) {
        if (settings == null) {
            throw new MittoValidationException("settings must not be null; pass a lambda such as"
                    + " sandbox -> sandbox.callbackMethod(CallbackMethod.POST)");
        }
        return settings;
    }

    /** Not AutoCloseable on purpose: closed by {@link #afterAll}, whichever JUnit version stores it. */
    private static final class Running {
        final MittoSandbox sandbox;
        final MittoClient client;

        Running(MittoSandbox sandbox, MittoClient client) {
            this.sandbox = sandbox;
            this.client = client;
        }

        void close() {
            try {
                client.close();
            } finally {
                sandbox.close();
            }
        }
    }

    /**
     * A concurrent test's own sandbox and client. AutoCloseable, unlike the class's, so that JUnit (5.13 and
     * later) also closes them with the test's store when the test never reaches {@link #afterEach} (its
     * constructor failed); {@link #afterEach} closes them first otherwise, and the second close does nothing.
     */
    private static final class Own implements AutoCloseable {
        final Running running;
        private final AtomicBoolean closed = new AtomicBoolean();

        Own(Running running) {
            this.running = running;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                running.close();
            }
        }
    }
}
