package net.mittoapi.sms.sandbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers delivery reports to callback URLs on a small executor of its own, and records every attempt.
 * A failure is recorded, never thrown: the send that caused the report has long been answered.
 *
 * <p>Unless remote callbacks are allowed, only loopback hosts are contacted ({@code localhost}, 127.0.0.0/8,
 * {@code ::1}), judged from the URL alone so that not even a DNS query leaves the machine: a sandbox fed a
 * production-looking callback such as {@code https://www.example.com} must not call it.
 */
final class Deliverer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Deliverer.class);
    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int THREADS = 4;

    private final CallbackMethod method;
    private final boolean allowRemote;
    private final Clock clock;
    private final ThreadPoolExecutor executor;
    private HttpClient http;
    private final Object lock = new Object();
    private final List<DeliveryAttempt> attempts = new ArrayList<>();

    Deliverer(CallbackMethod method, boolean allowRemote, Clock clock) {
        this.method = method;
        this.allowRemote = allowRemote;
        this.clock = clock;
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "mitto-sandbox-callback-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.executor.allowCoreThreadTimeOut(true);
    }

    /** Created on first use: a JDK HttpClient starts a selector thread, which most sandboxes never need. */
    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(CONNECT_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return http;
    }

    void submit(SentMessage message) {
        if (message.callback().isEmpty()) {
            return;
        }
        try {
            executor.execute(() -> deliver(message));
        } catch (RejectedExecutionException closing) {
            record(new DeliveryAttempt(message.id(), method, message.callback().get(), null, -1,
                    "not delivered: the sandbox was closing", clock.instant()));
        }
    }

    private void deliver(SentMessage message) {
        String callback = message.callback().orElseThrow();
        String body = method == CallbackMethod.POST ? jsonReport(message) : null;
        String url = method == CallbackMethod.GET ? withQuery(callback, message) : callback;
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            record(failed(message, url, body, "not delivered: the callback is not a valid URL (" + e.getMessage() + ")"));
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            record(failed(message, url, body, "not delivered: the callback must be an absolute http or https URL"));
            return;
        }
        if (!allowRemote && !isLoopback(uri.getHost())) {
            record(failed(message, url, body, "not delivered: " + uri.getHost() + " is not a loopback host, and the"
                    + " sandbox only calls loopback callbacks unless built with allowRemoteCallbacks(true)"));
            return;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT);
        if (body != null) {
            request.header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            request.GET();
        }
        try {
            HttpResponse<Void> response = http().send(request.build(), HttpResponse.BodyHandlers.discarding());
            record(new DeliveryAttempt(message.id(), method, url, body, response.statusCode(), null, clock.instant()));
        } catch (IOException e) {
            LOG.debug("Delivery report for {} to {} failed: {}", message.id(), url, e.toString());
            record(failed(message, url, body, "no answer: " + e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            record(failed(message, url, body, "not delivered: the sandbox was closed"));
        }
    }

    private DeliveryAttempt failed(SentMessage message, String url, String body, String error) {
        return new DeliveryAttempt(message.id(), method, url, body, -1, error, clock.instant());
    }

    static String withQuery(String callback, SentMessage message) {
        StringBuilder url = new StringBuilder(callback);
        int hash = callback.indexOf('#');
        String fragment = "";
        if (hash >= 0) {
            fragment = callback.substring(hash);
            url.setLength(hash);
        }
        char last = url.length() == 0 ? '?' : url.charAt(url.length() - 1);
        if (url.indexOf("?") < 0) {
            url.append('?');
        } else if (last != '?' && last != '&') {
            url.append('&');
        }
        url.append("ID=").append(encode(message.id())).append("&MCCMNC=").append(encode(message.mccMnc()));
        message.reference().ifPresent(reference -> url.append("&Reference=").append(encode(reference)));
        return url.append(fragment).toString();
    }

    static String jsonReport(SentMessage message) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringField("Id", message.id());
            generator.writeStringField("MccMnc", message.mccMnc());
            generator.writeStringField("Price", price(message.cost()));
            if (message.reference().isPresent()) {
                generator.writeStringField("Reference", message.reference().get());
            }
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A price as a plain decimal with at least two decimals: {@code 0.06}, {@code 0.00}, {@code 6.00}. */
    static String price(BigDecimal cost) {
        BigDecimal stripped = cost.stripTrailingZeros();
        return (stripped.scale() < 2 ? stripped.setScale(2) : stripped).toPlainString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static boolean isLoopback(String host) {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("localhost") || lower.endsWith(".localhost")) {
            return true;
        }
        if (!IPV4.matcher(name).matches() && !name.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private void record(DeliveryAttempt attempt) {
        synchronized (lock) {
            attempts.add(attempt);
            lock.notifyAll();
        }
    }

    List<DeliveryAttempt> attempts() {
        synchronized (lock) {
            return List.copyOf(attempts);
        }
    }

    List<DeliveryAttempt> await(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            try {
                while (attempts.size() < count) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.copyOf(attempts);
        }
    }

    void clear() {
        synchronized (lock) {
            attempts.clear();
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
