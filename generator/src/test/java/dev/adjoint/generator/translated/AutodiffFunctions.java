package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.List;

/**
 * The examples of the C++ library autodiff ({@code examples/forward/*.cpp}, {@code examples/reverse/*.cpp}, read
 * from github.com/autodiff/autodiff), written in Java: {@code var}/{@code dual}/{@code real} are {@code double},
 * Eigen vectors {@code double[]}, the {@code Params} struct a record. Where an example prints its derivatives in
 * comments, or they follow in closed form, they are asserted as published gradients.
 */
final class AutodiffFunctions {
    private AutodiffFunctions() {}

    private static Ported of(String file, int line, String method, String body, Object[]... points) {
        return Ported.of("autodiff", "examples/" + file, line, method, body, points);
    }

    static List<Ported> all() {
        return List.of(
                // condition(x < y, x * y, x * x); the example prints (ux, uy) = (2, 1) at (1, 2) and (6, 0) at (3, 2)
                of("reverse/example-reverse-conditional.cpp", 10, "conditional", """
                        @Differentiable
                        static double conditional(double x, double y) {
                            return x < y ? x * y : x * x;
                        }
                        """, p(1.0, 2.0), p(3.0, 2.0))
                        .publishes(d(2, 1), 0, 1.0, 2.0)
                        .publishes(d(6, 0), 0, 3.0, 2.0),
                // 1 + x + x*x + 1/x + log(x); du/dx = 1 + 2x - 1/x² + 1/x = 5.25 at 2
                of("reverse/example-reverse-single-variable-function.cpp", 10, "singleVariable", """
                        @Differentiable
                        static double singleVariable(double x) {
                            return 1 + x + x * x + 1 / x + Math.log(x);
                        }
                        """, p(2.0), p(0.3))
                        .publishes(d(5.25), 1e-15, 2.0),
                // params.a sin x + params.b cos x + params.c sin x cos x, the Params struct a record, called with the
                // example's parameters
                of(
                                "reverse/example-reverse-multi-variable-function-with-parameters.cpp",
                                18,
                                "atExample",
                                """
                        record Params(double a, double b, double c) {}

                        @Differentiable(wrt = "x")
                        static double withParameters(double x, Params params) {
                            return params.a() * Math.sin(x) + params.b() * Math.cos(x) + params.c() * Math.sin(x) * Math.cos(x);
                        }

                        @Differentiable
                        static double atExample(double x) {
                            return withParameters(x, new Params(1.0, 2.0, 3.0));
                        }
                        """,
                                p(0.5),
                                p(-1.2))
                        // du/dx = a cos x - b sin x + c cos 2x, at the example's x = 0.5, (a, b, c) = (1, 2, 3)
                        .publishes(d(Math.cos(0.5) - 2 * Math.sin(0.5) + 3 * Math.cos(1.0)), 1e-15, 0.5),
                // sqrt((x * x).sum()); dy/dx = x / |x|, at (1, 2, 3, 4, 5) x / √55
                of(
                                "reverse/example-reverse-gradient-derivatives-using-eigen.cpp",
                                10,
                                "norm",
                                """
                        @Differentiable
                        static double norm(double[] x) {
                            double sum = 0;
                            for (double xi : x) {
                                sum += xi * xi;
                            }
                            return Math.sqrt(sum);
                        }
                        """,
                                p(d(1, 2, 3, 4, 5)),
                                p(d(-0.5, 0.25, 2, -1, 0.1)))
                        .publishes(
                                d(
                                        1 / Math.sqrt(55),
                                        2 / Math.sqrt(55),
                                        3 / Math.sqrt(55),
                                        4 / Math.sqrt(55),
                                        5 / Math.sqrt(55)),
                                1e-15,
                                d(1, 2, 3, 4, 5)),
                // 1 + x + y + z + xy + yz + xz + xyz + exp(x/y + y/z)
                of(
                        "forward/example-forward-multi-variable-function.cpp",
                        9,
                        "multiVariable",
                        """
                        @Differentiable
                        static double multiVariable(double x, double y, double z) {
                            return 1 + x + y + z + x * y + y * z + x * z + x * y * z + Math.exp(x / y + y / z);
                        }
                        """,
                        p(1.0, 2.0, 3.0),
                        p(-0.5, 1.5, 0.75)),
                // (x * x).sum() * p.sum() * exp(q), with respect to x, p and q
                of(
                                "forward/example-forward-gradient-derivatives-using-eigen-with-parameters.cpp",
                                10,
                                "gradientWithParameters",
                                """
                        static double sum(double[] v) {
                            double s = 0;
                            for (double e : v) {
                                s += e;
                            }
                            return s;
                        }

                        @Differentiable
                        static double gradientWithParameters(double[] x, double[] p, double q) {
                            double sumSquares = 0;
                            for (double xi : x) {
                                sumSquares += xi * xi;
                            }
                            return sumSquares * sum(p) * Math.exp(q);
                        }
                        """,
                                p(d(1, 2, 3, 4, 5), d(1, 2, 3), -2.0))
                        // du/dx = 2x Σp e^q, du/dp = Σx² e^q, du/dq = u: at the example's point Σp = 6, Σx² = 55
                        .publishes(
                                d(
                                        12 * Math.exp(-2),
                                        24 * Math.exp(-2),
                                        36 * Math.exp(-2),
                                        48 * Math.exp(-2),
                                        60 * Math.exp(-2),
                                        55 * Math.exp(-2),
                                        55 * Math.exp(-2),
                                        55 * Math.exp(-2),
                                        330 * Math.exp(-2)),
                                1e-14,
                                d(1, 2, 3, 4, 5),
                                d(1, 2, 3),
                                -2.0),
                // x * p.sum() * exp(q): a vector result, its Jacobian with respect to x, p and q
                of(
                        "forward/example-forward-jacobian-derivatives-using-eigen-with-parameters.cpp",
                        10,
                        "jacobianWithParameters",
                        """
                        @Differentiable
                        static double[] jacobianWithParameters(double[] x, double[] p, double q) {
                            double pSum = 0;
                            for (double pi : p) {
                                pSum += pi;
                            }
                            double scale = pSum * Math.exp(q);
                            double[] f = new double[x.length];
                            for (int i = 0; i < x.length; i++) {
                                f[i] = x[i] * scale;
                            }
                            return f;
                        }
                        """,
                        p(d(1, 2, 3, 4, 5), d(1, 2, 3), -2.0),
                        p(d(0.5, -1, 0.25, 2, 1.5), d(-0.5, 1, 0.75), 0.3)));
    }
}
