package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.f;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.List;

/**
 * Enzyme.jl's {@code test/basic.jl} (github.com/EnzymeAD/Enzyme.jl at 481fb6f), in Java from its math, each with the
 * derivative the test asserts published: the simple tests ({@code tanh} at 1 in double and float, {@code log2},
 * {@code log1p}, {@code log10}, {@code acos}, {@code atan}, {@code atan(0.9, 3.4)}), the dot products {@code
 * mapreduce(x -> x * x, +, y)} in double and float, "Compare against" ({@code asin(0.2 + sin(x))}, {@code a * √c}
 * with {@code c} constant), {@code sincos}, the boxed float, Bessel's series summed until a term is below a
 * tolerance, the "Base functions" ({@code prod(ntuple)}, {@code unique}, {@code reduce(*)}, {@code accumulate},
 * {@code inv ∘ abs}, {@code count}, a list built by {@code push!}, {@code hypot}, {@code LinRange}, a {@code Dict}
 * lookup as a {@code switch}, {@code muladd}, {@code cmp}, {@code argmax}, {@code evalpoly}, {@code copysign},
 * {@code ifelse}, a named tuple as a record, {@code fill}, {@code circshift}, {@code repeat}, {@code trues},
 * {@code Set}, {@code reverse}), the Taylor series of {@code -log(1 - x)} (10⁷ terms there, 10⁵ here) and the
 * statistics ({@code var}, {@code std}, {@code cor}, {@code cov}, {@code median} by a hand-written sort,
 * {@code middle}, {@code quantile}).
 */
final class EnzymeJlFunctions {
    private EnzymeJlFunctions() {}

    private static Ported ez(int line, String method, String body, double gradient, Object... at) {
        return ezTol(line, method, body, gradient, 1e-12, at);
    }

    private static Ported ezTol(int line, String method, String body, double gradient, double tolerance, Object... at) {
        return Ported.of("enzymejl", "EnzymeAD/Enzyme.jl", "test/basic.jl", line, method, body, at)
                .publishes(d(gradient), tolerance, at);
    }

    static List<Ported> all() {
        double atanDen = 0.9 * 0.9 + 3.4 * 3.4;
        return List.of(
                ez(16, "tanhAt", """
                        @Differentiable
                        static double tanhAt(double x) {
                            return Math.tanh(x);
                        }
                        """, 0.41997434161402606939, 1.0),
                Ported.of("enzymejl", "EnzymeAD/Enzyme.jl", "test/basic.jl", 18, "tanhFloat", """
                        @Differentiable
                        static float tanhFloat(float x) {
                            return (float) Math.tanh(x);
                        }
                        """, p(1.0f))
                        .publishes(d(0.41997434161402606939f), 1e-6, 1.0f),
                ez(42, "log2", """
                        @Differentiable
                        static double log2(double x) {
                            return Math.log(x) / Math.log(2);
                        }
                        """, 1 / Math.log(2), 1.0),
                ez(43, "log1p", """
                        @Differentiable
                        static double log1p(double x) {
                            return Math.log1p(x);
                        }
                        """, 0.5, 1.0),
                ez(45, "log10", """
                        @Differentiable
                        static double log10(double x) {
                            return Math.log10(x);
                        }
                        """, 1 / Math.log(10), 1.0),
                ez(46, "acos", """
                        @Differentiable
                        static double acos(double x) {
                            return Math.acos(x);
                        }
                        """, -1 / Math.sqrt(1 - 0.81), 0.9),
                Ported.of("enzymejl", "EnzymeAD/Enzyme.jl", "test/basic.jl", 50, "atan2", """
                        @Differentiable
                        static double atan2(double y, double x) {
                            return Math.atan2(y, x);
                        }
                        """, p(0.9, 3.4))
                        .publishes(d(3.4 / atanDen, -0.9 / atanDen), 1e-12, 0.9, 3.4),
                Ported.of(
                                "enzymejl",
                                "EnzymeAD/Enzyme.jl",
                                "test/basic.jl",
                                296,
                                "mapreduceSquares",
                                """
                        // mapreduce(x -> x * x, +, y): the gradient is exactly 2x
                        @Differentiable
                        static double mapreduceSquares(double[] y) {
                            double s = 0;
                            for (double v : y) s += v * v;
                            return s;
                        }
                        """,
                                p(d(0.25, 0.5, 0.75)))
                        .publishes(d(0.5, 1.0, 1.5), 0, d(0.25, 0.5, 0.75)),
                Ported.of(
                                "enzymejl",
                                "EnzymeAD/Enzyme.jl",
                                "test/basic.jl",
                                301,
                                "dotSelfFloat",
                                """
                        // sum(x .* x) in Float32
                        @Differentiable
                        static float dotSelfFloat(float[] x) {
                            float s = 0;
                            for (int i = 0; i < x.length; i++) s += x[i] * x[i];
                            return s;
                        }
                        """,
                                p(f(0.25f, 0.5f, 0.75f)))
                        .publishes(d(0.5, 1.0, 1.5), 0, f(0.25f, 0.5f, 0.75f)),
                ez(
                        326,
                        "asinOfSin",
                        """
                        // foo(x) = asin(0.2 + sin(x))
                        @Differentiable
                        static double asinOfSin(double x) {
                            double a = Math.sin(x);
                            double b = 0.2 + a;
                            return Math.asin(b);
                        }
                        """,
                        Math.cos(3.0) / Math.sqrt(1 - (0.2 + Math.sin(3.0)) * (0.2 + Math.sin(3.0))),
                        3.0),
                Ported.of("enzymejl", "EnzymeAD/Enzyme.jl", "test/basic.jl", 348, "f74", """
                        // f74(a, c) = a * √c, c Const
                        @Differentiable(wrt = "a")
                        static double f74(double a, double c) {
                            return a * Math.sqrt(c);
                        }
                        """, p(2.0, 3.0))
                        .publishes(d(Math.sqrt(3)), 1e-15, 2.0, 3.0),
                ez(354, "sumsincos", """
                        @Differentiable
                        static double sumsincos(double theta) {
                            double a = Math.sin(theta), b = Math.cos(theta);
                            return a + b;
                        }
                        """, Math.cos(1.0) - Math.sin(1.0), 1.0),
                ez(362, "boxfloat", """
                        @Differentiable
                        static double boxfloat(double x) {
                            Double boxed = x;
                            return Math.sin(boxed) + boxed;
                        }
                        """, 0.5838531634528576, 2.0).rejected("local 'boxed' of type Double"),
                ezTol(376, "besselj1", """
                        // mybesselj(ν, z): the series summed while |term| > atol; J1' = J0 - J1 at 1 (to the series' 1e-8)
                        static double mybesselj(int nu, double z, double atol) {
                            int k = 0;
                            double fact = 1;
                            for (int i = 2; i <= nu; i++) fact *= i;
                            double s = Math.pow(z / 2, nu) / fact;
                            double out = s;
                            while (Math.abs(s) > atol) {
                                k += 1;
                                s *= (-1.0) / k / (k + nu) * (z / 2) * (z / 2);
                                out += s;
                            }
                            return out;
                        }

                        @Differentiable
                        static double besselj1(double z) {
                            return mybesselj(1, z, 1e-8);
                        }
                        """, 0.32514710081303305, 1e-7, 1.0),
                ez(402, "prodNtuple", """
                        // prod(ntuple(i -> i * x, 3)) = 6 x^3
                        @Differentiable
                        static double prodNtuple(double x) {
                            double p = 1;
                            for (int i = 1; i <= 3; i++) p *= i * x;
                            return p;
                        }
                        """, 72, 2.0),
                ez(410, "uniqueSum", """
                        // x * sum(unique([x, 2.0, 2.0, 3.0]))
                        @Differentiable
                        static double uniqueSum(double x) {
                            double[] v = {x, 2.0, 2.0, 3.0};
                            double s = 0;
                            for (int i = 0; i < v.length; i++) {
                                boolean seen = false;
                                for (int j = 0; j < i; j++) if (v[j] == v[i]) seen = true;
                                if (!seen) s += v[i];
                            }
                            return x * s;
                        }
                        """, 7, 1.0),
                ez(415, "reduceProduct", """
                        // reduce(*, [1.0, x, x, 3.0])
                        @Differentiable
                        static double reduceProduct(double x) {
                            double[] v = {1.0, x, x, 3.0};
                            double p = v[0];
                            for (int i = 1; i < v.length; i++) p = p * v[i];
                            return p;
                        }
                        """, 12, 2.0),
                ez(420, "accumulateSum", """
                        // sum(accumulate(+, [1.0, x, x, 3.0]))
                        @Differentiable
                        static double accumulateSum(double x) {
                            double[] v = {1.0, x, x, 3.0};
                            for (int i = 1; i < v.length; i++) v[i] += v[i - 1];
                            double s = 0;
                            for (double a : v) s += a;
                            return s;
                        }
                        """, 5, 2.0),
                ez(428, "invAbs", """
                        // (inv ∘ abs)(x)
                        @Differentiable
                        static double invAbs(double x) {
                            return 1 / Math.abs(x);
                        }
                        """, 0.25, -2.0),
                ez(432, "countAbove", """
                        // x * count(i -> i > 1, [0.5, x, 1.5])
                        @Differentiable
                        static double countAbove(double x) {
                            int n = 0;
                            for (double v : new double[] {0.5, x, 1.5}) if (v > 1) n++;
                            return x * n;
                        }
                        """, 2, 2.0),
                ez(437, "pushedSquares", """
                        // y = []; foreach(i -> push!(y, i^2), [1.0, x, x]); sum(y)
                        @Differentiable
                        static double pushedSquares(double x) {
                            double[] y = new double[3];
                            int n = 0;
                            for (double i : new double[] {1.0, x, x}) y[n++] = Math.pow(i, 2);
                            double s = 0;
                            for (int k = 0; k < n; k++) s += y[k];
                            return s;
                        }
                        """, 8, 2.0),
                ez(446, "hypotTwice", """
                        @Differentiable
                        static double hypotTwice(double x) {
                            return Math.hypot(x, 2 * x);
                        }
                        """, Math.sqrt(5), 2.0),
                ez(450, "linRange", """
                        // x * sum(LinRange(x, 10.0, 6))
                        @Differentiable
                        static double linRange(double x) {
                            double s = 0;
                            for (int i = 0; i < 6; i++) s += x + (10.0 - x) * i / 5;
                            return x * s;
                        }
                        """, 42, 2.0),
                Ported.of(
                                "enzymejl",
                                "EnzymeAD/Enzyme.jl",
                                "test/basic.jl",
                                454,
                                "dictGet",
                                """
                        // get(Dict(1 => 1.0, 2 => x, 3 => 3.0), k, 1.0)
                        @Differentiable(wrt = "x")
                        static double dictGet(double x, int k) {
                            return switch (k) {
                                case 1 -> 1.0;
                                case 2 -> x;
                                case 3 -> 3.0;
                                default -> 1.0;
                            };
                        }
                        """,
                                p(2.0, 2),
                                p(2.0, 3),
                                p(2.0, 4))
                        .publishes(d(1), 0, 2.0, 2)
                        .publishes(d(0), 0, 2.0, 4),
                ez(462, "muladd", """
                        @Differentiable
                        static double muladd(double x) {
                            return Math.fma(x, 3, x);
                        }
                        """, 4, 2.0),
                ez(466, "cmpTimes", """
                        // x * cmp(x, 3)
                        @Differentiable
                        static double cmpTimes(double x) {
                            int c = x < 3 ? -1 : x > 3 ? 1 : 0;
                            return x * c;
                        }
                        """, -1, 2.0),
                ez(470, "argmaxTimes", """
                        // x * argmax([1.0, 3.0, 2.0]) (one-based)
                        static final double[] V = {1.0, 3.0, 2.0};

                        @Differentiable
                        static double argmaxTimes(double x) {
                            int best = 0;
                            for (int i = 1; i < V.length; i++) if (V[i] > V[best]) best = i;
                            return x * (best + 1);
                        }
                        """, 2, 3.0),
                ez(474, "evalpoly", """
                        // evalpoly(2, (1, 2, x)) by Horner
                        @Differentiable
                        static double evalpoly(double x) {
                            double[] c = {1, 2, x};
                            double r = c[c.length - 1];
                            for (int i = c.length - 2; i >= 0; i--) r = r * 2 + c[i];
                            return r;
                        }
                        """, 4, 3.0),
                ez(486, "copysignNeg", """
                        @Differentiable
                        static double copysignNeg(double x) {
                            return Math.copySign(x, -x);
                        }
                        """, -1, 2.0),
                ez(490, "ifelseSum", """
                        // sum([ifelse(i > 5, i, zero(i)) for i in [x, 2x, 3x, 4x]])
                        @Differentiable
                        static double ifelseSum(double x) {
                            double s = 0;
                            for (int k = 1; k <= 4; k++) {
                                double i = k * x;
                                s += i > 5 ? i : 0.0;
                            }
                            return s;
                        }
                        """, 7, 2.0),
                ez(494, "namedTuple", """
                        // nt = (a = x, b = 2x, c = 3x); nt.c
                        record Nt(double a, double b, double c) {}

                        @Differentiable
                        static double namedTuple(double x) {
                            Nt nt = new Nt(x, 2 * x, 3 * x);
                            return nt.c();
                        }
                        """, 3, 2.0),
                ez(505, "filledSum", """
                        // a = similar(rand(3, 3)); fill!(a, x); sum(a)
                        @Differentiable
                        static double filledSum(double x) {
                            double[][] a = new double[3][3];
                            for (double[] row : a) Arrays.fill(row, x);
                            double s = 0;
                            for (double[] row : a) for (double v : row) s += v;
                            return s;
                        }
                        """, 9, 2.0),
                ez(534, "circshiftLast", """
                        // circshift([1.0, 2x, 3.0], 1)[end]
                        @Differentiable
                        static double circshiftLast(double x) {
                            double[] v = {1.0, 2 * x, 3.0};
                            double[] r = new double[v.length];
                            for (int i = 0; i < v.length; i++) r[(i + 1) % v.length] = v[i];
                            return r[r.length - 1];
                        }
                        """, 2, 2.0),
                ez(538, "repeatAt", """
                        // repeat([x 3x], 3)[2, 2]
                        @Differentiable
                        static double repeatAt(double x) {
                            double[] row = {x, 3 * x};
                            double[][] m = new double[3][2];
                            for (int i = 0; i < 3; i++) System.arraycopy(row, 0, m[i], 0, 2);
                            return m[1][1];
                        }
                        """, 3, 2.0),
                ez(555, "reverseFirst", """
                        // reverse([x 2.0 3x])[1]
                        @Differentiable
                        static double reverseFirst(double x) {
                            double[] v = {x, 2.0, 3 * x};
                            for (int i = 0, j = v.length - 1; i < j; i++, j--) {
                                double t = v[i];
                                v[i] = v[j];
                                v[j] = t;
                            }
                            return v[0];
                        }
                        """, 3, 2.0),
                ez(564, "euroad", """
                        // euroad(f) = sum over i of f^i / i, -log(1 - f); 10^5 terms here (10^7 there)
                        @Differentiable
                        static double euroad(double f) {
                            double g = 0;
                            for (int i = 1; i <= 100000; i++) g += Math.pow(f, i) / i;
                            return g;
                        }
                        """, 2.0, 0.5),
                ez(579, "variance", """
                        // var([x, 2.0, 3.0]) (corrected)
                        @Differentiable
                        static double variance(double x) {
                            double[] v = {x, 2.0, 3.0};
                            double mean = 0;
                            for (double a : v) mean += a / v.length;
                            double s = 0;
                            for (double a : v) s += (a - mean) * (a - mean);
                            return s / (v.length - 1);
                        }
                        """, -5.0 / 3, 0.0),
                ez(587, "stddev", """
                        // std([x, 2.0, 3.0])
                        @Differentiable
                        static double stddev(double x) {
                            double[] v = {x, 2.0, 3.0};
                            double mean = (v[0] + v[1] + v[2]) / 3;
                            double s = 0;
                            for (double a : v) s += (a - mean) * (a - mean);
                            return Math.sqrt(s / 2);
                        }
                        """, -10.0 / 3 / (4 * Math.sqrt(7.0 / 3)), 0.0),
                ez(595, "correlation", """
                        // cor([2.0, x, 1.0], [1.0, 2.0, 3.0])
                        @Differentiable
                        static double correlation(double x) {
                            double[] a = {2.0, x, 1.0};
                            double[] b = {1.0, 2.0, 3.0};
                            double ma = 0, mb = 0;
                            for (int i = 0; i < 3; i++) {
                                ma += a[i] / 3;
                                mb += b[i] / 3;
                            }
                            double sab = 0, saa = 0, sbb = 0;
                            for (int i = 0; i < 3; i++) {
                                sab += (a[i] - ma) * (b[i] - mb);
                                saa += (a[i] - ma) * (a[i] - ma);
                                sbb += (b[i] - mb) * (b[i] - mb);
                            }
                            return sab / Math.sqrt(saa * sbb);
                        }
                        """, 0.11690244119785308, 4.0),
                Ported.of("enzymejl", "EnzymeAD/Enzyme.jl", "test/basic.jl", 603, "median", """
                        // median([2.0, 1.0, x]) by an insertion sort
                        @Differentiable
                        static double median(double x) {
                            double[] v = {2.0, 1.0, x};
                            for (int i = 1; i < v.length; i++) {
                                for (int j = i; j > 0 && v[j - 1] > v[j]; j--) {
                                    double t = v[j];
                                    v[j] = v[j - 1];
                                    v[j - 1] = t;
                                }
                            }
                            return v[v.length / 2];
                        }
                        """, p(1.5), p(2.5), p(0.5))
                        .publishes(d(1), 0, 1.5)
                        .publishes(d(0), 0, 2.5),
                Ported.of("enzymejl", "EnzymeAD/Enzyme.jl", "test/basic.jl", 609, "middle", """
                        // middle([2.0, x, 1.0]) = (max + min) / 2
                        @Differentiable
                        static double middle(double x) {
                            double[] v = {2.0, x, 1.0};
                            double lo = v[0], hi = v[0];
                            for (double a : v) {
                                lo = Math.min(lo, a);
                                hi = Math.max(hi, a);
                            }
                            return (lo + hi) / 2;
                        }
                        """, p(2.5), p(1.5))
                        .publishes(d(0.5), 0, 2.5)
                        .publishes(d(0), 0, 1.5),
                ez(615, "quantiles", """
                        // sum(quantile([1.0, x], [0.5, 0.7])), linear interpolation between the sorted values
                        @Differentiable
                        static double quantiles(double x) {
                            double lo = Math.min(1.0, x), hi = Math.max(1.0, x);
                            double s = 0;
                            for (double p : new double[] {0.5, 0.7}) s += lo + p * (hi - lo);
                            return s;
                        }
                        """, 1.2, 2.0));
    }
}
