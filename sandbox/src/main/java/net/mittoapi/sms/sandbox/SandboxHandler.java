package net.mittoapi.sms.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every request: records it, plays a queued fault if there is one, then routes (404), checks the
 * method (405) and the API key (401), parses the JSON body (400) and hands it to {@link Endpoints}.
 */
final class SandboxHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MittoSandbox.class);
    /**
     * Numbers become exact decimals, as a .NET model binder reads them: {@code 1e400} is a number no field can
     * hold (answered 400 by the field's reader), not a double's infinity that breaks the recording.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();
    private static final int MAX_BODY_BYTES = 1 << 20;

    private enum Route {
        SMS, BULK, USAGE, CONVERTED;

        static @Nullable Route of(String path) {
            switch (path) {
                case "/sms":
                    return SMS;
                case "/smsbulk":
                    return BULK;
                case "/usage/bycountry":
                    return USAGE;
                case "/sms/converted":
                    return CONVERTED;
                default:
                    return null;
            }
        }

        String root() {
            switch (this) {
                case BULK:
                    return Endpoints.BULK_ROOT;
                case USAGE:
                    return Endpoints.USAGE_ROOT;
                default:
                    return Endpoints.SMS_ROOT;
            }
        }
    }

    private final SandboxConfig config;
    private final SandboxState state;
    private final Endpoints endpoints;
    private final SlowClientGuard guard;
    private final byte[] apiKey;

    SandboxHandler(SandboxConfig config, SandboxState state, Endpoints endpoints, SlowClientGuard guard) {
        this.config = config;
        this.state = state;
        this.endpoints = endpoints;
        this.guard = guard;
        this.apiKey = config.apiKey().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(HttpExchange exchange) {
        long started = System.nanoTime();
        String method = exchange.getRequestMethod();
        URI uri = exchange.getRequestURI();
        String path = uri.getPath() == null ? "" : uri.getPath();
        int status = -1;
        try {
            byte[] body = readBody(exchange.getRequestBody());
            if (!guard.requestRead()) {
                return; // the client took longer than requestTimeout to send it: its connection is already cut
            }
            String bodyText = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            String key = exchange.getRequestHeaders().getFirst(MittoSandbox.API_KEY_HEADER);
            boolean authenticated = key != null && MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), apiKey);
            JsonNode json = parse(bodyText);
            Fault fault = state.nextFault();
            state.record(new ReceivedRequest(state.nextSequence(), config.clock().instant(), method, path,
                    uri.getRawQuery(), exchange.getRequestHeaders(), bodyText, json, authenticated, fault));

            String lowerPath = path.toLowerCase(Locale.ROOT);
            WireFormat format = lowerPath.endsWith(".xml") ? WireFormat.XML : WireFormat.JSON;
            String bare = lowerPath.endsWith(".xml") || lowerPath.endsWith(".json")
                    ? lowerPath.substring(0, lowerPath.lastIndexOf('.')) : lowerPath;
            Route route = Route.of(bare);

            if (fault != null) {
                if (fault.kind() == Fault.Kind.DROP_CONNECTION) {
                    return;
                }
                if (fault.kind() == Fault.Kind.DELAY) {
                    Thread.sleep(fault.delay().orElseThrow().toMillis());
                } else {
                    status = send(exchange, faultAnswer(fault, format, route));
                    return;
                }
            }
            Answer answer = answer(method, route, format, body, bodyText, json, authenticated);
            status = send(exchange, answer);
            answer.afterResponse().run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.debug("Sandbox could not answer {} {}: {}", method, path, e.toString());
        } catch (RuntimeException e) {
            LOG.warn("Sandbox failed on {} {}", method, path, e);
            try {
                status = send(exchange, Answer.text(500, "Sandbox internal error: " + e));
            } catch (IOException | RuntimeException ignored) {
                // the answer may already be partly out; closing the exchange below is all that is left
            }
        } finally {
            exchange.close();
            if (config.accessLog() != null) {
                long millis = (System.nanoTime() - started) / 1_000_000;
                config.accessLog().accept(method + " " + path + " -> " + (status < 0 ? "dropped" : status)
                        + " (" + millis + " ms)");
            }
        }
    }

    private Answer answer(String method, @Nullable Route route, WireFormat format, byte @Nullable [] body,
            String bodyText, @Nullable JsonNode json, boolean authenticated) {
        if (route == null) {
            return Answer.text(404, "Not found: the sandbox serves POST /sms, /smsbulk, /usage/bycountry and"
                    + " /sms/converted, each also with a .json or .xml suffix");
        }
        if (!"POST".equals(method)) {
            return Answer.text(405, "Method " + method + " not allowed: use POST", Map.of("Allow", "POST"));
        }
        if (!authenticated) {
            return Answer.text(401, MittoSandbox.UNAUTHORIZED);
        }
        if (body == null) {
            return Answer.text(413, "Request body too large: the sandbox reads at most " + MAX_BODY_BYTES + " bytes");
        }
        if (json == null || !json.isObject()) {
            return Answer.text(400, "Malformed request: " + (bodyText.isBlank() ? "the body is empty"
                    : json == null ? "the body is not valid JSON (" + parseError(bodyText) + ")"
                    : "the body is JSON but not an object") + "; send a JSON object such as {\"from\": …}");
        }
        Map<String, JsonNode> fields = Endpoints.fields(json);
        try {
            switch (route) {
                case SMS:
                    return endpoints.sms(fields, format);
                case BULK:
                    return endpoints.smsBulk(fields, format);
                case USAGE:
                    return endpoints.usage(fields, format);
                default:
                    return endpoints.converted(fields);
            }
        } catch (BadRequest e) {
            return Answer.text(400, "Malformed request: " + e.getMessage());
        }
    }

    private static Answer faultAnswer(Fault fault, WireFormat format, @Nullable Route route) {
        switch (fault.kind()) {
            case RATE_LIMITED:
                return Answer.text(429, "Too many requests",
                        Map.of("Retry-After", Long.toString(fault.retryAfterSeconds())));
            case SERVICE_UNAVAILABLE:
                return fault.retryAfterSeconds() < 0 ? Answer.text(503, "Service unavailable")
                        : Answer.text(503, "Service unavailable",
                                Map.of("Retry-After", Long.toString(fault.retryAfterSeconds())));
            case INTERNAL_ERROR:
                return Answer.text(500, "Internal server error");
            case RESPONSE_CODE:
                return Endpoints.rejected(fault.httpStatus().orElseThrow(), format,
                        route == null ? Endpoints.SMS_ROOT : route.root(), fault.responseCode().orElseThrow(), null);
            default:
                throw new IllegalStateException("not an answering fault: " + fault);
        }
    }

    private static @Nullable JsonNode parse(String bodyText) {
        if (bodyText.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readTree(bodyText);
        } catch (JsonProcessingException | RuntimeException e) { // 1e9999999999: the exponent overflows a BigDecimal
            return null;
        }
    }

    private static String parseError(String bodyText) {
        try {
            MAPPER.readTree(bodyText);
            return "unreadable";
        } catch (JsonProcessingException e) {
            return e.getOriginalMessage();
        } catch (RuntimeException e) {
            return "a value that cannot be represented: " + e.getMessage();
        }
    }

    /** @return the body, or null when it is longer than {@link #MAX_BODY_BYTES} */
    private static byte @Nullable [] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    private int send(HttpExchange exchange, Answer answer) throws IOException {
        guard.answering();
        try {
            return write(exchange, answer);
        } finally {
            guard.answered();
        }
    }

    private static int write(HttpExchange exchange, Answer answer) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        for (Map.Entry<String, String> header : answer.headers().entrySet()) {
            exchange.getResponseHeaders().set(header.getKey(), header.getValue());
        }
        byte[] body = "HEAD".equals(exchange.getRequestMethod()) ? new byte[0] : answer.body();
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        return answer.status();
    }
}
