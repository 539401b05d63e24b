package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.List;

/**
 * ChainRules.jl's rule tests ({@code test/rulesets/Base/*.jl}, {@code test/rulesets/LinearAlgebra/*.jl},
 * github.com/JuliaDiff/ChainRules.jl), written in Java from the functions they test: Julia's scalar functions as
 * {@code Math} calls or their formulas ({@code sec x} as {@code 1 / cos x}, {@code exp10} as {@code Math.pow(10, x)},
 * {@code mod} as {@code ((x % y) + y) % y}, {@code clamp} as {@code Math.max(lo, Math.min(x, hi))}), several rules
 * tested at one point gathered into one method returning {@code double[]} (each component's derivative then checked
 * through the Jacobian), and the array rules (reductions, accumulations, {@code evalpoly}, {@code dot},
 * {@code norm}, {@code det}, {@code inv}, triangular solves) as loops. The test points are the files'; the
 * published gradients are the rules' closed forms ({@link #sd}).
 */
final class ChainRulesFunctions {
    private ChainRulesFunctions() {}

    private static Ported cr(String file, int line, String method, String body, Object[]... points) {
        return Ported.of("chainrules", "JuliaDiff/ChainRules.jl", "test/rulesets/" + file, line, method, body, points);
    }

    /** {@code seedᵀ·J} for a function of one variable whose components have the derivatives {@code ds}. */
    static double[] sd(double... ds) {
        double s = 0;
        for (int i = 0; i < ds.length; i++) {
            s += (0.5 + 0.25 * i) * ds[i];
        }
        return d(s);
    }

    static final double PI_MINUS = Math.PI - 0.01;

    static List<Ported> all() {
        double x = PI_MINUS;
        double c = Math.cos(x);
        double s = Math.sin(x);
        double t = Math.tanh(x);
        return List.of(
                cr("Base/fastmath_able.jl", 58, "trig", """
                        // sin, cos, tan, sinh, cosh, tanh at the file's π - 0.01
                        @Differentiable
                        static double[] trig(double x) {
                            return new double[] {
                                Math.sin(x), Math.cos(x), Math.tan(x), Math.sinh(x), Math.cosh(x), Math.tanh(x)
                            };
                        }
                        """, p(PI_MINUS), p(0.3))
                        .publishes(sd(c, -s, 1 / (c * c), Math.cosh(x), Math.sinh(x), 1 - t * t), 1e-14, PI_MINUS),
                cr("Base/fastmath_able.jl", 68, "inverses", """
                        @Differentiable
                        static double[] inverses(double x) {
                            return new double[] {Math.asin(x), Math.acos(x), Math.atan(x)};
                        }
                        """, p(0.5), p(-0.3))
                        .publishes(sd(1 / Math.sqrt(0.75), -1 / Math.sqrt(0.75), 1 / 1.25), 1e-15, 0.5),
                cr("Base/fastmath_able.jl", 73, "sincos", """
                        @Differentiable
                        static double[] sincos(double x) {
                            return new double[] {Math.sin(x), Math.cos(x)};
                        }
                        """, p(0.7), p(-1.2)),
                cr("Base/fastmath_able.jl", 83, "exponents", """
                        // inv, exp, exp2, exp10, expm1, cbrt
                        @Differentiable
                        static double[] exponents(double x) {
                            return new double[] {
                                1 / x, Math.exp(x), Math.pow(2, x), Math.pow(10, x), Math.expm1(x), Math.cbrt(x)
                            };
                        }
                        """, p(-0.1), p(7.9))
                        .publishes(
                                sd(
                                        -100,
                                        Math.exp(-0.1),
                                        Math.pow(2, -0.1) * Math.log(2),
                                        Math.pow(10, -0.1) * Math.log(10),
                                        Math.exp(-0.1),
                                        1 / (3 * Math.cbrt(0.01))),
                                1e-13,
                                -0.1),
                cr("Base/fastmath_able.jl", 92, "logs", """
                        // sqrt, log, log2, log10, log1p where x >= 0
                        @Differentiable
                        static double[] logs(double x) {
                            return new double[] {
                                Math.sqrt(x), Math.log(x), Math.log(x) / Math.log(2), Math.log10(x), Math.log1p(x)
                            };
                        }
                        """, p(7.9), p(0.5))
                        .publishes(
                                sd(
                                        0.5 / Math.sqrt(7.9),
                                        1 / 7.9,
                                        1 / (7.9 * Math.log(2)),
                                        1 / (7.9 * Math.log(10)),
                                        1 / 8.9),
                                1e-15,
                                7.9),
                cr("Base/fastmath_able.jl", 133, "binary", """
                        // atan(x, y), rem, max, min, /, hypot at x = (k + 0.6 r + 0.2) y
                        @Differentiable
                        static double[] binary(double x, double y) {
                            return new double[] {
                                Math.atan2(x, y), x % y, Math.max(x, y), Math.min(x, y), x / y, Math.hypot(x, y)
                            };
                        }
                        """, p(5.3, 1.4), p(0.9, 1.7), p(-3.1, 1.2)),
                cr("Base/base.jl", 17, "copysign", """
                        @Differentiable
                        static double copysign(double y, double x) {
                            return Math.copySign(y, x);
                        }
                        """, p(-1.1, -1.1), p(0.1, -0.1), p(100.0, 33.0), p(-1.1, 33.0))
                        .publishes(d(1, 0), 0, -1.1, -1.1)
                        .publishes(d(-1, 0), 0, 0.1, -0.1),
                cr("Base/base.jl", 34, "reciprocalTrig", """
                        // sec, csc, cot, sech, csch, coth
                        @Differentiable
                        static double[] reciprocalTrig(double x) {
                            return new double[] {
                                1 / Math.cos(x), 1 / Math.sin(x), 1 / Math.tan(x),
                                1 / Math.cosh(x), 1 / Math.sinh(x), 1 / Math.tanh(x)
                            };
                        }
                        """, p(PI_MINUS), p(0.8))
                        .publishes(
                                sd(
                                        s / (c * c),
                                        -c / (s * s),
                                        -1 / (s * s),
                                        -Math.sinh(x) / Math.pow(Math.cosh(x), 2),
                                        -Math.cosh(x) / Math.pow(Math.sinh(x), 2),
                                        -1 / Math.pow(Math.sinh(x), 2)),
                                1e-12,
                                PI_MINUS),
                cr("Base/base.jl", 45, "degrees", """
                        // sind, cosd, tand and deg2rad, rad2deg
                        @Differentiable
                        static double[] degrees(double x) {
                            double r = Math.toRadians(x);
                            return new double[] {Math.sin(r), Math.cos(r), Math.tan(r), Math.toDegrees(x)};
                        }
                        """, p(30.0), p(-71.5)),
                cr("Base/base.jl", 59, "inverseHyperbolic", """
                        // asinh, acosh (at x + 1), atanh, written as their logarithms
                        @Differentiable
                        static double[] inverseHyperbolic(double x) {
                            double y = x + 1;
                            return new double[] {
                                Math.log(x + Math.sqrt(x * x + 1)),
                                Math.log(y + Math.sqrt(y * y - 1)),
                                0.5 * Math.log((1 + x) / (1 - x))
                            };
                        }
                        """, p(0.5), p(0.3))
                        .publishes(sd(1 / Math.sqrt(1.25), 1 / Math.sqrt(1.25), 1 / 0.75), 1e-14, 0.5),
                cr("Base/base.jl", 77, "sinc", """
                        // sinc x = sin(πx) / (πx), 1 at 0 (and its derivative 0 there)
                        @Differentiable
                        static double sinc(double x) {
                            if (x == 0) {
                                return 1;
                            }
                            double px = Math.PI * x;
                            return Math.sin(px) / px;
                        }
                        """, p(0.434), p(-1.3)).publishes(d(0), 0, 0.0),
                cr("Base/base.jl", 170, "muladd", """
                        // muladd and fma
                        @Differentiable
                        static double[] muladd(double x, double y, double z) {
                            return new double[] {x * y + z, Math.fma(x, y, z)};
                        }
                        """, p(10 * 0.37, -1.2, 0.8)),
                cr("Base/base.jl", 190, "clamp", """
                        @Differentiable
                        static double clamp(double x, double lo, double hi) {
                            return Math.max(lo, Math.min(x, hi));
                        }
                        """, p(1.0, 2.0, 3.0), p(2.5, 2.0, 3.0), p(4.0, 2.0, 3.0))
                        .publishes(d(0, 1, 0), 0, 1.0, 2.0, 3.0)
                        .publishes(d(1, 0, 0), 0, 2.5, 2.0, 3.0)
                        .publishes(d(0, 0, 1), 0, 4.0, 2.0, 3.0),
                cr("Base/base.jl", 148, "mod", """
                        // Julia's mod: the sign of y, x - y floor(x / y)
                        @Differentiable
                        static double mod(double x, double y) {
                            return ((x % y) + y) % y;
                        }
                        """, p(5.3, 1.4), p(-3.1, 1.2))
                        .publishes(d(1, -3), 1e-15, 5.3, 1.4)
                        .publishes(d(1, 3), 1e-15, -3.1, 1.2),
                cr("Base/base.jl", 227, "literalPow", """
                        // x^2 and x^3 at -1.5, 0.0, 3.5
                        @Differentiable
                        static double[] literalPow(double x) {
                            return new double[] {Math.pow(x, 2), Math.pow(x, 3), x * x * x};
                        }
                        """, p(-1.5), p(0.0), p(3.5))
                        .publishes(sd(-3, 6.75, 6.75), 1e-15, -1.5)
                        .publishes(sd(0, 0, 0), 0, 0.0),
                cr("Base/base.jl", 204, "rounding", """
                        // round, floor, ceil have derivative 0
                        @Differentiable
                        static double rounding(double x) {
                            return Math.rint(x) + Math.floor(x) + Math.ceil(2 * x) + x;
                        }
                        """, p(0.3), p(-1.4)).publishes(d(1), 0, 0.3),
                cr(
                                "Base/evalpoly.jl",
                                19,
                                "evalpoly",
                                """
                        // evalpoly(x, p) = p[0] + p[1] x + ... by Horner's rule
                        @Differentiable
                        static double evalpoly(double x, double[] p) {
                            double y = p[p.length - 1];
                            for (int i = p.length - 2; i >= 0; i--) {
                                y = Math.fma(x, y, p[i]);
                            }
                            return y;
                        }
                        """,
                                p(0.7, d(1.2, -0.3, 0.5, 2.1, -1.1)),
                                p(-1.3, d(0.4, 0.8, -0.6, 0.2, 1.5)))
                        // ∂x = p1 + 2 p2 x + 3 p3 x² + 4 p4 x³, ∂p_i = x^i
                        .publishes(
                                d(-0.3 + 2 * 0.5 * 2 + 3 * 2.1 * 4 + 4 * -1.1 * 8, 1, 2, 4, 8, 16),
                                1e-14,
                                2.0,
                                d(1.2, -0.3, 0.5, 2.1, -1.1)),
                cr("Base/mapreduce.jl", 151, "prod", """
                        @Differentiable
                        static double prod(double[] x) {
                            double p = 1;
                            for (double v : x) {
                                p *= v;
                            }
                            return p;
                        }
                        """, p(d(0.5, -1.5, 2.0, 1.25)), p(d(3.0, 0.0, 2.0)))
                        .publishes(d(0, 6, 0), 0, d(3.0, 0.0, 2.0))
                        .publishes(d(0, 0, 0), 0, d(0.0, 1.0, 0.0)),
                cr("Base/mapreduce.jl", 54, "sumAbs2", """
                        // sum(abs2, x) + sum(x)
                        @Differentiable
                        static double sumAbs2(double[] x) {
                            double s = 0;
                            for (double v : x) {
                                s += Math.abs(v) * Math.abs(v) + v;
                            }
                            return s;
                        }
                        """, p(d(0.5, -1.5, 2.0)))
                        .publishes(d(2, -2, 5), 1e-15, d(0.5, -1.5, 2.0)),
                cr("Base/mapreduce.jl", 274, "cumsum", """
                        @Differentiable
                        static double[] cumsum(double[] x) {
                            double[] y = new double[x.length];
                            double s = 0;
                            for (int i = 0; i < x.length; i++) {
                                s += x[i];
                                y[i] = s;
                            }
                            return y;
                        }
                        """, p(d(0.5, -1.5, 2.0, 4.0)))
                        .publishes(d(3.5, 3.0, 2.25, 1.25), 1e-15, d(0.5, -1.5, 2.0, 4.0)),
                cr("Base/mapreduce.jl", 290, "cumprod", """
                        @Differentiable
                        static double[] cumprod(double[] x) {
                            double[] y = new double[x.length];
                            y[0] = x[0];
                            for (int i = 1; i < x.length; i++) {
                                y[i] = y[i - 1] * x[i];
                            }
                            return y;
                        }
                        """, p(d(0.5, -1.5, 2.0, 4.0)), p(d(1.0, 0.0, 3.0))),
                cr(
                        "LinearAlgebra/dense.jl",
                        19,
                        "dot3",
                        """
                        // dot(x, A, y) = xᵀ A y
                        @Differentiable
                        static double dot3(double[] x, double[][] a, double[] y) {
                            double s = 0;
                            for (int i = 0; i < x.length; i++) {
                                for (int j = 0; j < y.length; j++) {
                                    s += x[i] * a[i][j] * y[j];
                                }
                            }
                            return s;
                        }
                        """,
                        p(
                                d(0.5, -1, 2),
                                new double[][] {{1, 2, 0.5, -1}, {0, 3, 1, 2}, {-2, 1, 1, 0.5}},
                                d(0.3, -0.7, 1.1, 2))),
                cr("LinearAlgebra/dense.jl", 54, "cross", """
                        @Differentiable
                        static double[] cross(double[] a, double[] b) {
                            return new double[] {
                                a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]
                            };
                        }
                        """, p(d(0.5, -1, 2), d(1.5, 0.3, -0.7))),
                cr("LinearAlgebra/dense.jl", 107, "det3", """
                        // det and logdet of a 3 x 3 matrix, by cofactors
                        @Differentiable
                        static double[] det3(double[][] a) {
                            double det = a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1])
                                    - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                                    + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
                            return new double[] {det, Math.log(det)};
                        }
                        """, p((Object)
                                new double[][] {{2, 0.5, -1}, {1, 3, 0.2}, {0.3, -0.4, 1.5}}))
                        // ∂det/∂A = det A^{-T}, ∂logdet/∂A = A^{-T}: seeds 0.5 and 0.75
                        .publishes(
                                detGradient(new double[][] {{2, 0.5, -1}, {1, 3, 0.2}, {0.3, -0.4, 1.5}}),
                                1e-13,
                                (Object) new double[][] {{2, 0.5, -1}, {1, 3, 0.2}, {0.3, -0.4, 1.5}}),
                cr("LinearAlgebra/dense.jl", 145, "inv2", """
                        // inv of a 2 x 2 matrix, flattened row by row
                        @Differentiable
                        static double[] inv2(double[][] a) {
                            double det = a[0][0] * a[1][1] - a[0][1] * a[1][0];
                            return new double[] {a[1][1] / det, -a[0][1] / det, -a[1][0] / det, a[0][0] / det};
                        }
                        """, p((Object) new double[][] {{2, 0.5}, {1, 3}}), p((Object)
                        new double[][] {{-1, 2}, {0.5, 0.7}})),
                cr("LinearAlgebra/norm.jl", 66, "norms", """
                        // norm(x), norm(x, 1), norm(x, Inf), norm(x, 3)
                        @Differentiable
                        static double[] norms(double[] x) {
                            double two = 0, one = 0, inf = 0, three = 0;
                            for (double v : x) {
                                two += v * v;
                                one += Math.abs(v);
                                inf = Math.max(inf, Math.abs(v));
                                three += Math.pow(Math.abs(v), 3);
                            }
                            return new double[] {Math.sqrt(two), one, inf, Math.pow(three, 1.0 / 3)};
                        }
                        """, p(d(0.5, -1.5, 2.0, 1.25)), p(d(-3, 0.2, 1)))
                        .publishes(normsGradient(d(0.5, -1.5, 2.0, 1.25)), 1e-14, d(0.5, -1.5, 2.0, 1.25)),
                cr(
                        "LinearAlgebra/structured.jl",
                        150,
                        "lowerSolve",
                        """
                        // LowerTriangular(L) \\ b by forward substitution, differentiated in L and b
                        @Differentiable
                        static double[] lowerSolve(double[][] l, double[] b) {
                            int n = b.length;
                            double[] x = new double[n];
                            for (int i = 0; i < n; i++) {
                                double r = b[i];
                                for (int j = 0; j < i; j++) {
                                    r -= l[i][j] * x[j];
                                }
                                x[i] = r / l[i][i];
                            }
                            return x;
                        }
                        """,
                        p(new double[][] {{2, 0, 0}, {0.5, 3, 0}, {-1, 0.4, 1.5}}, d(1, -2, 0.5))),
                cr(
                        "LinearAlgebra/structured.jl",
                        160,
                        "upperSolve",
                        """
                        // UpperTriangular(U) \\ b by back substitution, written into b's copy
                        @Differentiable
                        static double[] upperSolve(double[][] u, double[] b) {
                            double[] x = b.clone();
                            for (int i = x.length - 1; i >= 0; i--) {
                                for (int j = i + 1; j < x.length; j++) {
                                    x[i] -= u[i][j] * x[j];
                                }
                                x[i] /= u[i][i];
                            }
                            return x;
                        }
                        """,
                        p(new double[][] {{2, 0.5, -1}, {0, 3, 0.4}, {0, 0, 1.5}}, d(1, -2, 0.5))));
    }

    /** The seed (0.5, 0.75) on (det A, log det A): (0.5 det A + 0.75) A^{-T}, the 3 x 3 cofactors over det. */
    static double[] detGradient(double[][] a) {
        double[] g = new double[9];
        double det = a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1])
                - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int r0 = (i + 1) % 3, r1 = (i + 2) % 3, c0 = (j + 1) % 3, c1 = (j + 2) % 3;
                double cof = a[r0][c0] * a[r1][c1] - a[r0][c1] * a[r1][c0];
                g[3 * i + j] = (0.5 * det + 0.75) * cof / det;
            }
        }
        return g;
    }

    /** The seed (0.5, 0.75, 1, 1.25) on the four norms: x/‖x‖₂, sign x, sign at the largest, x|x|/‖x‖₃². */
    static double[] normsGradient(double[] x) {
        double two = 0, three = 0;
        int big = 0;
        for (int i = 0; i < x.length; i++) {
            two += x[i] * x[i];
            three += Math.pow(Math.abs(x[i]), 3);
            if (Math.abs(x[i]) > Math.abs(x[big])) {
                big = i;
            }
        }
        double n2 = Math.sqrt(two), n3 = Math.cbrt(three);
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = 0.5 * x[i] / n2 + 0.75 * Math.signum(x[i]) + 1.25 * x[i] * Math.abs(x[i]) / (n3 * n3);
        }
        g[big] += Math.signum(x[big]);
        return g;
    }
}
