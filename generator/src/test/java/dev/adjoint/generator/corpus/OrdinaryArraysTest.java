package dev.adjoint.generator.corpus;

import static dev.adjoint.generator.corpus.ReproHarness.differentiates;
import static dev.adjoint.generator.corpus.ReproHarness.exact;
import static dev.adjoint.generator.corpus.ReproHarness.rejected;
import static dev.adjoint.generator.corpus.ReproHarness.source;
import static dev.adjoint.generator.corpus.ReproHarness.throwsAlike;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import dev.adjoint.generator.testing.WarmCalls;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ordinary numeric Java on the static path (issue 15): arrays and static data. Integer and boolean
 * arrays, rows of a table by name, local arrays inside loops and initialisers, aliases of whole
 * arrays, static tables and mutable statics; warm calls that allocate nothing. Each in double and
 * float with every strategy against central differences and static against tape ({@link ReproHarness});
 * allocation against the thread's allocation counter.
 */
class OrdinaryArraysTest {

    @Test
    void intAndBooleanArrayParameters() {
        differentiates(
                """
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
                """,
                "crossEntropy", new Object[] {
                    new double[] {0.5, -0.25, 1.0},
                    new double[] {1.0, 2.0, -0.5, 0.75},
                    new int[] {0, 2, 1, 5},
                    new boolean[] {true, false, true, true},
                    3
                });
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
                """, "f", List.of("AUTO", "STATIC"), new Object[] {
            new double[] {0.5, -0.25}, new double[][] {{1, 2}, {-0.5, 0.75}, {0.1, 0.2}}
        });
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
        exact(
                body,
                "f",
                new Object[] {new double[] {0.5, -0.25, 1.5, 0.3}, new double[] {1, 2, -0.5}, 4},
                new Object[] {new double[] {0.5, -0.25, 1.5, 0.3}, new double[] {1, 2, -0.5}, 0});
        throwsAlike(body, "f", true, new Object[] {new double[] {0.5, -0.25, 1.5, 0.3}, new double[] {1, 2, -0.5}, -1});
        Differentiated auto = Differentiated.of("trust.Repro", source(body, "AUTO"), Options.DEFAULT);
        assertTrue(
                auto.translation().methods().contains("trust.Repro#f: static"),
                auto.translation().methods().toString());
        // a 2-D array from rows of one length; a length the loop updates (not its counter's): an array per creation
        // (issue 15)
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
        differentiates("""
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
                """, "h", List.of("AUTO", "TAPE", "STATIC"), new Object[] {new double[] {0.5, -1.25, 0.75}});
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
        java.lang.reflect.Method grad = d.loader()
                .loadClass("trust.ReproAdjoint")
                .getDeclaredMethod("fGrad", double[].class, double[].class, double[].class);
        grad.setAccessible(true);
        long perCall = WarmCalls.bytesPerCall(() -> grad.invoke(null, args));
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
        java.lang.reflect.Method grad = d.loader()
                .loadClass("trust.ReproAdjoint")
                .getDeclaredMethod(
                        "fGrad", double[][].class, double[][].class, double[].class, double[][].class, double[].class);
        grad.setAccessible(true);
        long perCall = WarmCalls.bytesPerCall(() -> grad.invoke(null, args));
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
        java.lang.reflect.Method grad = d.loader()
                .loadClass("trust.ReproAdjoint")
                .getDeclaredMethod("fGrad", double[][].class, double[][].class);
        grad.setAccessible(true);
        long perCall = WarmCalls.bytesPerCall(() -> grad.invoke(null, args));
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
        assertTrue(
                auto.translation().methods().contains("trust.Repro#f: static"),
                auto.translation().methods().toString());
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
        assertTrue(
                auto.translation().methods().contains("trust.Repro#f: static"),
                auto.translation().methods().toString());
        // a field the adjoint class cannot read: said so, at the read
        rejected("""
                private static double[] hidden = {1, 2};

                @Differentiable(strategy = Strategy.$S)
                static double f(double x) {
                    return hidden[0] * x;
                }
                """, "reads a static field the generated");
        // a field the class writes may change during the call (here, in g): not a constant, for either strategy
        rejected(
                """
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
                """,
                "cannot read the static field 'glob' of Repro, which Repro assigns (line 12)",
                List.of("AUTO", "STATIC"));
    }

    // issue 15, item 5: a static field the class assigns stays rejected by both strategies (it may change during the
    // call),
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
        List<Diagnostic> read = rejected(
                """
                static double scale = 2;

                static void setScale(double s) {
                    scale = s;
                }

                @Differentiable(strategy = Strategy.$S)
                static double g(double x) {
                    return x * scale;
                }
                """,
                "cannot read the static field 'scale' of Repro, which Repro assigns (line 12)",
                List.of("AUTO", "STATIC"));
        assertTrue(read.stream().noneMatch(d -> d.message().contains("is not a parameter")), read.toString());
    }

    @Test
    void aRaggedLocalWhoseRowIsPassedToACallIsOneErrorThatSaysSo() {
        // a ragged local is one rectangular array inside (as wide as its longest row), so a row of it cannot
        // be handed to a method; the declaration's error says so, and its uses add no follow-on errors
        String body = ReproHarness.LIB_DOT + """
                @Differentiable(strategy = Strategy.$S)
                static double f(double[] w) {
                    double[][] X = new double[3][];
                    double s = 0;
                    for (int i = 0; i < 3; i++) {
                        X[i] = new double[w.length];
                        for (int j = 0; j < w.length; j++) {
                            X[i][j] = w[j] * (i + 1) + s;
                        }
                        s += Lib.dot(X[i], w);
                    }
                    return s + X[0][0] + X[1].length;
                }
                """;
        for (String strategy : List.of("AUTO", "TAPE", "STATIC")) {
            List<Diagnostic> ds = rejected(
                    body,
                    "local array 'X' is ragged ('new double[3][]', its rows created one by one)",
                    List.of(strategy));
            assertTrue(ds.size() == 1, strategy + ": " + ds);
            assertTrue(ds.get(0).message().contains("(double[] r = X[i].clone();)"), ds.toString());
        }
    }

    @Test
    void nullIsAnErrorThatSaysSoInJavasWords() {
        // (the fence named JavaParser's node, "NullLiteral construct", before)
        List<Diagnostic> ds = rejected("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double[] p) {
                    double[] a = null;
                    if (p.length > 1) {
                        a = p;
                    }
                    return a == null ? 0 : a[0] * a[0];
                }
                """, "'null' is not supported");
        assertTrue(ds.stream().noneMatch(d -> d.message().contains("NullLiteral")), ds.toString());
    }
}
