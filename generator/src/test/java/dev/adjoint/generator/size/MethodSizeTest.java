package dev.adjoint.generator.size;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.pipeline.Pipeline;
import dev.adjoint.generator.testing.InMemoryCompiler;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The bound {@link MethodSize} puts on a generated method's bytecode, against what javac makes of
 * it: never below (else an adjoint over the JVM's limit would reach javac), and close for long
 * methods (else methods that fit would be refused).
 */
class MethodSizeTest {
    private static final String IMPORTS = "import dev.adjoint.Differentiable;\nimport dev.adjoint.Strategy;\n\n";

    /** A straight-line method of {@code n} statements, and one of loops, branches and arrays. */
    static String program(String strategy, int n) {
        StringBuilder s = new StringBuilder("package p;\n\n" + IMPORTS + "public class Sized {\n");
        s.append("    @Differentiable(strategy = Strategy.").append(strategy).append(")\n");
        s.append("    static double f(double x, double y) {\n        double s = x;\n        double t = y;\n");
        for (int i = 0; i < n; i++) {
            s.append(i % 2 == 0 ? "        s = s * 0.999 + t * 0.001;\n" : "        t = t + Math.sin(s) * 0.001;\n");
        }
        s.append("        return s + t;\n    }\n\n");
        s.append("    @Differentiable(strategy = Strategy.").append(strategy).append(")\n");
        s.append("""
                    static double g(double[] w, float v, int n, long m) {
                        double s = 0;
                        float q = v;
                        for (int i = 0; i < n; i++) {
                            for (double e : w) {
                                if (e > 0.5 && i % 2 == 0 || e < -2) {
                                    s += Math.max(e, s) * Math.hypot(e, q);
                                    continue;
                                }
                                q = (float) (q * 1.5f + e / (1 + m));
                                if (s > 1e9) {
                                    break;
                                }
                            }
                            w[i % w.length] = s > 0 ? s * 0.5 : -s;
                            if (i == 7) {
                                return s * q;
                            }
                        }
                        return s + q * Math.signum(n);
                    }
                }
                """);
        return s.toString();
    }

    @Test
    void theBoundIsAboveWhatJavacMakesAndCloseForLongMethods() {
        for (String strategy : List.of("STATIC", "TAPE")) {
            for (Options o : List.of(Options.DEFAULT, Options.PLAIN)) {
                // (a recorder pushes one node per statement, not one per operation: it needs more statements to be
                // long)
                String src = program(strategy, strategy.equals("TAPE") ? 500 : 300);
                int checked = 0;
                for (CodeBoundTest.Sizes s : CodeBoundTest.sizes(Map.of(Path.of("p/Sized.java"), src), o)) {
                    String what = strategy + " " + o + " " + s;
                    assertTrue(s.nodes() >= s.javac(), what);
                    if (s.javac() > 20_000) {
                        assertTrue(s.nodes() <= s.javac() * 1.05, what);
                        checked++;
                    }
                }
                assertTrue(checked >= 1, "a long method was checked");
            }
        }
    }

    @Test
    void aMethodOverTheLimitIsAPositionedError() {
        String src = program("STATIC", 1000);
        Translation t = Pipeline.translate(Map.of(Path.of("p/Sized.java"), src), Optional.empty(), Options.DEFAULT);
        assertEquals(1, t.diagnostics().size(), t.diagnostics().toString());
        assertEquals(8, t.diagnostics().get(0).line(), t.diagnostics().toString()); // at f's name
        assertTrue(
                t.diagnostics().get(0).message().contains("too long to differentiate"),
                t.diagnostics().toString());
        assertTrue(t.generated().isEmpty());
    }

    @Test
    void autoTakesTheTapeWhenOnlyTheStaticAdjointIsOverTheLimit() {
        // 850 such statements: the static adjoint is over the limit (from about 800 since copy chains are
        // folded), the tape's recorder is not (it still is not at 1,000)
        String src = program("AUTO", 850);
        Translation t = Pipeline.translate(Map.of(Path.of("p/Sized.java"), src), Optional.empty(), Options.DEFAULT);
        assertFalse(t.hasErrors(), t.diagnostics().toString());
        assertTrue(
                t.methods().stream()
                        .anyMatch(m ->
                                m.startsWith("p.Sized#f: tape, because") && m.contains("too long to differentiate")),
                t.methods().toString());
        Map<String, String> all = new HashMap<>(t.generated());
        all.put("p.Sized", src);
        InMemoryCompiler.compileToBytes(all);
    }

    @Test
    void theReasonCountsTheStatementsOfTheHelpersInlinedIntoTheMethod() {
        // a simulation's step of 400 statements writing the state: inlined whatever its size (called, it could not
        // be static), so the method of ten statements is over the limit because of it, which the reason says
        Translation t =
                Pipeline.translate(Map.of(Path.of("p/Sized.java"), stepping(400)), Optional.empty(), Options.DEFAULT);
        assertFalse(t.hasErrors(), t.diagnostics().toString());
        assertTrue(
                t.methods().stream()
                        .anyMatch(m -> m.startsWith("p.Sized#f: tape, because")
                                && m.contains("statements, 400 of them from the helpers inlined into it")),
                t.methods().toString());
    }

    @Test
    void aWritingHelperPastTheInliningBudgetIsAnErrorThatSaysSo() {
        Translation t =
                Pipeline.translate(Map.of(Path.of("p/Sized.java"), stepping(700)), Optional.empty(), Options.DEFAULT);
        assertTrue(t.hasErrors(), t.diagnostics().toString());
        assertTrue(
                t.diagnostics().stream()
                        .anyMatch(d -> d.message().contains("may write into the array 's'")
                                && d.message().contains("('step' has 701 statements, past the 600 that are inlined")),
                t.diagnostics().toString());
        assertTrue(t.generated().isEmpty());
    }

    @Test
    void aWritingHelperCalledPastTheBudgetLeftByEarlierCallsIsAnErrorThatSaysSo() {
        // three calls of 151 statements each fit in the 600; the fourth does not: the error says that, not
        // that the helper is unannotated, and how to write it (a loop's body is inlined once)
        String unrolled = stepping(150)
                .replace(
                        "for (int t = 0; t < 3; t++) {\n            step(s, dt);\n        }",
                        "step(s, dt);\n        step(s, dt);\n        step(s, dt);\n        step(s, dt);");
        Translation t =
                Pipeline.translate(Map.of(Path.of("p/Sized.java"), unrolled), Optional.empty(), Options.DEFAULT);
        List<String> errors = t.diagnostics().stream()
                .filter(Diagnostic::isError)
                .map(Diagnostic::message)
                .toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(
                errors.get(0).startsWith("call to 'step' is not inlined: 453 statements of helpers are inlined")
                        && errors.get(0).contains("call it in a loop"),
                errors.get(0));
        assertTrue(t.generated().isEmpty());
    }

    /** A plain helper {@code step} of {@code statements} statements writing the state, called by {@code f}. */
    private static String stepping(int statements) {
        StringBuilder src = new StringBuilder("package p;\n\nimport dev.adjoint.Differentiable;\n\nclass Sized {\n");
        src.append("    static void step(double[] s, double dt) {\n");
        for (int k = 0; k < statements; k++) {
            src.append(
                    "        s[%d] = s[%d] + dt * Math.sin(s[%d]) * %d.5;\n".formatted(k % 6, k % 6, (k + 1) % 6, k));
        }
        return src.append("""
                    }

                    @Differentiable(wrt = "s0")
                    static double f(double[] s0, double dt) {
                        double[] s = s0.clone();
                        for (int t = 0; t < 3; t++) {
                            step(s, dt);
                        }
                        double e = 0;
                        for (double v : s) {
                            e += v * v;
                        }
                        return e;
                    }
                }
                """).toString();
    }
}
