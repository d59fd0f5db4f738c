package net.mittoapi.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The module descriptor as a modular application meets it: the SDK compiled as a named module (its
 * {@code target/classes}), an application module that {@code requires net.mittoapi.sms}, and javac with every lint
 * on and warnings as errors. The optional dependencies must stay optional there too: an application without JUnit
 * or JSpecify on its module path compiles, without a warning.
 */
class ModuleInfoTest {

    /** The SDK's compile-scope dependencies an application gets from Maven: not the optional ones. */
    private static final List<String> RUNTIME_JARS = List.of("okhttp-jvm-", "okio-jvm-", "kotlin-stdlib-",
            "annotations-13", "jackson-databind-", "jackson-core-", "jackson-annotations-", "slf4j-api-");
    private static final List<String> JUNIT_JARS = List.of("junit-jupiter-api-", "junit-platform-commons-",
            "opentest4j-", "apiguardian-api-");

    @TempDir
    Path work;

    @Test
    void theOptionalDependenciesAreRequiredStaticOnly() throws IOException {
        ModuleDescriptor module = descriptor();

        assertThat(module.requires()).filteredOn(r -> r.name().equals("org.jspecify")
                || r.name().equals("org.junit.jupiter.api")).hasSize(2).allSatisfy(r -> assertThat(r.modifiers())
                .as(r.name()).containsExactly(ModuleDescriptor.Requires.Modifier.STATIC));
    }

    @Test
    void anApplicationModuleWithoutJUnitOrJSpecifyCompilesWithoutAWarning() throws Exception {
        Path source = write("app", "module app {\n    requires net.mittoapi.sms;\n}\n",
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

        assertThat(compile(source, modulePath(RUNTIME_JARS))).isEmpty();
    }

    @Test
    void aTestModuleWithJUnitButWithoutJSpecifyUsesTheExtensionWithoutAWarning() throws Exception {
        Path source = write("apptest", "module apptest {\n    requires net.mittoapi.sms;\n"
                + "    requires org.junit.jupiter.api;\n}\n",
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
        List<String> jars = new ArrayList<>(RUNTIME_JARS);
        jars.addAll(JUNIT_JARS);

        assertThat(compile(source, modulePath(jars))).isEmpty();
    }

    /**
     * What javac's {@code exports} lint would say, which the build turns off (it flags every JSpecify annotation,
     * from a module required static only): the exported API's signatures name only types an application can see,
     * from {@code java.base}, a module required transitively ({@code okhttp3}), the SDK's exported packages, and
     * JUnit in {@code sandbox.junit} alone. Not Jackson, SLF4J, {@code jdk.httpserver} or the SDK's internals.
     */
    @Test
    void theExportedApiNamesOnlyTypesAnApplicationCanSee() throws Exception {
        ModuleDescriptor module = descriptor();
        Set<String> exported = module.exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
        Set<String> transitive = module.requires().stream()
                .filter(r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE))
                .map(ModuleDescriptor.Requires::name).collect(Collectors.toSet());
        assertThat(transitive).containsExactly("okhttp3");
        List<String> leaks = new ArrayList<>();
        int types = 0;
        for (String pkg : exported) {
            try (var files = Files.list(classes().resolve(pkg.replace('.', '/')))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList())) {
                    String name = pkg + "." + file.getFileName().toString().replace(".class", "");
                    Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                    if (!isApi(type)) {
                        continue;
                    }
                    types++;
                    for (Class<?> used : signatureTypes(type)) {
                        String usedPackage = used.getPackageName();
                        boolean visible = used.isPrimitive() || exported.contains(usedPackage)
                                || usedPackage.startsWith("java.") && "java.base".equals(used.getModule().getName())
                                || usedPackage.startsWith("okhttp3")
                                || pkg.equals("net.mittoapi.sms.sandbox.junit")
                                        && usedPackage.startsWith("org.junit.jupiter.api");
                        if (!visible) {
                            leaks.add(name + " uses " + used.getName());
                        }
                    }
                }
            }
        }
        assertThat(types).as("public types found in the exported packages").isGreaterThan(40);
        assertThat(leaks).isEmpty();
    }

    /** A public type whose enclosing types are public too: part of the API. */
    private static boolean isApi(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            if (!Modifier.isPublic(t.getModifiers())) {
                return false;
            }
        }
        return !type.isSynthetic() && !type.isAnonymousClass();
    }

    /** Every class named in a type's public and protected signatures: supertypes, members, type arguments. */
    private static Set<Class<?>> signatureTypes(Class<?> type) {
        List<Type> named = new ArrayList<>();
        named.add(type.getGenericSuperclass());
        named.addAll(List.of(type.getGenericInterfaces()));
        for (Field field : type.getDeclaredFields()) {
            if (visible(field.getModifiers())) {
                named.add(field.getGenericType());
            }
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (visible(constructor.getModifiers())) {
                named.addAll(List.of(constructor.getGenericParameterTypes()));
                named.addAll(List.of(constructor.getGenericExceptionTypes()));
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (visible(method.getModifiers()) && !method.isSynthetic()) {
                named.add(method.getGenericReturnType());
                named.addAll(List.of(method.getGenericParameterTypes()));
                named.addAll(List.of(method.getGenericExceptionTypes()));
            }
        }
        Set<Class<?>> classes = new HashSet<>();
        Set<Type> seen = new HashSet<>();
        named.forEach(t -> collect(t, classes, seen));
        return classes;
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void collect(Type type, Set<Class<?>> classes, Set<Type> seen) {
        if (type == null || !seen.add(type)) {
            return;
        }
        if (type instanceof Class<?> c) {
            classes.add(c.isArray() ? c.getComponentType() : c);
        } else if (type instanceof ParameterizedType p) {
            collect(p.getRawType(), classes, seen);
            List.of(p.getActualTypeArguments()).forEach(t -> collect(t, classes, seen));
        } else if (type instanceof WildcardType w) {
            List.of(w.getUpperBounds()).forEach(t -> collect(t, classes, seen));
            List.of(w.getLowerBounds()).forEach(t -> collect(t, classes, seen));
        } else if (type instanceof GenericArrayType a) {
            collect(a.getGenericComponentType(), classes, seen);
        } else if (type instanceof TypeVariable<?> v) {
            List.of(v.getBounds()).forEach(t -> collect(t, classes, seen));
        }
    }

    private static ModuleDescriptor descriptor() throws IOException {
        try (InputStream in = Files.newInputStream(classes().resolve("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }

    /** The SDK's compiled classes, as an exploded module: the class path entry that holds module-info.class. */
    private static Path classes() {
        return classPath().stream().filter(entry -> Files.isRegularFile(entry.resolve("module-info.class")))
                .findFirst().orElseThrow(() -> new AssertionError("no module-info.class on " + classPath()));
    }

    private static List<Path> classPath() {
        return List.of(System.getProperty("java.class.path").split(File.pathSeparator)).stream()
                .map(Path::of).collect(Collectors.toList());
    }

    /** The SDK's classes and the jars named, found on this test's class path. */
    private static String modulePath(List<String> jarPrefixes) {
        List<String> path = new ArrayList<>();
        path.add(classes().toString());
        for (String prefix : jarPrefixes) {
            Path jar = classPath().stream().filter(entry -> entry.getFileName().toString().startsWith(prefix)
                    && entry.toString().endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + prefix + "*.jar on the test class path"));
            path.add(jar.toString());
        }
        assertThat(path).noneMatch(entry -> entry.contains("jspecify"));
        return String.join(File.pathSeparator, path);
    }

    private Path write(String module, String descriptor, String mainClass) throws IOException {
        Path root = work.resolve(module);
        Path type = root.resolve(module).resolve(mainClass.contains("class AppTest") ? "AppTest.java" : "App.java");
        Files.createDirectories(type.getParent());
        Files.writeString(root.resolve("module-info.java"), descriptor, StandardCharsets.UTF_8);
        Files.writeString(type, mainClass, StandardCharsets.UTF_8);
        return root;
    }

    /**
     * Runs the JDK's own javac (a process: the tests run inside the SDK's module, which does not read
     * {@code java.compiler}), every lint on, warnings as errors.
     *
     * @return what javac printed, line by line; empty when it compiled without a word
     */
    private List<String> compile(Path root, String modulePath) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "javac")
                .toString(), "--release", "17", "-Xlint:all", "-Werror", "-d",
                work.resolve("out-" + root.getFileName()).toString(), "--module-path", modulePath));
        try (var files = Files.walk(root)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> command.add(file.toString()));
        }
        Path log = work.resolve("javac-" + root.getFileName() + ".log");
        Process javac = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!javac.waitFor(120, TimeUnit.SECONDS)) {
            javac.destroyForcibly();
            throw new AssertionError("javac did not finish within 120 s");
        }
        List<String> printed = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(javac.exitValue()).as("javac's exit code for %s; it printed %s", root.getFileName(), printed)
                .isZero();
        return printed;
    }
}
