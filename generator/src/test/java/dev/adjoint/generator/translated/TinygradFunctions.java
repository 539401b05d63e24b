package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.List;

/**
 * The elementwise ops of tinygrad's {@code test/backend/test_ops.py} (github.com/tinygrad/tinygrad) whose gradients
 * {@code helper_test_op} compares with PyTorch's: the activations ({@code leaky_relu}, {@code celu} at
 * {@code alpha} 1..4, {@code selu}, {@code silu}, {@code softsign}, {@code sigmoid}, {@code logsigmoid},
 * {@code hardsigmoid}, {@code softplus} at {@code beta} 1, 3, 1/3 and at ±300..400, {@code gelu} in its tanh form,
 * {@code quick_gelu}, {@code elu}, {@code relu6}, {@code hardswish}, {@code mish}, {@code hardtanh} at ±10..25), the
 * hyperbolic functions and their inverses as tinygrad writes them (logarithms and square roots), {@code erf} by
 * tinygrad's polynomial, {@code logaddexp} (with its tie {@code -1, -1} and its far operands), {@code lerp},
 * {@code copysign}, {@code clip} (both as {@code min(max(...))} and as the comparisons PyTorch's backward takes, whose
 * gradient is 1 at the bounds), and {@code where(x > 0.5, a, b)}. The activations are one method choosing by an
 * {@code int} as tinygrad's test chooses by name, summed over a vector with fixed weights.
 */
final class TinygradFunctions {
    private TinygradFunctions() {}

    static Ported of(String method, String body, Object[]... points) {
        return new Ported(
                "tinygrad.test_ops." + method,
                "tinygrad/tinygrad test/backend/test_ops.py",
                method,
                body,
                List.of(points),
                List.of(),
                "static");
    }

    private static final double[] XS = {-3.7, -2.2, -0.9, -0.35, 0.15, 0.6, 1.4, 2.8, 4.1, 6.7};

    static List<Ported> all() {
        List<Ported> l = new ArrayList<>();
        List<Object[]> acts = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            acts.add(p(XS, k));
        }
        l.add(new Ported(
                "tinygrad.test_ops.activations",
                "tinygrad/tinygrad test/backend/test_ops.py",
                "activations",
                """
                static double sigmoid(double x) {
                    return 1 / (1 + Math.exp(-x));
                }

                // softplus as logaddexp(beta x, 0) / beta, stable at both ends
                static double softplus(double x, double beta) {
                    double z = beta * x;
                    return (Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)))) / beta;
                }

                static double relu6(double x) {
                    return Math.min(Math.max(x, 0), 6);
                }

                static double act(int k, double x) {
                    switch (k) {
                        case 0: return x < 0 ? 0.01 * x : x;                                   // leaky_relu
                        case 1: case 2: case 3: case 4: {                                       // celu(alpha = k)
                            double a = k;
                            return Math.max(0, x) + Math.min(0, a * (Math.exp(x / a) - 1));
                        }
                        case 5: {                                                               // selu
                            double alpha = 1.67326;
                            double scale = 1.0507009873554804934193349852946;
                            return scale * (x >= 0 ? x : alpha * (Math.exp(x) - 1));
                        }
                        case 6: return x * sigmoid(x);                                          // silu
                        case 7: return x / (1 + Math.abs(x));                                   // softsign
                        case 8: return -softplus(-x, 1);                                        // logsigmoid
                        case 9: return relu6(x + 3) / 6;                                        // hardsigmoid
                        case 10: return softplus(x, 3);
                        case 11: return softplus(x, 1.0 / 3);
                        case 12: {                                                              // gelu, tanh
                            double c = Math.sqrt(2 / Math.PI);
                            return 0.5 * x * (1 + Math.tanh(c * (x + 0.044715 * x * x * x)));
                        }
                        case 13: return x * sigmoid(1.702 * x);                                 // quick_gelu
                        case 14: return x > 0 ? x : Math.exp(x) - 1;                            // elu
                        case 15: return relu6(x);
                        case 16: return x * relu6(x + 3) / 6;                                   // hardswish
                        case 17: return x * Math.tanh(softplus(x, 1));                          // mish
                        case 18: return Math.max(-1.5, Math.min(1.5, x));                       // hardtanh(-1.5, 1.5)
                        default: return softplus(x, 1);
                    }
                }

                // each activation of test_ops over a vector, weighted so that each element's gradient shows
                @Differentiable
                static double activations(double[] x, int k) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += (1 + 0.1 * i) * act(k, x[i]);
                    }
                    return s;
                }
                """,
                acts,
                List.of(),
                "static"));
        l.add(of("softplusFar", """
                static double softplus(double x) {
                    return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
                }

                // test_softplus at low=300, high=400 and at -400..-300: derivative 1 and 0 (to e^-300)
                @Differentiable
                static double softplusFar(double x, double y) {
                    return softplus(x) + softplus(y);
                }
                """, p(350.0, -350.0), p(301.5, -399.0)).publishes(d(1, 0), 1e-15, 350.0, -350.0));
        l.add(of("hyperbolic", """
                // test_sinh .. test_atanh: tinygrad's definitions, by exp, log and sqrt
                @Differentiable
                static double hyperbolic(double x, double y, double z) {
                    double sinh = (Math.exp(x) - Math.exp(-x)) / 2;
                    double cosh = (Math.exp(x) + Math.exp(-x)) / 2;
                    double tanh = 2 / (1 + Math.exp(-2 * x)) - 1;
                    double asinh = Math.log(y + Math.sqrt(y * y + 1));
                    double acosh = Math.log(z + Math.sqrt(z * z - 1));
                    double atanh = 0.5 * Math.log((1 + x / 4) / (1 - x / 4));
                    return sinh + 2 * cosh + 3 * tanh + 4 * asinh + 5 * acosh + 6 * atanh;
                }
                """, p(0.7, -2.5, 1.8), p(-1.3, 300.5, 301.0), p(2.1, 0.4, 5.5))
                .publishes(
                        d(
                                Math.cosh(0.7)
                                        + 2 * Math.sinh(0.7)
                                        + 3 / (Math.cosh(0.7) * Math.cosh(0.7))
                                        + 6 / (4 * (1 - 0.7 * 0.7 / 16)),
                                4 / Math.sqrt(6.25 + 1),
                                5 / Math.sqrt(1.8 * 1.8 - 1)),
                        1e-12,
                        0.7,
                        -2.5,
                        1.8));
        l.add(of("erf", """
                // Tensor.erf: Abramowitz and Stegun 7.1.26, odd by the sign
                @Differentiable
                static double erf(double[] x) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        double a = Math.abs(x[i]);
                        double t = 1.0 / (1.0 + 0.3275911 * a);
                        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741
                                + t * (-1.453152027 + t * 1.061405429))));
                        double e = 1 - poly * Math.exp(-a * a);
                        s += (i + 1) * Math.signum(x[i]) * e;
                    }
                    return s;
                }
                """, p(d(-1.7, -0.4, 0.3, 1.2, 2.6)), p(d(0.05, -0.9, 350.0, -320.0))));
        l.add(of(
                        "logaddexp",
                        """
                // Tensor.logaddexp: max(x, y) + log(exp(x - m) + exp(y - m)); exact at a tie of the max too
                @Differentiable
                static double logaddexp(double[] x, double[] y) {
                    double s = 0;
                    for (int i = 0; i < y.length; i++) {
                        double a = x[i % x.length];
                        double m = Math.max(a, y[i]);
                        s += (i + 1) * (m + Math.log(Math.exp(a - m) + Math.exp(y[i] - m)));
                    }
                    return s;
                }
                """,
                        p(d(-1), d(-1, 2, 3)),
                        p(d(-100, -200, -300), d(-1, 2, 3)),
                        p(d(1, 2000, 30000), d(-1, 2, 3)))
                .publishes(
                        d(
                                0.5 + 2 / (1 + Math.exp(3)) + 3 / (1 + Math.exp(4)),
                                0.5,
                                2 / (1 + Math.exp(-3)),
                                3 / (1 + Math.exp(-4))),
                        1e-12,
                        d(-1),
                        d(-1, 2, 3)));
        l.add(of("lerpCopysign", """
                // test_lerp (x.lerp(y, w) = x + w (y - x)) and test_copysign
                @Differentiable
                static double lerpCopysign(double[] x, double[] y, double w) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += (i + 1) * (x[i] + w * (y[i] - x[i])) + Math.copySign(x[i], y[i] - 4.5);
                    }
                    return s;
                }
                """, p(d(1, 2, 3), d(4, 5, 6), 0.5), p(d(-0.3, 1.7, -2.2), d(5.1, 3.9, 4.6), 0.8))
                .publishes(d(0.5 - 1, 1 + 1, 1.5 + 1, 0.5, 1, 1.5, 3 + 6 + 9), 1e-15, d(1, 2, 3), d(4, 5, 6), 0.5));
        l.add(of("clipMinMax", """
                // test_clip as min(max(x, lo), hi): at a bound the generator splits the tie evenly (README)
                @Differentiable
                static double clipMinMax(double[] x, double lo, double hi) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += (i + 1) * Math.min(Math.max(x[i], lo), hi);
                    }
                    return s;
                }
                """, p(d(-3.0, -2.4, 0, 1.4, 2), -2.5, 1.5), p(d(0.05, 0.2, -0.1), 0.0, 0.1)));
        l.add(of("clipTorch", """
                // test_clip as PyTorch's backward sees it: gradient 1 inside and at the bounds, 0 outside
                @Differentiable
                static double clipTorch(double[] x, double lo, double hi) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        double c = x[i] < lo ? lo : x[i] > hi ? hi : x[i];
                        s += (i + 1) * c;
                    }
                    return s;
                }
                """, p(d(-3.0, -2.4, 0, 1.4, 2), -2.5, 1.5))
                .publishes(d(0, 2, 3, 4, 0, 1, 5), 0, d(-3.0, -2.5, 0, 1.5, 2), -2.5, 1.5));
        l.add(of("where", """
                // test_where: where(x > 0.5, a, b), a and b broadcast from (1,) and from a row
                @Differentiable
                static double where(double[][] x, double[] a, double[] b) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        for (int j = 0; j < x[i].length; j++) {
                            double v = x[i][j] > 0.5 ? a[j % a.length] : b[j % b.length];
                            s += v * v * (1 + i) + x[i][j];
                        }
                    }
                    return s;
                }
                """, p(new double[][] {{0.2, 0.7, 0.9}, {0.6, 0.1, 0.4}}, d(1.5), d(-0.5, 0.25, 2.0))));
        return l;
    }
}
