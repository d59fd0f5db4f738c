package net.mittoapi.sms.spring;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
import net.mittoapi.sms.MittoValidationException;
import net.mittoapi.sms.webhook.DeliveryReport;
import net.mittoapi.sms.webhook.InboundSms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.HttpRequestHandler;

/**
 * Receives Mitto's callbacks at one path: a delivery report or an inbound SMS, by GET or POST, and publishes each
 * as one application event.
 *
 * <p>In this order: a method other than GET or POST is 405; with a token configured, a request whose query
 * parameter {@code token} is missing, repeated or different is 401 (compared in constant time; warned at most once
 * a minute, by a {@link WarningThrottle}, since anyone can provoke it); a POST whose {@code Content-Type} cannot be
 * read (malformed, or naming a charset this Java does not have) is 415; a body larger than the limit is 413; a body
 * with bytes that are not valid in its charset, or a payload the SDK cannot read (no message id, not JSON, …), is
 * 400 with a WARN that says what was wrong and holds none of the payload's values; anything else is published,
 * then answered 200 with an empty body. Nothing is published for a refused request.
 *
 * <p>With a {@link ReportDeduplication} (delivery reports only), a report is claimed between reading and publishing:
 * a copy of one published within the window is answered 200 without being published again, a copy of one being
 * published by another request right now is answered 503 with {@code Retry-After: 5}; a report is marked seen once
 * its listeners succeeded, and its claim released when one failed (the answer is then 500, and Mitto's retry is
 * published again).
 *
 * <p>Where the fields come from:
 * <ul>
 *   <li>GET: the query.</li>
 *   <li>POST with a form body ({@code application/x-www-form-urlencoded}): the query's fields followed by the
 *       body's; for a name present in both, the query's value wins, as in the servlet's parameter map (whose
 *       {@code getParameter} gives the query's value) and by the SDK's rule that the first occurrence of a name
 *       wins. The body's escapes are decoded in the charset its {@code Content-Type} declares (UTF-8 when none).
 *       When a filter of the application has read the request's parameters first (Spring's hidden-method filter,
 *       a security filter), the body is gone: the fields are then the servlet's parameter map, in the same order,
 *       as the servlet container decoded them; if the container's charset was not the declared one and the fields
 *       hold text beyond ASCII (which the two charsets read differently), the request is 400 rather than a report
 *       with altered text.</li>
 *   <li>POST otherwise: a JSON object in the body, in the charset its {@code Content-Type} declares (UTF-8 when
 *       none, or as a byte order mark says, see {@link BodyText}); an empty body with the fields in the query is
 *       read as a GET.</li>
 * </ul>
 * The token parameter is removed before the fields are read, so that it never appears in a report's
 * {@code raw()}.
 */
final class WebhookHandler implements HttpRequestHandler {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);
    static final String TOKEN_PARAMETER = "token";
    /** The least time between two warnings of a refused token. */
    static final Duration UNAUTHORIZED_WARNING_INTERVAL = Duration.ofMinutes(1);
    /** The {@code Retry-After} of a 503 for a copy of a report being published by another request: seconds. */
    static final String IN_PROGRESS_RETRY_AFTER = "5";
    private static final MimeType FORM = new MimeType("application", "x-www-form-urlencoded");
    private static final int CONTENT_TYPE_CHARS = 200;

    /** What arrives at a path, and how the SDK reads it. */
    enum Kind {
        DELIVERY_REPORT("delivery report", DeliveryReport::fromQuery, DeliveryReport::fromJson,
                DeliveryReport::fromParameters),
        INBOUND_SMS("inbound SMS", InboundSms::fromQuery, InboundSms::fromJson, InboundSms::fromParameters);

        private final String noun;
        private final Function<String, Object> fromQuery;
        private final Function<String, Object> fromJson;
        private final Function<Map<String, String>, Object> fromParameters;

        Kind(String noun, Function<String, Object> fromQuery, Function<String, Object> fromJson,
                Function<Map<String, String>, Object> fromParameters) {
            this.noun = noun;
            this.fromQuery = fromQuery;
            this.fromJson = fromJson;
            this.fromParameters = fromParameters;
        }

        /** @throws MittoValidationException when the SDK cannot read the raw query */
        Object readQuery(String query) {
            return fromQuery.apply(query);
        }

        /** @throws MittoValidationException when the SDK cannot read the JSON text */
        Object readJson(String json) {
            return fromJson.apply(json);
        }

        /** @throws MittoValidationException when the SDK cannot read the decoded fields */
        Object read(Map<String, String> fields) {
            return fromParameters.apply(fields);
        }
    }

    /** A request the endpoint answers with a 4xx: why (for the WARN, without the payload's values) and what to say. */
    static final class Refusal extends Exception {

        private static final long serialVersionUID = 1L;

        private final int status;
        private final String answer;
        private final transient List<String> names;

        Refusal(int status, String reason, String answer) {
            this(status, reason, answer, List.of());
        }

        Refusal(int status, String reason, String answer, List<String> names) {
            super(reason, null, false, false);
            this.status = status;
            this.answer = answer;
            this.names = names;
        }
    }

    private final Kind kind;
    private final String path;
    private final byte[] tokenDigest;
    private final int maxBodyBytes;
    private final ApplicationEventPublisher publisher;
    private final WarningThrottle unauthorizedWarnings;
    private final ReportDeduplication deduplication;

    /**
     * @param kind         what arrives at the path
     * @param path         the path, for log lines
     * @param token        the token every request must carry, or {@code null} for none
     * @param maxBodyBytes the largest body taken
     * @param publisher    where events go
     * @param ticker       the current time in nanoseconds, for the rate of warnings ({@code System::nanoTime})
     */
    WebhookHandler(Kind kind, String path, String token, int maxBodyBytes, ApplicationEventPublisher publisher,
            LongSupplier ticker) {
        this(kind, path, token, maxBodyBytes, publisher, ticker, null);
    }

    /**
     * @param kind          what arrives at the path
     * @param path          the path, for log lines
     * @param token         the token every request must carry, or {@code null} for none
     * @param maxBodyBytes  the largest body taken
     * @param publisher     where events go
     * @param ticker        the current time in nanoseconds, for the rate of warnings ({@code System::nanoTime})
     * @param deduplication publishes each delivery report once per (message id, status) within its window, or
     *                      {@code null} to publish every copy
     */
    WebhookHandler(Kind kind, String path, String token, int maxBodyBytes, ApplicationEventPublisher publisher,
            LongSupplier ticker, ReportDeduplication deduplication) {
        this.kind = kind;
        this.path = path;
        this.tokenDigest = token == null ? null : sha256(token);
        this.maxBodyBytes = maxBodyBytes;
        this.publisher = publisher;
        this.unauthorizedWarnings = new WarningThrottle(UNAUTHORIZED_WARNING_INTERVAL, ticker);
        this.deduplication = kind == Kind.DELIVERY_REPORT ? deduplication : null;
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
                warnUnauthorized(method, given == null ? "missing, repeated or malformed" : "wrong");
                answer(response, HttpServletResponse.SC_UNAUTHORIZED, "missing or wrong token\n");
                return;
            }
            query = withoutToken(query);
        }
        Object payload;
        try {
            payload = post ? readPost(request, query == null ? "" : query) : readQuery(query == null ? "" : query);
        } catch (Refusal refusal) {
            LOG.warn("Refused a Mitto {} with {} on {} {}: {}", kind.noun, refusal.status, method, path,
                    refusal.getMessage());
            if (!refusal.names.isEmpty()) {
                LOG.debug("The Mitto {} refused on {} {} had the fields {} (their values are not logged)", kind.noun,
                        method, path, refusal.names);
            }
            answer(response, refusal.status, refusal.answer);
            return;
        }
        ReportDeduplication.Claim claim = deduplication != null && payload instanceof DeliveryReport report
                ? deduplication.claim(report) : null;
        if (claim != null && claim.verdict() == ReportDeduplication.Verdict.DUPLICATE) {
            LOG.debug("Answered a copy of a Mitto {} on {} {} with 200 without publishing it: published within the"
                    + " deduplication window", kind.noun, method, path);
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentLength(0);
            return;
        }
        if (claim != null && claim.verdict() == ReportDeduplication.Verdict.IN_PROGRESS) {
            LOG.debug("Answered a copy of a Mitto {} on {} {} with 503: another copy of it is being published right"
                    + " now", kind.noun, method, path);
            response.setHeader("Retry-After", IN_PROGRESS_RETRY_AFTER);
            answer(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "the same " + kind.noun + " is being"
                    + " processed; try again later\n");
            return;
        }
        try {
            publisher.publishEvent(event(payload));
        } catch (RuntimeException | Error e) {
            if (claim != null) {
                claim.failed(); // Mitto's retry of it (the answer is 500) is published again
            }
            throw e;
        }
        if (claim != null) {
            claim.published();
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentLength(0);
    }

    private void warnUnauthorized(String method, String problem) {
        long heldBack = unauthorizedWarnings.admit();
        if (heldBack >= 0) {
            LOG.warn("Refused a Mitto {} with 401 on {} {}: the query parameter token is {}. Put"
                    + " ?token=<mitto.webhook.token> in the callback URL given to Mitto. This warning comes at most"
                    + " once a minute{}", kind.noun, method, path, problem,
                    heldBack == 0 ? "" : "; " + heldBack + " more requests were refused with 401 since the last one");
        }
    }

    private Object readQuery(String query) throws Refusal {
        try {
            return kind.readQuery(query);
        } catch (MittoValidationException e) {
            Map<String, String> fields = new LinkedHashMap<>();
            FormFields.readLeniently(query, StandardCharsets.UTF_8, fields);
            throw unreadable(PayloadDiagnosis.ofFields(kind, fields, "its query"));
        }
    }

    private Object readPost(HttpServletRequest request, String query) throws Refusal, IOException {
        MimeType type = contentType(request);
        Charset declared = type == null ? null : type.getCharset();
        boolean form = type != null && FORM.equalsTypeAndSubtype(type);
        byte[] bytes = body(request);
        if (form && bytes.length == 0 && request.getContentLengthLong() != 0) {
            // A body was sent, and a filter of the application has read it (as parameters): only the map holds it.
            return readFields(parameters(request, declared), "its parameters");
        }
        String text;
        try {
            text = BodyText.decode(bytes, declared);
        } catch (BodyText.Malformed e) {
            throw new Refusal(HttpServletResponse.SC_BAD_REQUEST, "its body is not valid " + e.charset().name()
                    + " (at byte " + e.offset() + "). Send UTF-8, or declare the charset the body is in, as in"
                    + " Content-Type: application/json; charset=ISO-8859-1", "body not valid in its charset\n");
        }
        if (form) {
            Charset charset = declared == null ? StandardCharsets.UTF_8 : declared;
            Map<String, String> fields = new LinkedHashMap<>();
            FormFields.readLeniently(query, StandardCharsets.UTF_8, fields);
            try {
                FormFields.readStrictly(text, charset, fields);
            } catch (FormFields.MalformedEscape e) {
                throw new Refusal(HttpServletResponse.SC_BAD_REQUEST, "its form body is not valid " + charset.name()
                        + " (the %-escape at character " + e.offset() + "). Escape UTF-8, or declare the charset of"
                        + " the escapes, as in Content-Type: application/x-www-form-urlencoded; charset=ISO-8859-1",
                        "body not valid in its charset\n");
            }
            if (tokenDigest != null) {
                fields.remove(TOKEN_PARAMETER);
            }
            return readFields(fields, "its query and form body");
        }
        if (text.isBlank()) {
            if (!query.isBlank()) {
                return readQuery(query);
            }
            long declaredLength = request.getContentLengthLong();
            throw new Refusal(HttpServletResponse.SC_BAD_REQUEST, "its body is empty and its query has no fields"
                    + (declaredLength > 0 ? " (its Content-Length is " + declaredLength + ": a filter of the"
                            + " application read the body before this endpoint)" : ""), unreadableAnswer());
        }
        try {
            return kind.readJson(text);
        } catch (MittoValidationException e) {
            throw unreadable(PayloadDiagnosis.ofJson(kind, text));
        }
    }

    private Object readFields(Map<String, String> fields, String where) throws Refusal {
        try {
            return kind.read(fields);
        } catch (MittoValidationException e) {
            throw unreadable(PayloadDiagnosis.ofFields(kind, fields, where));
        }
    }

    private Refusal unreadable(PayloadDiagnosis diagnosis) {
        return new Refusal(HttpServletResponse.SC_BAD_REQUEST, diagnosis.reason() + ". The payload's values are not"
                + " logged (they hold phone numbers); DEBUG on logger " + WebhookHandler.class.getName()
                + " names its fields", unreadableAnswer(), diagnosis.names());
    }

    private String unreadableAnswer() {
        return "not a readable Mitto " + kind.noun + "\n";
    }

    /** @return the request's media type, or {@code null} when it has none */
    private static MimeType contentType(HttpServletRequest request) throws Refusal {
        String header = request.getContentType();
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return MimeTypeUtils.parseMimeType(header);
        } catch (InvalidMimeTypeException e) {
            throw new Refusal(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "its Content-Type cannot be read ("
                    + printable(e.getMessage()) + "). Send application/json or application/x-www-form-urlencoded, in"
                    + " UTF-8 or in a charset this Java supports", "unsupported Content-Type\n");
        }
    }

    /** @return the body, at most {@code maxBodyBytes} of it, whatever the {@code Content-Length} says */
    private byte[] body(HttpServletRequest request) throws Refusal, IOException {
        if (request.getContentLengthLong() <= maxBodyBytes) {
            byte[] bytes = request.getInputStream().readNBytes(maxBodyBytes + 1);
            if (bytes.length <= maxBodyBytes) {
                return bytes;
            }
        }
        throw new Refusal(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "its body is larger than " + maxBodyBytes
                + " bytes (mitto.webhook.max-body-size)", "body too large\n");
    }

    /**
     * The servlet's parameters, first value of each: what is left of a form body that a filter of the application
     * read before this endpoint (the query's fields alone when no filter did, since this endpoint then read the
     * body itself).
     */
    private Map<String, String> parameters(HttpServletRequest request, Charset declared) throws Refusal {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException e) {
            // Tomcat 11 refuses parameters it cannot decode so (InvalidParameterException); its message quotes them.
            throw new Refusal(HttpServletResponse.SC_BAD_REQUEST, "the servlet container could not decode its"
                    + " parameters (a malformed %-escape, bytes not valid in the request's charset, or more"
                    + " parameters or bytes than the container takes)", unreadableAnswer());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        boolean ascii = true;
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            String[] values = parameter.getValue();
            if (name == null || name.isEmpty() || tokenDigest != null && TOKEN_PARAMETER.equals(name)) {
                continue;
            }
            String value = values == null || values.length == 0 || values[0] == null ? "" : values[0];
            fields.put(name, value);
            ascii = ascii && isAscii(name) && isAscii(value);
        }
        if (!ascii) {
            Charset expected = declared == null ? StandardCharsets.UTF_8 : declared;
            Charset used = charset(request.getCharacterEncoding());
            if (!expected.equals(used)) {
                throw new Refusal(HttpServletResponse.SC_BAD_REQUEST, "a filter of the application had the"
                        + " servlet container read its form body as " + (used == null ? "an unknown charset"
                                : used.name()) + " before this endpoint, although its Content-Type declares "
                        + expected.name() + ", and its fields hold text beyond ASCII, which the two read differently."
                        + " Set spring.servlet.encoding.force-request=false (server.servlet.encoding.force-request=false"
                        + " before Spring Boot 4) so that the container reads the charset a request declares, or keep"
                        + " that filter from reading the parameters of " + path,
                        "body not valid in its charset\n", List.copyOf(fields.keySet()));
            }
        }
        return fields;
    }

    /** @return the charset the container decodes parameters in: the servlet default ISO-8859-1 when none is set */
    private static Charset charset(String name) {
        if (name == null) {
            return StandardCharsets.ISO_8859_1;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** @return at most {@value #CONTENT_TYPE_CHARS} characters of a header's text, control characters as '?' */
    private static String printable(String text) {
        String cut = text.length() <= CONTENT_TYPE_CHARS ? text : text.substring(0, CONTENT_TYPE_CHARS) + "…";
        StringBuilder out = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.toString();
    }

    private ApplicationEvent event(Object payload) {
        return payload instanceof DeliveryReport report ? new MittoDeliveryReportEvent(this, report)
                : new MittoInboundSmsEvent(this, (InboundSms) payload);
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

    /** @return how delivery reports are deduplicated, or {@code null} when every copy is published */
    ReportDeduplication deduplication() {
        return deduplication;
    }

    @Override
    public String toString() {
        return "Mitto " + kind.noun + " endpoint at " + path;
    }
}
