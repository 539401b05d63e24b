package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Owl's algorithmic-differentiation tests (github.com/owlbarn/owl, {@code test/unit_algodiff_grad_generic.ml} and
 * {@code test/unit_algodiff_matrix_generic.ml}), written in Java. The gradient tests: each {@code f(x, y)} with its
 * partial derivatives in closed form, published at every point of Owl's grid ({@code x} in {0, 0.1, 0.2, 0.3, 0.8,
 * 0.9, 1, 1.1, 2, 3, 4}, {@code y} of the same magnitudes with either sign) that the test's filter keeps; Owl states
 * {@code log 2 / x} and {@code log 10 / x} for {@code log2(xy)} and {@code log10(xy)}, which is not their derivative:
 * {@code 1 / (x ln 2)} is published. The matrix tests Owl checks against finite differences ({@code test_func}): the
 * elementwise ones summed, and {@code inv}, {@code logdet} and the inverse Cholesky factor of {@code XᵀX + εI} written
 * as the loops of Gauss–Jordan elimination and Cholesky's factorisation, with central differences.
 */
final class OwlFunctions {
    private OwlFunctions() {}

    private static final String G = "test/unit_algodiff_grad_generic.ml";
    private static final String MT = "test/unit_algodiff_matrix_generic.ml";
    private static final double[] COORDS = {0, 0.1, 0.2, 0.3, 0.8, 0.9, 1.0, 1.1, 2.0, 3.0, 4.0};

    private static final List<Ported> FNS = new ArrayList<>();

    static List<Ported> all() {
        return List.copyOf(FNS);
    }

    /** Owl's grid: (x, -y) and (x, y) for x and y in its coordinates. */
    private static List<double[]> grid() {
        List<double[]> vs = new ArrayList<>();
        for (double x : COORDS) {
            for (double y : COORDS) {
                vs.add(new double[] {x, -y});
                vs.add(new double[] {x, y});
            }
        }
        return vs;
    }

    private static final Predicate<double[]> ALL = v -> true;
    private static final Predicate<double[]> X_NONZERO = v -> Math.abs(v[0]) > 1e-8;
    private static final Predicate<double[]> X_POS = v -> v[0] > 1e-7;
    private static final Predicate<double[]> X_LT_ONE = v -> v[0] > -1 && v[0] < 1;
    private static final Predicate<double[]> Y_LT_ONE = v -> v[1] > -1 && v[1] < 1;
    private static final Predicate<double[]> Y_GT_ONE = v -> v[1] > 1;
    private static final Predicate<double[]> PROD_POS = v -> v[0] * v[1] > 0.00001;
    private static final Predicate<double[]> DIFF = v -> Math.abs(v[1] - v[0]) > 1e-8;
    private static final Predicate<double[]> SQ_DIFF = v -> Math.abs(v[1] * v[1] - v[0] * v[0]) > 1e-8;

    /** {@code f(x, y) = expr}, its gradient {@code grad} published on the grid's points that {@code keep} keeps. */
    private static void g(
            String name, String expr, Function<double[], double[]> grad, Predicate<double[]> keep, Object[]... points) {
        Ported fn = new Ported(
                "owl.unit_algodiff_grad_generic." + name,
                "owlbarn/owl " + G + ": " + name,
                name,
                "@Differentiable\nstatic double " + name + "(double x, double y) {\n    return " + expr + ";\n}\n",
                List.of(points),
                List.of(),
                "static");
        for (double[] v : grid()) {
            if (keep.test(v)) {
                fn = fn.publishes(grad.apply(v), 1e-12, v[0], v[1]);
            }
        }
        FNS.add(fn);
    }

    private static void mat(String name, String body, Object[]... points) {
        FNS.add(new Ported(
                "owl.unit_algodiff_matrix_generic." + name,
                "owlbarn/owl " + MT + ": " + name,
                name,
                body,
                List.of(points),
                List.of(),
                "static"));
    }

    private static double sq(double v) {
        return v * v;
    }

    static {
        Object[] a = p(0.7, -1.3);
        Object[] b = p(2.1, 0.4);
        // poly
        g("one", "1 + 0 * x * y", v -> d(0, 0), ALL, a);
        g("xOnly", "x + 0 * y", v -> d(1, 0), ALL, a);
        g("xPlusY", "x + y", v -> d(1, 1), ALL, a);
        g("xMinusY", "x - y", v -> d(1, -1), ALL, a);
        g("xTimesX", "x * x + 0 * y", v -> d(2 * v[0], 0), ALL, a);
        g("xDivX", "x / x + 0 * y", v -> d(0, 0), X_NONZERO, a);
        g("yDivX", "y / x", v -> d(-1 / sq(v[0]) * v[1], 1 / v[0]), X_NONZERO, a, b);
        g("xsqPlusY", "Math.pow(x, 2.) + y", v -> d(2 * v[0], 1), ALL, a);
        g("xy", "x * y", v -> d(v[1], v[0]), ALL, a);
        g("xsqPlusYsq", "Math.pow(x, 2.) + Math.pow(y, 2.)", v -> d(2 * v[0], 2 * v[1]), ALL, a);
        g("xPlusYAllSq", "Math.pow(x + y, 2.)", v -> d(2 * (v[0] + v[1]), 2 * (v[0] + v[1])), ALL, a);
        g("xySq", "Math.pow(x * y, 2.)", v -> d(2 * v[0] * sq(v[1]), 2 * sq(v[0]) * v[1]), ALL, a);
        g(
                "xyCube",
                "x * y * x * y * x * y",
                v -> d(3 * sq(v[0]) * Math.pow(v[1], 3), 3 * Math.pow(v[0], 3) * sq(v[1])),
                ALL,
                a);
        g(
                "xPowY",
                "Math.pow(x, y)",
                v -> d(v[1] * Math.pow(v[0], v[1] - 1), Math.log(v[0]) * Math.pow(v[0], v[1])),
                X_POS,
                b,
                p(0.8, -1.1));
        // other
        g("minXY", "Math.min(x, y)", v -> d(v[0] < v[1] ? 1 : 0, v[1] < v[0] ? 1 : 0), DIFF, a, b);
        g("maxXY", "Math.max(x, y)", v -> d(v[0] > v[1] ? 1 : 0, v[1] > v[0] ? 1 : 0), DIFF, a, b);
        g("negY", "-y + 0 * x", v -> d(0, -1), ALL, a);
        g("absY2", "Math.abs(Math.pow(y, 2.)) + 0 * x", v -> d(0, 2 * v[1]), ALL, a);
        g(
                "absX2MinusY2",
                "Math.abs(Math.pow(x, 2.) - Math.pow(y, 2.))",
                v -> {
                    double s = sq(v[0]) < sq(v[1]) ? -1 : 1;
                    return d(s * 2 * v[0], s * -2 * v[1]);
                },
                SQ_DIFF,
                a,
                b);
        g(
                "signX2MinusY2",
                "Math.signum(Math.pow(x, 2.) - Math.pow(y, 2.)) + Math.floor(Math.pow(x, 2.) - Math.pow(y, 2.))"
                        + " + Math.ceil(Math.pow(x, 2.) - Math.pow(y, 2.)) + Math.round(Math.pow(x, 2.) - Math.pow(y, 2.))",
                v -> d(0, 0),
                ALL,
                a);
        // logexp
        g("sqrMinusSqr", "x * x - y * y", v -> d(2 * v[0], -2 * v[1]), ALL, a);
        g(
                "sqrtXY",
                "Math.sqrt(x * y)",
                v -> d(0.5 * v[1] / Math.sqrt(v[0] * v[1]), 0.5 * v[0] / Math.sqrt(v[0] * v[1])),
                PROD_POS,
                b);
        g("logXY", "Math.log(x * y)", v -> d(1 / v[0], 1 / v[1]), PROD_POS, b);
        g(
                "log2XY",
                "Math.log(x * y) / Math.log(2)",
                v -> d(1 / (v[0] * Math.log(2)), 1 / (v[1] * Math.log(2))),
                PROD_POS,
                b);
        g("log10XY", "Math.log10(x * y)", v -> d(1 / (v[0] * Math.log(10)), 1 / (v[1] * Math.log(10))), PROD_POS, b);
        g("expXY", "Math.exp(x * y)", v -> d(v[1] * Math.exp(v[0] * v[1]), v[0] * Math.exp(v[0] * v[1])), ALL, a);
        // trig
        g("sinX", "Math.sin(x) + 0 * y", v -> d(Math.cos(v[0]), 0), ALL, a);
        g("cosY", "Math.cos(y) + 0 * x", v -> d(0, -Math.sin(v[1])), ALL, a);
        g("sinXY", "Math.sin(x * y)", v -> d(v[1] * Math.cos(v[0] * v[1]), v[0] * Math.cos(v[0] * v[1])), ALL, a);
        g("cosXY", "Math.cos(x * y)", v -> d(-v[1] * Math.sin(v[0] * v[1]), -v[0] * Math.sin(v[0] * v[1])), ALL, a);
        g(
                "cosYDivX",
                "Math.cos(y / x)",
                v -> d(v[1] / sq(v[0]) * Math.sin(v[1] / v[0]), -1 / v[0] * Math.sin(v[1] / v[0])),
                X_NONZERO,
                a,
                b);
        g("tanXPlusY", "Math.tan(x + y)", v -> d(1 / sq(Math.cos(v[0] + v[1])), 1 / sq(Math.cos(v[0] + v[1]))), ALL, a);
        g("asinX", "Math.asin(x) + 0 * y", v -> d(1 / Math.sqrt(1 - sq(v[0])), 0), X_LT_ONE, a);
        g("acosY", "Math.acos(y) + 0 * x", v -> d(0, -1 / Math.sqrt(1 - sq(v[1]))), Y_LT_ONE, b);
        g("atanY", "Math.atan(y) + 0 * x", v -> d(0, 1 / (1 + sq(v[1]))), ALL, a);
        g(
                "atan2YX",
                "Math.atan2(y, x)",
                v -> d(-1 / (1 + sq(v[1] / v[0])) * v[1] / sq(v[0]), 1 / (1 + sq(v[1] / v[0])) / v[0]),
                X_NONZERO,
                a,
                b);
        // hyperbolic
        g("sinhX", "Math.sinh(x) + 0 * y", v -> d(Math.cosh(v[0]), 0), ALL, a);
        g("coshY", "Math.cosh(y) + 0 * x", v -> d(0, Math.sinh(v[1])), ALL, a);
        g("sinhXY", "Math.sinh(x * y)", v -> d(v[1] * Math.cosh(v[0] * v[1]), v[0] * Math.cosh(v[0] * v[1])), ALL, a);
        g(
                "coshYDivX",
                "Math.cosh(y / x)",
                v -> d(-v[1] / sq(v[0]) * Math.sinh(v[1] / v[0]), 1 / v[0] * Math.sinh(v[1] / v[0])),
                X_NONZERO,
                a,
                b);
        g(
                "tanhXPlusY",
                "Math.tanh(x + y)",
                v -> d(1 / sq(Math.cosh(v[0] + v[1])), 1 / sq(Math.cosh(v[0] + v[1]))),
                ALL,
                a);
        g("asinhX", "Math.log(x + Math.sqrt(x * x + 1)) + 0 * y", v -> d(1 / Math.sqrt(1 + sq(v[0])), 0), ALL, a);
        g(
                "acoshY",
                "Math.log(y + Math.sqrt(y * y - 1)) + 0 * x",
                v -> d(0, 1 / Math.sqrt(sq(v[1]) - 1)),
                Y_GT_ONE,
                p(0.7, 1.3));
        g("atanhY", "0.5 * Math.log((1 + y) / (1 - y)) + 0 * x", v -> d(0, 1 / (1 - sq(v[1]))), Y_LT_ONE, b);
        // ---- matrix tests: elementwise functions summed over a 3x3 matrix, then the linear algebra
        double[][] x0 = m(d(0.5, -1.2, 0.3), d(0.8, 0.1, -0.7), d(-0.4, 1.5, 0.9));
        double[][] x1 = m(d(1.1, 0.2, -0.3), d(-0.6, 0.9, 0.4), d(0.2, -0.5, 1.3));
        mat("elementwise", """
                static double sigmoid(double x) {
                    return 1 / (1 + Math.exp(-x));
                }

                // Owl's test_func on sqrt(x * x), log(1 + x^2), log(1 + (x^2)^(2.9 + x)), tan x cos^2 x, sigmoid, relu,
                // sinh, cosh, tanh, summed over the elements (each weighted, so a transposition would show)
                @Differentiable
                static double elementwise(double[][] x) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        for (int j = 0; j < x[i].length; j++) {
                            double v = x[i][j];
                            double e = Math.sqrt(v * v) + Math.log(1 + v * v) + Math.log(1 + Math.pow(v * v, 2.9 + v))
                                    + Math.tan(v) * Math.cos(v) * Math.cos(v) + sigmoid(v) + Math.max(0, v)
                                    + Math.sinh(v) + Math.cosh(v) + Math.tanh(v) + Math.exp(v) - v * v;
                            s += (i + 2 * j + 1) * e;
                        }
                    }
                    return s;
                }
                """, p((Object) x0), p((Object) x1));
        mat("reductions", """
                // trace, log_sum_exp', l1norm', l2norm', l2norm_sqr', the sum of sin(y1 * y2) over rows 0 and 2
                // (get_slice), of tan over the fancy-indexed products, tril and triu summed with weights
                @Differentiable
                static double reductions(double[][] x) {
                    int n = x.length;
                    double trace = 0;
                    double max = Double.NEGATIVE_INFINITY;
                    double l1 = 0;
                    double l2sq = 0;
                    for (int i = 0; i < n; i++) {
                        trace += x[i][i];
                        for (int j = 0; j < n; j++) {
                            max = Math.max(max, x[i][j]);
                            l1 += Math.abs(x[i][j]);
                            l2sq += x[i][j] * x[i][j];
                        }
                    }
                    double se = 0;
                    for (double[] row : x) {
                        for (double v : row) {
                            se += Math.exp(v - max);
                        }
                    }
                    double lse = max + Math.log(se);
                    double slice = 0;
                    for (int j = 0; j < n; j++) {
                        slice += Math.sin(x[0][j] * x[2][j]);
                    }
                    double fancy = Math.tan(x[0][0] * x[1][0]) + Math.tan(x[0][2] * x[1][1]) + Math.tan(x[1][0] * x[2][0])
                            + Math.tan(x[1][2] * x[2][1]);
                    double tri = 0;
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j <= i; j++) {
                            tri += (i + 1) * x[i][j];
                        }
                        for (int j = i; j < n; j++) {
                            tri += (j + 3) * x[i][j] * x[i][j];
                        }
                    }
                    return trace + lse + l1 + Math.sqrt(l2sq) + l2sq + slice + fancy + tri;
                }
                """, p((Object) x0), p((Object) x1));
        mat("invGram", OwlLinAlg.INV, p((Object) x0), p((Object) x1));
        mat("logdetGram", OwlLinAlg.LOGDET, p((Object) x0), p((Object) x1));
        mat("cholInverse", OwlLinAlg.CHOL_INV, p((Object) x0), p((Object) x1));
    }
}
