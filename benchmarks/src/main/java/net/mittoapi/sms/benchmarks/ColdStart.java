package net.mittoapi.sms.benchmarks;

import java.util.Locale;
import net.mittoapi.sms.Format;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.SmsResponse;

/**
 * One cold send, for {@code coldstart.sh}: from the first line of {@code main} to the first answer of a
 * loopback server, in a fresh JVM. Builds a client for the format, sends the use-case page's message, and
 * prints one line:
 * <pre>
 * coldstart format=JSON main_to_answer_ms=412.3 build_ms=180.2 id=715118ef01aa4480bbd67324a0459b0b
 * </pre>
 * {@code build_ms} is the part of {@code main_to_answer_ms} spent in {@code MittoClient.builder()...build()}.
 * Nothing else is loaded to measure (no management beans): the script counts classes and process time.
 *
 * <pre>
 * java -cp ... net.mittoapi.sms.benchmarks.ColdStart http://127.0.0.1:PORT JSON|XML
 * </pre>
 */
public final class ColdStart {

    private ColdStart() {
    }

    /**
     * @param args the server's base URL and the format
     */
    public static void main(String[] args) {
        long mainStart = System.nanoTime();
        Format format = Format.valueOf(args[1]);
        SmsResponse answer;
        long built;
        try (MittoClient client = MittoClient.builder().apiKey("cold-start-key").baseUrl(args[0]).format(format)
                .maxRetries(0).build()) {
            built = System.nanoTime();
            answer = client.send(SmsRequest.builder().from("MITTO SMS").to("491725551234").text("Hello, World!")
                    .build());
        }
        long end = System.nanoTime();
        System.out.printf(Locale.ROOT, "coldstart format=%s main_to_answer_ms=%.1f build_ms=%.1f id=%s%n",
                format, (end - mainStart) / 1e6, (built - mainStart) / 1e6, answer.id());
    }
}
