package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.List;

/**
 * Chainer's {@code gradient_check}-based tests of its elementwise and reduction functions
 * ({@code tests/chainer_tests/functions_tests/math_tests/}, github.com/chainer/chainer), written in Java as a
 * programmer without SciPy writes them: {@code erfinv} and {@code ndtri} by Newton's method on {@code erf} (loops
 * whose trip count depends on the value: the gradient of the converged iterate), {@code lgamma} by Lanczos'
 * series, {@code digamma} and the trigamma by the recurrence up to 6 and the asymptotic series, {@code log_ndtr}
 * with its branch for the far left tail, {@code erfcx} by its continued fraction summed backwards, {@code prod} and
 * {@code cumprod} over inputs holding a zero, {@code det} by LU with partial pivoting (rows exchanged element by
 * element), {@code inv} by Gauss–Jordan with pivoting, {@code logsumexp}, {@code average}, {@code clip},
 * {@code fmod}, {@code linear_interpolate}, {@code batch_l2_norm_squared} and {@code tensordot} as loops. Chainer
 * checks each against numerical differences, as the harness does; the closed forms it relies on are published where
 * the value is known exactly: {@code erfinv'(0) = √π/2}, {@code ndtri'(0.5) = √(2π)}, {@code lgamma'(1) = -γ},
 * {@code lgamma''(1) = digamma'(1) = π²/6}, {@code log_ndtr'(0) = 2φ(0)}, {@code erfcx'(0) = -2/√π},
 * {@code det}'s gradient {@code det(A) A⁻ᵀ}.
 */
final class ChainerFunctions {
    private ChainerFunctions() {}

    private static final String DIR = "tests/chainer_tests/functions_tests/math_tests/";
    private static final double GAMMA = 0.5772156649015329;

    private static Ported of(String file, String method, String body, Object[]... points) {
        return new Ported(
                "chainer." + file.replace(".py", "") + "." + method,
                "chainer/chainer " + DIR + file,
                method,
                body,
                List.of(points),
                List.of(),
                "static");
    }

    static final String ERF = XadSources.ERF;

    static final String INVERSES = ERF + """

            // erfinv by Newton's method on erf from the central approximation, until the step vanishes
            static double erfinv(double y) {
                double x = y * Math.sqrt(Math.PI) / 2;
                for (int it = 0; it < 100; it++) {
                    double step = (erf(x) - y) / (2 / Math.sqrt(Math.PI) * Math.exp(-x * x));
                    x -= step;
                    if (Math.abs(step) < 1e-15) {
                        break;
                    }
                }
                return x;
            }

            static double ndtri(double p) {
                return Math.sqrt(2) * erfinv(2 * p - 1);
            }
            """;

    static final String GAMMAS = """
            private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
                771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
                9.9843695780195716e-6, 1.5056327351493116e-7};

            // log Γ(x) for x > 0.5 by Lanczos' approximation (g = 7, nine terms)
            static double lgamma(double x) {
                x -= 1;
                double a = LANCZOS[0];
                double t = x + 7.5;
                for (int i = 1; i < 9; i++) {
                    a += LANCZOS[i] / (x + i);
                }
                return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
            }

            // ψ(x): the recurrence ψ(x) = ψ(x + 1) - 1/x up to 6, then the asymptotic series
            static double digamma(double x) {
                double r = 0;
                while (x < 6) {
                    r -= 1 / x;
                    x += 1;
                }
                double f = 1 / (x * x);
                return r + Math.log(x) - 0.5 / x
                        - f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f / 132))));
            }
            """;

    static List<Ported> all() {
        List<Ported> l = new ArrayList<>();
        double spi = Math.sqrt(Math.PI);
        l.add(of("test_erfinv.py", "erfinvOf", INVERSES + """

                @Differentiable
                static double erfinvOf(double y) {
                    return erfinv(y);
                }
                """, p(0.3), p(-0.85)).publishes(d(spi / 2), 1e-13, 0.0));
        l.add(of("test_ndtri.py", "ndtriOf", INVERSES + """

                @Differentiable
                static double ndtriOf(double p) {
                    return ndtri(p);
                }
                """, p(0.3), p(0.975))
                .publishes(d(Math.sqrt(2 * Math.PI)), 1e-13, 0.5));
        l.add(of("test_lgamma.py", "lgammaOf", GAMMAS + """

                @Differentiable
                static double lgammaOf(double x) {
                    return lgamma(x);
                }
                """, p(1.7), p(4.2))
                .publishes(d(-GAMMA), 1e-12, 1.0)
                .publishes(d(1.5 - GAMMA), 1e-12, 3.0));
        l.add(of("test_digamma.py", "digammaOf", GAMMAS + """

                @Differentiable
                static double digammaOf(double x) {
                    return digamma(x) + digamma(2 * x);
                }
                """, p(0.7), p(3.3), p(9.5))
                .publishes(d(Math.PI * Math.PI / 6 + 2 * (Math.PI * Math.PI / 6 - 1)), 1e-9, 1.0));
        l.add(of("test_log_ndtr.py", "logNdtr", ERF + """

                // log Φ(x): log(1 - Q(-x)) above -5 with Φ from erf, the asymptotic expansion of the Mills ratio below
                @Differentiable
                static double logNdtr(double x) {
                    if (x > -5) {
                        return Math.log(0.5 * (1 + erf(x / Math.sqrt(2))));
                    }
                    double z = 1 / (x * x);
                    double series = 1 - z * (1 - 3 * z * (1 - 5 * z * (1 - 7 * z)));
                    return -0.5 * x * x - Math.log(-x) - 0.5 * Math.log(2 * Math.PI) + Math.log(series);
                }
                """, p(0.4), p(-2.1), p(-9.0))
                .publishes(d(2 / Math.sqrt(2 * Math.PI)), 1e-13, 0.0));
        l.add(of("test_erfcx.py", "erfcx", ERF + """

                // exp(x²) erfc(x): from erf below 2, by the continued fraction (summed from its 60th level) above
                @Differentiable
                static double erfcx(double x) {
                    if (x < 2) {
                        return Math.exp(x * x) * (1 - erf(x));
                    }
                    double f = x;
                    for (int k = 60; k >= 1; k--) {
                        f = x + k / 2.0 / f;
                    }
                    return 1 / (Math.sqrt(Math.PI) * f);
                }
                """, p(0.3), p(1.4), p(2.6), p(8.0))
                .publishes(d(-2 / spi), 1e-13, 0.0));
        l.add(of("test_prod.py", "prodAxis", """
                // prod over axis 1 of a (3, 4) input, one element zero; returned per row
                @Differentiable
                static double[] prodAxis(double[][] x) {
                    double[] y = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        double p = 1;
                        for (double v : x[i]) {
                            p *= v;
                        }
                        y[i] = p;
                    }
                    return y;
                }
                """, p((Object)
                        m(d(0.5, -0.7, 0.9, 0.3), d(0.2, 0.0, -0.8, 0.6), d(-0.4, 0.1, 0.7, -0.9))))
                .publishes(
                        d(
                                0.5 * -0.7 * 0.9 * 0.3,
                                0.5 * 0.5 * 0.9 * 0.3,
                                0.5 * 0.5 * -0.7 * 0.3,
                                0.5 * 0.5 * -0.7 * 0.9,
                                0,
                                0.75 * 0.2 * -0.8 * 0.6,
                                0,
                                0,
                                1.0 * 0.1 * 0.7 * -0.9,
                                1.0 * -0.4 * 0.7 * -0.9,
                                1.0 * -0.4 * 0.1 * -0.9,
                                1.0 * -0.4 * 0.1 * 0.7),
                        1e-15,
                        (Object) m(d(0.5, -0.7, 0.9, 0.3), d(0.2, 0.0, -0.8, 0.6), d(-0.4, 0.1, 0.7, -0.9))));
        l.add(of("test_cumprod.py", "cumprod", """
                @Differentiable
                static double[] cumprod(double[] x) {
                    double[] y = new double[x.length];
                    double p = 1;
                    for (int i = 0; i < x.length; i++) {
                        p *= x[i];
                        y[i] = p;
                    }
                    return y;
                }
                """, p(d(0.6, -0.9, 0.0, 0.4, 0.8)), p(d(0.6, -0.9, 0.5, 0.4, 0.8))));
        l.add(of("test_det.py", "det", ChainerLinAlg.DET, p((Object) ChainerLinAlg.A), p((Object) ChainerLinAlg.B))
                .publishes(ChainerLinAlg.detGradient(ChainerLinAlg.A), 1e-13, (Object) ChainerLinAlg.A));
        l.add(of("test_inv.py", "inv", ChainerLinAlg.INV, p((Object) ChainerLinAlg.A), p((Object) ChainerLinAlg.B)));
        l.add(of("test_logsumexp.py", "logsumexp", """
                // logsumexp over axis 0 of a (3, 2) input, the max shifted out
                @Differentiable
                static double[] logsumexp(double[][] x) {
                    double[] y = new double[x[0].length];
                    for (int j = 0; j < y.length; j++) {
                        double m = Double.NEGATIVE_INFINITY;
                        for (double[] row : x) {
                            m = Math.max(m, row[j]);
                        }
                        double s = 0;
                        for (double[] row : x) {
                            s += Math.exp(row[j] - m);
                        }
                        y[j] = m + Math.log(s);
                    }
                    return y;
                }
                """, p((Object) m(d(0.5, -1.2), d(2.0, 0.3), d(-0.7, 0.9)))));
        l.add(of("test_average.py", "average", """
                // the weighted average along axis 1, weights differentiated too
                @Differentiable
                static double[] average(double[][] x, double[] w) {
                    double ws = 0;
                    for (double v : w) {
                        ws += v;
                    }
                    double[] y = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        for (int j = 0; j < w.length; j++) {
                            y[i] += x[i][j] * w[j];
                        }
                        y[i] /= ws;
                    }
                    return y;
                }
                """, p(m(d(0.5, -1.2, 0.3), d(2.0, 0.3, -0.4)), d(0.2, 0.5, 1.1))));
        l.add(of(
                "test_basic_math.py",
                "elementwise",
                """
                // clip, fmod, fix, sign, maximum, minimum, linear_interpolate, square, rsqrt, batch_l2_norm_squared
                @Differentiable
                static double[] elementwise(double[] x, double[] y, double[] p) {
                    double[] out = new double[x.length + 1];
                    double norm = 0;
                    for (int i = 0; i < x.length; i++) {
                        double clip = Math.min(Math.max(x[i], -0.75), 0.75);
                        double fmod = x[i] % y[i];
                        double fix = (long) (3 * x[i]);
                        double sign = Math.signum(x[i]);
                        double mm = Math.max(x[i], y[i]) - 2 * Math.min(x[i], y[i]);
                        double lerp = p[i] * x[i] + (1 - p[i]) * y[i];
                        double rsqrt = 1 / Math.sqrt(y[i] * y[i] + 1);
                        out[i] = clip + fmod + fix * sign + mm + lerp * lerp + rsqrt;
                        norm += x[i] * x[i];
                    }
                    out[x.length] = norm;
                    return out;
                }
                """,
                p(d(0.5, -1.2, 0.3, 2.1), d(0.7, 0.45, -0.2, -1.3), d(0.1, 0.6, 0.9, 0.4))));
        l.add(of(
                "test_tensordot.py",
                "tensordot",
                """
                // tensordot over axes ((1, 2), (0, 1)) of a (2, 3, 2) and a (3, 2, 2) given flat
                @Differentiable
                static double[] tensordot(double[] a, double[] b) {
                    double[] c = new double[4];
                    for (int i = 0; i < 2; i++) {
                        for (int l = 0; l < 2; l++) {
                            double s = 0;
                            for (int j = 0; j < 3; j++) {
                                for (int k = 0; k < 2; k++) {
                                    s += a[(i * 3 + j) * 2 + k] * b[(j * 2 + k) * 2 + l];
                                }
                            }
                            c[i * 2 + l] = s;
                        }
                    }
                    return c;
                }
                """,
                p(
                        d(0.1, 0.2, -0.3, 0.4, 0.5, -0.6, 0.7, 0.8, -0.9, 1.0, 1.1, -1.2),
                        d(1.2, -1.1, 1.0, 0.9, -0.8, 0.7, 0.6, -0.5, 0.4, 0.3, -0.2, 0.1))));
        return l;
    }
}
