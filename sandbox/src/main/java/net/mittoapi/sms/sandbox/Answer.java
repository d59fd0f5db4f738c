package net.mittoapi.sms.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What the sandbox answers one request with, and what it does once the answer is out (delivery reports go
 * after the answer, never before).
 */
record Answer(int status, String contentType, byte[] body, Map<String, String> headers, Runnable afterResponse) {

    static final String TEXT = "text/plain; charset=utf-8";

    static Answer text(int status, String text) {
        return new Answer(status, TEXT, text.getBytes(StandardCharsets.UTF_8), Map.of(), () -> { });
    }

    static Answer text(int status, String text, Map<String, String> headers) {
        return new Answer(status, TEXT, text.getBytes(StandardCharsets.UTF_8), headers, () -> { });
    }

    static Answer document(int status, WireFormat format, String root, Map<String, Object> fields) {
        return new Answer(status, format.contentType(), format.render(root, fields), Map.of(), () -> { });
    }

    Answer then(Runnable next) {
        return new Answer(status, contentType, body, headers, next);
    }
}
