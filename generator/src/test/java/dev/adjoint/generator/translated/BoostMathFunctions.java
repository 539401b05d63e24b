package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Boost.Math's forward-mode autodiff tests ({@code test/test_autodiff_{1,2,3,8}.cpp}) and examples
 * ({@code example/autodiff_*.cpp}), github.com/boostorg/math, written in Java from their math: {@code fvar} is
 * {@code double}, {@code x *= x} and {@code f = f.inverse()} are reassignments of a local, the functions {@code Math}
 * lacks ({@code asinh}, {@code acosh}, {@code atanh}, {@code erf}, {@code erfc}, {@code sinc}) are written out (erf as
 * its Maclaurin series in a loop, sinc with a Taylor branch near 0), {@code fmod} is {@code %}, the Black–Scholes
 * {@code CP} an enum chosen by a {@code switch} that throws on an unknown constant. Each test's first and second
 * derivatives ({@code derivative(1)}, {@code derivative(2)}, the mixed ones) are asserted as published gradients and
 * Hessian columns; the Black–Scholes Greeks are the example's printed ones, the mixed partials of
 * {@code autodiff_mixed_partials.cpp} its 50-digit table.
 */
final class BoostMathFunctions {
    private BoostMathFunctions() {}

    private static Ported of(String file, int line, String method, String body, Object[]... points) {
        return Ported.of("boost", "boostorg/math", file, line, method, body, points);
    }

    private static final String T1 = "test/test_autodiff_1.cpp";
    private static final String T2 = "test/test_autodiff_2.cpp";
    private static final String T3 = "test/test_autodiff_3.cpp";
    private static final String T8 = "test/test_autodiff_8.cpp";

    /** The call at the example's point: S = 105, σ = 5, τ = 30/365, r = 1.25%, K = 100. */
    static final Object[] BS = {105.0, 5.0, 30.0 / 365, 1.25 / 100};

    /** The mixed-partials example's point (w, x, y, z) = (11, 12, 13, 14). */
    static final Object[] MIXED = {11.0, 12.0, 13.0, 14.0};

    static List<Ported> all() {
        double r3 = Math.sqrt(3);
        double r2 = Math.sqrt(2);
        double third = Math.PI / 3;
        double eRootPi = Math.E * Math.sqrt(Math.PI);
        List<Ported> fns = new ArrayList<>(List.of(
                // x *= x three times: x^8; derivative(i) = 8!/(8-i)! 3^(8-i)
                of(T1, 347, "power8", """
                        @Differentiable
                        static double power8(double x) {
                            x *= x;
                            x *= x;
                            x *= x;
                            return x;
                        }
                        """, p(3.0), p(-0.7)).publishes(d(8 * Math.pow(3, 7)), 1e-15, 3.0),
                of(T1, 370, "power8Product", """
                        @Differentiable
                        static double power8Product(double x) {
                            return x * x * x * x * x * x * x * x;
                        }
                        """, p(3.0), p(-0.7)).publishes(d(8 * Math.pow(3, 7)), 1e-15, 3.0),
                of("example/autodiff_fourth_power.cpp", 8, "fourthPower", """
                        @Differentiable
                        static double fourthPower(double x) {
                            double x4 = x * x;
                            x4 *= x4;
                            return x4;
                        }
                        """, p(2.0), p(-1.3))
                        .publishes(d(32), 0, 2.0),
                of("example/autodiff_fourth_power.cpp", 8, "fourthPowerFloat", """
                        @Differentiable
                        static float fourthPowerFloat(float x) {
                            float x4 = x * x;
                            x4 *= x4;
                            return x4;
                        }
                        """, p(2.0f), p(-1.3f))
                        .publishes(d(32), 0, 2.0f),
                // y *= y0 with y, y0 the same variable: y², then y * cy
                of(T1, 377, "dim1Multiplication", """
                        @Differentiable
                        static double dim1Multiplication(double y0) {
                            double y = y0;
                            y *= y0;
                            y = y * 4;
                            return y;
                        }
                        """, p(4.0), p(-0.5)).publishes(d(32), 0, 4.0),
                of(T1, 448, "dim2Multiplication", """
                        @Differentiable
                        static double dim2Multiplication(double x, double y) {
                            return x * x * y * y * y;
                        }
                        """, p(6.0, 5.0), p(-0.4, 1.3))
                        .publishes(d(1500, 2700), 0, 6.0, 5.0),
                of(T1, 478, "dim2MultiplicationAndSubtraction", """
                        @Differentiable
                        static double dim2MultiplicationAndSubtraction(double x, double y) {
                            return x * x - y * y;
                        }
                        """, p(6.0, 5.0), p(-0.4, 1.3))
                        .publishes(d(12, -10), 0, 6.0, 5.0),
                of(T1, 501, "inverse", """
                        @Differentiable
                        static double inverse(double x) {
                            return 1 / x;
                        }
                        """, p(4.0), p(-0.3)).publishes(d(-1.0 / 16), 0, 4.0),
                of(T1, 519, "division", """
                        @Differentiable
                        static double division(double x, double y) {
                            return x * x / (y * y);
                        }
                        """, p(16.0, 4.0), p(-0.4, 1.3)).publishes(d(2, -8), 1e-15, 16.0, 4.0),
                of(T1, 560, "divisionByVariable", """
                        // z2 = cx / y2 and z3 = y / x, summed
                        @Differentiable
                        static double divisionByVariable(double x, double y) {
                            double z2 = 16 / y;
                            double z3 = y / x;
                            return z2 + z3;
                        }
                        """, p(16.0, 4.0), p(-0.4, 1.3))
                        .publishes(d(-4.0 / 256, -1 + 1.0 / 16), 1e-15, 16.0, 4.0),
                of(T1, 645, "fabs", """
                        // fabs(x), fabs(-x), fabs(xneg) summed; each term's sign its own
                        @Differentiable
                        static double fabs(double x, double xneg) {
                            return Math.abs(x) + Math.abs(-x) + 2 * Math.abs(xneg);
                        }
                        """, p(11.0, -11.0), p(-0.3, 0.7)).publishes(d(2, -2), 0, 11.0, -11.0),
                of(T1, 675, "ceilAndFloor", """
                        // ceil and floor are constant between integers: only x's own term is differentiated
                        @Differentiable
                        static double ceilAndFloor(double x) {
                            return x * Math.ceil(x) + Math.floor(x) * Math.floor(x) + x;
                        }
                        """, p(-1.5), p(0.25), p(1.5)).publishes(d(-1 + 1), 0, -1.5),
                of(T3, 171, "roundAndTrunc", """
                        // round(x) (C++ rounds half away from zero) and trunc(x) as (long) x: derivative 0
                        @Differentiable
                        static double roundAndTrunc(double x) {
                            double r = Math.signum(x) * Math.floor(Math.abs(x) + 0.5);
                            double t = (long) x;
                            return r * x + t;
                        }
                        """, p(3.25), p(-2.75)).publishes(d(3), 0, 3.25),
                // f *= f; f += 1; f = f.inverse(): 1 / (1 + x²)
                of(T2, 10, "oneOverOnePlusXSquared", """
                        @Differentiable
                        static double oneOverOnePlusXSquared(double f) {
                            f *= f;
                            f += 1;
                            f = 1 / f;
                            return f;
                        }
                        """, p(1.0), p(-2.5)).publishes(d(-0.5), 0, 1.0),
                of(T2, 25, "exp", """
                        @Differentiable
                        static double exp(double x) {
                            return Math.exp(x);
                        }
                        """, p(2.0), p(-0.5)).publishes(d(Math.exp(2)), 0, 2.0),
                of(T2, 100, "pow0", """
                        // pow(x, 3) + pow(x, 3.5) near and at x = 0 (the test's cx)
                        @Differentiable
                        static double pow0(double x) {
                            return Math.pow(x, 3) + Math.pow(x, 3.5);
                        }
                        """, p(0.5), p(1.7)).publishes(d(0), 0, 0.0),
                of(T2, 133, "pow2", """
                        @Differentiable
                        static double pow2(double x, double y) {
                            return Math.pow(x, y);
                        }
                        """, p(2.0, 2.5), p(0.7, -1.3))
                        .publishes(d(2.5 * Math.pow(2, 1.5), 4 * r2 * Math.log(2)), 1e-15, 2.0, 2.5),
                of(T2, 241, "sqrt", """
                        @Differentiable
                        static double sqrt(double x) {
                            return Math.sqrt(x);
                        }
                        """, p(4.0), p(0.3)).publishes(d(0.25), 0, 4.0),
                of(T2, 272, "log", """
                        @Differentiable
                        static double log(double x) {
                            return Math.log(x);
                        }
                        """, p(2.0), p(0.3)).publishes(d(0.5), 0, 2.0),
                // z = y log x; z1 = exp(z) (x^y, Wolfram-checked in the test)
                of(T2, 301, "ylogx", """
                        @Differentiable
                        static double ylogx(double x, double y) {
                            double z = y * Math.log(x);
                            double z1 = Math.exp(z);
                            return z + z1;
                        }
                        """, p(2.0, 3.0), p(0.6, -1.2))
                        .publishes(d(1.5 + 12, Math.log(2) + 8 * Math.log(2)), 1e-14, 2.0, 3.0),
                of(T2, 368, "cosAndSin", """
                        @Differentiable
                        static double cosAndSin(double x) {
                            double cos5 = Math.cos(x);
                            double sin5 = Math.sin(x);
                            return cos5 + 2 * sin5;
                        }
                        """, p(third), p(-2.0))
                        .publishes(d(-Math.sin(third) + 2 * Math.cos(third)), 1e-15, third),
                of(T2, 396, "acos", """
                        @Differentiable
                        static double acos(double x) {
                            return Math.acos(x);
                        }
                        """, p(0.5), p(-0.8)).publishes(d(-1 / Math.sqrt(0.75)), 1e-15, 0.5),
                of(T2, 417, "acoshAt", """
                        static double acosh(double x) {
                            return Math.log(x + Math.sqrt(x * x - 1));
                        }

                        @Differentiable
                        static double acoshAt(double x) {
                            return acosh(x);
                        }
                        """, p(2.0), p(1.3)).publishes(d(1 / r3), 1e-15, 2.0),
                of(T2, 440, "asin", """
                        @Differentiable
                        static double asin(double x) {
                            return Math.asin(x);
                        }
                        """, p(0.5), p(-0.8)).publishes(d(1 / Math.sqrt(0.75)), 1e-15, 0.5),
                // y = 1 - x*x; y = sqrt(y); y = y.inverse(): asin'(x), differentiated once more
                of(T2, 473, "asinDerivative", """
                        @Differentiable
                        static double asinDerivative(double x) {
                            double y = 1 - x * x;
                            y = Math.sqrt(y);
                            y = 1 / y;
                            return y;
                        }
                        """, p(0.5), p(-0.8)).publishes(d(0.5 / Math.pow(0.75, 1.5)), 1e-15, 0.5),
                of(T2, 505, "asinhAt", """
                        static double asinh(double x) {
                            return Math.log(x + Math.sqrt(x * x + 1));
                        }

                        @Differentiable
                        static double asinhAt(double x) {
                            return asinh(x);
                        }
                        """, p(1.0), p(-0.6)).publishes(d(1 / r2), 1e-15, 1.0),
                of(T2, 536, "atan2", """
                        @Differentiable
                        static double atan2(double x, double y) {
                            return Math.atan2(x, y);
                        }
                        """, p(-1234.5, 876.25), p(1500.0, -20.0), p(3.0, -1999.0))
                        .publishes(
                                d(
                                        876.25 / (1234.5 * 1234.5 + 876.25 * 876.25),
                                        1234.5 / (1234.5 * 1234.5 + 876.25 * 876.25)),
                                1e-15,
                                -1234.5,
                                876.25),
                of(T3, 12, "atanhAt", """
                        static double atanh(double x) {
                            return 0.5 * Math.log((1 + x) / (1 - x));
                        }

                        @Differentiable
                        static double atanhAt(double x) {
                            return atanh(x);
                        }
                        """, p(0.5), p(-0.9)).publishes(d(4.0 / 3), 1e-15, 0.5),
                of(T3, 28, "atan", """
                        @Differentiable
                        static double atan(double x) {
                            return Math.atan(x);
                        }
                        """, p(1.0), p(-3.0)).publishes(d(0.5), 0, 1.0),
                of(T3, 45, "erfAt", """
                        // erf(x) = 2/√π Σ (-1)^n x^(2n+1) / (n! (2n+1)), 40 terms
                        static double erf(double x) {
                            double term = x;
                            double sum = x;
                            for (int n = 1; n < 40; n++) {
                                term *= -x * x / n;
                                sum += term / (2 * n + 1);
                            }
                            return 2 / Math.sqrt(Math.PI) * sum;
                        }

                        @Differentiable
                        static double erfAt(double x) {
                            return erf(x);
                        }
                        """, p(1.0), p(-0.4), p(2.2)).publishes(d(2 / eRootPi), 1e-14, 1.0),
                of(T3, 73, "sinc", """
                        // sin(x)/x, and its Taylor polynomial where x is tiny (Boost's sinc_pi does the same)
                        @Differentiable
                        static double sinc(double x) {
                            if (Math.abs(x) < 1e-4) {
                                double x2 = x * x;
                                return 1 - x2 / 6 + x2 * x2 / 120;
                            }
                            return Math.sin(x) / x;
                        }
                        """, p(1.0), p(-2.0), p(0.0))
                        .publishes(d(Math.cos(1) - Math.sin(1)), 1e-15, 1.0)
                        .publishes(d(0), 0, 0.0),
                of(T3, 101, "sinhAndCosh", """
                        @Differentiable
                        static double sinhAndCosh(double x) {
                            double s = Math.sinh(x);
                            double c = Math.cosh(x);
                            return s * c;
                        }
                        """, p(1.0), p(-0.4)).publishes(d(Math.cosh(2)), 1e-15, 1.0),
                of(T3, 118, "tanh", """
                        @Differentiable
                        static double tanh(double x) {
                            return Math.tanh(x);
                        }
                        """, p(1.0), p(-0.4))
                        .publishes(d(0.4199743416140260693944967390417014449171867282307709547), 1e-15, 1.0),
                of(T3, 142, "tan", """
                        @Differentiable
                        static double tan(double x) {
                            return Math.tan(x);
                        }
                        """, p(third), p(-0.4)).publishes(d(4), 1e-14, third),
                of(T3, 158, "fmod", """
                        @Differentiable
                        static double fmod(double x, double y) {
                            return x % y;
                        }
                        """, p(3.25, 0.5), p(-7.3, 2.0)).publishes(d(1, -6), 0, 3.25, 0.5),
                of(T8, 42, "hypot", """
                        @Differentiable
                        static double hypot(double x, double y) {
                            return Math.hypot(x, y);
                        }
                        """, p(-1234.5, 876.25), p(3.0, -1999.0))
                        .publishes(
                                d(-1234.5 / Math.hypot(1234.5, 876.25), 876.25 / Math.hypot(1234.5, 876.25)),
                                1e-15,
                                -1234.5,
                                876.25),
                of(T8, 217, "log1pExpm1Cbrt", """
                        // log1p_hpp, expm1_hpp (test_autodiff_7.cpp), cbrt_hpp (test_autodiff_5.cpp)
                        @Differentiable
                        static double log1pExpm1Cbrt(double x) {
                            return Math.log1p(x) + Math.expm1(x) + Math.cbrt(x);
                        }
                        """, p(0.5), p(-0.3), p(8.0))
                        .publishes(d(1 / 9.0 + Math.exp(8) + 1 / 12.0), 1e-15, 8.0)));
        fns.addAll(examples());
        return fns;
    }

    private static List<Ported> examples() {
        String bs = """
                enum CP { CALL, PUT }

                static double phi(double x) {
                    return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
                }

                // erfc(x) = 1 - erf(x), erf as its Maclaurin series (|x| < 1 here)
                static double erfc(double x) {
                    double term = x;
                    double sum = x;
                    for (int n = 1; n < 40; n++) {
                        term *= -x * x / n;
                        sum += term / (2 * n + 1);
                    }
                    return 1 - 2 / Math.sqrt(Math.PI) * sum;
                }

                static double Phi(double x) {
                    return 0.5 * erfc(-x / Math.sqrt(2));
                }

                static double blackScholesOptionPrice(CP cp, double K, double S, double sigma, double tau, double r) {
                    double d1 = (Math.log(S / K) + (r + sigma * sigma / 2) * tau) / (sigma * Math.sqrt(tau));
                    double d2 = (Math.log(S / K) + (r - sigma * sigma / 2) * tau) / (sigma * Math.sqrt(tau));
                    switch (cp) {
                        case CALL:
                            return S * Phi(d1) - Math.exp(-r * tau) * K * Phi(d2);
                        case PUT:
                            return Math.exp(-r * tau) * K * Phi(-d2) - S * Phi(-d1);
                        default:
                            throw new IllegalArgumentException("Invalid CP value.");
                    }
                }
                """;
        Object[] near = {98.0, 0.3, 0.5, 0.04};
        return List.of(
                of("example/autodiff_black_scholes.cpp", 31, "call", bs + """

                        @Differentiable
                        static double call(double S, double sigma, double tau, double r) {
                            return blackScholesOptionPrice(CP.CALL, 100.0, S, sigma, tau, r);
                        }
                        """, BS, near)
                        .publishes(
                                d(0.773818444921273, 9.05493427705736, 275.73013426444, 2.03320550539396), 1e-13, BS),
                of("example/autodiff_black_scholes.cpp", 31, "put", bs + """

                        @Differentiable
                        static double put(double S, double sigma, double tau, double r) {
                            return blackScholesOptionPrice(CP.PUT, 100.0, S, sigma, tau, r);
                        }
                        """, BS, near)
                        .publishes(
                                d(-0.226181555078726, 9.05493427705736, 274.481417851526, -6.17753255212599),
                                1e-13,
                                BS),
                of("example/autodiff_mixed_partials.cpp", 13, "mixed", """
                        @Differentiable
                        static double mixed(double w, double x, double y, double z) {
                            return Math.exp(w * Math.sin(x * Math.log(y) / z) + Math.sqrt(w * z / (x * y)))
                                    + w * w / Math.tan(z);
                        }
                        """, MIXED, p(0.7, 1.1, 2.5, 0.9))
                        .publishes(
                                d(
                                        16975.34005365179555,
                                        -24330.89613849389343,
                                        -9219.318005237072130,
                                        20731.74838274939517),
                                1e-13,
                                MIXED));
    }

    /** The second derivatives the tests and examples assert, as Hessian columns. */
    static Map<String, List<HvpChecks.Published>> hessians() {
        Map<String, List<HvpChecks.Published>> m = new HashMap<>();
        double third = Math.PI / 3;
        double eRootPi = Math.E * Math.sqrt(Math.PI);
        one(m, "test_autodiff_1.power8", 56 * Math.pow(3, 6), 3.0);
        one(m, "test_autodiff_1.power8Product", 56 * Math.pow(3, 6), 3.0);
        one(m, "autodiff_fourth_power.fourthPower", 48, 2.0);
        one(m, "test_autodiff_1.dim1Multiplication", 8, 4.0);
        two(m, "test_autodiff_1.dim2Multiplication", d(250, 900), d(900, 6 * 36 * 5), 6.0, 5.0);
        two(m, "test_autodiff_1.dim2MultiplicationAndSubtraction", d(2, 0), d(0, -2), 6.0, 5.0);
        one(m, "test_autodiff_1.inverse", 2.0 / 64, 4.0);
        two(m, "test_autodiff_1.division", d(2.0 / 16, -4 * 16 / 64.0), d(-4 * 16 / 64.0, 256 * 6 / 256.0), 16.0, 4.0);
        one(m, "test_autodiff_2.oneOverOnePlusXSquared", 0.5, 1.0);
        one(m, "test_autodiff_2.exp", Math.exp(2), 2.0);
        one(m, "test_autodiff_2.pow0", 0, 0.0);
        one(m, "test_autodiff_2.sqrt", -0.25 * Math.pow(4, -1.5), 4.0);
        one(m, "test_autodiff_2.log", -0.25, 2.0);
        one(m, "test_autodiff_2.acos", -0.5 / Math.pow(0.75, 1.5), 0.5);
        one(m, "test_autodiff_2.acoshAt", -2 / (3 * Math.sqrt(3)), 2.0);
        one(m, "test_autodiff_2.asin", 0.5 / Math.pow(0.75, 1.5), 0.5);
        one(m, "test_autodiff_2.asinDerivative", 1.5 / Math.pow(0.75, 2.5), 0.5);
        one(m, "test_autodiff_2.asinhAt", -1 / (2 * Math.sqrt(2)), 1.0);
        one(m, "test_autodiff_2.cosAndSin", -Math.cos(third) - 2 * Math.sin(third), third);
        one(m, "test_autodiff_3.atanhAt", 16.0 / 9, 0.5);
        one(m, "test_autodiff_3.atan", -0.5, 1.0);
        one(m, "test_autodiff_3.erfAt", -4 / eRootPi, 1.0);
        one(m, "test_autodiff_3.sinc", Math.sin(1) - 2 * Math.cos(1), 1.0);
        one(m, "test_autodiff_3.sinc", -1.0 / 3, 0.0);
        one(m, "test_autodiff_3.tanh", -0.6397000084492245001884917693038439532192113630607991, 1.0);
        one(m, "test_autodiff_3.tan", 8 * Math.sqrt(3), third);
        // ylogx: ∂²/∂x² (y log x + x^y) = -y/x² + y(y-1)x^(y-2), ∂²/∂x∂y = 1/x + x^(y-1)(1 + y log x)
        double l2 = Math.log(2);
        two(
                m,
                "test_autodiff_2.ylogx",
                d(-0.75 + 6 * 2, 0.5 + 4 * (1 + 3 * l2)),
                d(0.5 + 4 * (1 + 3 * l2), 8 * l2 * l2),
                2.0,
                3.0);
        blackScholes(m);
        // the 50-digit table at indices ((iw·3 + ix)·5 + iy)·4 + iz
        put(
                m,
                "autodiff_mixed_partials.mixed",
                d(1, 0, 0, 0),
                d(14462.74423518633102580, -22965.85985843951977786, -8681.748539789720512500, 19662.60356303341709846),
                1e-13,
                MIXED);
        put(
                m,
                "autodiff_mixed_partials.mixed",
                d(0, 0, 0, 1),
                d(19662.60356303341709846, -18810.41605175626752066, -7272.300634012811783846, 14667.60767623939014840),
                1e-13,
                MIXED);
        put(
                m,
                "autodiff_mixed_partials.mixed",
                d(0, 1, 0, 0),
                d(-22965.85985843951977786, 23973.06007192346989338, 8484.350739681613747820, -18810.41605175626752066),
                1e-13,
                MIXED);
        put(
                m,
                "autodiff_mixed_partials.mixed",
                d(0, 0, 1, 0),
                d(-8681.748539789720512500, 8484.350739681613747820, 4249.026762908615627428, -7272.300634012811783846),
                1e-13,
                MIXED);
        return m;
    }

    /**
     * The example's second-order Greeks: H·e_S = (gamma, vanna, -charm, ∂²V/∂S∂r) and H·e_σ = (vanna, vomma, veta,
     * ∂²V/∂σ∂r), the same for call and put; the two r entries (not printed) from ∂ρ/∂S = √τ φ(d1)/σ and ∂ρ/∂σ =
     * -S τ φ(d1) d1/σ (with K e^(-rτ) φ(d2) = S φ(d1)).
     */
    private static void blackScholes(Map<String, List<HvpChecks.Published>> m) {
        double s = 105, sigma = 5, tau = 30.0 / 365, r = 0.0125, k = 100;
        double d1 = (Math.log(s / k) + (r + sigma * sigma / 2) * tau) / (sigma * Math.sqrt(tau));
        double phi = Math.exp(-0.5 * d1 * d1) / Math.sqrt(2 * Math.PI);
        double sr = Math.sqrt(tau) * phi / sigma;
        double sigmaR = -s * tau * phi * d1 / sigma;
        for (String id : List.of("autodiff_black_scholes.call", "autodiff_black_scholes.put")) {
            put(m, id, d(1, 0, 0, 0), d(0.00199851912993254, 0.0410279463126531, 1.2505564233679, sr), 1e-12, BS);
            put(m, id, d(0, 1, 0, 0), d(0.0410279463126531, -0.928114149313108, 26.7947073115641, sigmaR), 1e-12, BS);
        }
    }

    private static void one(Map<String, List<HvpChecks.Published>> m, String id, double second, double x) {
        put(m, id, d(1), d(second), 1e-14, new Object[] {x});
    }

    private static void two(
            Map<String, List<HvpChecks.Published>> m, String id, double[] colX, double[] colY, double x, double y) {
        put(m, id, d(1, 0), colX, 1e-14, new Object[] {x, y});
        put(m, id, d(0, 1), colY, 1e-14, new Object[] {x, y});
    }

    private static void put(
            Map<String, List<HvpChecks.Published>> m,
            String id,
            double[] direction,
            double[] hv,
            double tolerance,
            Object[] args) {
        m.computeIfAbsent("boost." + id, k -> new ArrayList<>())
                .add(new HvpChecks.Published(direction, hv, tolerance, args));
    }
}
