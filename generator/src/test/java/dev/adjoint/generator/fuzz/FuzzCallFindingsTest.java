package dev.adjoint.generator.fuzz;

import static dev.adjoint.generator.fuzz.FindingsHarness.assertGradient;
import static dev.adjoint.generator.fuzz.FindingsHarness.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.pipeline.Pipeline;
import dev.adjoint.generator.testing.Differentiated;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Minimal reproducers of what {@link DifferentialFuzzTest} found in calls: active arguments to a
 * callee's constant parameters, widened calls, a callee's arrays inlined into a block, methods of
 * the class under a static import of {@code Math}, helpers inlined inside {@code Math} calls. Each
 * gradient against central differences, optimisations on and off ({@link FindingsHarness}).
 * An open generator bug is {@code @Disabled("BUG: ...")} and its construct is in
 * {@link ProgramGenerator#KNOWN_BUGS} (left out of the default fuzz runs); when it is fixed, enable
 * the test and take the feature out of that set. A fixed one stays as a regression test.
 */
class FuzzCallFindingsTest {

    // Found by the fuzzer (seed 1, program 7: the strategies disagreed). f passes a differentiated value to g's
    // parameter p, which g's wrt = {"x"} leaves out. Was: the static adjoint of f skipped the derivative through p
    // (f' = x = 1.5 instead of 2x = 3.0); then the static strategy rejected the call and AUTO took the tape. Now the
    // static adjoint calls g's internal variant g$allVjp, which differentiates p too: STATIC and AUTO are static and
    // exact. The same for an array (seed 3, program 152).
    @Test
    void activeArgumentToACalleesConstantParameter() {
        for (String[] c : List.of(
                new String[] {"double x", "x", "double p", "x * p"},
                new String[] {"double x, double[] v", "v", "double[] p", "x * p[0]"})) {
            String body = """
                    @Differentiable(wrt = "x")
                    static double g(double x, PARAM) {
                        return BODY;
                    }

                    @Differentiable(strategy = Strategy.STRATEGY)
                    static double f(ARGS) {
                        return g(x, ARG);
                    }
                    """.replace("PARAM", c[2])
                    .replace("BODY", c[3])
                    .replace("ARGS", c[0])
                    .replace("ARG", c[1]);
            for (String strategy : List.of("STATIC", "AUTO")) {
                Differentiated d = assertGradient(
                        source(body.replace("STRATEGY", strategy)),
                        Options.DEFAULT,
                        "f",
                        c[0].contains("[]") ? new Object[] {1.5, new double[] {2.0}} : new Object[] {1.5});
                assertTrue(
                        d.translation().methods().contains("bugs.Repro#f: static"),
                        d.translation().methods().toString());
                // the variant is internal: no Grad, and no line of its own in the report
                assertTrue(
                        d.translation().methods().stream().noneMatch(m -> m.contains("$all")),
                        d.translation().methods().toString());
                String adjoint = d.translation().generated().get("bugs.ReproAdjoint");
                assertTrue(adjoint.contains("g$allVjp(") && !adjoint.contains("g$allGrad("), adjoint);
            }
        }
    }

    // Regression test. Found by the fuzzer (seed 31415, program 395, optimisations off). g(g(v, w), w): the inner call
    // passes v to g's parameter x, which wrt = "w" leaves out, so it goes to g's variant; the variant's result depends
    // on
    // v, so the outer call now passes a differentiated value to x too. Was: the calls were widened once, the outer one
    // kept the original g, and the static strategy stopped with "cannot differentiate a variant of it (it is compiled,
    // or an instance method)". Now widening repeats to a fixed point: static and exact, optimisations on and off.
    @Test
    void aCallWidenedMakesTheNextCallsArgumentDifferentiated() {
        String body = """
                @Differentiable(wrt = "w")
                static double g(double x, double[] w) {
                    return w[0] * x + Math.sin(x);
                }

                @Differentiable(strategy = Strategy.STATIC)
                static double f(double v, double[] u) {
                    double[] w = new double[2];
                    w[0] = 0.5;
                    return Math.cos(g(g(v, w), w)) + u[0];
                }
                """;
        for (Options options : List.of(Options.DEFAULT, Options.PLAIN)) {
            Differentiated d =
                    assertGradient(source(body), options, "f", new Object[] {0.7, new double[] {1.5}}, new Object[] {
                        -1.2, new double[] {0.3}
                    });
            assertTrue(
                    d.translation().methods().contains("bugs.Repro#f: static"),
                    d.translation().methods().toString());
        }
    }

    // Regression test. Found by the fuzzer (seed 73019, program 34). A @Differentiable callee that may write an array
    // it
    // is given is inlined into its caller. The callee was desugared first, so its loop-local array of a row's length
    // already stood as its pooled array, created before the callee's top-level statement; inlined inside the caller's
    // 'if', that creation sat in a block, and the static strategy rejected the caller at a position of re-parsed text
    // ([1,145]), an error under STATIC. Now the caller moves the array before its own top-level statement together with
    // the int locals its length is computed in (desugar/LengthChains).
    @Test
    void aCalleesRowLengthArrayInlinedIntoABlockOfTheCaller() {
        String body = """
                @Differentiable
                static double inner(double y, double[] w) {
                    w[0] = w[0] * 1.0;
                    double b = y;
                    if (y > -100) {
                        double[][] t = new double[3][4];
                        for (int r = 0; r < 3; r++) {
                            for (int c = 0; c < 4; c++) {
                                t[r][c] = y * (c + 1) - r * 0.25;
                            }
                        }
                        for (int r = 0; r < 3; r++) {
                            double[] row = new double[t[r].length];
                            for (int c = 0; c < row.length; c++) {
                                row[c] = t[r][c] * 1.5;
                            }
                            b = Math.tanh(b + row[r % row.length]);
                        }
                    }
                    return b;
                }

                @Differentiable(strategy = Strategy.STATIC)
                static double outer(double a, double[] v, int k) {
                    double c = a;
                    if (k % 2 == 0) {
                        c = c * inner(a, v);
                    }
                    return c;
                }
                """;
        for (Options options : List.of(Options.DEFAULT, Options.PLAIN)) {
            Differentiated d = assertGradient(
                    source(body), options, "outer", new Object[] {0.3, new double[] {1.5}, 2}, new Object[] {
                        -0.2, new double[] {0.7}, 4
                    });
            assertTrue(
                    d.translation().methods().contains("bugs.Repro#outer: static"),
                    d.translation().methods().toString());
        }
    }

    // Regression test (was a bug), found by the fuzzer (seed 1, programs 8, 12, 15, ...: 'call to Math.h0S(...) is not
    // supported', also Math.wrap, Math.soft). Java resolves an unqualified call to a method the class declares to that
    // method, static import of java.lang.Math.* or not. Was: both strategies took g(x) for java.lang.Math.g and
    // rejected it ('java.lang.Math.g with 1 argument(s) has no derivative rule'). Expected: f' = 2x + cos x; and a
    // method of the class named like a Math function (abs) is the class's, not Math's, as in javac.
    @Test
    void ownMethodsCalledUnderAStaticImportOfMath() {
        String src = "package bugs;\n\nimport static java.lang.Math.*;\n\nimport dev.adjoint.Differentiable;\n"
                + "import dev.adjoint.Strategy;\n\npublic class Repro {\n" + """
                @Differentiable
                static double g(double x) {
                    return x * x;
                }

                @Differentiable(strategy = Strategy.STATIC)
                static double f(double x) {
                    return g(x) + sin(x);
                }

                @Differentiable(strategy = Strategy.TAPE)
                static double fT(double x) {
                    return g(x) + sin(x);
                }
                """.indent(4) + "}\n";
        Translation t = Pipeline.translate(Map.of(Path.of("bugs/Repro.java"), src), Optional.empty(), Options.DEFAULT);
        assertFalse(t.hasErrors(), t.diagnostics().toString());
        assertGradient(src, Options.DEFAULT, "f", new Object[] {0.7});
        assertGradient(src, Options.DEFAULT, "fT", new Object[] {0.7});
        // the class's own abs (a cube here) hides Math.abs: f' = 3x^2 + cos x, at -0.7 too
        String own = src.replace("return g(x) + sin(x);", "return abs(x) + sin(x);")
                .replace(
                        "static double g(double x) {\n        return x * x;",
                        "static double abs(double x) {\n        return x * x * x;");
        assertGradient(own, Options.DEFAULT, "f", new Object[] {0.7}, new Object[] {-0.7});
        assertGradient(own, Options.DEFAULT, "fT", new Object[] {0.7}, new Object[] {-0.7});
        Differentiated d = Differentiated.of("bugs.Repro", own, Options.DEFAULT);
        assertEquals(-0.343 + Math.sin(-0.7), d.value("f", -0.7), 1e-12, "abs is the class's cube");
    }

    /**
     * Found by the fuzzer (seed 31337, programs 1110 and 1156: GENERATOR_ERROR). A private helper
     * called inside {@code tanh(x + clampLow(pow(...), -0.5))} under {@code import static
     * java.lang.Math.*}: the inliner took the unqualified {@code tanh} and {@code pow} for calls
     * that stay calls, so it would not move the helper's body before them, kept the call, and a
     * private helper cannot be called from the adjoint class: a build error on valid Java.
     */
    @Test
    void aPrivateHelperAmongStaticallyImportedMathCallsIsInlined() {
        String src =
                "package bugs;\n\nimport static java.lang.Math.*;\n\nimport dev.adjoint.Differentiable;\n\npublic class Repro {\n"
                        + """
                    private static double clampLow(double v, double lo) {
                        if (v < lo) {
                            return lo + 0.125 * (v - lo);
                        }
                        return v;
                    }

                    @Differentiable
                    static double f(double x, double z, int n) {
                        double a = tanh(x + clampLow(pow(1.25 + sin(z / (1.5 + z * z)), tanh(expm1(tanh(n)))), -0.5));
                        return a + tanh(x + clampLow(hypot(log10(1.5 + cos(x)), atan(x)), -0.5)) * x;
                    }
                """.stripIndent().indent(4) + "}\n";
        for (Options o : java.util.List.of(Options.DEFAULT, Options.PLAIN)) {
            assertGradient(src, o, "f", new Object[] {0.7, 0.4, 2}, new Object[] {-1.3, -2.0, 1});
        }
    }

    /**
     * Found by the fuzzer (seed 55555, program 23: GENERATOR_ERROR), with the tables of issue 15:
     * a helper that writes the row it is given, {@code rowDamp(t[r], k)}, inside an unqualified
     * {@code tanh(a + 0.25 * rowDamp(...))} under {@code import static java.lang.Math.*}: the
     * inliner took {@code tanh} for a call that may read arrays before the helper's writes, kept
     * the call, and the static strategy cannot pass a row. The helper's body now runs first (only
     * scalars come before it), exactly.
     */
    @Test
    void aRowWritingHelperInsideAStaticallyImportedMathCallIsInlined() {
        String src = "package bugs;\n\nimport static java.lang.Math.*;\n\nimport dev.adjoint.Differentiable;\n"
                + "import dev.adjoint.Strategy;\n\npublic class Repro {\n"
                + """
                    static double rowDamp(double[] row, double k) {
                        for (int i = 0; i < row.length; i++) {
                            row[i] = row[i] * 0.5 + Math.tanh(k * row[i]);
                        }
                        return row[0];
                    }

                    @Differentiable(strategy = Strategy.STATIC)
                    static double f(double[] x, double b) {
                        double[][] t = new double[2][x.length];
                        for (int r = 0; r < 2; r++) {
                            for (int c = 0; c < x.length; c++) {
                                t[r][c] = x[c] * (r + 1) + b;
                            }
                        }
                        double a = b;
                        for (int r = 0; r < 2; r++) {
                            a = tanh(a + 0.25 * rowDamp(t[r], tanh(b)) * t[r][0] + t[1 - r][x.length - 1]);
                        }
                        return a;
                    }
                """.stripIndent().indent(4) + "}\n";
        for (Options o : java.util.List.of(Options.DEFAULT, Options.PLAIN)) {
            assertGradient(src, o, "f", new Object[] {new double[] {0.7, -0.4, 1.1}, 0.4}, new Object[] {
                new double[] {-1.3, 0.2}, -2.0
            });
        }
    }
}
