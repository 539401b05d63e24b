package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.f;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.List;

/**
 * Futhark's AD tests ({@code tests/ad/*.fut}, github.com/diku-dk/futhark), written in Java from their math: a
 * {@code map} as a loop writing a new array, {@code reduce} and {@code scan} as accumulating loops, {@code hist} and
 * {@code reduce_by_index} as loops over an {@code long[]} index array skipping indices out of range, {@code scatter}
 * as writes into a copy, {@code f32.maximum} as {@code Math.max} in a loop (Java's {@code Math.max(a, b)} is
 * {@code a} at a tie, as Futhark's derivative takes the first), tuples as {@code double[]} results, a 2-D or 3-D
 * result flattened row by row. Where the test file gives the Jacobian ({@code output}), the suite asserts
 * {@code seedᵀ·J} with the harness's seed 0.5, 0.75, ... computed from the published matrix ({@link #sj}).
 */
final class FutharkFunctions {
    private FutharkFunctions() {}

    private static Ported fu(String file, int line, String method, String body, Object[]... points) {
        return Ported.of("futhark", "diku-dk/futhark", "tests/ad/" + file, line, method, body, points);
    }

    /** {@code seedᵀ·J} for the published Jacobian {@code j} (rows the outputs), seed 0.5, 0.75, 1.0, ... */
    static double[] sj(double[][] j) {
        double[] g = new double[j[0].length];
        for (int i = 0; i < j.length; i++) {
            for (int k = 0; k < g.length; k++) {
                g[k] += (0.5 + 0.25 * i) * j[i][k];
            }
        }
        return g;
    }

    /** A matrix with a single 1 per row, at {@code cols[r]} (none where {@code cols[r] < 0}). */
    static double[][] ones(int n, int... cols) {
        double[][] j = new double[cols.length][n];
        for (int r = 0; r < cols.length; r++) {
            if (cols[r] >= 0) {
                j[r][cols[r]] = 1;
            }
        }
        return j;
    }

    static final long[] HIST_IS = {4, 5, 2, 4, 5, 2, 0, 0, 4, 5, 1, 4, 1, 3, 3, 1, 8, -1};
    static final float[] HIST_VS = f(11, 16, 7, 0, 14, 6, 2, 1, 13, 0, 5, 0, 3, 0, 9, 4, 17, 18);
    static final float[] HIST_C = f(1, 2, 3, 4, 5, 6, 7, 8);

    /** hist (+) then times c: ∂r_b/∂vs_i = c_b [is_i = b], ∂r_b/∂c_b = Σ_{is_i = b} vs_i. */
    static double[] histGradient(boolean product) {
        int n = HIST_IS.length;
        int m = HIST_C.length;
        double[][] j = new double[m][n + m];
        for (int b = 0; b < m; b++) {
            double acc = product ? 1 : 0;
            for (int i = 0; i < n; i++) {
                if (HIST_IS[i] == b) {
                    acc = product ? acc * HIST_VS[i] : acc + HIST_VS[i];
                }
            }
            for (int i = 0; i < n; i++) {
                if (HIST_IS[i] == b) {
                    double others = 1;
                    for (int k = 0; k < n; k++) {
                        if (k != i && HIST_IS[k] == b) {
                            others *= HIST_VS[k];
                        }
                    }
                    j[b][i] = HIST_C[b] * (product ? others : 1);
                }
            }
            j[b][n + b] = acc;
        }
        return sj(j);
    }

    static List<Ported> all() {
        return List.of(
                fu("map0.fut", 7, "prim", """
                        // map2 (f32.*) xs, differentiated with respect to ys
                        @Differentiable(wrt = "ys")
                        static float[] prim(float[] xs, float[] ys) {
                            float[] r = new float[xs.length];
                            for (int i = 0; i < xs.length; i++) {
                                r[i] = xs[i] * ys[i];
                            }
                            return r;
                        }
                        """, p(f(1, 2, 3), f(4, 5, 6)), p(f(-0.5f, 2, 0.25f), f(3, -1, 2)))
                        .publishes(sj(new double[][] {{1, 0, 0}, {0, 2, 0}, {0, 0, 3}}), 1e-6, f(1, 2, 3), f(4, 5, 6)),
                fu("reduce0.fut", 7, "product", """
                        // f32.product: reduce (*) 1
                        @Differentiable
                        static float product(float[] xs) {
                            float p = 1;
                            for (float x : xs) {
                                p *= x;
                            }
                            return p;
                        }
                        """, p(f(1, 2, 3)), p(f(0.5f, -2, 1.5f, 3)))
                        .publishes(d(6, 3, 2), 1e-6, f(1, 2, 3))
                        // reducemul0.fut: two zeros, every partial derivative 0
                        .publishes(d(0, 0, 0, 0), 0, f(0, 2, 0, 4)),
                fu("reducemul1.fut", 6, "redMult", """
                        @Differentiable
                        static float redMult(float[] xs, float c) {
                            float p = 1;
                            for (int i = 0; i < xs.length; i++) {
                                p = p * xs[i];
                            }
                            return p * c;
                        }
                        """, p(f(1, 2, 3, 4), 3.0f), p(f(0.5f, -1, 2), -2.0f))
                        .publishes(d(0, 36, 0, 0, 0), 1e-6, f(1, 0, 3, 4), 3.0f),
                fu(
                                "reduce1.fut",
                                33,
                                "primal",
                                """
                        // reduce mm2by2 (1, 0, 0, 1) over n 2x2 matrices (a, b, c, d), each a row of xs
                        static float[] mm2by2(float[] m1, float[] m2) {
                            return new float[] {
                                m1[0] * m2[0] + m1[1] * m2[2],
                                m1[0] * m2[1] + m1[1] * m2[3],
                                m1[2] * m2[0] + m1[3] * m2[2],
                                m1[2] * m2[1] + m1[3] * m2[3]
                            };
                        }

                        @Differentiable
                        static float[] primal(float[][] xs) {
                            float[] acc = {1, 0, 0, 1};
                            for (float[] m : xs) {
                                acc = mm2by2(acc, m);
                            }
                            return acc;
                        }
                        """,
                                p((Object) new float[][] {{1, 2, 3, 4}, {4, 3, 2, 1}, {1, 2, 3, 4}, {4, 3, 2, 1}}),
                                p((Object) new float[][] {{0.5f, -1, 2, 1}, {1, 0.25f, -0.5f, 2}}))
                        .publishes(
                                sj(new double[][] {
                                    {92, 36, 0, 0, 8, 20, 16, 40, 32, 16, 20, 10, 23, 0, 36, 0},
                                    {59, 23, 0, 0, 5, 13, 10, 26, 24, 8, 15, 5, 0, 23, 0, 36},
                                    {0, 0, 92, 36, 24, 60, 32, 80, 80, 40, 52, 26, 59, 0, 92, 0},
                                    {0, 0, 59, 23, 15, 39, 20, 52, 60, 20, 39, 13, 0, 59, 0, 92}
                                }),
                                1e-6,
                                (Object) new float[][] {{1, 2, 3, 4}, {4, 3, 2, 1}, {1, 2, 3, 4}, {4, 3, 2, 1}}),
                fu("scan0.fut", 15, "scanMul", """
                        // scan (*) 1
                        @Differentiable
                        static float[] scanMul(float[] a) {
                            float[] r = new float[a.length];
                            float acc = 1;
                            for (int i = 0; i < a.length; i++) {
                                acc *= a[i];
                                r[i] = acc;
                            }
                            return r;
                        }
                        """, p(f(1, 2, 3, 4, 5)), p(f(0.5f, -1, 2)))
                        .publishes(
                                sj(new double[][] {
                                    {1, 0, 0, 0, 0},
                                    {2, 1, 0, 0, 0},
                                    {6, 3, 2, 0, 0},
                                    {24, 12, 8, 6, 0},
                                    {120, 60, 40, 30, 24}
                                }),
                                1e-6,
                                f(1, 2, 3, 4, 5)),
                fu("scan1.fut", 15, "scanAdd", """
                        // scan (+) 0, the running sum written in place over a copy
                        @Differentiable
                        static float[] scanAdd(float[] a) {
                            float[] r = a.clone();
                            for (int i = 1; i < r.length; i++) {
                                r[i] += r[i - 1];
                            }
                            return r;
                        }
                        """, p(f(1, 2, 3, 4, 5)), p(f(0.5f, -1, 2)))
                        .publishes(
                                sj(new double[][] {
                                    {1, 0, 0, 0, 0}, {1, 1, 0, 0, 0}, {1, 1, 1, 0, 0}, {1, 1, 1, 1, 0}, {1, 1, 1, 1, 1}
                                }),
                                1e-6,
                                f(1, 2, 3, 4, 5)),
                fu(
                        "scan2.fut",
                        9,
                        "primal",
                        """
                        // scan (map2 (+)) over the rows of a, the n x k result flattened row by row
                        @Differentiable
                        static float[] primal(float[][] a) {
                            int k = a[0].length;
                            float[] r = new float[a.length * k];
                            float[] acc = new float[k];
                            for (int i = 0; i < a.length; i++) {
                                for (int j = 0; j < k; j++) {
                                    acc[j] += a[i][j];
                                    r[i * k + j] = acc[j];
                                }
                            }
                            return r;
                        }
                        """,
                        p((Object) new float[][] {{1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}}),
                        p((Object) new float[][] {{0.5f, -1, 2}, {1, 3, -2}})),
                fu("hist_minmax.fut", 18, "histMax", """
                        // hist f32.max f32.lowest k is vs, indices outside [0, k) ignored
                        @Differentiable
                        static float[] histMax(int k, long[] is, float[] vs) {
                            float[] h = new float[k];
                            Arrays.fill(h, -Float.MAX_VALUE);
                            for (int i = 0; i < is.length; i++) {
                                if (is[i] >= 0 && is[i] < k) {
                                    int b = (int) is[i];
                                    h[b] = Math.max(h[b], vs[i]);
                                }
                            }
                            return h;
                        }
                        """, p(5, HIST_IS, HIST_VS))
                        .publishes(sj(ones(18, 6, 10, 2, 14, 8)), 1e-6, 5, HIST_IS, HIST_VS),
                fu("hist_add.fut", 29, "histAdd", """
                        // r = hist (+) 0 m is vs; map2 (*) r c
                        @Differentiable
                        static float[] histAdd(long[] is, float[] vs, float[] c) {
                            int m = c.length;
                            float[] r = new float[m];
                            for (int i = 0; i < is.length; i++) {
                                if (0 <= is[i] && is[i] < m) {
                                    r[(int) is[i]] += vs[i];
                                }
                            }
                            for (int b = 0; b < m; b++) {
                                r[b] *= c[b];
                            }
                            return r;
                        }
                        """, p(HIST_IS, HIST_VS, HIST_C))
                        .publishes(histGradient(false), 1e-6, HIST_IS, HIST_VS, HIST_C),
                fu("hist_mul.fut", 29, "histMul", """
                        // r = hist (*) 1 m is vs; map2 (*) r c
                        @Differentiable
                        static float[] histMul(long[] is, float[] vs, float[] c) {
                            int m = c.length;
                            float[] r = new float[m];
                            Arrays.fill(r, 1f);
                            for (int i = 0; i < is.length; i++) {
                                if (0 <= is[i] && is[i] < m) {
                                    r[(int) is[i]] *= vs[i];
                                }
                            }
                            float[] out = new float[m];
                            for (int b = 0; b < m; b++) {
                                out[b] = r[b] * c[b];
                            }
                            return out;
                        }
                        """, p(HIST_IS, HIST_VS, HIST_C))
                        .publishes(histGradient(true), 1e-6, HIST_IS, HIST_VS, HIST_C),
                fu("matmul.fut", 22, "matmul", """
                        // dotprod xs ys = sum (map2 (+) xs ys); the n x p result flattened, differentiated in yss
                        static double dotprod(double[] xs, double[][] yss, int col) {
                            double s = 0;
                            for (int k = 0; k < xs.length; k++) {
                                s += xs[k] + yss[k][col];
                            }
                            return s;
                        }

                        @Differentiable(wrt = "yss")
                        static double[] matmul(double[][] xss, double[][] yss) {
                            int p = yss[0].length;
                            double[] r = new double[xss.length * p];
                            for (int i = 0; i < xss.length; i++) {
                                for (int j = 0; j < p; j++) {
                                    r[i * p + j] = dotprod(xss[i], yss, j);
                                }
                            }
                            return r;
                        }
                        """, p(new double[][] {{1, 2}, {3, 4}}, new double[][] {{5, 6}, {7, 8}}))
                        .publishes(
                                sj(new double[][] {{1, 0, 1, 0}, {0, 1, 0, 1}, {1, 0, 1, 0}, {0, 1, 0, 1}}),
                                0,
                                new double[][] {{1, 2}, {3, 4}},
                                new double[][] {{5, 6}, {7, 8}}),
                fu("minmax.fut", 10, "minMax", """
                        // (f64.minimum ys, f64.maximum ys) of ys = map f64.abs xs
                        @Differentiable
                        static double[] minMax(double[] xs) {
                            double lo = Double.POSITIVE_INFINITY;
                            double hi = Double.NEGATIVE_INFINITY;
                            for (double x : xs) {
                                double y = Math.abs(x);
                                lo = Math.min(lo, y);
                                hi = Math.max(hi, y);
                            }
                            return new double[] {lo, hi};
                        }
                        """, p(d(1, 2, 3, 4, 5, -6, 5.5)))
                        .publishes(d(0.5, 0, 0, 0, 0, -0.75, 0), 0, d(1, 2, 3, 4, 5, -6, 5)),
                fu("maximum.fut", 10, "absMax", """
                        // map f64.abs >-> f64.maximum
                        @Differentiable
                        static double absMax(double[] xs) {
                            double m = Double.NEGATIVE_INFINITY;
                            for (int i = 0; i < xs.length; i++) {
                                m = Math.max(m, Math.abs(xs[i]));
                            }
                            return m;
                        }
                        """, p(d(1, 2, 3, 4, 5, -6, 5)), p(d(0.5, -0.25)))
                        .publishes(d(0, 0, 0, 0, 0, -1, 0), 0, d(1, 2, 3, 4, 5, -6, 5))
                        // at the tie the file gives (1, 0), the first; Math.max and Math.min split a tie evenly
                        .publishes(d(0.5, 0.5), 0, d(1, 1)),
                fu("minimum.fut", 13, "minimum", """
                        // f64.minimum, a reduce with f64.min from +inf
                        @Differentiable
                        static double minimum(double[] xs) {
                            double m = Double.POSITIVE_INFINITY;
                            for (double x : xs) {
                                m = Math.min(m, x);
                            }
                            return m;
                        }
                        """, p(d(1, 2, 3, 4, 5, 6, 5)), p(d(0.5, -0.25, 3)))
                        .publishes(d(1, 0, 0, 0, 0, 0, 0), 0, d(1, 2, 3, 4, 5, 6, 5))
                        // at the tie the file gives (1, 0), the first; Math.max and Math.min split a tie evenly
                        .publishes(d(0.5, 0.5), 0, d(1, 1)));
    }
}
