package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.List;

/**
 * Tracker.jl's {@code test/tracker.jl} (github.com/FluxML/Tracker.jl). Its {@code gradtest(f, xs...)} checks the
 * gradient of {@code sum(sin.(f(xs...)))}; each method here computes {@code f} as a Java programmer would and ends in
 * that sum (helper {@code sumSin}): the dense layers with {@code σ} and {@code logσ}, {@code w'x}, {@code w * x'},
 * {@code A * x}, {@code x * A}, {@code sum} and {@code prod} over dimensions, {@code softmax} and {@code logsoftmax}
 * along either dimension, {@code det} (Gaussian elimination with partial pivoting), {@code logdet(x x')} (Cholesky),
 * {@code view}, {@code vcat}/{@code hcat}, {@code reverse}, {@code repeat}, {@code kron}, {@code diagm}, {@code A \ B}
 * and {@code inv(log.(W * W))} (Gauss-Jordan), {@code mean}/{@code maximum}/{@code minimum} over dimensions,
 * {@code std}/{@code var}, {@code dot}, {@code norm}, a 1-d {@code conv} and {@code maxpool}/{@code meanpool}; and the
 * scalar tests with published values ({@code Intermediates}: 8, {@code collect}: (3, 2), {@code Custom
 * Sensitivities}: {@code [3x^2, 2x]} at 5).
 */
final class ReverseDiffTrackerFunctions {
    private ReverseDiffTrackerFunctions() {}

    static Ported of(String method, String body, Object[]... points) {
        return new Ported(
                "tracker.tracker." + method,
                "FluxML/Tracker.jl test/tracker.jl",
                method,
                SUM_SIN + body,
                List.of(points),
                List.of(),
                "static");
    }

    private static final String SUM_SIN = """
            static double sumSin(double[] y) {
                double s = 0;
                for (double v : y) {
                    s += Math.sin(v);
                }
                return s;
            }

            static double sumSin(double[][] y) {
                double s = 0;
                for (double[] row : y) {
                    s += sumSin(row);
                }
                return s;
            }

            """;

    static final double[][] A55 = {
        {0.9, 0.2, 0.3, 0.1, 0.4},
        {0.3, 0.8, 0.25, 0.5, 0.15},
        {0.45, 0.1, 0.7, 0.35, 0.2},
        {0.15, 0.6, 0.05, 0.95, 0.3},
        {0.5, 0.25, 0.4, 0.2, 0.85}
    };
    static final double[][] A55_PLUS_I = {
        {1.9, 0.2, 0.3, 0.1, 0.4},
        {0.3, 1.8, 0.25, 0.5, 0.15},
        {0.45, 0.1, 1.7, 0.35, 0.2},
        {0.15, 0.6, 0.05, 1.95, 0.3},
        {0.5, 0.25, 0.4, 0.2, 1.85}
    };
    static final double[][] B55 = {
        {0.6, 0.15, 0.35, 0.7, 0.2},
        {0.1, 0.55, 0.45, 0.3, 0.9},
        {0.8, 0.4, 0.65, 0.05, 0.25},
        {0.2, 0.75, 0.1, 0.5, 0.4},
        {0.35, 0.3, 0.6, 0.15, 0.95}
    };
    static final double[] X5 = {0.3, -0.7, 1.1, 0.45, -0.2};
    static final double[][] W25 = {{0.4, -0.3, 0.8, 0.1, -0.6}, {0.2, 0.9, -0.5, 0.7, 0.3}};
    static final double[][] M35 = {
        {0.3, -0.7, 1.1, 0.45, -0.2}, {0.9, 0.05, -0.4, 0.6, 1.3}, {-1.2, 0.5, 0.25, -0.8, 0.7}
    };

    static List<Ported> all() {
        List<Ported> l = new ArrayList<>();
        String dense = """
                static double sigma(double z) {
                    return 1 / (1 + Math.exp(-z));
                }

                // logσ as -softplus(-z), stable for large |z|
                static double logSigma(double z) {
                    return -(Math.max(-z, 0) + Math.log1p(Math.exp(-Math.abs(z))));
                }

                static double[] dense(double[][] w, double[] x, double[] b, boolean log) {
                    double[] y = new double[w.length];
                    for (int i = 0; i < w.length; i++) {
                        double z = b == null ? 0 : b[i];
                        for (int j = 0; j < x.length; j++) {
                            z += w[i][j] * x[j];
                        }
                        y[i] = log ? logSigma(z) : sigma(z);
                    }
                    return y;
                }
                """;
        l.add(of("denseSigmoid", dense + """

                // gradtests 1: σ.(W*x .+ b) and logσ.(W*x .+ b), x a vector
                @Differentiable
                static double denseSigmoid(double[] x, double[][] w, double[] b, boolean log) {
                    return sumSin(dense(w, x, b, log));
                }
                """, p(X5, W25, d(0.1, -0.4), false), p(X5, W25, d(0.1, -0.4), true)));
        l.add(of("denseNoBias", dense + """

                // gradtests 1: σ.(W*x), no bias (null): rejected, sumSin's overloads not told apart (FindingsTest)
                @Differentiable(wrt = {"x", "w"})
                static double denseNoBias(double[] x, double[][] w) {
                    return sumSin(dense(w, x, null, false));
                }
                """, p(X5, W25)).rejected("'sumSin' names several of 1 parameter"));
        l.add(of("denseZeroBias", dense + """

                // gradtests 1: σ.(W*x), the missing bias passed as a new array of zeros (rejected before
                // YotaTrackerFastAdFindingsTest's fix)
                @Differentiable(wrt = {"x", "w"})
                static double denseZeroBias(double[] x, double[][] w) {
                    return sumSin(dense(w, x, new double[w.length], false));
                }
                """, p(X5, W25)));
        l.add(of("denseBatch", dense + """

                // gradtests 1: σ.(W*x .+ b) and logσ with x a (5, 3) batch, here three rows
                @Differentiable
                static double denseBatch(double[][] xs, double[][] w, double[] b, boolean log) {
                    double s = 0;
                    for (double[] x : xs) {
                        s += sumSin(dense(w, x, b, log));
                    }
                    return s;
                }
                """, p(M35, W25, d(0.1, -0.4), false), p(M35, W25, d(0.1, -0.4), true)));
        l.add(of(
                "wTransposeX",
                """
                // (w, x) -> w'*x, w (10, 2) here (4, 2)
                @Differentiable
                static double wTransposeX(double[][] w, double[] x) {
                    double[] y = new double[w[0].length];
                    for (int k = 0; k < w.length; k++) {
                        for (int j = 0; j < y.length; j++) {
                            y[j] += w[k][j] * x[k];
                        }
                    }
                    return sumSin(y);
                }
                """,
                p(m(d(0.3, -1.2), d(0.8, 0.4), d(-0.5, 0.9), d(1.1, 0.2)), d(0.6, -0.3, 0.7, 1.4))));
        l.add(of(
                "wTimesXTransposed",
                """
                // (w, x) -> w * x' for two (5, 5) matrices (here 3 x 3)
                @Differentiable
                static double wTimesXTransposed(double[][] w, double[][] x) {
                    double[][] y = new double[w.length][x.length];
                    for (int i = 0; i < w.length; i++) {
                        for (int j = 0; j < x.length; j++) {
                            for (int k = 0; k < x[j].length; k++) {
                                y[i][j] += w[i][k] * x[j][k];
                            }
                        }
                    }
                    return sumSin(y);
                }
                """,
                p(
                        m(d(0.3, -1.2, 0.5), d(0.8, 0.4, -0.1), d(-0.5, 0.9, 0.2)),
                        m(d(0.6, -0.3, 0.7), d(1.4, 0.25, -0.8), d(0.1, 0.5, 0.9)))));
        l.add(of("constantTimes", """
                // A * x and x * A with A a constant (5, 5)
                @Differentiable(wrt = "x")
                static double constantTimes(double[][] x, double[][] a) {
                    int n = a.length;
                    double[][] ax = new double[n][n];
                    double[][] xa = new double[n][n];
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            for (int k = 0; k < n; k++) {
                                ax[i][j] += a[i][k] * x[k][j];
                                xa[i][j] += x[i][k] * a[k][j];
                            }
                        }
                    }
                    return sumSin(ax) + sumSin(xa);
                }
                """, p(B55, A55)));
        l.add(of("sumDims", """
                // sum(x, dims = 1), sum(x, dims = 2), sum(x): column sums, row sums, total
                @Differentiable
                static double sumDims(double[][] x) {
                    double[] cols = new double[x[0].length];
                    double[] rows = new double[x.length];
                    double total = 0;
                    for (int i = 0; i < x.length; i++) {
                        for (int j = 0; j < x[i].length; j++) {
                            cols[j] += x[i][j];
                            rows[i] += x[i][j];
                            total += x[i][j];
                        }
                    }
                    return sumSin(cols) + sumSin(rows) + Math.sin(total);
                }
                """, p((Object) m(d(0.3, -0.8, 1.2), d(-0.4, 0.9, 0.1)))));
        l.add(of("prodDims", """
                // prod(x, dims = 2) and prod(x): row products, then the product of all
                @Differentiable
                static double prodDims(double[][] x) {
                    double[] rows = new double[x.length];
                    double all = 1;
                    for (int i = 0; i < x.length; i++) {
                        rows[i] = 1;
                        for (double v : x[i]) {
                            rows[i] *= v;
                            all *= v;
                        }
                    }
                    return sumSin(rows) + Math.sin(all);
                }
                """, p((Object)
                m(d(0.9, 1.3, 0.7, 1.1), d(1.2, 0.8, 1.05, 0.6), d(0.5, 1.4, 1.25, 0.95)))));
        l.add(of(
                "softmaxWeighted",
                """
                // softmax(x; dims = d) .* (1:3) and logsoftmax(x; dims = d) .* (1:3), x (3, 5): dims = 1 normalises
                // each column, dims = 2 each row; the weights 1, 2, 3 run down the rows
                @Differentiable(wrt = "x")
                static double softmaxWeighted(double[][] x, boolean byColumn, boolean log) {
                    int n = x.length;
                    int k = x[0].length;
                    double[][] y = new double[n][k];
                    int groups = byColumn ? k : n;
                    int size = byColumn ? n : k;
                    for (int g = 0; g < groups; g++) {
                        double max = Double.NEGATIVE_INFINITY;
                        for (int e = 0; e < size; e++) {
                            max = Math.max(max, byColumn ? x[e][g] : x[g][e]);
                        }
                        double sum = 0;
                        for (int e = 0; e < size; e++) {
                            sum += Math.exp((byColumn ? x[e][g] : x[g][e]) - max);
                        }
                        for (int e = 0; e < size; e++) {
                            int i = byColumn ? e : g;
                            int j = byColumn ? g : e;
                            double z = x[i][j] - max;
                            y[i][j] = (log ? z - Math.log(sum) : Math.exp(z) / sum) * (i + 1);
                        }
                    }
                    return sumSin(y);
                }
                """,
                p(M35, true, false),
                p(M35, false, false),
                p(M35, true, true),
                p(M35, false, true)));
        ReverseDiffTrackerLinAlg.add(l);
        l.add(of("meanMaxMin", """
                // mean(x), mean(x, dims=1), maximum(x, dims=1), minimum(x, dims=2), maximum(x) of a (2, 3)
                @Differentiable
                static double meanMaxMin(double[][] x) {
                    int n = x.length;
                    int k = x[0].length;
                    double total = 0;
                    double s = 0;
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < k; j++) {
                        double col = 0;
                        double colMax = Double.NEGATIVE_INFINITY;
                        for (int i = 0; i < n; i++) {
                            col += x[i][j];
                            colMax = Math.max(colMax, x[i][j]);
                            max = Math.max(max, x[i][j]);
                        }
                        total += col;
                        s += Math.sin(col / n) + Math.sin(colMax);
                    }
                    for (int i = 0; i < n; i++) {
                        double rowMin = x[i][0];
                        for (int j = 1; j < k; j++) {
                            rowMin = Math.min(rowMin, x[i][j]);
                        }
                        s += Math.sin(rowMin);
                    }
                    return s + Math.sin(total / (n * k)) + Math.sin(max);
                }
                """, p((Object) m(d(0.3, -0.8, 1.2), d(-0.4, 0.9, 0.1))), p((Object)
                m(d(0.15, 0.65, 0.45), d(0.95, 0.05, 0.35)))));
        l.add(of(
                "stdVar",
                """
                // std(x), var(x, dims = 1), var(x, dims = 1, corrected = false) of a (5, 5) (here 3 x 3)
                @Differentiable(wrt = "x")
                static double stdVar(double[][] x, boolean corrected) {
                    int n = x.length;
                    int k = x[0].length;
                    double mean = 0;
                    for (double[] row : x) {
                        for (double v : row) {
                            mean += v;
                        }
                    }
                    mean /= n * k;
                    double ss = 0;
                    for (double[] row : x) {
                        for (double v : row) {
                            ss += (v - mean) * (v - mean);
                        }
                    }
                    double s = Math.sin(Math.sqrt(ss / (n * k - 1)));
                    for (int j = 0; j < k; j++) {
                        double m = 0;
                        for (int i = 0; i < n; i++) {
                            m += x[i][j];
                        }
                        m /= n;
                        double v = 0;
                        for (int i = 0; i < n; i++) {
                            v += (x[i][j] - m) * (x[i][j] - m);
                        }
                        s += Math.sin(v / (corrected ? n - 1 : n));
                    }
                    return s;
                }
                """,
                p(m(d(0.3, -0.8, 1.2), d(-0.4, 0.9, 0.1), d(0.7, 0.2, -1.1)), true),
                p(m(d(0.3, -0.8, 1.2), d(-0.4, 0.9, 0.1), d(0.7, 0.2, -1.1)), false)));
        l.add(of("dotNorm", """
                // x .* y, dot(x, y), norm(x)
                @Differentiable
                static double dotNorm(double[] x, double[] y) {
                    double dot = 0;
                    double sq = 0;
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += Math.sin(x[i] * y[i]);
                        dot += x[i] * y[i];
                        sq += x[i] * x[i];
                    }
                    return s + Math.sin(dot) + Math.sin(Math.sqrt(sq));
                }
                """, p(X5, d(0.4, -0.9, 1.5, 0.2, 0.6))));
        l.add(of("squarePlus", """
                // gradtest(rand(5)) do x; y = x.^2; 2y + x end
                @Differentiable
                static double squarePlus(double[] x) {
                    double[] y = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        y[i] = Math.pow(x[i], 2);
                        y[i] = 2 * y[i] + x[i];
                    }
                    return sumSin(y);
                }
                """, p((Object) X5)));
        l.add(of("intermediates", """
                // Intermediates: l = sum((x .+ x).^2); x.grad == [8] at [1]
                @Differentiable
                static double intermediates(double[] x) {
                    double l = 0;
                    for (double v : x) {
                        l += Math.pow(v + v, 2);
                    }
                    return l;
                }
                """, p((Object) d(1, -0.5))).publishes(d(8), 0, (Object) d(1)));
        l.add(of("collect", """
                // collect: xy = collect([x, y]); xy[1] * xy[2]; gradients (3, 2) at (2, 3)
                @Differentiable
                static double collect(double x, double y) {
                    double[] xy = {x, y};
                    return xy[0] * xy[1];
                }
                """, p(2.0, 3.0)).publishes(d(3, 2), 0, 2.0, 3.0));
        l.add(of("customSensitivity", """
                // Custom Sensitivities: y, back = forward(x -> [3x^2, 2x], 5); back([1, 1]) == (32,). Here the
                // suite's seed (0.5, 0.75): 0.5 * 30 + 0.75 * 2
                @Differentiable
                static double[] customSensitivity(double x) {
                    return new double[] {3 * x * x, 2 * x};
                }
                """, p(5.0), p(-1.25)).publishes(d(16.5), 0, 5.0));
        l.add(of("forwardJacobian", """
                // Forward: gradient([2, 3]) do x; x[1] * x[2] end == ([3, 2],) (a vector argument)
                @Differentiable
                static double forwardJacobian(double[] x) {
                    return x[0] * x[1];
                }
                """, p((Object) d(2, 3))).publishes(d(3, 2), 0, (Object) d(2, 3)));
        return l;
    }
}
