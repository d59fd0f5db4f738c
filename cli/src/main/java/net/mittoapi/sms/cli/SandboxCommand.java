package net.mittoapi.sms.cli;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import net.mittoapi.sms.MittoValidationException;
import net.mittoapi.sms.sandbox.CallbackMethod;
import net.mittoapi.sms.sandbox.MittoSandbox;
import net.mittoapi.sms.sandbox.ReceivedRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mitto-cli sandbox}: the SDK's sandbox as a server of its own, for code in any language. */
@Command(name = "sandbox", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Run a local emulator of the Mitto SMS API, for code in any language.",
        description = "Serves POST /sms, /smsbulk, /usage/bycountry and /sms/converted (also with the suffix .json or .xml)"
                + " as the API does: the key check, responseCodes, ids, usage and delivery reports. Prints its base"
                + " URL, its key and a ready curl line, then one line per request, until Ctrl+C. Nothing leaves the"
                + " machine: it listens on loopback and calls only loopback callbacks, unless told otherwise.",
        footerHeading = "%nFaults (--fault):%n", footer = FaultSpec.SYNTAX)
final class SandboxCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE})")
    private int port = 8080;

    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "address to listen on (default: loopback, 127.0.0.1); 0.0.0.0 serves other machines too, as in a container")
    private String host;

    @Option(names = {"--key", "--api-key"}, paramLabel = "KEY",
            description = "the key clients must send in X-Mitto-API-Key, never printed (default: a random key, printed)")
    private String key;

    @Option(names = "--callback-method", paramLabel = "GET|POST",
            description = "how delivery reports are sent (default: ${DEFAULT-VALUE})")
    private String callbackMethod = "GET";

    @Option(names = "--default-callback", paramLabel = "URL",
            description = "where delivery reports go for sends without a callback of their own (default: none)")
    private String defaultCallback;

    @Option(names = "--allow-remote-callbacks",
            description = "also deliver reports to hosts other than loopback")
    private boolean allowRemoteCallbacks;

    @Option(names = "--price-per-part", paramLabel = "DECIMAL",
            description = "price of one SMS part in usage and reports, 0 to 1000000 with at most 6 decimals (default: 0.06)")
    private BigDecimal pricePerPart;

    @Option(names = "--price", paramLabel = "COUNTRY=DECIMAL",
            description = "price of one part to a country (ISO 3166-1 alpha-3), e.g. --price DEU=0.075; repeatable")
    private Map<String, BigDecimal> prices;

    @Option(names = "--fault", paramLabel = "SPEC", converter = FaultSpec.Converter.class,
            description = "queue a fault for the first calls, such as rate-limited:2s*3; repeatable; see Faults below")
    private List<FaultSpec> faults = new ArrayList<>();

    @Option(names = "--request-timeout", paramLabel = "WAIT", converter = WaitSpec.Converter.class,
            description = "how long a client may take to send a request (from its first byte), and again to take the"
                    + " answer, before the sandbox cuts its connection: a guard against slow clients; 1ms to 60m,"
                    + " WAIT as in --fault (default: 10s)")
    private Duration requestTimeout;

    @Option(names = "--quiet", description = "do not print a line per request")
    private boolean quiet;

    private final Terminal terminal;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean stopping = new AtomicBoolean();

    SandboxCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    /**
     * Starts the sandbox, prints how to reach it, and serves until the process is stopped (Ctrl+C: the shutdown
     * hook closes it) or, in process, until the calling thread is interrupted.
     */
    @Override
    public Integer call() {
        MittoSandbox sandbox;
        try {
            sandbox = start();
        } catch (UncheckedIOException e) {
            terminal.err().println("mitto-cli sandbox: " + e.getMessage());
            return MittoCli.FAILED;
        }
        print(sandbox);
        Thread hook = new Thread(() -> stop(sandbox), "mitto-cli-sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it stops the sandbox
            }
            stop(sandbox);
            Thread.currentThread().interrupt();
        }
        return MittoCli.OK;
    }

    private MittoSandbox start() {
        MittoSandbox.Builder builder = MittoSandbox.builder().port(port).apiKey(key)
                .allowRemoteCallbacks(allowRemoteCallbacks).defaultCallback(defaultCallback);
        if (host != null) {
            try {
                builder.bindAddress(InetAddress.getByName(host));
            } catch (UnknownHostException e) {
                throw new ParameterException(spec.commandLine(), "--host: unknown address '" + host + "'");
            }
        }
        try {
            builder.callbackMethod(CallbackMethod.valueOf(callbackMethod.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--callback-method must be GET or POST, got '"
                    + callbackMethod + "'");
        }
        if (pricePerPart != null) {
            builder.pricePerPart(pricePerPart);
        }
        if (prices != null) {
            prices.forEach((country, price) -> builder.pricePerPart(country.toUpperCase(Locale.ROOT), price));
        }
        builder.requestTimeout(requestTimeout());
        if (!quiet) {
            builder.accessLog(terminal.out()::println);
        }
        MittoSandbox sandbox;
        try {
            sandbox = builder.start();
        } catch (MittoValidationException e) {
            String message = e.getMessage();
            String option = message.startsWith("pricePerPart for ") ? "--price: "
                    : message.startsWith("pricePerPart ") ? "--price-per-part: " : "";
            throw new ParameterException(spec.commandLine(), option + message);
        }
        for (FaultSpec fault : faults) {
            sandbox.enqueueFault(fault.fault(), fault.times());
        }
        return sandbox;
    }

    private Duration requestTimeout() {
        return requestTimeout != null ? requestTimeout : MittoSandbox.DEFAULT_REQUEST_TIMEOUT;
    }

    /**
     * Prints how to reach the sandbox. A random key is printed, as there is no other way to learn it; a key given
     * with {@code --key} is the user's, perhaps one used elsewhere, and is never printed (terminals are recorded,
     * shared and logged): the lines to try then read it from {@code MITTO_API_KEY}.
     */
    private void print(MittoSandbox sandbox) {
        String url = sandbox.baseUrl();
        String shownKey = key == null ? sandbox.apiKey() : ReceivedRequest.MASKED;
        var out = terminal.out();
        out.println("Mitto SMS sandbox listening on " + url);
        out.println("API key: " + shownKey + (key == null ? "" : " (the one given with --key, not printed)"));
        out.println("Delivery reports: " + sandbox.callbackMethod() + (allowRemoteCallbacks ? ", to any host"
                : ", to loopback callbacks only"));
        out.println("Request timeout: " + WaitSpec.show(requestTimeout()) + " (a client slower to send a request, or"
                + " to take its answer, is cut)");
        for (FaultSpec fault : faults) {
            out.println("Fault queued: " + fault);
        }
        String send = "java -jar mitto-cli.jar send --base-url " + url
                + " --from 'MITTO SMS' --to 491725551234 --text 'Hello, World!'";
        String body = " -d '{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"Hello, World!\"}'";
        if (key == null) {
            out.println("Try:");
            out.println("  curl -X POST " + url + "/sms -H 'Content-Type: application/json' -H "
                    + Show.shell(MittoSandbox.API_KEY_HEADER + ": " + sandbox.apiKey()) + body);
            out.println("  MITTO_API_KEY=" + Show.shell(sandbox.apiKey()) + " " + send);
        } else {
            out.println("Try, with MITTO_API_KEY set to that key:");
            out.println("  curl -X POST " + url + "/sms -H 'Content-Type: application/json' -H \""
                    + MittoSandbox.API_KEY_HEADER + ": $MITTO_API_KEY\"" + body);
            out.println("  " + send);
        }
        out.println("Stop with Ctrl+C.");
        out.flush();
    }

    private void stop(MittoSandbox sandbox) {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        sandbox.close();
        terminal.out().println("Sandbox stopped: " + Show.count(sandbox.received().size(), "request", "requests")
                + " received, " + Show.count(sandbox.messages().size(), "message", "messages") + " accepted.");
        terminal.out().flush();
        stopped.countDown();
    }
}
