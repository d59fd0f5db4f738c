package net.mittoapi.sms.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Help.Ansi;

/**
 * What a command reads and writes: standard input, output and error, and the environment. The real ones in
 * {@link #system()}; tests pass their own, so that every command runs in process.
 *
 * @param in   standard input, read as UTF-8
 * @param out  standard output
 * @param err  standard error
 * @param env  the environment variables
 * @param ansi whether help is coloured
 */
record Terminal(InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env, Ansi ansi) {

    /** The most a command reads from standard input: far more than any SMS, bounded all the same. */
    static final int MAX_INPUT_BYTES = 1 << 20;

    /**
     * The process's own streams. Output is UTF-8 (a tool about character sets must not print '?' for what it
     * explains), unless the JVM says the console wants another charset (a Windows console).
     */
    static Terminal system() {
        String console = System.getProperty("sun.stdout.encoding");
        Charset charset = console != null && Charset.isSupported(console) ? Charset.forName(console)
                : StandardCharsets.UTF_8;
        return new Terminal(System.in, new PrintWriter(new OutputStreamWriter(System.out, charset), true),
                new PrintWriter(new OutputStreamWriter(System.err, charset), true), System.getenv(), Ansi.AUTO);
    }

    /** @return the value of an environment variable, or null when it is unset or blank */
    String variable(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * @return standard input as UTF-8 text, without one final line break (as the shell's {@code $(…)} drops it)
     * @throws IOException when it cannot be read, or is longer than {@link #MAX_INPUT_BYTES}
     */
    String readInput() throws IOException {
        String text = read(in, "standard input", "pass a shorter text");
        if (text.endsWith("\r\n")) {
            return text.substring(0, text.length() - 2);
        }
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * @param path a file, or {@code -} for standard input
     * @return its content as UTF-8 text, whole
     * @throws IOException when it cannot be read, or is longer than {@link #MAX_INPUT_BYTES}
     */
    String readFile(String path) throws IOException {
        if ("-".equals(path)) {
            return read(in, "standard input", "split it");
        }
        try (InputStream file = Files.newInputStream(Path.of(path))) {
            return read(file, path, "split it");
        } catch (NoSuchFileException e) {
            throw new IOException(path + ": no such file", e);
        }
    }

    private static String read(InputStream stream, String what, String fix) throws IOException {
        byte[] bytes = stream.readNBytes(MAX_INPUT_BYTES + 1);
        if (bytes.length > MAX_INPUT_BYTES) {
            throw new IOException(what + " is longer than " + MAX_INPUT_BYTES + " bytes (1 MiB), far more than any SMS"
                    + " needs: " + fix);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
