package dev.adjoint.generator.corpus;

import static dev.adjoint.generator.corpus.TrustFindingsTest.differentiates;
import static dev.adjoint.generator.corpus.TrustFindingsTest.rejected;
import static dev.adjoint.generator.corpus.TrustFindingsTest.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.pipeline.Pipeline;
import dev.adjoint.generator.testing.Differentiated;
import dev.adjoint.stack.AdjointStacks;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Ordinary numeric Java that stays on the static path (issue 15) or at least builds (issue 16's
 * rule for files without annotations): plain helpers, a scratch array read by a helper, {@code var},
 * angle conversions, integer and boolean arrays, rows of a table by name; each against the method's
 * value, side effects and central differences with every strategy that accepts it (the harness of
 * {@link TrustFindingsTest}).
 */
class OrdinaryJavaTest {

    @Test
    void plainHelpersAreDifferentiatedTransitively() {
        differentiates("""
                static double sigmoid(double z) {
                    return 1 / (1 + Math.exp(-z));
                }

                static double dot(double[] w, double[] x) {
                    double s = 0;
                    for (int i = 0; i < w.length; i++) {
                        s += w[i] * x[i];
                    }
                    return sigmoid(s) * scale(w[0]);
                }

                static double scale(double v) {
                    return 1 + 0.5 * Math.tanh(v);
                }

                @Differentiable(wrt = "w", strategy = Strategy.$S)
                static double loss(double[] w, double[] x) {
                    double p = dot(w, x);
                    return -Math.log(p) + 0.1 * sigmoid(w[1]);
                }
                """, "loss", new Object[] {new double[] {0.5, -0.25, 1.0}, new double[] {1.0, 2.0, -0.5}});
    }

    @Test
    void theSameArrayPassedTwiceToAHelperThatWritesOneIsOneArray() {
        // Java passes the array twice by reference: y[i] += a * x[i] with x == y doubles y (1 + a);
        // inlined, both parameters are the caller's one name, so the gradient follows that aliasing
        String body = """
                static void axpy(double a, double[] x, double[] y) {
                    for (int i = 0; i < y.length; i++) {
                        y[i] += a * x[i];
                    }
                }

                private static double sqnorm(double[] v) {
                    double s = 0;
                    for (double e : v) {
                        s += e * e;
                    }
                    return s;
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double[] w, double a) {
                    double[] y = new double[w.length];
                    for (int i = 0; i < w.length; i++) {
                        y[i] = Math.sin(w[i]);
                    }
                    axpy(a, y, y);
                    axpy(a * a, w, w);
                    return sqnorm(y) + sqnorm(w) * a;
                }
                """;
        differentiates(body, "f", new Object[] {new double[] {0.5, -0.25, 1.5}, 0.75}, new Object[] {new double[] {-1.1, 2}, -0.3});
        Differentiated auto = Differentiated.of("trust.Repro", source(body, "AUTO"), Options.DEFAULT);
        assertTrue(auto.translation().methods().contains("trust.Repro#f: static"), auto.translation().methods().toString());
    }

    @Test
    void issue15HelpersStayStaticAndTheLogSaysWhereTheyWent() {
        // the issue's network: a void helper writing a local array, a private helper, an array-returning helper
        String body = """
                private static double sigmoid(double z) {
                    return 1 / (1 + Math.exp(-z));
                }

                static void matvec(double[][] w, double[] x, double[] out) {
                    for (int i = 0; i < out.length; i++) {
                        double s = 0;
                        for (int j = 0; j < x.length; j++) {
                            s += w[i][j] * x[j];
                        }
                        out[i] = s;
                    }
                }

                static double[] affine(double[][] w, double[] b, double[] x) {
                    double[] h = new double[b.length];
                    for (int i = 0; i < b.length; i++) {
                        double s = b[i];
                        for (int j = 0; j < x.length; j++) {
                            s += w[i][j] * x[j];
                        }
                        h[i] = s;
                    }
                    return h;
                }

                @Differentiable(strategy = Strategy.$S)
                static double a(double[][] w, double[] x) {
                    double[] h = new double[w.length];
                    matvec(w, x, h);
                    double s = 0;
                    for (double v : h) {
                        s += sigmoid(v);
                    }
                    return s;
                }

                @Differentiable(strategy = Strategy.$S)
                static double b(double[][] w, double[] bb, double[] x) {
                    double[] h = affine(w, bb, x);
                    double s = 0;
                    for (int i = 0; i < h.length; i++) {
                        s += h[i] * h[i];
                    }
                    return s;
                }
                """;
        double[][] w = {{0.5, -0.25}, {1.5, 0.75}, {-0.3, 0.2}};
        differentiates(body, "a", List.of("AUTO", "STATIC"), new Object[] {w, new double[] {1, -2}});
        differentiates(body, "b", List.of("AUTO", "STATIC"), new Object[] {w, new double[] {0.1, 0.2, -0.4}, new double[] {1, -2}});
        Differentiated auto = Differentiated.of("trust.Repro", source(body, "AUTO"), Options.DEFAULT);
        assertEquals(List.of("trust.Repro#a: static", "trust.Repro#b: static",
                "trust.Repro#affine: inlined into trust.Repro#b (not annotated: differentiated because a @Differentiable method calls it)",
                "trust.Repro#matvec: inlined into trust.Repro#a (not annotated: differentiated because a @Differentiable method calls it)",
                "trust.Repro#sigmoid: inlined into trust.Repro#a (not annotated: differentiated because a @Differentiable method calls it)"),
                auto.translation().methods());
    }

    @Test
    void differentiableOverloadsResolveAsJavacDoes() {
        // one arity, three overloads: the call's argument types pick one (identity or widening, then the most specific)
        String body = """
                @Differentiable(strategy = Strategy.$S)
                static double power(double x, int k) {
                    return Math.pow(x * x + 1, k);
                }

                @Differentiable(strategy = Strategy.$S)
                static double power(double x, double k) {
                    return Math.exp(k * Math.log(x * x + 1)) * 0.5;
                }

                @Differentiable(strategy = Strategy.$S)
                static double power(double[] w, double k) {
                    return power(w[0], k) + power(w[1], 2) + w[2];
                }

                @Differentiable(strategy = Strategy.$S)
                static double g(double[] w, double x) {
                    int three = 3;
                    long two = 2L;
                    return power(x, three) + power(x, 2.0) + power(w, x) + power(w[1], two) + power(x, 1.5f);
                }
                """;
        differentiates(body, "g", new Object[] {new double[] {0.3, -0.7, 1.1}, 0.8}, new Object[] {new double[] {-1.2, 0.4, 2.0}, -0.5});
        Differentiated auto = Differentiated.of("trust.Repro", source(body, "AUTO"), Options.DEFAULT);
        assertTrue(auto.translation().methods().contains("trust.Repro#g: static"), auto.translation().methods().toString());
    }

    @Test
    void aScratchArrayPassedToAHelperStaysStatic() {
        // ADBench's GMM structure: per point, the component terms in a local array, reduced by logsumexp
        String body = """
                static double logsumexp(double[] v, int n) {
                    double m = v[0];
                    for (int k = 1; k < n; k++) {
                        m = Math.max(m, v[k]);
                    }
                    double s = 0;
                    for (int k = 0; k < n; k++) {
                        s += Math.exp(v[k] - m);
                    }
                    return m + Math.log(s);
                }

                @Differentiable(wrt = {"mu", "alpha"}, strategy = Strategy.$S)
                static double objective(double[] x, double[] mu, double[] alpha, int points, int components) {
                    double[] v = new double[components];
                    double total = 0;
                    for (int i = 0; i < points; i++) {
                        for (int k = 0; k < components; k++) {
                            double d = x[i] - mu[k];
                            v[k] = alpha[k] - 0.5 * d * d;
                        }
                        total += logsumexp(v, components);
                        v[0] = v[0] * 2;
                    }
                    return total - points * logsumexp(alpha, components);
                }
                """;
        differentiates(body, "objective", new Object[] {new double[] {0.5, -1.0, 2.0, 0.25}, new double[] {0.1, 1.5, -0.5},
                new double[] {0.2, -0.3, 0.4}, 4, 3});
        Differentiated d = Differentiated.of("trust.Repro", source(body, "AUTO"), Options.DEFAULT);
        assertTrue(d.translation().methods().stream().anyMatch(m -> m.equals("trust.Repro#objective: static")),
                d.translation().methods().toString());
    }

    @Test
    void varLocalsAndAngleConversions() {
        differentiates("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double[] w, double deg) {
                    var s = 0.0;
                    var n = w.length;
                    var t = new double[n];
                    for (var i = 0; i < n; i++) {
                        t[i] = w[i] * Math.toRadians(deg);
                    }
                    for (var v : t) {
                        s += Math.sin(v);
                    }
                    return Math.toDegrees(s) / n;
                }
                """, "f", new Object[] {new double[] {0.5, -1.0, 2.0}, 30.0});
    }

    @Test
    void intAndBooleanArrayParameters() {
        differentiates("""
                @Differentiable(wrt = "w", strategy = Strategy.$S)
                static double crossEntropy(double[] w, double[] x, int[] labels, boolean[] mask, int classes) {
                    double loss = 0;
                    for (int i = 0; i < labels.length; i++) {
                        if (!mask[i]) {
                            continue;
                        }
                        double z = w[labels[i] % classes] * x[i];
                        loss += Math.log1p(Math.exp(-z));
                    }
                    return loss;
                }
                """, "crossEntropy", new Object[] {new double[] {0.5, -0.25, 1.0}, new double[] {1.0, 2.0, -0.5, 0.75},
                new int[] {0, 2, 1, 5}, new boolean[] {true, false, true, true}, 3});
        differentiates("""
                @Differentiable(wrt = "w", strategy = Strategy.$S)
                static double counted(double[] w, int[] bins) {
                    int[] counts = new int[3];
                    for (int i = 0; i < bins.length; i++) {
                        counts[bins[i]]++;
                    }
                    return w[0] * counts[0] + w[1] * counts[2];
                }
                """, "counted", new Object[] {new double[] {0.5, -0.25}, new int[] {0, 2, 2, 1}});
    }

    @Test
    void rowsOfATableByName() {
        differentiates("""
                @Differentiable(wrt = "w", strategy = Strategy.$S)
                static double f(double[] w, double[][] X) {
                    double s = 0;
                    for (double[] row : X) {
                        double z = 0;
                        for (int j = 0; j < row.length; j++) {
                            z += w[j] * row[j];
                        }
                        s += Math.tanh(z);
                    }
                    for (int i = 0; i < X.length; i++) {
                        double[] xi = X[i];
                        s += w[0] * xi[0] * xi.length;
                    }
                    return s;
                }
                """, "f", List.of("AUTO", "STATIC"), new Object[] {new double[] {0.5, -0.25}, new double[][] {{1, 2}, {-0.5, 0.75}, {0.1, 0.2}}});
    }

    @Test
    void inputGuardsThrowWhereTheMethodThrows() {
        String body = """
                @Differentiable(wrt = "w", strategy = Strategy.$S)
                static double f(double[] w, double[] x) {
                    if (w.length != x.length) throw new IllegalArgumentException("lengths differ: " + w.length + " != " + x.length);
                    assert x.length > 0 : "no data";
                    double[] t = new double[w.length];
                    double s = 0;
                    for (int i = 0; i < w.length; i++) {
                        t[i] = w[i] * x[i];
                        if (t[i] > 100) {
                            throw new ArithmeticException("term " + i + " is " + t[i]);
                        }
                        s += t[i] * Math.sin(t[i]);
                    }
                    assert s < 10 : "s = " + s;
                    return s;
                }
                """;
        exact(body, "f", new Object[] {new double[] {0.5, -0.25, 1.5}, new double[] {1, 2, -0.5}});
        throwsAlike(body, "f", true, new Object[] {new double[] {0.5, -0.25}, new double[] {1, 2, -0.5}});
        throwsAlike(body, "f", true, new Object[] {new double[] {0.5, 200, 1}, new double[] {1, 2, -0.5}});
        throwsAlike(body, "f", true, new Object[] {new double[] {}, new double[] {}});
        throwsAlike(body, "f", true, new Object[] {new double[] {3, 3, 3}, new double[] {7, 7, 7}});
        // under -da the assertions do not run: the method returns, and so does its adjoint
        Differentiated d = Differentiated.of("trust.Repro", source(body, "STATIC"), Options.DEFAULT);
        d.loader().setPackageAssertionStatus("trust", false);
        Object[] p = {new double[] {3, 3, 3}, new double[] {7, 7, 7}};
        assertEquals(((Number) d.invokeOriginal("f", Differentiated.copyArguments(p))).doubleValue(),
                ((Number) d.invokeVjp("f", Differentiated.copyArguments(p), 1.0, d.newBuffers("f", p))).doubleValue(), 0.0);
        Differentiated auto = Differentiated.of("trust.Repro", source(body, "AUTO"), Options.DEFAULT);
        assertTrue(auto.translation().methods().contains("trust.Repro#f: static"), auto.translation().methods().toString());
    }

    @Test
    void checkedExceptionsAreDeclaredByTheAdjointsAndThrownWhereTheMethodThrows() {
        // g throws a checked exception of the class and one written qualified; f declares a supertype and calls g
        String body = """
                @SuppressWarnings("serial")
                static class TooLarge extends Exception {
                    TooLarge(String message) {
                        super(message);
                    }
                }

                @Differentiable(strategy = Strategy.$S)
                static double g(double x) throws TooLarge, java.io.IOException {
                    if (x > 10) throw new TooLarge("x = " + x);
                    if (x < -10) {
                        throw new java.io.IOException("x is " + x);
                    }
                    return x * x * Math.abs(x - 3);
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double x, double y) throws Exception {
                    if (y > 5) throw new Exception("y too large: " + y);
                    double s = 0;
                    for (int i = 0; i < 3; i++) {
                        s += g(x + i) * y;
                    }
                    return s + x;
                }
                """;
        exact(body, "f", new Object[] {0.7, 1.3}, new Object[] {-1.2, 0.4});
        exact(body, "g", new Object[] {0.7}, new Object[] {-1.2});
        throwsAlike(body, "f", true, new Object[] {20.0, 1.0});
        throwsAlike(body, "f", true, new Object[] {-30.0, 1.0});
        throwsAlike(body, "f", true, new Object[] {0.5, 7.0});
        throwsAlike(body, "g", true, new Object[] {-20.0});
        // every generated method declares the clause, its classes written out
        Translation t = Pipeline.translate(Map.of(Path.of("Repro.java"), source(body, "STATIC")), Optional.empty(), Options.DEFAULT);
        String generated = String.join("\n", t.generated().values());
        assertTrue(generated.contains("static double gVjp(double x, double seed, DoubleGrad dx) throws Repro.TooLarge, IOException {"),
                generated);
        assertTrue(generated.contains("static double fJvp(double x, double y, double tx, double ty, DoubleGrad tout) throws Exception {"),
                generated);
    }

    @Test
    void exceptionClassesAreNamedAsTheMethodsFileNamesThem() {
        // imported by name and on demand: the adjoint class imports neither, so it writes them out
        String source = """
                package trust;

                import dev.adjoint.Differentiable;
                import java.io.*;
                import java.util.concurrent.TimeoutException;

                public class Repro {
                    @Differentiable
                    static double f(double x) throws IOException, TimeoutException {
                        if (x > 1) throw new FileNotFoundException("x = " + x);
                        if (x < -1) throw new TimeoutException("x = " + x);
                        if (x == 0) throw new UncheckedIOException(new IOException("zero"));
                        return x * x;
                    }
                }
                """;
        for (Options o : List.of(Options.DEFAULT, Options.PLAIN)) {
            Differentiated d = Differentiated.of("trust.Repro", source, o);
            d.assertGradient("f", d, "f", 1e-6, 1e-9, new Object[] {0.5});
            Throwable e = thrown(() -> d.invokeVjp("f", new Object[] {2.0}, 1.0, d.newBuffers("f", new Object[] {2.0})));
            assertEquals(java.io.FileNotFoundException.class, e.getClass());
        }
        // a class an on-demand import outside the JDK may hold: the generator cannot tell which it is
        Translation t = Pipeline.translate(Map.of(Path.of("Repro.java"), source.replace("import java.io.*;", "import java.io.*;\nimport some.lib.*;")
                .replace("TimeoutException {", "TimeoutException, Weird {")), Optional.empty(), Options.DEFAULT);
        assertTrue(t.diagnostics().stream().anyMatch(d -> d.message().contains("exception type 'Weird'") && d.line() == 10),
                t.diagnostics().toString());
    }

    @Test
    void stringAndEnumVariablesAreAssignedOnceAndReadOnlyByCallsWithoutDerivative() {
        rejected("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double x, String s) {
                    s = s.trim();
                    return x * s.length();
                }
                """, "cannot assign the String or enum variable 's'");
        rejected("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double x, String s) {
                    String t = s.trim();
                    if (x > 0) {
                        t = "positive";
                    }
                    return x * t.length();
                }
                """, "cannot assign the String or enum variable 't'");
        // a double argument (boxed): the call would read an active value
        rejected("""
                @Differentiable(strategy = Strategy.$S)
                @SuppressWarnings("unlikely-arg-type")
                static double f(double x, String s) {
                    return s.equals(x) ? x : 2 * x;
                }
                """, "call to 's.equals' is not supported");
        // an enum may override toString: not a call the generator knows to touch nothing
        rejected("""
                enum Mode { A, B }

                @Differentiable(strategy = Strategy.$S)
                static double f(double x, Mode m) {
                    return x * m.toString().length();
                }
                """, "call to 'm.toString' is not supported");
    }

    @Test
    void aThrowTheStaticStrategyCannotCopyIsRejectedAtItsPosition() {
        rejected("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double x) {
                    if (x > 1) throw new IllegalStateException(String.format("%f", x));
                    return x * x;
                }
                """, "format", List.of("STATIC"));
    }

    @Test
    void localArraysInsideLoopsAndInitialisers() {
        String body = """
                @Differentiable(wrt = "w", strategy = Strategy.$S)
                static double f(double[] w, double[] x, int d) {
                    double s = 0;
                    double[] k = new double[] {0.5f, w[1], -2};
                    for (int i = 0; i < x.length; i++) {
                        double[] sq = new double[d];
                        double[] c = {1, -0.5f, w[0] * x[i]};
                        for (int j = 0; j < d; j++) {
                            sq[j] = w[j] * x[i] + c[j % 3];
                        }
                        double t = 0;
                        for (int j = 0; j < sq.length; j++) {
                            t += Math.sin(sq[j]) * sq[(j + 1) % d] * k[j % 3];
                        }
                        if (t > 0) {
                            double[] twice = new double[2 * d];
                            twice[d] = t * sq[0];
                            t = twice[d] - twice[0];
                        }
                        s += t * t;
                        k[i % 3] = k[i % 3] * c[2];
                    }
                    return s + k[0] + k[2];
                }
                """;
        exact(body, "f", new Object[] {new double[] {0.5, -0.25, 1.5, 0.3}, new double[] {1, 2, -0.5}, 4},
                new Object[] {new double[] {0.5, -0.25, 1.5, 0.3}, new double[] {1, 2, -0.5}, 0});
        throwsAlike(body, "f", true, new Object[] {new double[] {0.5, -0.25, 1.5, 0.3}, new double[] {1, 2, -0.5}, -1});
        Differentiated auto = Differentiated.of("trust.Repro", source(body, "AUTO"), Options.DEFAULT);
        assertTrue(auto.translation().methods().contains("trust.Repro#f: static"), auto.translation().methods().toString());
        // a 2-D array from rows of one length; a length the loop updates (not its counter's) is still rejected, at its position
        differentiates("""
                @Differentiable(strategy = Strategy.$S)
                static double g(double[] w) {
                    double[][] m = {{1, 2}, {-0.5, w[0]}};
                    double s = 0;
                    for (int i = 0; i < 2; i++) {
                        for (int j = 0; j < 2; j++) {
                            s += m[i][j] * w[i] * w[j];
                        }
                    }
                    return s;
                }
                """, "g", List.of("AUTO", "STATIC"), new Object[] {new double[] {0.5, -1.25}});
        rejected("""
                @Differentiable(strategy = Strategy.$S)
                static double h(double[] w) {
                    double s = 0;
                    int n = 1;
                    for (int i = 0; i < w.length; i++) {
                        double[] part = new double[n];
                        part[n - 1] = w[i];
                        s += part[n - 1] * part[n - 1];
                        n += 2;
                    }
                    return s;
                }
                """, "is created inside a block or loop", List.of("STATIC"));
    }

    @Test
    void aWarmCallWithArraysInsideLoopsAllocatesNothing() throws Exception {
        Differentiated d = Differentiated.of("trust.Repro", source("""
                @Differentiable(wrt = "w", strategy = Strategy.$S)
                static double f(double[] w, double[] x) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        double[] z = new double[w.length];
                        double[] c = {0.5, -1.5};
                        for (int j = 0; j < w.length; j++) {
                            z[j] = Math.tanh(w[j] * x[i]) * c[j % 2];
                        }
                        for (int j = 0; j < w.length; j++) {
                            s += z[j] * z[(j + 1) % w.length];
                        }
                    }
                    return s;
                }
                """, "STATIC"), Options.DEFAULT);
        double[] w = {0.5, -0.25, 1.5};
        double[] dw = new double[3];
        Object[] args = {w, new double[] {1, 2, -0.5, 0.25}, dw};
        java.lang.reflect.Method grad = d.loader().loadClass("trust.ReproAdjoint").getDeclaredMethod("fGrad",
                double[].class, double[].class, double[].class);
        grad.setAccessible(true);
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) {
            grad.invoke(null, args);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1000; i++) {
            grad.invoke(null, args);
        }
        long perCall = (threads.getCurrentThreadAllocatedBytes() - before) / 1000;
        // reflection boxes the double result (16 B); a fresh z and c per point would add over 100 B
        assertTrue(perCall <= 16 + 16, "a warm gradient call allocated " + perCall + " bytes");
    }

    @Test
    void aWarmCallOfAnMlpAssigningItsLayersAllocatesNothing() throws Exception {
        // a = z (issue 15): a's own array of the greatest width and z's, both from the pool
        Differentiated d = Differentiated.of("trust.Repro", source("""
                @Differentiable(wrt = {"W", "x"}, strategy = Strategy.$S)
                static double f(double[][] W, double[][] B, double[] x) {
                    double[] a = x;
                    for (int l = 0; l < W.length; l++) {
                        double[] z = new double[B[l].length];
                        for (int i = 0; i < z.length; i++) {
                            double s = B[l][i];
                            for (int j = 0; j < a.length; j++) {
                                s += W[l][i * a.length + j] * a[j];
                            }
                            z[i] = Math.tanh(s);
                        }
                        a = z;
                    }
                    double r = 0;
                    for (double v : a) {
                        r += v * v;
                    }
                    return r;
                }
                """, "STATIC"), Options.DEFAULT);
        double[][] W = {{0.3, -0.5, 0.8, 0.1, -0.2, 0.4}, {0.7, -0.6, 0.5}};
        double[][] B = {{0.1, -0.2, 0.3}, {0.05}};
        double[] x = {0.9, -1.1};
        Object[] args = {W, B, x, new double[][] {new double[6], new double[3]}, new double[2]};
        java.lang.reflect.Method grad = d.loader().loadClass("trust.ReproAdjoint").getDeclaredMethod("fGrad",
                double[][].class, double[][].class, double[].class, double[][].class, double[].class);
        grad.setAccessible(true);
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) {
            grad.invoke(null, args);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1000; i++) {
            grad.invoke(null, args);
        }
        long perCall = (threads.getCurrentThreadAllocatedBytes() - before) / 1000;
        // reflection boxes the double result (16 B); a's and z's arrays per call would add over 80 B
        assertTrue(perCall <= 16 + 16, "a warm gradient call allocated " + perCall + " bytes");
        d.assertGradient("f", d, "f", 1e-6, 1e-9, new Object[] {W, B, x});
    }

    @Test
    void aWarmCallWithRowLengthArraysAndIndexTablesAllocatesNothing() throws Exception {
        // a local array per row of the row's length, an int[] index table and a boolean[] mask: from the pool
        Differentiated d = Differentiated.of("trust.Repro", source("""
                @Differentiable(wrt = "m", strategy = Strategy.$S)
                static double f(double[][] m) {
                    double s = 0;
                    int[] order = new int[m.length];
                    boolean[] seen = new boolean[m.length];
                    for (int i = 0; i < m.length; i++) {
                        order[i] = m.length - 1 - i;
                    }
                    for (int i = 0; i < m.length; i++) {
                        double[] sq = new double[m[order[i]].length];
                        for (int j = 0; j < sq.length; j++) {
                            sq[j] = Math.tanh(m[order[i]][j]);
                        }
                        seen[order[i]] = true;
                        s += sq[0] * sq[sq.length - 1] * (seen[i] ? 2 : 1);
                    }
                    return s;
                }
                """, "STATIC"), Options.DEFAULT);
        double[][] m = {{0.5, -0.25, 1.5}, {0.3}, {1, 2}};
        double[][] dm = {new double[3], new double[1], new double[2]};
        Object[] args = {m, dm};
        java.lang.reflect.Method grad = d.loader().loadClass("trust.ReproAdjoint").getDeclaredMethod("fGrad",
                double[][].class, double[][].class);
        grad.setAccessible(true);
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) {
            grad.invoke(null, args);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1000; i++) {
            grad.invoke(null, args);
        }
        long perCall = (threads.getCurrentThreadAllocatedBytes() - before) / 1000;
        // reflection boxes the double result (16 B); arrays per call would add over 50 B
        assertTrue(perCall <= 16 + 16, "a warm gradient call allocated " + perCall + " bytes");
        d.assertGradient("f", d, "f", 1e-6, 1e-9, new Object[] {m});
    }

    @Test
    void aliasesOfWholeArrays() {
        String body = """
                @Differentiable(wrt = {"w", "v"}, strategy = Strategy.$S)
                static double f(double[] w, double[] v) {
                    double[] p = w;
                    double[] t = new double[w.length];
                    var q = t;
                    double s = 0;
                    for (int i = 0; i < p.length; i++) {
                        q[i] = p[i] * v[i];
                        s += t[i] * w[i];
                    }
                    p[0] = s * v[1];
                    double[] r = v;
                    r[1] = r[1] * w[0];
                    return w[0] * q[1] + v[1] * s;
                }
                """;
        exact(body, "f", new Object[] {new double[] {0.5, -0.25, 1.5}, new double[] {1, 2, -0.5}});
        Differentiated auto = Differentiated.of("trust.Repro", source(body, "AUTO"), Options.DEFAULT);
        assertTrue(auto.translation().methods().contains("trust.Repro#f: static"), auto.translation().methods().toString());
    }

    @Test
    void staticTablesAndMutableStaticsReadAsConstants() {
        String body = """
                static final double[] COEFFS = {0.5f, -1.25f, 2};
                static final double[][] TABLE = {{1, 2}, {3, -4}};
                static final int[] ORDER = {1, 0};
                static double scale = 1.5f;
                static int terms = 2;

                @Differentiable(strategy = Strategy.$S)
                static double f(double x, double y) {
                    double s = 0;
                    for (int i = 0; i < COEFFS.length; i++) {
                        s += COEFFS[i] * Math.pow(x, i) * scale;
                    }
                    for (int i = 0; i < terms; i++) {
                        s += TABLE[ORDER[i]][1] * x * y + Repro.TABLE[1][i] * y;
                    }
                    return s + Repro.COEFFS[0] * x / scale;
                }
                """;
        exact(body, "f", new Object[] {0.75, -1.5}, new Object[] {1.25, 0.5});
        Differentiated auto = Differentiated.of("trust.Repro", source(body, "AUTO"), Options.DEFAULT);
        assertTrue(auto.translation().methods().contains("trust.Repro#f: static"), auto.translation().methods().toString());
        // a field the adjoint class cannot read: said so, at the read
        rejected("""
                private static double[] hidden = {1, 2};

                @Differentiable(strategy = Strategy.$S)
                static double f(double x) {
                    return hidden[0] * x;
                }
                """, "reads a static field the generated");
        // a field the class writes may change during the call (here, in g): not a constant, for either strategy
        rejected("""
                static double glob = 2;

                static double g(double a) {
                    glob = a;
                    return a;
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double x) {
                    double y = glob * x;
                    return g(x) * y * glob;
                }
                """, "cannot read the static field 'glob' of Repro, which Repro assigns (line 12)", List.of("AUTO", "STATIC"));
    }

    @Test
    void fmaCopySignAndStrictMathTwins() {
        String body = """
                @Differentiable(strategy = Strategy.$S)
                static double f(double x, double y, double z) {
                    double s = Math.fma(x, y, z) + StrictMath.fma(y, z, x) * Math.copySign(x, y - 1);
                    s += StrictMath.sin(x) * StrictMath.cos(y) + StrictMath.exp(z / 4) + StrictMath.log(1 + y * y)
                            + StrictMath.log10(2 + x * x) + StrictMath.log1p(z * z) + StrictMath.expm1(x / 3);
                    s += StrictMath.tanh(x * y) + StrictMath.sqrt(1 + z * z) + StrictMath.cbrt(2 + x) + StrictMath.atan2(x, y)
                            + StrictMath.hypot(x, z) + StrictMath.pow(1.5, y) + StrictMath.max(x, y) * StrictMath.abs(z)
                            + StrictMath.sinh(y / 2) + StrictMath.cosh(z / 2) + StrictMath.tan(x / 3) + StrictMath.asin(y / 4)
                            + StrictMath.acos(z / 4) + StrictMath.atan(x) + StrictMath.toRadians(y) + StrictMath.toDegrees(z)
                            + java.lang.StrictMath.min(x, z);
                    return s;
                }
                """;
        exact(body, "f", new Object[] {0.75, -1.5, 0.5}, new Object[] {-1.25, 2.0, -0.75});
        Differentiated auto = Differentiated.of("trust.Repro", source(body, "AUTO"), Options.DEFAULT);
        assertTrue(auto.translation().methods().contains("trust.Repro#f: static"), auto.translation().methods().toString());
    }

    @Test
    void outputStatementsRunInTheForwardSweep() {
        String body = """
                @Differentiable(wrt = "w", strategy = Strategy.$S)
                static double f(double[] w, int steps) {
                    double s = 0;
                    for (int i = 0; i < steps; i++) {
                        s += Math.sin(w[i % w.length] * s + 1);
                        System.out.println("step " + i + ": s = " + s);
                    }
                    System.out.printf("done after %d steps%n", steps);
                    return s * s;
                }
                """;
        exact(body, "f", new Object[] {new double[] {0.5, -0.25, 1.5}, 4});
        for (String strategy : List.of("STATIC", "TAPE")) {
            Differentiated d = Differentiated.of("trust.Repro", source(body, strategy), Options.DEFAULT);
            Object[] p = {new double[] {0.5, -0.25, 1.5}, 4};
            String printed = printed(() -> d.invokeOriginal("f", Differentiated.copyArguments(p)));
            assertTrue(printed.contains("step 3: s = ") && printed.endsWith("done after 4 steps" + System.lineSeparator()), printed);
            assertEquals(printed, printed(() -> d.invokeVjp("f", Differentiated.copyArguments(p), 1.0, d.newBuffers("f", p))), strategy);
        }
    }

    /** What {@code call} prints on System.out. */
    private static String printed(Runnable call) {
        java.io.PrintStream out = System.out;
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            call.run();
        } finally {
            System.setOut(out);
        }
        return buffer.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void labelledJumpsAndAFloatingPointLoopVariable() {
        exact("""
                @Differentiable(wrt = "w", strategy = Strategy.$S)
                static double f(double[] w, int n) {
                    double s = 0;
                    outer:
                    for (int i = 0; i < n; i++) {
                        rows:
                        while (true) {
                            for (int j = 0; j < w.length; j++) {
                                if (w[j] * i > 3) {
                                    continue outer;
                                }
                                if (s > 10) {
                                    break outer;
                                }
                                if (j == w.length - 1) {
                                    break rows;
                                }
                                s += w[j] * w[(i + j) % w.length];
                            }
                            s = s * 0.5f;
                        }
                        s = s * 0.9f + w[0];
                    }
                    return s;
                }
                """, "f", new Object[] {new double[] {0.5, -0.25, 1.4}, 4}, new Object[] {new double[] {2.5, 1.25, 0.5}, 6},
                new Object[] {new double[] {0.25, 0.5}, 3});
        // a time step in the for header: the loop variable is a double (and with dt, active), the trip count its own
        String body = """
                @Differentiable(strategy = Strategy.$S)
                static double f(double k, double T, double dt) {
                    double x = 1, v = 0;
                    for (double t = 0; t < T; t += dt) {
                        double a = -k * x;
                        v += a * dt;
                        x += v * dt + 0.01f * t;
                    }
                    return x;
                }
                """;
        exact(body, "f", new Object[] {2.0, 1.03, 0.0625}, new Object[] {0.5, 0.3, 0.125});
        Differentiated auto = Differentiated.of("trust.Repro", source(body, "AUTO"), Options.DEFAULT);
        assertTrue(auto.translation().methods().contains("trust.Repro#f: static"), auto.translation().methods().toString());
    }

    @Test
    void aFileWithNewerSyntaxAndNothingToDifferentiateDoesNotFailTheBuild() {
        String modern = "package trust;\n\nsealed interface Shape permits Circle {}\nrecord Circle(double r) implements Shape {}\n"
                + "class Areas {\n    static double area(Object o) {\n        return switch (o) {\n"
                + "            case Circle(double r) -> Math.PI * r * r;\n            default -> 0;\n        };\n    }\n}\n";
        Translation t = Pipeline.translate(Map.of(Path.of("Repro.java"), source("""
                @Differentiable
                static double f(double x) {
                    return x * x;
                }
                """, "AUTO"), Path.of("Areas.java"), modern), Optional.empty(), Options.DEFAULT);
        assertTrue(!t.hasErrors() && t.generated().containsKey("trust.ReproAdjoint"), t.diagnostics().toString());
        // (read at Java 25 since issue 16, the file parses: not even a note)
        assertTrue(t.diagnostics().stream().noneMatch(d -> d.file().toString().equals("Areas.java") && d.isError()), t.diagnostics().toString());
        // a file that declares @Differentiable methods still reports its syntax errors
        Translation broken = Pipeline.translate(Map.of(Path.of("Repro.java"), source("""
                @Differentiable
                static double f(double x) {
                    return x * ;
                }
                """, "AUTO")), Optional.empty(), Options.DEFAULT);
        assertTrue(broken.hasErrors(), broken.diagnostics().toString());
    }

    // ---- harness: double and float, both strategies, throws alike --------------------------------

    /**
     * {@link TrustFindingsTest#differentiates} in double with every strategy; then the static and the
     * tape gradient against each other (ρ ≤ 1e-12); then the float twin of {@code body} (each
     * {@code double} a {@code float}) with each strategy against central differences of the double
     * method, and static against tape (ρ ≤ 1e-5).
     */
    // issue 15, item 5: a static field the class assigns stays rejected by both strategies (it may change during the call),
    // but the error says so, instead of "not a local variable" / "not a parameter, a local variable or a static field"
    @Test
    void assignedStaticFieldsAreRejectedPrecisely() {
        List<Diagnostic> written = rejected("""
                static double acc;

                @Differentiable(strategy = Strategy.$S)
                static double f(double x) {
                    acc = x * x;
                    return x;
                }
                """, "cannot assign the static field 'acc' of Repro");
        assertTrue(written.stream().noneMatch(d -> d.message().contains("not a local variable")), written.toString());
        List<Diagnostic> read = rejected("""
                static double scale = 2;

                static void setScale(double s) {
                    scale = s;
                }

                @Differentiable(strategy = Strategy.$S)
                static double g(double x) {
                    return x * scale;
                }
                """, "cannot read the static field 'scale' of Repro, which Repro assigns (line 12)", List.of("AUTO", "STATIC"));
        assertTrue(read.stream().noneMatch(d -> d.message().contains("is not a parameter")), read.toString());
    }

    static void exact(String body, String method, Object[]... points) {
        differentiates(body, method, points);
        agree(body, method, 1e-12, points);
        String floats = body.replace("double", "float");
        Object[][] floatPoints = Arrays.stream(points).map(OrdinaryJavaTest::narrowed).toArray(Object[][]::new);
        floatTwin(body, method, List.of("AUTO", "TAPE", "STATIC"), points);
        agree(floats, method, 1e-5, floatPoints);
    }

    /** The float twin of {@code body} with each of {@code strategies}: value and gradient against central differences of the double method. */
    static void floatTwin(String body, String method, List<String> strategies, Object[]... points) {
        Differentiated oracle = Differentiated.of("trust.Repro", source(body, "STATIC"), Options.DEFAULT);
        for (String strategy : strategies) {
            Differentiated f = Differentiated.of("trust.Repro", source(body.replace("double", "float"), strategy), Options.DEFAULT);
            for (Object[] p : points) {
                f.assertGradient(method, oracle, method, 1e-3, 1e-5, narrowed(p));
            }
        }
    }

    /** The static and the tape gradient of {@code method} agree: ρ = |a−b| / max(1, |a|+|b|) ≤ {@code rho}. */
    private static void agree(String body, String method, double rho, Object[]... points) {
        Differentiated st = Differentiated.of("trust.Repro", source(body, "STATIC"), Options.DEFAULT);
        Differentiated tape = Differentiated.of("trust.Repro", source(body, "TAPE"), Options.DEFAULT);
        for (Object[] p : points) {
            double[] a = st.vjp(method, 1.0, Differentiated.copyArguments(p)).gradient();
            double[] b = tape.vjp(method, 1.0, Differentiated.copyArguments(p)).gradient();
            for (int i = 0; i < a.length; i++) {
                double r = Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(a[i]) + Math.abs(b[i]));
                assertTrue(r <= rho, "static " + Arrays.toString(a) + " vs tape " + Arrays.toString(b) + " at " + Arrays.deepToString(p));
            }
        }
    }

    /** {@code p} with doubles and double arrays as floats. */
    private static Object[] narrowed(Object[] p) {
        Object[] out = new Object[p.length];
        for (int i = 0; i < p.length; i++) {
            if (p[i] instanceof double[] d) {
                float[] f = new float[d.length];
                for (int j = 0; j < d.length; j++) {
                    f[j] = (float) d[j];
                }
                out[i] = f;
            } else if (p[i] instanceof double[][] dd) {
                out[i] = Arrays.stream(dd).map(r -> narrowed(new Object[] {r})[0]).toArray(float[][]::new);
            } else if (p[i] instanceof Double d) {
                out[i] = d.floatValue();
            } else {
                out[i] = p[i];
            }
        }
        return out;
    }

    /**
     * With each strategy, in double and float, under -ea ({@code assertions}) or -da: the adjoint
     * throws at {@code point} what the method throws (class and message), and gives the thread's
     * array pool back as it found it.
     */
    static void throwsAlike(String body, String method, boolean assertions, Object[] point) {
        for (String type : List.of("double", "float")) {
            Object[] p = type.equals("double") ? point : narrowed(point);
            for (String strategy : List.of("AUTO", "TAPE", "STATIC")) {
                Differentiated d = Differentiated.of("trust.Repro", source(body.replace("double", type), strategy), Options.DEFAULT);
                d.loader().setDefaultAssertionStatus(assertions);
                d.loader().setPackageAssertionStatus("trust", assertions);
                Throwable expected = thrown(() -> d.invokeOriginal(method, Differentiated.copyArguments(p)));
                int pool = AdjointStacks.forThread().arrays.mark();
                Throwable got = thrown(() -> d.invokeVjp(method, Differentiated.copyArguments(p), type.equals("double") ? (Object) 1.0 : (Object) 1f,
                        d.newBuffers(method, p)));
                String where = type + " " + strategy + (assertions ? " -ea" : " -da");
                assertEquals(expected.getClass(), got.getClass(), where + ": " + got);
                assertEquals(expected.getMessage(), got.getMessage(), where);
                assertEquals(pool, AdjointStacks.forThread().arrays.mark(), where + ": the adjoint kept arrays of the pool " + java.util.Arrays.toString(got.getStackTrace()));
            }
        }
    }

    private static Throwable thrown(Runnable call) {
        AssertionError e = assertThrows(AssertionError.class, call::run);
        assertNotNull(e.getCause(), e.toString());
        return e.getCause();
    }

    @Test
    void aRowOfAMatrixTheMethodWritesIsNotPassedToACallByTheStaticStrategy() {
        // the callee's adjoint, called in the reverse sweep, would read the row as the method left it,
        // not as the call saw it: the static strategy passes rows only of matrices no one writes
        String body = """
                static class Lib {
                    @Differentiable
                    static double sq(double[] r) {
                        double s = 0;
                        for (double e : r) {
                            s += e * e;
                        }
                        return s;
                    }
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double[][] X, double a) {
                    double s = 0;
                    for (int i = 0; i < X.length; i++) {
                        s += Lib.sq(X[i]);
                        X[i][0] *= a;
                    }
                    return s + X[0][0];
                }
                """;
        rejected(body, "row 'X[i]' is passed to sq(...), and this method writes the elements of X", List.of("STATIC"));
        differentiates(body, "f", List.of("AUTO", "TAPE"), new Object[] {new double[][] {{0.5, -1.0}, {2.0, 0.3}}, 0.7});
    }

    @Test
    void aSwitchExpressionThatWouldChangeWhatIsReadBeforeItStaysAnError() {
        // Java reads s before the switch assigns it: run first, the switch would change the s that += reads
        rejected("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double x, int k) {
                    double s = x;
                    s += Math.sin(x) * switch (k) {
                        case 0 -> x * x;
                        case 1 -> {
                            s = 2;
                            yield s;
                        }
                        default -> 2;
                    };
                    return s;
                }
                """, "'switch' expression inside a larger expression is not supported");
        // under && it may not run at all
        rejected("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double x, int k) {
                    return x > 0 && switch (k) { case 0 -> x > 1; default -> true; } ? x * x : x;
                }
                """, "'switch' expression inside a larger expression is not supported");
    }
}
