package dev.adjoint.generator.corpus;

import static dev.adjoint.generator.corpus.ReproHarness.differentiates;
import static dev.adjoint.generator.corpus.ReproHarness.exact;
import static dev.adjoint.generator.corpus.ReproHarness.rejected;
import static dev.adjoint.generator.corpus.ReproHarness.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ordinary numeric Java that stays on the static path (issue 15): calls. Plain helpers, helpers
 * writing arrays (the same array passed twice), overloads, a scratch array read by a helper, a row
 * of a matrix the method writes; each against the method's value, side effects and central
 * differences with every strategy that accepts it ({@link ReproHarness}). Arrays and allocation are
 * in {@link OrdinaryArraysTest}, statements, exceptions and strings in {@link OrdinaryStatementsTest}.
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
        differentiates(body, "f", new Object[] {new double[] {0.5, -0.25, 1.5}, 0.75}, new Object[] {
            new double[] {-1.1, 2}, -0.3
        });
        Differentiated auto = Differentiated.of("trust.Repro", source(body, "AUTO"), Options.DEFAULT);
        assertTrue(
                auto.translation().methods().contains("trust.Repro#f: static"),
                auto.translation().methods().toString());
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
        differentiates(body, "b", List.of("AUTO", "STATIC"), new Object[] {
            w, new double[] {0.1, 0.2, -0.4}, new double[] {1, -2}
        });
        Differentiated auto = Differentiated.of("trust.Repro", source(body, "AUTO"), Options.DEFAULT);
        assertEquals(
                List.of(
                        "trust.Repro#a: static",
                        "trust.Repro#b: static",
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
        differentiates(body, "g", new Object[] {new double[] {0.3, -0.7, 1.1}, 0.8}, new Object[] {
            new double[] {-1.2, 0.4, 2.0}, -0.5
        });
        Differentiated auto = Differentiated.of("trust.Repro", source(body, "AUTO"), Options.DEFAULT);
        assertTrue(
                auto.translation().methods().contains("trust.Repro#g: static"),
                auto.translation().methods().toString());
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
        differentiates(body, "objective", new Object[] {
            new double[] {0.5, -1.0, 2.0, 0.25}, new double[] {0.1, 1.5, -0.5}, new double[] {0.2, -0.3, 0.4}, 4, 3
        });
        Differentiated d = Differentiated.of("trust.Repro", source(body, "AUTO"), Options.DEFAULT);
        assertTrue(
                d.translation().methods().stream().anyMatch(m -> m.equals("trust.Repro#objective: static")),
                d.translation().methods().toString());
    }

    @Test
    void aRowOfAMatrixParameterTheMethodWritesIsPassedToACallAsACopy() {
        // the callee's adjoint, called in the reverse sweep, must read the row as the call saw it; a parameter keeps
        // the method's writes (the caller sees them), so they cannot be undone: the call is passed a copy taken
        // before its statement (desugar/ArgumentSnapshots), whose adjoint goes back to the row's
        String lib = """
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

                """;
        exact(lib + """
                @Differentiable(strategy = Strategy.$S)
                static double f(double[][] X, double a) {
                    double s = 0;
                    for (int i = 0; i < X.length; i++) {
                        s += Lib.sq(X[i]) * X[i][0];
                        X[i][0] *= a + s;
                    }
                    return s + X[0][0];
                }
                """, "f", new Object[] {new double[][] {{0.5, -1.0}, {2.0, 0.3}}, 0.7}, new Object[] {
            new double[][] {{-0.4, 0.6, 1.1}, {0.2, -0.3, 0.8}, {1.3, 0.1, -0.9}}, -0.6
        });
        // under ?: the call may not run, so no copy is taken before the statement: the static strategy refuses it
        String conditional = lib + """
                @Differentiable(strategy = Strategy.$S)
                static double f(double[][] X, double a) {
                    double s = 0;
                    for (int i = 0; i < X.length; i++) {
                        s += a > 0 ? Lib.sq(X[i]) : X[i][1];
                        X[i][0] *= a;
                    }
                    return s + X[0][0];
                }
                """;
        rejected(
                conditional,
                "row 'X[i]' is passed to sq(...), and this method writes the elements of its parameter X",
                List.of("STATIC"));
        differentiates(conditional, "f", List.of("AUTO", "TAPE"), new Object[] {
            new double[][] {{0.5, -1.0}, {2.0, 0.3}}, 0.7
        });
    }

    @Test
    void anElseIfConditionGetsTheStatementsItsRewriteWritesBeforeIt() {
        // a copy for the call, or an update's old value, is declared before the else-if it serves: the
        // else branch becomes a block holding both (the block used to be left out of the tree, so the
        // condition named a variable declared nowhere: an error naming 'snapshot0' or 'iBefore0')
        exact(
                ReproHarness.LIB_DOT + """
                @Differentiable(strategy = Strategy.$S)
                static double f(double[] w, double a) {
                    double s = 0;
                    int i = 0;
                    for (int k = 0; k < 3; k++) {
                        w[k] = w[k] * a;
                        if (a > 1) {
                            s += w[k];
                        } else if (Lib.dot(w, w) > s) {
                            s += Lib.dot(w, w) * w[k];
                        } else if (w[i++] > 0) {
                            s += w[i] * w[k];
                        }
                    }
                    return s + w[0];
                }
                """,
                "f",
                new Object[] {new double[] {0.5, -1.0, 0.7, 0.2}, 0.7},
                new Object[] {new double[] {0.9, 0.3, -0.2, 0.1}, 0.4},
                new Object[] {new double[] {0.5, -1.0, 0.7, 0.2}, 1.3});
    }

    @Test
    void aRowOfALocalMatrixTheMethodWritesIsPassedToACallWithItsWritesUndone() {
        // a matrix created in each iteration, a row of it read by another class's method, then written: the
        // reverse sweep restores each overwritten element, so the callee's adjoint reads the row the call saw
        String body = ReproHarness.LIB_DOT + """
                @Differentiable(strategy = Strategy.$S)
                static double f(double[] w) {
                    double s = 0;
                    for (int i = 0; i < 3; i++) {
                        double[][] X = new double[2][w.length];
                        for (int j = 0; j < w.length; j++) {
                            X[i % 2][j] = w[j] * (i + 1) + s;
                        }
                        s += Lib.dot(X[i % 2], w);
                        X[i % 2][0] = s * X[i % 2][0];
                        s += X[i % 2][0];
                    }
                    return s;
                }
                """;
        differentiates(
                body, "f", new Object[] {new double[] {0.3, -0.2, 0.5}}, new Object[] {new double[] {-1.1, 0.4}});
        Differentiated d = Differentiated.of("trust.Repro", source(body, "AUTO"), Options.DEFAULT);
        assertTrue(
                d.translation().methods().stream().anyMatch(m -> m.equals("trust.Repro#f: static")),
                d.translation().methods().toString());
    }

    @Test
    void aRowALeftCallWritesIsNotPassedByTheStaticStrategy() {
        // rec stays a call (recursive) and writes the row it is given: the static strategy cannot follow that
        String body = """
                static class Lib {
                    @Differentiable
                    static double rec(double[] r, int k) {
                        if (k == 0) {
                            return r[0];
                        }
                        r[k] = r[k] * r[k - 1];
                        return rec(r, k - 1) + r[k];
                    }
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double[] w) {
                    double[][] X = new double[2][w.length];
                    double s = 0;
                    for (int i = 0; i < 2; i++) {
                        for (int j = 0; j < w.length; j++) {
                            X[i][j] = w[j] * (i + 1);
                        }
                        s += Lib.rec(X[i], w.length - 1);
                    }
                    return s;
                }
                """;
        rejected(body, "row 'X[i]' is passed to rec(...), which writes it and stays a call here", List.of("STATIC"));
        differentiates(body, "f", List.of("AUTO", "TAPE"), new Object[] {new double[] {0.3, -0.2, 0.5}});
    }

    @Test
    void aLongHelperThatWritesTheStateItIsGivenIsInlinedWhateverItsSize() {
        // a simulation's step of 124 statements: past the inliner's 120 a helper that returns a number stays a
        // call, but one that writes an array it is given could not (neither strategy would see the writes)
        StringBuilder step = new StringBuilder("static void step(double[] s, double dt) {\n");
        for (int k = 0; k < 124; k++) {
            step.append("    s[%d] = s[%d] + dt * s[%d] * s[%d] * %sf;\n"
                    .formatted(k % 6, k % 6, (k + 1) % 6, (k + 3) % 6, Float.toString(0.1f + 0.001f * k)));
        }
        step.append("}\n\n");
        exact(step + """
                @Differentiable(strategy = Strategy.$S)
                static double simulate(double[] s0, double dt) {
                    double[] s = s0.clone();
                    for (int t = 0; t < 2; t++) {
                        step(s, dt);
                    }
                    double e = 0;
                    for (double v : s) {
                        e += v * v;
                    }
                    return e;
                }
                """, "simulate", new Object[] {new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6}, 0.1}, new Object[] {
            new double[] {-0.7, 0.4, 1.1, -0.2, 0.9, 0.3}, 0.05
        });
    }
}
