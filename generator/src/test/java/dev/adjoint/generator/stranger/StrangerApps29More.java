package dev.adjoint.generator.stranger;

/**
 * More programs of {@link StrangerApps29StylesTest}, written from the README alone (session 29): an enum's static
 * method, a stochastic epidemic with one {@code Random} per path, nested model classes (a filter with an array result,
 * a recommender holding factor matrices), {@code List<double[]>} rows and a 3-D weight array.
 */
final class StrangerApps29More {
    private StrangerApps29More() {}

    /** An enum's static method, a Random per path, a nested model class with an array result, List rows, 3-D weights. */
    static final String MORE = """
            package stranger;

            import dev.adjoint.Differentiable;
            import java.util.List;
            import java.util.Random;

            public final class More {
                private More() {}

                /** A recommender holding its factor matrices: 2-D fields, int[] indices, wrt = "this". */
                public static final class MfModel {
                    private final double[][] users;
                    private final double[][] items;
                    private double globalMean;

                    public MfModel(double[][] users, double[][] items, double globalMean) {
                        this.users = users;
                        this.items = items;
                        this.globalMean = globalMean;
                    }

                    private double predict(int u, int i) {
                        double s = globalMean;
                        for (int f = 0; f < users[u].length; f++) s += users[u][f] * items[i][f];
                        return s;
                    }

                    @Differentiable(wrt = "this")
                    public double loss(int[] us, int[] is, double[] ratings, double lambda) {
                        double l = 0;
                        for (int k = 0; k < ratings.length; k++) {
                            double e = predict(us[k], is[k]) - ratings[k];
                            l += e * e;
                        }
                        for (double[] row : users) for (double v : row) l += lambda * v * v;
                        return l;
                    }
                }

                /** An operator enum whose own method names its constants. */
                public enum Op {
                    ADD, MUL, MAX;

                    @Differentiable
                    public static double apply(Op op, double a, double b) {
                        if (op == ADD) return a + b;
                        if (op == MUL) return a * b;
                        return Math.max(a, b);
                    }
                }

                /** Stochastic SEIR-like paths: one Random per path, first statement of the loop body. */
                @Differentiable(wrt = {"beta", "gamma"})
                public static double stochasticPeak(double beta, double gamma, int paths, int days, long seed) {
                    double total = 0;
                    for (int p = 0; p < paths; p++) {
                        Random rng = new Random(seed + 31L * p);
                        double s = 0.99, i = 0.01, peak = 0;
                        for (int d = 0; d < days; d++) {
                            double noise = 1 + 0.1 * rng.nextGaussian();
                            double inf = beta * noise * s * i;
                            s -= inf;
                            i += inf - gamma * i;
                            peak = Math.max(peak, i);
                        }
                        total += peak;
                    }
                    return total / paths;
                }

                /** A nested model class with wrt = "this": Outer_InnerGrad. */
                public static final class Filter {
                    double alpha;
                    double[] taps;

                    public Filter(double alpha, double[] taps) {
                        this.alpha = alpha;
                        this.taps = taps;
                    }

                    @Differentiable(wrt = "this")
                    public double[] apply(double[] x) {
                        double[] y = new double[x.length];
                        double state = 0;
                        for (int n = 0; n < x.length; n++) {
                            double fir = 0;
                            for (int k = 0; k < taps.length && k <= n; k++) fir += taps[k] * x[n - k];
                            state = alpha * state + (1 - alpha) * fir;
                            y[n] = state;
                        }
                        return y;
                    }
                }

                /** Rows of a List<double[]>: trajectories' squared speed. */
                @Differentiable(wrt = "scale")
                public static double kinetic(double scale, List<double[]> traj, double dt) {
                    double e = 0;
                    for (double[] row : traj) {
                        for (int k = 1; k < row.length; k++) {
                            double v = scale * (row[k] - row[k - 1]) / dt;
                            e += 0.5 * v * v;
                        }
                    }
                    return e;
                }

                /** A 3-D array of weights over time (an RNN's per-step matrices). */
                @Differentiable(wrt = "W")
                public static double timeVarying(double[][][] W, double[] h0, double[][] xs) {
                    double[] h = h0.clone();
                    double[] nh = new double[h0.length];
                    for (int t = 0; t < W.length; t++) {
                        for (int i = 0; i < h.length; i++) {
                            double z = xs[t][i];
                            for (int j = 0; j < h.length; j++) z += W[t][i][j] * h[j];
                            nh[i] = Math.tanh(z);
                        }
                        System.arraycopy(nh, 0, h, 0, h.length);
                    }
                    double s = 0;
                    for (double v : h) s += v;
                    return s;
                }
            }

            """;
}
