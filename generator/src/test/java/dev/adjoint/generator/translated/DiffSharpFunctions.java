package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DiffSharp's test functions ({@code tests/DiffSharp.Tests/TestDiffSharp.fs} and {@code TestDerivatives.Nested.fs},
 * github.com/DiffSharp/DiffSharp), written in Java from their math: tensors of one or two elements as {@code double}s
 * and {@code double[]}, {@code dsharp.stack} as an array result. The closed forms the file states are asserted:
 * {@code rosenbrockGrad}, {@code rosenbrockHessian} times the tests' {@code v}, the derivative of
 * {@code fscalarvect3}, the Jacobians {@code fvect2vect2Jacobian} ... {@code fvect3vect4Jacobian} (as
 * {@code seedᵀ·J}), the zero Hessian of {@code x.sum()}; the nested charged-particle example ({@code naiveEuler}, an
 * Euler loop run while the particle is above the ground, with the force written out where DiffSharp nests a
 * {@code grad}) is minimised by Newton's method from the generated gradient and {@code Hvp}
 * ({@link BoostEigenSwiftSuiteTest}).
 */
final class DiffSharpFunctions {
    private DiffSharpFunctions() {}

    private static Ported ds(int line, String method, String body, Object[]... points) {
        return Ported.of(
                "diffsharp",
                "DiffSharp/DiffSharp",
                "tests/DiffSharp.Tests/TestDiffSharp.fs",
                line,
                method,
                body,
                points);
    }

    /** {@code seedᵀ·J} with the suite's seed 0.5, 0.75, ... */
    private static double[] seeded(double[][] j) {
        return EigenAutoDiffFunctions.seeded(j);
    }

    static final String NAIVE_EULER = """
            // x'' = -grad p(x), p(x) = 1/|x - (10, 10 - w)| + 1/|x - (10, 0)|
            static void acceleration(double[] x, double w, double[] a) {
                double dx1 = x[0] - 10;
                double dy1 = x[1] - (10 - w);
                double r1 = Math.sqrt(dx1 * dx1 + dy1 * dy1);
                double dx2 = x[0] - 10;
                double dy2 = x[1];
                double r2 = Math.sqrt(dx2 * dx2 + dy2 * dy2);
                a[0] = dx1 / (r1 * r1 * r1) + dx2 / (r2 * r2 * r2);
                a[1] = dy1 / (r1 * r1 * r1) + dy2 / (r2 * r2 * r2);
            }

            @Differentiable
            static double naiveEuler(double w) {
                double dt = 0.1;
                double[] x = {0, 8};
                double[] v = {0.75, 0};
                double[] a = new double[2];
                while (x[1] > 0) {
                    acceleration(x, w, a);
                    x[0] = x[0] + dt * v[0];
                    x[1] = x[1] + dt * v[1];
                    v[0] = v[0] + dt * a[0];
                    v[1] = v[1] + dt * a[1];
                }
                double dtf = (0 - x[1]) / v[1];
                double xtf = x[0] + dtf * v[0];
                return xtf * xtf;
            }
            """;

    static List<Ported> all() {
        double x = 1.5, y = 2.5, z = 3.0;
        double r = 1.5, th = 2.5, ph = 0.2;
        double[] x2 = d(x, y);
        double[] x3 = d(x, y, z);
        double[] sph = d(r, th, ph);
        return List.of(
                ds(20, "rosenbrock", """
                        @Differentiable
                        static double rosenbrock(double[] v) {
                            double x = v[0];
                            double y = v[1];
                            return Math.pow(1 - x, 2) + 100 * Math.pow(y - x * x, 2);
                        }
                        """, p(x2), p(d(-0.3, 0.8)))
                        .publishes(d(-2 * (1 - x) - 400 * x * (-(x * x) + y), 200 * (-(x * x) + y)), 1e-13, x2),
                ds(29, "fscalarscalar", """
                        @Differentiable
                        static double fscalarscalar(double x) {
                            return Math.sin(x);
                        }
                        """, p(1.5), p(-0.4)).publishes(d(Math.cos(1.5)), 1e-15, 1.5),
                ds(32, "fscalarvect3", """
                        @Differentiable
                        static double[] fscalarvect3(double x) {
                            return new double[] {Math.sin(x), Math.exp(x), Math.cos(x)};
                        }
                        """, p(1.5), p(-0.4))
                        .publishes(d(0.5 * Math.cos(1.5) + 0.75 * Math.exp(1.5) - Math.sin(1.5)), 1e-15, 1.5),
                ds(37, "fvect2vect2", """
                        @Differentiable
                        static double[] fvect2vect2(double[] v) {
                            double x = v[0];
                            double y = v[1];
                            return new double[] {x * x * y, 5 * x + Math.sin(y)};
                        }
                        """, p(x2), p(d(-0.3, 0.8)))
                        .publishes(seeded(new double[][] {{2 * x * y, x * x}, {5, Math.cos(y)}}), 1e-15, x2),
                ds(45, "fvect3vect2", """
                        @Differentiable
                        static double[] fvect3vect2(double[] v) {
                            double x = v[0];
                            double y = v[1];
                            double z = v[2];
                            return new double[] {x * y + 2 * y * z, 2 * x * y * y * z};
                        }
                        """, p(x3), p(d(-0.3, 0.8, 1.1)))
                        .publishes(
                                seeded(new double[][] {
                                    {y, x + 2 * z, 2 * y}, {2 * y * y * z, 4 * x * y * z, 2 * x * y * y}
                                }),
                                1e-15,
                                x3),
                ds(53, "fvect3vect3", """
                        // spherical to Cartesian coordinates
                        @Differentiable
                        static double[] fvect3vect3(double[] v) {
                            double r = v[0];
                            double theta = v[1];
                            double phi = v[2];
                            return new double[] {
                                r * Math.sin(phi) * Math.cos(theta), r * Math.sin(phi) * Math.sin(theta), r * Math.cos(phi)
                            };
                        }
                        """, p(sph), p(d(0.7, -1.1, 2.0)))
                        .publishes(
                                seeded(new double[][] {
                                    {
                                        Math.sin(ph) * Math.cos(th),
                                        -r * Math.sin(ph) * Math.sin(th),
                                        r * Math.cos(ph) * Math.cos(th)
                                    },
                                    {
                                        Math.sin(ph) * Math.sin(th),
                                        r * Math.sin(ph) * Math.cos(th),
                                        r * Math.cos(ph) * Math.sin(th)
                                    },
                                    {Math.cos(ph), 0, -r * Math.sin(ph)}
                                }),
                                1e-15,
                                sph),
                ds(61, "fvect3vect4", """
                        @Differentiable
                        static double[] fvect3vect4(double[] x) {
                            double y1 = x[0];
                            double y2 = 5 * x[2];
                            double y3 = 4 * x[1] * x[1] - 2 * x[2];
                            double y4 = x[2] * Math.sin(x[0]);
                            return new double[] {y1, y2, y3, y4};
                        }
                        """, p(x3), p(d(-0.3, 0.8, 1.1)))
                        .publishes(
                                seeded(new double[][] {
                                    {1, 0, 0}, {0, 0, 5}, {0, 8 * y, -2}, {z * Math.cos(x), 0, Math.sin(x)}
                                }),
                                1e-15,
                                x3),
                ds(515, "sum", """
                        // TestHessianNotTwiceDifferentiable: x.sum(), whose Hessian is zero
                        @Differentiable
                        static double sum(double[] x) {
                            double s = 0;
                            for (double e : x) {
                                s += e;
                            }
                            return s;
                        }
                        """, p(x2)).publishes(d(1, 1), 0, x2),
                // TestDerivativesNestedChargedParticle: the file's name has a dot, so the entry is written out
                new Ported(
                        "diffsharp.nested.naiveEuler",
                        "DiffSharp/DiffSharp tests/DiffSharp.Tests/TestDerivatives.Nested.fs:58",
                        "naiveEuler",
                        NAIVE_EULER,
                        List.of(p(0.0), p(-0.2712214766602463), p(-0.1)),
                        List.of(),
                        "static"));
    }

    /** rosenbrockHessian(x)·v at the tests' x = (1.5, 2.5), v = (0.5, -2) and (2.75, -3.5); x.sum()'s zero Hessian. */
    static Map<String, List<HvpChecks.Published>> hessians() {
        double x = 1.5, y = 2.5;
        double[][] h = {{2 + 1200 * x * x - 400 * y, -400 * x}, {-400 * x, 200}};
        Map<String, List<HvpChecks.Published>> m = new HashMap<>();
        m.put(
                "diffsharp.TestDiffSharp.rosenbrock",
                List.of(
                        new HvpChecks.Published(d(0.5, -2), times(h, d(0.5, -2)), 1e-13, new Object[] {d(x, y)}),
                        new HvpChecks.Published(
                                d(2.75, -3.5), times(h, d(2.75, -3.5)), 1e-13, new Object[] {d(x, y)})));
        m.put("diffsharp.TestDiffSharp.sum", List.of(new HvpChecks.Published(d(0.5, -2), d(0, 0), 0, new Object[] {
            d(x, y)
        })));
        return m;
    }

    private static double[] times(double[][] a, double[] v) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < v.length; j++) {
                r[i] += a[i][j] * v[j];
            }
        }
        return r;
    }
}
