package dev.adjoint.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.cli.GeneratorCli;
import dev.adjoint.generator.pipeline.Pipeline;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same input, byte-identical output: run to run, whatever the order of the files, JVM to JVM. */
class DeterminismTest {
    private static final List<String> CORPUS = List.of("Straight", "Branches", "ArrayParams", "Names", "Floats");

    private static Map<Path, String> corpus() {
        Map<Path, String> sources = new LinkedHashMap<>();
        for (String c : CORPUS) {
            sources.put(Path.of("corpus", c + ".java"), resource("/corpus/" + c + ".java"));
        }
        return sources;
    }

    private static String resource(String name) {
        try (InputStream in = DeterminismTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void translatingTwiceGivesByteIdenticalOutput() {
        for (Options o : List.of(Options.DEFAULT, Options.PLAIN)) {
            Translation first = Pipeline.translate(corpus(), Optional.empty(), o);
            Translation second = Pipeline.translate(corpus(), Optional.empty(), o);
            assertFalse(first.hasErrors(), first.diagnostics().toString());
            assertEquals(CORPUS.size(), first.generated().size());
            assertEquals(first.generated(), second.generated());
            assertEquals(first.methods(), second.methods());
        }
    }

    @Test
    void theOrderOfTheFilesDoesNotMatter() {
        Map<Path, String> forward = corpus();
        List<Path> keys = new ArrayList<>(forward.keySet());
        Collections.reverse(keys);
        Map<Path, String> reversed = new LinkedHashMap<>();
        keys.forEach(k -> reversed.put(k, forward.get(k)));
        Map<Path, String> hashed = new HashMap<>(forward);

        Translation a = AdjointGenerator.translate(forward);
        Translation b = AdjointGenerator.translate(reversed);
        Translation c = AdjointGenerator.translate(hashed);
        assertEquals(a.generated(), b.generated());
        assertEquals(a.generated(), c.generated());
        assertEquals(
                List.copyOf(a.generated().keySet()),
                List.copyOf(new TreeSet<>(a.generated().keySet())),
                "sorted by class name");
        // the list of methods may follow the input order, but holds the same lines
        assertEquals(new TreeSet<>(a.methods()), new TreeSet<>(b.methods()));
    }

    @Test
    void diagnosticsDoNotDependOnTheOrderOfTheFiles() {
        Map<Path, String> forward = new LinkedHashMap<>();
        forward.put(Path.of("b/p/Bad.java"), """
                package p;

                import dev.adjoint.Differentiable;

                class Bad {
                    @Differentiable
                    static double f(double x) {
                        try {
                            x = x * 2;
                        } finally {
                            x = x + 1;
                        }
                        return x;
                    }
                }
                """);
        forward.put(Path.of("a/p/Worse.java"), """
                package p;

                import dev.adjoint.Differentiable;

                class Worse {
                    @Differentiable(wrt = "y")
                    static double f(double x) {
                        return x;
                    }
                }
                """);
        Map<Path, String> reversed = new LinkedHashMap<>();
        List<Path> keys = new ArrayList<>(forward.keySet());
        Collections.reverse(keys);
        keys.forEach(k -> reversed.put(k, forward.get(k)));
        Translation a = AdjointGenerator.translate(forward);
        Translation b = AdjointGenerator.translate(reversed);
        assertEquals(2, a.diagnostics().size());
        assertEquals(a.diagnostics(), b.diagnostics());
        assertEquals(Path.of("a/p/Worse.java"), a.diagnostics().get(0).file(), "sorted by file");
    }

    // regression (was a bug): when two files define the same class, the error is reported in whichever file comes
    //   second in the map given to translate(), so the diagnostic depends on the map's order
    @Test
    void aDuplicateClassIsReportedTheSameWayWhateverTheOrder() {
        String src = """
                package p;

                import dev.adjoint.Differentiable;

                class Model {
                    @Differentiable
                    static double f(double x) {
                        return x * x;
                    }
                }
                """;
        Map<Path, String> ab = new LinkedHashMap<>();
        ab.put(Path.of("a/p/Model.java"), src);
        ab.put(Path.of("b/p/Model.java"), src);
        Map<Path, String> ba = new LinkedHashMap<>();
        ba.put(Path.of("b/p/Model.java"), src);
        ba.put(Path.of("a/p/Model.java"), src);
        assertEquals(
                AdjointGenerator.translate(ab).diagnostics(),
                AdjointGenerator.translate(ba).diagnostics());
    }

    /**
     * Hash-based collections iterate in an order that changes from one JVM to the next; another
     * JVM must still print the same bytes as this one.
     */
    @Test
    void separateJvmsPrintTheSameBytes(@TempDir Path dir) throws Exception {
        List<String> files = new ArrayList<>();
        for (Map.Entry<Path, String> e : corpus().entrySet()) {
            Path f = dir.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
            files.add(f.toString());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = GeneratorCli.run(
                files.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        String here = out.toString(StandardCharsets.UTF_8);
        assertTrue(here.contains("final class FloatsAdjoint"));
        assertEquals(here, runCliInNewJvm(files), "another JVM printed different output");
    }

    private static String runCliInNewJvm(List<String> files) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                GeneratorCli.class.getName()));
        cmd.addAll(files);
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] bytes = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the CLI did not finish");
        assertEquals(0, p.exitValue());
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
