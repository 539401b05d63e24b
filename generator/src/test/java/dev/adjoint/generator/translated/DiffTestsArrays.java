package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.List;

/**
 * DiffTests.jl's functions with arrays on both sides ({@code src/DiffTests.jl}, github.com/JuliaDiff/DiffTests.jl):
 * the in-place ones ({@code chebyquad!}, {@code brown_almost_linear!}, ...) as {@code void} helpers writing an
 * output array, called by the {@code @Differentiable} array→array function (Julia's {@code chebyquad(x)} does the
 * same); left multiplication and division by a constant matrix (the Lehmer matrix, built by a helper); and the
 * matrix functions that need a product, an inverse or a matrix-vector product ({@code mat2num_1},
 * {@code neural_step}), with the small linear-algebra helpers a Java programmer writes without a library.
 */
final class DiffTestsArrays {
    private DiffTestsArrays() {}

    private static final String FILE = "src/DiffTests.jl";

    private static Ported of(int line, String method, String body, Object[]... points) {
        return Ported.of("difftests", FILE, line, method, body, points);
    }

    /** Lehmer matrix L[i][j] = min(i, j) / max(i, j) (1-based), DiffTests' test_matrix. */
    private static final String LEHMER = """
            static double[][] lehmer(int n) {
                double[][] l = new double[n][n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        l[i][j] = (double) Math.min(i + 1, j + 1) / Math.max(i + 1, j + 1);
                    }
                }
                return l;
            }

            """;

    static List<Ported> all() {
        return List.of(
                // mat2num_1(x) = det(first(x) * inv(x * x) + x)
                of(128, "mat2num1", """
                        static double[][] multiply(double[][] a, double[][] b) {
                            int n = a.length;
                            double[][] c = new double[n][n];
                            for (int i = 0; i < n; i++) {
                                for (int j = 0; j < n; j++) {
                                    for (int k = 0; k < n; k++) {
                                        c[i][j] += a[i][k] * b[k][j];
                                    }
                                }
                            }
                            return c;
                        }

                        // Gauss-Jordan elimination without pivoting (the test matrices are diagonally dominant)
                        static double[][] inverse(double[][] a) {
                            int n = a.length;
                            double[][] m = new double[n][2 * n];
                            for (int i = 0; i < n; i++) {
                                for (int j = 0; j < n; j++) {
                                    m[i][j] = a[i][j];
                                }
                                m[i][n + i] = 1;
                            }
                            for (int k = 0; k < n; k++) {
                                double pivot = m[k][k];
                                for (int j = 0; j < 2 * n; j++) {
                                    m[k][j] /= pivot;
                                }
                                for (int i = 0; i < n; i++) {
                                    if (i != k) {
                                        double factor = m[i][k];
                                        for (int j = 0; j < 2 * n; j++) {
                                            m[i][j] -= factor * m[k][j];
                                        }
                                    }
                                }
                            }
                            double[][] inv = new double[n][n];
                            for (int i = 0; i < n; i++) {
                                for (int j = 0; j < n; j++) {
                                    inv[i][j] = m[i][n + j];
                                }
                            }
                            return inv;
                        }

                        static double det3(double[][] a) {
                            return a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1])
                                    - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                                    + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
                        }

                        @Differentiable
                        static double mat2num1(double[][] x) {
                            double[][] inv = inverse(multiply(x, x));
                            double first = x[0][0];
                            double[][] b = new double[3][3];
                            for (int i = 0; i < 3; i++) {
                                for (int j = 0; j < 3; j++) {
                                    b[i][j] = first * inv[i][j] + x[i][j];
                                }
                            }
                            return det3(b);
                        }
                        """, p((Object) m(d(3, 0.5, 0.2), d(-0.4, 2.5, 0.3), d(0.1, 0.6, 2)))),
                // neural_step(x1, w1, w2) = sigmoid(dot(w2[1:k], relu(w1 * x1[1:k]))), relu(x) = log(1 + exp(x))
                of(
                        175,
                        "neuralStep",
                        """
                        static double[] matvec(double[][] w, double[] x) {
                            double[] y = new double[w.length];
                            for (int i = 0; i < w.length; i++) {
                                for (int j = 0; j < w[i].length; j++) {
                                    y[i] += w[i][j] * x[j];
                                }
                            }
                            return y;
                        }

                        static double softplus(double v) {
                            return Math.log(1.0 + Math.exp(v));
                        }

                        static double sigmoid(double v) {
                            return 1.0 / (1.0 + Math.exp(-v));
                        }

                        @Differentiable
                        static double neuralStep(double[] x1, double[][] w1, double[] w2) {
                            double[] h = matvec(w1, x1);
                            double s = 0;
                            for (int i = 0; i < h.length; i++) {
                                s += w2[i] * softplus(h[i]);
                            }
                            return sigmoid(s);
                        }
                        """,
                        p(
                                d(0.5, -1, 2),
                                m(d(0.1, 0.2, -0.3), d(0.4, -0.5, 0.6), d(0.7, 0.8, -0.9)),
                                d(0.3, -0.2, 0.5))),
                // chebyquad!(y, x), and chebyquad(x): y = zeros, chebyquad!(y, x), y
                of(185, "chebyquad", """
                        static void chebyquadInto(double[] y, double[] x) {
                            double tk = 1.0 / x.length;
                            for (int j = 0; j < x.length; j++) {
                                double temp1 = 1.0;
                                double temp2 = 2 * x[j] - 1;
                                double temp = 2 * temp2;
                                for (int i = 0; i < y.length; i++) {
                                    y[i] += temp2;
                                    double ti = temp * temp2 - temp1;
                                    temp1 = temp2;
                                    temp2 = ti;
                                }
                            }
                            double iev = -1.0;
                            for (int k = 1; k <= y.length; k++) {
                                y[k - 1] *= tk;
                                if (iev > 0) {
                                    y[k - 1] += 1.0 / (k * k - 1);
                                }
                                iev = -iev;
                            }
                        }

                        @Differentiable
                        static double[] chebyquad(double[] x) {
                            double[] y = new double[x.length];
                            chebyquadInto(y, x);
                            return y;
                        }
                        """, p(d(0.1, 0.3, 0.5, 0.7, 0.9)), p(d(0.2, 0.25, 0.6, 0.65, 0.8))),
                // brown_almost_linear!(y, x), and brown_almost_linear(x)
                of(209, "brownAlmostLinear", """
                        static void brownAlmostLinearInto(double[] y, double[] x) {
                            double sum = 0;
                            double prod = 1;
                            for (double v : x) {
                                sum += v;
                                prod *= v;
                            }
                            double c = sum - (x.length + 1);
                            for (int i = 0; i < x.length - 1; i++) {
                                for (int j = 0; j < y.length - 1; j++) {
                                    y[j] += x[i] + c;
                                }
                            }
                            y[y.length - 1] = prod - 1;
                        }

                        @Differentiable
                        static double[] brownAlmostLinear(double[] x) {
                            double[] y = new double[x.length];
                            brownAlmostLinearInto(y, x);
                            return y;
                        }
                        """, p(d(0.5, 0.5, 0.5, 0.5, 0.5)), p(d(1.1, -0.4, 0.9, 1.3, 0.7))),
                // trigonometric!(y, x), and trigonometric(x): y starts as ones
                of(218, "trigonometric", """
                        static void trigonometricInto(double[] y, double[] x) {
                            for (double xi : x) {
                                for (int j = 0; j < y.length; j++) {
                                    y[j] = Math.cos(xi);
                                }
                            }
                            double c = 0;
                            for (double v : y) {
                                c += v;
                            }
                            int n = x.length;
                            for (double xi : x) {
                                for (int j = 0; j < y.length; j++) {
                                    y[j] = Math.sin(xi) * y[j] + n - c;
                                }
                            }
                        }

                        @Differentiable
                        static double[] trigonometric(double[] x) {
                            double[] y = new double[x.length];
                            Arrays.fill(y, 1.0);
                            trigonometricInto(y, x);
                            return y;
                        }
                        """, p(d(0.2, 0.2, 0.2, 0.2, 0.2)), p(d(0.1, -0.4, 0.9, 0.3, 0.7))),
                // mutation_test_1!(y, x), and mutation_test_1(x): y starts as zeros
                of(234, "mutationTest1", """
                        static void mutationTest1Into(double[] y, double[] x) {
                            y[0] = x[0];
                            y[0] = y[0] * x[1];
                            y[1] = y[1] * x[2];
                            double sum = 0;
                            for (double v : y) {
                                sum += v;
                            }
                            y[2] = sum;
                        }

                        @Differentiable
                        static double[] mutationTest1(double[] x) {
                            double[] y = new double[x.length];
                            mutationTest1Into(y, x);
                            return y;
                        }
                        """, p(d(0.2, 0.7, 0.2, 1.2, 0.2))),
                // mutation_test_2!(y, x), and mutation_test_2(x): y starts as ones
                of(242, "mutationTest2", """
                        static void mutationTest2Into(double[] y, double[] x) {
                            y[0] *= x[0];
                            y[1] *= x[0];
                            y[0] *= x[1];
                            y[1] *= x[1];
                        }

                        @Differentiable
                        static double[] mutationTest2(double[] x) {
                            double[] y = new double[x.length];
                            Arrays.fill(y, 1);
                            mutationTest2Into(y, x);
                            return y;
                        }
                        """, p(d(0.2, 0.7, 0.2, 1.2, 0.2))),
                // arr2arr_1(x) = (sum(x .* x); fill(zero(eltype(x)), size(x))): a value computed and dropped
                of(304, "arr2arr1", """
                        @Differentiable
                        static double[] arr2arr1(double[] x) {
                            double sumSquares = 0;
                            for (double v : x) {
                                sumSquares += v * v;
                            }
                            return new double[x.length];
                        }
                        """, p(d(0.2, 0.7, 0.2, 1.2, 0.2))),
                // arr2arr_2(x) = x[1, :] .+ x[1, :] .+ first(x): the first row twice plus the first element
                of(306, "arr2arr2", """
                        @Differentiable
                        static double[] arr2arr2(double[][] x) {
                            double[] row = x[0];
                            double[] out = new double[row.length];
                            for (int j = 0; j < row.length; j++) {
                                out[j] = row[j] + row[j] + x[0][0];
                            }
                            return out;
                        }
                        """, p((Object) m(d(0.5, 2, -0.75), d(-1, 0.25, 3)))),
                // diag_lmul(x) = Diagonal(LinRange(0.01, 100.0, n)) * x
                of(268, "diagLmul", """
                        @Differentiable
                        static double[] diagLmul(double[] x) {
                            int n = x.length;
                            double[] y = new double[n];
                            for (int i = 0; i < n; i++) {
                                double d = 0.01 + (100.0 - 0.01) * i / (n - 1);
                                y[i] = d * x[i];
                            }
                            return y;
                        }
                        """, p(d(0.2, 0.7, -0.2, 1.2, 0.3))),
                // dense_lmul(x) = test_matrix(x) * x, the Lehmer matrix
                of(269, "denseLmul", LEHMER + """
                        @Differentiable
                        static double[] denseLmul(double[] x) {
                            double[][] l = lehmer(x.length);
                            double[] y = new double[x.length];
                            for (int i = 0; i < x.length; i++) {
                                for (int j = 0; j < x.length; j++) {
                                    y[i] += l[i][j] * x[j];
                                }
                            }
                            return y;
                        }
                        """, p(d(0.2, 0.7, -0.2, 1.2, 0.3))),
                // utriag_lmul(x) = UpperTriangular(test_matrix(x)) * x
                of(270, "utriagLmul", LEHMER + """
                        @Differentiable
                        static double[] utriagLmul(double[] x) {
                            int n = x.length;
                            double[][] l = lehmer(n);
                            double[] y = new double[n];
                            for (int i = 0; i < n; i++) {
                                for (int j = i; j < n; j++) {
                                    y[i] += l[i][j] * x[j];
                                }
                            }
                            return y;
                        }
                        """, p(d(0.2, 0.7, -0.2, 1.2, 0.3))),
                // diag_ldiv(x) = Diagonal(LinRange(0.01, 100.0, n)) \ x
                of(277, "diagLdiv", """
                        @Differentiable
                        static double[] diagLdiv(double[] x) {
                            int n = x.length;
                            double[] y = new double[n];
                            for (int i = 0; i < n; i++) {
                                y[i] = x[i] / (0.01 + (100.0 - 0.01) * i / (n - 1));
                            }
                            return y;
                        }
                        """, p(d(0.2, 0.7, -0.2, 1.2, 0.3))),
                // dense_ldiv(x) = test_matrix(x) \ x: Gaussian elimination on a copy of the (constant) matrix
                of(278, "denseLdiv", LEHMER + """
                        @Differentiable
                        static double[] denseLdiv(double[] b) {
                            int n = b.length;
                            double[][] a = lehmer(n);
                            double[] x = b.clone();
                            for (int k = 0; k < n; k++) {
                                for (int i = k + 1; i < n; i++) {
                                    double factor = a[i][k] / a[k][k];
                                    for (int j = k; j < n; j++) {
                                        a[i][j] -= factor * a[k][j];
                                    }
                                    x[i] -= factor * x[k];
                                }
                            }
                            for (int i = n - 1; i >= 0; i--) {
                                double s = x[i];
                                for (int j = i + 1; j < n; j++) {
                                    s -= a[i][j] * x[j];
                                }
                                x[i] = s / a[i][i];
                            }
                            return x;
                        }
                        """, p(d(0.2, 0.7, -0.2, 1.2, 0.3))),
                // ltriag_ldiv(x) = LowerTriangular(test_matrix(x)) \ x: forward substitution
                of(280, "ltriagLdiv", LEHMER + """
                        @Differentiable
                        static double[] ltriagLdiv(double[] b) {
                            int n = b.length;
                            double[][] l = lehmer(n);
                            double[] x = new double[n];
                            for (int i = 0; i < n; i++) {
                                double s = b[i];
                                for (int j = 0; j < i; j++) {
                                    s -= l[i][j] * x[j];
                                }
                                x[i] = s / l[i][i];
                            }
                            return x;
                        }
                        """, p(d(0.2, 0.7, -0.2, 1.2, 0.3))));
    }
}
