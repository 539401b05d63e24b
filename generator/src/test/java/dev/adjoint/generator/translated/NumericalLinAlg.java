package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.List;

/**
 * Numerical Java as a Java programmer writes it for real work, part one: dense LU with partial pivoting and an
 * {@code int[]} permutation (rows exchanged element by element, as the README asks) inside a ridge loss through the
 * normal equations, a solve, a determinant with the permutation's sign, and a factorization helper returning the
 * {@code int[]} while a solver returns the {@code double[]}; Cholesky factor and solve (a quadratic form, a
 * log-determinant, a Gaussian process's negative log marginal likelihood, a Gaussian log density through a helper
 * returning the {@code double[][]} factor); a Gauss-Jordan inverse's trace; a natural cubic spline (a tridiagonal
 * solve, then a binary search over the knots by {@code int} index) differentiated in its values and its query points;
 * a Kalman filter's log-likelihood over a time series; Newton's method for Kepler's equation (a {@code while (true)}
 * with a tolerance and a cap), bisection then Newton for a cubic, power iteration to a tolerance with a {@code break},
 * Simpson's rule.
 */
final class NumericalLinAlg {
    private NumericalLinAlg() {}

    private static Ported of(String topic, int n, String method, String body, Object[]... points) {
        return Ported.of("numerical", "numerical Java written for this suite", topic, n, method, body, points);
    }

    /** In-place LU with partial pivoting into an {@code int[]} permutation, and its solve. */
    private static final String LU = """
            /** In-place LU with partial pivoting; perm[i] = original row of row i. */
            static void luFactor(double[][] a, int[] perm) {
                int n = a.length;
                for (int i = 0; i < n; i++) perm[i] = i;
                for (int k = 0; k < n; k++) {
                    int p = k;
                    double big = Math.abs(a[k][k]);
                    for (int i = k + 1; i < n; i++) {
                        if (Math.abs(a[i][k]) > big) { big = Math.abs(a[i][k]); p = i; }
                    }
                    if (big == 0.0) throw new ArithmeticException("singular matrix at column " + k);
                    if (p != k) {
                        for (int j = 0; j < n; j++) { double t = a[k][j]; a[k][j] = a[p][j]; a[p][j] = t; }
                        int tp = perm[k]; perm[k] = perm[p]; perm[p] = tp;
                    }
                    for (int i = k + 1; i < n; i++) {
                        a[i][k] /= a[k][k];
                        for (int j = k + 1; j < n; j++) a[i][j] -= a[i][k] * a[k][j];
                    }
                }
            }

            static void luSolve(double[][] lu, int[] perm, double[] b, double[] x) {
                int n = lu.length;
                for (int i = 0; i < n; i++) {
                    double s = b[perm[i]];
                    for (int j = 0; j < i; j++) s -= lu[i][j] * x[j];
                    x[i] = s;
                }
                for (int i = n - 1; i >= 0; i--) {
                    double s = x[i];
                    for (int j = i + 1; j < n; j++) s -= lu[i][j] * x[j];
                    x[i] = s / lu[i][i];
                }
            }
            """;

    /** Cholesky factor and solve. */
    private static final String CHOLESKY = """
            static void cholesky(double[][] a, double[][] L) {
                int n = a.length;
                for (int j = 0; j < n; j++) {
                    double s = a[j][j];
                    for (int k = 0; k < j; k++) s -= L[j][k] * L[j][k];
                    if (s <= 0) throw new IllegalArgumentException("matrix is not positive definite");
                    L[j][j] = Math.sqrt(s);
                    for (int i = j + 1; i < n; i++) {
                        double t = a[i][j];
                        for (int k = 0; k < j; k++) t -= L[i][k] * L[j][k];
                        L[i][j] = t / L[j][j];
                    }
                }
            }

            static void cholSolve(double[][] L, double[] b, double[] x) {
                int n = b.length;
                double[] z = new double[n];
                for (int i = 0; i < n; i++) {
                    double s = b[i];
                    for (int k = 0; k < i; k++) s -= L[i][k] * z[k];
                    z[i] = s / L[i][i];
                }
                for (int i = n - 1; i >= 0; i--) {
                    double s = z[i];
                    for (int k = i + 1; k < n; k++) s -= L[k][i] * x[k];
                    x[i] = s / L[i][i];
                }
            }
            """;

    /** The natural spline: second derivatives by a tridiagonal solve, the interval by binary search, the value. */
    private static final String SPLINE = """
            /** Second derivatives of the natural cubic spline through (x, y): tridiagonal system by Thomas. */
            static void secondDerivatives(double[] x, double[] y, double[] m) {
                int n = x.length;
                double[] c = new double[n];
                double[] d = new double[n];
                m[0] = 0;
                m[n - 1] = 0;
                // interior equations i = 1..n-2: h_{i-1} m_{i-1} + 2(h_{i-1}+h_i) m_i + h_i m_{i+1} = r_i
                for (int i = 1; i < n - 1; i++) {
                    double h0 = x[i] - x[i - 1], h1 = x[i + 1] - x[i];
                    double r = 6 * ((y[i + 1] - y[i]) / h1 - (y[i] - y[i - 1]) / h0);
                    double diag = 2 * (h0 + h1);
                    if (i == 1) {
                        c[i] = h1 / diag;
                        d[i] = r / diag;
                    } else {
                        double den = diag - h0 * c[i - 1];
                        c[i] = h1 / den;
                        d[i] = (r - h0 * d[i - 1]) / den;
                    }
                }
                for (int i = n - 2; i >= 1; i--) {
                    m[i] = d[i] - (i < n - 2 ? c[i] * m[i + 1] : 0.0);
                }
            }

            static int interval(double[] x, double t) {
                int lo = 0, hi = x.length - 1;
                if (t <= x[0]) return 0;
                if (t >= x[hi]) return hi - 1;
                while (hi - lo > 1) {
                    int mid = (lo + hi) >>> 1;
                    if (x[mid] > t) hi = mid;
                    else lo = mid;
                }
                return lo;
            }

            static double eval(double[] x, double[] y, double[] m, double t) {
                int i = interval(x, t);
                double h = x[i + 1] - x[i];
                double a = (x[i + 1] - t) / h, b = (t - x[i]) / h;
                return a * y[i] + b * y[i + 1] + ((a * a * a - a) * m[i] + (b * b * b - b) * m[i + 1]) * h * h / 6.0;
            }
            """;

    static List<Ported> all() {
        return List.of(
                of(
                        "linalg",
                        1,
                        "ridgeNormal",
                        LU + """
                        /** Ridge least squares by the normal equations: x = (A^T A + lambda I)^{-1} A^T b; loss = |x|^2 + sum x. */
                        @Differentiable
                        static double ridgeNormal(double[][] A, double[] b, double lambda) {
                            int m = A.length, n = A[0].length;
                            double[][] N = new double[n][n];
                            double[] rhs = new double[n];
                            for (int i = 0; i < n; i++) {
                                for (int j = 0; j < n; j++) {
                                    double s = 0;
                                    for (int k = 0; k < m; k++) s += A[k][i] * A[k][j];
                                    N[i][j] = s;
                                }
                                N[i][i] += lambda;
                                double t = 0;
                                for (int k = 0; k < m; k++) t += A[k][i] * b[k];
                                rhs[i] = t;
                            }
                            int[] perm = new int[n];
                            luFactor(N, perm);
                            double[] x = new double[n];
                            luSolve(N, perm, rhs, x);
                            double loss = 0;
                            for (int i = 0; i < n; i++) loss += x[i] * x[i] + x[i];
                            return loss;
                        }
                        """,
                        p(m(d(2, 1, 0.5), d(1, 3, 0.2), d(0.4, -1, 2.5), d(1.5, 0.3, -0.7)), d(1, -2, 0.5, 3), 0.3)),
                of(
                        "linalg",
                        2,
                        "linearSolveDot",
                        LU + """
                        /** Solve A x = b by LU with pivoting, return c . x. */
                        @Differentiable(wrt = {"A", "b"})
                        static double linearSolveDot(double[][] A, double[] b, double[] c) {
                            int n = b.length;
                            double[][] lu = new double[n][n];
                            for (int i = 0; i < n; i++) System.arraycopy(A[i], 0, lu[i], 0, n);
                            int[] perm = new int[n];
                            luFactor(lu, perm);
                            double[] x = new double[n];
                            luSolve(lu, perm, b, x);
                            double s = 0;
                            for (int i = 0; i < n; i++) s += c[i] * x[i];
                            return s;
                        }
                        """,
                        p(m(d(0.2, 1, 0.5), d(3, 0.1, 0.2), d(0.4, -1, 2.5)), d(1, 2, 3), d(0.5, -1, 2)),
                        p(m(d(2, 1, 0.5), d(1, 3, 0.2), d(0.4, -1, 2.5)), d(-1, 0.5, 2), d(1, 1, 1))),
                of(
                        "linalg",
                        3,
                        "detLu",
                        LU + """
                        /** Determinant from LU with pivoting, with sign from the permutation. */
                        @Differentiable
                        static double detLu(double[][] A) {
                            int n = A.length;
                            double[][] lu = new double[n][n];
                            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) lu[i][j] = A[i][j];
                            int[] perm = new int[n];
                            luFactor(lu, perm);
                            double det = 1;
                            for (int i = 0; i < n; i++) det *= lu[i][i];
                            int swaps = 0;
                            boolean[] seen = new boolean[n];
                            for (int i = 0; i < n; i++) {
                                if (seen[i]) continue;
                                int len = 0;
                                for (int j = i; !seen[j]; j = perm[j]) { seen[j] = true; len++; }
                                swaps += len - 1;
                            }
                            return swaps % 2 == 0 ? det : -det;
                        }
                        """,
                        p((Object) m(d(0.2, 1, 0.5), d(3, 0.1, 0.2), d(0.4, -1, 2.5))),
                        p((Object) m(d(2, 1, 0.5), d(1, 3, 0.2), d(0.4, -1, 2.5)))),
                of("linalg", 4, "solveNorm", """
                        static int[] luInPlace(double[][] a) {
                            int n = a.length;
                            int[] perm = new int[n];
                            for (int i = 0; i < n; i++) perm[i] = i;
                            for (int k = 0; k < n; k++) {
                                int p = k;
                                for (int i = k + 1; i < n; i++) if (Math.abs(a[i][k]) > Math.abs(a[p][k])) p = i;
                                if (p != k) {
                                    for (int j = 0; j < n; j++) { double t = a[k][j]; a[k][j] = a[p][j]; a[p][j] = t; }
                                    int t = perm[k]; perm[k] = perm[p]; perm[p] = t;
                                }
                                for (int i = k + 1; i < n; i++) {
                                    a[i][k] /= a[k][k];
                                    for (int j = k + 1; j < n; j++) a[i][j] -= a[i][k] * a[k][j];
                                }
                            }
                            return perm;
                        }

                        static double[] solve(double[][] lu, int[] perm, double[] b) {
                            int n = b.length;
                            double[] x = new double[n];
                            for (int i = 0; i < n; i++) {
                                double s = b[perm[i]];
                                for (int j = 0; j < i; j++) s -= lu[i][j] * x[j];
                                x[i] = s;
                            }
                            for (int i = n - 1; i >= 0; i--) {
                                double s = x[i];
                                for (int j = i + 1; j < n; j++) s -= lu[i][j] * x[j];
                                x[i] = s / lu[i][i];
                            }
                            return x;
                        }

                        /** perm returned by the factorization helper, x returned by the solver. */
                        @Differentiable
                        static double solveNorm(double[][] A, double[] b) {
                            int n = b.length;
                            double[][] lu = new double[n][n];
                            for (int i = 0; i < n; i++) System.arraycopy(A[i], 0, lu[i], 0, n);
                            int[] perm = luInPlace(lu);
                            double[] x = solve(lu, perm, b);
                            double s = 0;
                            for (double v : x) s += v * v;
                            return s;
                        }
                        """, p(m(d(0.2, 1, 0.5), d(3, 0.1, 0.2), d(0.4, -1, 2.5)), d(1, 2, 3))),
                of("linalg", 5, "quadForm", CHOLESKY + """
                        /** b^T (A A^T + I)^{-1} b by Cholesky. */
                        @Differentiable
                        static double quadForm(double[][] A, double[] b) {
                            int n = A.length;
                            double[][] S = new double[n][n];
                            for (int i = 0; i < n; i++)
                                for (int j = 0; j < n; j++) {
                                    double s = i == j ? 1.0 : 0.0;
                                    for (int k = 0; k < A[0].length; k++) s += A[i][k] * A[j][k];
                                    S[i][j] = s;
                                }
                            double[][] L = new double[n][n];
                            cholesky(S, L);
                            double[] x = new double[n];
                            cholSolve(L, b, x);
                            double q = 0;
                            for (int i = 0; i < n; i++) q += b[i] * x[i];
                            return q;
                        }
                        """, p(m(d(1, 0.5), d(-0.3, 2), d(0.7, 0.1)), d(1, -1, 2))),
                of("linalg", 6, "logDet", CHOLESKY + """
                        /** log det(A A^T + diag(d^2)) via Cholesky. */
                        @Differentiable
                        static double logDet(double[][] A, double[] d) {
                            int n = A.length;
                            double[][] S = new double[n][n];
                            for (int i = 0; i < n; i++) {
                                for (int j = 0; j <= i; j++) {
                                    double s = 0;
                                    for (int k = 0; k < A[i].length; k++) s += A[i][k] * A[j][k];
                                    S[i][j] = s;
                                    S[j][i] = s;
                                }
                                S[i][i] += d[i] * d[i];
                            }
                            double[][] L = new double[n][n];
                            cholesky(S, L);
                            double ld = 0;
                            for (int i = 0; i < n; i++) ld += 2 * Math.log(L[i][i]);
                            return ld;
                        }
                        """, p(m(d(1, 0.5), d(-0.3, 2), d(0.7, 0.1)), d(0.5, 0.8, 1.1))),
                of(
                        "linalg",
                        7,
                        "gpNll",
                        CHOLESKY + """
                        /** GP negative log marginal likelihood, squared-exponential kernel, theta = (log ell, log sf, log sn). */
                        @Differentiable(wrt = "theta")
                        static double gpNll(double[] theta, double[] xs, double[] ys) {
                            int n = xs.length;
                            double ell = Math.exp(theta[0]), sf2 = Math.exp(2 * theta[1]), sn2 = Math.exp(2 * theta[2]);
                            double[][] K = new double[n][n];
                            for (int i = 0; i < n; i++)
                                for (int j = 0; j < n; j++) {
                                    double r = (xs[i] - xs[j]) / ell;
                                    K[i][j] = sf2 * Math.exp(-0.5 * r * r) + (i == j ? sn2 : 0.0);
                                }
                            double[][] L = new double[n][n];
                            cholesky(K, L);
                            double[] alpha = new double[n];
                            cholSolve(L, ys, alpha);
                            double nll = 0;
                            for (int i = 0; i < n; i++) nll += 0.5 * ys[i] * alpha[i] + Math.log(L[i][i]);
                            return nll + 0.5 * n * Math.log(2 * Math.PI);
                        }
                        """,
                        p(d(-0.2, 0.1, -1.0), d(0, 0.5, 1.1, 1.7, 2.4), d(0.1, 0.6, 0.9, 0.4, -0.3))),
                of(
                        "linalg",
                        8,
                        "mvnLogPdf",
                        """
                        static double[][] choleskyOf(double[][] a) {
                            int n = a.length;
                            double[][] L = new double[n][n];
                            for (int j = 0; j < n; j++) {
                                double s = a[j][j];
                                for (int k = 0; k < j; k++) s -= L[j][k] * L[j][k];
                                L[j][j] = Math.sqrt(s);
                                for (int i = j + 1; i < n; i++) {
                                    double t = a[i][j];
                                    for (int k = 0; k < j; k++) t -= L[i][k] * L[j][k];
                                    L[i][j] = t / L[j][j];
                                }
                            }
                            return L;
                        }

                        /** Gaussian log density with covariance Sigma = A A^T + I, Cholesky returned by a helper. */
                        @Differentiable(wrt = {"A", "mean"})
                        static double mvnLogPdf(double[][] A, double[] mean, double[] x) {
                            int n = x.length;
                            double[][] S = new double[n][n];
                            for (int i = 0; i < n; i++)
                                for (int j = 0; j < n; j++) {
                                    double s = i == j ? 1 : 0;
                                    for (int k = 0; k < A[i].length; k++) s += A[i][k] * A[j][k];
                                    S[i][j] = s;
                                }
                            double[][] L = choleskyOf(S);
                            double[] z = new double[n];
                            for (int i = 0; i < n; i++) {
                                double s = x[i] - mean[i];
                                for (int k = 0; k < i; k++) s -= L[i][k] * z[k];
                                z[i] = s / L[i][i];
                            }
                            double q = 0, ld = 0;
                            for (int i = 0; i < n; i++) {
                                q += z[i] * z[i];
                                ld += Math.log(L[i][i]);
                            }
                            return -0.5 * q - ld - 0.5 * n * Math.log(2 * Math.PI);
                        }
                        """,
                        p(m(d(1, 0.5), d(-0.3, 2), d(0.7, 0.1)), d(0.1, 0.2, 0.3), d(1, -1, 2))),
                of("linalg", 9, "traceInverse", """
                        /** Gauss-Jordan inverse, the trace of the inverse. */
                        @Differentiable
                        static double traceInverse(double[][] A) {
                            int n = A.length;
                            double[][] aug = new double[n][2 * n];
                            for (int i = 0; i < n; i++) {
                                for (int j = 0; j < n; j++) aug[i][j] = A[i][j];
                                aug[i][n + i] = 1;
                            }
                            for (int c = 0; c < n; c++) {
                                int piv = c;
                                for (int r = c + 1; r < n; r++) if (Math.abs(aug[r][c]) > Math.abs(aug[piv][c])) piv = r;
                                if (piv != c) {
                                    for (int j = 0; j < 2 * n; j++) {
                                        double tmp = aug[c][j];
                                        aug[c][j] = aug[piv][j];
                                        aug[piv][j] = tmp;
                                    }
                                }
                                double d = aug[c][c];
                                for (int j = 0; j < 2 * n; j++) aug[c][j] /= d;
                                for (int r = 0; r < n; r++) {
                                    if (r == c) continue;
                                    double f = aug[r][c];
                                    for (int j = 0; j < 2 * n; j++) aug[r][j] -= f * aug[c][j];
                                }
                            }
                            double tr = 0;
                            for (int i = 0; i < n; i++) tr += aug[i][n + i];
                            return tr;
                        }
                        """, p((Object) m(d(0.2, 1, 0.5), d(3, 0.1, 0.2), d(0.4, -1, 2.5)))),
                of(
                        "spline",
                        1,
                        "splineMisfit",
                        SPLINE + """
                        /** Least-squares misfit of a natural spline through knots (x, y) against observations (q, obs). */
                        @Differentiable(wrt = {"y", "q"})
                        static double splineMisfit(double[] x, double[] y, double[] q, double[] obs) {
                            double[] m = new double[x.length];
                            secondDerivatives(x, y, m);
                            double s = 0;
                            for (int k = 0; k < q.length; k++) {
                                double e = eval(x, y, m, q[k]) - obs[k];
                                s += e * e;
                            }
                            return 0.5 * s;
                        }
                        """,
                        p(
                                d(0, 0.7, 1.5, 2.1, 3.0, 4.2),
                                d(0, 0.6, 1.0, 0.8, 0.1, -0.5),
                                d(0.3, 1.2, 2.5, 3.9, 4.0),
                                d(0.2, 0.9, 0.5, -0.3, -0.4)),
                        p(d(0, 0.7, 1.5, 2.1, 3.0, 4.2), d(0, 0.6, 1.0, 0.8, 0.1, -0.5), d(-0.2, 4.4), d(0.1, -0.6))),
                of(
                        "spline",
                        2,
                        "splineValues",
                        SPLINE + """
                        /** The spline's values at q, as an array. */
                        @Differentiable(wrt = "y")
                        static double[] splineValues(double[] x, double[] y, double[] q) {
                            double[] m = new double[x.length];
                            secondDerivatives(x, y, m);
                            double[] out = new double[q.length];
                            for (int k = 0; k < q.length; k++) out[k] = eval(x, y, m, q[k]);
                            return out;
                        }
                        """,
                        p(
                                d(0, 0.7, 1.5, 2.1, 3.0, 4.2),
                                d(0, 0.6, 1.0, 0.8, 0.1, -0.5),
                                d(-0.1, 0.3, 1.2, 2.5, 3.9, 4.5))),
                of("kalman", 1, "logLik", """
                        /** Log-likelihood of a local linear trend model (2-state) with observation noise; theta = (log q1, log q2, log r). */
                        @Differentiable(wrt = "theta")
                        static double logLik(double[] theta, double[] ys) {
                            double q1 = Math.exp(theta[0]), q2 = Math.exp(theta[1]), r = Math.exp(theta[2]);
                            double[] m = {ys[0], 0.0};
                            double[][] P = {{10.0, 0.0}, {0.0, 10.0}};
                            double ll = 0;
                            for (int t = 1; t < ys.length; t++) {
                                // predict: F = [[1,1],[0,1]]
                                double m0 = m[0] + m[1];
                                double m1 = m[1];
                                double p00 = P[0][0] + P[0][1] + P[1][0] + P[1][1] + q1;
                                double p01 = P[0][1] + P[1][1];
                                double p10 = P[1][0] + P[1][1];
                                double p11 = P[1][1] + q2;
                                // update with H = [1, 0]
                                double v = ys[t] - m0;
                                double S = p00 + r;
                                double k0 = p00 / S, k1 = p10 / S;
                                m[0] = m0 + k0 * v;
                                m[1] = m1 + k1 * v;
                                P[0][0] = p00 - k0 * p00;
                                P[0][1] = p01 - k0 * p01;
                                P[1][0] = p10 - k1 * p00;
                                P[1][1] = p11 - k1 * p01;
                                ll += -0.5 * (Math.log(2 * Math.PI * S) + v * v / S);
                            }
                            return ll;
                        }
                        """, p(d(-1.0, -3.0, -0.5), d(1.0, 1.3, 1.1, 1.8, 2.2, 2.1, 2.9, 3.3))),
                of("solvers", 1, "eccentricAnomaly", """
                        /** Kepler's equation E - e sin E = M by Newton with a tolerance and an iteration cap. */
                        @Differentiable
                        static double eccentricAnomaly(double M, double e) {
                            if (e < 0 || e >= 1) throw new IllegalArgumentException("eccentricity must be in [0, 1): " + e);
                            double E = e < 0.8 ? M : Math.PI;
                            int it = 0;
                            while (true) {
                                double f = E - e * Math.sin(E) - M;
                                double dE = f / (1 - e * Math.cos(E));
                                E -= dE;
                                if (Math.abs(dE) < 1e-15 || ++it >= 50) break;
                            }
                            return E;
                        }
                        """, p(1.2, 0.3), p(2.5, 0.9)),
                of("solvers", 2, "cubicRoot", """
                        /** Real root of x^3 + a x - b (a > 0): bisection to bracket, then Newton polish. */
                        @Differentiable
                        static double cubicRoot(double a, double b) {
                            double lo = -1, hi = 1;
                            while (lo * lo * lo + a * lo - b > 0) lo *= 2;
                            while (hi * hi * hi + a * hi - b < 0) hi *= 2;
                            for (int k = 0; k < 30; k++) {
                                double mid = 0.5 * (lo + hi);
                                if (mid * mid * mid + a * mid - b > 0) hi = mid;
                                else lo = mid;
                            }
                            double x = 0.5 * (lo + hi);
                            for (int k = 0; k < 20; k++) {
                                double step = (x * x * x + a * x - b) / (3 * x * x + a);
                                x -= step;
                                if (Math.abs(step) <= 1e-14 * (1 + Math.abs(x))) break;
                            }
                            return x;
                        }
                        """, p(1.5, 2.0), p(0.5, -3.0)),
                of(
                        "solvers",
                        3,
                        "powerIteration",
                        """
                        /** Dominant eigenvalue of a symmetric matrix by power iteration (Rayleigh quotient), to a relative tolerance. */
                        @Differentiable(wrt = "A")
                        static double powerIteration(double[][] A, int maxIter, double tol) {
                            int n = A.length;
                            double[] v = new double[n];
                            double[] w = new double[n];
                            for (int i = 0; i < n; i++) v[i] = 1.0 / Math.sqrt(n);
                            double lambda = 0;
                            for (int it = 0; it < maxIter; it++) {
                                for (int i = 0; i < n; i++) {
                                    double s = 0;
                                    for (int j = 0; j < n; j++) s += A[i][j] * v[j];
                                    w[i] = s;
                                }
                                double norm = 0;
                                for (int i = 0; i < n; i++) norm += w[i] * w[i];
                                norm = Math.sqrt(norm);
                                double next = 0;
                                for (int i = 0; i < n; i++) {
                                    v[i] = w[i] / norm;
                                }
                                for (int i = 0; i < n; i++) {
                                    double s = 0;
                                    for (int j = 0; j < n; j++) s += A[i][j] * v[j];
                                    next += v[i] * s;
                                }
                                boolean done = Math.abs(next - lambda) < tol * Math.abs(next);
                                lambda = next;
                                if (done) break;
                            }
                            return lambda;
                        }
                        """,
                        p(m(d(4, 1, 0.5), d(1, 3, 0.2), d(0.5, 0.2, 1)), 25, 0.0),
                        p(m(d(4, 1, 0.5), d(1, 3, 0.2), d(0.5, 0.2, 1)), 500, 1e-6)),
                of("solvers", 4, "simpson", """
                        /** Composite Simpson integration of exp(-a t^2) cos(b t) on [0, T]. */
                        @Differentiable(wrt = {"a", "b"})
                        static double simpson(double a, double b, double T, int n) {
                            if (n % 2 != 0) throw new IllegalArgumentException("n must be even");
                            double h = T / n, s = 0;
                            for (int i = 0; i <= n; i++) {
                                double t = i * h;
                                double f = Math.exp(-a * t * t) * Math.cos(b * t);
                                double w = (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2);
                                s += w * f;
                            }
                            return s * h / 3;
                        }
                        """, p(0.8, 2.0, 3.0, 40)));
    }
}
