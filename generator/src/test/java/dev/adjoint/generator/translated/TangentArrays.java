package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;
import static dev.adjoint.generator.translated.Fn.tangent;

import java.util.ArrayList;
import java.util.List;

/**
 * Functions of Google Tangent's {@code tests/functions.py}: NumPy and TensorFlow eager ops, on {@code double[]}.
 * {@link TangentFunctions} lists them in the file's order.
 */
final class TangentArrays {
    private TangentArrays() {}

    static List<Fn> all() {
        List<Fn> l = new ArrayList<>();
        // ---------------------------------------------------------------- numpy
        l.add(tangent("numpy_sum", """
                @Differentiable
                static double numpy_sum(double[] x) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s = s + x[i];
                    }
                    return s;
                }
                """, p(d(1.5, -2, 0.5))));
        l.add(tangent("numpy_mean", """
                @Differentiable
                static double numpy_mean(double[] x) {
                    double s = 0;
                    for (double v : x) {
                        s += v;
                    }
                    return s / x.length;
                }
                """, p(d(1.5, -2, 0.5, 4))));
        l.add(tangent("numpy_exp", """
                @Differentiable
                static double numpy_exp(double a) {
                    return Math.exp(a);
                }
                """, p(0.5), p(-1.5)));
        l.add(tangent("numpy_exp2", """
                @Differentiable
                static double numpy_exp2(double a) {
                    return Math.exp(Math.exp(a));
                }
                """, p(0.5), p(-1.5)));
        l.add(tangent("numpy_sqrt", """
                @Differentiable
                static double numpy_sqrt(double a) {
                    double r;
                    if (a >= 0) {
                        r = Math.sqrt(a);
                    } else {
                        r = Math.sqrt(-a);
                    }
                    return r;
                }
                """, p(0.5), p(-1.5)));
        String[][] unary = {
            {"numpy_cos", "Math.cos(a)"}, {"numpy_sin", "Math.sin(a)"}, {"numpy_tan", "Math.tan(a)"},
            {"numpy_cosh", "Math.cosh(a)"}, {"numpy_sinh", "Math.sinh(a)"}, {"numpy_tanh", "Math.tanh(a)"},
            {"numpy_arccos", "Math.acos(a)"}, {"numpy_arcsin", "Math.asin(a)"}, {"numpy_arctan", "Math.atan(a)"},
        };
        for (String[] u : unary) {
            l.add(tangent(u[0], """
                    @Differentiable
                    static double %s(double a) {
                        return %s;
                    }
                    """.formatted(u[0], u[1]), p(0.3), p(-0.6)));
        }
        l.add(tangent("numpy_atleast_2d", """
                // np.sum(np.atleast_2d(x)) for a matrix x
                @Differentiable
                static double numpy_atleast_2d(double[][] x) {
                    double s = 0;
                    for (double[] row : x) {
                        for (double v : row) {
                            s += v;
                        }
                    }
                    return s;
                }
                """, p((Object) m(d(1, 2), d(3, -4)))));
        l.add(tangent(
                "logistic_regression",
                """
                // input (n), label (m) in [0, 1], W (n x m), b (m)
                @Differentiable(wrt = {"W", "b"})
                static double logistic_regression(double[] input, double[] label, double[][] W, double[] b) {
                    int m = b.length;
                    double[] h1 = new double[m];
                    for (int j = 0; j < m; j++) {
                        double s = b[j];
                        for (int i = 0; i < input.length; i++) {
                            s += input[i] * W[i][j];
                        }
                        h1[j] = s;
                    }
                    double loss = 0;
                    for (int j = 0; j < m; j++) {
                        double prediction = 0.5 * (Math.tanh(h1[j]) + 1);
                        double p = prediction * label[j] + (1 - prediction) * (1 - label[j]);
                        loss -= Math.log(p);
                    }
                    return loss;
                }
                """,
                p(d(0.5, -1, 2), d(1, 0), m(d(0.1, 0.2), d(-0.3, 0.4), d(0.5, -0.6)), d(0.05, -0.1))));
        l.add(tangent("det", """
                // np.linalg.det: Gaussian elimination with partial pivoting on a copy
                @Differentiable
                static double det(double[][] sqm) {
                    int n = sqm.length;
                    double[][] a = new double[n][n];
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            a[i][j] = sqm[i][j];
                        }
                    }
                    double det = 1;
                    for (int k = 0; k < n; k++) {
                        int p = k;
                        for (int i = k + 1; i < n; i++) {
                            if (Math.abs(a[i][k]) > Math.abs(a[p][k])) {
                                p = i;
                            }
                        }
                        if (p != k) {
                            for (int j = 0; j < n; j++) {
                                double t = a[k][j];
                                a[k][j] = a[p][j];
                                a[p][j] = t;
                            }
                            det = -det;
                        }
                        det *= a[k][k];
                        for (int i = k + 1; i < n; i++) {
                            double f = a[i][k] / a[k][k];
                            for (int j = k; j < n; j++) {
                                a[i][j] -= f * a[k][j];
                            }
                        }
                    }
                    return det;
                }
                """, p((Object) m(d(2, 1, 0.5), d(1, 3, -1), d(0.5, 2, 4))), p((Object)
                m(d(0.2, 3), d(1.5, -1)))));
        // ---------------------------------------------------------------- TensorFlow eager ops, on double[]
        String[][] tfeUnary = {
            {"tfe_negative", "-t[i]"}, {"tfe_exp", "Math.exp(t[i])"}, {"tfe_log", "Math.log(t[i])"},
            {"tfe_tanh", "Math.tanh(t[i])"}, {"tfe_cosh", "Math.cosh(t[i])"}, {"tfe_sinh", "Math.sinh(t[i])"},
            {"tfe_rsqrt", "1 / Math.sqrt(t[i])"},
        };
        for (String[] u : tfeUnary) {
            l.add(tangent(u[0], """
                    @Differentiable
                    static double[] %s(double[] t) {
                        double[] out = new double[t.length];
                        for (int i = 0; i < t.length; i++) {
                            out[i] = %s;
                        }
                        return out;
                    }
                    """.formatted(u[0], u[1]), p(d(0.5, 1.5, 2.5))));
        }
        l.add(tangent("tfe_reduce_sum", """
                @Differentiable
                static double tfe_reduce_sum(double[][] timage, boolean keepdims) {
                    double s = 0;
                    for (int i = 0; i < timage.length; i++) {
                        for (int j = 0; j < timage[i].length; j++) {
                            s += timage[i][j];
                        }
                    }
                    return s;
                }
                """, p(m(d(1, 2, 3), d(4, -5, 6)), true)));
        l.add(tangent("tfe_reduce_mean", """
                @Differentiable
                static double tfe_reduce_mean(double[][] timage, boolean keepdims) {
                    double s = 0;
                    int n = 0;
                    for (double[] row : timage) {
                        for (double v : row) {
                            s += v;
                            n++;
                        }
                    }
                    return s / n;
                }
                """, p(m(d(1, 2, 3), d(4, -5, 6)), false)));
        l.add(tangent("tfe_reduce_max", """
                @Differentiable
                static double tfe_reduce_max(double[][] timage, boolean keepdims) {
                    double best = Double.NEGATIVE_INFINITY;
                    for (double[] row : timage) {
                        for (double v : row) {
                            best = Math.max(best, v);
                        }
                    }
                    return best;
                }
                """, p(m(d(1, 2, 3), d(4, -5, 6)), false)));
        String[][] tfeBinary = {
            {"tfe_add", "t1[i] + t2[i]"},
            {"tfe_subtract", "t1[i] - t2[i]"},
            {"tfe_multiply", "t1[i] * t2[i]"},
            {"tfe_divide", "t1[i] / t2[i]"},
            {"tfe_maximum", "Math.max(t1[i], t2[i])"},
            {"tfe_squared_difference", "(t1[i] - t2[i]) * (t1[i] - t2[i])"},
        };
        for (String[] u : tfeBinary) {
            l.add(tangent(u[0], """
                    @Differentiable
                    static double[] %s(double[] t1, double[] t2) {
                        double[] out = new double[t1.length];
                        for (int i = 0; i < t1.length; i++) {
                            out[i] = %s;
                        }
                        return out;
                    }
                    """.formatted(u[0], u[1]), p(d(0.5, 1.5, -2.5), d(1.25, -0.5, 2))));
        }
        l.add(tangent("tfe_add_bcast", """
                // a scalar broadcast over a vector
                @Differentiable
                static double[] tfe_add_bcast(double s, double[] t) {
                    double[] out = new double[t.length];
                    for (int i = 0; i < t.length; i++) {
                        out[i] = s + t[i];
                    }
                    return out;
                }
                """, p(0.5, d(1.25, -0.5, 2))));
        l.add(tangent(
                "tfe_matmul",
                """
                // the product, flattened row by row; op(a) = a or its transpose, likewise b
                @Differentiable
                static double[] tfe_matmul(double[][] mat1, double[][] mat2, boolean transposeA, boolean transposeB) {
                    int n = transposeA ? mat1[0].length : mat1.length;
                    int k = transposeA ? mat1.length : mat1[0].length;
                    int m = transposeB ? mat2.length : mat2[0].length;
                    double[] out = new double[n * m];
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < m; j++) {
                            double s = 0;
                            for (int q = 0; q < k; q++) {
                                double a = transposeA ? mat1[q][i] : mat1[i][q];
                                double b = transposeB ? mat2[j][q] : mat2[q][j];
                                s += a * b;
                            }
                            out[i * m + j] = s;
                        }
                    }
                    return out;
                }
                """,
                p(m(d(1, 2), d(3, 4)), m(d(0.5, -1), d(2, 0.25)), false, false),
                p(m(d(1, 2), d(3, 4)), m(d(0.5, -1), d(2, 0.25)), true, true)));
        l.add(tangent(
                "tfe_conv2d",
                """
                // 'SAME' convolution of a row with a kernel of odd width (1-D: one channel)
                @Differentiable
                static double[] tfe_conv2d(double[] timage, double[] tkernel, int stride) {
                    int n = (timage.length + stride - 1) / stride;
                    int half = tkernel.length / 2;
                    double[] out = new double[n];
                    for (int o = 0; o < n; o++) {
                        double s = 0;
                        for (int k = 0; k < tkernel.length; k++) {
                            int i = o * stride + k - half;
                            if (i >= 0 && i < timage.length) {
                                s += timage[i] * tkernel[k];
                            }
                        }
                        out[o] = s;
                    }
                    return out;
                }
                """,
                p(d(1, -2, 3, 0.5, 2), d(0.25, 0.5, -1), 1),
                p(d(1, -2, 3, 0.5, 2), d(0.25, 0.5, -1), 2)));
        l.add(tangent("tfe_max_pool", """
                // 'SAME' max pooling of a row
                @Differentiable
                static double[] tfe_max_pool(double[] timage, int size, int stride) {
                    int n = (timage.length + stride - 1) / stride;
                    double[] out = new double[n];
                    for (int o = 0; o < n; o++) {
                        double best = Double.NEGATIVE_INFINITY;
                        for (int k = 0; k < size; k++) {
                            int i = o * stride + k;
                            if (i < timage.length && timage[i] > best) {
                                best = timage[i];
                            }
                        }
                        out[o] = best;
                    }
                    return out;
                }
                """, p(d(1, -2, 3, 0.5, 2), 2, 2), p(d(1, -2, 3, 0.5, 2), 3, 1)));
        l.add(tangent("tfe_avg_pool", """
                // 'SAME' average pooling of a row (padding not counted)
                @Differentiable
                static double[] tfe_avg_pool(double[] timage, int size, int stride) {
                    int n = (timage.length + stride - 1) / stride;
                    double[] out = new double[n];
                    for (int o = 0; o < n; o++) {
                        double s = 0;
                        int count = 0;
                        for (int k = 0; k < size && o * stride + k < timage.length; k++) {
                            s += timage[o * stride + k];
                            count++;
                        }
                        out[o] = s / count;
                    }
                    return out;
                }
                """, p(d(1, -2, 3, 0.5, 2), 2, 2), p(d(1, -2, 3, 0.5, 2), 3, 1)));
        l.add(tangent("tfe_trace_fn", """
                @Differentiable
                static double[] _trace_mul(double[] a, double[] b) {
                    double[] out = new double[a.length];
                    for (int i = 0; i < a.length; i++) {
                        out[i] = a[i] * b[i];
                    }
                    return out;
                }

                @Differentiable
                static double tfe_trace_fn(double[] t) {
                    double[] out = _trace_mul(t, t);
                    double result = 0;
                    for (double v : out) {
                        result += v;
                    }
                    return result;
                }
                """, p(d(0.5, 1.5, -2.5))));
        l.add(tangent("tfe_notrace_fn", """
                static double[] _nontrace_mul(double[] a, double[] b) {
                    double[] out = new double[a.length];
                    for (int i = 0; i < a.length; i++) {
                        out[i] = a[i] * b[i];
                    }
                    return out;
                }

                @Differentiable
                static double tfe_notrace_fn(double[] t) {
                    double[] out = _nontrace_mul(t, t);
                    double result = 0;
                    for (double v : out) {
                        result += v;
                    }
                    return result;
                }
                """, p(d(0.5, 1.5, -2.5))));
        return l;
    }
}
