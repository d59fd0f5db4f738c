package net.mittoapi.sms.internal.http;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log lines of the HTTP exchange, on the logger {@code net.mittoapi.sms.MittoClient} (the name users
 * configure, whichever class writes): one DEBUG line per attempt with method, URL, status or failure, duration
 * and attempt number, one per retry scheduled with its wait; TRACE adds each request's and answer's headers and
 * body. Message texts and numbers appear at TRACE; secrets never do: the API key header, and any
 * {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie} or {@code Set-Cookie} an interceptor adds,
 * are written as redacted.
 */
final class HttpLog {

    static final Logger LOG = LoggerFactory.getLogger("net.mittoapi.sms.MittoClient");

    private static final Set<String> REDACTED = Set.of(Transport.KEY_HEADER.toLowerCase(Locale.ROOT),
            "authorization", "proxy-authorization", "cookie", "set-cookie");

    private HttpLog() {
    }

    static void answered(Request request, int status, Attempt attempt) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} -> {} ({} ms, attempt {})", request.method(), request.url(), status,
                    millis(attempt.startNanos), attempt.number);
        }
    }

    static void failed(Request request, IOException e, Attempt attempt) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} -> failed: {} ({} ms, attempt {}, {})", request.method(), request.url(), e,
                    millis(attempt.startNanos), attempt.number,
                    attempt.requestSent ? "request was sent" : "request was not sent");
        }
    }

    /**
     * At WARN, with the stack trace: a bug (the SDK's or an application interceptor's), not a network failure.
     *
     * @param request the request
     * @param e       what was thrown
     * @param attempt the attempt
     */
    static void unexpected(Request request, Throwable e, Attempt attempt) {
        LOG.warn("{} {} -> failed unexpectedly ({} ms, attempt {})", request.method(), request.url(),
                millis(attempt.startNanos), attempt.number, e);
    }

    static void retry(Request request, Duration delay, int retry, int maxRetries) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} will be retried in {} ms (retry {} of {})", request.method(), request.url(),
                    delay.toMillis(), retry, maxRetries);
        }
    }

    static void request(Request request, byte[] body, int attempt, MediaType type) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("--> {} {} (attempt {})\n{}Content-Type: {}\n\n{}", request.method(), request.url(), attempt,
                    headers(request.headers()), type, new String(body, StandardCharsets.UTF_8));
        }
    }

    static void response(Request request, Response response, byte[] body) {
        if (LOG.isTraceEnabled()) {
            MediaType type = response.body().contentType();
            Charset charset = type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
            LOG.trace("<-- {} {} {}\n{}\n{}", response.code(), request.method(), request.url(),
                    headers(response.headers()), new String(body, charset));
        }
    }

    /**
     * @param headers a request's or an answer's headers
     * @return the headers one a line, secrets redacted
     */
    static String headers(Headers headers) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            boolean secret = REDACTED.contains(name.toLowerCase(Locale.ROOT));
            out.append(name).append(": ").append(secret ? "██ (redacted)" : headers.value(i)).append('\n');
        }
        return out.toString();
    }

    private static long millis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
