package dev.adjoint.generator.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.AdjointGenerator;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.GenerationRequest;
import dev.adjoint.generator.GenerationResult;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The harness of the package's hostile inputs: translation that fails the test (not errors it) if the
 * generator throws, errors that must all be positioned with nothing generated, generate() into a
 * directory and the tree it leaves, and adjoints checked against their method's value and central
 * differences.
 */
final class HostileHarness {
    private HostileHarness() {}

    static final String IMPORTS = "import dev.adjoint.Differentiable;\nimport dev.adjoint.Strategy;\n\n";

    /** Translates, failing the test (not erroring) if the generator throws. */
    static Translation translate(Map<Path, String> sources) {
        try {
            return AdjointGenerator.translate(sources);
        } catch (RuntimeException | Error e) {
            throw new AssertionError("translate threw instead of reporting a diagnostic: " + e, e);
        }
    }

    static Translation translate(String file, String source) {
        return translate(Map.of(Path.of(file), source));
    }

    /** Errors only, every one positioned in a file the generator was given; nothing generated. */
    static List<Diagnostic> assertPositionedErrors(Translation t, Map<Path, String> sources) {
        assertTrue(
                t.hasErrors(),
                "expected errors, got " + t.diagnostics() + " and "
                        + t.generated().keySet());
        assertTrue(
                t.generated().isEmpty(),
                "an erroneous translation generated " + t.generated().keySet());
        List<Diagnostic> errors =
                t.diagnostics().stream().filter(Diagnostic::isError).toList();
        for (Diagnostic d : errors) {
            assertTrue(sources.containsKey(d.file()), "error in an unknown file: " + d);
            assertTrue(d.line() > 0 && d.column() > 0, "error without a position: " + d);
            long lines = sources.get(d.file()).lines().count();
            assertTrue(d.line() <= lines, "error past the end of the file: " + d);
            assertFalse(d.message().isBlank(), "error without a message: " + d);
        }
        return errors;
    }

    /** Every file under {@code dir} with its content, for before/after comparisons. */
    static Map<Path, String> tree(Path dir) throws IOException {
        Map<Path, String> out = new TreeMap<>();
        if (!Files.exists(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p), Files.readString(p, StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }

    /** Writes {@code sources} (path relative to {@code root}) and runs generate() into {@code out}. */
    static GenerationResult generate(Path root, Path out, Map<String, String> sources) throws IOException {
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path f = root.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
        }
        try {
            return AdjointGenerator.generate(new GenerationRequest(
                    List.of(root), List.of(), List.of(), out, out.resolveSibling(out.getFileName() + ".state")));
        } catch (RuntimeException | Error e) {
            throw new AssertionError("generate threw instead of reporting a diagnostic: " + e, e);
        }
    }

    /** A failing generate() reports positioned errors and writes no file at all. */
    static List<Diagnostic> assertGenerateFailsCleanly(Path dir, Map<String, String> sources) throws IOException {
        Path out = dir.resolve("out");
        GenerationResult r = generate(dir.resolve("src"), out, sources);
        assertTrue(r.hasErrors(), "expected errors, got " + r.diagnostics());
        assertTrue(r.written().isEmpty(), "a failing run wrote " + r.written());
        assertEquals(Map.of(), tree(out), "a failing run left files in the output directory");
        for (Diagnostic d : r.errors()) {
            assertTrue(d.line() > 0 && d.column() > 0, "error without a position: " + d);
            assertTrue(d.file().startsWith(dir.resolve("src")), "error in an unknown file: " + d);
        }
        return r.errors();
    }

    /**
     * Translates and compiles {@code source} (class {@code owner}) with its adjoint
     * ({@code -Xlint:all -Werror}) and checks each method's gradient at {@code args} against central
     * differences, with the optimisations on and off.
     */
    static void assertDifferentiates(String owner, String source, Map<String, Object[]> methods) {
        assertDifferentiates(owner, source, methods, List.of(Options.DEFAULT, Options.PLAIN));
    }

    static void assertDifferentiates(
            String owner, String source, Map<String, Object[]> methods, List<Options> options) {
        for (Options o : options) {
            Differentiated d = Differentiated.of(owner, source, o);
            methods.forEach((name, args) -> {
                Differentiated.GradCall call = d.vjp(name, 1.0, args);
                assertEquals(d.value(name, args), call.value(), 0.0, name + ": value of the adjoint [" + o + "]");
                d.assertGradient(name, d, name, 1e-6, 1e-8, args);
            });
        }
    }

    static int lineOf(String source, String text) {
        List<String> lines = source.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line contains " + text);
    }
}
