package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Haskell {@code ad}'s regression tests ({@code tests/Regression.hs}, {@code tests/AdditionalTests.hs},
 * github.com/ekmett/ad) and its Black–Scholes benchmark ({@code bench/BlackScholes.hs}), written in Java: the
 * functions its {@code diff}, {@code grad}, {@code jacobian} and {@code hessian} checks differentiate, with what they
 * expect published (at finite points: the values at which {@code ad} expects infinities and NaNs are checked by
 * {@code XadKotlingradAdSuiteTest#haskellAdInfinitiesAndNaNs}); its {@code log1pexp} and {@code log1mexp} written
 * with the branches of Haskell's {@code base}; Black–Scholes' put and call as an array result (the benchmark's
 * {@code d2 = d1 - v t} kept), {@code normcdf} through an {@code erf} series, in double and in float.
 */
final class HaskellAdFunctions {
    private HaskellAdFunctions() {}

    private static final List<Ported> FNS = new ArrayList<>();
    private static final Map<String, List<HvpChecks.Published>> HESSIANS = new HashMap<>();

    static List<Ported> all() {
        return List.copyOf(FNS);
    }

    static Map<String, List<HvpChecks.Published>> hessians() {
        return Map.copyOf(HESSIANS);
    }

    private static final String R = "tests/Regression.hs";
    private static final String A = "tests/AdditionalTests.hs";

    private static String of(String file, String test, String method, String body, Object[]... points) {
        String stem = file.substring(file.lastIndexOf('/') + 1).replace(".hs", "");
        String id = "ad." + stem + "." + method;
        FNS.add(new Ported(id, "ekmett/ad " + file + ": " + test, method, body, List.of(points), List.of(), "static"));
        return id;
    }

    private static String expr(String file, String test, String method, String params, String e, Object[]... points) {
        return of(
                file,
                test,
                method,
                "@Differentiable\nstatic double " + method + "(" + params + ") {\n    return " + e + ";\n}\n",
                points);
    }

    private static void publish(String id, double[] gradient, double tolerance, Object... args) {
        for (int i = 0; i < FNS.size(); i++) {
            if (FNS.get(i).id().equals(id)) {
                FNS.set(i, FNS.get(i).publishes(gradient, tolerance, args));
            }
        }
    }

    private static void hessian(String id, double[][] columns, double tolerance, Object... args) {
        List<HvpChecks.Published> l = HESSIANS.computeIfAbsent(id, k -> new ArrayList<>());
        for (int k = 0; k < columns.length; k++) {
            double[] e = new double[columns.length];
            e[k] = 1;
            l.add(new HvpChecks.Published(e, columns[k], tolerance, args));
        }
    }

    static final String LOG1PEXP = """
            // Haskell base's log1pexp: log(1 + e^x) without overflow
            static double log1pexp(double x) {
                if (x <= 18) {
                    return Math.log1p(Math.exp(x));
                }
                if (x <= 100) {
                    return x + Math.exp(-x);
                }
                return x;
            }
            """;

    static final String LOG1MEXP = """
            // Haskell base's log1mexp: log(1 - e^x) for x <= 0, accurate near 0 and for large -x
            static double log1mexp(double x) {
                if (x > -Math.log(2)) {
                    return Math.log(-Math.expm1(x));
                }
                return Math.log1p(-Math.exp(x));
            }
            """;

    static {
        // Regression.hs basic: diff p at nine points, p x = 12 + 7x + 5x^2 + 2x^3
        String poly = expr(
                R,
                "basic diff",
                "p",
                "double x",
                "12 + 7 * x + 5 * Math.pow(x, 2) + 2 * Math.pow(x, 3)",
                p(-1.5),
                p(0.5));
        double[] xs = {-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2};
        double[] dp = {11, 5.5, 3, 3.5, 7, 13.5, 23, 35.5, 51};
        for (int i = 0; i < xs.length; i++) {
            publish(poly, d(dp[i]), 1e-15, xs[i]);
            hessian(poly, new double[][] {d(10 + 12 * xs[i])}, 1e-15, xs[i]);
        }
        String fns = expr(
                R,
                "basic diff",
                "elementary",
                "double x",
                "Math.sqrt(x) + Math.sin(x) + Math.cos(x) + Math.tan(x) + Math.abs(x) + Math.exp(x) + Math.log(x)",
                p(0.25),
                p(1.0),
                p(4.0));
        publish(
                fns,
                d(1 + Math.cos(0.25) - Math.sin(0.25) + 1 / Math.pow(Math.cos(0.25), 2) + 1 + Math.exp(0.25) + 4),
                1e-14,
                0.25);
        String f = expr(R, "basic grad, hessian", "f", "double x, double y, double z", "x * y + z", p(1.0, 2.0, 3.0));
        publish(f, d(2, 1, 1), 0, 1.0, 2.0, 3.0);
        hessian(f, new double[][] {d(0, 1, 0), d(1, 0, 0), d(0, 0, 0)}, 0, 1.0, 2.0, 3.0);
        String h = expr(R, "basic grad", "h", "double x, double y", "Math.sqrt(x * y)", p(2.0, 8.0), p(0.3, 1.7));
        publish(h, d(1, 0.25), 0, 2.0, 8.0);
        String power = expr(
                R, "basic grad, hessian", "power", "double x, double y", "Math.pow(x, y)", p(1.0, 2.0), p(1.7, 0.6));
        hessian(power, new double[][] {d(2, 1), d(1, 0)}, 0, 1.0, 2.0);
        String sum = expr(R, "basic hessian", "sumProduct", "double x, double y", "x + y + x * y", p(1.0, 2.0));
        hessian(sum, new double[][] {d(0, 1), d(1, 0)}, 0, 1.0, 2.0);
        String g = of(R, "basic jacobian", "g", """
                @Differentiable
                static double[] g(double x, double y) {
                    return new double[] {y, x, x * y};
                }
                """, p(2.0, 1.0));
        publish(g, d(0.75 + 1.0 * 1, 0.5 + 1.0 * 2), 0, 2.0, 1.0);
        String rep = of(R, "issue-97", "replicated", """
                // sum . replicate 5000: the variable added 5000 times
                @Differentiable
                static double replicated(double x) {
                    double s = 0;
                    for (int i = 0; i < 5000; i++) {
                        s += x;
                    }
                    return s;
                }
                """, p(0.0), p(1.3));
        publish(rep, d(5000), 0, 0.0);
        String inside = expr(R, "issue-104 inside", "inside", "double x, double y", "Math.sqrt(x * y)", p(1.0, 1.0));
        publish(inside, d(0.5, 0.5), 0, 1.0, 1.0);
        String outside = expr(
                R, "issue-104 outside", "outside", "double x, double y", "Math.sqrt(x) * Math.sqrt(y)", p(1.0, 1.0));
        publish(outside, d(0.5, 0.5), 0, 1.0, 1.0);
        // issue-108: diff' of log1p, expm1, log1pexp, log1mexp at the values the test lists
        String log1p = expr(R, "issue-108 log1p", "log1p", "double x", "Math.log1p(x)", p(0.3), p(-0.7));
        double[][] l1p = {
            {-1e-15, 1.000000000000001}, {-1e-20, 1}, {0, 1}, {1e-20, 1}, {1e-15, 0.9999999999999989}, {1, 0.5}
        };
        for (double[] v : l1p) {
            publish(log1p, d(v[1]), 1e-12, v[0]);
        }
        String expm1 = expr(R, "issue-108 expm1", "expm1", "double x", "Math.expm1(x)", p(0.3), p(-0.7));
        double[][] em1 = {
            {-1, 0.36787944117144233},
            {-1e-15, 0.999999999999999},
            {-1e-20, 1},
            {0, 1},
            {1e-20, 1},
            {1e-15, 1.000000000000001},
            {1, 2.718281828459045}
        };
        for (double[] v : em1) {
            publish(expm1, d(v[1]), 1e-12, v[0]);
        }
        String l1pe = of(R, "issue-108 log1pexp", "log1pexpDiff", LOG1PEXP + """

                @Differentiable
                static double log1pexpDiff(double x) {
                    return log1pexp(x);
                }
                """, p(-1.0), p(0.5), p(30.0), p(200.0));
        double[][] lpe = {
            {-1000, 0},
            {-100, 3.7200759760208356e-44},
            {-1, 0.2689414213699951},
            {0, 0.5},
            {1, 0.7310585786300049},
            {100, 1},
            {1000, 1}
        };
        for (double[] v : lpe) {
            publish(l1pe, d(v[1]), 1e-12, v[0]);
        }
        String l1me = of(R, "issue-108 log1mexp", "log1mexpDiff", LOG1MEXP + """

                @Differentiable
                static double log1mexpDiff(double x) {
                    return log1mexp(x);
                }
                """, p(-1.0), p(-0.3), p(-5.0));
        double[][] lme = {
            {-1000, -0.0},
            {-100, -3.7200759760208356e-44},
            {-1, -0.5819767068693265},
            {-0.5, -1.5414940825367982},
            {-0.1, -9.50833194477505},
            {-1e-15, -9.999999999999994e14},
            {-1e-20, -1e20}
        };
        for (double[] v : lme) {
            publish(l1me, d(v[1]), 1e-12, v[0]);
        }
        // AdditionalTests.hs
        String f2 = expr(A, "grad f2", "f2", "double x, double y", "x * x + y", p(1.0, 2.0));
        publish(f2, d(2, 1), 0, 1.0, 2.0);
        String g2 = of(A, "jacobian g2, jacobianT, duF", "g2", """
                @Differentiable
                static double[] g2(double x, double y) {
                    return new double[] {x + y, x * y};
                }
                """, p(1.0, 2.0));
        publish(g2, d(0.5 + 0.75 * 2, 0.5 + 0.75 * 1), 0, 1.0, 2.0);
        String cube = expr(A, "tower diffs", "cube", "double x", "x * x * x", p(2.0), p(-0.4));
        publish(cube, d(12), 0, 2.0);
        hessian(cube, new double[][] {d(12)}, 0, 2.0);
        String lin = of(A, "properties jacobian-linear", "linear", """
                @Differentiable
                static double[] linear(double a, double b) {
                    return new double[] {a + b, a - b, 3 * a + 2 * b};
                }
                """, p(-7.5, 3.25));
        publish(lin, d(0.5 + 0.75 + 3, 0.5 - 0.75 + 2), 0, -7.5, 3.25);
        // bench/BlackScholes.hs: put and call, double and float
        of(
                "bench/BlackScholes.hs",
                "blackScholes",
                "blackScholes",
                XadSources.ERF + """

                static double normcdf(double x) {
                    return 0.5 * (1 + erf(x / Math.sqrt(2)));
                }

                @Differentiable
                static double[] blackScholes(double r, double s, double v, double t, double k) {
                    double d1 = (Math.log(s / k) + (r + v * v / 2) * t) / (v * Math.sqrt(t));
                    double d2 = d1 - v * t;
                    double call = normcdf(-d2) * k * Math.exp(-r * t) - normcdf(-d1) * s;
                    double put = k * Math.exp(-r * t) - s + call;
                    return new double[] {put, call};
                }
                """,
                p(1.0, 1.0, 1.0, 1.0, 1.0),
                p(1.0, 2.0, 1.0, 2.0, 1.0),
                p(0.05, 1.1, 0.3, 0.7, 1.0));
        of(
                "bench/BlackScholes.hs",
                "blackScholes (Float)",
                "blackScholesFloat",
                """
                static float erf(float x) {
                    float term = x;
                    float sum = x;
                    for (int n = 1; n < 40; n++) {
                        term = -term * x * x / n;
                        sum += term / (2 * n + 1);
                    }
                    return (float) (2 / Math.sqrt(Math.PI)) * sum;
                }

                static float normcdf(float x) {
                    return 0.5f * (1 + erf(x / (float) Math.sqrt(2)));
                }

                @Differentiable
                static float[] blackScholesFloat(float r, float s, float v, float t, float k) {
                    float d1 = ((float) Math.log(s / k) + (r + v * v / 2) * t) / (v * (float) Math.sqrt(t));
                    float d2 = d1 - v * t;
                    float call = normcdf(-d2) * k * (float) Math.exp(-r * t) - normcdf(-d1) * s;
                    float put = k * (float) Math.exp(-r * t) - s + call;
                    return new float[] {put, call};
                }
                """,
                p(1.0f, 1.0f, 1.0f, 1.0f, 1.0f),
                p(0.05f, 1.1f, 0.3f, 0.7f, 1.0f));
    }
}
