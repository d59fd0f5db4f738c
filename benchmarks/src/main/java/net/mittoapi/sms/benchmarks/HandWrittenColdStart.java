package net.mittoapi.sms.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The baseline of {@link ColdStart}: the same cold send written by hand with OkHttp and Jackson, as an
 * application without the SDK would write it, for {@code coldstart.sh}. It builds an OkHttp client with the
 * SDK's default timeouts (call 60 s, connect 10 s, read and write 30 s) and a Jackson mapper (an
 * {@code XmlMapper} for the answer in XML), posts the use-case page's message as JSON written from a record,
 * binds the answer to a record of strings and numbers, checks its {@code responseCode}, and shuts the client's
 * threads and connections down as {@code MittoClient.close()} does. It prints the line {@link ColdStart}
 * prints, {@code build_ms} being the time to build the client and the mappers:
 * <pre>
 * coldstart format=JSON main_to_answer_ms=380.1 build_ms=160.4 id=715118ef01aa4480bbd67324a0459b0b
 * </pre>
 *
 * <pre>
 * java -cp ... net.mittoapi.sms.benchmarks.HandWrittenColdStart http://127.0.0.1:PORT JSON|XML
 * </pre>
 */
public final class HandWrittenColdStart {

    private HandWrittenColdStart() {
    }

    /** The body the application writes. */
    record SmsBody(String from, String to, String text, String type) {
    }

    /** The answer the application reads. */
    record SmsAnswer(String id, String timestamp, String to, int responseCode, int textLength, String responseText,
            boolean test) {
    }

    /**
     * @param args the server's base URL and the format
     * @throws IOException when the call fails
     */
    public static void main(String[] args) throws IOException {
        long mainStart = System.nanoTime();
        boolean xml = args[1].equals("XML");
        OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(60))
                .connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30)).build();
        ObjectMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        ObjectMapper answers = xml
                ? XmlMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build() : json;
        long built = System.nanoTime();
        SmsAnswer answer;
        try {
            byte[] body = json.writeValueAsBytes(new SmsBody("MITTO SMS", "491725551234", "Hello, World!", "auto"));
            Request post = new Request.Builder().url(args[0] + (xml ? "/sms.xml" : "/sms.json"))
                    .header("X-Mitto-API-Key", "cold-start-key")
                    .post(RequestBody.create(body, MediaType.get("application/json"))).build();
            try (Response response = http.newCall(post).execute()) {
                if (!response.isSuccessful()) {
                    throw new IOException("HTTP " + response.code());
                }
                answer = answers.readValue(response.body().bytes(), SmsAnswer.class);
                if (answer.responseCode() != 0) {
                    throw new IOException("responseCode " + answer.responseCode());
                }
            }
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
        long end = System.nanoTime();
        System.out.printf(Locale.ROOT, "coldstart format=%s main_to_answer_ms=%.1f build_ms=%.1f id=%s%n",
                args[1], (end - mainStart) / 1e6, (built - mainStart) / 1e6, answer.id());
    }
}
