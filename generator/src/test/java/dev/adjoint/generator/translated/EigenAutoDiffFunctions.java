package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Eigen's {@code AutoDiffScalar} tests ({@code unsupported/test/autodiff.cpp} and {@code autodiff_scalar.cpp}, read
 * from github.com/libigl/eigen, a mirror of gitlab.com/libeigen/eigen), written in Java from their math: the scalar
 * and vector {@code foo}, {@code TestFunc1} for its four shapes (a record whose own method writes the caller's
 * {@code v}, as the functor's {@code operator()} writes {@code *_v}, its {@code inputs()}/{@code values()} tests kept),
 * {@code integratorFunctor} with its gain a field, the Hessian test's {@code sin(s3 x0 + s4 x1)} and
 * {@code x0 x1}, the regressions that differentiate ({@code bug_1223}'s {@code min}, {@code bug_1261}'s
 * {@code maxCoeff}/{@code minCoeff}, {@code bug_1264}'s scaled vector), {@code atan2(r sin x, r cos x)} and the
 * hyperbolic functions at 1/3. The Jacobians the tests state ({@code jref}) are asserted as {@code seedᵀ·J} with the
 * suite's seed 0.5, 0.75, 1.0, the Hessians as columns, the constants of {@code autodiff_scalar.cpp} as gradients.
 */
final class EigenAutoDiffFunctions {
    private EigenAutoDiffFunctions() {}

    private static Ported of(String file, int line, String method, String body, Object[]... points) {
        return Ported.of("eigen", "libigl/eigen", "unsupported/test/" + file, line, method, body, points);
    }

    private static final String TEST_FUNC1 = """
            // TestFunc1<double, NX, NY>: the functor writes v through its pointer
            record TestFunc1(int inputs, int values) {
                void apply(double[] x, double[] v) {
                    v[0] = 2 * x[0] * x[0] + x[0] * x[1];
                    v[1] = 3 * x[1] * x[0] + 0.5 * x[1] * x[1];
                    if (inputs() > 2) {
                        v[0] += 0.5 * x[2];
                        v[1] += x[2];
                    }
                    if (values() > 2) {
                        v[2] = 3 * x[1] * x[0] * x[0];
                    }
                    if (inputs() > 2 && values() > 2) {
                        v[2] *= x[2];
                    }
                }
            }
            """;

    /** TestFunc1's {@code jref} (its hand-written Jacobian), {@code values × inputs}. */
    static double[][] testFunc1Jacobian(double[] x, int inputs, int values) {
        double[][] j = new double[values][inputs];
        j[0][0] = 4 * x[0] + x[1];
        j[1][0] = 3 * x[1];
        j[0][1] = x[0];
        j[1][1] = 3 * x[0] + 2 * 0.5 * x[1];
        if (inputs > 2) {
            j[0][2] = 0.5;
            j[1][2] = 1;
        }
        if (values > 2) {
            j[2][0] = 3 * x[1] * 2 * x[0];
            j[2][1] = 3 * x[0] * x[0];
        }
        if (inputs > 2 && values > 2) {
            j[2][0] *= x[2];
            j[2][1] *= x[2];
            j[2][2] = 3 * x[1] * x[0] * x[0];
        }
        return j;
    }

    /** {@code seedᵀ·J} with the suite's seed 0.5, 0.75, 1.0, ... */
    static double[] seeded(double[][] j) {
        double[] g = new double[j[0].length];
        for (int r = 0; r < j.length; r++) {
            for (int c = 0; c < g.length; c++) {
                g[c] += (0.5 + 0.25 * r) * j[r][c];
            }
        }
        return g;
    }

    private static Ported testFunc1(int nx, int ny, double[] x, double[] other) {
        String name = "testFunc1_" + nx + "_" + ny;
        return of("autodiff.cpp", 33, name, TEST_FUNC1 + """

                @Differentiable
                static double[] %s(double[] x) {
                    TestFunc1 f = new TestFunc1(%d, %d);
                    double[] v = new double[f.values()];
                    f.apply(x, v);
                    return v;
                }
                """.formatted(name, nx, ny), p(x), p(other))
                .publishes(seeded(testFunc1Jacobian(x, nx, ny)), 1e-15, x);
    }

    /** The scalar {@code foo}'s gradient: 2 + 2(1 + x) - 4 cos x + x e^(-x²/2), 2 y/|y| - 2 sin y. */
    static double[] fooGradient(double x, double y) {
        return d(2 + 2 * (1 + x) - 4 * Math.cos(x) + x * Math.exp(-0.5 * x * x), 2 * Math.signum(y) - 2 * Math.sin(y));
    }

    static List<Ported> all() {
        double[] x2 = d(0.68, -0.21);
        double[] x3 = d(0.68, -0.21, 0.57);
        double s1 = 0.3, s2 = -0.8, s3 = 0.45, s4 = 0.9;
        double dt = 0.37;
        double[] p2 = d(0.4, -0.6);
        double[] c = d(0.4 + 1, -0.6 - 1);
        double n = Math.hypot(c[0], c[1]);
        List<Ported> fns = new ArrayList<>(List.of(
                of("autodiff.cpp", 13, "foo", """
                        @Differentiable
                        static double foo(double x, double y) {
                            return x * 2 - 1 + Math.pow(1 + x, 2) + 2 * Math.sqrt(y * y + 0) - 4 * Math.sin(0 + x)
                                    + 2 * Math.cos(y + 0) - Math.exp(-0.5 * x * x + 0);
                        }
                        """, p(0.68, -0.21), p(-0.9, 0.33))
                        .publishes(fooGradient(0.68, -0.21), 1e-15, 0.68, -0.21),
                // test_autodiff_scalar runs foo in float (Vector2f)
                of("autodiff.cpp", 13, "fooFloat", """
                        @Differentiable
                        static float fooFloat(float x, float y) {
                            return x * 2 - 1 + (float) Math.pow(1 + x, 2) + 2 * (float) Math.sqrt(y * y + 0)
                                    - 4 * (float) Math.sin(0 + x) + 2 * (float) Math.cos(y + 0)
                                    - (float) Math.exp(-0.5f * x * x + 0);
                        }
                        """, p(0.68f, -0.21f), p(-0.9f, 0.33f)),
                // (p - (-1, 1)).norm() + (p.array() * p.array()).sum() + p.dot(p)
                of("autodiff.cpp", 26, "fooVector", """
                        static double norm(double[] v) {
                            double s = 0;
                            for (double e : v) {
                                s += e * e;
                            }
                            return Math.sqrt(s);
                        }

                        static double dot(double[] a, double[] b) {
                            double s = 0;
                            for (int i = 0; i < a.length; i++) {
                                s += a[i] * b[i];
                            }
                            return s;
                        }

                        @Differentiable
                        static double fooVector(double[] p) {
                            double[] shifted = {p[0] - (-1), p[1] - 1};
                            double squares = 0;
                            for (int i = 0; i < p.length; i++) {
                                squares += p[i] * p[i];
                            }
                            return norm(shifted) + squares + dot(p, p);
                        }
                        """, p(p2), p(d(-1.3, 2.2)))
                        .publishes(d(c[0] / n + 4 * p2[0], c[1] / n + 4 * p2[1]), 1e-15, p2),
                testFunc1(2, 2, x2, d(-1.1, 0.3)),
                testFunc1(2, 3, x2, d(-1.1, 0.3)),
                testFunc1(3, 2, x3, d(-1.1, 0.3, 2.0)),
                testFunc1(3, 3, x3, d(-1.1, 0.3, 2.0)),
                // the functor called on a new object: a statement method is called on a local, not a new record
                of("autodiff.cpp", 33, "testFunc1OnNew", TEST_FUNC1 + """

                        @Differentiable
                        static double[] testFunc1OnNew(double[] x) {
                            double[] v = new double[2];
                            new TestFunc1(2, 2).apply(x, v);
                            return v;
                        }
                        """, p(x2))
                        .rejected("'new TestFunc1(2, 2)' creates a record that leaves the method's local"),
                // integratorFunctor(10): o[0] = in[0] + in[1] dt gain, o[1] = in[1] gain
                of("autodiff.cpp", 107, "integrator", """
                        static final class IntegratorFunctor {
                            final double gain;

                            IntegratorFunctor(double gain) {
                                this.gain = gain;
                            }
                        }

                        @Differentiable(wrt = "input")
                        static double[] integrator(double[] input, double dt) {
                            IntegratorFunctor f = new IntegratorFunctor(10);
                            double[] o = new double[2];
                            o[0] = input[0] + input[1] * dt * f.gain;
                            o[1] = input[1] * f.gain;
                            return o;
                        }
                        """, p(x2, dt), p(d(2.0, -3.0), 0.9))
                        .publishes(seeded(new double[][] {{1, dt * 10}, {0, 10}}), 1e-15, x2, dt),
                // test_autodiff_hessian: y = sin(s3 x0 + s4 x1) with s3, s4 constants, and z = x0 x1
                of("autodiff.cpp", 256, "hessianSin", """
                        @Differentiable(wrt = "x")
                        static double hessianSin(double[] x, double s3, double s4) {
                            return Math.sin(s3 * x[0] + s4 * x[1]);
                        }
                        """, p(d(s1, s2), s3, s4), p(d(-0.7, 0.2), -1.5, 0.6))
                        .publishes(
                                d(s3 * Math.cos(s1 * s3 + s2 * s4), s4 * Math.cos(s1 * s3 + s2 * s4)),
                                1e-15,
                                d(s1, s2),
                                s3,
                                s4),
                of("autodiff.cpp", 296, "hessianProduct", """
                        @Differentiable
                        static double hessianProduct(double[] x) {
                            return x[0] * x[1];
                        }
                        """, p(d(s1, s2)), p(d(-0.7, 0.2)))
                        .publishes(d(s2, s1), 0, d(s1, s2)),
                // bug_1223: min(denom / chi_3, 1.0) + min(denom / (chi_3 * cv1_3), 1.0)
                of("autodiff.cpp", 312, "bug1223", """
                        @Differentiable
                        static double bug1223(double denom, double chi3) {
                            final double cv1_3 = 1.0;
                            double t = Math.min(denom / chi3, 1.0);
                            double t2 = Math.min(denom / (chi3 * cv1_3), 1.0);
                            return t + t2;
                        }
                        """, p(0.5, 2.0), p(3.0, 2.0))
                        .publishes(d(1, -0.25), 1e-15, 0.5, 2.0),
                // bug_1261: v.maxCoeff() + v.minCoeff()
                of("autodiff.cpp", 337, "bug1261", """
                        @Differentiable
                        static double bug1261(double[] v) {
                            double max = v[0];
                            double min = v[0];
                            for (int i = 1; i < v.length; i++) {
                                max = Math.max(max, v[i]);
                                min = Math.min(min, v[i]);
                            }
                            return max + min;
                        }
                        """, p(d(0.3, -1.2)), p(d(2.5, 0.7, -0.4)))
                        .publishes(d(1, 1), 0, d(0.3, -1.2)),
                // bug_1264: v2 = (s + 3.0) * v1
                of("autodiff.cpp", 346, "bug1264", """
                        @Differentiable
                        static double[] bug1264(double s, double[] v1) {
                            double[] v2 = new double[3];
                            for (int i = 0; i < 3; i++) {
                                v2[i] = (s + 3.0) * v1[i];
                            }
                            return v2;
                        }
                        """, p(0.4, d(1.0, -2.0, 0.5)), p(-1.1, d(0.3, 0.6, 0.9)))));
        fns.addAll(scalar());
        return fns;
    }

    private static List<Ported> scalar() {
        double third = 1.0 / 3;
        return List.of(
                // check_atan2: atan2(r sin x, r cos x) = x, derivative 1; r = exp(random(-10, 10)), not differentiated
                Ported.of(
                                "eigen",
                                "libigl/eigen",
                                "unsupported/test/autodiff_scalar.cpp",
                                17,
                                "atan2",
                                """
                        @Differentiable(wrt = "x")
                        static double atan2(double x, double r) {
                            double s = Math.sin(x);
                            double c = Math.cos(x);
                            return Math.atan2(r * s, r * c) + Math.atan2(r * s + 0, r * c + 0);
                        }
                        """,
                                p(1.2, Math.exp(-7.5)),
                                p(-2.9, Math.exp(9.0)),
                                p(0.4, 1.0))
                        .publishes(d(2), 1e-15, 1.2, Math.exp(-7.5))
                        .publishes(d(2), 1e-15, -2.9, Math.exp(9.0)),
                Ported.of(
                                "eigen",
                                "libigl/eigen",
                                "unsupported/test/autodiff_scalar.cpp",
                                37,
                                "atan2Float",
                                """
                        @Differentiable(wrt = "x")
                        static float atan2Float(float x, float r) {
                            float s = (float) Math.sin(x);
                            float c = (float) Math.cos(x);
                            return (float) Math.atan2(r * s, r * c);
                        }
                        """,
                                p(1.2f, (float) Math.exp(-7.5)),
                                p(-2.9f, (float) Math.exp(9.0)))
                        .publishes(d(1), 1e-6, 1.2f, (float) Math.exp(-7.5)),
                // check_hyperbolic_functions at 1/3: the test's constants, to the 15 digits it gives
                Ported.of(
                                "eigen",
                                "libigl/eigen",
                                "unsupported/test/autodiff_scalar.cpp",
                                37,
                                "tanhAt",
                                """
                        @Differentiable
                        static double tanhAt(double x) {
                            return Math.tanh(x);
                        }
                        """,
                                p(third),
                                p(-0.8))
                        .publishes(d(0.896629559604914), 1e-15, third),
                Ported.of(
                                "eigen",
                                "libigl/eigen",
                                "unsupported/test/autodiff_scalar.cpp",
                                37,
                                "sinhAt",
                                """
                        @Differentiable
                        static double sinhAt(double x) {
                            return Math.sinh(x);
                        }
                        """,
                                p(third),
                                p(-0.8))
                        .publishes(d(1.056071867829939), 1e-15, third),
                Ported.of(
                                "eigen",
                                "libigl/eigen",
                                "unsupported/test/autodiff_scalar.cpp",
                                37,
                                "coshAt",
                                """
                        @Differentiable
                        static double coshAt(double x) {
                            return Math.cosh(x);
                        }
                        """,
                                p(third),
                                p(-0.8))
                        .publishes(d(0.339540557256150), 1e-15, third));
    }

    /** test_autodiff_hessian's Hessians: -sin(s1 s3 + s2 s4) (s3², s3 s4; s3 s4, s4²) and (0, 1; 1, 0). */
    static Map<String, List<HvpChecks.Published>> hessians() {
        double s1 = 0.3, s2 = -0.8, s3 = 0.45, s4 = 0.9;
        double sin = Math.sin(s1 * s3 + s2 * s4);
        Object[] at = {d(s1, s2), s3, s4};
        Map<String, List<HvpChecks.Published>> m = new HashMap<>();
        m.put(
                "eigen.autodiff.hessianSin",
                List.of(
                        new HvpChecks.Published(d(1, 0), d(-sin * s3 * s3, -sin * s4 * s3), 1e-15, at),
                        new HvpChecks.Published(d(0, 1), d(-sin * s3 * s4, -sin * s4 * s4), 1e-15, at)));
        m.put(
                "eigen.autodiff.hessianProduct",
                List.of(
                        new HvpChecks.Published(d(1, 0), d(0, 1), 0, new Object[] {d(s1, s2)}),
                        new HvpChecks.Published(d(0, 1), d(1, 0), 0, new Object[] {d(s1, s2)})));
        return m;
    }
}
