package net.mittoapi.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.mittoapi.sms.modules.Modules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A modular application that requires {@code net.mittoapi.sms}, run on a runtime image that lacks the JDK's HTTP
 * server: jlink links {@code java.se} alone (which has no {@code jdk.*} module), the application and the SDK's jars
 * go on the module path, and the application sends an SMS to a MockWebServer on loopback. Were the SDK to require
 * {@code jdk.httpserver} (the sandbox's need, not the client's), the image could not even resolve it.
 */
class ModularApplicationIT {

    @TempDir
    Path work;

    @Test
    void anApplicationModuleSendsFromAnImageWithoutTheJdksHttpServer() throws Exception {
        Path image = work.resolve("image");
        Modules.run(work, List.of(Modules.tool("jlink"), "--add-modules", "java.se", "--output", image.toString(),
                "--strip-debug", "--no-header-files", "--no-man-pages"), "jlink");
        String launcher = image.resolve("bin").resolve("java").toString();
        assertThat(Modules.run(work, List.of(launcher, "--list-modules"), "modules"))
                .anyMatch(line -> line.startsWith("java.base@"))
                .noneMatch(line -> line.startsWith("jdk.httpserver@"));

        Path source = Modules.write(work, "app", "module app {\n    requires net.mittoapi.sms;\n}\n", "App",
                "package app;\n\n"
                + "import net.mittoapi.sms.MittoClient;\n"
                + "import net.mittoapi.sms.SmsRequest;\n"
                + "import net.mittoapi.sms.SmsResponse;\n\n"
                + "public class App {\n"
                + "    public static void main(String[] args) {\n"
                + "        try (MittoClient client = MittoClient.builder().apiKey(\"key\").baseUrl(args[0]).build()) {\n"
                + "            SmsResponse sent = client.send(SmsRequest.builder().from(\"Modular\")\n"
                + "                    .to(\"491725551234\").text(\"Hello from a module\").build());\n"
                + "            System.out.println(\"sent \" + sent.id());\n"
                + "        }\n"
                + "        System.out.println(\"jdk.httpserver present: \"\n"
                + "                + ModuleLayer.boot().findModule(\"jdk.httpserver\").isPresent());\n"
                + "    }\n"
                + "}\n");
        List<Path> path = new ArrayList<>(List.of(Modules.classes("net.mittoapi.sms")));
        path.addAll(Modules.jars(Modules.RUNTIME_JARS));
        Modules.Compiled app = Modules.compile(work, source, Modules.modulePath(path));
        path.add(0, app.classes());

        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body("{\"id\":\"modular-1\",\"responseCode\":0,\"textLength\":19,\"responseText\":\"SMS sent\"}")
                    .build());
            server.start(InetAddress.getLoopbackAddress(), 0);
            String baseUrl = "http://127.0.0.1:" + server.getPort();

            List<String> printed = Modules.run(work, List.of(launcher, "--module-path", Modules.modulePath(path),
                    "-m", "app/app.App", baseUrl), "app");

            assertThat(printed).contains("sent modular-1", "jdk.httpserver present: false");
            RecordedRequest request = server.takeRequest();
            assertThat(request.getTarget()).isEqualTo("/sms.json");
        }
    }
}
