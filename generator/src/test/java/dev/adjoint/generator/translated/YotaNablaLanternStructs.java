package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;
import static dev.adjoint.generator.translated.YotaNablaLanternFunctions.yota;

import java.util.List;

/**
 * Yota.jl's struct, tuple, seed and regression tests (github.com/dfdx/Yota.jl {@code test/test_grad.jl},
 * {@code test/test_examples.jl}), part of {@link YotaNablaLanternFunctions}'s list: {@code Linear}, {@code Point} and
 * {@code Line} as records (a record holding a record is rejected), tuple unpacking, the seeded {@code 2x}, the inputs
 * alone, the two linear regressions (one in {@code float}); and Nabla.jl's {@code test/core.jl}
 * (github.com/invenia/Nabla.jl): {@code isapprox} branches, unused arguments, {@code zero}/{@code one}, an integer power.
 */
final class YotaNablaLanternStructs {
    private YotaNablaLanternStructs() {}

    static Ported nabla(String method, String body, Object[]... points) {
        return new Ported(
                "nabla.core." + method,
                "invenia/Nabla.jl test/core.jl",
                method,
                body,
                List.of(points),
                List.of(),
                "static");
    }

    static void add(List<Ported> l) {
        l.add(yota("test_grad", "constructorLoss", """
                record Point(double x, double y) {}

                // constructor_loss(a) = (p = Point(a, a); p.x + p.y), gradient 2
                @Differentiable
                static double constructorLoss(double a) {
                    Point p = new Point(a, a);
                    return p.x() + p.y();
                }
                """, p(4.0)).publishes(d(2), 0, 4.0));
        l.add(yota("test_grad", "addPoints", """
                record Point(double x, double y) {}

                record Line(Point p1, Point p2) {}

                // add_points: p = Point(x, x); l = Line(p, p); 2 l.p1.x + 5 l.p2.y, gradient 7
                @Differentiable
                static double addPoints(double x) {
                    Point p = new Point(x, x);
                    Line l = new Line(p, p);
                    return 2 * l.p1().x() + 5 * l.p2().y();
                }
                """, p(0.37))
                .publishes(d(7), 0, 0.37)
                .rejected("component 'p1' has type Point"));
        l.add(yota("test_grad", "tupleUnpack", """
                static double[] makeT(double x) {
                    return new double[] {x, x};
                }

                // make_t_loss: a, b = make_t(x); a + b, gradient 2 at 3
                @Differentiable
                static double tupleUnpack(double x) {
                    double[] t = makeT(x);
                    double a = t[0];
                    double b = t[1];
                    return a + b;
                }
                """, p(3.0)).publishes(d(2), 0, 3.0));
        l.add(yota("test_grad", "twice", """
                // grad: seed, x -> 2x with the seed ones(3): the gradient 2 ones (here seedᵀJ with 0.5, 0.75, 1)
                @Differentiable
                static double[] twice(double[] x) {
                    double[] y = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        y[i] = 2 * x[i];
                    }
                    return y;
                }
                """, p(d(1, 2, 3))).publishes(d(1, 1.5, 2), 0, d(1, 2, 3)));
        l.add(yota("test_grad", "inputOnly", """
                // grad: input-only, (x, y) -> x and (x, y) -> y: gradients (1, 0) and (0, 1), here as 3x + 4y
                @Differentiable
                static double inputOnly(double x, double y) {
                    double first = x;
                    double second = y;
                    return 3 * first + 4 * second;
                }
                """, p(42.0, 54.0)).publishes(d(3, 4), 0, 42.0, 54.0));
        l.add(yota(
                "test_examples",
                "linreg",
                """
                // linreg: obj(Y, X, b) = mean((Y .- X * b) .^ 2.0)
                @Differentiable(wrt = "b")
                static double linreg(double[] y, double[][] x, double[] b) {
                    double s = 0;
                    for (int i = 0; i < y.length; i++) {
                        double r = y[i];
                        for (int j = 0; j < b.length; j++) {
                            r -= x[i][j] * b[j];
                        }
                        s += Math.pow(r, 2.0);
                    }
                    return s / y.length;
                }
                """,
                p(
                        d(1.0, -0.5, 2.0, 0.3, 1.7),
                        m(d(1, 0.5, -0.2), d(0.3, -1.1, 0.8), d(-0.9, 0.4, 1.5), d(1.2, 0.7, -0.6), d(0.1, -0.3, 0.9)),
                        d(0.4, -0.2, 0.8))));
        l.add(yota(
                "test_examples",
                "linreg2",
                """
                // linreg 2: linear_loss(m, X, y) = mean((m.W * X .+ m.b .- y) .^ 2.0), observations as rows
                @Differentiable(wrt = {"w", "b"})
                static float linreg2(float[][] w, float[] b, float[][] x, float[][] y) {
                    float s = 0;
                    for (int n = 0; n < x.length; n++) {
                        for (int i = 0; i < w.length; i++) {
                            float r = b[i] - y[n][i];
                            for (int j = 0; j < x[n].length; j++) {
                                r += w[i][j] * x[n][j];
                            }
                            s += r * r;
                        }
                    }
                    return s / (x.length * w.length);
                }
                """,
                p(
                        new float[][] {{0.3f, -0.2f, 0.5f}, {0.1f, 0.8f, -0.4f}},
                        new float[] {0.2f, -0.1f},
                        new float[][] {{1f, 0.5f, -1f}, {0.2f, -0.3f, 0.7f}, {-1.1f, 0.4f, 0.9f}, {0.6f, 1.2f, 0.1f}},
                        new float[][] {{0.4f, 0.1f}, {0.2f, -0.5f}, {-0.3f, 0.6f}, {1.0f, 0.2f}})));
        nabla(l);
    }

    private static void nabla(List<Ported> l) {
        l.add(nabla("isapproxBranch", """
                static boolean approx(double a, double b) {
                    return Math.abs(a - b) <= 1.4901161193847656e-8 * Math.max(Math.abs(a), Math.abs(b));
                }

                static double f(double x) {
                    return approx(x, 5.0) ? 1.0 : 3.0 * x;
                }

                static double g(double x) {
                    return 5.0 * x;
                }

                // Test Case 1: h(x) = g(x) ≈ 25 ? x : f(x) + g(x); ∇h(5) = 1, ∇h(6) = 8
                @Differentiable
                static double isapproxBranch(double x) {
                    return approx(g(x), 25.0) ? x : f(x) + g(x);
                }
                """, p(6.0), p(-2.5))
                .publishes(d(1), 0, 5.0)
                .publishes(d(8), 0, 6.0));
        l.add(nabla("isapproxConstant", """
                // Test Case 1: f(x) = x ≈ 5 ? 1 : 3x; ∇f(5) = 0, ∇f(6) = 3
                @Differentiable
                static double isapproxConstant(double x) {
                    if (Math.abs(x - 5.0) <= 1.4901161193847656e-8 * Math.max(Math.abs(x), 5.0)) {
                        return 1.0;
                    }
                    return 3.0 * x;
                }
                """, p(6.0), p(0.5))
                .publishes(d(0), 0, 5.0)
                .publishes(d(3), 0, 6.0));
        l.add(nabla("isapproxArray", """
                // Test Case 2: f(x) = x ≈ [5.0] ? 1 : 3 sum(x) (the norm of the difference against the larger norm)
                @Differentiable
                static double isapproxArray(double[] x, double[] target) {
                    double diff = 0;
                    double nx = 0;
                    double nt = 0;
                    for (int i = 0; i < x.length; i++) {
                        diff += (x[i] - target[i]) * (x[i] - target[i]);
                        nx += x[i] * x[i];
                        nt += target[i] * target[i];
                    }
                    if (Math.sqrt(diff) <= 1.4901161193847656e-8 * Math.max(Math.sqrt(nx), Math.sqrt(nt))) {
                        return 1.0;
                    }
                    double s = 0;
                    for (double v : x) {
                        s += v;
                    }
                    return 3 * s;
                }
                """, p(d(6.0), d(5.0)), p(d(6.0, 1.5), d(5.0, 1.5)))
                .publishes(d(0, 0), 0, d(5.0), d(5.0))
                .publishes(d(3, 0), 0, d(6.0), d(5.0)));
        l.add(nabla("isapproxTwo", """
                // Test Case 2: f(x, y) = x ≈ y ? 2y : 3x; ∇f(5, 5) = (0, 2), ∇f(6, 5) = (3, 0)
                @Differentiable
                static double isapproxTwo(double x, double y) {
                    boolean close = Math.abs(x - y) <= 1.4901161193847656e-8 * Math.max(Math.abs(x), Math.abs(y));
                    return close ? 2 * y : 3 * x;
                }
                """, p(6.0, 5.0), p(-1.0, 2.0))
                .publishes(d(0, 2), 0, 5.0, 5.0)
                .publishes(d(3, 0), 0, 6.0, 5.0));
        l.add(nabla("unusedArguments", """
                // f(a, b, c, d) = a * c: ∇f(1, 2, 3, 4) == (3, 0, 1, 0), and with b an array: (3, [0.0], 1, 0.0)
                @Differentiable
                static double unusedArguments(double a, double[] b, double c, double d) {
                    return a * c;
                }
                """, p(1.0, d(2.0), 3.0, 4.0))
                .publishes(d(3, 0, 1, 0), 0, 1.0, d(2.0), 3.0, 4.0));
        l.add(nabla("zeroOne", """
                // h(a) = zero(3a) + one(4a): ∇h(8) == 0; plus g(a, b) = 12, ∇g == (0, 0)
                @Differentiable
                static double zeroOne(double a, double b) {
                    double z = 0 * (3 * a);
                    double one = Math.pow(4 * a, 0);
                    return z + one + 12;
                }
                """, p(8.0, 2.0)).publishes(d(0, 0), 0, 8.0, 2.0));
        l.add(nabla("convenience", """
                // f(x, y) = 2x + y, ∇f == (2, 1)
                @Differentiable
                static double convenience(double x, double y) {
                    return 2 * x + y;
                }
                """, p(0.3, -1.2)).publishes(d(2, 1), 0, 0.3, -1.2));
        l.add(nabla("intSquare", """
                // ∇(x -> x^2)(1) == (2.0,): the exponentiation ambiguity, an integer power
                @Differentiable
                static double intSquare(double x) {
                    double y = 1;
                    for (int k = 0; k < 2; k++) {
                        y *= x;
                    }
                    return y;
                }
                """, p(1.0), p(-2.5)).publishes(d(2), 0, 1.0));
    }
}
