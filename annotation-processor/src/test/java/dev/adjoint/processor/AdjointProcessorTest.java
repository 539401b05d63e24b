package dev.adjoint.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.check.GradCheck;
import dev.adjoint.generator.AdjointGenerator;
import dev.adjoint.generator.GenerationRequest;
import dev.adjoint.generator.GenerationResult;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor against the plugin's road: javac with the processor (in process, and as the
 * {@code javac -processorpath} command a user types) writes the same adjoint classes, byte for
 * byte, as {@link AdjointGenerator#generate} for the same sources; the adjoint compiles in the same
 * compilation as code that calls it, and its gradient matches central differences; problems come
 * back as javac errors at the method, with the exact position in the text, and nothing is written.
 */
class AdjointProcessorTest {
    private static final String MODEL = """
            package p;

            import dev.adjoint.Differentiable;

            public class Model {
                @Differentiable(wrt = "w")
                public static double loss(double[] w, double[] x) {
                    double s = 0;
                    for (int i = 0; i < w.length; i++) {
                        s += Helpers.softplus(w[i] * x[i]);
                    }
                    return s + 0.5 * w[0] * w[0];
                }
            }
            """;

    /** A plain helper in another file: the generator differentiates it because {@code loss} calls it. */
    private static final String HELPERS = """
            package p;

            public final class Helpers {
                private Helpers() {}

                static double softplus(double z) {
                    return Math.log1p(Math.exp(z));
                }
            }
            """;

    /** Calls the adjoint generated in the same compilation. */
    private static final String TRAINER = """
            package p;

            public final class Trainer {
                private Trainer() {}

                public static double step(double[] w, double[] x, double[] dw) {
                    return ModelAdjoint.lossGrad(w, x, dw);
                }
            }
            """;

    /** Recursion, which the static strategy does not take (line 9). */
    private static final String BROKEN = """
            package q;

            import dev.adjoint.Differentiable;
            import dev.adjoint.Strategy;

            public class Bad {
                @Differentiable(strategy = Strategy.STATIC)
                static double f(double x) {
                    return x < 1 ? x : f(x - 1) * x;
                }
            }
            """;

    @Test
    void writesThePluginsClassesAndTheyWork(@TempDir Path dir) throws Exception {
        Path src = sources(
                dir.resolve("src"),
                Map.of("p/Model.java", MODEL, "p/Helpers.java", HELPERS, "p/Trainer.java", TRAINER));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path generated = Files.createDirectories(dir.resolve("generated"));
        DiagnosticCollector<JavaFileObject> diagnostics = compile(src, classes, generated, List.of());
        assertTrue(
                diagnostics.getDiagnostics().stream().noneMatch(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR),
                diagnostics.getDiagnostics().toString());

        Path plugin = dir.resolve("plugin");
        GenerationResult result = AdjointGenerator.generate(GenerationRequest.of(List.of(src), plugin));
        assertFalse(result.hasErrors(), result.diagnostics().toString());
        assertEquals(files(plugin), files(generated), "the processor writes what the plugin writes");
        assertTrue(
                files(generated).containsKey("p/ModelAdjoint.java"),
                files(generated).keySet().toString());

        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Method loss = loader.loadClass("p.Model").getMethod("loss", double[].class, double[].class);
            Method step =
                    loader.loadClass("p.Trainer").getMethod("step", double[].class, double[].class, double[].class);
            double[] w = {0.5, -1.25, 2.0};
            double[] x = {1.5, 0.25, -0.75};
            double[] dw = new double[3];
            double value = (double) step.invoke(null, w, x, dw);
            assertEquals((double) loss.invoke(null, w, x), value, 0.0);
            double[] numeric = GradCheck.centralDifferences(
                    v -> {
                        try {
                            return (double) loss.invoke(null, v, x);
                        } catch (ReflectiveOperationException e) {
                            throw new AssertionError(e);
                        }
                    },
                    w);
            assertArrayEquals(numeric, dw, 1e-8);
        }
    }

    /**
     * A project compiled with {@code -Xlint:all -Werror} builds: javac warns of annotations no processor claims, so the
     * processor claims its own ({@code @Differentiable} in the sources, {@code @AdjointGenerated} on what it writes).
     */
    @Test
    void compilesWithEveryLintWarningAnError(@TempDir Path dir) throws Exception {
        Path src = sources(
                dir.resolve("src"),
                Map.of("p/Model.java", MODEL, "p/Helpers.java", HELPERS, "p/Trainer.java", TRAINER));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path generated = Files.createDirectories(dir.resolve("generated"));
        DiagnosticCollector<JavaFileObject> diagnostics =
                compile(src, classes, generated, List.of("-Xlint:all", "-Werror"));
        assertTrue(
                diagnostics.getDiagnostics().stream()
                        .noneMatch(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR
                                || d.getKind() == javax.tools.Diagnostic.Kind.WARNING
                                || d.getKind() == javax.tools.Diagnostic.Kind.MANDATORY_WARNING),
                diagnostics.getDiagnostics().toString());
        assertTrue(Files.exists(classes.resolve("p/ModelAdjoint.class")));
    }

    @Test
    void javacWithProcessorPathFromTheCommandLine(@TempDir Path dir) throws Exception {
        Path src = sources(
                dir.resolve("src"),
                Map.of("p/Model.java", MODEL, "p/Helpers.java", HELPERS, "p/Trainer.java", TRAINER));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path generated = Files.createDirectories(dir.resolve("generated"));
        // what a user types: the runtime on the class path, the processor and its dependencies on the processor path
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                "-processorpath",
                System.getProperty("java.class.path"),
                "-cp",
                runtimeJarOrClasses(),
                "-d",
                classes.toString(),
                "-s",
                generated.toString()));
        try (Stream<Path> s = Files.walk(src)) {
            s.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> command.add(f.toString()));
        }
        Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(javac.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, javac.exitValue(), output);
        Path plugin = dir.resolve("plugin");
        AdjointGenerator.generate(GenerationRequest.of(List.of(src), plugin));
        assertEquals(files(plugin), files(generated));
        assertTrue(Files.exists(classes.resolve("p/ModelAdjoint.class")));
    }

    @Test
    void problemsAreJavacErrorsAtTheMethodAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path src = sources(
                dir.resolve("src"), Map.of("q/Bad.java", BROKEN, "p/Model.java", MODEL, "p/Helpers.java", HELPERS));
        Path generated = Files.createDirectories(dir.resolve("generated"));
        DiagnosticCollector<JavaFileObject> diagnostics =
                compile(src, Files.createDirectories(dir.resolve("classes")), generated, List.of());
        List<javax.tools.Diagnostic<? extends JavaFileObject>> errors = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                .toList();
        assertFalse(errors.isEmpty());
        javax.tools.Diagnostic<? extends JavaFileObject> first = errors.get(0);
        String message = first.getMessage(Locale.ROOT);
        assertTrue(message.startsWith("adjoint: Bad.java:[9,") && message.contains("recursive"), message);
        assertTrue(
                first.getSource().getName().endsWith("Bad.java"),
                first.getSource().getName());
        assertEquals(8, first.getLineNumber(), "reported at the method that holds the problem");
        assertEquals(Map.of(), files(generated), "no partial output");
    }

    /**
     * The plugin and the processor both configured: the plugin's adjoint is a source of the
     * compilation when the processor would write the same class. One error at that class says to
     * use one of the two (before: the Filer's "Attempt to recreate a file"), and nothing is written.
     */
    @Test
    void theClassThePluginWroteAlreadyInTheCompilationIsOneClearError(@TempDir Path dir) throws Exception {
        Path src = sources(dir.resolve("src"), Map.of("p/Model.java", MODEL, "p/Helpers.java", HELPERS));
        AdjointGenerator.generate(GenerationRequest.of(List.of(src), src)); // the plugin's output among the sources
        assertTrue(Files.exists(src.resolve("p/ModelAdjoint.java")));
        Path generated = Files.createDirectories(dir.resolve("generated"));
        DiagnosticCollector<JavaFileObject> diagnostics =
                compile(src, Files.createDirectories(dir.resolve("classes")), generated, List.of());
        List<javax.tools.Diagnostic<? extends JavaFileObject>> errors = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                .toList();
        assertEquals(1, errors.size(), errors.toString());
        String message = errors.get(0).getMessage(Locale.ROOT);
        assertTrue(
                message.startsWith(
                        "adjoint: p.HelpersAdjoint, p.ModelAdjoint are already a source of this compilation"),
                message);
        assertTrue(message.contains("not both"), message);
        assertTrue(errors.get(0).getSource().getName().endsWith("HelpersAdjoint.java"));
        assertEquals(Map.of(), files(generated), "nothing written");
    }

    @Test
    void aTapeFallbackIsAWarningOrWithTheOptionAnError(@TempDir Path dir) throws Exception {
        String auto = BROKEN.replace("(strategy = Strategy.STATIC)", "").replace("import dev.adjoint.Strategy;\n", "");
        Path src = sources(dir.resolve("src"), Map.of("q/Bad.java", auto));
        DiagnosticCollector<JavaFileObject> warned = compile(
                src, Files.createDirectories(dir.resolve("c1")), Files.createDirectories(dir.resolve("g1")), List.of());
        assertTrue(
                warned.getDiagnostics().stream()
                        .anyMatch(d -> d.getKind() == javax.tools.Diagnostic.Kind.WARNING
                                && d.getMessage(Locale.ROOT).startsWith("adjoint: q.Bad#f: tape, because ")
                                // at the method (line 7 here), where an IDE shows it, not a warning of no file
                                && d.getSource() != null
                                && d.getSource().getName().endsWith("Bad.java")
                                && d.getLineNumber() == 7),
                warned.getDiagnostics().toString());
        assertTrue(files(dir.resolve("g1")).containsKey("q/BadAdjoint.java"));
        DiagnosticCollector<JavaFileObject> failed = compile(
                src,
                Files.createDirectories(dir.resolve("c2")),
                Files.createDirectories(dir.resolve("g2")),
                List.of("-A" + AdjointProcessor.FAIL_ON_TAPE_FALLBACK + "=true"));
        assertTrue(
                failed.getDiagnostics().stream()
                        .anyMatch(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR
                                && d.getMessage(Locale.ROOT).contains("adjoint.failOnTapeFallback")),
                failed.getDiagnostics().toString());
        assertEquals(Map.of(), files(dir.resolve("g2")));
    }

    @Test
    void declaredToGradleAsAggregating() throws IOException {
        // the generator reads every file of the compilation (a method may call another file's), so the processor is not
        // isolating
        try (var in = getClass().getResourceAsStream("/META-INF/gradle/incremental.annotation.processors")) {
            assertEquals(
                    AdjointProcessor.class.getName() + ",aggregating",
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        }
        try (var in = getClass().getResourceAsStream("/META-INF/services/javax.annotation.processing.Processor")) {
            assertEquals(
                    AdjointProcessor.class.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        }
    }

    /**
     * Gradle's contract for an aggregating processor: it may read only annotations kept in class
     * files (CLASS or RUNTIME retention), since Gradle reprocesses from them; the processor reads
     * nothing else through the element API (the sources through javac's trees).
     */
    @Test
    void theAnnotationsItReadsAreKeptInClassFiles() throws ClassNotFoundException {
        for (String name : new AdjointProcessor().getSupportedAnnotationTypes()) {
            java.lang.annotation.Retention r = Class.forName(name).getAnnotation(java.lang.annotation.Retention.class);
            assertTrue(
                    r != null && r.value() != java.lang.annotation.RetentionPolicy.SOURCE,
                    name + " is kept only in sources");
        }
    }

    private static DiagnosticCollector<JavaFileObject> compile(
            Path src, Path classes, Path generated, List<String> extra) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm =
                        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
                Stream<Path> walk = Files.walk(src)) {
            List<File> files = walk.filter(f -> f.toString().endsWith(".java"))
                    .sorted()
                    .map(Path::toFile)
                    .toList();
            List<String> options = new ArrayList<>(List.of(
                    "-cp",
                    System.getProperty("java.class.path"),
                    "-d",
                    classes.toString(),
                    "-s",
                    generated.toString()));
            options.addAll(extra);
            JavaCompiler.CompilationTask task =
                    javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromFiles(files));
            task.setProcessors(List.of(new AdjointProcessor()));
            task.call();
        }
        return diagnostics;
    }

    private static Path sources(Path root, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path f = root.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
        }
        return root;
    }

    /** Every file under {@code root} by its relative path, as text (byte-for-byte equality of UTF-8 text). */
    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> all = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return all;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                all.put(root.relativize(f).toString().replace(File.separatorChar, '/'), Files.readString(f));
            }
        }
        return all;
    }

    /** The runtime (annotations, buffers) as the user's compile class path holds it. */
    private static String runtimeJarOrClasses() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.contains("adjoint-runtime")
                        || e.replace(File.separatorChar, '/').contains("runtime/target/classes"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no runtime on " + System.getProperty("java.class.path")));
    }
}
