package net.mittoapi.sms.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

/**
 * What the module tests of the SDK and of the sandbox share: the module as built (its jar under {@code mvn verify},
 * its classes when failsafe runs without packaging), the jars a modular application would put on its module path,
 * javac and java run as processes, and the check that an exported API names only types an application can see. In
 * the SDK's test-jar, for the sandbox's tests.
 */
public final class Modules {

    /** The SDK's compile-scope dependencies an application gets from Maven: not the optional ones. */
    public static final List<String> RUNTIME_JARS = List.of("okhttp-jvm-", "okio-jvm-", "kotlin-stdlib-",
            "annotations-13", "jackson-databind-", "jackson-core-", "jackson-annotations-", "slf4j-api-");
    /** JUnit's API and what it requires, as a test module has them. */
    public static final List<String> JUNIT_JARS = List.of("junit-jupiter-api-", "junit-platform-commons-",
            "opentest4j-", "apiguardian-api-");

    private Modules() {
    }

    /**
     * @param name a module's name
     * @return the class path entry that holds that module's {@code module-info.class}: its compiled classes, or
     *         its jar
     */
    public static Path classes(String name) {
        return classPath().stream().filter(entry -> Files.isRegularFile(entry.resolve("module-info.class")))
                .filter(entry -> name.equals(descriptor(entry).name())).findFirst()
                .orElseGet(() -> jarOf(name));
    }

    /**
     * @param classes a module's classes or jar
     * @return its descriptor
     */
    public static ModuleDescriptor descriptor(Path classes) {
        try {
            if (Files.isDirectory(classes)) {
                try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
                    return ModuleDescriptor.read(in);
                }
            }
            try (var jar = new java.util.jar.JarFile(classes.toFile())) {
                try (InputStream in = jar.getInputStream(jar.getEntry("module-info.class"))) {
                    return ModuleDescriptor.read(in);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param prefix the start of a jar's file name, such as {@code okhttp-jvm-}
     * @return that jar, found on this test's class path
     */
    public static Path jar(String prefix) {
        return classPath().stream().filter(entry -> entry.getFileName().toString().startsWith(prefix)
                && entry.toString().endsWith(".jar")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + "*.jar on the test class path"));
    }

    /**
     * @param entries module path entries
     * @return them joined as a module path; never with JSpecify, which applications need not have
     */
    public static String modulePath(List<Path> entries) {
        List<String> path = entries.stream().map(Path::toString).collect(Collectors.toList());
        assertThat(path).noneMatch(entry -> entry.contains("jspecify"));
        return String.join(File.pathSeparator, path);
    }

    /**
     * @param prefixes jar name prefixes
     * @return the jars, found on this test's class path
     */
    public static List<Path> jars(List<String> prefixes) {
        return prefixes.stream().map(Modules::jar).collect(Collectors.toList());
    }

    /**
     * Writes a module's sources.
     *
     * @param work       where
     * @param module     its name, also its only package
     * @param descriptor its {@code module-info.java}
     * @param className  the simple name of its class
     * @param source     the class's source
     * @return the module's source root
     */
    public static Path write(Path work, String module, String descriptor, String className, String source)
            throws IOException {
        Path root = work.resolve("src-" + module);
        Path type = root.resolve(module).resolve(className + ".java");
        Files.createDirectories(type.getParent());
        Files.writeString(root.resolve("module-info.java"), descriptor, StandardCharsets.UTF_8);
        Files.writeString(type, source, StandardCharsets.UTF_8);
        return root;
    }

    /**
     * Compiles a module with the JDK's own javac (a process: the tests may run inside a module that does not read
     * {@code java.compiler}), every lint on, warnings as errors; fails unless javac exits 0.
     *
     * @param work       a scratch folder
     * @param root       the module's source root
     * @param modulePath its module path
     * @return where the classes went, and what javac printed, line by line (empty when it compiled without a word)
     */
    public static Compiled compile(Path work, Path root, String modulePath) throws IOException, InterruptedException {
        Path out = work.resolve("out-" + root.getFileName());
        List<String> command = new ArrayList<>(List.of(tool("javac"), "--release", "17", "-Xlint:all", "-Werror",
                "-d", out.toString(), "--module-path", modulePath));
        try (var files = Files.walk(root)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> command.add(file.toString()));
        }
        List<String> printed = run(work, command, "javac-" + root.getFileName());
        return new Compiled(out, printed);
    }

    /**
     * Runs a command to its end (at most two minutes); fails unless it exits 0.
     *
     * @param work    where its output is kept
     * @param command the command
     * @param name    a name for its log
     * @return what it printed, stdout and stderr merged, line by line
     */
    public static List<String> run(Path work, List<String> command, String name)
            throws IOException, InterruptedException {
        Path log = work.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command.get(0) + " did not finish within 120 s");
        }
        List<String> printed = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("exit code of %s; it printed %s", command, printed).isZero();
        return printed;
    }

    /**
     * @param name a JDK tool, such as {@code javac} or {@code jlink}
     * @return its path in the JDK that runs the tests
     */
    public static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    /**
     * What an exported API names that an application cannot see: every type in the public and protected
     * signatures of the public types of a module's exported packages (supertypes, members, type arguments),
     * judged by {@code visible(package of the exported type, used type)}.
     *
     * @param classes the module's compiled classes, or its jar
     * @param visible whether a type an exported package uses is visible to an application
     * @return "type uses type" for each leak, and the number of API types checked
     */
    public static Leaks apiLeaks(Path classes, BiPredicate<String, Class<?>> visible)
            throws IOException, ClassNotFoundException {
        ModuleDescriptor module = descriptor(classes);
        Set<String> exported = module.exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
        List<String> leaks = new ArrayList<>();
        int types = 0;
        // The integration phase (failsafe) puts the packaged jar on the class path, the unit phase the classes.
        try (FileSystem jar = Files.isDirectory(classes) ? null : FileSystems.newFileSystem(classes)) {
            Path root = jar == null ? classes : jar.getPath("/");
            for (String pkg : exported) {
                try (var files = Files.list(root.resolve(pkg.replace('.', '/')))) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList())) {
                        String name = pkg + "." + file.getFileName().toString().replace(".class", "");
                        Class<?> type = Class.forName(name, false, Modules.class.getClassLoader());
                        if (!isApi(type)) {
                            continue;
                        }
                        types++;
                        for (Class<?> used : signatureTypes(type)) {
                            boolean seen = used.isPrimitive() || exported.contains(used.getPackageName())
                                    || used.getPackageName().startsWith("java.")
                                            && "java.base".equals(used.getModule().getName())
                                    || visible.test(pkg, used);
                            if (!seen) {
                                leaks.add(name + " uses " + used.getName());
                            }
                        }
                    }
                }
            }
        }
        return new Leaks(leaks, types);
    }

    /**
     * A compiled module.
     *
     * @param classes where its classes are
     * @param printed what javac printed
     */
    public record Compiled(Path classes, List<String> printed) {
    }

    /**
     * The result of {@link #apiLeaks}.
     *
     * @param leaks "type uses type" for each type an application cannot see
     * @param types how many API types were checked
     */
    public record Leaks(List<String> leaks, int types) {
    }

    private static Path jarOf(String module) {
        return classPath().stream().filter(entry -> entry.toString().endsWith(".jar"))
                .filter(entry -> {
                    try (var jar = new java.util.jar.JarFile(entry.toFile())) {
                        return jar.getEntry("module-info.class") != null && module.equals(descriptor(entry).name());
                    } catch (IOException e) {
                        return false;
                    }
                }).findFirst()
                .orElseThrow(() -> new AssertionError("no module " + module + " on " + classPath()));
    }

    private static List<Path> classPath() {
        return List.of(System.getProperty("java.class.path").split(File.pathSeparator)).stream()
                .map(Path::of).collect(Collectors.toList());
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
}
