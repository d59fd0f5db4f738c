package net.mittoapi.sms.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import net.mittoapi.sms.sandbox.MittoSandbox;

/**
 * A JSON POST to the sandbox over the JDK's {@link HttpURLConnection}, without the SDK's client, so that what
 * the sandbox answers does not depend on the client under test. Streaming mode: the JDK cannot silently
 * resend the body, and redirects are not followed.
 */
final class PlainHttp {

    /** The status and the body (as UTF-8 text) of an answer. */
    record Answer(int status, String body) {
    }

    private PlainHttp() {
    }

    static Answer post(MittoSandbox sandbox, String path, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        HttpURLConnection connection = (HttpURLConnection) URI.create(sandbox.baseUrl() + path).toURL()
                .openConnection();
        try {
            connection.setRequestMethod("POST");
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setConnectTimeout(Math.toIntExact(Calls.AWAIT.toMillis()));
            connection.setReadTimeout(Math.toIntExact(Calls.AWAIT.toMillis()));
            connection.setRequestProperty(MittoSandbox.API_KEY_HEADER, sandbox.apiKey());
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            InputStream answer = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String text = "";
            if (answer != null) {
                try (answer) {
                    text = new String(answer.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return new Answer(status, text);
        } finally {
            connection.disconnect();
        }
    }
}
