package net.mittoapi.sms.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Plain HTTP/1.1 on loopback for the sandbox tests, written and read on a raw socket: no SDK client and no
 * HTTP library involved, so the wire is what is tested, and nothing is retried or redirected behind the
 * test's back (a dropped connection is seen as one). One connection per request ({@code Connection: close}).
 */
final class RawHttp {

    /** The seed's first send, as a JSON body. */
    static final String HELLO = "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"Hello, World!\"}";
    static final ObjectMapper MAPPER = new ObjectMapper();

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_LINE = 64 * 1024;

    /** An answer: its status, its headers (names matched ignoring case), its body as UTF-8 text. */
    record Reply(int status, Map<String, List<String>> headers, String body) {

        Optional<String> header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        Element xml() {
            try {
                Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
                return document.getDocumentElement();
            } catch (Exception e) {
                throw new IllegalStateException("not XML: " + body, e);
            }
        }
    }

    private RawHttp() {
    }

    static Reply post(MittoSandbox sandbox, String path, String json) {
        return send("POST", sandbox.baseUrl() + path, sandbox.apiKey(), json, null);
    }

    /**
     * Sends one request and reads the whole answer.
     *
     * @param key     the API key header's value, or null for none
     * @param body    a JSON body, or null for none
     * @param timeout for connecting and for each read; null for 30 s
     * @throws UncheckedIOException when the connection fails, times out ({@link java.net.SocketTimeoutException}
     *                              as the cause) or ends before a whole answer arrived
     */
    static Reply send(String method, String url, String key, String body, Duration timeout) {
        URI uri = URI.create(url);
        int millis = Math.toIntExact((timeout == null ? DEFAULT_TIMEOUT : timeout).toMillis());
        String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        byte[] content = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder()
                .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                .append("Connection: close\r\n");
        if (key != null) {
            head.append("X-Mitto-API-Key: ").append(key).append("\r\n");
        }
        if (content != null) {
            head.append("Content-Type: application/json\r\n");
        }
        if (content != null || method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            head.append("Content-Length: ").append(content == null ? 0 : content.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), millis);
            socket.setSoTimeout(millis);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            if (content != null) {
                out.write(content);
            }
            out.flush();
            return read(new BufferedInputStream(socket.getInputStream()), method.equals("HEAD"));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + " failed: " + e, e);
        }
    }

    private static Reply read(InputStream in, boolean head) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new EOFException("the connection ended before an answer (unexpected end of stream)");
        }
        String[] status = statusLine.split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x status line: '" + statusLine + "'");
        }
        int code = Integer.parseInt(status[1]);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String line;
        while (!(line = required(line(in))).isEmpty()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header line: '" + line + "'");
            }
            headers.computeIfAbsent(line.substring(0, colon).trim(), name -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        byte[] body;
        String transferEncoding = headers.getOrDefault("Transfer-Encoding", List.of("")).get(0);
        List<String> length = headers.get("Content-Length");
        if (head || code == 204 || code == 304 || code / 100 == 1) {
            body = new byte[0];
        } else if (transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = chunked(in);
        } else if (length != null) {
            body = exactly(in, Integer.parseInt(length.get(0)));
        } else {
            body = in.readAllBytes();
        }
        headers.replaceAll((name, values) -> Collections.unmodifiableList(values));
        return new Reply(code, Collections.unmodifiableMap(headers), new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = required(line(in));
            int semicolon = size.indexOf(';');
            int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (length == 0) {
                while (!required(line(in)).isEmpty()) {
                    // trailers are not used by the sandbox; skipped
                }
                return body.toByteArray();
            }
            body.write(exactly(in, length));
            required(line(in));
        }
    }

    private static byte[] exactly(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("the body ended after " + bytes.length + " of " + length + " bytes");
        }
        return bytes;
    }

    private static String required(String line) throws EOFException {
        if (line == null) {
            throw new EOFException("the connection ended in the middle of the answer");
        }
        return line;
    }

    /** @return one CRLF- (or LF-) terminated line without its terminator, or null at the end of the stream */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("a line of the answer is longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    /** The text of the first child element of {@code parent} with that name, or null. */
    static String text(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? null : child.getTextContent();
    }

    static Element child(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node node = children.item(i);
            if (node instanceof Element && ((Element) node).getTagName().equals(name)) {
                return (Element) node;
            }
        }
        return null;
    }

    static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element) {
                elements.add((Element) children.item(i));
            }
        }
        return elements;
    }
}
