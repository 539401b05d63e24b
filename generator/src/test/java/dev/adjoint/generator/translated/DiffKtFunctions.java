package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DiffKt's derivative tests (github.com/facebookresearch/diffkt, a Kotlin AD library with forward and reverse mode):
 * {@code kotlin/api/src/test/kotlin/org/diffkt/}{@code forward/ForwardScalarTest.kt}, {@code reverse/ReverseScalarTest.kt}
 * and {@code MixedScalarTest.kt} (the same functions under each mode: powers, the reciprocal, {@code sin(2x)},
 * {@code exp}, {@code ln}, {@code tan} with their derivatives to the fourth order, and the table of ten functions
 * composed pairwise, {@code f(g(x))}, and divided, {@code g(x)/h(x)}, for every pair at 0.2, 0.5, 1.1, 2.1),
 * {@code ops/TranscendentalTests.kt}, {@code reverse/GradientTest.kt} (three tensor functions with their gradients),
 * {@code forward/ForwardTensorTest.kt} (elementwise Jacobians, one broadcast), {@code ops/LossTest.kt}
 * ({@code logSoftmax} along each axis, summed), and the examples' energies ({@code kotlin/examples}: the
 * brachistochrone's descent time in {@code Float}, the Hookean spring system, a neo-Hookean triangle mesh built of
 * 2x2 matrices, root-two's cost). Tensors are written as loops over {@code double[]}/{@code double[][]}; the function
 * table as a {@code switch} over an {@code int}. Published: each closed form the tests assert, first derivatives as
 * gradients and second ones as Hessian products.
 */
final class DiffKtFunctions {
    private DiffKtFunctions() {}

    private static final Map<String, List<HvpChecks.Published>> HESSIANS = new HashMap<>();

    static Map<String, List<HvpChecks.Published>> hessians() {
        return Map.copyOf(HESSIANS);
    }

    private static Ported of(String file, String method, String body, Object[]... points) {
        String stem = file.substring(file.lastIndexOf('/') + 1).replace(".kt", "");
        return new Ported(
                "diffkt." + stem + "." + method,
                "facebookresearch/diffkt kotlin/" + file,
                method,
                body,
                List.of(points),
                List.of(),
                "static");
    }

    private static void second(String id, double x, double d2) {
        HESSIANS.put(id, List.of(new HvpChecks.Published(d(1), d(d2), 1e-12, new Object[] {x})));
    }

    private static final String SCALAR = "api/src/test/kotlin/org/diffkt/reverse/ReverseScalarTest.kt";
    private static final String FORWARD = "api/src/test/kotlin/org/diffkt/forward/ForwardScalarTest.kt";
    private static final String TRANS = "api/src/test/kotlin/org/diffkt/ops/TranscendentalTests.kt";
    private static final String GRADIENT = "api/src/test/kotlin/org/diffkt/reverse/GradientTest.kt";
    private static final String TENSOR = "api/src/test/kotlin/org/diffkt/forward/ForwardTensorTest.kt";
    private static final String LOSS = "api/src/test/kotlin/org/diffkt/ops/LossTest.kt";

    static final String TABLE = """
            // the functions table of ForwardScalarTest (ln guarded as there against undefined values)
            static double fn(int k, double x) {
                switch (k) {
                    case 0: return 1.1 / x;
                    case 1: return 3 * x;
                    case 2: return Math.sin(x);
                    case 3: return Math.cos(x);
                    case 4: return x * x;
                    case 5: return (x + 5) / (x - 5);
                    case 6: return Math.exp(x);
                    case 7: return x <= -0.999 ? 0 : Math.log(x + 1.1);
                    case 8: return x + 1.3;
                    default: return x;
                }
            }
            """;

    static List<Ported> all() {
        List<Ported> l = new ArrayList<>();
        l.add(of(SCALAR, "mul2", """
                // testMul2: x^3, derivatives 3x^2, 6x, 6, 0
                @Differentiable
                static double mul2(double x) {
                    return x * x * x;
                }
                """, p(5.1), p(-0.7)).publishes(d(3 * 5.1 * 5.1), 1e-12, 5.1));
        second("diffkt.ReverseScalarTest.mul2", 5.1, 6 * 5.1);
        l.add(of(SCALAR, "reciprocal", """
                // testReciprocal: 1/x, derivatives -1/x^2, 2/x^3
                @Differentiable
                static double reciprocal(double x) {
                    return 1 / x;
                }
                """, p(2.1), p(-0.4)).publishes(d(-1 / (2.1 * 2.1)), 1e-12, 2.1));
        second("diffkt.ReverseScalarTest.reciprocal", 2.1, 2 / (2.1 * 2.1 * 2.1));
        l.add(of(SCALAR, "sin2", """
                // testSin2: sin(2x), derivatives 2 cos(2x), -4 sin(2x)
                @Differentiable
                static double sin2(double x) {
                    return Math.sin(2 * x);
                }
                """, p(1.1), p(-0.3)).publishes(d(2 * Math.cos(2.2)), 1e-12, 1.1));
        second("diffkt.ReverseScalarTest.sin2", 1.1, -4 * Math.sin(2.2));
        l.add(of(SCALAR, "ln", """
                // testLn: ln x, derivatives 1/x, -1/x^2
                @Differentiable
                static double ln(double x) {
                    return Math.log(x);
                }
                """, p(1.1), p(0.35)).publishes(d(1 / 1.1), 1e-12, 1.1));
        second("diffkt.ReverseScalarTest.ln", 1.1, -1 / (1.1 * 1.1));
        double sec2 = 1 / (Math.cos(1.1) * Math.cos(1.1));
        l.add(of(SCALAR, "tan", """
                // testTan: tan x, its derivative 1/cos^2 x (written as the test writes it), the next 2 tan x / cos^2 x
                @Differentiable
                static double tan(double x) {
                    return Math.tan(x);
                }
                """, p(1.1), p(-0.6)).publishes(d(sec2), 1e-12, 1.1));
        second("diffkt.ReverseScalarTest.tan", 1.1, 2 * Math.tan(1.1) * sec2);
        l.add(of(SCALAR, "dtan", """
                // testTan's derivative of tan, differentiated again: y = cos x, 1 / (y * y)
                @Differentiable
                static double dtan(double x) {
                    double y = Math.cos(x);
                    return 1 / (y * y);
                }
                """, p(1.1), p(0.4)).publishes(d(2 * Math.tan(1.1) * sec2), 1e-12, 1.1));
        l.add(of(FORWARD, "chainAll", TABLE + """

                // testChain: f(g(x)) for every pair of the table
                @Differentiable
                static double chainAll(double x) {
                    double s = 0;
                    for (int f = 0; f < 10; f++) {
                        for (int g = 0; g < 10; g++) {
                            s += fn(f, fn(g, x));
                        }
                    }
                    return s;
                }
                """, p(0.2), p(0.5), p(1.1), p(2.1)));
        l.add(of(FORWARD, "chain", TABLE + """

                // testChain, one pair chosen by index
                @Differentiable
                static double chain(int f, int g, double x) {
                    return fn(f, fn(g, x));
                }
                """, p(2, 4, 1.1), p(5, 6, 0.2), p(7, 3, 0.5), p(0, 5, 2.1))
                .publishes(d(Math.cos(1.21) * 2.2), 1e-12, 2, 4, 1.1));
        l.add(of(FORWARD, "divisionAll", TABLE + """

                // testDivision: g(x) / h(x) for every pair of the table
                @Differentiable
                static double divisionAll(double x) {
                    double s = 0;
                    for (int g = 0; g < 10; g++) {
                        for (int h = 0; h < 10; h++) {
                            s += fn(g, x) / fn(h, x);
                        }
                    }
                    return s;
                }
                """, p(0.2), p(0.5), p(1.1), p(2.1)));
        double pp = 0.7;
        l.add(of(TRANS, "transcendentals", """
                // sinScalar .. tanhScalar: each of Kotlin's transcendental functions at 2x, summed
                @Differentiable
                static double transcendentals(double x) {
                    double t = 2 * x;
                    return Math.sin(t) + Math.cos(t) + Math.tan(t) + Math.atan(t) + Math.exp(t) + Math.log(t)
                            + Math.tanh(t);
                }
                """, p(pp), p(0.3))
                .publishes(
                        d(2 * Math.cos(1.4)
                                - 2 * Math.sin(1.4)
                                + 2 / (Math.cos(1.4) * Math.cos(1.4))
                                + 2 / (1 + 1.4 * 1.4)
                                + 2 * Math.exp(1.4)
                                + 1 / pp
                                + 2 * (1 - Math.tanh(1.4) * Math.tanh(1.4))),
                        1e-12,
                        pp));
        l.add(of(TRANS, "sinAtPi", """
                // pi: d/dx sin x at pi is -1
                @Differentiable
                static double sinAtPi(double x) {
                    return Math.sin(x);
                }
                """, p(Math.PI), p(Math.PI / 2)).publishes(d(-1), 1e-15, Math.PI));
        double[] x3 = {1, 3, 6};
        double[] y3 = {2, 5, 7};
        l.add(of(GRADIENT, "f1", """
                // f1: (x + y * exp(x)).sum()
                @Differentiable
                static double f1(double[] x, double[] y) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += x[i] + y[i] * Math.exp(x[i]);
                    }
                    return s;
                }
                """, p(x3, y3), p(d(0.3, -0.2, 0.5), d(1.5, -0.4, 0.9)))
                .publishes(
                        d(1 + 2 * Math.E, 1 + 5 * Math.exp(3), 1 + 7 * Math.exp(6), Math.E, Math.exp(3), Math.exp(6)),
                        1e-12,
                        x3,
                        y3));
        l.add(of(GRADIENT, "f2", """
                // f2: x.concat(exp(y) + y.pow(-1), 0).sum()
                @Differentiable
                static double f2(double[] x, double[] y) {
                    double[] c = new double[x.length + y.length];
                    for (int i = 0; i < x.length; i++) {
                        c[i] = x[i];
                    }
                    for (int i = 0; i < y.length; i++) {
                        c[x.length + i] = Math.exp(y[i]) + Math.pow(y[i], -1);
                    }
                    double s = 0;
                    for (double v : c) {
                        s += v;
                    }
                    return s;
                }
                """, p(x3, y3), p(d(0.3, -0.2), d(1.5, -0.4, 0.9)))
                .publishes(d(1, 1, 1, Math.exp(2) - 0.25, Math.exp(5) - 0.04, Math.exp(7) - 1.0 / 49), 1e-12, x3, y3));
        double[][] xf3 = m(d(2, 5), d(7, 2));
        double[][] yf3 = m(d(1, 3, 6), d(4, 8, 10));
        l.add(of(GRADIENT, "f3", """
                // f3: x.matmul(y).transpose().sum(): 244 at the test's point
                @Differentiable
                static double f3(double[][] x, double[][] y) {
                    int n = x.length;
                    int k = y.length;
                    int p = y[0].length;
                    double[][] xy = new double[n][p];
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < p; j++) {
                            for (int r = 0; r < k; r++) {
                                xy[i][j] += x[i][r] * y[r][j];
                            }
                        }
                    }
                    double[][] t = new double[p][n];
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < p; j++) {
                            t[j][i] = xy[i][j];
                        }
                    }
                    double s = 0;
                    for (double[] row : t) {
                        for (double v : row) {
                            s += v;
                        }
                    }
                    return s;
                }
                """, p(xf3, yf3)).publishes(d(10, 22, 10, 22, 9, 9, 9, 7, 7, 7), 0, xf3, yf3));
        l.add(of(TENSOR, "times", """
                // testDerivativeTimes: x * y * x elementwise; its Jacobians are diagonal (6, 16 and 1, 4 at the test's
                // point)
                @Differentiable
                static double[] times(double[] x, double[] y) {
                    double[] r = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        r[i] = x[i] * y[i] * x[i];
                    }
                    return r;
                }
                """, p(d(1, 2), d(3, 4)), p(d(-0.5, 0.8, 1.3), d(0.2, -1.1, 0.6)))
                .publishes(d(0.5 * 6, 0.75 * 16, 0.5 * 1, 0.75 * 4), 0, d(1, 2), d(3, 4)));
        l.add(of(TENSOR, "timesBroadcast", """
                // testDerivativeTimesBroadcasted: y of shape (1) broadcast over x
                @Differentiable
                static double[] timesBroadcast(double[] x, double[] y) {
                    double[] r = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        r[i] = x[i] * y[0] * x[i];
                    }
                    return r;
                }
                """, p(d(1, 2), d(3)))
                .publishes(d(0.5 * 6, 0.75 * 12, 0.5 * 1 + 0.75 * 4), 0, d(1, 2), d(3)));
        l.add(of(TENSOR, "negSub", """
                // testDerivativeSub2a: (-x) - y - x; its Jacobians are -2 I and -I
                @Differentiable
                static double[] negSub(double[] x, double[] y) {
                    double[] r = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        r[i] = (-x[i]) - y[i] - x[i];
                    }
                    return r;
                }
                """, p(d(1, 2), d(3, 4))).publishes(d(-1, -1.5, -0.5, -0.75), 0, d(1, 2), d(3, 4)));
        double[][] six = m(d(1, 2, 3), d(4, 5, 6));
        double s0 = 1 / (1 + Math.exp(3));
        double[] sm1 = new double[3];
        double z1 = Math.exp(1) + Math.exp(2) + Math.exp(3);
        for (int j = 0; j < 3; j++) {
            sm1[j] = 1 - 3 * Math.exp(j + 1) / z1;
        }
        l.add(of(LOSS, "logSoftmaxAxis", """
                // logSoftmaxAxis0 and logSoftmaxAxis1: x.logSoftmax(axis).sum(), the maximum subtracted first
                @Differentiable
                static double logSoftmaxAxis(double[][] x, int axis) {
                    int n = x.length;
                    int k = x[0].length;
                    int groups = axis == 0 ? k : n;
                    int len = axis == 0 ? n : k;
                    double s = 0;
                    for (int g = 0; g < groups; g++) {
                        double mx = Double.NEGATIVE_INFINITY;
                        for (int i = 0; i < len; i++) {
                            mx = Math.max(mx, axis == 0 ? x[i][g] : x[g][i]);
                        }
                        double z = 0;
                        for (int i = 0; i < len; i++) {
                            z += Math.exp((axis == 0 ? x[i][g] : x[g][i]) - mx);
                        }
                        double lse = mx + Math.log(z);
                        for (int i = 0; i < len; i++) {
                            s += (axis == 0 ? x[i][g] : x[g][i]) - lse;
                        }
                    }
                    return s;
                }
                """, p(six, 0), p(six, 1), p(m(d(0.3, -1.2, 0.8), d(2.1, 0.4, -0.6)), 1))
                .publishes(d(1 - 2 * s0, 1 - 2 * s0, 1 - 2 * s0, 2 * s0 - 1, 2 * s0 - 1, 2 * s0 - 1), 1e-12, six, 0)
                .publishes(d(sm1[0], sm1[1], sm1[2], sm1[0], sm1[1], sm1[2]), 1e-12, six, 1)
                .publishes(
                        d(
                                0.9051482677459717,
                                0.9051482677459717,
                                0.9051482677459717,
                                -0.9051482677459717,
                                -0.9051482677459717,
                                -0.9051482677459717),
                        1e-7,
                        six,
                        0)
                .publishes(
                        d(
                                0.7299082279205322,
                                0.26581454277038574,
                                -0.9957230091094971,
                                0.7299083471298218,
                                0.26581472158432007,
                                -0.9957225322723389),
                        2e-6,
                        six,
                        1));
        l.addAll(DiffKtExamples.all());
        return l;
    }
}
