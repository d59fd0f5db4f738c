package net.mittoapi.sms.sandbox;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * A callback URL judged once, and the only addresses a report to it is then sent to.
 *
 * <p>The check and the connection must agree on the address, or the check is worth nothing: a callback
 * named {@code evil.localhost} used to pass as loopback by its name, and the connection then asked DNS,
 * which sent the report to whatever host the name pointed at. So this class decides the addresses itself,
 * and {@link #exchange} connects a plain {@link Socket} to exactly those (no HTTP library resolves the name
 * again between check and connect):
 *
 * <ul>
 *   <li>{@code localhost} and any {@code *.localhost} name (RFC 6761, section 6.3) are loopback by
 *       definition: they are never resolved, and go to 127.0.0.1, then {@code ::1};</li>
 *   <li>an IP literal is read as one (IPv4 strictly as four decimal octets, so {@code 127.0.0.999} or
 *       {@code 127.000.000.001} is no address rather than a name to look up) and goes to that address;</li>
 *   <li>any other name is refused without a lookup unless remote callbacks are allowed; then it is
 *       resolved once, and the connection tries the addresses of that one lookup.</li>
 * </ul>
 *
 * <p>The request is HTTP/1.1 with {@code Connection: close} (TLS for {@code https}, the certificate checked
 * against the URL's host); only the status line of the answer is read, within the read timeout in total.
 */
final class CallbackTarget {

    private static final int MAX_STATUS_LINE = 8 * 1024;

    private final boolean https;
    private final String host;
    private final String hostHeader;
    private final int port;
    private final String requestTarget;
    private final List<InetAddress> addresses;

    private CallbackTarget(boolean https, String host, String hostHeader, int port, String requestTarget,
            List<InetAddress> addresses) {
        this.https = https;
        this.host = host;
        this.hostHeader = hostHeader;
        this.port = port;
        this.requestTarget = requestTarget;
        this.addresses = addresses;
    }

    /** Where a callback may not go; the message says why, for the delivery attempt's error. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Tracks the sockets in flight, so that closing the sandbox can cut them. */
    interface Sockets {
        /** @return false when no new connection may open (the sandbox is closing) */
        boolean opened(Socket socket);

        /** The socket is done with (and closed). */
        void closed(Socket socket);
    }

    /**
     * @param uri         an absolute {@code http} or {@code https} URL with a host
     * @param allowRemote whether hosts other than loopback may be called
     * @return the target, with the addresses it may be sent to
     * @throws Refused             when the URL may not be called
     * @throws UnknownHostException when remote callbacks are allowed and the name does not resolve
     */
    static CallbackTarget judge(URI uri, boolean allowRemote) throws Refused, UnknownHostException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!scheme.equals("http") && !scheme.equals("https") || host == null) {
            throw new Refused("the callback must be an absolute http or https URL");
        }
        boolean https = scheme.equals("https");
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        List<InetAddress> addresses = loopbackAddresses(host);
        if (addresses.isEmpty()) {
            InetAddress literal = literal(host);
            if (!allowRemote) {
                throw new Refused(host + " is not a loopback host, and the sandbox only calls loopback callbacks"
                        + " unless built with allowRemoteCallbacks(true)");
            }
            addresses = literal != null ? List.of(literal) : List.of(InetAddress.getAllByName(host));
        }
        URI ascii;
        try {
            ascii = new URI(uri.toASCIIString());
        } catch (URISyntaxException e) {
            throw new Refused("the callback is not a valid URL (" + e.getMessage() + ")");
        }
        String path = ascii.getRawPath() == null || ascii.getRawPath().isEmpty() ? "/" : ascii.getRawPath();
        String target = ascii.getRawQuery() == null ? path : path + "?" + ascii.getRawQuery();
        String hostHeader = uri.getPort() >= 0 ? host + ":" + uri.getPort() : host;
        return new CallbackTarget(https, host, hostHeader, port, target, addresses);
    }

    /**
     * The addresses a loopback host is called on, decided from its text alone: never a lookup.
     *
     * @param host a URL's host ({@code [::1]} in brackets, or without)
     * @return 127.0.0.1 and {@code ::1} for {@code localhost} and {@code *.localhost}, the address of a
     *         loopback literal, or nothing when the host is not loopback (or not a valid literal)
     */
    static List<InetAddress> loopbackAddresses(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1); // the absolute form, "localhost."
        }
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return List.of(address(host, new byte[] {127, 0, 0, 1}),
                    address(host, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}));
        }
        InetAddress literal = literal(host);
        return literal != null && literal.isLoopbackAddress() ? List.of(literal) : List.of();
    }

    /** @return whether {@link #loopbackAddresses(String)} finds any */
    static boolean isLoopback(String host) {
        return !loopbackAddresses(host).isEmpty();
    }

    /**
     * Reads an IP literal without ever looking a name up: IPv4 as exactly four decimal octets without
     * leading zeros, IPv6 in brackets or with a colon.
     *
     * @return the address, or {@code null} when the host is not a valid literal
     */
    static @Nullable InetAddress literal(String host) {
        if (host.startsWith("[") || host.indexOf(':') >= 0) {
            String inner = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            if (inner.isEmpty() || inner.indexOf(':') < 0) {
                return null;
            }
            try {
                // In brackets, the JDK parses an IPv6 literal and never resolves it as a name.
                return InetAddress.getByName("[" + inner + "]");
            } catch (UnknownHostException notALiteral) {
                return null;
            }
        }
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] octets = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || part.length() > 1 && part.charAt(0) == '0'
                    || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return null;
            }
            octets[i] = (byte) value;
        }
        return address(host, octets);
    }

    private static InetAddress address(String host, byte[] octets) {
        try {
            return InetAddress.getByAddress(host, octets);
        } catch (UnknownHostException impossible) { // only for an array of the wrong length
            throw new IllegalStateException(impossible);
        }
    }

    /** @return the addresses this target may be sent to, in the order they are tried */
    List<InetAddress> addresses() {
        return addresses;
    }

    /**
     * Connects to the judged addresses in turn (the next only when a connection fails), sends the request
     * and reads the answer's status line.
     *
     * @param method         {@code GET} or {@code POST}
     * @param body           the JSON body of a POST, or {@code null}
     * @param sockets        where each socket is tracked while it is open
     * @param connectTimeout per address
     * @param readTimeout    for the whole answer's status line
     * @return the HTTP status
     * @throws IOException when no address answers, or the answer is not HTTP
     */
    int exchange(String method, byte @Nullable [] body, Sockets sockets, Duration connectTimeout, Duration readTimeout)
            throws IOException {
        @Nullable IOException failure = null;
        for (InetAddress address : addresses) {
            Socket socket = new Socket(Proxy.NO_PROXY);
            if (!sockets.opened(socket)) {
                socket.close();
                throw new IOException("the sandbox is closing");
            }
            try {
                try {
                    socket.connect(new InetSocketAddress(address, port), (int) connectTimeout.toMillis());
                } catch (IOException e) {
                    if (failure != null) {
                        e.addSuppressed(failure);
                    }
                    failure = e;
                    continue;
                }
                return send(https ? tls(socket) : socket, method, body, readTimeout);
            } finally {
                socket.close();
                sockets.closed(socket);
            }
        }
        throw failure != null ? failure : new IOException("no address to call"); // judge() never leaves none
    }

    private Socket tls(Socket socket) throws IOException {
        String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                .createSocket(socket, name, port, true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        return tls;
    }

    private int send(Socket socket, String method, byte @Nullable [] body, Duration readTimeout) throws IOException {
        long deadline = System.nanoTime() + readTimeout.toNanos();
        socket.setSoTimeout((int) readTimeout.toMillis());
        StringBuilder head = new StringBuilder(method).append(' ').append(requestTarget).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostHeader).append("\r\n")
                .append("User-Agent: mitto-sms-sandbox\r\n")
                .append("Connection: close\r\n");
        if (body != null) {
            head.append("Content-Type: application/json; charset=utf-8\r\n")
                    .append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.write(body);
        }
        out.flush();
        return status(socket, new BufferedInputStream(socket.getInputStream()), deadline);
    }

    /** Reads {@code HTTP/1.1 200 OK}; the rest of the answer is left unread. */
    private static int status(Socket socket, InputStream in, long deadline) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("the callback did not answer within the read timeout");
            }
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
            int b = in.read();
            if (b < 0) {
                throw new IOException("the callback closed the connection without an answer");
            }
            if (b == '\n') {
                break;
            }
            if (line.length() == MAX_STATUS_LINE) {
                throw new IOException("the callback's answer has no status line in its first " + MAX_STATUS_LINE
                        + " bytes");
            }
            line.append((char) b);
        }
        String text = line.toString().strip();
        if (!text.startsWith("HTTP/1.") || text.length() < 12 || text.charAt(8) != ' '
                || !text.substring(9, 12).chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IOException("the callback's answer is not HTTP: " + (text.length() > 60
                    ? text.substring(0, 60) + "…" : text));
        }
        return Integer.parseInt(text.substring(9, 12));
    }
}
