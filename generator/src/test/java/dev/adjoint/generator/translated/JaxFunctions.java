package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.p;
import static dev.adjoint.generator.translated.TapenadeFunctions.grid;
import static dev.adjoint.generator.translated.TapenadeFunctions.wave;

import java.util.List;

/**
 * Functions of JAX's tests ({@code tests/lax_control_flow_test.py}, {@code tests/api_test.py},
 * github.com/jax-ml/jax), in Java: {@code lax.cond} an {@code if} or {@code ?:}, {@code lax.switch} a {@code switch}
 * on the clamped index, {@code lax.scan} a loop over the rows of a {@code double[][]} with its carry in locals,
 * {@code fori_loop} with float bounds a {@code for} over a {@code double}, {@code while_loop} a {@code while} (whose
 * reverse-mode derivative JAX refuses, {@code testWhileGradError}), {@code argnums} a partial {@code wrt}, the test's
 * random matrices {@code static final} tables. Where the test states a gradient (the Hessian's {@code A + Aᵀ}, the
 * Jacobian {@code A}), it is asserted.
 */
final class JaxFunctions {
    private JaxFunctions() {}

    private static final String REPO = "jax-ml/jax";

    private static Ported flow(int line, String method, String body, Object[]... points) {
        return Ported.of("jax", REPO, "tests/lax_control_flow_test.py", line, method, body, points);
    }

    private static Ported api(int line, String method, String body, Object[]... points) {
        return Ported.of("jax", REPO, "tests/api_test.py", line, method, body, points);
    }

    /** The 4 × 4 matrix of test_hessian (the test draws it at random), and xᵀ(A + Aᵀ) for the published gradient. */
    private static final double[][] A4 = {
        {0.5, -1.25, 2.0, 0.75}, {1.5, 0.25, -0.5, 1.0}, {-2.0, 0.5, 1.25, -0.75}, {0.25, 1.75, -1.0, 0.5}
    };

    private static double[] hessianGradient(double[] x) {
        double[] g = new double[4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                g[i] += (A4[i][j] + A4[j][i]) * x[j];
            }
        }
        return g;
    }

    static List<Ported> all() {
        double[] hx = {0.3, -1.1, 0.7, 2.0};
        return List.of(
                // testCondGrad: cond(x < 2, 3x, sin x), at 2.14 and 1.72
                flow(1288, "condGrad", """
                        @Differentiable
                        static double condGrad(double x) {
                            return x < 2 ? 3. * x : Math.sin(x);
                        }
                        """, p(2.14), p(1.72))
                        .publishes(d(3), 0, 1.72)
                        .publishes(d(Math.cos(2.14)), 1e-15, 2.14),
                // testSwitchGrad: switch(x // 1, [3x, sin x, -x]), the index clamped as lax.switch clamps it
                flow(1317, "switchGrad", """
                        @Differentiable
                        static double switchGrad(double x) {
                            int idx = (int) Math.floor(x);
                            switch (Math.min(Math.max(idx, 0), 2)) {
                                case 0:
                                    return 3. * x;
                                case 1:
                                    return Math.sin(x);
                                default:
                                    return -x;
                            }
                        }
                        """, p(-0.7), p(0.7), p(1.7), p(2.7), p(3.7))
                        .publishes(d(3), 0, -0.7)
                        .publishes(d(Math.cos(1.7)), 1e-15, 1.7)
                        .publishes(d(-1), 0, 3.7),
                // testCondGrad2: an array through either branch, then summed
                flow(1394, "condGrad2", """
                        @Differentiable
                        static double condGrad2(double[] x) {
                            double[] z = new double[2];
                            if (x[0] < 2) {
                                z[0] = 1. * x[0];
                                z[1] = 2. * x[1];
                            } else {
                                z[0] = Math.sin(x[0]);
                                z[1] = Math.sin(x[1]);
                            }
                            return z[0] + z[1];
                        }
                        """, p(d(2.14, 2.14)), p(d(1.72, 1.72))).publishes(d(1, 2), 0, d(1.72, 1.72)),
                // testCondGrad3: a constant branch, 2 below 3, 2x above
                flow(1424, "condGrad3", """
                        @Differentiable
                        static double condGrad3(double x) {
                            if (x < 3) {
                                return 2.;
                            } else {
                                return 2. * x;
                            }
                        }
                        """, p(3.14), p(2.72))
                        .publishes(d(0), 0, 2.72)
                        .publishes(d(2), 0, 3.14),
                // testCondGrad4: the true branch closes over y; grad with respect to y (argnums 1)
                flow(1449, "condGrad4", """
                        @Differentiable(wrt = "y")
                        static double condGrad4(double x, double y) {
                            return x < 3 ? 2. * Math.sin(y) : 2. * x;
                        }
                        """, p(3.14, 5.8), p(2.5, 5.8))
                        .publishes(d(2 * Math.cos(5.8)), 1e-15, 2.5, 5.8),
                // testScanGrad: scan of f(c, a) = (sin(c b), b), b = Σ sin a + Σ sin c + Σ sin d, over the rows of as;
                // the final carry and the stacked bs
                flow(1807, "scanGrad", """
                        @Differentiable(wrt = {"c", "as"})
                        static double[] scanGrad(double[] c, double[][] as, double[] d) {
                            double[] carry = c.clone();
                            double[] out = new double[carry.length + as.length];
                            for (int t = 0; t < as.length; t++) {
                                double b = 0;
                                for (double a : as[t]) {
                                    b += Math.sin(a);
                                }
                                for (double ci : carry) {
                                    b += Math.sin(ci);
                                }
                                for (double di : d) {
                                    b += Math.sin(di);
                                }
                                for (int i = 0; i < carry.length; i++) {
                                    carry[i] = Math.sin(carry[i] * b);
                                }
                                out[carry.length + t] = b;
                            }
                            System.arraycopy(carry, 0, out, 0, carry.length);
                            return out;
                        }
                        """, p(wave(4, 0, 1, 1.3), grid(5, 3, 0, 1, 0.7), d(0.4, -1.2))),
                // testScanLinearize: b = cos(Σ sin a + Σ cos c + Σ d), the scanned loss summed into a scalar
                flow(
                        1767,
                        "scanLinearize",
                        """
                        static double step(double[] c, double[] a, double[] d) {
                            double s = 0;
                            for (double ai : a) {
                                s += Math.sin(ai);
                            }
                            for (double ci : c) {
                                s += Math.cos(ci);
                            }
                            for (double di : d) {
                                s += di;
                            }
                            double b = Math.cos(s);
                            for (int i = 0; i < c.length; i++) {
                                c[i] = Math.sin(c[i] * b);
                            }
                            return b;
                        }

                        @Differentiable(wrt = {"c", "as"})
                        static double scanLinearize(double[] c, double[][] as, double[] d) {
                            double[] carry = Arrays.copyOf(c, c.length);
                            double total = 0;
                            for (double[] a : as) {
                                total += step(carry, a, d);
                            }
                            for (double ci : carry) {
                                total += ci;
                            }
                            return total;
                        }
                        """,
                        p(wave(4, 0, 1, 1.3), grid(5, 3, 0, 1, 0.7), d(0.4, -1.2)),
                        p(wave(4, 0.5, 0.5, 2.3), grid(5, 3, 0.2, 0.8, 1.9), d(-0.3, 0.9))),
                // testStaticForiGrad: fori_loop(x, x + 2., lambda i, c: c, x), float bounds; d/dx = 1
                flow(2368, "staticForiGrad", """
                        @Differentiable
                        static double staticForiGrad(double x) {
                            double c = x;
                            for (double i = x; i < x + 2.; i += 1.) {
                                c = c * 1.0; // the body hands the carry back unchanged
                            }
                            return c;
                        }
                        """, p(1.0), p(-0.3)).publishes(d(1), 0, 1.0),
                // testWhileGradError: while_loop(i < 5., i + 1., x), whose reverse-mode derivative JAX refuses
                flow(2376, "whileLoop", """
                        @Differentiable
                        static double whileLoop(double x) {
                            double i = x;
                            while (i < 5.) {
                                i = i + 1.;
                            }
                            return i * i;
                        }
                        """, p(1.5), p(4.25), p(7.0)).publishes(d(11), 1e-15, 0.5),
                // test_grad_argnums: f(x, y, z, flag) with assert flag; grad(f, argnums=(2, 0)) == (3.0, 1.0)
                api(1623, "argnums", """
                        @Differentiable(wrt = {"z", "x"})
                        static double argnums(double x, double y, double z, boolean flag) {
                            assert flag;
                            return 1.0 * x + 2.0 * y + 3.0 * z;
                        }
                        """, p(1.0, 1.0, 1.0, true), p(-2.0, 0.5, 3.0, true))
                        .publishes(d(1, 3), 0, 1.0, 1.0, 1.0, true),
                // test_jacobian: f(x) = A x, whose Jacobian is A (the random 4 × 3 A a table)
                api(2242, "matvec", """
                        static final double[][] A = {{0.5, -1.0, 2.0}, {1.5, 0.25, -0.5}, {-2.0, 0.5, 1.0}, {0.75, 1.25, -1.5}};

                        @Differentiable
                        static double[] matvec(double[] x) {
                            double[] y = new double[A.length];
                            for (int i = 0; i < A.length; i++) {
                                for (int j = 0; j < x.length; j++) {
                                    y[i] += A[i][j] * x[j];
                                }
                            }
                            return y;
                        }
                        """, p(d(0.3, -1.1, 0.7)))
                        // seedᵀ·J = seedᵀ A, seed (0.5, 0.75, 1, 1.25)
                        .publishes(
                                d(
                                        0.5 * 0.5 + 0.75 * 1.5 - 2.0 + 1.25 * 0.75,
                                        -0.5 + 0.75 * 0.25 + 0.5 + 1.25 * 1.25,
                                        1.0 - 0.75 * 0.5 + 1.0 - 1.25 * 1.5),
                                1e-15,
                                d(0.3, -1.1, 0.7)),
                // test_jacobian's second function: tanh(A x), through a helper returning A x
                api(2251, "tanhMatvec", """
                        static final double[][] A = {{0.5, -1.0, 2.0}, {1.5, 0.25, -0.5}, {-2.0, 0.5, 1.0}, {0.75, 1.25, -1.5}};

                        static double[] dot(double[][] a, double[] x) {
                            double[] y = new double[a.length];
                            for (int i = 0; i < a.length; i++) {
                                for (int j = 0; j < x.length; j++) {
                                    y[i] += a[i][j] * x[j];
                                }
                            }
                            return y;
                        }

                        @Differentiable
                        static double[] tanhMatvec(double[] x) {
                            double[] y = dot(A, x);
                            for (int i = 0; i < y.length; i++) {
                                y[i] = Math.tanh(y[i]);
                            }
                            return y;
                        }
                        """, p(d(0.3, -1.1, 0.7)), p(d(1.0, 0.0, -0.5))),
                // test_hessian: f(x) = x · (A x); its gradient (A + Aᵀ) x, the Hessian the test asserts times x
                api(2255, "quadratic", """
                        static final double[][] A = {
                            {0.5, -1.25, 2.0, 0.75}, {1.5, 0.25, -0.5, 1.0}, {-2.0, 0.5, 1.25, -0.75}, {0.25, 1.75, -1.0, 0.5}
                        };

                        @Differentiable
                        static double quadratic(double[] x) {
                            double s = 0;
                            for (int i = 0; i < x.length; i++) {
                                double ax = 0;
                                for (int j = 0; j < x.length; j++) {
                                    ax += A[i][j] * x[j];
                                }
                                s += x[i] * ax;
                            }
                            return s;
                        }
                        """, p(hx), p(d(1, 0, 0, -1))).publishes(hessianGradient(hx), 1e-14, hx),
                // test_grad_of_int_index: x[i], i an int; the gradient [0, 1] at ones(2), i = 1
                api(3137, "intIndex", """
                        @Differentiable
                        static double intIndex(double[] x, int i) {
                            return x[i];
                        }
                        """, p(d(1, 1), 1), p(d(0.5, 2, -3), 2)).publishes(d(0, 1), 0, d(1, 1), 1));
    }
}
