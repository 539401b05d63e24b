package dev.adjoint.generator.stranger;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.pipeline.Pipeline;
import dev.adjoint.generator.testing.InMemoryCompiler;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Sources of package {@code stranger} (simple class name to text) generated, compiled, and their errors. */
final class StrangerHarness {
    private StrangerHarness() {}

    /** What one generation gave: the loader of the user's classes and their adjoints, and the build's line per method. */
    record Built(ClassLoader loader, List<String> methods) {
        Class<?> type(String simpleName) {
            try {
                return loader.loadClass("stranger." + simpleName);
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
        }
    }

    static Translation translate(Map<String, String> sources) {
        Map<Path, String> files = new TreeMap<>();
        sources.forEach((name, text) -> files.put(Path.of(name + ".java"), text));
        return Pipeline.translate(files, Optional.empty(), Options.DEFAULT);
    }

    /** Generates and compiles {@code sources}, failing on any generator error. */
    static Built build(Map<String, String> sources) {
        Translation t = translate(sources);
        if (t.hasErrors()) {
            throw new AssertionError("generator errors:\n"
                    + String.join(
                            "\n",
                            t.diagnostics().stream().map(Diagnostic::toString).toList()));
        }
        Map<String, String> all = new HashMap<>(t.generated());
        sources.forEach((name, text) -> all.put("stranger." + name, text));
        return new Built(InMemoryCompiler.compile(all), t.methods());
    }

    /** The errors of generating {@code sources}: at least one, each at a line and column. */
    static List<Diagnostic> errors(Map<String, String> sources) {
        Translation t = translate(sources);
        assertTrue(t.hasErrors(), "expected a build error, got\n" + t.generated());
        List<Diagnostic> out =
                t.diagnostics().stream().filter(Diagnostic::isError).toList();
        out.forEach(d -> assertTrue(d.line() > 0 && d.column() > 0, "error without a position: " + d));
        return out;
    }

    /** {@code source} with every {@code @Differentiable(} asking for the tape. */
    static String onTape(String source) {
        return source.replace("@Differentiable(", "@Differentiable(strategy = dev.adjoint.Strategy.TAPE, ");
    }

    /** The numbers of a generated gradient object ({@code ModelGrad}), its public fields flattened in declaration order. */
    static double[] flatten(Object grad) {
        List<Double> out = new ArrayList<>();
        try {
            for (Field f : grad.getClass().getDeclaredFields()) {
                if (Modifier.isPublic(f.getModifiers()) && !Modifier.isStatic(f.getModifiers())) {
                    add(f.get(grad), out);
                }
            }
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void add(Object v, List<Double> out) {
        if (v instanceof double[] d) {
            for (double x : d) {
                out.add(x);
            }
        } else if (v instanceof Object[] rows) {
            for (Object r : rows) {
                add(r, out);
            }
        } else if (v instanceof Double d) {
            out.add(d);
        }
    }

    /** Whether {@code a} and {@code b} agree: |a−b| ≤ rho · max(1, |a|+|b|) component by component. */
    static void assertAgree(double[] a, double[] b, double rho, String what) {
        assertTrue(a.length == b.length && a.length > 0, what + ": lengths " + a.length + " and " + b.length);
        for (int i = 0; i < a.length; i++) {
            assertTrue(
                    Math.abs(a[i] - b[i]) <= rho * Math.max(1, Math.abs(a[i]) + Math.abs(b[i])),
                    what + ": component " + i + ": " + a[i] + " vs " + b[i]);
        }
    }
}
