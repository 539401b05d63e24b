package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.List;

/**
 * The extra ops and sigmoid forms of Theano's tests that {@code verify_grad} checks (see {@link TheanoFunctions}):
 * {@code theano/tensor/tests/test_extra_ops.py} ({@code CumOp} add and mul along no axis, axis 0 and axis 1,
 * {@code DiffOp} of order 1 to 3, {@code RepeatOp} along each axis, {@code fill_diagonal} and
 * {@code fill_diagonal_offset}) as methods returning their array (flattened), so the harness checks their
 * {@code Vjp} with a seed and their {@code nameJacobian} column by column; {@code theano/tensor/nnet/tests/test_sigm.py}
 * ({@code ultra_fast_sigmoid}, {@code hard_sigmoid}, and {@code log(1 - sigmoid(x))} as the softplus Theano rewrites it
 * into, whose gradient at {@code x = 50} must not be NaN).
 */
final class TheanoOps {
    private TheanoOps() {}

    private static Ported of(String file, String method, String body, Object[]... points) {
        String stem = file.substring(file.lastIndexOf('/') + 1).replace(".py", "");
        return new Ported(
                "theano." + stem + "." + method,
                "Theano/Theano " + file,
                method,
                body,
                List.of(points),
                List.of(),
                "static");
    }

    private static final String EXTRA = "theano/tensor/tests/test_extra_ops.py";
    private static final String SIGM = "theano/tensor/nnet/tests/test_sigm.py";

    static List<Ported> all() {
        List<Ported> l = new ArrayList<>();
        double[][] a = m(d(0.7, 1.3, 0.4, 1.9), d(1.1, 0.6, 1.5, 0.8), d(0.9, 1.7, 0.3, 1.2));
        l.add(of(
                EXTRA,
                "cumOp",
                """
                // CumOp: cumsum or cumprod along axis 0, axis 1, or the flattened array (axis -1 for None)
                @Differentiable(wrt = "a")
                static double[] cumOp(double[][] a, int axis, boolean mul) {
                    int rows = a.length;
                    int cols = a[0].length;
                    double[] out = new double[rows * cols];
                    double acc = mul ? 1 : 0;
                    for (int k = 0; k < rows * cols; k++) {
                        int i = axis == 0 ? k % rows : k / cols;
                        int j = axis == 0 ? k / rows : k % cols;
                        boolean restart = axis == 0 ? i == 0 : axis == 1 && j == 0;
                        if (restart) {
                            acc = mul ? 1 : 0;
                        }
                        acc = mul ? acc * a[i][j] : acc + a[i][j];
                        out[i * cols + j] = acc;
                    }
                    return out;
                }
                """,
                p(a, -1, false),
                p(a, -1, true),
                p(a, 0, false),
                p(a, 0, true),
                p(a, 1, false),
                p(a, 1, true)));
        l.add(of(
                EXTRA,
                "diffOp",
                """
                // DiffOp: the n-th discrete difference, as numpy.diff
                @Differentiable(wrt = "a")
                static double[] diffOp(double[] a, int n) {
                    double[] w = a.clone();
                    for (int k = 1; k <= n; k++) {
                        for (int i = 0; i < a.length - k; i++) {
                            w[i] = w[i + 1] - w[i];
                        }
                    }
                    return Arrays.copyOf(w, a.length - n);
                }
                """,
                p(d(0.3, 1.9, -0.7, 2.2, 0.5, -1.4), 1),
                p(d(0.3, 1.9, -0.7, 2.2, 0.5, -1.4), 2),
                p(d(0.3, 1.9, -0.7, 2.2, 0.5, -1.4), 3)));
        l.add(of(EXTRA, "repeatOp", """
                // RepeatOp: each element repeated three times along the axis, flattened row by row
                @Differentiable(wrt = "a")
                static double[] repeatOp(double[][] a, int axis) {
                    int rows = a.length;
                    int cols = a[0].length;
                    double[] out = new double[3 * rows * cols];
                    int k = 0;
                    if (axis == 0) {
                        for (int i = 0; i < rows; i++) {
                            for (int r = 0; r < 3; r++) {
                                for (int j = 0; j < cols; j++) {
                                    out[k++] = a[i][j];
                                }
                            }
                        }
                    } else {
                        for (int i = 0; i < rows; i++) {
                            for (int j = 0; j < cols; j++) {
                                for (int r = 0; r < 3; r++) {
                                    out[k++] = a[i][j] * 1.0;
                                }
                            }
                        }
                    }
                    return out;
                }
                """, p(m(d(0.7, 1.3), d(0.4, 1.9)), 0), p(m(d(0.7, 1.3), d(0.4, 1.9)), 1)));
        l.add(of(
                EXTRA,
                "fillDiagonalOffset",
                """
                // fill_diagonal_offset: a copy of a with the diagonal at the offset (above for > 0) set to val
                @Differentiable(wrt = {"a", "val"})
                static double[] fillDiagonalOffset(double[][] a, double val, int offset) {
                    int rows = a.length;
                    int cols = a[0].length;
                    double[] out = new double[rows * cols];
                    for (int i = 0; i < rows; i++) {
                        for (int j = 0; j < cols; j++) {
                            out[i * cols + j] = j - i == offset ? val : a[i][j];
                        }
                    }
                    return out;
                }
                """,
                p(a, 2.5, 0),
                p(a, -0.5, 2),
                p(a, 1.5, -1),
                p(m(d(0.2, 0.4), d(0.6, 0.8), d(1.0, 1.2)), 3.0, 0)));
        l.add(of(SIGM, "ultraFastSigmoid", """
                // ultra_fast_sigmoid: a piecewise tanh approximation, 0.5 (z + 1)
                static double ultraFast(double x) {
                    x = 0.5 * x;
                    double xx = Math.abs(x);
                    double z;
                    if (xx < 1.7) {
                        z = 1.5 * xx / (1 + xx);
                    } else if (xx < 3) {
                        z = 0.935409070603099 + 0.0458812946797165 * (xx - 1.7);
                    } else {
                        z = 0.99505475368673;
                    }
                    if (x < 0) {
                        z = -z;
                    }
                    return 0.5 * (z + 1.);
                }

                // hard_sigmoid: slope 0.2, shift 0.5, clipped to [0, 1]
                static double hardSigmoid(double x) {
                    double y = x * 0.2 + 0.5;
                    return y < 0 ? 0 : y > 1 ? 1 : y;
                }

                @Differentiable
                static double ultraFastSigmoid(double[] x) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += (i + 1) * ultraFast(x[i]) + hardSigmoid(x[i]) / (i + 1);
                    }
                    return s;
                }
                """, p(d(-7.3, -4.1, -1.2, 0.6, 2.9, 4.4, 8.8)))
                .publishes(d(0.375 / 2.25 + 0.2), 1e-15, d(1.0)));
        l.add(of(SIGM, "log1mSigmoid", """
                // log(1 - sigmoid(x)) = -softplus(x), softplus in its stable form; test_grad_log1msigm's x = 50
                @Differentiable
                static double log1mSigmoid(double x) {
                    return -(Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))));
                }
                """, p(-3.5), p(0.8), p(50.0))
                .publishes(d(-1), 1e-15, 50.0)
                .publishes(d(-0.5), 1e-15, 0.0));
        return l;
    }
}
