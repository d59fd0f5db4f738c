package net.mittoapi.sms.sandbox;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/** The standalone sandbox's command line: {@code MittoSandbox --port 8080 …}. */
final class SandboxCommand {

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -cp <class path> net.mittoapi.sms.sandbox.MittoSandbox [options]",
            "",
            "Runs a local emulator of the Mitto SMS REST API until killed. The class path needs mitto-sms.jar,",
            "jackson-databind.jar, jackson-core.jar, jackson-annotations.jar and slf4j-api.jar.",
            "",
            "Options:",
            "  --port N                    port to listen on; 0 picks a free one (default 8080)",
            "  --host ADDRESS              address to listen on (default 127.0.0.1; 0.0.0.0 for all interfaces)",
            "  --api-key KEY               the key clients must send (default: a random key, printed)",
            "  --price-per-part DECIMAL    price of one SMS part in usage and reports (default 0.06)",
            "  --price COUNTRY=DECIMAL     price of one part to a country, e.g. --price DEU=0.075 (repeatable)",
            "  --callback-method GET|POST  how delivery reports are sent (default GET)",
            "  --default-callback URL      where reports go for sends without a callback of their own",
            "  --allow-remote-callbacks    also deliver reports to hosts other than loopback",
            "  --quiet                     do not print a line per request",
            "  --help                      print this help");

    private final MittoSandbox.Builder builder = MittoSandbox.builder().port(8080);
    private boolean help;
    private boolean quiet;

    private SandboxCommand() {
    }

    /** @throws IllegalArgumentException with a message for the user when the command line is wrong */
    static SandboxCommand parse(String[] args) {
        SandboxCommand command = new SandboxCommand();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "-h":
                case "--help":
                    command.help = true;
                    break;
                case "--quiet":
                    command.quiet = true;
                    break;
                case "--allow-remote-callbacks":
                    command.builder.allowRemoteCallbacks(true);
                    break;
                default:
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(known(name) ? name + " needs a value"
                                    : "unknown option '" + arg + "'");
                        }
                        value = args[++i];
                    }
                    command.option(name, value);
            }
        }
        return command;
    }

    private static boolean known(String name) {
        return USAGE.contains("  " + name + " ");
    }

    private void option(String name, String value) {
        switch (name) {
            case "--port":
                builder.port(number(name, value));
                break;
            case "--host":
                try {
                    builder.bindAddress(InetAddress.getByName(value));
                } catch (UnknownHostException e) {
                    throw new IllegalArgumentException("--host: unknown address '" + value + "'");
                }
                break;
            case "--api-key":
                builder.apiKey(value);
                break;
            case "--price-per-part":
                builder.pricePerPart(decimal(name, value));
                break;
            case "--price":
                int eq = value.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--price needs COUNTRY=DECIMAL, such as DEU=0.075, got '" + value
                            + "'");
                }
                builder.pricePerPart(value.substring(0, eq).toUpperCase(Locale.ROOT), decimal(name, value.substring(eq + 1)));
                break;
            case "--callback-method":
                try {
                    builder.callbackMethod(CallbackMethod.valueOf(value.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--callback-method must be GET or POST, got '" + value + "'");
                }
                break;
            case "--default-callback":
                builder.defaultCallback(value);
                break;
            default:
                throw new IllegalArgumentException("unknown option '" + name + "'");
        }
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }

    private static BigDecimal decimal(String name, String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a decimal number such as 0.06, got '" + value + "'");
        }
    }

    boolean help() {
        return help;
    }

    /** Starts the sandbox and prints how to reach it. */
    MittoSandbox start(PrintStream out) {
        if (!quiet) {
            builder.accessLog(out::println);
        }
        MittoSandbox sandbox = builder.start();
        out.println("Mitto SMS sandbox listening on " + sandbox.baseUrl());
        out.println("API key: " + sandbox.apiKey());
        out.println("Delivery reports: " + sandbox.callbackMethod());
        out.println("Try: curl -X POST " + sandbox.baseUrl() + "/sms -H 'Content-Type: application/json'"
                + " -H '" + MittoSandbox.API_KEY_HEADER + ": " + sandbox.apiKey() + "'"
                + " -d '{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"Hello, World!\"}'");
        out.println("Stop with Ctrl+C.");
        out.flush();
        return sandbox;
    }
}
