package net.mittoapi.sms.examples;

import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.sandbox.MittoSandbox;

/**
 * Where the examples send: without {@code MITTO_API_KEY}, to a sandbox started in this process (nothing
 * leaves the machine); with it, to the real API, and then every send carries {@code test=true}, which
 * validates without delivering or charging. {@code MITTO_TEST_TO} sets the recipient used against the real
 * API (it must be a real number); {@code MITTO_BASE_URL} points the client elsewhere.
 */
final class Examples {

    /** The seed's sender and recipient. */
    static final String FROM = "MITTO SMS";
    static final String TO = orDefault(System.getenv("MITTO_TEST_TO"), "491725551234");

    private static MittoSandbox sandbox;
    private static MittoClient client;

    private Examples() {
    }

    /** @return whether the examples talk to the real API (in test mode) */
    static boolean live() {
        String key = System.getenv("MITTO_API_KEY");
        return key != null && !key.isBlank();
    }

    /** @return {@code true} against the real API, so that no example ever sends a real SMS */
    static boolean testMode() {
        return live();
    }

    /** @return the shared client, on the sandbox or the real API */
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

    /** @return the shared sandbox; only without {@code MITTO_API_KEY} */
    static synchronized MittoSandbox sandbox() {
        if (live()) {
            throw new IllegalStateException("no sandbox against the real API");
        }
        if (sandbox == null) {
            sandbox = MittoSandbox.start();
        }
        return sandbox;
    }

    /** Runs one example on its own, then releases the client and the sandbox. */
    static void runAlone(Tour.Example example) throws Exception {
        try {
            example.run();
        } finally {
            shutdown();
        }
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

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
