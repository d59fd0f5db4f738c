package net.mittoapi.sms.soak;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain HTTP/1.1 server on loopback standing in for the Mitto API, that plays a {@link SoakFault} on each
 * request and keeps, per logical send (the {@code soak-N} reference in the request body), the requests it
 * fully read and the faults it played on them, in order.
 *
 * <p>Written on sockets, not on an HTTP library, so that each fault is exactly what it says (a reset is an
 * RST, a truncated answer announces more than it sends) and "fully read" means the last byte of the body
 * arrived.
 */
final class FaultServer implements AutoCloseable {

    private static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"(soak-\\d+)\"");
    private static final Pattern RECIPIENTS = Pattern.compile("\"to\"\\s*:\\s*\"([0-9,]+)\"");
    private static final int MAX_HEAD = 64 * 1024;
    private static final int MAX_BODY = 1 << 20;

    /** What the server saw of one logical send. */
    static final class SendLog {
        private final List<SoakFault> faults = new ArrayList<>();

        synchronized void add(SoakFault fault) {
            faults.add(fault);
        }

        /** @return the faults played on the requests of this send that were fully read, in arrival order */
        synchronized List<SoakFault> faults() {
            return List.copyOf(faults);
        }
    }

    private final ServerSocket listener;
    private final ExecutorService pool;
    private final Thread acceptor;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Map<String, SendLog> sends = new ConcurrentHashMap<>();
    private final BiFunction<String, Integer, SoakFault> faults;
    private final Duration late;
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger unattributed = new AtomicInteger();
    private volatile boolean closed;

    /**
     * @param faults picks the fault for (send, attempt number from 1)
     * @param late   how long a {@link SoakFault#LATE} answer waits: longer than the client's read timeout
     */
    FaultServer(BiFunction<String, Integer, SoakFault> faults, Duration late) throws IOException {
        this.faults = faults;
        this.late = late;
        this.listener = new ServerSocket(0, 1024, InetAddress.getByName("127.0.0.1"));
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "soak-server-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.acceptor = new Thread(this::accept, "soak-server-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** @return what the server saw of each send, by its reference */
    Map<String, SendLog> sends() {
        return Collections.unmodifiableMap(sends);
    }

    /** @return requests fully read that carried no {@code soak-N} reference (there should be none) */
    int unattributed() {
        return unattributed.get();
    }

    private void accept() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            open.add(socket);
            try {
                pool.execute(() -> serve(socket));
            } catch (RuntimeException rejected) {
                closeQuietly(socket);
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(30_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (!closed) {
                Request request = Request.read(in);
                if (request == null) {
                    return; // the client closed the connection, or gave up half-way: nothing fully read
                }
                Matcher reference = REFERENCE.matcher(request.body);
                if (!reference.find()) {
                    unattributed.incrementAndGet();
                    write(out, 400, "text/plain", "no soak reference");
                    continue;
                }
                SendLog log = sends.computeIfAbsent(reference.group(1), id -> new SendLog());
                SoakFault fault;
                synchronized (log) {
                    fault = faults.apply(reference.group(1), log.faults().size() + 1);
                    log.add(fault);
                }
                if (!play(fault, request, socket, in, out)) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away: nothing more to do on this connection
        } finally {
            open.remove(socket);
        }
    }

    /** @return whether the connection stays open for another request */
    private boolean play(SoakFault fault, Request request, Socket socket, InputStream in, OutputStream out)
            throws IOException {
        switch (fault) {
            case OK:
                write(out, 200, "application/json", success(request));
                return true;
            case RATE_LIMITED:
                write(out, 429, "text/plain", "Too many requests", "Retry-After: 0");
                return true;
            case RATE_LIMITED_LONG:
                write(out, 429, "text/plain", "Too many requests", "Retry-After: 3600");
                return true;
            case UNAVAILABLE:
                write(out, 503, "text/plain", "Service unavailable");
                return true;
            case UNAVAILABLE_NOW:
                write(out, 503, "text/plain", "Service unavailable", "Retry-After: 0");
                return true;
            case INTERNAL_ERROR:
                write(out, 500, "text/plain", "Internal server error");
                return true;
            case UNAUTHORIZED:
                write(out, 401, "text/plain", "Invalid or no API Key specified");
                return true;
            case REJECTED:
                write(out, 400, "application/json", "{\"responseCode\":8,\"responseText\":\"Invalid receiver\"}");
                return true;
            case REJECTED_ON_200:
                write(out, 200, "application/json", "{\"responseCode\":1,\"responseText\":\"Internal error\"}");
                return true;
            case UNREADABLE:
                write(out, 200, "application/json", "{\"responseCode\":0,\"id\":");
                return true;
            case LATE:
                sleep(late);
                write(out, 200, "application/json", success(request));
                return false;
            case RESET_BEFORE_READ:
            case RESET_AFTER_READ:
                socket.setSoLinger(true, 0);
                return false; // closing with linger 0 sends an RST
            case STALL:
                drain(in); // until the client gives up and closes, or the server's 30 s read timeout
                return false;
            case TRUNCATED:
                byte[] body = success(request).getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body, 0, body.length / 3);
                out.flush();
                return false;
            default:
                throw new IllegalStateException("unknown fault " + fault);
        }
    }

    private String success(Request request) {
        String timestamp = "\"2019-04-13T17:51:06.3091182Z\"";
        if (request.path.startsWith("/smsbulk")) {
            Matcher to = RECIPIENTS.matcher(request.body);
            String[] recipients = to.find() ? to.group(1).split(",") : new String[] {"491725551234"};
            StringBuilder messages = new StringBuilder();
            for (String recipient : recipients) {
                messages.append(messages.length() == 0 ? "" : ",").append("{\"id\":\"").append(nextId())
                        .append("\",\"timestamp\":").append(timestamp).append(",\"to\":\"").append(recipient)
                        .append("\",\"textLength\":2}");
            }
            return "{\"responseCode\":0,\"responseText\":\"SMS sent\",\"messages\":[" + messages + "]}";
        }
        return "{\"id\":\"" + nextId() + "\",\"timestamp\":" + timestamp + ",\"to\":\"491725551234\","
                + "\"responseCode\":0,\"textLength\":2,\"responseText\":\"SMS sent\",\"test\":false}";
    }

    private String nextId() {
        return String.format(Locale.ROOT, "%032x", ids.incrementAndGet());
    }

    private static void write(OutputStream out, int status, String type, String body, String... headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status))
                .append("\r\nContent-Type: ").append(type).append("\r\nContent-Length: ").append(bytes.length)
                .append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
    }

    private static String reason(int status) {
        switch (status) {
            case 200:
                return "OK";
            case 400:
                return "Bad Request";
            case 401:
                return "Unauthorized";
            case 429:
                return "Too Many Requests";
            case 500:
                return "Internal Server Error";
            default:
                return "Service Unavailable";
        }
    }

    private static void drain(InputStream in) {
        try {
            while (in.read() >= 0) {
                // discard: the client sends nothing more; this returns when it closes
            }
        } catch (IOException e) {
            // reset, or the server's read timeout
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** Stops accepting, cuts every connection, and returns once every thread of the server has ended. */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        pool.shutdownNow();
        try {
            acceptor.join(10_000);
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the soak server's threads did not end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One request: its path and body, read to its last byte. */
    private static final class Request {
        final String path;
        final String body;

        private Request(String path, String body) {
            this.path = path;
            this.body = body;
        }

        /** @return the request, or null when the connection ended before its last byte */
        static Request read(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            try {
                while (matched < 4) {
                    int b = in.read();
                    if (b < 0) {
                        return null;
                    }
                    head.write(b);
                    matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : b == '\r' ? 1 : 0;
                    if (head.size() > MAX_HEAD) {
                        return null;
                    }
                }
            } catch (SocketTimeoutException | SocketException idle) {
                return null;
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            String[] requestLine = lines[0].split(" ");
            int length = 0;
            for (String line : lines) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
                    length = Integer.parseInt(line.substring(colon + 1).trim());
                }
            }
            if (length < 0 || length > MAX_BODY) {
                return null;
            }
            byte[] body = in.readNBytes(length);
            if (body.length < length) {
                return null;
            }
            return new Request(requestLine.length > 1 ? requestLine[1] : "/", new String(body, StandardCharsets.UTF_8));
        }
    }
}
