package net.mittoapi.sms.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Requires;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.mittoapi.sms.modules.Modules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox's module as a modular test meets it: {@code net.mittoapi.sms.sandbox} requires the SDK transitively
 * (its API names the SDK's types), the JDK's HTTP server, and JUnit and JSpecify as static (optional) dependencies
 * only: a test module with JUnit but without JSpecify uses the extension without a warning.
 */
class SandboxModuleInfoIT {

    private static final String SANDBOX = "net.mittoapi.sms.sandbox";

    @TempDir
    Path work;

    @Test
    void theOptionalDependenciesAreRequiredStaticOnly() {
        ModuleDescriptor module = Modules.descriptor(Modules.classes(SANDBOX));

        assertThat(module.requires()).filteredOn(r -> r.name().equals("org.jspecify")
                || r.name().equals("org.junit.jupiter.api")).hasSize(2).allSatisfy(r -> assertThat(r.modifiers())
                .as(r.name()).containsExactly(Requires.Modifier.STATIC));
        assertThat(module.requires()).filteredOn(r -> r.name().equals("net.mittoapi.sms")).singleElement()
                .satisfies(r -> assertThat(r.modifiers()).containsExactly(Requires.Modifier.TRANSITIVE));
        assertThat(module.requires()).extracting(Requires::name).contains("jdk.httpserver");
    }

    @Test
    void aTestModuleWithJUnitButWithoutJSpecifyUsesTheExtensionWithoutAWarning() throws Exception {
        Path source = Modules.write(work, "apptest", "module apptest {\n    requires net.mittoapi.sms.sandbox;\n"
                + "    requires org.junit.jupiter.api;\n}\n", "AppTest",
                "package apptest;\n\n"
                + "import net.mittoapi.sms.MittoClient;\n"
                + "import net.mittoapi.sms.sandbox.MittoSandbox;\n"
                + "import net.mittoapi.sms.sandbox.junit.MittoSandboxExtension;\n"
                + "import org.junit.jupiter.api.Test;\n"
                + "import org.junit.jupiter.api.extension.ExtendWith;\n"
                + "import org.junit.jupiter.api.extension.RegisterExtension;\n\n"
                + "@ExtendWith(MittoSandboxExtension.class)\n"
                + "public class AppTest {\n"
                + "    @RegisterExtension\n"
                + "    static final MittoSandboxExtension OTHER = new MittoSandboxExtension()\n"
                + "            .withClient(client -> client.maxRetries(0));\n\n"
                + "    @Test\n"
                + "    void sends(MittoSandbox sandbox, MittoClient client) {\n"
                + "        System.out.println(sandbox.baseUrl() + client);\n"
                + "    }\n"
                + "}\n");
        List<Path> path = new ArrayList<>(List.of(Modules.classes(SANDBOX), Modules.classes("net.mittoapi.sms")));
        path.addAll(Modules.jars(Modules.RUNTIME_JARS));
        path.addAll(Modules.jars(Modules.JUNIT_JARS));

        assertThat(Modules.compile(work, source, Modules.modulePath(path)).printed()).isEmpty();
    }

    /**
     * The exported API names only types a test module can see: {@code java.base}, the SDK (required transitively),
     * okhttp3 (which the SDK requires transitively), and JUnit in {@code sandbox.junit} alone. Not Jackson, SLF4J or
     * {@code com.sun.net.httpserver}.
     */
    @Test
    void theExportedApiNamesOnlyTypesATestModuleCanSee() throws Exception {
        Set<String> sdk = Modules.descriptor(Modules.classes("net.mittoapi.sms")).exports().stream()
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        Modules.Leaks leaks = Modules.apiLeaks(Modules.classes(SANDBOX), (pkg, used) -> {
            String usedPackage = used.getPackageName();
            return sdk.contains(usedPackage) || usedPackage.startsWith("okhttp3")
                    || pkg.equals("net.mittoapi.sms.sandbox.junit") && usedPackage.startsWith("org.junit.jupiter.api");
        });

        assertThat(leaks.types()).as("public types found in the exported packages").isGreaterThan(5);
        assertThat(leaks.leaks()).isEmpty();
    }
}
