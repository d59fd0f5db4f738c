package net.mittoapi.sms.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.mittoapi.sms.Format;

/**
 * The least HTTP/1.1 server that answers a client: on loopback, keep-alive, one thread per connection, every
 * request answered {@code 200} with a fixed body, JSON unless the request's path ends in {@code .xml}. It
 * reads the request line, finds {@code Content-Length} among the headers, skips the body and writes one
 * pre-rendered byte array: nothing is allocated per request, so that the server adds as little as possible
 * to the time and, above all, to the allocation JMH's {@code -prof gc} counts (on JDK 17 it sums the bytes
 * allocated by every thread of the process, this server's included).
 *
 * <p>It understands what OkHttp sends: a request with a {@code Content-Length} body (no chunked bodies, no
 * {@code Expect: 100-continue}, no pipelining beyond what is already buffered). Not a general server.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar net.mittoapi.sms.benchmarks.LoopbackServer [--port 0] [--seconds 900]
 * </pre>
 * prints {@code listening on http://127.0.0.1:PORT} and serves until killed or for {@code --seconds}.
 */
public final class LoopbackServer implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final byte[] jsonResponse;
    private final byte[] xmlResponse;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private LoopbackServer(ServerSocket server, byte[] jsonBody, byte[] xmlBody) {
        this.server = server;
        this.jsonResponse = response(jsonBody, Bodies.contentType(Format.JSON));
        this.xmlResponse = response(xmlBody, Bodies.contentType(Format.XML));
    }

    /**
     * @param port     the port, 0 for a free one
     * @param jsonBody the answer to every path not ending in {@code .xml}
     * @param xmlBody  the answer to paths ending in {@code .xml}
     * @return the running server
     * @throws IOException when the port cannot be bound
     */
    public static LoopbackServer start(int port, byte[] jsonBody, byte[] xmlBody) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        LoopbackServer server = new LoopbackServer(socket, jsonBody, xmlBody);
        Thread acceptor = new Thread(server::accept, "loopback-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    /** @return a server answering {@code /sms.json} and {@code /sms.xml} as the API's use-case page does */
    public static LoopbackServer startSms() throws IOException {
        return start(0, Bodies.sms(Format.JSON), Bodies.sms(Format.XML));
    }

    /** @return {@code http://127.0.0.1:PORT} */
    public String baseUrl() {
        return "http://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket connection : connections) {
            connection.close();
        }
    }

    private void accept() {
        int count = 0;
        while (!closed) {
            Socket connection;
            try {
                connection = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            connections.add(connection);
            Thread handler = new Thread(() -> serve(connection), "loopback-server-" + ++count);
            handler.setDaemon(true);
            handler.start();
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            connection.setTcpNoDelay(true);
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            byte[] buffer = new byte[BUFFER];
            int start = 0;
            int end = 0;
            while (true) {
                int headersEnd;
                while ((headersEnd = headersEnd(buffer, start, end)) < 0) {
                    if (start > 0) {
                        System.arraycopy(buffer, start, buffer, 0, end - start);
                        end -= start;
                        start = 0;
                    }
                    if (end == buffer.length) {
                        return; // headers larger than the buffer: not a request this server understands
                    }
                    int read = in.read(buffer, end, buffer.length - end);
                    if (read < 0) {
                        return;
                    }
                    end += read;
                }
                boolean xml = pathEndsWithXml(buffer, start, headersEnd);
                long remaining = contentLength(buffer, start, headersEnd);
                int bodyStart = headersEnd + 4;
                if (end - bodyStart >= remaining) {
                    start = bodyStart + (int) remaining;
                } else {
                    remaining -= end - bodyStart;
                    start = 0;
                    end = 0;
                    while (remaining > 0) {
                        int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                        if (read < 0) {
                            return;
                        }
                        remaining -= read;
                    }
                }
                if (start == end) {
                    start = 0;
                    end = 0;
                }
                out.write(xml ? xmlResponse : jsonResponse);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            connections.remove(connection);
        }
    }

    /** @return the index of the CR of the CRLF CRLF that ends the headers, or -1 */
    private static int headersEnd(byte[] b, int from, int to) {
        for (int i = from; i + 3 < to; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The request line is {@code METHOD SP PATH SP VERSION}: does PATH end in {@code .xml}? */
    private static boolean pathEndsWithXml(byte[] b, int from, int to) {
        int firstSpace = indexOf(b, (byte) ' ', from, to);
        int secondSpace = firstSpace < 0 ? -1 : indexOf(b, (byte) ' ', firstSpace + 1, to);
        int pathEnd = secondSpace;
        int query = firstSpace < 0 ? -1 : indexOf(b, (byte) '?', firstSpace + 1, secondSpace < 0 ? to : secondSpace);
        if (query >= 0) {
            pathEnd = query;
        }
        return pathEnd >= 4 && b[pathEnd - 4] == '.' && b[pathEnd - 3] == 'x' && b[pathEnd - 2] == 'm'
                && b[pathEnd - 1] == 'l';
    }

    private static long contentLength(byte[] b, int from, int to) {
        for (int line = indexOf(b, (byte) '\n', from, to) + 1; line > 0 && line < to;
                line = indexOf(b, (byte) '\n', line, to) + 1) {
            if (startsWithIgnoreCase(b, line, to, CONTENT_LENGTH)) {
                long value = 0;
                for (int i = line + CONTENT_LENGTH.length; i < to && b[i] != '\r'; i++) {
                    if (b[i] >= '0' && b[i] <= '9') {
                        value = value * 10 + (b[i] - '0');
                    }
                }
                return value;
            }
        }
        return 0;
    }

    private static boolean startsWithIgnoreCase(byte[] b, int at, int to, byte[] lowerCasePrefix) {
        if (at + lowerCasePrefix.length > to) {
            return false;
        }
        for (int i = 0; i < lowerCasePrefix.length; i++) {
            int c = b[at + i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lowerCasePrefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, byte value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] response(byte[] body, String contentType) {
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /**
     * Serves the use-case page's {@code /sms} answer for cold-start measurements (see {@code coldstart.sh}).
     *
     * @param args {@code --port N} (default 0: a free port), {@code --seconds N} (default 900): it stops by
     *             itself after that long
     * @throws Exception when the port cannot be bound
     */
    public static void main(String[] args) throws Exception {
        int port = 0;
        long seconds = 900;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port":
                    port = Integer.parseInt(args[i + 1]);
                    break;
                case "--seconds":
                    seconds = Long.parseLong(args[i + 1]);
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + args[i] + "; use --port N --seconds N");
            }
        }
        try (LoopbackServer server = start(port, Bodies.sms(Format.JSON), Bodies.sms(Format.XML))) {
            System.out.println(String.format(Locale.ROOT, "listening on %s", server.baseUrl()));
            System.out.flush();
            Thread.sleep(seconds * 1000);
        }
    }
}
