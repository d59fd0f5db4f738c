
/**
 * A local double of the Mitto SMS REST API, for tests, examples and tools: the artifact
 * {@code net.mittoapi:mitto-sms-sandbox}, added in test scope (or to a tool) beside the SDK.
 *
 * <ul>
 *   <li>{@link net.mittoapi.sms.sandbox} — the sandbox: a real HTTP server on loopback that answers as the API
 *       documents, judges requests by its own copy of the API's rules, and delivers reports to callbacks;</li>
 *   <li>{@link net.mittoapi.sms.sandbox.junit} — a JUnit 5 extension that runs the sandbox for a test class
 *       (JUnit is an optional dependency: {@code requires static}).</li>
 * </ul>
 *
 * <p>It serves HTTP with the JDK's own server ({@code jdk.httpserver}), which is why it is an artifact of its
 * own: an application that requires only {@code net.mittoapi.sms} needs neither that module nor JUnit.
 */
module net.mittoapi.sms.sandbox {
    // Transitive: the sandbox's API names the SDK's types (MittoClient in the extension, the SDK's exceptions).
    requires transitive net.mittoapi.sms;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires jdk.httpserver;
    // Optional, and not transitive ('requires static transitive' makes an application module that requires this one
    // fail to compile without them): JUnit for sandbox.junit only, in tests that have JUnit anyway; JSpecify's
    // annotations only for checkers.
    requires static org.junit.jupiter.api;
    requires static org.jspecify;

    exports net.mittoapi.sms.sandbox;
    exports net.mittoapi.sms.sandbox.junit;
}
