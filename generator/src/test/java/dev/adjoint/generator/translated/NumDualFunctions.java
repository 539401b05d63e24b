package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * num-dual's second-order dual-number tests ({@code tests/test_dual2.rs}, github.com/itt-ustutt/num-dual), written in
 * Java from their math: each test's function of one variable at its point, with the first and second derivatives it
 * asserts ({@code res.v1}, {@code res.v2}, to its 1e-12) as a published gradient and a published {@code Hvp}. The
 * functions {@code Math} lacks are written out: {@code exp2} and {@code log(base)} through {@code pow} and
 * {@code log}, the inverse hyperbolic functions by their logarithms, {@code powi} as a loop of products, the
 * spherical Bessel functions {@code j0}, {@code j1}, {@code j2} in closed form, the Bessel functions {@code J0},
 * {@code J1}, {@code J2} as their power series (40 terms, in a loop). The edge cases are the test's: {@code powf} and
 * {@code powi} with exponents 0 to 4 at 0, {@code J0}, {@code J1}, {@code J2} at 0, negative arguments, and
 * {@code atan2} in the four quadrants.
 */
final class NumDualFunctions {
    private NumDualFunctions() {}

    private static Ported nd(int line, String method, String body, Object[]... points) {
        return Ported.of("numdual", "itt-ustutt/num-dual", "tests/test_dual2.rs", line, method, body, points);
    }

    private static final String POWI = """
            // Rust's powi: x multiplied n times
            static double intPower(double x, int n) {
                double r = 1;
                for (int i = 0; i < n; i++) {
                    r *= x;
                }
                return r;
            }
            """;

    private static final String SPH = """
            static double sphJ0(double x) {
                return Math.sin(x) / x;
            }

            static double sphJ1(double x) {
                return (Math.sin(x) - x * Math.cos(x)) / (x * x);
            }

            static double sphJ2(double x) {
                return ((3 - x * x) * Math.sin(x) - 3 * x * Math.cos(x)) / (x * x * x);
            }
            """;

    private static final String BESSEL = """
            // J_n(x) = sum over k of (-1)^k (x/2)^(2k+n) / (k! (k+n)!), 40 terms
            static double besselJ(int n, double x) {
                double h = x / 2;
                double term = 1;
                for (int i = 1; i <= n; i++) {
                    term *= h / i;
                }
                double sum = term;
                for (int k = 1; k < 40; k++) {
                    term *= -h * h / (k * (k + n));
                    sum += term;
                }
                return sum;
            }
            """;

    static List<Ported> all() {
        return new ArrayList<>(List.of(
                nd(4, "recip", """
                        @Differentiable
                        static double recip(double x) {
                            return 1 / x;
                        }
                        """, p(1.2)).publishes(d(-0.694444444444445), 1e-12, 1.2),
                nd(12, "exp", """
                        @Differentiable
                        static double exp(double x) {
                            return Math.exp(x);
                        }
                        """, p(1.2)).publishes(d(3.32011692273655), 1e-12, 1.2),
                nd(20, "expM1", """
                        @Differentiable
                        static double expM1(double x) {
                            return Math.expm1(x);
                        }
                        """, p(1.2)).publishes(d(3.32011692273655), 1e-12, 1.2),
                nd(28, "exp2", """
                        @Differentiable
                        static double exp2(double x) {
                            return Math.pow(2, x);
                        }
                        """, p(1.2)).publishes(d(1.59243405216008), 1e-12, 1.2),
                nd(36, "ln", """
                        @Differentiable
                        static double ln(double x) {
                            return Math.log(x);
                        }
                        """, p(1.2)).publishes(d(0.833333333333333), 1e-12, 1.2),
                nd(44, "log", """
                        @Differentiable
                        static double log(double x) {
                            return Math.log(x) / Math.log(4.2);
                        }
                        """, p(1.2)).publishes(d(0.580685888982970), 1e-12, 1.2),
                nd(52, "ln1p", """
                        @Differentiable
                        static double ln1p(double x) {
                            return Math.log1p(x);
                        }
                        """, p(1.2)).publishes(d(0.454545454545455), 1e-12, 1.2),
                nd(60, "log2", """
                        @Differentiable
                        static double log2(double x) {
                            return Math.log(x) / Math.log(2);
                        }
                        """, p(1.2)).publishes(d(1.20224586740747), 1e-12, 1.2),
                nd(68, "log10", """
                        @Differentiable
                        static double log10(double x) {
                            return Math.log10(x);
                        }
                        """, p(1.2)).publishes(d(0.361912068252710), 1e-12, 1.2),
                nd(76, "sqrt", """
                        @Differentiable
                        static double sqrt(double x) {
                            return Math.sqrt(x);
                        }
                        """, p(1.2)).publishes(d(0.456435464587638), 1e-12, 1.2),
                nd(84, "cbrt", """
                        @Differentiable
                        static double cbrt(double x) {
                            return Math.cbrt(x);
                        }
                        """, p(1.2)).publishes(d(0.295182935884059), 1e-12, 1.2),
                nd(92, "powf", """
                        @Differentiable
                        static double powf(double x) {
                            return Math.pow(x, 4.2);
                        }
                        """, p(1.2)).publishes(d(7.52712759108966), 1e-12, 1.2),
                nd(100, "powf0", """
                        @Differentiable
                        static double powf0(double x) {
                            return Math.pow(x, 0.0);
                        }
                        """, p(0.0)).publishes(d(0), 1e-12, 0.0),
                nd(108, "powf1", """
                        @Differentiable
                        static double powf1(double x) {
                            return Math.pow(x, 1.0);
                        }
                        """, p(0.0)).publishes(d(1.00000000000000), 1e-12, 0.0),
                nd(116, "powf2", """
                        @Differentiable
                        static double powf2(double x) {
                            return Math.pow(x, 2.0);
                        }
                        """, p(0.0)).publishes(d(0), 1e-12, 0.0),
                nd(124, "powf3", """
                        @Differentiable
                        static double powf3(double x) {
                            return Math.pow(x, 3.0);
                        }
                        """, p(0.0)).publishes(d(0), 1e-12, 0.0),
                nd(132, "powf4", """
                        @Differentiable
                        static double powf4(double x) {
                            return Math.pow(x, 4.0);
                        }
                        """, p(0.0)).publishes(d(0), 1e-12, 0.0),
                nd(140, "powi", POWI + """

                        @Differentiable
                        static double powi(double x) {
                            return intPower(x, 6);
                        }
                        """, p(1.2)).publishes(d(14.9299200000000), 1e-12, 1.2),
                nd(148, "powi0", POWI + """

                        @Differentiable
                        static double powi0(double x) {
                            return intPower(x, 0);
                        }
                        """, p(0.0)).publishes(d(0), 1e-12, 0.0),
                nd(156, "powi1", POWI + """

                        @Differentiable
                        static double powi1(double x) {
                            return intPower(x, 1);
                        }
                        """, p(0.0)).publishes(d(1.00000000000000), 1e-12, 0.0),
                nd(164, "powi2", POWI + """

                        @Differentiable
                        static double powi2(double x) {
                            return intPower(x, 2);
                        }
                        """, p(0.0)).publishes(d(0), 1e-12, 0.0),
                nd(172, "powi3", POWI + """

                        @Differentiable
                        static double powi3(double x) {
                            return intPower(x, 3);
                        }
                        """, p(0.0)).publishes(d(0), 1e-12, 0.0),
                nd(180, "powi4", POWI + """

                        @Differentiable
                        static double powi4(double x) {
                            return intPower(x, 4);
                        }
                        """, p(0.0)).publishes(d(0), 1e-12, 0.0),
                nd(188, "sin", """
                        @Differentiable
                        static double sin(double x) {
                            return Math.sin(x);
                        }
                        """, p(1.2)).publishes(d(0.362357754476674), 1e-12, 1.2),
                nd(196, "cos", """
                        @Differentiable
                        static double cos(double x) {
                            return Math.cos(x);
                        }
                        """, p(1.2)).publishes(d(-0.932039085967226), 1e-12, 1.2),
                nd(204, "tan", """
                        @Differentiable
                        static double tan(double x) {
                            return Math.tan(x);
                        }
                        """, p(1.2)).publishes(d(7.61596396720705), 1e-12, 1.2),
                nd(212, "asin", """
                        @Differentiable
                        static double asin(double x) {
                            return Math.asin(x);
                        }
                        """, p(0.2)).publishes(d(1.02062072615966), 1e-12, 0.2),
                nd(220, "acos", """
                        @Differentiable
                        static double acos(double x) {
                            return Math.acos(x);
                        }
                        """, p(0.2)).publishes(d(-1.02062072615966), 1e-12, 0.2),
                nd(228, "atan", """
                        @Differentiable
                        static double atan(double x) {
                            return Math.atan(x);
                        }
                        """, p(0.2)).publishes(d(0.961538461538462), 1e-12, 0.2),
                nd(268, "sinh", """
                        @Differentiable
                        static double sinh(double x) {
                            return Math.sinh(x);
                        }
                        """, p(1.2)).publishes(d(1.81065556732437), 1e-12, 1.2),
                nd(276, "cosh", """
                        @Differentiable
                        static double cosh(double x) {
                            return Math.cosh(x);
                        }
                        """, p(1.2)).publishes(d(1.50946135541217), 1e-12, 1.2),
                nd(284, "tanh", """
                        @Differentiable
                        static double tanh(double x) {
                            return Math.tanh(x);
                        }
                        """, p(1.2)).publishes(d(0.305019996207409), 1e-12, 1.2),
                nd(292, "asinh", """
                        @Differentiable
                        static double asinh(double x) {
                            return Math.log(x + Math.sqrt(x * x + 1));
                        }
                        """, p(1.2)).publishes(d(0.640184399664480), 1e-12, 1.2),
                nd(300, "acosh", """
                        @Differentiable
                        static double acosh(double x) {
                            return Math.log(x + Math.sqrt(x * x - 1));
                        }
                        """, p(1.2)).publishes(d(1.50755672288882), 1e-12, 1.2),
                nd(308, "atanh", """
                        @Differentiable
                        static double atanh(double x) {
                            return 0.5 * Math.log((1 + x) / (1 - x));
                        }
                        """, p(0.2)).publishes(d(1.04166666666667), 1e-12, 0.2),
                nd(316, "sphJ0At", SPH + """

                        @Differentiable
                        static double sphJ0At(double x) {
                            return sphJ0(x);
                        }
                        """, p(1.2)).publishes(d(-0.345284569857790), 1e-12, 1.2),
                nd(324, "sphJ1At", SPH + """

                        @Differentiable
                        static double sphJ1At(double x) {
                            return sphJ1(x);
                        }
                        """, p(1.2)).publishes(d(0.201224955209705), 1e-12, 1.2),
                nd(332, "sphJ2At", SPH + """

                        @Differentiable
                        static double sphJ2At(double x) {
                            return sphJ2(x);
                        }
                        """, p(1.2)).publishes(d(0.129004104011656), 1e-12, 1.2),
                nd(340, "besselJ00", BESSEL + """

                        @Differentiable
                        static double besselJ00(double x) {
                            return besselJ(0, x);
                        }
                        """, p(0.0)).publishes(d(0), 1e-12, 0.0),
                nd(348, "besselJ10", BESSEL + """

                        @Differentiable
                        static double besselJ10(double x) {
                            return besselJ(1, x);
                        }
                        """, p(0.0)).publishes(d(0.500000000000000), 1e-12, 0.0),
                nd(356, "besselJ20", BESSEL + """

                        @Differentiable
                        static double besselJ20(double x) {
                            return besselJ(2, x);
                        }
                        """, p(0.0)).publishes(d(0), 1e-12, 0.0),
                nd(364, "besselJ01", BESSEL + """

                        @Differentiable
                        static double besselJ01(double x) {
                            return besselJ(0, x);
                        }
                        """, p(1.2)).publishes(d(-0.498289057567215), 1e-12, 1.2),
                nd(372, "besselJ11", BESSEL + """

                        @Differentiable
                        static double besselJ11(double x) {
                            return besselJ(1, x);
                        }
                        """, p(1.2)).publishes(d(0.255891862958350), 1e-12, 1.2),
                nd(380, "besselJ21", BESSEL + """

                        @Differentiable
                        static double besselJ21(double x) {
                            return besselJ(2, x);
                        }
                        """, p(1.2)).publishes(d(0.232707360321110), 1e-12, 1.2),
                nd(388, "besselJ02", BESSEL + """

                        @Differentiable
                        static double besselJ02(double x) {
                            return besselJ(0, x);
                        }
                        """, p(7.2)).publishes(d(-0.0543274202223671), 1e-12, 7.2),
                nd(396, "besselJ12", BESSEL + """

                        @Differentiable
                        static double besselJ12(double x) {
                            return besselJ(1, x);
                        }
                        """, p(7.2)).publishes(d(0.287525216370074), 1e-12, 7.2),
                nd(404, "besselJ22", BESSEL + """

                        @Differentiable
                        static double besselJ22(double x) {
                            return besselJ(2, x);
                        }
                        """, p(7.2)).publishes(d(0.132099570594364), 1e-12, 7.2),
                nd(412, "besselJ03", BESSEL + """

                        @Differentiable
                        static double besselJ03(double x) {
                            return besselJ(0, x);
                        }
                        """, p(-1.2)).publishes(d(0.498289057567215), 1e-12, -1.2),
                nd(420, "besselJ13", BESSEL + """

                        @Differentiable
                        static double besselJ13(double x) {
                            return besselJ(1, x);
                        }
                        """, p(-1.2)).publishes(d(0.255891862958350), 1e-12, -1.2),
                nd(428, "besselJ23", BESSEL + """

                        @Differentiable
                        static double besselJ23(double x) {
                            return besselJ(2, x);
                        }
                        """, p(-1.2)).publishes(d(-0.232707360321110), 1e-12, -1.2),
                nd(436, "besselJ04", BESSEL + """

                        @Differentiable
                        static double besselJ04(double x) {
                            return besselJ(0, x);
                        }
                        """, p(-7.2)).publishes(d(0.0543274202223671), 1e-12, -7.2),
                nd(444, "besselJ14", BESSEL + """

                        @Differentiable
                        static double besselJ14(double x) {
                            return besselJ(1, x);
                        }
                        """, p(-7.2)).publishes(d(0.287525216370074), 1e-12, -7.2),
                nd(452, "besselJ24", BESSEL + """

                        @Differentiable
                        static double besselJ24(double x) {
                            return besselJ(2, x);
                        }
                        """, p(-7.2)).publishes(d(-0.132099570594364), 1e-12, -7.2),
                nd(236, "atan21", """
                        @Differentiable
                        static double atan21(double x) {
                            return Math.atan2(x, 0.4);
                        }
                        """, p(0.2)).publishes(d(2), 1e-12, 0.2),
                nd(244, "atan22", """
                        @Differentiable
                        static double atan22(double x) {
                            return Math.atan2(x, 0.4);
                        }
                        """, p(-0.2)).publishes(d(2), 1e-12, -0.2),
                nd(252, "atan23", """
                        @Differentiable
                        static double atan23(double x) {
                            return Math.atan2(x, -0.4);
                        }
                        """, p(0.2)).publishes(d(-2), 1e-12, 0.2),
                nd(260, "atan24", """
                        @Differentiable
                        static double atan24(double x) {
                            return Math.atan2(x, -0.4);
                        }
                        """, p(-0.2)).publishes(d(-2), 1e-12, -0.2)));
    }

    /** Each test's second derivative {@code res.v2}, as {@code H·1}. */
    static Map<String, List<HvpChecks.Published>> hessians() {
        Map<String, List<HvpChecks.Published>> m = new HashMap<>();
        hvp(m, "recip", 1.15740740740741, 1.2);
        hvp(m, "exp", 3.32011692273655, 1.2);
        hvp(m, "expM1", 3.32011692273655, 1.2);
        hvp(m, "exp2", 1.10379117348241, 1.2);
        hvp(m, "ln", -0.694444444444445, 1.2);
        hvp(m, "log", -0.483904907485808, 1.2);
        hvp(m, "ln1p", -0.206611570247934, 1.2);
        hvp(m, "log2", -1.00187155617289, 1.2);
        hvp(m, "log10", -0.301593390210592, 1.2);
        hvp(m, "sqrt", -0.190181443578183, 1.2);
        hvp(m, "cbrt", -0.163990519935588, 1.2);
        hvp(m, "powf", 20.0723402429058, 1.2);
        hvp(m, "powf0", 0, 0.0);
        hvp(m, "powf1", 0, 0.0);
        hvp(m, "powf2", 2.00000000000000, 0.0);
        hvp(m, "powf3", 0, 0.0);
        hvp(m, "powf4", 0, 0.0);
        hvp(m, "powi", 62.2080000000000, 1.2);
        hvp(m, "powi0", 0, 0.0);
        hvp(m, "powi1", 0, 0.0);
        hvp(m, "powi2", 2.00000000000000, 0.0);
        hvp(m, "powi3", 0, 0.0);
        hvp(m, "powi4", 0, 0.0);
        hvp(m, "sin", -0.932039085967226, 1.2);
        hvp(m, "cos", -0.362357754476674, 1.2);
        hvp(m, "tan", 39.1788281446144, 1.2);
        hvp(m, "asin", 0.212629317949929, 0.2);
        hvp(m, "acos", -0.212629317949929, 0.2);
        hvp(m, "atan", -0.369822485207101, 0.2);
        hvp(m, "sinh", 1.50946135541217, 1.2);
        hvp(m, "cosh", 1.81065556732437, 1.2);
        hvp(m, "tanh", -0.508562650138273, 1.2);
        hvp(m, "asinh", -0.314844786720236, 1.2);
        hvp(m, "acosh", -4.11151833515132, 1.2);
        hvp(m, "atanh", 0.434027777777778, 0.2);
        hvp(m, "sphJ0At", -0.201224955209705, 1.2);
        hvp(m, "sphJ1At", -0.201097592627034, 1.2);
        hvp(m, "sphJ2At", 0.0589484167190109, 1.2);
        hvp(m, "besselJ00", -0.500000000000000, 0.0);
        hvp(m, "besselJ10", 0, 0.0);
        hvp(m, "besselJ20", 0.250000000000000, 0.0);
        hvp(m, "besselJ01", -0.255891862958350, 1.2);
        hvp(m, "besselJ11", -0.365498208944163, 1.2);
        hvp(m, "besselJ21", 0.0893643434615870, 1.2);
        hvp(m, "besselJ02", -0.287525216370074, 7.2);
        hvp(m, "besselJ12", -0.0932134954083656, 7.2);
        hvp(m, "besselJ22", 0.240029203653306, 7.2);
        hvp(m, "besselJ03", -0.255891862958350, -1.2);
        hvp(m, "besselJ13", 0.365498208944163, -1.2);
        hvp(m, "besselJ23", 0.0893643434615870, -1.2);
        hvp(m, "besselJ04", -0.287525216370074, -7.2);
        hvp(m, "besselJ14", 0.0932134954083656, -7.2);
        hvp(m, "besselJ24", 0.240029203653306, -7.2);
        hvp(m, "atan21", -4, 0.2);
        hvp(m, "atan22", 4, -0.2);
        hvp(m, "atan23", 4, 0.2);
        hvp(m, "atan24", -4, -0.2);
        return m;
    }

    private static void hvp(Map<String, List<HvpChecks.Published>> m, String method, double second, double x) {
        m.put("numdual.test_dual2." + method, List.of(new HvpChecks.Published(d(1), d(second), 1e-12, new Object[] {x
        })));
    }
}
