package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.List;

/**
 * CppAD's speed-test functions ({@code include/cppad/speed/}, {@code speed/src/}) and a selection of its
 * {@code example/general/} tests, read at commit dcc87a36 of github.com/coin-or/CppAD and written in Java from
 * their math. Where CppAD states the derivative (the {@code det_grad_33} cofactors, {@code ode_evaluate}'s
 * {@code p = 1} Jacobian, {@code sparse_jac_fun}'s {@code p = 1} entries, the examples' {@code NearEqual}
 * checks), it is asserted as a published gradient.
 */
final class CppadFunctions {
    private CppadFunctions() {}

    private static final double[] A3 = {2, -1, 0.5, 1, 3, -2, 0.25, 4, 1.5};
    private static final double[] A4 = {3, 1, -2, 0.5, 1, 4, 1, -1, 2, -1, 5, 1, 0.5, 2, 1, 6};

    static List<Ported> all() {
        return List.of(
                // include/cppad/speed/det_of_minor.hpp:179, det_by_minor.hpp:145: the determinant by expansion in
                // minors, rows and columns of the minor kept as linked lists r and c (CppAD's own recursion)
                Ported.of("cppad", "include/cppad/speed/det_of_minor.hpp", 179, "detByMinor", """
                        static double detOfMinor(double[] a, int m, int n, int[] r, int[] c) {
                            int r0 = r[m];
                            int cj = c[m];
                            if (n == 1) {
                                return a[r0 * m + cj];
                            }
                            double detM = 0;
                            int sign = 1;
                            r[m] = r[r0];
                            int cj1 = m;
                            for (int j = 0; j < n; j++) {
                                double m0j = a[r0 * m + cj];
                                c[cj1] = c[cj];
                                double detS = detOfMinor(a, m, n - 1, r, c);
                                c[cj1] = cj;
                                if (sign > 0) {
                                    detM = detM + m0j * detS;
                                } else {
                                    detM = detM - m0j * detS;
                                }
                                cj1 = cj;
                                cj = c[cj];
                                sign = -sign;
                            }
                            r[m] = r0;
                            return detM;
                        }

                        @Differentiable
                        static double detByMinor(double[] a, int m) {
                            int[] r = new int[m + 1];
                            int[] c = new int[m + 1];
                            for (int i = 0; i < m; i++) {
                                r[i] = i + 1;
                                c[i] = i + 1;
                            }
                            r[m] = 0;
                            c[m] = 0;
                            return detOfMinor(a, m, m, r, c);
                        }
                        """, p(A3, 3), p(A4, 4))
                        .tape("is passed to detOfMinor(...), and this method writes its elements")
                        .publishes(cofactors(A3, 3), 1e-12, A3, 3),
                // include/cppad/speed/det_by_lu.hpp:128 with utility/lu_factor.hpp:271: LU with full pivoting
                Ported.of("cppad", "include/cppad/utility/lu_factor.hpp", 271, "detByLu", """
                        @Differentiable(wrt = "x")
                        static double detByLu(double[] x, int n) {
                            double[] lu = x.clone();
                            int[] ip = new int[n];
                            int[] jp = new int[n];
                            for (int i = 0; i < n; i++) {
                                ip[i] = i;
                                jp[i] = i;
                            }
                            int sign = 1;
                            double det = 1;
                            for (int p = 0; p < n; p++) {
                                int imax = p;
                                int jmax = p;
                                double emax = 0;
                                for (int i = p; i < n; i++) {
                                    for (int j = p; j < n; j++) {
                                        double e = Math.abs(lu[ip[i] * n + jp[j]]);
                                        if (e >= emax) {
                                            imax = i;
                                            jmax = j;
                                            emax = e;
                                        }
                                    }
                                }
                                if (imax != p) {
                                    int t = ip[p];
                                    ip[p] = ip[imax];
                                    ip[imax] = t;
                                    sign = -sign;
                                }
                                if (jmax != p) {
                                    int t = jp[p];
                                    jp[p] = jp[jmax];
                                    jp[jmax] = t;
                                    sign = -sign;
                                }
                                double pivot = lu[ip[p] * n + jp[p]];
                                if (pivot == 0) {
                                    return 0;
                                }
                                det *= pivot;
                                for (int j = p + 1; j < n; j++) {
                                    lu[ip[p] * n + jp[j]] /= pivot;
                                }
                                for (int i = p + 1; i < n; i++) {
                                    double e = lu[ip[i] * n + jp[p]];
                                    for (int j = p + 1; j < n; j++) {
                                        lu[ip[i] * n + jp[j]] -= e * lu[ip[p] * n + jp[j]];
                                    }
                                }
                            }
                            return sign * det;
                        }
                        """, p(A3, 3), p(A4, 4))
                        .publishes(cofactors(A3, 3), 1e-12, A3, 3)
                        .publishes(cofactors(A4, 4), 1e-12, A4, 4),
                // include/cppad/speed/det_33.hpp:89, det_grad_33.hpp: the 3 by 3 determinant written out
                Ported.of("cppad", "include/cppad/speed/det_33.hpp", 89, "det33", """
                        @Differentiable
                        static double det33(double[] a) {
                            double sum = 0;
                            sum += a[0] * (a[4] * a[8] - a[5] * a[7]);
                            sum -= a[1] * (a[3] * a[8] - a[5] * a[6]);
                            sum += a[2] * (a[3] * a[7] - a[4] * a[6]);
                            return sum;
                        }
                        """, p(A3))
                        .publishes(cofactors(A3, 3), 1e-12, A3),
                // include/cppad/speed/mat_sum_sq.hpp:132 (speed/src/link_mat_mul.cpp): z = sum of the entries of x·x
                Ported.of("cppad", "include/cppad/speed/mat_sum_sq.hpp", 132, "matSumSq", """
                        @Differentiable(wrt = "x")
                        static double matSumSq(int n, double[] x) {
                            double[] y = new double[n * n];
                            for (int i = 0; i < n; i++) {
                                for (int j = 0; j < n; j++) {
                                    y[i * n + j] = 0;
                                    for (int k = 0; k < n; k++) {
                                        y[i * n + j] += x[i * n + k] * x[k * n + j];
                                    }
                                }
                            }
                            double z = 0;
                            for (int i = 0; i < n; i++) {
                                for (int j = 0; j < n; j++) {
                                    z += y[i * n + j];
                                }
                            }
                            return z;
                        }
                        """, p(3, A3), p(4, A4)),
                // the same as a Java programmer holds a matrix: double[][] and a helper that multiplies
                Ported.of("cppad", "include/cppad/speed/mat_sum_sq.hpp", 132, "matMul2d", """
                        static double[][] times(double[][] a, double[][] b) {
                            int n = a.length;
                            double[][] c = new double[n][n];
                            for (int i = 0; i < n; i++) {
                                for (int j = 0; j < n; j++) {
                                    double s = 0;
                                    for (int k = 0; k < n; k++) {
                                        s += a[i][k] * b[k][j];
                                    }
                                    c[i][j] = s;
                                }
                            }
                            return c;
                        }

                        @Differentiable
                        static double matMul2d(double[][] x) {
                            double[][] y = times(x, x);
                            double z = 0;
                            for (double[] row : y) {
                                for (double v : row) {
                                    z += v;
                                }
                            }
                            return z;
                        }
                        """, p((Object)
                        m(d(2, -1, 0.5), d(1, 3, -2), d(0.25, 4, 1.5)))),
                // include/cppad/speed/ode_evaluate.hpp:174 with utility/runge_45.hpp:285: Fehlberg's Runge-Kutta
                // 4/5 on y0' = 0, yk' = y(k-1); CppAD states the Jacobian of y(1) (p = 1): 1/(i-j)! below the diagonal
                Ported.of(
                                "cppad",
                                "include/cppad/speed/ode_evaluate.hpp",
                                174,
                                "odeEvaluate",
                                RUNGE45 + """

                        static void ode(double t, double[] y, double[] f) {
                            f[0] = 0;
                            for (int k = 1; k < y.length; k++) {
                                f[k] = y[k - 1];
                            }
                        }

                        @Differentiable
                        static double[] odeEvaluate(double[] x) {
                            return runge45(10, 0.0, 1.0, x);
                        }
                        """,
                                p(d(1, 0.5, -0.25, 2)),
                                p(d(0.3, -1, 2)))
                        .publishes(odeSeededJacobian(4), 1e-10, d(1, 0.5, -0.25, 2)),
                // include/cppad/utility/poly.hpp:146 (speed/src/link_poly.cpp): Horner's rule as CppAD writes it
                Ported.of(
                                "cppad",
                                "include/cppad/utility/poly.hpp",
                                146,
                                "horner",
                                """
                        @Differentiable
                        static double horner(double[] a, double z) {
                            int i = a.length - 1;
                            double sum = a[i];
                            while (i > 0) {
                                sum *= z;
                                sum += a[--i];
                            }
                            return sum;
                        }
                        """,
                                p(d(1, -2, 0.5, 3), 0.7),
                                p(d(2), -1.5))
                        .publishes(hornerGradient(d(1, -2, 0.5, 3), 0.7), 1e-12, d(1, -2, 0.5, 3), 0.7),
                // the same file: the k-th derivative, CppAD's Poly(k, a, z) calling Poly(0, b, z)
                Ported.of(
                                "cppad",
                                "include/cppad/utility/poly.hpp",
                                146,
                                "poly",
                                """
                        @Differentiable(wrt = "z")
                        static double poly(int k, double[] a, double z) {
                            int d = a.length - 1;
                            if (k > d) {
                                return 0;
                            }
                            if (k > 0) {
                                long factor = 1;
                                for (int i = 2; i < k; i++) {
                                    factor *= i;
                                }
                                double[] b = new double[d - k + 1];
                                for (int i = k; i <= d; i++) {
                                    factor *= i;
                                    b[i - k] = a[i] * factor;
                                    factor /= i - k + 1;
                                }
                                return poly(0, b, z);
                            }
                            double sum = a[d];
                            int i = d;
                            while (i > 0) {
                                sum *= z;
                                sum += a[--i];
                            }
                            return sum;
                        }
                        """,
                                p(1, d(1, -2, 0.5, 3), 0.7),
                                p(2, d(1, -2, 0.5, 3, 1), -0.4))
                        .tape("recursive")
                        .publishes(d(2 * 0.5 + 6 * 3 * 0.7), 1e-12, 1, d(1, -2, 0.5, 3), 0.7),
                // include/cppad/speed/sparse_jac_fun.hpp:174: f_i = sum over k with row[k] = i of exp(x_j^2 / 2);
                // p = 1 gives the entries of the Jacobian, which the published gradient is built from
                Ported.of(
                                "cppad",
                                "include/cppad/speed/sparse_jac_fun.hpp",
                                174,
                                "sparseJacFun",
                                """
                        @Differentiable(wrt = "x")
                        static double[] sparseJacFun(int m, double[] x, int[] row, int[] col, int p) {
                            if (p != 0 && p != 1) {
                                throw new IllegalArgumentException("sparse_jac_fun: p != 0 and p != 1");
                            }
                            int size = row.length;
                            double[] fp = new double[p == 0 ? m : size];
                            for (int k = 0; k < size; k++) {
                                int i = row[k];
                                int j = col[k];
                                double t = Math.exp(x[j] * x[j] / 2.0);
                                switch (p) {
                                    case 0:
                                        fp[i] += t;
                                        break;
                                    case 1:
                                        fp[k] = t * x[j];
                                        break;
                                }
                            }
                            return fp;
                        }
                        """,
                                p(
                                        3,
                                        d(0.5, -1, 0.25, 1.5),
                                        new int[] {0, 0, 1, 2, 2, 1},
                                        new int[] {0, 3, 1, 2, 0, 3},
                                        0),
                                p(
                                        3,
                                        d(0.5, -1, 0.25, 1.5),
                                        new int[] {0, 0, 1, 2, 2, 1},
                                        new int[] {0, 3, 1, 2, 0, 3},
                                        1))
                        .publishes(
                                sparseJacSeeded(
                                        d(0.5, -1, 0.25, 1.5), new int[] {0, 0, 1, 2, 2, 1}, new int[] {0, 3, 1, 2, 0, 3
                                        }),
                                1e-12,
                                3,
                                d(0.5, -1, 0.25, 1.5),
                                new int[] {0, 0, 1, 2, 2, 1},
                                new int[] {0, 3, 1, 2, 0, 3},
                                0),
                // include/cppad/speed/sparse_hes_fun.hpp:174 (p = 0): the sum over the pattern of exp(x_i x_j)
                Ported.of(
                        "cppad",
                        "include/cppad/speed/sparse_hes_fun.hpp",
                        174,
                        "sparseHesFun",
                        """
                        @Differentiable(wrt = "x")
                        static double sparseHesFun(double[] x, int[] row, int[] col) {
                            double f = 0;
                            for (int k = 0; k < row.length; k++) {
                                f += Math.exp(x[row[k]] * x[col[k]]);
                            }
                            return f;
                        }
                        """,
                        p(d(0.5, -1, 0.25), new int[] {0, 1, 2, 0}, new int[] {0, 2, 1, 1})),
                // example/general/cond_exp.cpp:68: CondExpGt(x, 0, x log x, 0) summed; the test checks log(x) + 1
                Ported.of("cppad", "example/general/cond_exp.cpp", 68, "condExp", """
                        @Differentiable
                        static double condExp(double[] x) {
                            double sum = 0;
                            for (double xj : x) {
                                sum += xj > 0 ? xj * Math.log(xj) : 0.0;
                            }
                            return sum;
                        }
                        """, p(d(1, 2, 3, -4, 5)))
                        .publishes(
                                d(1, Math.log(2) + 1, Math.log(3) + 1, Math.log(4) + 1, Math.log(5) + 1),
                                1e-12,
                                d(1, 2, 3, 4, 5)),
                // example/general/fabs.cpp:40: |x - 1|, |x|, |x + 1|; CppAD's derivative of |x| at 0 is 0
                Ported.of("cppad", "example/general/fabs.cpp", 40, "absValues", """
                        @Differentiable
                        static double[] absValues(double x) {
                            return new double[] {Math.abs(x - 1), Math.abs(x), Math.abs(x + 1)};
                        }
                        """, p(0.5), p(-2.0))
                        .publishes(d(0.5 * -1 + 1.0 * 1), 1e-12, 0.0),
                // example/general/interp_onetape.cpp:48: linear interpolation in a table of sin, the index by search
                Ported.of(
                                "cppad",
                                "example/general/interp_onetape.cpp",
                                48,
                                "interpolate",
                                """
                        static final double[] ARGUMENT = {0.0, 0.2, 0.4, 0.8, 1.0};
                        static final double[] FUNCTION = {Math.sin(0.0), Math.sin(0.2), Math.sin(0.4), Math.sin(0.8), Math.sin(1.0)};

                        static int index(double x) {
                            int j = 0;
                            while (j < ARGUMENT.length - 2 && x > ARGUMENT[j + 1]) {
                                j++;
                            }
                            return j;
                        }

                        @Differentiable
                        static double interpolate(double x) {
                            int j = index(x);
                            double slope = (FUNCTION[j + 1] - FUNCTION[j]) / (ARGUMENT[j + 1] - ARGUMENT[j]);
                            return FUNCTION[j] + slope * (x - ARGUMENT[j]);
                        }
                        """,
                                p(0.3),
                                p(0.9),
                                p(0.05))
                        .publishes(d((Math.sin(0.8) - Math.sin(0.4)) / 0.4), 1e-12, 0.5),
                // example/general/jacobian.cpp:44: (x0² exp x1, x0² sin x1, x0² cos x1)
                Ported.of("cppad", "example/general/jacobian.cpp", 44, "squareTimes", """
                        @Differentiable
                        static double[] squareTimes(double[] x) {
                            double square = x[0] * x[0];
                            double[] y = new double[3];
                            y[0] = square * Math.exp(x[1]);
                            y[1] = square * Math.sin(x[1]);
                            y[2] = square * Math.cos(x[1]);
                            return y;
                        }
                        """, p(d(2, 1)), p(d(-0.5, 3)))
                        .publishes(jacobianExample(2, 1), 1e-12, d(2, 1)),
                // example/general/hes_lagrangian.cpp:26: y0 g0 + y1 g1 + z f of an optimisation problem
                Ported.of(
                                "cppad",
                                "example/general/hes_lagrangian.cpp",
                                26,
                                "lagrangian",
                                """
                        @Differentiable
                        static double lagrangian(double[] xyz) {
                            double x0 = xyz[0];
                            double x1 = xyz[1];
                            double x2 = xyz[2];
                            double y0 = xyz[3];
                            double y1 = xyz[4];
                            double z = xyz[5];
                            double f = x0 * x0;
                            double g0 = 1. + 2. * x1 + 3. * x2;
                            double g1 = Math.log(x0 * x2);
                            return y0 * g0 + y1 * g1 + z * f;
                        }
                        """,
                                p(d(0.5, 1, 2, -1, 0.25, 3)))
                        .publishes(
                                d(
                                        0.25 / 0.5 + 3 * 2 * 0.5,
                                        -1 * 2,
                                        -1 * 3 + 0.25 / 2,
                                        1 + 2 + 6,
                                        Math.log(0.5 * 2),
                                        0.25),
                                1e-12,
                                d(0.5, 1, 2, -1, 0.25, 3)),
                // example/general/atan2.cpp:51: atan2(sin x, cos x) = x, derivative 1
                Ported.of("cppad", "example/general/atan2.cpp", 51, "angle", """
                        @Differentiable
                        static double angle(double x) {
                            double[] u = {Math.sin(x), Math.cos(x)};
                            return Math.atan2(u[0], u[1]);
                        }
                        """, p(0.7), p(-2.0))
                        .publishes(d(1), 1e-12, 0.7),
                // example/general/pow.cpp:45: pow(x, y), pow(x, 2), pow(2, y) at (0.5, 2)
                Ported.of("cppad", "example/general/pow.cpp", 45, "pows", """
                        @Differentiable
                        static double[] pows(double[] xy) {
                            double x = xy[0];
                            double y = xy[1];
                            return new double[] {Math.pow(x, y), Math.pow(x, 2.), Math.pow(2., y)};
                        }
                        """, p(d(0.5, 2)), p(d(1.5, -0.5)))
                        .publishes(
                                d(0.5 * 2 * 0.5 + 0.75 * 2 * 0.5, 0.5 * Math.log(0.5) * 0.25 + 1.0 * Math.log(2) * 4),
                                1e-12,
                                d(0.5, 2)));
    }

    /** utility/runge_45.hpp's tables and steps, as a Java programmer copies them (ode is the caller's). */
    private static final String RUNGE45 = """
            static final double[] A = {0, 1. / 5, 3. / 10, 3. / 5, 1, 7. / 8};
            static final double[][] B = {
                {1. / 5},
                {3. / 40, 9. / 40},
                {3. / 10, -9. / 10, 6. / 5},
                {-11. / 54, 5. / 2, -70. / 27, 35. / 27},
                {1631. / 55296, 175. / 512, 575. / 13824, 44275. / 110592, 253. / 4096}};
            static final double[] C4 = {2825. / 27648, 0, 18575. / 48384, 13525. / 55296, 277. / 14336, 1. / 4};
            static final double[] C5 = {37. / 378, 0, 250. / 621, 125. / 594, 0, 512. / 1771};

            static double[] runge45(int steps, double ti, double tf, double[] xi) {
                int n = xi.length;
                double h = (tf - ti) / steps;
                double[][] fh = new double[6][n];
                double[] xtmp = new double[n];
                double[] ftmp = new double[n];
                double[] xf = xi.clone();
                for (int m = 0; m < steps; m++) {
                    double t = ti * ((double) (steps - m) / steps) + tf * ((double) m / steps);
                    double[] x4 = xf.clone();
                    double[] x5 = xf.clone();
                    for (int j = 0; j < 6; j++) {
                        System.arraycopy(xf, 0, xtmp, 0, n);
                        for (int k = 0; k < j; k++) {
                            double bjk = B[j - 1][k];
                            for (int i = 0; i < n; i++) {
                                xtmp[i] += bjk * fh[k][i];
                            }
                        }
                        ode(t + A[j] * h, xtmp, ftmp);
                        for (int i = 0; i < n; i++) {
                            double fhi = ftmp[i] * h;
                            fh[j][i] = fhi;
                            x4[i] += C4[j] * fhi;
                            x5[i] += C5[j] * fhi;
                        }
                    }
                    xf = x5;
                }
                return xf;
            }
            """;

    /** ∂det/∂a_ij = the cofactor C_ij (CppAD's det_grad_33), by expansion in minors. */
    static double[] cofactors(double[] a, int n) {
        double[] g = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double[] minor = new double[(n - 1) * (n - 1)];
                int k = 0;
                for (int r = 0; r < n; r++) {
                    for (int c = 0; c < n; c++) {
                        if (r != i && c != j) {
                            minor[k++] = a[r * n + c];
                        }
                    }
                }
                g[i * n + j] = ((i + j) % 2 == 0 ? 1 : -1) * det(minor, n - 1);
            }
        }
        return g;
    }

    private static double det(double[] a, int n) {
        if (n == 1) {
            return a[0];
        }
        double[] g = cofactors(a, n);
        double s = 0;
        for (int j = 0; j < n; j++) {
            s += a[j] * g[j];
        }
        return s;
    }

    /** seedᵀ·J of ode_evaluate's p = 1 Jacobian, J_ij = 1/(i-j)! for j ≤ i, the suite's seed 0.5, 0.75, ... */
    private static double[] odeSeededJacobian(int n) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            double factorial = 1;
            for (int j = i; j >= 0; j--) {
                g[j] += (0.5 + 0.25 * i) / factorial;
                factorial *= i - j + 1;
            }
        }
        return g;
    }

    /** ∂/∂a_i = z^i, ∂/∂z = Σ i a_i z^(i-1). */
    private static double[] hornerGradient(double[] a, double z) {
        double[] g = new double[a.length + 1];
        for (int i = 0; i < a.length; i++) {
            g[i] = Math.pow(z, i);
            if (i > 0) {
                g[a.length] += i * a[i] * Math.pow(z, i - 1);
            }
        }
        return g;
    }

    /** seedᵀ·J from sparse_jac_fun's p = 1 entries t·x_j, the suite's seed 0.5, 0.75, ... */
    private static double[] sparseJacSeeded(double[] x, int[] row, int[] col) {
        double[] g = new double[x.length];
        for (int k = 0; k < row.length; k++) {
            g[col[k]] += (0.5 + 0.25 * row[k]) * Math.exp(x[col[k]] * x[col[k]] / 2) * x[col[k]];
        }
        return g;
    }

    /** seedᵀ·J of jacobian.cpp's function at (x0, x1). */
    private static double[] jacobianExample(double x0, double x1) {
        double[] s = {0.5, 0.75, 1.0};
        double[] f = {Math.exp(x1), Math.sin(x1), Math.cos(x1)};
        double[] df = {Math.exp(x1), Math.cos(x1), -Math.sin(x1)};
        double g0 = 0;
        double g1 = 0;
        for (int i = 0; i < 3; i++) {
            g0 += s[i] * 2 * x0 * f[i];
            g1 += s[i] * x0 * x0 * df[i];
        }
        return d(g0, g1);
    }
}
