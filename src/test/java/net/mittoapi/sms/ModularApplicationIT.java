package net.mittoapi.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
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

    /** What {@code Format.XML} needs beside the SDK: the XML data format and its StAX implementation. */
    private static final List<String> XML_JARS = List.of("jackson-dataformat-xml-", "woodstox-core-", "stax2-api-");

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
                + "import net.mittoapi.sms.Format;\n"
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
                + "        try (MittoClient xml = MittoClient.builder().apiKey(\"key\").baseUrl(args[0])\n"
                + "                .format(Format.XML).build()) {\n"
                + "            SmsResponse sent = xml.send(SmsRequest.builder().from(\"Modular\")\n"
                + "                    .to(\"491725551234\").text(\"Hello in XML\").build());\n"
                + "            System.out.println(\"sent as XML \" + sent.id());\n"
                + "        }\n"
                + "        System.out.println(\"jdk.httpserver present: \"\n"
                + "                + ModuleLayer.boot().findModule(\"jdk.httpserver\").isPresent());\n"
                + "    }\n"
                + "}\n");
        List<Path> path = new ArrayList<>(List.of(Modules.classes("net.mittoapi.sms")));
        path.addAll(Modules.jars(Modules.RUNTIME_JARS));
        path.addAll(Modules.jars(XML_JARS)); // Format.XML: the optional XML module, found with no --add-modules
        Modules.Compiled app = Modules.compile(work, source, Modules.modulePath(path));
        path.add(0, app.classes());

        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body("{\"id\":\"modular-1\",\"responseCode\":0,\"textLength\":19,\"responseText\":\"SMS sent\"}")
                    .build());
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/xml")
                    .body("<SmsResponse><id>modular-2</id><responseCode>0</responseCode><textLength>12</textLength>"
                            + "<responseText>SMS sent</responseText></SmsResponse>")
                    .build());
            server.start(InetAddress.getLoopbackAddress(), 0);
            String baseUrl = "http://127.0.0.1:" + server.getPort();

            List<String> printed = Modules.run(work, List.of(launcher, "--module-path", Modules.modulePath(path),
                    "-m", "app/app.App", baseUrl), "app");

            assertThat(printed).contains("sent modular-1", "sent as XML modular-2", "jdk.httpserver present: false");
            assertThat(server.takeRequest().getTarget()).isEqualTo("/sms.json");
            assertThat(server.takeRequest().getTarget()).isEqualTo("/sms.xml");
        }
    }
}
