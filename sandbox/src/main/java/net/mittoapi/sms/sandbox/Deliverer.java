package net.mittoapi.sms.sandbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers delivery reports to callback URLs on a small executor of its own, and records every attempt.
 * A failure is recorded, never thrown: the send that caused the report has long been answered.
 *
 * <p>Reports go out over a plain socket that runs on the calling thread ({@link CallbackTarget}; the JDK's
 * {@code HttpClient} keeps a selector thread and a worker pool until it is garbage-collected, and cannot be
 * closed on Java 17): once {@link #close()} returns, no thread of the deliverer is left, and a report still
 * waiting for its callback has had its connection cut.
 *
 * <p>Unless remote callbacks are allowed, only loopback hosts are contacted ({@code localhost} and
 * {@code *.localhost}, 127.0.0.0/8, {@code ::1}), judged from the URL alone and called on exactly the
 * address judged: a name is never resolved (a {@code *.localhost} name goes to 127.0.0.1, whatever DNS or
 * a hosts file says of it), so that not even a DNS query leaves the machine. A sandbox fed a
 * production-looking callback such as {@code https://www.example.com} must not call it.
 */
final class Deliverer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Deliverer.class);
    private static final JsonFactory JSON = new JsonFactory();
    private static final String NAMES = "(msgid|mcc|mnc|rate|status|errorcode|reference)";
    private static final Pattern PLACEHOLDER = Pattern.compile("~" + NAMES + "~|<" + NAMES + ">|\\$" + NAMES + "\\$",
            Pattern.CASE_INSENSITIVE);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    /** How long {@link #close()} lets reports in flight finish before it cuts their connections. */
    private static final Duration GRACE = Duration.ofSeconds(2);
    private static final String CLOSED = "not delivered: the sandbox was closed";
    private static final int THREADS = 4;
    /**
     * The {@code ~status~} and {@code ~errorcode~} of every report (the placeholders Mitto's chat-apps failover
     * documentation names): the sandbox delivers every message. Mitto does not publish the values; these are
     * the sandbox's own.
     */
    static final String STATUS = "DELIVERED";
    static final String ERROR_CODE = "0";

    private final CallbackMethod method;
    private final boolean allowRemote;
    private final Clock clock;
    private final ThreadPoolExecutor executor;
    private final Object lock = new Object();
    private final List<DeliveryAttempt> attempts = new ArrayList<>();
    /** Connections waiting for a callback's answer; guarded by itself. */
    private final Set<Socket> open = new HashSet<>();
    /** Set, under the {@link #open} lock, when {@link #close()} cuts the connections: no new one opens. */
    private boolean cutting;
    private final CallbackTarget.Sockets sockets = new CallbackTarget.Sockets() {
        @Override
        public boolean opened(Socket socket) {
            synchronized (open) {
                return !cutting && open.add(socket);
            }
        }

        @Override
        public void closed(Socket socket) {
            synchronized (open) {
                open.remove(socket);
            }
        }
    };

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

    void submit(SentMessage message) {
        if (message.callback().isEmpty()) {
            return;
        }
        try {
            executor.execute(new Delivery(message));
        } catch (RejectedExecutionException closing) {
            record(new DeliveryAttempt(message.id(), method, message.callback().get(), null, -1,
                    "not delivered: the sandbox was closing", clock.instant()));
        }
    }

    private void deliver(SentMessage message) {
        String callback = message.callback().orElseThrow();
        String body;
        String url;
        try {
            body = method == CallbackMethod.POST ? jsonReport(message) : null;
            String template = fill(callback, message);
            url = method == CallbackMethod.GET ? withQuery(template, message) : template;
        } catch (RuntimeException e) {
            // Never with a price the builder accepts; should it happen, the report is recorded, not the thread lost.
            record(failed(message, callback, null, "not delivered: the report could not be built (" + e + ")"));
            return;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            record(failed(message, url, body, "not delivered: the callback is not a valid URL (" + e.getMessage() + ")"));
            return;
        }
        CallbackTarget target;
        try {
            target = CallbackTarget.judge(uri, allowRemote);
        } catch (CallbackTarget.Refused e) {
            record(failed(message, url, body, "not delivered: " + e.getMessage()));
            return;
        } catch (UnknownHostException e) {
            record(failed(message, url, body, "no answer: " + e));
            return;
        }
        try {
            int status = target.exchange(method.name(), body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                    sockets, CONNECT_TIMEOUT, READ_TIMEOUT);
            record(new DeliveryAttempt(message.id(), method, url, body, status, null, clock.instant()));
        } catch (IOException | RuntimeException e) { // a connection cut from another thread may fail either way
            boolean cut;
            synchronized (open) {
                cut = cutting;
            }
            LOG.debug("Delivery report for {} to {} failed: {}", message.id(), url, e.toString());
            record(failed(message, url, body, cut ? CLOSED : "no answer: " + e));
        }
    }

    private DeliveryAttempt failed(SentMessage message, String url, @Nullable String body, String error) {
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
        url.append("ID=").append(encode(message.id())).append("&MCCMNC=").append(encode(message.mccMnc()))
                .append("&STATUS=").append(STATUS).append("&ERRORCODE=").append(ERROR_CODE);
        message.reference().ifPresent(reference -> url.append("&Reference=").append(encode(reference)));
        return url.append(fragment).toString();
    }

    /**
     * Fills the placeholders of a callback template as Mitto does: {@code ~name~}, {@code <name>} or
     * {@code $name$} (Mitto's use-case page names these delimiters), for {@code msgid}, {@code mcc}, {@code mnc},
     * {@code rate} (the use-case page's), {@code status}, {@code errorcode} (Mitto's chat-apps documentation) and
     * {@code reference}, names in any case, values URL-encoded. Other text is left as it is. The standard query
     * is still appended to a GET report: whether Mitto does so for a template is not published.
     */
    static String fill(String callback, SentMessage message) {
        Matcher matcher = PLACEHOLDER.matcher(callback);
        if (!matcher.find()) {
            return callback;
        }
        StringBuilder filled = new StringBuilder();
        do {
            String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2) != null ? matcher.group(2)
                    : matcher.group(3);
            matcher.appendReplacement(filled, Matcher.quoteReplacement(encode(placeholder(name, message))));
        } while (matcher.find());
        matcher.appendTail(filled);
        return filled.toString();
    }

    private static String placeholder(String name, SentMessage message) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "msgid":
                return message.id();
            case "mcc":
                return message.mccMnc().substring(0, 3);
            case "mnc":
                return message.mccMnc().substring(3);
            case "rate":
                return price(message.cost());
            case "status":
                return STATUS;
            case "errorcode":
                return ERROR_CODE;
            default:
                return message.reference().orElse("");
        }
    }

    static String jsonReport(SentMessage message) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringField("Id", message.id());
            generator.writeStringField("MccMnc", message.mccMnc());
            generator.writeStringField("Price", price(message.cost()));
            generator.writeStringField("Status", STATUS);
            generator.writeStringField("ErrorCode", ERROR_CODE);
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

    /**
     * Stops taking reports, lets those in flight finish for up to {@link #GRACE}, then cuts the connections
     * still open and records the reports never sent. Returns once every delivery thread has ended.
     */
    @Override
    public void close() {
        executor.shutdown();
        boolean interrupted = false;
        try {
            if (executor.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            interrupted = true;
        }
        synchronized (open) {
            cutting = true;
            for (Socket socket : open) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // cut anyway: the delivery fails and is recorded as not delivered
                }
            }
        }
        for (Runnable never : executor.shutdownNow()) {
            SentMessage message = ((Delivery) never).message;
            record(new DeliveryAttempt(message.id(), method, message.callback().orElseThrow(), null, -1, CLOSED,
                    clock.instant()));
        }
        if (!interrupted) {
            try {
                // A connection cut in the instant it opened still ends at its own timeouts.
                executor.awaitTermination(CONNECT_TIMEOUT.plus(READ_TIMEOUT).toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** One report to deliver; a class of its own so that {@link #close()} can record those never run. */
    private final class Delivery implements Runnable {
        final SentMessage message;

        Delivery(SentMessage message) {
            this.message = message;
        }

        @Override
        public void run() {
            deliver(message);
        }
    }
}
