package net.mittoapi.sms.sandbox;

import static net.mittoapi.sms.sandbox.RawHttp.HELLO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link MittoSandbox.Builder#accessLog}: one line per answered request, as the command-line tool prints them. */
class MittoSandboxAccessLogIT {

    @Test
    void everyRequestGetsALineWithMethodPathAndOutcomeButNeverTheKeyOrTheQuery() throws InterruptedException {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (MittoSandbox sandbox = MittoSandbox.builder().accessLog(lines::add).start()) {
            RawHttp.post(sandbox, "/sms.xml", HELLO);
            RawHttp.send("GET", sandbox.baseUrl() + "/nowhere?secret=1", null, null, null);
            RawHttp.send("POST", sandbox.baseUrl() + "/sms", "wrong-key", HELLO, null);
            sandbox.enqueueFault(Fault.dropConnection());
            assertThatThrownBy(() -> RawHttp.post(sandbox, "/sms", HELLO)).isInstanceOf(UncheckedIOException.class);

            // Each line is written by its handler thread once the answer is out, so a line may trail the client
            // by a moment, and the lines may come in any order.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (lines.size() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(lines).hasSize(4).allMatch(line -> line.matches("[A-Z]+ /\\S* -> (\\d{3}|dropped) \\(\\d+ ms\\)"))
                    .anyMatch(line -> line.startsWith("POST /sms.xml -> 200 ("))
                    .anyMatch(line -> line.startsWith("GET /nowhere -> 404 ("))
                    .anyMatch(line -> line.startsWith("POST /sms -> 401 ("))
                    .anyMatch(line -> line.startsWith("POST /sms -> dropped ("))
                    .noneMatch(line -> line.contains(sandbox.apiKey()) || line.contains("wrong-key")
                            || line.contains("secret"));
        }
    }
}
