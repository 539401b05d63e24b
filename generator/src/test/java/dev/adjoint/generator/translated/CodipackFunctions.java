package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.List;

/**
 * CoDiPack's expression tests ({@code tests/general/include/tests/expressions/*.hpp}, github.com/SciCompKL/CoDiPack
 * at 99c71a79), in Java: each test's {@code func(Number* x, Number* y)} is a method returning {@code y} as a
 * {@code double[]}, or a {@code void} helper filling {@code y} that the method calls; C's {@code &x[9]} pointers are
 * offsets; functions Java's {@code Math} lacks ({@code erf}, {@code tgamma}, {@code asinh}, {@code acosh},
 * {@code atanh}, {@code log2}) are written out as a Java programmer writes them (a rational approximation from a
 * {@code static final} table, Lanczos' series, the logarithm forms). The points are CoDiPack's, moved off the kinks
 * ({@code floor}, {@code round} at half-integers, {@code min} of equal arguments) where central differences cannot
 * judge.
 */
final class CodipackFunctions {
    private CodipackFunctions() {}

    private static final String REPO = "SciCompKL/CoDiPack";

    private static Ported of(String test, int line, String method, String body, Object[]... points) {
        return Ported.of(
                "codipack",
                REPO,
                "tests/general/include/tests/expressions/" + test + ".hpp",
                line,
                method,
                body,
                points);
    }

    static List<Ported> all() {
        return List.of(
                // TestBigExpressions: a tetrahedron's volume from four points packed in x, read through offsets
                of(
                        "testBigExpressions",
                        48,
                        "tetVolume",
                        """
                        @Differentiable
                        static double tetVolume(double[] x) {
                            int edge = 0, face = 3, elem = 6, point = 9;
                            double a0 = x[edge] - x[point], a1 = x[edge + 1] - x[point + 1], a2 = x[edge + 2] - x[point + 2];
                            double b0 = x[face] - x[point], b1 = x[face + 1] - x[point + 1], b2 = x[face + 2] - x[point + 2];
                            double c0 = x[elem] - x[point], c1 = x[elem + 1] - x[point + 1], c2 = x[elem + 2] - x[point + 2];
                            double d0 = a1 * b2 - a2 * b1;
                            double d1 = -(a0 * b2 - a2 * b0);
                            double d2 = a0 * b1 - a1 * b0;
                            return Math.abs(c0 * d0 + c1 * d1 + c2 * d2) / 6.0;
                        }
                        """,
                        p(d(1.25, 2.5, 3.25, 4.5, 5.75, 6.25, 7.5, 8.5, 9.25, 10.25, 11.75, 12.5)),
                        p(d(0, 0, 0, 1, 0, 0, 0, 1, 0, 0.25, 0.5, 2.0))),
                // TestIncrementOperators: ++ and -- on array elements, prefix and postfix, inside assignments
                of("testIncrementOperators", 50, "increments", """
                        @Differentiable
                        static double[] increments(double[] x) {
                            double[] y = new double[8];
                            y[0] = x[0];
                            y[1] = ++y[0];
                            y[2] = x[0];
                            y[3] = y[2]++;
                            y[4] = x[0];
                            y[5] = --y[4];
                            y[6] = x[0];
                            y[7] = y[6]--;
                            return y;
                        }
                        """, p(d(-1.0)), p(d(0.0)), p(d(1.0))),
                // TestAssignOperators1 and 2: += -= *= /= with active and constant sides, by a void helper
                of(
                        "testAssignOperators1",
                        72,
                        "assignOperators",
                        """
                        static void compound(double[] x, double[] y) {
                            y[0] = x[0];
                            y[0] += x[1];
                            y[1] = 5.00;
                            y[1] += x[1];
                            y[2] = x[0];
                            y[2] += 5.00;
                            y[3] = x[0];
                            y[3] -= x[1];
                            y[4] = 5.00;
                            y[4] -= x[1];
                            y[5] = x[0];
                            y[5] -= 5.00;
                            y[6] = x[0];
                            y[6] *= x[1];
                            y[7] = 5.00;
                            y[7] *= x[1];
                            y[8] = x[0];
                            y[8] *= 5.00;
                        }

                        static void divisions(double[] x, double[] y, int at) {
                            y[at] = x[0];
                            y[at] /= x[1];
                            y[at + 1] = 5.00;
                            y[at + 1] /= x[1];
                            y[at + 2] = x[0];
                            y[at + 2] /= 5.00;
                        }

                        @Differentiable
                        static double[] assignOperators(double[] x) {
                            double[] y = new double[12];
                            compound(x, y);
                            divisions(x, y, 9);
                            return y;
                        }
                        """,
                        p(d(-10, -5)),
                        p(d(0, 10)),
                        p(d(5, -10)),
                        p(d(10, 5))),
                // TestTwoArgumentExpr1: + - * with constants, min/max (Math's, and fmin/fmax as a programmer writes
                // them), pow, copysign, and std::swap of two elements through a temporary
                of(
                        "testTwoArgumentExpr1",
                        72,
                        "twoArguments",
                        """
                        static double fmin(double a, double b) {
                            return a < b ? a : b;
                        }

                        static double fmax(double a, double b) {
                            if (a > b) {
                                return a;
                            }
                            return b;
                        }

                        @Differentiable
                        static double[] twoArguments(double[] x) {
                            double[] y = new double[29];
                            y[0] = x[0] + x[1];
                            y[1] = 5.00 + x[1];
                            y[2] = x[0] + 5.00;
                            y[3] = x[0] - x[1];
                            y[4] = 5.00 - x[1];
                            y[5] = x[0] - 5.00;
                            y[6] = x[0] * x[1];
                            y[7] = 5.00 * x[1];
                            y[8] = x[0] * 5.00;
                            y[9] = Math.min(x[0], x[1]);
                            y[10] = Math.min(5.00, x[1]);
                            y[11] = Math.min(x[0], 5.00);
                            y[12] = Math.max(x[0], x[1]);
                            y[13] = Math.max(5.00, x[1]);
                            y[14] = Math.max(x[0], 5.00);
                            y[15] = fmin(x[0], x[1]);
                            y[16] = fmin(5.00, x[1]);
                            y[17] = fmin(x[0], 5.00);
                            y[18] = fmax(x[0], x[1]);
                            y[19] = fmax(5.00, x[1]);
                            y[20] = fmax(x[0], 5.00);
                            y[21] = Math.pow(x[0], x[1]);
                            y[22] = Math.pow(5.00, x[1]);
                            y[23] = Math.pow(x[0], 5.00);
                            y[24] = Math.copySign(x[0], x[1]);
                            y[25] = Math.copySign(5.00, x[1]);
                            y[26] = Math.copySign(x[0], 5.00);
                            y[27] = x[0];
                            y[28] = x[1];
                            double tmp = y[27];
                            y[27] = y[28];
                            y[28] = tmp;
                            return y;
                        }
                        """,
                        p(d(4.5, -5.0)),
                        p(d(0.5, 2.5)),
                        p(d(10.0, 4.0)),
                        p(d(2.0, 7.5))),
                // TestTwoArgumentExpr2: / atan2 hypot fmod (Java's %) with active and constant sides
                of(
                        "testTwoArgumentExpr2",
                        65,
                        "twoArguments2",
                        """
                        @Differentiable
                        static double[] twoArguments2(double[] x) {
                            double[] y = new double[12];
                            y[0] = x[0] / x[1];
                            y[1] = 5.00 / x[1];
                            y[2] = x[0] / 5.00;
                            y[3] = Math.atan2(x[0], x[1]);
                            y[4] = Math.atan2(5.00, x[1]);
                            y[5] = Math.atan2(x[0], 5.00);
                            y[6] = Math.hypot(x[0], x[1]);
                            y[7] = Math.hypot(5.0, x[1]);
                            y[8] = Math.hypot(x[0], 5.0);
                            y[9] = x[0] % x[1];
                            y[10] = 5.00 % x[1];
                            y[11] = x[0] % 5.00;
                            return y;
                        }
                        """,
                        p(d(-9.5, -3)),
                        p(d(-4.5, 7)),
                        p(d(0.5, 3)),
                        p(d(7, -4)),
                        p(d(9.5, 4))),
                // TestOneArgumentExpr1: the unary functions; erf and erfc by Abramowitz and Stegun 7.1.26 from a
                // static final table, asinh by its logarithm, ldexp(x, 7) as x * 2^7 (Math.scalb is not supported)
                of("testOneArgumentExpr1", 88, "oneArgument", """
                        static final double[] ERF_A = {0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429};
                        static final double ERF_P = 0.3275911;

                        static double erf(double x) {
                            double sign = x < 0 ? -1.0 : 1.0;
                            double ax = Math.abs(x);
                            double t = 1.0 / (1.0 + ERF_P * ax);
                            double poly = 0;
                            for (int k = ERF_A.length - 1; k >= 0; k--) {
                                poly = poly * t + ERF_A[k];
                            }
                            return sign * (1.0 - poly * t * Math.exp(-ax * ax));
                        }

                        static double asinh(double x) {
                            return Math.log(x + Math.sqrt(x * x + 1.0));
                        }

                        @Differentiable
                        static double[] oneArgument(double x) {
                            double[] y = new double[20];
                            y[0] = +x;
                            y[1] = -x;
                            y[2] = Math.exp(x);
                            y[3] = Math.sin(x);
                            y[4] = Math.cos(x);
                            y[5] = Math.atan(x);
                            y[6] = Math.sinh(x);
                            y[7] = Math.cosh(x);
                            y[8] = Math.abs(x);
                            y[9] = Math.floor(x);
                            y[10] = Math.tanh(x);
                            y[11] = Math.tan(x);
                            y[12] = erf(x);
                            y[13] = 1.0 - erf(x);
                            y[14] = Math.cbrt(x);
                            y[15] = Math.round(x);
                            y[16] = Math.ceil(x);
                            y[17] = x * (1 << 7);
                            y[18] = asinh(x);
                            y[19] = Math.rint(x);
                            return y;
                        }
                        """, p(-9.3), p(-2.2), p(0.7), p(3.1), p(8.6)),
                // TestOneArgumentExpr2: log, log10, sqrt, tgamma by Lanczos (g = 7, nine coefficients), acosh
                // under an if, log1p, log2 as ln x / ln 2
                of("testOneArgumentExpr2", 67, "positiveArgument", """
                        static final double[] LANCZOS = {
                            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
                            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
                            1.5056327351493116e-7
                        };

                        static double gamma(double x) {
                            if (x < 0.5) {
                                return Math.PI / (Math.sin(Math.PI * x) * gamma(1.0 - x));
                            }
                            x -= 1.0;
                            double a = LANCZOS[0];
                            double t = x + 7.5;
                            for (int i = 1; i < 9; i++) {
                                a += LANCZOS[i] / (x + i);
                            }
                            return Math.sqrt(2 * Math.PI) * Math.pow(t, x + 0.5) * Math.exp(-t) * a;
                        }

                        @Differentiable
                        static double[] positiveArgument(double x) {
                            double[] y = new double[7];
                            y[0] = Math.log(x);
                            y[1] = Math.log10(x);
                            y[2] = Math.sqrt(x);
                            y[3] = gamma(x);
                            if (x >= 1.0) {
                                y[4] = Math.log(x + Math.sqrt(x * x - 1.0));
                            } else {
                                y[4] = 0.0;
                            }
                            y[5] = Math.log1p(x);
                            y[6] = Math.log(x) / Math.log(2.0);
                            return y;
                        }
                        """, p(0.5), p(1.5), p(4.0), p(9.5)),
                // TestOneArgumentExpr3: atanh, asin, acos on (-1, 1)
                of("testOneArgumentExpr3", 86, "unitArgument", """
                        @Differentiable
                        static double[] unitArgument(double x) {
                            return new double[] {0.5 * Math.log((1 + x) / (1 - x)), Math.asin(x), Math.acos(x)};
                        }
                        """, p(-0.95), p(0.0), p(0.35), p(0.9)));
    }
}
