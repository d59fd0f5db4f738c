package net.mittoapi.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.mittoapi.sms.modules.Modules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The module descriptor as a modular application meets it: the SDK as a named module (its jar, as {@code mvn verify}
 * packages it), an application module that {@code requires net.mittoapi.sms}, and javac with every lint
 * on and warnings as errors. The optional dependency must stay optional there too: an application without
 * JSpecify on its module path compiles, without a warning. The SDK needs neither JUnit nor the JDK's HTTP server:
 * those are the sandbox's ({@code net.mittoapi.sms.sandbox}, an artifact of its own).
 */
class ModuleInfoIT {

    private static final String SDK = "net.mittoapi.sms";

    @TempDir
    Path work;

    @Test
    void theModuleRequiresJSpecifyStaticOnlyAndNeitherJUnitNorTheHttpServer() {
        ModuleDescriptor module = Modules.descriptor(Modules.classes(SDK));

        assertThat(module.requires()).filteredOn(r -> r.name().equals("org.jspecify")).singleElement()
                .satisfies(r -> assertThat(r.modifiers()).containsExactly(ModuleDescriptor.Requires.Modifier.STATIC));
        assertThat(module.requires()).extracting(ModuleDescriptor.Requires::name)
                .doesNotContain("jdk.httpserver", "org.junit.jupiter.api");
        assertThat(module.exports()).extracting(ModuleDescriptor.Exports::source)
                .containsExactlyInAnyOrder("net.mittoapi.sms", "net.mittoapi.sms.segments", "net.mittoapi.sms.webhook");
    }

    @Test
    void anApplicationModuleWithoutJSpecifyCompilesWithoutAWarning() throws Exception {
        Path source = Modules.write(work, "app", "module app {\n    requires net.mittoapi.sms;\n}\n", "App",
                "package app;\n\n"
                + "import java.util.Map;\n"
                + "import net.mittoapi.sms.MittoClient;\n"
                + "import net.mittoapi.sms.SmsResponse;\n"
                + "import net.mittoapi.sms.webhook.DeliveryReport;\n\n"
                + "public class App {\n"
                + "    public static String run() {\n"
                + "        SmsResponse response = new SmsResponse(null, null, null, 0, 13, null, true);\n"
                + "        Map<String, String> raw = DeliveryReport.fromQuery(\"ID=x\").raw();\n"
                + "        try (MittoClient client = MittoClient.builder().apiKey(\"k\").httpClient(null).build()) {\n"
                + "            return response.id() + \" \" + raw + \" \" + client;\n"
                + "        }\n"
                + "    }\n"
                + "}\n");
        List<Path> path = new ArrayList<>(List.of(Modules.classes(SDK)));
        path.addAll(Modules.jars(Modules.RUNTIME_JARS));

        assertThat(Modules.compile(work, source, Modules.modulePath(path)).printed()).isEmpty();
    }

    /**
     * What javac's {@code exports} lint would say, which the build turns off (it flags every JSpecify annotation,
     * from a module required static only): the exported API's signatures name only types an application can see,
     * from {@code java.base}, a module required transitively ({@code okhttp3}) and the SDK's exported packages.
     * Not Jackson, SLF4J or the SDK's internals.
     */
    @Test
    void theExportedApiNamesOnlyTypesAnApplicationCanSee() throws Exception {
        ModuleDescriptor module = Modules.descriptor(Modules.classes(SDK));
        assertThat(module.requires().stream()
                .filter(r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE))
                .map(ModuleDescriptor.Requires::name).collect(Collectors.toSet())).containsExactly("okhttp3");

        Modules.Leaks leaks = Modules.apiLeaks(Modules.classes(SDK),
                (pkg, used) -> used.getPackageName().startsWith("okhttp3"));

        assertThat(leaks.types()).as("public types found in the exported packages").isGreaterThan(30);
        assertThat(leaks.leaks()).isEmpty();
    }
}
