package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.List;

/**
 * ADOL-C's documented examples ({@code ADOL-C/examples/}) and the function modules of its timing examples
 * ({@code examples/additional_examples/timing/sfunc_*.cpp}, {@code lighthouse/}, {@code fixpoint_exam/}), read
 * at the head of github.com/coin-or/ADOL-C and written in Java from their math. Where the example states the
 * derivative (Speelpenning's {@code y / x_i}, the power's {@code n x^(n-1)}, the determinant's cofactors through
 * {@code A·B = I}, the fixed point's implicit derivative) it is asserted as a published gradient.
 */
final class AdolcFunctions {
    private AdolcFunctions() {}

    private static final double[] SPEELPENNING_X = {1. / 2, 2. / 3, 3. / 4, 4. / 5, 5. / 6, 6. / 7, 7. / 8};

    static List<Ported> all() {
        return List.of(
                // examples/speelpenning.cpp:42: y = Π x_i; the example checks g_i = y / x_i
                Ported.of(
                                "adolc",
                                "ADOL-C/examples/speelpenning.cpp",
                                42,
                                "speelpenning",
                                """
                        @Differentiable
                        static double speelpenning(double[] x) {
                            double y = 1;
                            for (int i = 0; i < x.length; i++) {
                                y *= x[i];
                            }
                            return y;
                        }
                        """,
                                p(SPEELPENNING_X),
                                p(d(-1.5, 2, 0.25)))
                        .publishes(speelpenningGradient(), 1e-14, SPEELPENNING_X),
                // examples/detexam.cpp:22: the determinant by minors, the columns left as the bits of col (recursive)
                Ported.of("adolc", "ADOL-C/examples/detexam.cpp", 22, "determinant", """
                        static double det(double[][] a, int row, int col) {
                            if (col == 0) {
                                return 1.0;
                            }
                            double t = 0;
                            int p = 1;
                            int sign = row % 2 == 1 ? 1 : -1;
                            for (int i = 0; i < a.length; i++) {
                                int p1 = 2 * p;
                                if (col % p1 >= p) {
                                    if (col == p) {
                                        t += sign > 0 ? a[row - 1][i] : -a[row - 1][i];
                                    } else {
                                        double minor = det(a, row - 1, col - p);
                                        t += sign > 0 ? a[row - 1][i] * minor : -a[row - 1][i] * minor;
                                    }
                                    sign = -sign;
                                }
                                p = p1;
                            }
                            return t;
                        }

                        @Differentiable
                        static double determinant(double[][] a) {
                            int m = 1;
                            for (int i = 0; i < a.length; i++) {
                                m *= 2;
                            }
                            return det(a, a.length, m - 1);
                        }
                        """, p((Object)
                                m(d(2, -1, 0.5), d(1, 3, -2), d(0.25, 4, 1.5))))
                        .publishes(CppadFunctions.cofactors(d(2, -1, 0.5, 1, 3, -2, 0.25, 4, 1.5), 3), 1e-12, (Object)
                                m(d(2, -1, 0.5), d(1, 3, -2), d(0.25, 4, 1.5))),
                // examples/luexam.cpp:30-83: LU with partial pivoting, then the two triangular solves; x = A⁻¹ b
                Ported.of(
                        "adolc",
                        "ADOL-C/examples/luexam.cpp",
                        39,
                        "luSolve",
                        """
                        static int findMaxIndex(int n, double[] a, int k) {
                            int idx = k;
                            for (int j = k + 1; j < n; j++) {
                                if (Math.abs(a[j * n + k]) > Math.abs(a[idx * n + k])) {
                                    idx = j;
                                }
                            }
                            return idx;
                        }

                        static void luFactorize(int n, double[] a, int[] p) {
                            for (int j = 0; j < n; j++) {
                                p[j] = j;
                            }
                            for (int k = 0; k < n; k++) {
                                int idx = findMaxIndex(n, a, k);
                                int tmp = p[k];
                                p[k] = p[idx];
                                p[idx] = tmp;
                                for (int j = 0; j < n; j++) {
                                    double t = a[k * n + j];
                                    a[k * n + j] = a[idx * n + j];
                                    a[idx * n + j] = t;
                                }
                                double inv = 1.0 / a[k * n + k];
                                for (int i = k + 1; i < n; i++) {
                                    a[i * n + k] *= inv;
                                    for (int j = k + 1; j < n; j++) {
                                        a[i * n + j] -= a[i * n + k] * a[k * n + j];
                                    }
                                }
                            }
                        }

                        static void lSolve(int n, double[] a, int[] p, double[] b, double[] x) {
                            for (int j = 0; j < n; j++) {
                                x[j] = b[p[j]];
                                for (int k = j + 1; k < n; k++) {
                                    b[p[k]] -= a[k * n + j] * x[j];
                                }
                            }
                        }

                        static void rSolve(int n, double[] a, double[] x) {
                            for (int j = 1; j <= n; j++) {
                                x[n - j] *= 1.0 / a[(n - j) * n + n - j];
                                for (int k = 0; k < n - j; k++) {
                                    x[k] -= a[k * n + n - j] * x[n - j];
                                }
                            }
                        }

                        @Differentiable
                        static double[] luSolve(double[] a, double[] b) {
                            int n = b.length;
                            double[] lu = a.clone();
                            double[] rhs = b.clone();
                            int[] p = new int[n];
                            double[] x = new double[n];
                            luFactorize(n, lu, p);
                            lSolve(n, lu, p, rhs, x);
                            rSolve(n, lu, x);
                            return x;
                        }
                        """,
                        p(d(2, -1, 0.5, 1, 3, -2, 0.25, 4, 1.5), d(1, -2, 0.5)),
                        p(d(0.1, 2, 3, 1), d(1, 1))),
                // examples/odexam.cpp:43: the modified Robertson right-hand side
                Ported.of(
                        "adolc",
                        "ADOL-C/examples/odexam.cpp",
                        43,
                        "robertson",
                        """
                        @Differentiable
                        static double[] robertson(double[] y) {
                            double[] yprime = new double[3];
                            yprime[0] = -Math.sin(y[2]) + 1.0e8 * y[2] * (1.0 - 1.0 / y[0]);
                            yprime[1] = -10.0 * y[0] + 3.0e7 * y[2] * (1 - y[1]);
                            yprime[2] = -yprime[0] - yprime[1];
                            return yprime;
                        }
                        """,
                        p(d(1, 0.5, 1e-3)),
                        p(d(0.9, 0.1, 0.2))),
                // examples/powexam.cpp:25: x^n by repeated squaring, recursive; the example checks Taylor
                // coefficients against n x^(n-1) and its successors
                Ported.of("adolc", "ADOL-C/examples/powexam.cpp", 25, "power", """
                        @Differentiable
                        static double power(double x, int n) {
                            double z = 1;
                            if (n > 0) {
                                int nh = n / 2;
                                z = power(x, nh);
                                z *= z;
                                if (2 * nh != n) {
                                    z *= x;
                                }
                                return z;
                            } else if (n == 0) {
                                return z;
                            } else {
                                return 1 / power(x, -n);
                            }
                        }
                        """, p(0.5, 5), p(1.3, -3), p(2.0, 0))
                        .tape("recursive")
                        .publishes(d(5 * Math.pow(0.5, 4)), 1e-14, 0.5, 5),
                // examples/additional_examples/timing/sfunc_griewank.cpp:71
                Ported.of(
                        "adolc",
                        "ADOL-C/examples/additional_examples/timing/sfunc_griewank.cpp",
                        71,
                        "griewank",
                        """
                        static final double D = 4000.0;

                        @Differentiable
                        static double griewank(double[] x) {
                            double val1 = 0.0;
                            double val2 = 1.0;
                            for (int i = 0; i < x.length; i++) {
                                double tmp = x[i] - 100.0;
                                val1 += tmp * tmp;
                                val2 *= Math.cos(tmp / Math.sqrt(i + 1));
                            }
                            return val1 / D - val2 + 1.0;
                        }
                        """,
                        p(d(300, 400, 450, 480)),
                        p(d(99, 101.5, 100.25))),
                // examples/additional_examples/timing/sfunc_helmholtz.cpp:78: the Helmholtz energy, bv passive
                Ported.of(
                        "adolc",
                        "ADOL-C/examples/additional_examples/timing/sfunc_helmholtz.cpp",
                        78,
                        "helmholtz",
                        """
                        static final double R = Math.sqrt(2.0);
                        static final double TE = 0.01;

                        @Differentiable(wrt = "x")
                        static double helmholtz(double[] x, double[] bv) {
                            double xax = 0;
                            double bx = 0;
                            double he = 0;
                            for (int i = 0; i < x.length; i++) {
                                he += x[i] * Math.log(x[i]);
                                bx += bv[i] * x[i];
                                double tem = (2.0 / (1.0 + i + i)) * x[i];
                                for (int j = 0; j < i; j++) {
                                    tem += (1.0 / (1.0 + i + j)) * x[j];
                                }
                                xax += x[i] * tem;
                            }
                            xax *= 0.5;
                            he = 1.3625E-3 * (he - TE * Math.log(1.0 - bx));
                            he = he - Math.log((1 + bx * (1 + R)) / (1 + bx * (1 - R))) * xax / bx;
                            return he;
                        }
                        """,
                        p(d(0.25, 0.35, 0.43, 0.5), helmholtzBv(4))),
                // examples/additional_examples/timing/sfunc_michalewitz.cpp:72
                Ported.of(
                        "adolc",
                        "ADOL-C/examples/additional_examples/timing/sfunc_michalewitz.cpp",
                        72,
                        "micha",
                        """
                        static final double PI = 3.141592654;
                        static final double M = 10.0;

                        @Differentiable
                        static double micha(double[] x) {
                            double u = 0;
                            for (int i = 0; i < x.length; i++) {
                                u += Math.sin(x[i]) * Math.pow(Math.sin((i + 1) * x[i] * x[i] / PI), 2.0 * M);
                            }
                            return -u;
                        }
                        """,
                        p(d(PI_HALF, 2.0, 2.2)),
                        p(d(1.1, 1.5))),
                // examples/additional_examples/timing/sfunc_rosenbrock.cpp:70
                Ported.of(
                        "adolc",
                        "ADOL-C/examples/additional_examples/timing/sfunc_rosenbrock.cpp",
                        70,
                        "rosenbrock",
                        """
                        @Differentiable
                        static double rosenbrock(double[] x) {
                            double tmp = 0.0;
                            for (int i = 0; i < x.length - 1; i++) {
                                double val1 = 10.0 * (x[i + 1] - x[i] * x[i]);
                                double val2 = x[i] - 1.0;
                                tmp += val1 * val1 + val2 * val2;
                            }
                            return tmp;
                        }
                        """,
                        p(d(-1.2, 1, -1.2, 1)),
                        p(d(0.5, 0.25))),
                // examples/additional_examples/lighthouse/cubic.cpp:27: Griewank's cubic lighthouse by Cardano's
                // formula
                Ported.of(
                        "adolc",
                        "ADOL-C/examples/additional_examples/lighthouse/cubic.cpp",
                        27,
                        "cubicLighthouse",
                        """
                        @Differentiable
                        static double cubicLighthouse(double t) {
                            double p = Math.tan(t);
                            double q = p - 0.2;
                            p /= 3.0;
                            double d = q * q;
                            d -= p * p * p;
                            double r = Math.sqrt(d);
                            double u = q + r;
                            double u1 = Math.pow(Math.abs(u), 1.0 / 3.0);
                            u = u > 0 ? u1 : -u1;
                            double v = q - r;
                            double v1 = Math.pow(Math.abs(v), 1.0 / 3.0);
                            v = v > 0 ? v1 : -v1;
                            double c = u + v;
                            c += 2.0;
                            return c;
                        }
                        """,
                        p(0.1),
                        p(0.15)),
                // examples/additional_examples/fixpoint_exam/fixpoint_exam.cpp:88: y = u (x + cos x) iterated to its
                // fixed point (to 1e-12 here, 1e-6 there); the derivative is the implicit one
                Ported.of(
                                "adolc",
                                "ADOL-C/examples/additional_examples/fixpoint_exam/fixpoint_exam.cpp",
                                88,
                                "fixpoint",
                                """
                        static double iterate(double x, double u) {
                            return u * (x + Math.cos(x));
                        }

                        @Differentiable
                        static double fixpoint(double u) {
                            double y = 1.57079632679;
                            double x;
                            int i = 0;
                            do {
                                i++;
                                x = y;
                                y = iterate(x, u);
                            } while (Math.abs(x - y) > 1e-12 && i < 100);
                            return y;
                        }
                        """,
                                p(0.5),
                                p(0.3))
                        .publishes(d(fixpointDerivative(0.5)), 1e-9, 0.5));
    }

    private static final double PI_HALF = 1.5707963;

    private static double[] speelpenningGradient() {
        double y = 1;
        for (double v : SPEELPENNING_X) {
            y *= v;
        }
        double[] g = new double[SPEELPENNING_X.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = y / SPEELPENNING_X[i];
        }
        return g;
    }

    /** sfunc_helmholtz.cpp's initIndependents: bv_i = 0.02 (1 + |sin i|). */
    private static double[] helmholtzBv(int n) {
        double[] bv = new double[n];
        for (int i = 0; i < n; i++) {
            bv[i] = 0.02 * (1.0 + Math.abs(Math.sin(i)));
        }
        return bv;
    }

    /** y = u (y + cos y) ⇒ dy/du = (y + cos y) / (1 - u (1 - sin y)). */
    private static double fixpointDerivative(double u) {
        double y = 1;
        for (int i = 0; i < 200; i++) {
            y = u * (y + Math.cos(y));
        }
        return (y + Math.cos(y)) / (1 - u * (1 - Math.sin(y)));
    }
}
