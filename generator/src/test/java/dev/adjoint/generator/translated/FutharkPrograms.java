package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.f;
import static dev.adjoint.generator.translated.Fn.p;
import static dev.adjoint.generator.translated.FutharkFunctions.ones;
import static dev.adjoint.generator.translated.FutharkFunctions.sj;

import java.util.List;

/**
 * Futhark's AD tests ({@code tests/ad/*.fut}, github.com/diku-dk/futhark), continued from {@link FutharkFunctions}:
 * loops with accumulators ({@code loop ... for}, {@code while}), in-place updates ({@code with [i] = }), branches,
 * {@code scatter} and {@code gather} with {@code long[]} indices, {@code reduce_by_index}, and the test programs
 * (Griewank's lighthouse, Lotka-Volterra by RK4, the k-means cost, signed distance functions, issue 2239).
 */
final class FutharkPrograms {
    private FutharkPrograms() {}

    private static Ported fu(String file, int line, String method, String body, Object[]... points) {
        return Ported.of("futhark", "diku-dk/futhark", "tests/ad/" + file, line, method, body, points);
    }

    static List<Ported> all() {
        return List.of(
                fu("for0.fut", 4, "pow", """
                        // loop acc = 1 for _i < y do acc * x
                        @Differentiable
                        static double pow(int y, double x) {
                            double acc = 1;
                            for (int i = 0; i < y; i++) {
                                acc = acc * x;
                            }
                            return acc;
                        }
                        """, p(3, 4.0), p(9, 3.0), p(0, 2.0))
                        .publishes(d(48), 1e-15, 3, 4.0)
                        .publishes(d(59049), 1e-15, 9, 3.0),
                fu("while0.fut", 4, "powWhile", """
                        // loop (i, acc) = (0, 1) while i < y do (i + 1, acc * x)
                        @Differentiable
                        static double powWhile(int y, double x) {
                            int i = 0;
                            double acc = 1;
                            while (i < y) {
                                i = i + 1;
                                acc = acc * x;
                            }
                            return acc;
                        }
                        """, p(3, 4.0), p(9, 3.0))
                        .publishes(d(48), 1e-15, 3, 4.0)
                        .publishes(d(59049), 1e-15, 9, 3.0),
                fu("for1.fut", 4, "powList", """
                        // loop accs = replicate n 1 for _i < y do map2 (*) accs xs
                        @Differentiable
                        static double[] powList(int y, double[] xs) {
                            double[] accs = new double[xs.length];
                            Arrays.fill(accs, 1.0);
                            for (int k = 0; k < y; k++) {
                                for (int i = 0; i < xs.length; i++) {
                                    accs[i] *= xs[i];
                                }
                            }
                            return accs;
                        }
                        """, p(3, d(1, 2, 3)), p(2, d(-0.5, 1.5)))
                        .publishes(sj(new double[][] {{3, 0, 0}, {0, 12, 0}, {0, 0, 27}}), 1e-15, 3, d(1, 2, 3)),
                fu("truedep0.fut", 4, "squareChain", """
                        // loop xs' = copy xs for i < n - 1 do xs' with [i + 1] = xs'[i] * xs'[i]
                        @Differentiable
                        static double[] squareChain(double[] xs) {
                            double[] ys = Arrays.copyOf(xs, xs.length);
                            for (int i = 0; i < ys.length - 1; i++) {
                                ys[i + 1] = ys[i] * ys[i];
                            }
                            return ys;
                        }
                        """, p(d(1.1, 2, 3, 4)), p(d(0.9, -1, 0.5)))
                        .publishes(
                                sj(new double[][] {
                                    {1, 0, 0, 0, 0}, {2, 0, 0, 0, 0}, {4, 0, 0, 0, 0}, {8, 0, 0, 0, 0}, {16, 0, 0, 0, 0}
                                }),
                                1e-15,
                                d(1, 2, 3, 4, 5)),
                fu("if0.fut", 11, "f", """
                        @Differentiable
                        static double f(boolean b, double x, double y) {
                            if (b) {
                                return x * y;
                            } else {
                                return x / y;
                            }
                        }
                        """, p(true, 5.0, 7.0), p(false, 5.0, 7.0))
                        .publishes(d(7, 5), 0, true, 5.0, 7.0)
                        .publishes(d(0.14285, -0.102041), 1e-5, false, 5.0, 7.0),
                fu("if1.fut", 11, "g", """
                        @Differentiable
                        static double g(boolean b, double x) {
                            double y = b ? x * x : x;
                            double z = y + x;
                            return z;
                        }
                        """, p(false, 5.0), p(true, 5.0))
                        .publishes(d(2), 0, false, 5.0)
                        .publishes(d(11), 0, true, 5.0),
                fu("if2.fut", 10, "h", """
                        @Differentiable
                        static double h(double[] x) {
                            double z = x[0] < 0 ? x[0] : x[1];
                            double y = x[2];
                            return y * z;
                        }
                        """, p(d(1, 2, 3)), p(d(-1, 2, 3)))
                        .publishes(d(0, 3, 2), 0, d(1, 2, 3))
                        .publishes(d(3, 0, -1), 0, d(-1, 2, 3)),
                fu(
                                "scatter0.fut",
                                20,
                                "scatter",
                                """
                        // scatter (copy xs) is vs, differentiated in vs; out-of-range indices are skipped
                        @Differentiable(wrt = "vs")
                        static double[] scatter(double[] xs, long[] is, double[] vs) {
                            double[] out = xs.clone();
                            for (int i = 0; i < is.length; i++) {
                                if (is[i] >= 0 && is[i] < out.length) {
                                    out[(int) is[i]] = vs[i];
                                }
                            }
                            return out;
                        }
                        """,
                                p(d(0, 0, 0, 0), new long[] {0, 1, 2, 3}, d(1, 2, 3, 0)),
                                p(d(0, 0, 0, 0), new long[] {0, 1, 2, -100000}, d(1, 2, 3, 0)))
                        .publishes(sj(ones(4, 0, 1, 2, 3)), 0, d(0, 0, 0, 0), new long[] {0, 1, 2, 3}, d(1, 2, 3, 0))
                        .publishes(
                                sj(ones(4, 0, 1, 2, -1)),
                                0,
                                d(0, 0, 0, 0),
                                new long[] {0, 1, 2, -100000},
                                d(1, 2, 3, 0)),
                fu(
                                "gather0.fut",
                                17,
                                "gather",
                                """
                        @Differentiable
                        static double[] gather(double[] xs, long[] is) {
                            double[] r = new double[is.length];
                            for (int j = 0; j < is.length; j++) {
                                r[j] = xs[(int) is[j]];
                            }
                            return r;
                        }
                        """,
                                p(d(4, 3, 2, 1), new long[] {0, 1, 2, 3}),
                                p(d(4, 3, 2, 1), new long[] {0, 0, 3, 3}))
                        .publishes(sj(ones(4, 0, 1, 2, 3)), 0, d(4, 3, 2, 1), new long[] {0, 1, 2, 3})
                        .publishes(sj(ones(4, 0, 0, 3, 3)), 0, d(4, 3, 2, 1), new long[] {0, 0, 3, 3}),
                fu("lighthouse.fut", 10, "lighthouse", """
                        // Griewank's lighthouse: the point where the beam meets the quay wall
                        @Differentiable
                        static double[] lighthouse(double nu, double gamma, double omega, double t) {
                            double y1 = nu * Math.tan(omega * t) / (gamma - Math.tan(omega * t));
                            double y2 = gamma * nu * Math.tan(omega * t) / (gamma - Math.tan(omega * t));
                            return new double[] {y1, y2};
                        }
                        """, p(2.0, 1.5, 0.4, 2.1), p(1.0, 3.0, 0.3, 1.0))
                        .publishes(
                                sj(new double[][] {
                                    {2.902513633461043, -15.102798701184362, 95.71780341846966, 18.23196255589898},
                                    {4.353770450191565, -16.849170784854458, 143.57670512770449, 27.347943833848472}
                                }),
                                1e-13,
                                2.0,
                                1.5,
                                0.4,
                                2.1),
                fu(
                        "lotka_volterra.fut",
                        14,
                        "eulerMethod",
                        """
                        // euler_method: the states in a 2-D local written in place (states[i + 1] = next_state), the
                        // last one returned as a copy
                        @Differentiable
                        static double[] eulerMethod(double stepSize, int numSteps, double initPrey, double initPred,
                                double growthPrey, double predation, double growthPred, double declinePred) {
                            double[][] states = new double[numSteps + 1][2];
                            states[0][0] = initPrey;
                            states[0][1] = initPred;
                            for (int i = 0; i < numSteps; i++) {
                                double prey = states[i][0];
                                double pred = states[i][1];
                                double dprey = (growthPrey - predation * pred) * prey;
                                double dpred = (growthPred * prey - declinePred) * pred;
                                states[i + 1][0] = prey + stepSize * dprey;
                                states[i + 1][1] = pred + stepSize * dpred;
                            }
                            return states[numSteps].clone();
                        }
                        """,
                        p(0.1, 10, 1.0, 0.5, 1.1, 0.4, 0.1, 0.4),
                        p(0.05, 3, 2.0, 1.0, 0.9, 0.3, 0.2, 0.5)),
                fu("lotka_volterra.fut", 33, "rungeKutta", """
                        // lv_step: the Lotka-Volterra derivative, (dprey, dpred)
                        static float[] lvStep(float growthPrey, float predation, float growthPred, float declinePred,
                                float prey, float pred) {
                            float dprey = (growthPrey - predation * pred) * prey;
                            float dpred = (growthPred * prey - declinePred) * pred;
                            return new float[] {dprey, dpred};
                        }

                        // RK4 for numSteps steps, the states (prey, pred) flattened
                        @Differentiable
                        static float[] rungeKutta(float stepSize, int numSteps, float initPrey, float initPred,
                                float growthPrey, float predation, float growthPred, float declinePred) {
                            float[] states = new float[2 * numSteps];
                            float prey = initPrey;
                            float pred = initPred;
                            for (int i = 0; i < numSteps; i++) {
                                float[] k1 = lvStep(growthPrey, predation, growthPred, declinePred, prey, pred);
                                float[] k2 = lvStep(growthPrey, predation, growthPred, declinePred,
                                        prey + stepSize / 2 * k1[0], pred + stepSize / 2 * k1[1]);
                                float[] k3 = lvStep(growthPrey, predation, growthPred, declinePred,
                                        prey + stepSize / 2 * k2[0], pred + stepSize / 2 * k2[1]);
                                float[] k4 = lvStep(growthPrey, predation, growthPred, declinePred,
                                        prey + stepSize * k3[0], pred + stepSize * k3[1]);
                                prey = prey + stepSize / 6 * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0]);
                                pred = pred + stepSize / 6 * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1]);
                                states[2 * i] = prey;
                                states[2 * i + 1] = pred;
                            }
                            return states;
                        }
                        """, p(0.1f, 5, 1.0f, 0.5f, 1.1f, 0.4f, 0.1f, 0.4f)),
                fu(
                        "kmeans-cost-rev.fut",
                        7,
                        "cost",
                        """
                        // Σ_points min over centres of the squared Euclidean distance, differentiated in the centres
                        static float euclidDist2(float[] p, float[] c) {
                            float s = 0;
                            for (int j = 0; j < p.length; j++) {
                                float d = p[j] - c[j];
                                s += d * d;
                            }
                            return s;
                        }

                        @Differentiable(wrt = "centres")
                        static float cost(float[][] points, float[][] centres) {
                            float total = 0;
                            for (float[] p : points) {
                                float best = Float.POSITIVE_INFINITY;
                                for (float[] c : centres) {
                                    best = Math.min(best, euclidDist2(p, c));
                                }
                                total += best;
                            }
                            return total;
                        }
                        """,
                        p(
                                new float[][] {{0, 0}, {1, 0.5f}, {4, 4}, {5, 3}, {0.5f, -1}},
                                new float[][] {{0.25f, 0}, {4.5f, 3.25f}})),
                fu(
                                "sdf.fut",
                                55,
                                "sdObject",
                                """
                        // the signed distance of a wall, a sphere or a rotated block (match on obji)
                        static double norm(double x, double y, double z) {
                            return Math.sqrt(x * x + y * y + z * z);
                        }

                        @Differentiable
                        static double sdObject(int obji, double x, double y, double z) {
                            switch (obji) {
                                case 0:
                                    return 2 + (1 * x + 0 * y + 0 * z);
                                case 1: {
                                    double r = norm(x + 1.0, y + 1.2, z - 0.2) - 0.8;
                                    return Math.max(r, 0);
                                }
                                default: {
                                    double theta = -0.5;
                                    double px = x - 1.0;
                                    double py = y + 1.6;
                                    double pz = z - 1.2;
                                    double rx = Math.cos(theta) * px - Math.sin(theta) * pz;
                                    double rz = Math.sin(theta) * px + Math.cos(theta) * pz;
                                    return norm(Math.max(0, Math.abs(rx) - 0.6), Math.max(0, Math.abs(py) - 0.8),
                                            Math.max(0, Math.abs(rz) - 0.6));
                                }
                            }
                        }
                        """,
                                p(0, 0.0, 1.0, 0.0),
                                p(1, 0.0, 1.0, 0.0),
                                p(2, 0.0, 1.0, 0.0),
                                p(2, 0.3, -0.5, 0.2))
                        .publishes(d(1, 0, 0), 1e-15, 0, 0.0, 1.0, 0.0)
                        .publishes(d(0.412393, 0.907265, -0.082479), 1e-6, 1, 0.0, 1.0, 0.0)
                        .publishes(d(-0.375775, 0.903687, -0.205287), 1e-6, 2, 0.0, 1.0, 0.0),
                fu(
                                "reducebyindexadd0.fut",
                                7,
                                "redAdd",
                                """
                        // a = dst ** 2; b = reduce_by_index (copy dst) (+) 0 is vs; a + b, differentiated in dst
                        @Differentiable(wrt = "dst")
                        static float[] redAdd(float[] dst, long[] is, float[] vs) {
                            float[] b = dst.clone();
                            float[] a = new float[dst.length];
                            for (int i = 0; i < b.length; i++) {
                                a[i] = (float) Math.pow(b[i], 2);
                            }
                            for (int i = 0; i < is.length; i++) {
                                if (is[i] >= 0 && is[i] < b.length) {
                                    b[(int) is[i]] += vs[i];
                                }
                            }
                            for (int i = 0; i < a.length; i++) {
                                a[i] += b[i];
                            }
                            return a;
                        }
                        """,
                                p(f(2, 1, 1, 1, 1), new long[] {0, 0, 0, 0, 0}, f(1, 2, 3, 4, 10)))
                        // the file's row 0 is 5 = 2 * 2 + 1; each row i is 2 dst_i + 1 on the diagonal
                        .publishes(
                                d(0.5 * 5, 0.75 * 3, 1.0 * 3, 1.25 * 3, 1.5 * 3),
                                1e-6,
                                f(2, 1, 1, 1, 1),
                                new long[] {0, 0, 0, 0, 0},
                                f(1, 2, 3, 4, 10)),
                fu("reducebyindexminmax0.fut", 15, "redMax", """
                        // reduce_by_index (replicate 5 0) f32.max f32.lowest is vs, differentiated in vs
                        @Differentiable(wrt = "vs")
                        static float[] redMax(long[] is, float[] vs) {
                            float[] dst = new float[5];
                            for (int i = 0; i < is.length; i++) {
                                if (is[i] >= 0 && is[i] < dst.length) {
                                    dst[(int) is[i]] = Math.max(dst[(int) is[i]], vs[i]);
                                }
                            }
                            return dst;
                        }
                        """, p(new long[] {0, 2, 0, 3, 4}, f(0.5f, 1, 2, 3, 4)))
                        // bin 0 is the file's vjp with the seed e_0, scaled by the suite's 0.5; the other bins take
                        // vs_b with the seed 0.75, 1, ... At a tie (max(0, 0) in bin 0, 3 and 3) the file gives the
                        // whole derivative to the first, dst or vs_3; Math.max splits it evenly (README)
                        .publishes(d(0.25, 0.75, 1, 1.25, 1.5), 0, new long[] {0, 1, 2, 3, 4}, f(0, 1, 2, 3, 4))
                        .publishes(d(0, 0, 0, 0, 0.5), 0, new long[] {0, 0, 0, 0, 0}, f(0, 1, 2, 3, 4))
                        .publishes(d(0, 0, 0, 0.25, 0.25), 0, new long[] {0, 0, 0, 0, 0}, f(0, 1, 2, 3, 3)),
                fu("reducevec0.fut", 10, "reduceVec", """
                        // reduce (map2 (map2 (*))) ones xs: the elementwise product of n m x k matrices, each a row of
                        // xs flattened (the harness passes 2-D arrays at most)
                        @Differentiable
                        static double[] reduceVec(double[][] xs) {
                            double[] r = new double[xs[0].length];
                            Arrays.fill(r, 1.0);
                            for (double[] x : xs) {
                                for (int j = 0; j < r.length; j++) {
                                    r[j] *= x[j];
                                }
                            }
                            return r;
                        }
                        """, p((Object)
                                new double[][] {{0.5, 1, 2, 3}, {5, 1, 3, -1}, {2, 1, 4, 4}}))
                        .publishes(
                                sj(new double[][] {
                                    {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
                                    {0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0},
                                    {0, 0, 12, 0, 0, 0, 8, 0, 0, 0, 6, 0},
                                    {0, 0, 0, 0, 0, 0, 0, 12, 0, 0, 0, 0}
                                }),
                                1e-6,
                                (Object) new double[][] {{0, 1, 2, 3}, {5, 1, 3, 0}, {0, 1, 4, 4}}),
                fu("issue2239.fut", 5, "eq", """
                        // w0 = 1 - 2 sum w'; A[i][j] = (1 + [j != 0]) w_j^i, each row scanned with (+); A[1, 1:]
                        @Differentiable
                        static double[] eq(double[] wp) {
                            double s = 0;
                            for (double v : wp) {
                                s += v;
                            }
                            double[] w = new double[wp.length + 1];
                            w[0] = 1 - 2 * s;
                            System.arraycopy(wp, 0, w, 1, wp.length);
                            double[][] a = new double[4][w.length];
                            for (int i = 0; i < 4; i++) {
                                for (int j = 0; j < w.length; j++) {
                                    double power = 1;
                                    for (int t = 0; t < i; t++) {
                                        power *= w[j];
                                    }
                                    a[i][j] = (1 + (j != 0 ? 1 : 0)) * power;
                                }
                                for (int j = 1; j < w.length; j++) {
                                    a[i][j] += a[i][j - 1];
                                }
                            }
                            double[] out = new double[wp.length];
                            for (int j = 0; j < out.length; j++) {
                                out[j] = a[1][j + 1];
                            }
                            return out;
                        }
                        """, p(d(0.1027, -1.9606, 1.9381)))
                        // J = [[0,-2,-2],[0,0,-2],[0,0,0]]: the file's J·(1,1,1) = (-4,-2,0)
                        .publishes(d(0, -1, -2.5), 1e-14, d(0.1027, -1.9606, 1.9381)),
                fu("pow0.fut", 18, "pow", """
                        // x ** y, with its kink at x = 0
                        @Differentiable
                        static double pow(double x, double y) {
                            return Math.pow(x, y);
                        }
                        """, p(0.5, 1.5), p(2.0, -0.5))
                        .publishes(d(1, 0), 0, 0.0, 1.0)
                        .publishes(d(0, 0), 0, 0.0, 0.0));
    }
}
