package dev.adjoint.generator.corpus;

import static dev.adjoint.generator.corpus.ReproHarness.differentiates;
import static dev.adjoint.generator.corpus.ReproHarness.rejected;
import static dev.adjoint.generator.corpus.ReproHarness.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
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
 * Issue 14's findings about calls (the harness and the rule of {@link TrustFindingsTest}): names the
 * adjoint must resolve, the errors that name the real cause when a call is rejected, and plain helpers
 * writing a differentiated array; each differentiates exactly with every strategy that accepts it, or
 * is rejected at its position by both strategies.
 */
class TrustCallsTest {

    // ---- 5. names the adjoint must resolve ------------------------------------------------------

    @Test
    void nestedClassCallWithASideEffectInItsArgument() {
        differentiates("""
                static class A {
                    static int constantFn(double v) {
                        return 3;
                    }
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double x, double y) {
                    A.constantFn(y += x);
                    return x * y;
                }
                """, "f", List.of("AUTO", "TAPE"), new Object[] {1.5, 0.5});
    }

    @Test
    void nestedClassCallsResolve() {
        differentiates("""
                static class A {
                    static int constantFn(double v) {
                        return v > 1 ? 3 : 2;
                    }
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double x, double y) {
                    int k = A.constantFn(y);
                    double s = 0;
                    switch (k) {
                        case 3 -> s = x * y;
                        default -> s = x + y;
                    }
                    return s + A.constantFn(x) * x;
                }
                """, "f", new Object[] {0.5, 2.0}, new Object[] {2.0, 0.5});
    }

    // ---- error messages that name the real cause -------------------------------------------------

    @Test
    void whenBothStrategiesRejectTheStaticReasonComesFirst() {
        // (the tape passes only scalars to a custom derivative: it rejects the call on another line)
        Translation t = Pipeline.translate(
                Map.of(Path.of("Repro.java"), source("""
                static double norm(double[] v) {
                    return Math.sqrt(v[0] * v[0] + v[1] * v[1]);
                }

                @dev.adjoint.CustomDerivative(of = "norm")
                static double normPullback(double[] v, double seed, double[] dv) {
                    double n = norm(v);
                    dv[0] += seed * v[0] / n;
                    dv[1] += seed * v[1] / n;
                    return n;
                }

                @Differentiable
                static double f(double[] a, double x, int k) {
                    double c = k > 0 ? f(a, x, 0) : 0;
                    double r = x * norm(a);
                    return r * a[1] + k;
                }
                """, "AUTO")), Optional.empty(), Options.DEFAULT);
        List<Diagnostic> ds = t.diagnostics();
        assertTrue(ds.size() >= 2, ds.toString());
        assertEquals(23, ds.get(0).line(), ds.toString());
        assertTrue(
                ds.get(0).message().startsWith("recursive call to 'f' is not supported by the static strategy"),
                ds.toString());
        assertTrue(
                ds.stream()
                        .skip(1)
                        .allMatch(d -> d.message()
                                .startsWith("the tape strategy, which AUTO tried because of the error"
                                        + " at Repro.java:[23,28], cannot take this either")),
                ds.toString());
    }

    @Test
    void aRejectedAnnotatedCalleeIsReportedAsSuch() {
        List<Diagnostic> ds = rejected("""
                @Differentiable
                static double g(int n) {
                    return n;
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double x) {
                    return x * g(3);
                }
                """, "marked @Differentiable but cannot be differentiated itself");
        assertTrue(ds.stream().noneMatch(d -> d.message().contains("neither @Differentiable")), ds.toString());
    }

    @Test
    void aRejectedPlainHelperIsReportedAtItsDeclarationAndAsSuchAtTheCall() {
        // the helper's own error first; at the call, why Adjoint looked at an unannotated method, not that its
        // "derivative is unknown" (which said Adjoint differentiates such helpers: it tried, and said why not)
        List<Diagnostic> ds = rejected(
                """
                static double weighted(double x, java.util.List<Double> ws) {
                    return x * ws.size();
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double x) {
                    return x * weighted(x, java.util.List.of(1.0, 2.0));
                }
                """,
                "which Adjoint differentiates without an annotation because a @Differentiable method calls it, but which"
                        + " cannot be differentiated itself");
        assertTrue(
                ds.stream()
                        .anyMatch(d -> d.message().startsWith("parameter 'ws' has type java.util.List<Double>")
                                && d.line() == 9),
                ds.toString());
        assertTrue(ds.stream().noneMatch(d -> d.message().contains("neither @Differentiable")), ds.toString());
    }

    @Test
    void allProblemsOfAMethodAtOnce() {
        List<Diagnostic> ds = rejected("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double x, int i) {
                    double y = x * (i + i++);
                    Runnable r = () -> { };
                    return y;
                }
                """, "inside an expression", List.of("STATIC", "AUTO"));
        assertEquals(2, ds.size(), ds.toString());
        assertEquals(12, ds.get(1).line(), ds.toString());
    }

    @Test
    void aDifferentiableCalleeWritingAnArrayInsideAConditionIsRejected() {
        rejected("""
                @Differentiable
                static double scale(double[] a) {
                    a[0] = a[0] * a[1];
                    return a[0];
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double[] a) {
                    if (scale(a) > 0) {
                        return a[0] * a[1];
                    }
                    return a[1] + (scale(a) > 1 ? a[0] : 0);
                }
                """, "may write into the array 'a' it is given, where its value has no derivative");
    }

    @Test
    void namesTheAdjointCannotSeeAreRejectedNotCopied() {
        for (String strategy : List.of("AUTO", "TAPE")) {
            String source =
                    "package trust;\n\nimport static java.lang.Double.MAX_VALUE;\nimport dev.adjoint.Differentiable;\n"
                            + "import dev.adjoint.Strategy;\n\npublic class Repro {\n"
                            + """
                    @Differentiable(strategy = Strategy.$S)
                    static double f(double x) {
                        if (x < MAX_VALUE) {
                            return x * x;
                        }
                        return x;
                    }
                    """.replace("$S", strategy).indent(4) + "}\n";
            Translation t =
                    Pipeline.translate(Map.of(Path.of("Repro.java"), source), Optional.empty(), Options.DEFAULT);
            assertTrue(t.hasErrors(), strategy + ": " + t.generated());
            assertTrue(
                    t.diagnostics().stream()
                            .allMatch(d -> d.line() == 10 && d.message().contains("'MAX_VALUE' is not a parameter")),
                    strategy + ": " + t.diagnostics());
        }
        differentiates("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double x) {
                    double m = Double.MAX_VALUE;
                    if (x < m && x > -Double.MAX_VALUE && Integer.MAX_VALUE > 3) {
                        return x * x * java.lang.Math.PI;
                    }
                    return x;
                }
                """, "f", new Object[] {1.5});
    }

    @Test
    void oneArrayForTwoWrittenParametersIsRefusedNotMisdifferentiated() {
        String body = """
                @Differentiable(strategy = Strategy.$S)
                static double f(double[] a, double[] b) {
                    a[0] = b[0] * b[1];
                    return a[0] * b[0] + a[1];
                }
                """;
        for (String strategy : List.of("STATIC", "TAPE")) {
            Differentiated d = Differentiated.of("trust.Repro", source(body, strategy), Options.DEFAULT);
            double[] same = {1.5, 2.0};
            AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(
                    AssertionError.class,
                    () -> d.invokeVjp(
                            "f", new Object[] {same, same}, 1.0, new Object[] {new double[2], new double[2]}));
            assertTrue(
                    e.getCause() instanceof IllegalArgumentException
                            && e.getCause().getMessage().contains("'a' and 'b' are the same array"),
                    strategy + ": " + e.getCause());
        }
        differentiates(body, "f", new Object[] {new double[] {1.5, 2.0}, new double[] {0.5, -1.0}});
    }

    @Test
    void updatesOfVariablesDeclaredTwiceWithOtherTypes() {
        // (found by the fuzzer: one name in two blocks with two types; the declaration in scope gives the type)
        differentiates("""
                @Differentiable(wrt = "x", strategy = Strategy.$S)
                static double f(double x, double[] a) {
                    double s = 0;
                    {
                        int t = 0;
                        a[t++] = x * x;
                        s += a[0] * t;
                    }
                    {
                        double t = x;
                        s += (t += 1) * 2;
                    }
                    return s;
                }
                """, "f", new Object[] {1.5, new double[] {0.5, 2}});
    }

    @Test
    void aDifferentiableCalleeWritingAnArrayInsideAMathCallIsDifferentiated() {
        // (the fuzzer, seed 424242 program 31: Math.tanh(h(w)) was taken for a value without derivative)
        differentiates("""
                @Differentiable
                static double scale(double[] a) {
                    a[0] = a[0] * a[1];
                    return a[0];
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double[] a) {
                    double s = Math.exp(Math.tanh(scale(a)));
                    return s * a[0] + a[1];
                }
                """, "f", List.of("AUTO", "TAPE"), new Object[] {new double[] {0.5, 2}});
    }

    // ---- 6. a plain void helper writing a differentiated array ----------------------------------

    @Test
    void plainVoidHelperWritingAParameterArrayIsInlined() {
        differentiates("""
                static void twice(double[] a, int i) {
                    a[i] *= 2;
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double[] a) {
                    twice(a, 0);
                    return a[0] * a[1];
                }
                """, "f", new Object[] {new double[] {0.5, -1.5}});
    }

    @Test
    void plainIntHelperWritingAnArrayIsInlined() {
        differentiates("""
                static int normalize(double[] a) {
                    a[0] = 1;
                    return a.length;
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double[] a) {
                    int n = normalize(a);
                    return a[0] * a[1] * n;
                }
                """, "f", new Object[] {new double[] {0.5, -1.5, 2.0}});
    }

    @Test
    void plainIntHelperReadingAnArrayIsAccepted() {
        differentiates("""
                static int positives(double[] a) {
                    int n = 0;
                    for (double v : a) {
                        if (v > 0) {
                            n++;
                        }
                    }
                    return n;
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double[] a) {
                    return a[0] * a[1] * positives(a);
                }
                """, "f", new Object[] {new double[] {1.5, -2, 3}});
    }

    @Test
    void unknownLibraryCallsAreRejected() {
        rejected("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double x) {
                    double y = x + Double.compare(x, 0.5);
                    return y * x;
                }
                """, "Double.compare");
        rejected("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double[] w) {
                    java.util.List<Double> l = new java.util.ArrayList<>();
                    l.add(w[0]);
                    return w[0] * l.size();
                }
                """, "local 'l' of type java.util.List<Double>"); // (List parameters are data: ListRejectionsTest)
    }

    @Test
    void passiveCallStatementsStillRun() {
        differentiates("""
                static int counter;

                static void note(int k, double v) {
                    counter += k;
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double x) {
                    note(1, x);
                    return x * x;
                }
                """, "f", List.of("AUTO", "TAPE"), new Object[] {1.5});
    }
}
