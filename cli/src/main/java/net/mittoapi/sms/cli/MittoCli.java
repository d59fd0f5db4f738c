package net.mittoapi.sms.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar mitto-cli.jar}: the Mitto SMS SDK from the shell. {@code sandbox} runs the local emulator of
 * the API for code in any language, {@code segments} explains what a text costs and what the normalizer would change,
 * {@code preview} what a text to a list of numbers costs by country, {@code send} sends through the SDK's client with
 * the key from {@code MITTO_API_KEY}.
 */
@Command(name = "mitto-cli", mixinStandardHelpOptions = true, versionProvider = MittoCli.Version.class,
        description = "The Mitto SMS SDK from the shell.",
        commandListHeading = "%nCommands:%n",
        footer = {"", "Run 'mitto-cli COMMAND --help' for a command's options. Examples:",
            "  java -jar mitto-cli.jar sandbox --port 8080",
            "  java -jar mitto-cli.jar segments 'Your “order” ships today – thanks!'",
            "  java -jar mitto-cli.jar preview --text 'Your order ships today.' --to 491725551234,12025550123 \\",
            "      --prices prices.csv",
            "  export MITTO_API_KEY=...",
            "  java -jar mitto-cli.jar send --test --from 'MITTO SMS' --to 491725551234 \\",
            "      --text 'Hello, World!'"})
public final class MittoCli implements Runnable {

    /** Exit code: done. */
    static final int OK = 0;
    /** Exit code: the API refused the call, or the sandbox could not start. */
    static final int FAILED = 1;
    /** Exit code: a bad command line, or input refused before anything was sent (picocli's own code for usage). */
    static final int USAGE = 2;
    /** Exit code: no usable answer came back. */
    static final int NO_ANSWER = 3;

    @Spec
    private CommandSpec spec;

    private MittoCli() {
    }

    /**
     * Runs the tool and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        // Always exit: the sandbox's HTTP server thread would otherwise keep the JVM alive. After Ctrl+C the
        // shutdown hook has stopped the sandbox, and exit() only waits for the JVM's own end.
        System.exit(run(Terminal.system(), args));
    }

    /** Runs a command line against the given terminal and returns the exit code; the tests' entry point. */
    static int run(Terminal terminal, String... args) {
        return commandLine(terminal).execute(args);
    }

    static CommandLine commandLine(Terminal terminal) {
        CommandLine cli = new CommandLine(new MittoCli())
                .addSubcommand(new SandboxCommand(terminal))
                .addSubcommand(new SegmentsCommand(terminal))
                .addSubcommand(new PreviewCommand(terminal))
                .addSubcommand(new SendCommand(terminal))
                .addSubcommand(new CommandLine.HelpCommand());
        cli.setOut(terminal.out());
        cli.setErr(terminal.err());
        cli.setColorScheme(Help.defaultColorScheme(terminal.ansi()));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(new UnknownOptions(cli.getParameterExceptionHandler()));
        return cli;
    }

    /** Without a command: say which there are. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a command: sandbox, segments, preview or send");
    }

    /** The tool's version and the SDK's it was built with, from {@code version.properties} (filtered by Maven). */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties versions = new Properties();
            try (InputStream in = MittoCli.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    versions.load(in);
                }
            }
            return new String[] {
                "mitto-cli " + versions.getProperty("cli", "(unknown)") + ", built with mitto-sms "
                        + versions.getProperty("sdk", "(unknown)"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
