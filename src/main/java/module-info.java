/**
 * The Java client for the Mitto SMS REST API.
 *
 * <ul>
 *   <li>{@link net.mittoapi.sms} — the client, its requests, responses and exceptions;</li>
 *   <li>{@link net.mittoapi.sms.segments} — the offline GSM-7 / UCS-2 segment calculator;</li>
 *   <li>{@link net.mittoapi.sms.webhook} — delivery reports and inbound messages;</li>
 *   <li>{@link net.mittoapi.sms.sandbox} — a local emulator of the API for examples and tests;</li>
 *   <li>{@link net.mittoapi.sms.sandbox.junit} — a JUnit 5 extension that runs the sandbox for a test class
 *       (JUnit is an optional dependency: {@code requires static}).</li>
 * </ul>
 *
 * <p>{@code net.mittoapi.sms.internal} holds the codec, transport and validation; it is not exported.
 */
module net.mittoapi.sms {
    requires transitive okhttp3;
    requires com.fasterxml.jackson.databind;
    requires static com.fasterxml.jackson.dataformat.xml;
    requires org.slf4j;
    requires java.xml;
    requires jdk.httpserver;
    // Optional, and optional for modular applications too: not transitive, since 'requires static transitive'
    // makes an application module that requires this one fail to compile ("module not found") without them.
    // JUnit for sandbox.junit only, in tests that have JUnit anyway; JSpecify's annotations only for checkers.
    requires static org.junit.jupiter.api;
    requires static org.jspecify;

    exports net.mittoapi.sms;
    exports net.mittoapi.sms.segments;
    exports net.mittoapi.sms.webhook;
    exports net.mittoapi.sms.sandbox;
    exports net.mittoapi.sms.sandbox.junit;

    opens net.mittoapi.sms to com.fasterxml.jackson.databind;
    opens net.mittoapi.sms.internal to com.fasterxml.jackson.databind;
}
