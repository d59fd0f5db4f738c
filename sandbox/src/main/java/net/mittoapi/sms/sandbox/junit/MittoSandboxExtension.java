package net.mittoapi.sms.sandbox.junit;

import java.util.function.Consumer;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.MittoValidationException;
import net.mittoapi.sms.sandbox.MittoSandbox;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that runs one {@link MittoSandbox} per test class, {@link MittoSandbox#reset() resets}
 * it before each test, and injects it, and a {@link MittoClient} built for it, into test methods, lifecycle
 * methods and constructors that declare a parameter of either type.
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
 * its enclosing class. Tests of one class that run in parallel share one sandbox and each reset it: run such a
 * class in one thread ({@code @Execution(ExecutionMode.SAME_THREAD)}).
 *
 * <p>Needs {@code org.junit.jupiter:junit-jupiter-api}, which the SDK declares optional: add JUnit to your test
 * dependencies as usual. Immutable; thread-safe.
 */
public final class MittoSandboxExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(MittoSandboxExtension.class);
    private static final String KEY = "running";

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
     * Resets the sandbox.
     *
     * @param context the test's context
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        running(context).sandbox.reset();
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
     * @return the class's sandbox, or the client built for it
     */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = running(context);
        return parameter.getParameter().getType() == MittoSandbox.class ? running.sandbox : running.client;
    }

    /** @return the extension's name, for test reports */
    @Override
    public String toString() {
        return "MittoSandboxExtension";
    }

    /** The sandbox and client of one test class: the enclosing class's, or started here in the class's store. */
    private Running running(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
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
}
