package net.mittoapi.sms.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Every Java snippet of README.md and docs/*.md compiles as shown, imports included, and the runnable ones run.
 *
 * <p>The convention (CONTRIBUTING.md, "Snippets in the docs"), read from each fence's info string:
 * <ul>
 *   <li>{@code ```java}: compiled with {@code -Xlint:all -Werror} against the SDK, the sandbox, the Spring Boot starter
 *       and what the snippets import (JUnit, AssertJ, Spring, Hazelcast). A snippet that declares a top-level type (a
 *       line that starts with {@code class}, {@code record}, {@code interface}, {@code enum}, or one of these after
 *       modifiers) is a compilation unit and is compiled as it is, in its own package. Any other snippet is a
 *       fragment: its leading {@code import} lines stay imports, the rest becomes the body of a method.</li>
 *   <li>{@code ```java given: TYPE NAME; TYPE NAME}: a fragment that uses variables it does not declare (a client
 *       built elsewhere): they become the method's parameters. Types are written fully qualified, since the reader
 *       does not see these imports.</li>
 *   <li>{@code ```java run}: a class whose {@code main} is run in a JVM of its own and must end with status 0 within
 *       two minutes. A {@code ```text output} block after it is what it prints, compared line by line with 32-digit
 *       hex ids and loopback ports masked.</li>
 *   <li>A compiled snippet that holds {@code @Test} methods is run through the JUnit engine: every test must pass.</li>
 *   <li>Shell, properties, XML and output go in fences named for their language ({@code bash}, {@code properties},
 *       {@code xml}, {@code text}, ...), which are not compiled; a fence of another language that holds Java (an
 *       {@code import} or a class declaration) fails this test, so that no snippet escapes it.</li>
 * </ul>
 * Each snippet is compiled on its own (two pages may show classes of the same name). Snippets are compiled in this
 * JVM with the JDK's compiler; a failure names the page and line of the snippet and prints javac's diagnostics
 * against the source as compiled.
 */
class DocSnippetsTest {

    /** Where the pages are, from this project's directory (surefire's working directory). */
    private static final Path ROOT = Path.of("..");

    private static final Pattern FENCE = Pattern.compile("^```(.*)$");
    /** A top-level type: a declaration at the start of a line (nested ones are indented). */
    private static final Pattern TOP_LEVEL_TYPE = Pattern.compile("(?m)^(?:(?:public|final|abstract|sealed|non-sealed)"
            + "\\s+)*(class|record|interface|enum|@interface)\\s+(\\w+)");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?[\\w.]+(\\.\\*)?\\s*;\\s*$");
    /** What only Java looks like: an import of a class or package, or a class declaration with its brace. */
    private static final Pattern JAVA_LIKE = Pattern.compile("(?m)^(import\\s+(static\\s+)?[a-z][\\w.]*\\.([A-Z]\\w*|\\*)"
            + "\\s*;|(public\\s+)?(final\\s+)?class\\s+\\w+.*\\{)\\s*$");
    /** A Markdown link or image target, outside code: {@code [text](target)}. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    /** A fenced block of a page. */
    record Block(Path page, int line, String info, String code) {
        String language() {
            String trimmed = info.strip();
            int space = trimmed.indexOf(' ');
            return (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(Locale.ROOT);
        }

        /** @return the words after the language */
        String attributes() {
            String trimmed = info.strip();
            int space = trimmed.indexOf(' ');
            return space < 0 ? "" : trimmed.substring(space + 1).strip();
        }

        boolean runs() {
            return language().equals("java") && (attributes().equals("run") || attributes().startsWith("run "));
        }

        String where() {
            return ROOT.relativize(page).toString().replace(File.separatorChar, '/') + ":" + line;
        }
    }

    @TempDir
    static Path work;

    // ---- the pages ----

    /** @return README.md and every docs/*.md, in a stable order */
    static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** @return the fenced blocks of a page, in order; an unclosed fence fails */
    static List<Block> blocks(Path page) throws IOException {
        List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            int start = i;
            StringBuilder code = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).equals("```"); i++) {
                code.append(lines.get(i)).append('\n');
            }
            assertThat(i).as("%s:%d: a fence that is never closed", page, start + 1).isLessThan(lines.size());
            blocks.add(new Block(page, start + 1, open.group(1), code.toString()));
        }
        return blocks;
    }

    static List<Block> allBlocks() throws IOException {
        List<Block> all = new ArrayList<>();
        for (Path page : pages()) {
            all.addAll(blocks(page));
        }
        return all;
    }

    // ---- the tests ----

    @TestFactory
    Stream<DynamicTest> everyJavaSnippetCompilesAsShownAndTheRunnableOnesRun() throws IOException {
        List<Block> all = allBlocks();
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Block block = all.get(i);
            if (!block.language().equals("java")) {
                continue;
            }
            Block output = null;
            if (block.runs()) {
                for (int j = i + 1; j < all.size() && all.get(j).page().equals(block.page()); j++) {
                    if (all.get(j).info().strip().equals("text output")) {
                        output = all.get(j);
                        break;
                    }
                    if (all.get(j).language().equals("java")) {
                        break;
                    }
                }
            }
            Block expected = output;
            tests.add(DynamicTest.dynamicTest(block.where(), () -> check(block, expected)));
        }
        assertThat(tests).as("the Java snippets of README.md and docs/").hasSizeGreaterThan(20);
        return tests.stream();
    }

    @Test
    void noJavaHidesInAFenceOfAnotherLanguage() throws IOException {
        List<String> hidden = new ArrayList<>();
        for (Block block : allBlocks()) {
            if (!block.language().equals("java") && JAVA_LIKE.matcher(block.code()).find()) {
                hidden.add(block.where() + " (```" + block.info() + ")");
            }
        }
        assertThat(hidden).as("blocks that hold Java but are not fenced as java, so that nothing compiles them")
                .isEmpty();
    }

    @Test
    void theReadmesQuickStartIsTheExampleThatRuns() throws IOException {
        Path example = Path.of("src/main/java/net/mittoapi/sms/examples/QuickStart.java");
        List<Block> quickStart = blocks(ROOT.resolve("README.md")).stream()
                .filter(block -> block.language().equals("java") && block.code().contains("class QuickStart")).toList();
        assertThat(quickStart).as("README.md's blocks declaring class QuickStart").singleElement()
                .satisfies(block -> {
                    assertThat(block.runs()).as("the quick start is marked to run").isTrue();
                    assertThat(block.code()).as("README.md's quick start and %s", example)
                            .isEqualTo(Files.readString(example, StandardCharsets.UTF_8));
                });
    }

    @Test
    void everyLinkIntoThisRepositoryFindsItsFileAndSection() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages()) {
            for (String target : links(page)) {
                if (target.matches("[a-z]+:.*")) {
                    continue;   // https:, mailto:: outside the repository
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path linked = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                checked++;
                if (!Files.exists(linked)) {
                    broken.add(page + ": " + target + " (no file " + linked + ")");
                } else if (hash >= 0 && !anchors(linked).contains(target.substring(hash + 1))) {
                    broken.add(page + ": " + target + " (no section of that name in " + linked + ")");
                }
            }
        }
        assertThat(checked).as("links checked").isGreaterThan(50);
        assertThat(broken).as("links of README.md and docs/ that lead nowhere").isEmpty();
    }

    /** @return the link targets of a page, outside its fenced blocks and inline code */
    static List<String> links(Path page) throws IOException {
        List<String> targets = new ArrayList<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (!fenced) {
                Matcher link = LINK.matcher(line.replaceAll("`[^`]*`", ""));
                while (link.find()) {
                    targets.add(link.group(1));
                }
            }
        }
        return targets;
    }

    /** @return the anchors GitHub gives a Markdown file's headings: lower case, punctuation dropped, '-' for ' ' */
    static List<String> anchors(Path file) throws IOException {
        List<String> anchors = new ArrayList<>();
        if (!file.toString().endsWith(".md")) {
            return anchors;
        }
        boolean fenced = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced && line.matches("#{1,6} .*")) {
                String anchor = line.replaceFirst("#+ ", "").strip().toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
                String unique = anchor;
                for (int n = 1; anchors.contains(unique); n++) {
                    unique = anchor + "-" + n;
                }
                anchors.add(unique);
            }
        }
        return anchors;
    }

    // ---- one snippet ----

    private static void check(Block block, Block output) throws Exception {
        Path dir = Files.createDirectories(work.resolve(block.where().replaceAll("[^A-Za-z0-9]", "_")));
        Path sources = Files.createDirectories(dir.resolve("src"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Matcher type = TOP_LEVEL_TYPE.matcher(block.code());
        String source;
        String className;
        if (type.find()) {
            assertThat(block.attributes()).as("%s: 'given:' is for fragments; this snippet declares %s",
                    block.where(), type.group(2)).doesNotStartWith("given:");
            source = block.code();
            Matcher pkg = PACKAGE.matcher(source);
            String packageName = pkg.find() ? pkg.group(1) : "";
            className = (packageName.isEmpty() ? "" : packageName + ".") + publicTypeOr(source, type.group(2));
        } else {
            assertThat(block.runs()).as("%s: a fragment has no main to run", block.where()).isFalse();
            source = wrap(block);
            className = "Snippet";
        }
        Path file = sources.resolve(className.replace('.', File.separatorChar) + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source, StandardCharsets.UTF_8);
        compile(block, file, source, classes);

        if (block.code().contains("@Test")) {
            runTests(block, classes, className);
        }
        if (block.runs()) {
            run(block, classes, className, output);
        }
    }

    /** @return the name of the snippet's public top-level type, else the first one's */
    private static String publicTypeOr(String source, String first) {
        Matcher publicType = Pattern.compile("(?m)^public\\s+(?:(?:final|abstract|sealed)\\s+)*"
                + "(?:class|record|interface|enum|@interface)\\s+(\\w+)").matcher(source);
        return publicType.find() ? publicType.group(1) : first;
    }

    /** A fragment: its imports, then the rest as the body of a method whose parameters are the 'given' variables. */
    private static String wrap(Block block) {
        List<String> lines = block.code().lines().toList();
        StringBuilder imports = new StringBuilder();
        int first = 0;
        while (first < lines.size() && (lines.get(first).isBlank() || IMPORT.matcher(lines.get(first)).matches())) {
            imports.append(lines.get(first)).append('\n');
            first++;
        }
        String parameters = "";
        String attributes = block.attributes();
        if (attributes.startsWith("given:")) {
            parameters = String.join(", ", Stream.of(attributes.substring("given:".length()).split(";"))
                    .map(String::strip).filter(p -> !p.isEmpty()).toList());
        } else {
            assertThat(attributes).as("%s: unknown attributes after java", block.where()).isEmpty();
        }
        StringBuilder source = new StringBuilder(imports).append("\nclass Snippet {\n")
                .append("    static void snippet(").append(parameters).append(") throws Exception {\n");
        for (String line : lines.subList(first, lines.size())) {
            source.append("        ").append(line).append('\n');
        }
        return source.append("    }\n}\n").toString();
    }

    private static String classPath() {
        // surefire may start the tests from a manifest-only jar: its own property holds the real class path.
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static void compile(Block block, Path file, String source, Path classes) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean compiled = javac.getTask(diagnostics, null, null, List.of("-proc:none", "-Xlint:all,-path,-processing",
                "-Werror", "-encoding", "UTF-8", "-classpath", classPath(), "-d", classes.toString()), null,
                javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8).getJavaFileObjects(file))
                .call();
        assertThat(compiled).as("%s: the snippet does not compile as shown:%n%s%nas compiled:%n%s", block.where(),
                diagnostics, numbered(source)).isTrue();
    }

    private static void runTests(Block block, Path classes, String className) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                DocSnippetsTest.class.getClassLoader())) {
            Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(loader.loadClass(className)))
                    .execute().testEvents();
            assertThat(tests.started().count()).as("%s: tests run", block.where()).isPositive();
            assertThat(tests.failed().count() + tests.aborted().count())
                    .as("%s: tests that did not pass: %s", block.where(), tests.failed().list()).isZero();
            assertThat(tests.succeeded().count()).isEqualTo(tests.started().count());
        }
    }

    private static void run(Block block, Path classes, String className, Block output) throws Exception {
        Path arguments = classes.resolveSibling("java.args");
        Files.write(arguments, List.of("-cp", quoted(classes + File.pathSeparator + classPath()), className),
                StandardCharsets.UTF_8);
        Path log = classes.resolveSibling("run.log");
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + arguments).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = java.waitFor(2, TimeUnit.MINUTES);
        if (!ended) {
            java.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String printed = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(ended).as("%s: main ended within 2 minutes; it printed:%n%s", block.where(), printed).isTrue();
        assertThat(java.exitValue()).as("%s: main's exit status; it printed:%n%s", block.where(), printed).isZero();
        if (output != null) {
            assertThat(masked(printed)).as("%s: what main printed, against %s", block.where(), output.where())
                    .isEqualTo(masked(output.code()));
        }
    }

    /** @return the text with what differs from run to run masked: 32-digit hex ids, loopback ports */
    static String masked(String text) {
        return text.replaceAll("\\b[0-9a-f]{32}\\b", "<id>").replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:<port>")
                .replace("\r\n", "\n").strip();
    }

    private static String quoted(String argument) {
        return "\"" + argument.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String numbered(String source) {
        StringBuilder out = new StringBuilder();
        List<String> lines = source.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            out.append(String.format("%4d  %s%n", i + 1, lines.get(i)));
        }
        return out.toString();
    }
}
