package net.mittoapi.sms.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine.Help.Ansi;

/** Runs the tool in this JVM, as {@code java -jar mitto-cli.jar …} would, with a chosen environment and stdin. */
final class Cli {

    /** What one run left behind. */
    record Result(int exitCode, String out, String err) {
        /** @return standard output and error together, for assertions on what a person sees */
        String all() {
            return out + err;
        }
    }

    private Cli() {
    }

    static Result run(String... args) {
        return run(Map.of(), "", args);
    }

    static Result run(Map<String, String> env, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Terminal terminal = new Terminal(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), env, Ansi.OFF);
        int code = MittoCli.run(terminal, args);
        return new Result(code, out.toString(), err.toString());
    }
}
