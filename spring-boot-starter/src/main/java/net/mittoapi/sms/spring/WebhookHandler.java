package net.mittoapi.sms.spring;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import net.mittoapi.sms.MittoValidationException;
import net.mittoapi.sms.webhook.DeliveryReport;
import net.mittoapi.sms.webhook.InboundSms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.HttpRequestHandler;

/**
 * Receives Mitto's callbacks at one path: a delivery report or an inbound SMS, by GET (fields in the query) or
 * POST (a JSON object in the body; a form-encoded body, or an empty body with the fields in the query, is read
 * too), and publishes each as one application event.
 *
 * <p>In this order: a method other than GET or POST is 405; with a token configured, a request whose query
 * parameter {@code token} is missing, repeated or different is 401 (compared in constant time); a body larger
 * than the limit is 413; a payload the SDK cannot read (no message id, not JSON) is 400 with a WARN that holds
 * none of the payload; anything else is published, then answered 200 with an empty body. Nothing is published
 * for a refused request. The token parameter is removed from the query before it is read, so that it never
 * appears in a report's {@code raw()}.
 */
final class WebhookHandler implements HttpRequestHandler {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);
    static final String TOKEN_PARAMETER = "token";

    /** What arrives at a path. */
    enum Kind {
        DELIVERY_REPORT("delivery report", "a message id (a field ID, msgid, messageId or smsId)"),
        INBOUND_SMS("inbound SMS", "the fields of an inbound SMS (such as from and text)");

        private final String noun;
        private final String needs;

        Kind(String noun, String needs) {
            this.noun = noun;
            this.needs = needs;
        }
    }

    private final Kind kind;
    private final String path;
    private final byte[] tokenDigest;
    private final int maxBodyBytes;
    private final ApplicationEventPublisher publisher;

    WebhookHandler(Kind kind, String path, String token, int maxBodyBytes, ApplicationEventPublisher publisher) {
        this.kind = kind;
        this.path = path;
        this.tokenDigest = token == null ? null : sha256(token);
        this.maxBodyBytes = maxBodyBytes;
        this.publisher = publisher;
    }

    @Override
    public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        boolean post = "POST".equals(method);
        if (!post && !"GET".equals(method)) {
            response.setHeader("Allow", "GET, POST");
            answer(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Mitto callbacks come by GET or POST\n");
            return;
        }
        String query = request.getQueryString();
        if (tokenDigest != null) {
            String given = tokenOf(query);
            if (given == null || !MessageDigest.isEqual(sha256(given), tokenDigest)) {
                LOG.warn("Refused a Mitto {} with 401 on {} {}: the query parameter token is {}. Put"
                        + " ?token=<mitto.webhook.token> in the callback URL given to Mitto", kind.noun, method, path,
                        given == null ? "missing, repeated or malformed" : "wrong");
                answer(response, HttpServletResponse.SC_UNAUTHORIZED, "missing or wrong token\n");
                return;
            }
            query = withoutToken(query);
        }
        String body = null;
        if (post) {
            long declared = request.getContentLengthLong();
            byte[] bytes = declared > maxBodyBytes ? null : readBody(request.getInputStream());
            if (bytes == null) {
                LOG.warn("Refused a Mitto {} with 413 on POST {}: the body is larger than {} bytes"
                        + " (mitto.webhook.max-body-size)", kind.noun, path, maxBodyBytes);
                answer(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "body too large\n");
                return;
            }
            body = new String(bytes, StandardCharsets.UTF_8);
        }
        ApplicationEvent event;
        try {
            event = parse(post, body, request.getContentType(), query == null ? "" : query);
        } catch (MittoValidationException e) {
            // The parser's message quotes the payload (numbers, prices): DEBUG only.
            LOG.warn("Refused a Mitto {} with 400 on {} {}: it does not carry {}{}. The payload is not logged"
                    + " (it holds phone numbers); DEBUG on logger {} shows the parser's message", kind.noun, method,
                    path, kind.needs, post ? " in a JSON object" : " in its query", WebhookHandler.class.getName());
            LOG.debug("Mitto {} on {} {} unreadable: {}", kind.noun, method, path, e.getMessage());
            answer(response, HttpServletResponse.SC_BAD_REQUEST, "not a readable Mitto " + kind.noun + "\n");
            return;
        }
        publisher.publishEvent(event);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentLength(0);
    }

    private ApplicationEvent parse(boolean post, String body, String contentType, String query) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (!post || body.isBlank() && !query.isBlank()) {
            return event(kind == Kind.DELIVERY_REPORT ? DeliveryReport.fromQuery(query) : InboundSms.fromQuery(query));
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return event(kind == Kind.DELIVERY_REPORT ? DeliveryReport.fromQuery(body) : InboundSms.fromQuery(body));
        }
        return event(kind == Kind.DELIVERY_REPORT ? DeliveryReport.fromJson(body) : InboundSms.fromJson(body));
    }

    private ApplicationEvent event(Object payload) {
        return payload instanceof DeliveryReport report ? new MittoDeliveryReportEvent(this, report)
                : new MittoInboundSmsEvent(this, (InboundSms) payload);
    }

    /** @return the body, or {@code null} when it is longer than the limit; reads at most one byte more */
    private byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(maxBodyBytes + 1);
        return bytes.length > maxBodyBytes ? null : bytes;
    }

    /** @return the one {@code token} parameter's decoded value, or {@code null} when absent, repeated or malformed */
    static String tokenOf(String query) {
        if (query == null) {
            return null;
        }
        String found = null;
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            if (!TOKEN_PARAMETER.equals(decode(name))) {
                continue;
            }
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (found != null || value == null) {
                return null;
            }
            found = value;
        }
        return found;
    }

    /** @return the raw query without its {@code token} parameters, still encoded */
    static String withoutToken(String query) {
        if (query == null) {
            return null;
        }
        StringBuilder rest = new StringBuilder(query.length());
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            if (TOKEN_PARAMETER.equals(decode(equals < 0 ? pair : pair.substring(0, equals)))) {
                continue;
            }
            if (!pair.isEmpty()) {
                rest.append(rest.length() == 0 ? "" : "&").append(pair);
            }
        }
        return rest.toString();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static void answer(HttpServletResponse response, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    @Override
    public String toString() {
        return "Mitto " + kind.noun + " endpoint at " + path;
    }
}
