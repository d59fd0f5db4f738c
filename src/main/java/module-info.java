/**
 * The Java client for the Mitto SMS REST API.
 *
 * <ul>
 *   <li>{@link net.mittoapi.sms} — the client, its requests, responses and exceptions;</li>
 *   <li>{@link net.mittoapi.sms.segments} — the offline GSM-7 / UCS-2 segment calculator;</li>
 *   <li>{@link net.mittoapi.sms.webhook} — delivery reports and inbound messages.</li>
 * </ul>
 *
 * <p>The packages under {@code net.mittoapi.sms.internal}, one per concern ({@code .codec}, {@code .http},
 * {@code .validation}, {@code .events}), hold the machinery; they are not exported. The local
 * double of the API and its JUnit 5 extension are a module and an artifact of their own,
 * {@code net.mittoapi.sms.sandbox} ({@code net.mittoapi:mitto-sms-sandbox}), so that an application needs neither
 * the JDK's HTTP server nor JUnit.
 */
module net.mittoapi.sms {
    requires transitive okhttp3;
    requires com.fasterxml.jackson.databind;
    requires static com.fasterxml.jackson.dataformat.xml;
    requires org.slf4j;
    requires java.xml;
    // Optional, and optional for modular applications too: not transitive, since 'requires static transitive'
    // makes an application module that requires this one fail to compile ("module not found") without it.
    // JSpecify's annotations are only for checkers.
    requires static org.jspecify;

    exports net.mittoapi.sms;
    exports net.mittoapi.sms.segments;
    exports net.mittoapi.sms.webhook;

    opens net.mittoapi.sms to com.fasterxml.jackson.databind;
    opens net.mittoapi.sms.internal.codec to com.fasterxml.jackson.databind;
}
