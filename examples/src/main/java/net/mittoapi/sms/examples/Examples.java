package net.mittoapi.sms.examples;

import java.net.URI;
import java.util.Locale;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.Region;
import net.mittoapi.sms.sandbox.MittoSandbox;
import net.mittoapi.sms.segments.Encoding;

/**
 * Where the examples send: without {@code MITTO_API_KEY}, to a sandbox started in this process (nothing
 * leaves the machine); with it, to the API {@link MittoClient#fromEnv()} reaches (Mitto's, or
 * {@code MITTO_BASE_URL} when that is set, such as a standalone sandbox), and then every send carries
 * {@code test=true}, which validates without delivering or charging. {@code MITTO_TEST_TO} sets the recipient
 * used against the real API (it must be a real number).
 */
final class Examples {

    /** The sender and recipient of Mitto's use-case page (docs/mitto-api.md). */
    static final String FROM = "MITTO SMS";
    static final String TO = orDefault(System.getenv("MITTO_TEST_TO"), "491725551234");

    private static MittoSandbox sandbox;
    private static MittoClient client;

    private Examples() {
    }

    /** @return whether the examples talk to an API outside this process (in test mode) */
    static boolean live() {
        return System.getenv("MITTO_API_KEY") != null && !System.getenv("MITTO_API_KEY").isBlank();
    }

    /** @return {@code true} whenever a key is set, so that no example ever sends a real SMS */
    static boolean testMode() {
        return live();
    }

    /** @return the base URL the client talks to */
    static String baseUrl() {
        if (!live()) {
            return sandbox().baseUrl();
        }
        String configured = System.getenv("MITTO_BASE_URL");
        return configured == null || configured.isBlank() ? Region.DEFAULT.baseUrl() : configured.strip();
    }

    /** @return whether the base URL is Mitto's API (one of its https hosts) */
    static boolean mittoApi() {
        return live() && mittoHost(baseUrl());
    }

    /** @return whether the API is on this machine (the in-process sandbox, or a standalone one on loopback) */
    static boolean onThisMachine() {
        return !live() || loopbackHost(baseUrl());
    }

    /** @return whether a base URL is one of Mitto's own https hosts, whose answers are the API's */
    static boolean mittoHost(String baseUrl) {
        URI uri = URI.create(baseUrl);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return "https".equalsIgnoreCase(uri.getScheme()) && host.matches("rest(-[a-z]+)?\\.mittoapi\\.(net|com)");
    }

    /** @return whether a base URL names a loopback host, as a local sandbox's does */
    static boolean loopbackHost(String baseUrl) {
        String host = URI.create(baseUrl).getHost();
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    }

    /** @return one line that says what the examples run against */
    static String target() {
        if (!live()) {
            return "Running against an in-process sandbox at " + baseUrl() + ": nothing leaves this machine."
                    + " Set MITTO_API_KEY to run against the real API in test mode.";
        }
        if (mittoApi()) {
            return "Running against the real Mitto API at " + baseUrl() + " (MITTO_API_KEY is set), in test mode:"
                    + " every send carries test=true, so it is validated but never delivered or charged.";
        }
        return "Running against " + baseUrl() + " (MITTO_BASE_URL), which is not Mitto's API, with MITTO_API_KEY,"
                + " in test mode: every send carries test=true.";
    }

    /** @return the shared client, on the sandbox or the API the environment names */
    static synchronized MittoClient client() {
        if (client == null) {
            if (live()) {
                client = MittoClient.fromEnv();
            } else {
                client = MittoClient.builder().apiKey(sandbox().apiKey()).baseUrl(sandbox().baseUrl()).build();
            }
        }
        return client;
    }

    /** @return the shared in-process sandbox; only without {@code MITTO_API_KEY} */
    static synchronized MittoSandbox sandbox() {
        if (live()) {
            throw new IllegalStateException("no in-process sandbox when MITTO_API_KEY is set");
        }
        if (sandbox == null) {
            sandbox = MittoSandbox.start();
        }
        return sandbox;
    }

    /** Runs one example that calls the API on its own: says what it runs against, then releases everything. */
    static void runAlone(Tour.Example example) throws Exception {
        try {
            System.out.println(target());
            example.run();
        } finally {
            shutdown();
        }
    }

    /** Runs one example that calls no API on its own. */
    static void runOffline(Tour.Example example) throws Exception {
        System.out.println("Offline: this example calls no API; nothing is sent.");
        example.run();
    }

    static synchronized void shutdown() {
        if (client != null) {
            client.close();
            client = null;
        }
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }

    /**
     * @return the text in double quotes, with quotes, backslashes, line breaks and invisible characters escaped;
     *         {@code (none)} for null
     */
    static String quote(String text) {
        if (text == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    int type = Character.getType(c);
                    if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SPACE_SEPARATOR
                            && c != ' ') {
                        out.append(String.format("\\u%04X", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    /**
     * @return the text quoted, or its first {@code max} characters quoted and then how many more there are, so
     *         that a shortened text never passes for the whole
     */
    static String preview(String text, int max) {
        if (text.length() <= max) {
            return quote(text);
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return quote(text.substring(0, end)) + "… (" + count(text.length() - end, "more character", "more characters")
                + ")";
    }

    /** @return the count and its noun, singular for exactly one */
    static String count(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }

    /** @return the count in the encoding's unit: {@code 1 septet}, {@code 70 UTF-16 units} */
    static String units(long count, Encoding encoding) {
        return encoding == Encoding.GSM_7 ? count(count, "septet", "septets") : count(count, "UTF-16 unit", "UTF-16 units");
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
