package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Diffractor.jl's reverse-mode tests (github.com/JuliaDiff/Diffractor.jl {@code test/regression.jl},
 * {@code test/reverse.jl}): the regression cases ({@code sum(abs2, x .+ 1)}, {@code f_broadcast}, the keyword call,
 * {@code f_crit_edge} with its four asserted derivatives, {@code x^5}'s second derivative 20, {@code max(x...)},
 * {@code log(exp(x))}), the {@code broadcast} test set with its asserted gradients (divisions by a column and by a
 * scalar, closures over the differentiated scalar, {@code atan.(x, transpose(x))}, {@code (x,) ./ x}, a tuple and a
 * transposed row), the two second-order broadcasts that pass (inner gradients written out), and the control flow of
 * {@code reverse.jl} ({@code simple_control_flow}, {@code mypow}, {@code times_three_while},
 * {@code complicated_2sin}, {@code sin''}).
 */
final class DiffractorFunctions {
    private DiffractorFunctions() {}

    private static final Map<String, List<HvpChecks.Published>> HESSIANS = new HashMap<>();

    static Map<String, List<HvpChecks.Published>> hessians() {
        all();
        return Map.copyOf(HESSIANS);
    }

    static Ported of(String file, String method, String body, Object[]... points) {
        return new Ported(
                "diffractor." + file + "." + method,
                "JuliaDiff/Diffractor.jl test/" + file + ".jl",
                method,
                body,
                List.of(points),
                List.of(),
                "static");
    }

    private static final double[] X123 = {1, 2, 3};

    static List<Ported> all() {
        HESSIANS.clear();
        List<Ported> l = new ArrayList<>();
        l.add(of("regression", "abs2Shift", """
                // gradient(x -> sum(abs2, x .+ 1.0), zeros(3)) == [2, 2, 2]
                @Differentiable
                static double abs2Shift(double[] x) {
                    double s = 0;
                    for (double v : x) {
                        double y = v + 1.0;
                        s += y * y;
                    }
                    return s;
                }
                """, p((Object) d(0.3, -1.2, 2.0)))
                .publishes(d(2, 2, 2), 0, (Object) d(0, 0, 0)));
        l.add(of("regression", "fBroadcast", """
                // f_broadcast: sum(a / 2.0 * [0 1 1; 1 0 1; 1 1 0]), forward and reverse agree: 3
                @Differentiable
                static double fBroadcast(double a) {
                    double[][] m = {{0, 1, 1}, {1, 0, 1}, {1, 1, 0}};
                    double s = 0;
                    for (double[] row : m) {
                        for (double v : row) {
                            s += a / 2.0 * v;
                        }
                    }
                    return s;
                }
                """, p(1.0)).publishes(d(3), 0, 1.0));
        l.add(of("regression", "keywordCall", """
                // g_kw(; x = 1.0) = sin(x); f_kw(x) = g_kw(; x): the derivative of sin. Java has no keyword arguments:
                // an overload supplies the default
                static double gKw() {
                    return gKw(1.0);
                }

                static double gKw(double x) {
                    return Math.sin(x);
                }

                @Differentiable
                static double keywordCall(double x) {
                    return gKw(x) + 0 * gKw();
                }
                """, p(1.0), p(-0.4)).publishes(d(Math.cos(1.0)), 0, 1.0));
        l.add(of("regression", "critEdge", """
                // f_crit_edge: two critical edges in the control-flow graph
                @Differentiable
                static double critEdge(boolean a, boolean b, boolean c, double x) {
                    double y = 1 * x;
                    if (a && b) {
                        y = 2 * x;
                    }
                    if (b && c) {
                        y = 3 * x;
                    }
                    if (c) {
                        y = 4 * y;
                    }
                    return y;
                }
                """, p(false, false, false, 1.0), p(true, true, true, -0.5))
                .publishes(d(1), 0, false, false, false, 1.0)
                .publishes(d(2), 0, true, true, false, 1.0)
                .publishes(d(12), 0, false, true, true, 1.0)
                .publishes(d(4), 0, false, false, true, 1.0));
        l.add(of("regression", "fifthPower", """
                // issue 27: (x -> x^5)''(1.0) == 20
                @Differentiable
                static double fifthPower(double x) {
                    return Math.pow(x, 5);
                }
                """, p(1.0), p(-0.7)).publishes(d(5), 0, 1.0));
        HESSIANS.put(
                "diffractor.regression.fifthPower",
                List.of(new HvpChecks.Published(d(1), d(20), 0, new Object[] {1.0})));
        l.add(of("regression", "maxSplat", """
                // issue 38: gradient(x -> max(x...), [1, 2, 3]) == [0, 0, 1]
                @Differentiable
                static double maxSplat(double[] x) {
                    double m = x[0];
                    for (int i = 1; i < x.length; i++) {
                        m = Math.max(m, x[i]);
                    }
                    return m;
                }
                """, p((Object) d(0.5, 2.5, -1))).publishes(d(0, 0, 1), 0, (Object) X123));
        l.add(of("regression", "logExp", """
                // rrule_via_ad(x -> log(exp(x)), 2): value 2, pullback 1
                @Differentiable
                static double logExp(double x) {
                    return Math.log(Math.exp(x));
                }
                """, p(2.0)).publishes(d(1), 1e-15, 2.0));
        broadcast(l);
        reverse(l);
        return l;
    }

    private static void broadcast(List<Ported> l) {
        l.add(of("regression", "selfRatio", """
                // broadcast: gradient(x -> sum(x ./ x), [1, 2, 3]) == [0, 0, 0]; sum(exp.(log.(x))) has [1, 1, 1]
                @Differentiable
                static double selfRatio(double[] x) {
                    double s = 0;
                    for (double v : x) {
                        s += v / v + Math.exp(Math.log(v));
                    }
                    return s;
                }
                """, p((Object) d(0.5, 2.5, 4)))
                .publishes(d(1, 1, 1), 1e-15, (Object) X123));
        l.add(of("regression", "sqrtAtan", """
                // broadcast: sum(sqrt.(atan.(x, transpose(x)))) ≈ [0.2338, -0.0177, -0.0661] at [1, 2, 3]
                @Differentiable
                static double sqrtAtan(double[] x) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        for (int j = 0; j < x.length; j++) {
                            s += Math.sqrt(Math.atan2(x[i], x[j]));
                        }
                    }
                    return s;
                }
                """, p((Object) X123), p((Object) d(0.4, 1.7, 0.9)))
                .publishes(d(0.2338, -0.0177, -0.0661), 1e-3, (Object) X123));
        l.add(of("regression", "divideColumn", """
                // sum(x ./ y) with y a column: ([1 1; 0.5 0.5], [-3, -1.75]) at ([1 2; 3 4], [1, 2])
                @Differentiable
                static double divideColumn(double[][] x, double[] y) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        for (int j = 0; j < x[i].length; j++) {
                            s += x[i][j] / y[i];
                        }
                    }
                    return s;
                }
                """, p(m(d(1, 2), d(3, 4)), d(1, 2)))
                .publishes(d(1, 1, 0.5, 0.5, -3, -1.75), 0, m(d(1, 2), d(3, 4)), d(1, 2)));
        l.add(of("regression", "divideScalar", """
                // sum(x ./ y) with y a scalar: ([0.2 0.2; 0.2 0.2], -0.4) at ([1 2; 3 4], 5)
                @Differentiable
                static double divideScalar(double[][] x, double y) {
                    double s = 0;
                    for (double[] row : x) {
                        for (double v : row) {
                            s += v / y;
                        }
                    }
                    return s;
                }
                """, p(m(d(1, 2), d(3, 4)), 5.0))
                .publishes(d(0.2, 0.2, 0.2, 0.2, -0.4), 1e-15, m(d(1, 2), d(3, 4)), 5.0));
        l.add(of("regression", "constantsOverX", """
                // sum((y -> y / x).([1, 2, 3])) and sum([1, 2, 3] ./ x): -0.375 each at 4; sum([1, 2, 3] ./ x.^2): -0.1875
                @Differentiable
                static double constantsOverX(double x, int which) {
                    double[] c = {1, 2, 3};
                    double s = 0;
                    for (double y : c) {
                        s += which == 2 ? y / Math.pow(x, 2) : y / x;
                    }
                    return s;
                }
                """, p(4.0, 0), p(4.0, 2), p(-1.5, 2))
                .publishes(d(-0.375), 0, 4.0, 0)
                .publishes(d(-0.1875), 0, 4.0, 2));
        l.add(of("regression", "closureTimes", """
                // sum((y -> x * y).([1, 2, 3])) at 4.0: 6; sum(x ./ 4): [0.25, 0.25, 0.25]
                @Differentiable
                static double closureTimes(double x, double[] v) {
                    double[] c = {1, 2, 3};
                    double s = 0;
                    for (double y : c) {
                        s += x * y;
                    }
                    for (double e : v) {
                        s += e / 4;
                    }
                    return s;
                }
                """, p(4.0, X123)).publishes(d(6, 0.25, 0.25, 0.25), 0, 4.0, X123));
        l.add(of("regression", "tupleRatio", """
                // sum(sum, (x,) ./ x) = Σ_i Σ_j x_j / x_i ≈ [-4.1666, 0.3333, 1.1666]; sum(sum, (x,) .* transpose(x)) = (Σx)^2
                // has [12, 12, 12]
                @Differentiable
                static double tupleRatio(double[] x) {
                    double ratio = 0;
                    double product = 0;
                    for (int i = 0; i < x.length; i++) {
                        for (int j = 0; j < x.length; j++) {
                            ratio += x[j] / x[i];
                            product += x[j] * x[i];
                        }
                    }
                    return ratio + product;
                }
                """, p((Object) d(0.7, 1.9, 2.4)))
                .publishes(d(12 - 4.1666666666666667, 12 + 1.0 / 3, 12 + 7.0 / 6), 1e-12, (Object) X123));
        l.add(of("regression", "tupleAndRow", """
                // sum(2 .* x .+ log.(y)), x a 2-tuple (a column) and y = transpose([3, 4, 5]): (6, 6) and [2/3, 1/2, 2/5]
                @Differentiable
                static double tupleAndRow(double x1, double x2, double[] y) {
                    double[] x = {x1, x2};
                    double s = 0;
                    for (double a : x) {
                        for (double b : y) {
                            s += 2 * a + Math.log(b);
                        }
                    }
                    return s;
                }
                """, p(1.0, 2.0, d(3, 4, 5)))
                .publishes(d(6, 6, 2.0 / 3, 0.5, 0.4), 1e-15, 1.0, 2.0, d(3, 4, 5)));
        l.add(of("regression", "squaredOffsets", """
                // sum([1 2 3] .+ x .^ 2) with x the tuple (1, 2, 3), a column against a row: 3 * 2x = (6, 12, 18)
                @Differentiable
                static double squaredOffsets(double[] x) {
                    double[] row = {1, 2, 3};
                    double s = 0;
                    for (double xi : x) {
                        for (double r : row) {
                            s += r + xi * xi;
                        }
                    }
                    return s;
                }
                """, p((Object) d(0.5, -1, 2)))
                .publishes(d(6, 12, 18), 0, (Object) X123));
        l.add(of("regression", "secondOrder", """
                // broadcast, 2nd order: gradient(y -> sum(y .* y), x) = 2x summed has [2, 2, 2]; gradient(y -> sum(y .* x),
                // x) = x, cubed and summed, has 3x^2 = [3, 12, 27]; the inner gradients written out
                @Differentiable
                static double secondOrder(double[] x) {
                    double s = 0;
                    for (double v : x) {
                        double inner1 = 2 * v;
                        double inner2 = v;
                        s += inner1 + Math.pow(inner2, 3);
                    }
                    return s;
                }
                """, p((Object) d(0.5, -1, 2)))
                .publishes(d(2 + 3, 2 + 12, 2 + 27), 0, (Object) X123));
    }

    private static void reverse(List<Ported> l) {
        l.add(of("reverse", "simpleControlFlow", """
                // simple_control_flow(b, x): b ? sin(x) : cos(x); sin'(1) and cos'(1); sin''(1) == -sin(1)
                @Differentiable(wrt = "x")
                static double simpleControlFlow(boolean b, double x) {
                    if (b) {
                        return Math.sin(x);
                    } else {
                        return Math.cos(x);
                    }
                }
                """, p(true, 1.0), p(false, 1.0), p(true, -2.2))
                .publishes(d(Math.cos(1.0)), 0, true, 1.0)
                .publishes(d(-Math.sin(1.0)), 0, false, 1.0));
        HESSIANS.put(
                "diffractor.reverse.simpleControlFlow",
                List.of(new HvpChecks.Published(d(1), d(-Math.sin(1.0)), 0, new Object[] {true, 1.0})));
        l.add(of("reverse", "mypow", """
                // mypow(x, n): r = one(x); while n > 0; n -= 1; r *= x; end; pow5p(1.0) == 5
                @Differentiable
                static double mypow(double x, int n) {
                    double r = 1;
                    while (n > 0) {
                        n -= 1;
                        r *= x;
                    }
                    return r;
                }
                """, p(1.0, 5), p(-1.3, 3)).publishes(d(5), 0, 1.0, 5));
        l.add(of("reverse", "timesThreeWhile", """
                // times_three_while: z = x; i = 3; while i > 1; z += x; i -= 1; end; derivative 3
                @Differentiable
                static double timesThreeWhile(double x) {
                    double z = x;
                    int i = 3;
                    while (i > 1) {
                        z += x;
                        i -= 1;
                    }
                    return z;
                }
                """, p(1.0)).publishes(d(3), 0, 1.0));
        l.add(of("reverse", "complicated2sin", """
                // complicated_2sin(x) = (x = map(sin, xfill(x, 2)); x[1] + x[2]); derivative 2 cos(1)
                @Differentiable
                static double complicated2sin(double x) {
                    double[] filled = new double[2];
                    for (int i = 0; i < filled.length; i++) {
                        filled[i] = x;
                    }
                    double[] mapped = new double[2];
                    for (int i = 0; i < filled.length; i++) {
                        mapped[i] = Math.sin(filled[i]);
                    }
                    return mapped[0] + mapped[1];
                }
                """, p(1.0), p(-0.6)).publishes(d(2 * Math.cos(1.0)), 1e-15, 1.0));
        HESSIANS.put(
                "diffractor.reverse.complicated2sin",
                List.of(new HvpChecks.Published(d(1), d(-2 * Math.sin(1.0)), 1e-15, new Object[] {1.0})));
    }
}
