package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PyTensor's {@code tests/test_gradient.py} (github.com/pymc-devs/pytensor; Theano's scan and op tests are in
 * {@link TheanoFunctions}): {@code verify_grad}'s graphs ({@code x * x}, {@code x·(A x)}, {@code dot(x * x, A)},
 * {@code dot(x * x, A x)} and the gradients of the quadratic and the cubic, written out, differentiated again), the
 * disconnected {@code alloc(sum / n, n)}, {@code known_grads}' {@code (c[t] x^t)^2}, the Jacobian tests
 * ({@code 2x}, {@code (x * z).sum(axis=1)}, {@code x * z}, {@code outer(x, x)} at {@code arange(3)}),
 * {@code hessian(sum(x^2))}, the Hessian-vector products of Rosenbrock's function (published: SciPy's
 * {@code rosen_hess_prod} in closed form) and of {@code sum(x^2 - y^2)}, {@code pullback(x^2)} and {@code grad(x, x)}.
 */
final class PyTensorFunctions {
    private PyTensorFunctions() {}

    private static final Map<String, List<HvpChecks.Published>> HESSIANS = new HashMap<>();

    static Map<String, List<HvpChecks.Published>> hessians() {
        all();
        return Map.copyOf(HESSIANS);
    }

    static Ported of(String method, String body, Object[]... points) {
        return new Ported(
                "pytensor.test_gradient." + method,
                "pymc-devs/pytensor tests/test_gradient.py",
                method,
                body,
                List.of(points),
                List.of(),
                "static");
    }

    private static final double[] VX = {0.63, -1.27};
    private static final double[][] VA = {{0.41, -0.88}, {1.35, 0.22}};

    static List<Ported> all() {
        HESSIANS.clear();
        List<Ported> l = new ArrayList<>();
        l.add(of("duplicateInput", """
                // test_grad_duplicate_input: x * x, x in both of the node's inputs
                @Differentiable
                static double[] duplicateInput(double[] x) {
                    double[] y = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        y[i] = x[i] * x[i];
                    }
                    return y;
                }
                """, p((Object) VX)));
        String dot = """
                static double[] times(double[][] a, double[] x) {
                    double[] y = new double[a.length];
                    for (int i = 0; i < a.length; i++) {
                        for (int j = 0; j < x.length; j++) {
                            y[i] += a[i][j] * x[j];
                        }
                    }
                    return y;
                }

                static double dot(double[] u, double[] v) {
                    double s = 0;
                    for (int i = 0; i < u.length; i++) {
                        s += u[i] * v[i];
                    }
                    return s;
                }

                """;
        l.add(of("quadratic", dot + """
                // test_grad_quadratic: dot(x, dot(A, x))
                @Differentiable
                static double quadratic(double[] x, double[][] a) {
                    return dot(x, times(a, x));
                }
                """, p(VX, VA)));
        l.add(of("quadraticVector", """
                // test_grad_quadratic_vector: dot(x * x, A), a vector
                @Differentiable
                static double[] quadraticVector(double[] x, double[][] a) {
                    double[] y = new double[a[0].length];
                    for (int i = 0; i < x.length; i++) {
                        for (int j = 0; j < y.length; j++) {
                            y[j] += x[i] * x[i] * a[i][j];
                        }
                    }
                    return y;
                }
                """, p(VX, VA)));
        l.add(of("cubic", dot + """
                // test_grad_cubic: dot(x * x, dot(A, x))
                @Differentiable
                static double cubic(double[] x, double[][] a) {
                    double[] sq = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        sq[i] = x[i] * x[i];
                    }
                    return dot(sq, times(a, x));
                }
                """, p(VX, VA)));
        l.add(of("gradGradQuadratic", """
                // test_grad_grad_quadratic: grad(dot(x, dot(A, x)), x) = (A + Aᵀ) x, a graph built from a gradient
                @Differentiable
                static double[] gradGradQuadratic(double[] x, double[][] a) {
                    double[] g = new double[x.length];
                    for (int k = 0; k < x.length; k++) {
                        for (int j = 0; j < x.length; j++) {
                            g[k] += (a[k][j] + a[j][k]) * x[j];
                        }
                    }
                    return g;
                }
                """, p(VX, VA)));
        l.add(of("gradGradCubic", """
                // test_grad_grad_cubic: grad(dot(x * x, dot(A, x)), x)_k = 2 x_k (A x)_k + Σ_i x_i^2 A_ik
                @Differentiable
                static double[] gradGradCubic(double[] x, double[][] a) {
                    int n = x.length;
                    double[] g = new double[n];
                    for (int k = 0; k < n; k++) {
                        double ax = 0;
                        for (int j = 0; j < n; j++) {
                            ax += a[k][j] * x[j];
                        }
                        g[k] = 2 * x[k] * ax;
                        for (int i = 0; i < n; i++) {
                            g[k] += x[i] * x[i] * a[i][k];
                        }
                    }
                    return g;
                }
                """, p(VX, VA)));
        l.add(of("disconnected", """
                // test_grad_disconnected: alloc(total / num_elements, num_elements).sum(); the gradient is ones
                @Differentiable
                static double disconnected(double[] x) {
                    double total = 0;
                    for (double v : x) {
                        total += v;
                    }
                    int n = x.length;
                    double[] silly = new double[n];
                    java.util.Arrays.fill(silly, total / n);
                    double cost = 0;
                    for (double v : silly) {
                        cost += v;
                    }
                    return cost;
                }
                """, p((Object) d(0.3, -1.4, 2.2)))
                .publishes(d(1, 1, 1), 1e-15, (Object) d(0.3, -1.4, 2.2)));
        l.add(of(
                "knownGrads",
                """
                // test_known_grads: ft = arange(10)[t], ct = c[t], cost = (ct * x^ft)^2, t an integer
                @Differentiable(wrt = {"c", "x"})
                static double knownGrads(double[] c, int t, double x) {
                    double ft = t;
                    double y = c[t] * Math.pow(x, ft);
                    return y * y;
                }
                """,
                p(d(0.4, -1.1, 0.7, 1.3, -0.2, 0.9, 0.5, -0.6, 1.8, 0.25), 3, 1.2),
                p(d(0.4, -1.1, 0.7, 1.3, -0.2, 0.9, 0.5, -0.6, 1.8, 0.25), 0, -0.8)));
        jacobians(l);
        return l;
    }

    private static void jacobians(List<Ported> l) {
        l.add(of("jacobianVector", """
                // test_jacobian_vector: y = 2x, J = 2 I (here seedᵀJ = 2 seed)
                @Differentiable
                static double[] jacobianVector(double[] x) {
                    double[] y = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        y[i] = x[i] * 2;
                    }
                    return y;
                }
                """, p((Object) d(0.1, 0.5, 0.9, 0.3)))
                .publishes(d(1, 1.5, 2, 2.5), 0, (Object) d(0.1, 0.5, 0.9, 0.3)));
        l.add(of(
                        "jacobianRowSums",
                        """
                // test_jacobian_matrix, two inputs: y = (x * z).sum(axis=1); ∂y_i/∂x_ij = z_ij, ∂y_i/∂z_ij = x_ij
                @Differentiable
                static double[] jacobianRowSums(double[][] x, double[][] z) {
                    double[] y = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        for (int j = 0; j < x[i].length; j++) {
                            y[i] += x[i][j] * z[i][j];
                        }
                    }
                    return y;
                }
                """,
                        p(m(d(0.2, 0.7, 0.1), d(0.9, 0.4, 0.6)), m(d(0.3, 0.8, 0.5), d(0.05, 0.65, 0.35))))
                .publishes(
                        d(
                                0.5 * 0.3,
                                0.5 * 0.8,
                                0.5 * 0.5,
                                0.75 * 0.05,
                                0.75 * 0.65,
                                0.75 * 0.35,
                                0.5 * 0.2,
                                0.5 * 0.7,
                                0.5 * 0.1,
                                0.75 * 0.9,
                                0.75 * 0.4,
                                0.75 * 0.6),
                        1e-15,
                        m(d(0.2, 0.7, 0.1), d(0.9, 0.4, 0.6)),
                        m(d(0.3, 0.8, 0.5), d(0.05, 0.65, 0.35))));
        l.add(of("jacobianScalar", """
                // test_jacobian_scalar: x * 2 has 2; x * z has (z, x)
                @Differentiable
                static double jacobianScalar(double x, double z) {
                    return x * 2 + x * z;
                }
                """, p(0.37, 0.81)).publishes(d(2 + 0.81, 0.37), 1e-15, 0.37, 0.81));
        double[] outer = new double[3];
        double[] x = {0, 1, 2};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0.5 + 0.25 * (3 * i + j);
                outer[i] += s * x[j];
                outer[j] += s * x[i];
            }
        }
        l.add(of("outer", """
                // test_jacobian_matrix_expression: outer(x, x) flattened by rows, at arange(3)
                @Differentiable
                static double[] outer(double[] x) {
                    double[] y = new double[x.length * x.length];
                    for (int i = 0; i < x.length; i++) {
                        for (int j = 0; j < x.length; j++) {
                            y[i * x.length + j] = x[i] * x[j];
                        }
                    }
                    return y;
                }
                """, p((Object) d(0, 1, 2)), p((Object) d(-0.4, 1.3, 0.6)))
                .publishes(outer, 1e-15, (Object) d(0, 1, 2)));
        l.add(of("sumSquares", """
                // test_hessian: hessian(sum(x ** 2), x) = 2 I at arange(10)
                @Differentiable
                static double sumSquares(double[] x) {
                    double s = 0;
                    for (double v : x) {
                        s += Math.pow(v, 2);
                    }
                    return s;
                }
                """, p((Object) d(0, 1, 2, 3, 4, 5, 6, 7, 8, 9))));
        HESSIANS.put(
                "pytensor.test_gradient.sumSquares",
                List.of(new HvpChecks.Published(
                        d(1, 0, 0, 0, 0, 0, 0, 0, 0, -2), d(2, 0, 0, 0, 0, 0, 0, 0, 0, -4), 0, new Object[] {
                            d(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)
                        })));
        double[] xr = new double[9];
        double[] pr = new double[9];
        for (int i = 0; i < 9; i++) {
            xr[i] = 0.1 * i;
            pr[i] = 0.5 * i;
        }
        l.add(of("rosen", """
                // TestHessianVectorProduct.test_rosen: (100 (x[1:] - x[:-1]^2)^2 + (1 - x[:-1])^2).sum()
                @Differentiable
                static double rosen(double[] x) {
                    double s = 0;
                    for (int i = 0; i + 1 < x.length; i++) {
                        double a = x[i + 1] - x[i] * x[i];
                        s += 100 * a * a + (1 - x[i]) * (1 - x[i]);
                    }
                    return s;
                }
                """, p((Object) xr)));
        HESSIANS.put(
                "pytensor.test_gradient.rosen",
                List.of(new HvpChecks.Published(pr, rosenHessProd(xr, pr), 1e-13, new Object[] {xr})));
        l.add(of("multipleWrt", """
                // test_multiple_wrt: (x^2 - y^2).sum(); H (p_x, p_y) = (2 p_x, -2 p_y) wherever it is taken
                @Differentiable
                static double multipleWrt(double[] x, double[] y) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += x[i] * x[i] - y[i] * y[i];
                    }
                    return s;
                }
                """, p(d(0.3, -0.2, 1.1), d(0.8, 0.4, -0.6))));
        HESSIANS.put(
                "pytensor.test_gradient.multipleWrt",
                List.of(new HvpChecks.Published(d(1, 2, 3, 3, 2, 1), d(2, 4, 6, -6, -4, -2), 0, new Object[] {
                    d(0.3, -0.2, 1.1), d(0.8, 0.4, -0.6)
                })));
        l.add(of("scalarPullback", """
                // test_scalar_pullback: xt = xtm1^2, pulled back from 1.5 at 3: 2 * 3 * 1.5 (here from 1: 6); test_dxdx:
                // grad(x, x) == 1
                @Differentiable
                static double scalarPullback(double xtm1, double x) {
                    return xtm1 * xtm1 + x;
                }
                """, p(3.0, 12.0)).publishes(d(6, 1), 0, 3.0, 12.0));
    }

    /** SciPy's {@code rosen_hess_prod}: the Rosenbrock Hessian (tridiagonal) times {@code p}. */
    static double[] rosenHessProd(double[] x, double[] p) {
        int n = x.length;
        double[] hp = new double[n];
        hp[0] = (1200 * x[0] * x[0] - 400 * x[1] + 2) * p[0] - 400 * x[0] * p[1];
        for (int i = 1; i < n - 1; i++) {
            hp[i] = -400 * x[i - 1] * p[i - 1]
                    + (202 + 1200 * x[i] * x[i] - 400 * x[i + 1]) * p[i]
                    - 400 * x[i] * p[i + 1];
        }
        hp[n - 1] = -400 * x[n - 2] * p[n - 2] + 200 * p[n - 1];
        return hp;
    }
}
