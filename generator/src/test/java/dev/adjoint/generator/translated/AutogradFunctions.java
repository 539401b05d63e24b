package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.List;

/**
 * Functions of HIPS autograd's tests ({@code tests/test_scalar_ops.py}, {@code tests/test_numpy.py},
 * github.com/HIPS/autograd at bff107b), in Java: the lambdas {@code check_grads} is given become static methods, numpy
 * arrays {@code double[]} and {@code double[][]}, reductions along an axis loops returning a {@code double[]}, a 2-D
 * result ({@code rot90}, {@code triu}, {@code roll}, {@code where}) flattened row by row into a {@code double[]}
 * (Adjoint's array results are 1-D), numpy functions Java's {@code Math} lacks written out ({@code log2},
 * {@code exp2}, {@code arccosh}, Python's {@code mod} as {@code ((x % y) + y) % y}). Where the test asserts a value
 * ({@code grad(power(x, 0.0))(0.0) == 0}, {@code grad(max([x, x]))(1.0) == 1}) it is published.
 */
final class AutogradFunctions {
    private AutogradFunctions() {}

    private static final String REPO = "HIPS/autograd";

    private static Ported scalar(int line, String method, String body, Object[]... points) {
        return Ported.of("autograd", REPO, "tests/test_scalar_ops.py", line, method, body, points);
    }

    private static Ported numpy(int line, String method, String body, Object[]... points) {
        return Ported.of("autograd", REPO, "tests/test_numpy.py", line, method, body, points);
    }

    private static final double[][] MAT = {
        {0.3, -1.2, 2.5, 0.1, -0.7},
        {1.1, 0.4, -0.6, 2.2, 0.9},
        {-1.5, 0.8, 0.2, -0.3, 1.7},
        {0.6, -0.9, 1.3, 0.5, -2.1}
    };

    static List<Ported> all() {
        return List.of(
                // test_abs: 3 |x| at ±1.1
                scalar(9, "abs3", """
                        @Differentiable
                        static double abs3(double x) {
                            return 3.0 * Math.abs(x);
                        }
                        """, p(1.1), p(-1.1)),
                // test_log2, test_exp2, test_arccosh, test_arcsinh, test_arctanh as a programmer writes them
                scalar(44, "logs", """
                        static final double LN2 = Math.log(2.0);

                        static double log2(double x) {
                            return Math.log(x) / LN2;
                        }

                        static double exp2(double x) {
                            return Math.pow(2.0, x);
                        }

                        static double arccosh(double x) {
                            return Math.log(x + Math.sqrt(x * x - 1));
                        }

                        static double arcsinh(double x) {
                            return Math.log(x + Math.sqrt(x * x + 1));
                        }

                        static double arctanh(double x) {
                            return 0.5 * Math.log((1 + x) / (1 - x));
                        }

                        @Differentiable
                        static double logs(double a, double b, double c) {
                            return 3.0 * log2(a) + 3.0 * exp2(b) + 3.0 * arccosh(a + 1.2) + 3.0 * arcsinh(b)
                                    + 3.0 * arctanh(c);
                        }
                        """, p(0.7, -0.4, 0.2), p(2.5, 1.3, -0.6)),
                // test_power_arg0: x^y in x; grad(power(x, 0.0))(0.0) == 0 is asserted
                scalar(134, "powerArg0", """
                        @Differentiable(wrt = "x")
                        static double powerArg0(double x, double y) {
                            return Math.pow(x, y);
                        }
                        """, p(1.3, 2.2), p(1.9, 1.0)).publishes(d(0.0), 0, 0.0, 0.0),
                // test_power_arg1_zero: 0^y in y is 0 for y > 0, its derivative 0
                scalar(152, "powerArg1Zero", """
                        @Differentiable
                        static double powerArg1Zero(double y) {
                            return Math.pow(0.0, y);
                        }
                        """, p(0.36), p(2.5)).publishes(d(0.0), 0, 0.36),
                // test_mod_arg0/arg1: numpy's mod takes the divisor's sign
                scalar(157, "mod", """
                        @Differentiable
                        static double mod(double x, double y) {
                            double r = x % y;
                            if (r != 0 && (r < 0) != (y < 0)) {
                                r += y;
                            }
                            return r;
                        }
                        """, p(0.7, 0.3), p(-0.7, 0.3), p(0.45, -0.2)),
                // test_reciprocal and test_negative together
                scalar(197, "reciprocal", """
                        @Differentiable
                        static double reciprocal(double x) {
                            return 1 / x + -x;
                        }
                        """, p(0.4), p(-2.0)),
                // test_dot: mat1 · vect2 and vect1 · mat1, by helpers
                numpy(19, "dot", """
                        static double[] matVec(double[][] a, double[] v) {
                            double[] r = new double[a.length];
                            for (int i = 0; i < a.length; i++) {
                                for (int j = 0; j < v.length; j++) {
                                    r[i] += a[i][j] * v[j];
                                }
                            }
                            return r;
                        }

                        static double dot(double[] a, double[] b) {
                            double s = 0;
                            for (int i = 0; i < a.length; i++) {
                                s += a[i] * b[i];
                            }
                            return s;
                        }

                        @Differentiable
                        static double dot(double[][] mat, double[] v, double[] w) {
                            return dot(w, matVec(mat, v));
                        }
                        """, p(m(d(0.3, -1.2, 2.5), d(1.1, 0.4, -0.6)), d(0.5, -0.25, 1.5), d(2.0, -1.0))),
                // test_outer, flattened: out[i * n + j] = x[i] y[j]
                numpy(65, "outer", """
                        @Differentiable
                        static double[] outer(double[] x, double[] y) {
                            double[] out = new double[x.length * y.length];
                            for (int i = 0; i < x.length; i++) {
                                for (int j = 0; j < y.length; j++) {
                                    out[i * y.length + j] = x[i] * y[j];
                                }
                            }
                            return out;
                        }
                        """, p(d(0.3, -1.2, 2.5), d(1.1, 0.4))),
                // test_max_axis: the maximum of each row, for-each over the rows
                numpy(85, "maxAxis1", """
                        @Differentiable
                        static double[] maxAxis1(double[][] x) {
                            double[] out = new double[x.length];
                            int i = 0;
                            for (double[] row : x) {
                                double best = Double.NEGATIVE_INFINITY;
                                for (double v : row) {
                                    best = Math.max(best, v);
                                }
                                out[i++] = best;
                            }
                            return out;
                        }
                        """, p((Object) MAT)),
                // test_cumsum_axis0, flattened
                numpy(207, "cumsumAxis0", """
                        @Differentiable
                        static double[] cumsumAxis0(double[][] x) {
                            int rows = x.length, cols = x[0].length;
                            double[] out = new double[rows * cols];
                            for (int j = 0; j < cols; j++) {
                                double running = 0;
                                for (int i = 0; i < rows; i++) {
                                    running += x[i][j];
                                    out[i * cols + j] = running;
                                }
                            }
                            return out;
                        }
                        """, p((Object) MAT)),
                // test_rot90 (counter-clockwise), flattened
                numpy(199, "rot90", """
                        @Differentiable
                        static double[] rot90(double[][] x) {
                            int rows = x.length, cols = x[0].length;
                            double[] out = new double[rows * cols];
                            int k = 0;
                            for (int j = cols - 1; j >= 0; j--) {
                                for (int i = 0; i < rows; i++) {
                                    out[k++] = x[i][j];
                                }
                            }
                            return out;
                        }
                        """, p((Object) MAT)),
                // test_index_slice: x[::-1, 2:4] of a matrix, a while loop walking the rows backwards
                numpy(297, "indexSlice", """
                        @Differentiable
                        static double[] indexSlice(double[][] x) {
                            double[] out = new double[x.length * 2];
                            int i = x.length - 1, k = 0;
                            while (i >= 0) {
                                System.arraycopy(x[i], 2, out, k, 2);
                                k += 2;
                                i--;
                            }
                            return out;
                        }
                        """, p((Object) MAT)),
                // test_trace with an offset (an int parameter)
                numpy(471, "trace", """
                        @Differentiable
                        static double trace(double[][] x, int offset) {
                            double s = 0;
                            for (int i = 0; i < x.length; i++) {
                                int j = i + offset;
                                if (j < 0 || j >= x[i].length) {
                                    continue;
                                }
                                s += x[i][j];
                            }
                            return s;
                        }
                        """, p(MAT, 1), p(MAT, -2)),
                // test_roll: np.roll(x, 2, axis=1), flattened, the shift by floorMod
                numpy(522, "roll", """
                        @Differentiable
                        static double[] roll(double[][] x) {
                            int cols = x[0].length;
                            double[] out = new double[x.length * cols];
                            for (int i = 0; i < x.length; i++) {
                                for (int j = 0; j < cols; j++) {
                                    out[i * cols + Math.floorMod(j + 2, cols)] = x[i][j];
                                }
                            }
                            return out;
                        }
                        """, p((Object) MAT)),
                // test_triu with k = 2, flattened, by a switch-free comparison of indices
                numpy(538, "triu", """
                        @Differentiable
                        static double[] triu(double[][] x) {
                            int n = x.length;
                            double[] out = new double[n * n];
                            for (int i = 0; i < n; i++) {
                                for (int j = 0; j < n; j++) {
                                    out[i * n + j] = j - i >= 2 ? x[i][j] : 0.0;
                                }
                            }
                            return out;
                        }
                        """, p((Object) m(
                        d(0.3, -1.2, 2.5, 0.1),
                        d(1.1, 0.4, -0.6, 2.2),
                        d(-1.5, 0.8, 0.2, -0.3),
                        d(0.6, -0.9, 1.3, 0.5)))),
                // test_clip: clip to [0.1, 1.1], summed with weights so every element counts
                numpy(554, "clipSum", """
                        @Differentiable
                        static double clipSum(double[][] x) {
                            double s = 0;
                            for (int i = 0; i < x.length; i++) {
                                for (int j = 0; j < x[i].length; j++) {
                                    double c = Math.min(Math.max(x[i][j], 0.1), 1.1);
                                    s += (i + 1) * c * c;
                                }
                            }
                            return s;
                        }
                        """, p((Object) m(d(0.3, -1.2, 2.5, 0.15, -0.7), d(1.05, 0.4, -0.6, 2.2, 0.9)))),
                // test_prod_1: the product of all elements
                numpy(562, "prod", """
                        @Differentiable
                        static double prod(double[][] x) {
                            double p = 1;
                            for (double[] row : x) {
                                for (double v : row) {
                                    p *= v;
                                }
                            }
                            return p;
                        }
                        """, p((Object) m(d(0.2, 0.35, 0.15), d(0.4, 0.12, 0.3)))),
                // test_var_ddof and test_std_ddof along axis 1, ddof an int
                numpy(775, "stdDdof", """
                        static double mean(double[] v) {
                            double s = 0;
                            for (double e : v) {
                                s += e;
                            }
                            return s / v.length;
                        }

                        static double var(double[] v, int ddof) {
                            double mu = mean(v);
                            double s = 0;
                            for (double e : v) {
                                s += (e - mu) * (e - mu);
                            }
                            return s / (v.length - ddof);
                        }

                        @Differentiable
                        static double[] stdDdof(double[][] x, int ddof) {
                            double[] out = new double[x.length];
                            for (int i = 0; i < x.length; i++) {
                                out[i] = Math.sqrt(var(x[i], ddof));
                            }
                            return out;
                        }
                        """, p(MAT, 0), p(MAT, 2)),
                // test_where: np.where(C, x, y) with a boolean mask, flattened
                numpy(
                        791,
                        "where",
                        """
                        @Differentiable
                        static double[] where(boolean[] c, double[] x, double[] y) {
                            double[] b = new double[x.length];
                            for (int i = 0; i < b.length; i++) {
                                b[i] = c[i] ? x[i] : y[i];
                            }
                            return b;
                        }
                        """,
                        p(new boolean[] {true, false, false, true}, d(0.3, -1.2, 2.5, 0.1), d(1.1, 0.4, -0.6, 2.2))),
                // test_max_equal_values: max of [x, x] has derivative 1
                numpy(982, "maxEqualValues", """
                        @Differentiable
                        static double maxEqualValues(double x) {
                            double[] a = {x, x};
                            double best = a[0];
                            for (int i = 1; i < a.length; i++) {
                                best = Math.max(best, a[i]);
                            }
                            return best + Math.max(x, x);
                        }
                        """, p(1.0)).publishes(d(2.0), 0, 1.0));
    }
}
