package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.List;

/**
 * ForwardDiff.jl's and ReverseDiff.jl's own test functions beyond DiffTests.jl (github.com/JuliaDiff/ForwardDiff.jl at
 * 569af35, github.com/JuliaDiff/ReverseDiff.jl at f52671c), in Java from their math: ForwardDiff's README example and
 * nested derivatives (issue #59; the Hessians of {@code MiscTest}, {@code HessianTest} and {@code ConfusionTest},
 * checked through {@code Hvp} by {@link JuliaNumericalSuiteTest}), {@code jacobian(inv)} by Gauss-Jordan,
 * {@code x^y} at a zero base, a range's sum, {@code det} by cofactors and by pivoted LU (issues 197, 407), the
 * log-determinant of a triangular factor, the hardcoded in-place Jacobian test, 2×2 eigenvalues and eigenvectors in
 * closed form, {@code diff(A; dims=1)}, the bilinear form of the perturbation-confusion test and the Legendre
 * transform's Hamiltonian; ReverseDiff's issue #140, the Householder norms of PR #227, the compat test, the overloaded
 * {@code f0} of its macro tests, and its chain-rule tests' deliberately different rule for {@code h(x) = 10x}
 * (a {@code @CustomDerivative} whose pullback says 7: the gradient is the rule's, 32, not central differences') and
 * its variable-arity {@code f_vararg}. The gradients their tests assert are published.
 */
final class JuliaDiffFunctions {
    private JuliaDiffFunctions() {}

    private static Ported fd(String file, int line, String method, String body, Object[]... points) {
        return Ported.of("forwarddiff", "JuliaDiff/ForwardDiff.jl", "test/" + file, line, method, body, points);
    }

    private static Ported rd(String file, int line, String method, String body, Object[]... points) {
        return Ported.of("reversediff", "JuliaDiff/ReverseDiff.jl", "test/" + file, line, method, body, points);
    }

    static List<Ported> all() {
        return List.of(
                fd("MiscTest.jl", 19, "readme", """
                        // MiscTest: README example, f = sum(sin, x) + prod(tan, x) * sum(sqrt, x)
                        @Differentiable
                        static double readme(double[] x) {
                            double s = 0, p = 1, r = 0;
                            for (double v : x) {
                                s += Math.sin(v);
                                p *= Math.tan(v);
                                r += Math.sqrt(v);
                            }
                            return s + p * r;
                        }
                        """, p(d(0.3, 0.5, 0.7, 0.2, 0.9)), p(d(1.1, 0.2, 0.4))),
                fd("MiscTest.jl", 65, "issue59", """
                        // MiscTest issue #59: f(x) = sin(x)/3 * cos(x)/2
                        @Differentiable
                        static double issue59(double x) {
                            return Math.sin(x) / 3 * Math.cos(x) / 2;
                        }
                        """, p(0.7), p(-2.1))
                        .publishes(
                                d(((Math.cos(0.7) * Math.cos(0.7)) / 3 - (Math.sin(0.7) * Math.sin(0.7)) / 3) / 2),
                                1e-12,
                                0.7),
                fd(
                        "MiscTest.jl",
                        84,
                        "inverse",
                        """
                        // MiscTest: jacobian(inv, x) by Gauss-Jordan with partial pivoting, flattened row by row
                        @Differentiable
                        static double[] inverse(double[][] a) {
                            int n = a.length;
                            double[][] w = new double[n][2 * n];
                            for (int i = 0; i < n; i++) {
                                for (int j = 0; j < n; j++) w[i][j] = a[i][j];
                                w[i][n + i] = 1.0;
                            }
                            for (int c = 0; c < n; c++) {
                                int p = c;
                                for (int r = c + 1; r < n; r++) {
                                    if (Math.abs(w[r][c]) > Math.abs(w[p][c])) p = r;
                                }
                                for (int j = 0; j < 2 * n; j++) {
                                    double t = w[c][j];
                                    w[c][j] = w[p][j];
                                    w[p][j] = t;
                                }
                                double d = w[c][c];
                                for (int j = 0; j < 2 * n; j++) w[c][j] /= d;
                                for (int r = 0; r < n; r++) {
                                    if (r != c) {
                                        double f = w[r][c];
                                        for (int j = 0; j < 2 * n; j++) w[r][j] -= f * w[c][j];
                                    }
                                }
                            }
                            double[] out = new double[n * n];
                            for (int i = 0; i < n; i++)
                                for (int j = 0; j < n; j++) out[i * n + j] = w[i][n + j];
                            return out;
                        }
                        """,
                        p((Object) m(d(2, 1, 0.5), d(1, 3, 0.2), d(0.4, -1, 2.5))),
                        p((Object) m(d(0.1, 1), d(2, 0.3)))),
                fd("MiscTest.jl", 137, "sumHypot", """
                        // MiscTest: hessian(y -> sum(hypot.(x, y)), y) is diagonal x^2 / (x^2 + y^2)^(3/2)
                        @Differentiable(wrt = "y")
                        static double sumHypot(double[] x, double[] y) {
                            double s = 0;
                            for (int i = 0; i < x.length; i++) s += Math.hypot(x[i], y[i]);
                            return s;
                        }
                        """, p(d(0.3, 0.5, 0.7), d(0.2, -0.4, 0.9))),
                fd("MiscTest.jl", 183, "absSquared", """
                        // MiscTest: hessian(t -> abs(t[1])^2, [0.0]) == 2
                        @Differentiable
                        static double absSquared(double[] t) {
                            return Math.pow(Math.abs(t[0]), 2);
                        }
                        """, p(d(0.4)), p(d(-0.3))),
                fd("MiscTest.jl", 180, "rem2piDown", """
                        // MiscTest issue #290: rem2pi(x, RoundDown) has derivative 1
                        @Differentiable
                        static double rem2piDown(double x) {
                            double twoPi = 2 * Math.PI;
                            return x - twoPi * Math.floor(x / twoPi);
                        }
                        """, p(7.5), p(-2.0)).publishes(d(1), 0, 7.5),
                fd("GradientTest.jl", 161, "power", """
                        // GradientTest: t[1]^t[2]
                        @Differentiable
                        static double power(double[] t) {
                            return Math.pow(t[0], t[1]);
                        }
                        """, p(d(1.5, 2.5)), p(d(0.7, -1.2)))
                        .publishes(d(0, 0), 0, d(0.0, 1.5))
                        .publishes(d(1, 0), 0, d(1.0, 1.0)),
                fd("GradientTest.jl", 182, "rangeSum", """
                        // GradientTest issue 548: sum(collect(0.0:p[1]:p[2]))
                        @Differentiable
                        static double rangeSum(double[] p) {
                            double s = 0;
                            int n = (int) Math.floor(p[1] / p[0]);
                            for (int k = 0; k <= n; k++) s += k * p[0];
                            return s;
                        }
                        """, p(d(0.3, 25.0))).publishes(d(3486, 0), 1e-12, d(0.3, 25.0)),
                fd(
                                "GradientTest.jl",
                                191,
                                "det3",
                                """
                        // GradientTest issue 197: det2 by cofactors
                        @Differentiable
                        static double det3(double[][] A) {
                            return A[0][0] * (A[1][1] * A[2][2] - A[1][2] * A[2][1])
                                    - A[0][1] * (A[1][0] * A[2][2] - A[1][2] * A[2][0])
                                    + A[0][2] * (A[1][0] * A[2][1] - A[1][1] * A[2][0]);
                        }
                        """,
                                p((Object) m(d(1, 0, 0), d(0, 2, 0), d(0, Math.PI, 3))),
                                p((Object) m(d(1, 0.5, 0.2), d(0.3, 2, 0.1), d(0.2, 3, 3))))
                        .publishes(d(6, 0, 0, 0, 3, -Math.PI, 0, 0, 2), 1e-12, (Object)
                                m(d(1, 0, 0), d(0, 2, 0), d(0, Math.PI, 3))),
                fd(
                                "GradientTest.jl",
                                191,
                                "detPivoted",
                                """
                        // GradientTest: det by LU with partial pivoting (issue 407 compares its Hessian with det2's)
                        @Differentiable
                        static double detPivoted(double[][] A) {
                            int n = A.length;
                            double[][] u = new double[n][n];
                            for (int i = 0; i < n; i++) System.arraycopy(A[i], 0, u[i], 0, n);
                            double det = 1;
                            for (int k = 0; k < n; k++) {
                                int p = k;
                                for (int i = k + 1; i < n; i++) if (Math.abs(u[i][k]) > Math.abs(u[p][k])) p = i;
                                if (p != k) {
                                    det = -det;
                                    for (int j = 0; j < n; j++) {
                                        double t = u[k][j];
                                        u[k][j] = u[p][j];
                                        u[p][j] = t;
                                    }
                                }
                                det *= u[k][k];
                                if (u[k][k] == 0) return 0;
                                for (int i = k + 1; i < n; i++) {
                                    double f = u[i][k] / u[k][k];
                                    for (int j = k; j < n; j++) u[i][j] -= f * u[k][j];
                                }
                            }
                            return det;
                        }
                        """,
                                p((Object) m(d(1, 0, 0), d(0, 2, 0), d(0, Math.PI, 3))),
                                p((Object) m(d(1, 0.5, 0.2), d(0.3, 2, 0.1), d(0.2, 3, 3))))
                        .publishes(d(6, 0, 0, 0, 3, -Math.PI, 0, 0, 2), 1e-12, (Object)
                                m(d(1, 0, 0), d(0, 2, 0), d(0, Math.PI, 3))),
                fd("GradientTest.jl", 212, "logDetGeneral", """
                        // GradientTest: det by LU with partial pivoting (issue 407 compares its Hessian with det2's)
                        @Differentiable
                        static double detPivoted(double[][] A) {
                            int n = A.length;
                            double[][] u = new double[n][n];
                            for (int i = 0; i < n; i++) System.arraycopy(A[i], 0, u[i], 0, n);
                            double det = 1;
                            for (int k = 0; k < n; k++) {
                                int p = k;
                                for (int i = k + 1; i < n; i++) if (Math.abs(u[i][k]) > Math.abs(u[p][k])) p = i;
                                if (p != k) {
                                    det = -det;
                                    for (int j = 0; j < n; j++) {
                                        double t = u[k][j];
                                        u[k][j] = u[p][j];
                                        u[p][j] = t;
                                    }
                                }
                                det *= u[k][k];
                                if (u[k][k] == 0) return 0;
                                for (int i = k + 1; i < n; i++) {
                                    double f = u[i][k] / u[k][k];
                                    for (int j = k; j < n; j++) u[i][j] -= f * u[k][j];
                                }
                            }
                            return det;
                        }

                        // GradientTest: log(det(L)) of a lower-triangular L, as a general matrix
                        @Differentiable
                        static double logDetGeneral(double[][] L) {
                            return Math.log(detPivoted(L));
                        }
                        """, p((Object) m(d(1, 0), d(0.8, 0.6))), p((Object)
                                m(d(2, 0.3), d(0.5, 1.5))))
                        .publishes(d(1, -4.0 / 3, 0, 5.0 / 3), 1e-12, (Object) m(d(1, 0), d(0.8, 0.6))),
                fd(
                                "GradientTest.jl",
                                237,
                                "scaledProductSum",
                                """
                        // GradientTest issue 536: derivative of sum(x * a * b) in the scalar x
                        @Differentiable(wrt = "x")
                        static double scaledProductSum(double x, double[][] a, double[][] b) {
                            int n = a.length;
                            double s = 0;
                            for (int i = 0; i < n; i++)
                                for (int j = 0; j < n; j++) {
                                    double c = 0;
                                    for (int k = 0; k < n; k++) c += x * a[i][k] * b[k][j];
                                    s += c;
                                }
                            return s;
                        }
                        """,
                                p(0.0, m(d(1, 2), d(3, 4)), m(d(0.5, -1), d(2, 0.25))))
                        .publishes(
                                d(0.5 + 4 - 1 + 0.5 + 1.5 + 8 - 3 + 1),
                                1e-12,
                                0.0,
                                m(d(1, 2), d(3, 4)),
                                m(d(0.5, -1), d(2, 0.25))),
                fd("GradientTest.jl", 319, "scaledDecay", """
                        // GradientTest issue 745: a[1] * exp(-a[2])
                        @Differentiable
                        static double scaledDecay(double[] a) {
                            return a[0] * Math.exp(-a[1]);
                        }
                        """, p(d(1.0, -1.5))),
                fd("GradientTest.jl", 305, "logOfSum", """
                        // GradientTest issue 774: log(zero(x[1]) + x[2])
                        @Differentiable
                        static double logOfSum(double[] x) {
                            return Math.log(0.0 * x[0] + x[1]);
                        }
                        """, p(d(1.0, 0.5))),
                fd("HessianTest.jl", 159, "quadratic", """
                        // HessianTest issue 551: dot(x, H, x)
                        static final double[][] H = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};

                        @Differentiable
                        static double quadratic(double[] x) {
                            double s = 0;
                            for (int i = 0; i < 3; i++)
                                for (int j = 0; j < 3; j++) s += x[i] * H[i][j] * x[j];
                            return s;
                        }
                        """, p(d(1e-5, 1e-5, 1e-5)), p(d(0.3, -0.2, 1.1))),
                fd("HessianTest.jl", 166, "product720", """
                        // HessianTest issue 720: (r1^2 - 3)(r2^2 - 2)
                        @Differentiable
                        static double product720(double[] r) {
                            return (r[0] * r[0] - 3) * (r[1] * r[1] - 2);
                        }
                        """, p(d(0.5, 2.8))),
                fd("HessianTest.jl", 15, "rosenbrock", """
                        // HessianTest: rosenbrock_1 hardcoded Hessian
                        @Differentiable
                        static double rosenbrock(double[] x) {
                            double a = 1, b = 100, r = 0;
                            for (int i = 0; i < x.length - 1; i++) {
                                r += (a - x[i]) * (a - x[i]) + b * (x[i + 1] - x[i] * x[i]) * (x[i + 1] - x[i] * x[i]);
                            }
                            return r;
                        }
                        """, p(d(0.1, 0.2, 0.3)))
                        .publishes(d(-9.4, 15.6, 52.0), 1e-12, d(0.1, 0.2, 0.3)),
                fd("JacobianTest.jl", 23, "hardcoded", """
                        // JacobianTest hardcoded f!(y, x)
                        static void fInPlace(double[] y, double[] x) {
                            y[0] = x[0] * x[1];
                            y[0] *= Math.sin(x[2] * x[2]);
                            y[1] = y[0] + x[2];
                            y[2] = y[0] / y[1];
                            y[3] = x[2];
                        }

                        @Differentiable
                        static double[] hardcoded(double[] x) {
                            double[] y = new double[4];
                            fInPlace(y, x);
                            return y;
                        }
                        """, p(d(1, 2, 3)), p(d(-0.4, 0.9, 1.3)))
                        .publishes(d(1.1993729096510757, 0.5996864548255378, -13.966127459121886), 1e-12, d(1, 2, 3)),
                fd("JacobianTest.jl", 246, "eigTridiagonal", """
                        // JacobianTest: eigvals(SymTridiagonal(x, x[1:end-1])) for n = 2: [[x1, x1], [x1, x2]]
                        @Differentiable
                        static double[] eigTridiagonal(double[] x) {
                            double a = x[0], b = x[0], d = x[1];
                            double mean = 0.5 * (a + d);
                            double rad = Math.sqrt(0.25 * (a - d) * (a - d) + b * b);
                            return new double[] {mean - rad, mean + rad};
                        }
                        """, p(d(1, 2)), p(d(-0.5, 1.5)))
                        .publishes(d(0.7927050983124844, 0.6809016994374947), 1e-12, d(1, 2)),
                fd("JacobianTest.jl", 247, "eigOuter", """
                        // JacobianTest: eigvals(Symmetric(x * x')) and the first eigenvector (ev1)
                        @Differentiable
                        static double[] eigOuter(double[] x) {
                            double a = x[0] * x[0], b = x[0] * x[1], d = x[1] * x[1];
                            double tr = a + d, det = a * d - b * b;
                            double disc = Math.sqrt(tr * tr - 4 * det);
                            return new double[] {0.5 * (tr - disc), 0.5 * (tr + disc)};
                        }
                        """, p(d(1, 2)), p(d(0.3, -1.2)))
                        .publishes(d(1.5, 3), 1e-12, d(1, 2)),
                fd("JacobianTest.jl", 250, "firstEigenvector", """
                        @Differentiable
                        static double[] firstEigenvector(double[] x) {
                            double a = x[0] * x[0], b = x[0] * x[1], d = x[1] * x[1];
                            double tr = a + d, det = a * d - b * b;
                            double lambda = 0.5 * (tr - Math.sqrt(tr * tr - 4 * det));
                            double v0 = b, v1 = lambda - a;
                            if (Math.abs(b) < 1e-300) {
                                v0 = lambda - d;
                                v1 = b;
                            }
                            double nrm = Math.hypot(v0, v1);
                            return new double[] {v0 / nrm, v1 / nrm};
                        }
                        """, p(d(1, 2)), p(d(0.3, -1.2))),
                fd("JacobianTest.jl", 179, "diffRows", """
                        // JacobianTest: _diff(A) = diff(A; dims = 1), flattened column-major as Julia's vec
                        @Differentiable
                        static double[] diffRows(double[][] A) {
                            int m = A.length, n = A[0].length;
                            double[] out = new double[(m - 1) * n];
                            for (int j = 0; j < n; j++)
                                for (int i = 0; i < m - 1; i++) out[j * (m - 1) + i] = A[i + 1][j] - A[i][j];
                            return out;
                        }
                        """, p((Object) m(d(1, 2, 3), d(4, 5, 7), d(0.5, 0.1, 2)))),
                fd("ConfusionTest.jl", 24, "bilinear", """
                        // ConfusionTest: jacobian(x -> gradient(y -> dot(y, A x), y), x) == A
                        @Differentiable(wrt = {"x", "y"})
                        static double bilinear(double[] x, double[] y, double[][] A) {
                            double s = 0;
                            for (int i = 0; i < y.length; i++) {
                                double ax = 0;
                                for (int j = 0; j < x.length; j++) ax += A[i][j] * x[j];
                                s += y[i] * ax;
                            }
                            return s;
                        }
                        """, p(d(1, 2), d(0.5, -1, 2), m(d(1, 2), d(3, 4), d(5, 6)))),
                fd("ConfusionTest.jl", 28, "hamiltonian", """
                        // ConfusionTest issue #238: Hamiltonian from the Lagrangian L = m/2 |qdot|^2 - m g q2 by the Legendre transform
                        static final double MASS = 1, GRAVITY = 9.8;

                        static double lagrangian(double[] q, double[] qdot) {
                            return MASS / 2 * (qdot[0] * qdot[0] + qdot[1] * qdot[1]) - MASS * GRAVITY * q[1];
                        }

                        @Differentiable(wrt = "q")
                        static double hamiltonian(double[] q, double[] p) {
                            // M = d2L/dqdot2 = m I, b = dL/dqdot at 0 = 0; v solves M v = p - b by Cholesky of the 2x2 M
                            double m00 = MASS, m10 = 0, m11 = MASS;
                            double l00 = Math.sqrt(m00), l10 = m10 / l00, l11 = Math.sqrt(m11 - l10 * l10);
                            double z0 = p[0] / l00, z1 = (p[1] - l10 * z0) / l11;
                            double[] v = new double[2];
                            v[1] = z1 / l11;
                            v[0] = (z0 - l10 * v[1]) / l00;
                            return p[0] * v[0] + p[1] * v[1] - lagrangian(q, v);
                        }
                        """, p(d(1, 2), d(5, 6)))
                        .publishes(d(0, 9.8), 1e-12, d(1, 2), d(5, 6)),
                rd("api/GradientTests.jl", 176, "nestedArrayMul", """
                        // issue #140: sum(sum(x[1] * [[x[2], x[3]]]))
                        @Differentiable
                        static double nestedArrayMul(double[] x) {
                            double[] inner = {x[1], x[2]};
                            double s = 0;
                            for (double v : inner) s += x[0] * v;
                            return s;
                        }
                        """, p(d(1.0, 2.0, 1.0, -2.4, 4.0)))
                        .publishes(d(3, 1, 1, 0, 0), 0, d(1.0, 2.0, 1.0, -2.4, 4.0)),
                rd("api/GradientTests.jl", 191, "normHermitian", """
                        // PR #227: norm(A' * A) with A = I - 2 v v' (Frobenius norm)
                        @Differentiable
                        static double normHermitian(double[] v) {
                            int n = v.length;
                            double[][] A = new double[n][n];
                            for (int i = 0; i < n; i++)
                                for (int j = 0; j < n; j++) A[i][j] = (i == j ? 1 : 0) - 2 * v[i] * v[j];
                            double s = 0;
                            for (int i = 0; i < n; i++)
                                for (int j = 0; j < n; j++) {
                                    double c = 0;
                                    for (int k = 0; k < n; k++) c += A[k][i] * A[k][j];
                                    s += c * c;
                                }
                            return Math.sqrt(s);
                        }
                        """, p(d(0.3, 0.5, -0.2, 0.7, 0.1))),
                rd("api/GradientTests.jl", 196, "normHermitian6", """
                        // PR #227 variant 6: A = (v'v) I - 2 v v'
                        @Differentiable
                        static double normHermitian6(double[] v) {
                            int n = v.length;
                            double vv = 0;
                            for (double e : v) vv += e * e;
                            double[][] A = new double[n][n];
                            for (int i = 0; i < n; i++)
                                for (int j = 0; j < n; j++) A[i][j] = (i == j ? vv : 0) - 2 * v[i] * v[j];
                            double s = 0;
                            for (int i = 0; i < n; i++)
                                for (int j = 0; j < n; j++) {
                                    double c = 0;
                                    for (int k = 0; k < n; k++) c += A[k][i] * A[k][j];
                                    s += c * c;
                                }
                            return Math.sqrt(s);
                        }
                        """, p(d(0.3, 0.5, -0.2, 0.7, 0.1))),
                rd("compat/CompatTests.jl", 10, "minusRange", """
                        // compat: sum(abs2.(x .- (1:3)))
                        @Differentiable
                        static double minusRange(double[] x) {
                            double s = 0;
                            for (int i = 0; i < x.length; i++) s += (x[i] - (i + 1)) * (x[i] - (i + 1));
                            return s;
                        }
                        """, p(d(2, 2, 2)))
                        .publishes(d(2, 0, -2), 0, d(2, 2, 2)),
                rd("MacrosTests.jl", 15, "macroUser", """
                        // MacrosTests: f0(x) = 1 / (1 + exp(-x)), f0(a, b) = sqrt(a^2 + b^2), overloads used together
                        @Differentiable
                        static double f0(double x) {
                            return 1. / (1. + Math.exp(-x));
                        }

                        @Differentiable
                        static double f0(double a, double b) {
                            return Math.sqrt(a * a + b * b);
                        }

                        @Differentiable
                        static double macroUser(double[] x) {
                            double s = 0;
                            for (int i = 0; i + 1 < x.length; i++) s += f0(x[i]) * f0(x[i], x[i + 1]);
                            return s;
                        }
                        """, p(d(0.3, -0.5, 1.2))),
                rd("ChainRulesTests.jl", 190, "ruleUser", """
                        // ChainRulesTests: h(x) = 10x with a deliberately different rule (7), t(x) = g(x, h(x)), g = sum(4x + 4y)
                        static double h(double x) {
                            return 10 * x;
                        }

                        @CustomDerivative(of = "h")
                        static double hPullback(double x, double seed, DoubleGrad dx) {
                            dx.add(seed * 7);
                            return h(x);
                        }

                        @Differentiable
                        static double ruleUser(double[] x) {
                            double s = 0;
                            for (double v : x) s += 4 * v + 4 * h(v);
                            return s;
                        }
                        """).publishes(d(32, 32, 32), 0, d(0.1, 0.2, 0.3)),
                rd("ChainRulesTests.jl", 142, "varargUser", """
                        // ChainRulesTests: f_vararg(x, args...) = sum(4x .+ sum(args))
                        static double fVararg(double x, double... args) {
                            double s = 0;
                            for (double a : args) s += a;
                            return 4 * x + s;
                        }

                        @Differentiable
                        static double varargUser(double[] x) {
                            double s = 0;
                            for (double v : x) s += fVararg(v, 1, 2, 3) + 2;
                            return s;
                        }
                        """, p(d(0.3, -0.5, 1.2)))
                        .publishes(d(4, 4, 4), 0, d(0.3, -0.5, 1.2)));
    }
}
