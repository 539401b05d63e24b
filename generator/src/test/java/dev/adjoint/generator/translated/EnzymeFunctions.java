package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.f;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.List;

/**
 * Enzyme's reverse-mode integration tests ({@code enzyme/test/Integration/ReverseMode/*.c}, read from
 * github.com/EnzymeAD/Enzyme), written in Java from their math: what C passes through pointers is a
 * {@code double[]} (or a result), {@code goto} is a loop, an {@code assert} is Java's. Each test's
 * {@code APPROX_EQ} or {@code CHECK} values, at its own arguments, are asserted as a published gradient.
 */
final class EnzymeFunctions {
    private EnzymeFunctions() {}

    private static final String DIR = "enzyme/test/Integration/ReverseMode/";

    static List<Ported> all() {
        return List.of(
                // insertsort_sum.c:29: sort descending by insertion (in place), sum the first half
                Ported.of(
                                "enzyme",
                                DIR + "insertsort_sum.c",
                                29,
                                "insertsortSum",
                                """
                        @Differentiable(wrt = "array")
                        static float insertsortSum(float[] array, int n) {
                            float sum = 0;
                            for (int i = 1; i < n; i++) {
                                int j = i;
                                while (j > 0 && array[j - 1] < array[j]) {
                                    float tmp = array[j];
                                    array[j] = array[j - 1];
                                    array[j - 1] = tmp;
                                    j -= 1;
                                }
                            }
                            for (int i = 0; i < n / 2; i++) {
                                sum += array[i];
                            }
                            return sum;
                        }
                        """,
                                p(f(0.5f, 3f, -1f, 2.5f, 1.25f, 4f), 6))
                        .publishes(d(0, 1, 0, 1, 0, 1, 0, 1, 0, 1), 1e-10, f(0, 1, 0, 1, 0, 1, 0, 1, 0, 1), 10),
                // mycos.c:28: sin x by its Taylor series to x^12, the factorial a recursive integer helper
                Ported.of("enzyme", DIR + "mycos.c", 28, "mySin", """
                        static long factorial(long x) {
                            if (x == 0) {
                                return 1;
                            }
                            return x * factorial(x - 1);
                        }

                        @Differentiable
                        static double mySin(double x) {
                            double result = 0;
                            long n = 12;
                            for (long i = 0; i <= n; i++) {
                                if (i % 2 == 0) {
                                    continue;
                                }
                                result += Math.pow(x, i) / factorial(i) * (i % 4 == 1 ? 1 : -1);
                            }
                            return result;
                        }
                        """, p(1.23), p(-0.4)),
                // readwriteread.c:33: helpers read x, write x, read x again; Enzyme checks dx = 3 x² at 2
                Ported.of("enzyme", DIR + "readwriteread.c", 33, "readWriteRead", """
                        static double fRead(double[] x) {
                            return x[0] * x[0];
                        }

                        static void gWrite(double[] x, double product) {
                            x[0] = x[0] * product;
                        }

                        static double hRead(double[] x) {
                            return x[0];
                        }

                        @Differentiable
                        static double readWriteRead(double[] x) {
                            double product = fRead(x);
                            gWrite(x, product);
                            return hRead(x);
                        }
                        """, p(d(2.0)), p(d(-0.7)))
                        .publishes(d(12), 1e-12, d(2.0)),
                // taylorlog.c:18: Σ x^i / i, the series of -log(1 - x); Enzyme checks 2.0 at (0.5, 10000)
                Ported.of("enzyme", DIR + "taylorlog.c", 18, "taylorlog", """
                        @Differentiable
                        static double taylorlog(double x, int terms) {
                            double sum = 0;
                            for (int i = 1; i <= terms; i++) {
                                sum += Math.pow(x, i) / i;
                            }
                            return sum;
                        }
                        """, p(0.5, 20), p(-0.3, 7))
                        .publishes(d(2.0), 1e-7, 0.5, 10000),
                // sumtil.c:21: a sum of squares that stops past 30 and zeroes what it read
                Ported.of("enzyme", DIR + "sumtil.c", 21, "sumtil", """
                        @Differentiable(wrt = "vec")
                        static double sumtil(double[] vec, int size) {
                            double ret = 0.0;
                            for (int i = 0; i < size; i++) {
                                ret += vec[i] * vec[i];
                                if (ret > 30) {
                                    break;
                                }
                                ret += vec[i] * vec[i];
                                vec[i] = 0;
                            }
                            return ret;
                        }
                        """, p(d(1, 2, 3, 4, 5), 5), p(d(0.5, -1, 0.25), 3))
                        .publishes(d(4, 8, 12, 8, 0), 1e-10, d(1, 2, 3, 4, 5), 5),
                // loopstriple.c:18: three nested loops adding a + b in double, the result a float
                Ported.of("enzyme", DIR + "loopstriple.c", 18, "computeLoops", """
                        @Differentiable
                        static float computeLoops(float a, float b) {
                            double sum0 = 0.0;
                            for (int i = 0; i < 100; i++) {
                                double sum1 = 0.0;
                                for (int j = 0; j < 100; j++) {
                                    double sum2 = 0.0;
                                    for (int k = 0; k < 100; k++) {
                                        sum2 += a + b;
                                    }
                                    sum1 += sum2;
                                }
                                sum0 += sum1;
                            }
                            return (float) sum0;
                        }
                        """, p(2f, 3f))
                        .publishes(d(1e6, 1e6), 1e-10, 2f, 3f),
                // manymax.c:18: the running maximum of a, starting from start
                Ported.of(
                                "enzyme",
                                DIR + "manymax.c",
                                18,
                                "alldiv",
                                """
                        @Differentiable
                        static double alldiv(double[] a, int n, double start) {
                            for (int i = 0; i < n; i++) {
                                if (a[i] > start) {
                                    start = a[i];
                                }
                            }
                            return start;
                        }
                        """,
                                p(d(1, 2, 3, 102, 5), 5, 3.14),
                                p(d(1, 2, 3, 4, 5), 5, 102.0))
                        .publishes(d(0, 0, 0, 1, 0, 0), 1e-10, d(1, 2, 3, 102, 5), 5, 3.14)
                        .publishes(d(0, 0, 0, 0, 0, 1), 1e-10, d(1, 2, 3, 4, 5), 5, 102.0),
                // fwdsolve.c:21: forward substitution with a unit diagonal, as Enzyme's test writes it (j < i - 1)
                Ported.of(
                        "enzyme",
                        DIR + "fwdsolve.c",
                        21,
                        "forwardSub",
                        """
                        @Differentiable(wrt = {"l", "b"})
                        static double[] forwardSub(int n, double[] l, double[] b) {
                            double[] out = new double[n];
                            for (int i = 0; i < n; i++) {
                                double tmp = b[i];
                                if (i > 1) {
                                    for (int j = 0; j < i - 1; j++) {
                                        tmp -= l[i * n + j] * out[j];
                                    }
                                }
                                out[i] = tmp;
                            }
                            return out;
                        }
                        """,
                        p(3, d(0, 1, 2, 3, 4, 5, 6, 7, 8), d(0.1, 0.2, 0.3)),
                        p(4, d(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16), d(1, -1, 0.5, 2))),
                // rwrloop.c:19: a sum of squares over rows of a flat matrix, zeroing them; writes *N = 7 afterwards
                Ported.of("enzyme", DIR + "rwrloop.c", 19, "rowSquares", """
                        @Differentiable(wrt = "a")
                        static double rowSquares(double[] a, int[] n) {
                            double sum = 0;
                            for (int i = 0; i < 10; i++) {
                                for (int j = 0; j < n[0]; j++) {
                                    sum += a[10 * i + j] * a[10 * i + j];
                                    a[10 * i + j] = 0;
                                }
                            }
                            n[0] = 7;
                            return sum;
                        }
                        """, p(ramp(100), new int[] {4}))
                        .publishes(twice(rwrloopA()), 1e-12, rwrloopA(), new int[] {10}),
                // overwrite_outer_loop.c:17: the stores of outer iteration i + 1 overwrite what iteration i read
                Ported.of(
                                "enzyme",
                                DIR + "overwrite_outer_loop.c",
                                17,
                                "overwriteOuter",
                                """
                        @Differentiable(wrt = "a")
                        static double overwriteOuter(double[] a, long[] offs, long n, long m) {
                            double s = 0;
                            if (n <= 0 || m <= 0) {
                                return 0;
                            }
                            for (long i = 0; i < n; i++) {
                                long off = offs[(int) i];
                                for (long j = 0; j < m; j++) {
                                    double v = a[(int) (off + m + 1 + j)];
                                    s += v * v;
                                    a[(int) (off + j)] = 3.0;
                                }
                            }
                            return s;
                        }
                        """,
                                p(ramp(20), new long[] {0, 5, 10}, 3L, 4L))
                        .publishes(
                                d(0, 0, 0, 0, 0, 12, 14, 16, 18, 0, 22, 24, 26, 28, 0, 32, 34, 36, 38, 0),
                                1e-12,
                                ramp(20),
                                new long[] {0, 5, 10},
                                3L,
                                4L),
                // remat.c:17: per region, gather delv by an index table into a scratch array, square it into e
                Ported.of("enzyme", DIR + "remat.c", 17, "square", """
                        @Differentiable(wrt = "delv")
                        static double[] square(double[] delv, int[][] idx, int numReg, int numElemReg) {
                            double[] e = new double[delv.length];
                            for (int r = 0; r < numReg; r++) {
                                double[] tmp = new double[numElemReg];
                                for (int i = 0; i < numElemReg; i++) {
                                    tmp[i] = delv[idx[r][i]];
                                }
                                for (int i = 0; i < numElemReg; i++) {
                                    e[idx[r][i]] = tmp[i] * tmp[i];
                                }
                            }
                            return e;
                        }
                        """, p(d(0.5, 1, -2, 1.5, 3), rematIdx(), 3, 8))
                        .publishes(
                                rematGradient(d(0.5, 1, -2, 1.5, 3)), 1e-12, d(0.5, 1, -2, 1.5, 3), rematIdx(), 3, 8),
                // vecmax.c:21: the maximum by ?:, from -∞, with an assert; Enzyme's answer at the tie 2, 2 is the later
                // one
                Ported.of("enzyme", DIR + "vecmax.c", 21, "reduceMax", """
                        @Differentiable(wrt = "vec")
                        static double reduceMax(double[] vec, int size) {
                            double ret = Double.NEGATIVE_INFINITY;
                            for (int i = 0; i < size; i++) {
                                ret = (ret > vec[i]) ? ret : vec[i];
                                assert i < 6 : "bad";
                            }
                            return ret;
                        }
                        """, p(d(-1, 2, -0.2, 2.5, 1), 5))
                        .publishes(d(0, 0, 0, 1, 0), 1e-7, d(-1, 2, -0.2, 2, 1), 5),
                // invsqrt.c:25-41: the magnitude's inverse by the fast inverse square root, its pullback supplied
                // (Enzyme registers rev_rsqrt); Enzyme checks -A_i |A|^-3 to 1e-3
                Ported.of("enzyme", DIR + "invsqrt.c", 41, "invmag", """
                        static float qRsqrt(float number) {
                            float x2 = number * 0.5f;
                            float y = number;
                            int i = Float.floatToRawIntBits(y);
                            i = 0x5f3759df - (i >> 1);
                            y = Float.intBitsToFloat(i);
                            y = y * (1.5f - (x2 * y * y));
                            return y;
                        }

                        @CustomDerivative(of = "qRsqrt")
                        static float qRsqrtPullback(float x, float seed, FloatGrad dx) {
                            float y = qRsqrt(x);
                            dx.add(-seed * y / (2 * x));
                            return y;
                        }

                        @Differentiable
                        static double invmag(double[] a) {
                            double sumsq = 0;
                            for (int i = 0; i < a.length; i++) {
                                sumsq += a[i] * a[i];
                            }
                            return qRsqrt((float) sumsq);
                        }
                        """)
                        .publishes(invmagGradient(d(1, 2, 3)), 1e-3, d(1, 2, 3)),
                // controlflow.c:4: two updates chosen by goto until x0² < x1; Enzyme seeds the result with (1, 2). The
                // map is
                // chaotic: at Enzyme's (0.9, 0.7) a step of 1e-4 changes the trip count, so central differences go
                // elsewhere
                Ported.of("enzyme", DIR + "controlflow.c", 4, "gotoLoop", """
                        @Differentiable
                        static double[] gotoLoop(double[] x) {
                            double x0 = x[0];
                            double x1 = x[1];
                            boolean inA = true;
                            while (true) {
                                double t;
                                if (inA) {
                                    t = 4 * Math.cos(x0 + x1);
                                    x0 = 3 * Math.sin(2 * x0 + x1);
                                } else {
                                    t = 4 * Math.sin(2 * x0 + x1);
                                    x0 = 4 * Math.cos(x0 + 2 * x1);
                                }
                                x1 = t;
                                if (x0 * x0 < x1) {
                                    break;
                                }
                                inA = x0 > 0;
                            }
                            return new double[] {x0, x1};
                        }
                        """, p(d(0.3, 0.5)), p(d(0.5, 0.3))),
                // entropy_hessian.c:50: Harten's entropy of the Euler equations; its gradient is the entropy variables
                Ported.of("enzyme", DIR + "entropy_hessian.c", 50, "entropy", """
                        static double pressure(double[] u, double gamma) {
                            double rho = u[0];
                            double kinetic = 0.5 * (u[1] * u[1] + u[2] * u[2] + u[3] * u[3]) / rho;
                            return (gamma - 1.0) * (u[4] - kinetic);
                        }

                        @Differentiable(wrt = "u")
                        static double entropy(double[] u, double gamma) {
                            double p = pressure(u, gamma);
                            double s = Math.log(p) - gamma * Math.log(u[0]);
                            return -u[0] * s / (gamma - 1.0);
                        }
                        """, p(d(1.2, 0.3, -0.6, 0.24, 3.0), 1.4))
                        .publishes(
                                entropyVariables(d(1.2, 0.3, -0.6, 0.24, 3.0), 1.4),
                                1e-12,
                                d(1.2, 0.3, -0.6, 0.24, 3.0),
                                1.4),
                // newton_inversion.c:44: the temperature of a mixture's energy by a clamped Newton solve with breaks;
                // dT/dx = (1/cv, -e0/cv, -e1/cv, 0) by the implicit function theorem (a model of thermo.h)
                Ported.of(
                                "enzyme",
                                DIR + "newton_inversion.c",
                                44,
                                "temperature",
                                NEWTON + """

                        @Differentiable
                        static double temperature(double[] x) {
                            double e = x[0];
                            double t = x[3];
                            for (int it = 0; it < 50; it++) {
                                double cv = x[1] * cvSpecies(0, t) + x[2] * cvSpecies(1, t);
                                if (cv <= 0) {
                                    break;
                                }
                                double r = x[1] * energySpecies(0, t) + x[2] * energySpecies(1, t) - e;
                                double next = Math.min(T_MAX, Math.max(T_MIN, t - r / cv));
                                double step = next - t;
                                t = next;
                                if (Math.abs(step) <= 1e-13 * t) {
                                    break;
                                }
                            }
                            return t;
                        }
                        """,
                                p(d(newtonEnergy(0.5, 0.5, 3000), 0.5, 0.5, 500)))
                        .publishes(
                                newtonGradient(0.767, 0.233, 1000),
                                1e-9,
                                d(newtonEnergy(0.767, 0.233, 1000), 0.767, 0.233, 500)));
    }

    private static final String NEWTON = """
            static final double T_MIN = 50;
            static final double T_MAX = 20000;
            static final double[] CV0 = {700, 650};
            static final double[] CV1 = {0.05, 0.08};

            static double energySpecies(int k, double t) {
                return CV0[k] * t + 0.5 * CV1[k] * t * t;
            }

            static double cvSpecies(int k, double t) {
                return CV0[k] + CV1[k] * t;
            }
            """;

    private static double newtonEnergy(double y0, double y1, double t) {
        return y0 * (700 * t + 0.025 * t * t) + y1 * (650 * t + 0.04 * t * t);
    }

    private static double[] newtonGradient(double y0, double y1, double t) {
        double cv = y0 * (700 + 0.05 * t) + y1 * (650 + 0.08 * t);
        return d(1 / cv, -(700 * t + 0.025 * t * t) / cv, -(650 * t + 0.04 * t * t) / cv, 0);
    }

    private static double[] rwrloopA() {
        double[] a = new double[100];
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 10; j++) {
                a[10 * i + j] = i * 100 + j;
            }
        }
        return a;
    }

    private static double[] twice(double[] a) {
        double[] g = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            g[i] = 2 * a[i];
        }
        return g;
    }

    private static double[] ramp(int n) {
        double[] a = new double[n];
        for (int k = 0; k < n; k++) {
            a[k] = k + 1.0;
        }
        return a;
    }

    private static int[][] rematIdx() {
        int[][] idx = new int[3][8];
        for (int r = 0; r < 3; r++) {
            for (int j = 0; j < 8; j++) {
                idx[r][j] = (j + r) % 5;
            }
        }
        return idx;
    }

    /** Every e_k is delv_k² once the regions are done (each index appears), so seedᵀ·J = 2 s_k delv_k. */
    private static double[] rematGradient(double[] delv) {
        double[] g = new double[delv.length];
        for (int k = 0; k < g.length; k++) {
            g[k] = 2 * (0.5 + 0.25 * k) * delv[k];
        }
        return g;
    }

    private static double[] invmagGradient(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        double[] g = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            g[i] = -a[i] * Math.pow(s, -1.5);
        }
        return g;
    }

    /** entropy_hessian.c's entropy variables ((γ - s)/(γ - 1) - β|u|², 2βu, 2βv, 2βw, -2β), β = ρ / 2p. */
    private static double[] entropyVariables(double[] u, double gamma) {
        double rho = u[0];
        double vx = u[1] / rho;
        double vy = u[2] / rho;
        double vz = u[3] / rho;
        double p = (gamma - 1) * (u[4] - 0.5 * rho * (vx * vx + vy * vy + vz * vz));
        double beta = rho / (2 * p);
        double s = Math.log(p) - gamma * Math.log(rho);
        return d(
                (gamma - s) / (gamma - 1) - beta * (vx * vx + vy * vy + vz * vz),
                2 * beta * vx,
                2 * beta * vy,
                2 * beta * vz,
                -2 * beta);
    }
}
