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

    static final String ODD = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Everyday Java a newcomer writes: tables filled in a static block, an interface's table, odd loops. */
            public final class Odd {
                private Odd() {}

                interface Consts {
                    double[] W = {0.2, 0.3, 0.5};
                }

                static final double[] FACT = new double[12];

                static {
                    FACT[0] = 1;
                    for (int i = 1; i < FACT.length; i++) FACT[i] = FACT[i - 1] * i;
                }

                static final double[] CURVE = {0.0, 0.3, 0.8, 1.5, 2.1, 2.4};

                /** A Poisson CDF through a factorial table filled in a static initializer. */
                @Differentiable(wrt = "lambda")
                public static double poissonCdf(double lambda, int k) {
                    double s = 0;
                    for (int i = 0; i <= k; i++) s += Math.pow(lambda, i) / FACT[i];
                    return s * Math.exp(-lambda);
                }

                /** Linear interpolation in a table at a differentiated abscissa, the index clamped. */
                @Differentiable
                public static double lookup(double t) {
                    double u = t / 0.5;
                    int i = (int) Math.floor(u);
                    i = Math.max(0, Math.min(CURVE.length - 2, i));
                    double frac = u - i;
                    return CURVE[i] * (1 - frac) + CURVE[i + 1] * frac;
                }

                /** Two counters in one for header. */
                @Differentiable
                public static double palindrome(double[] x) {
                    double s = 0;
                    for (int i = 0, j = x.length - 1; i < j; i++, j--) s += (x[i] - x[j]) * (x[i] - x[j]);
                    return s;
                }

                /** A table of an interface, a long loop counter. */
                @Differentiable(wrt = "x")
                public static double weighted(double[] x, long n) {
                    double s = 0;
                    for (long r = 0; r < n; r++) {
                        for (int i = 0; i < x.length; i++) s += Consts.W[i % 3] * Math.sin(x[i] * (r + 1));
                    }
                    return s;
                }

                /** A guard whose message is a text block. */
                @Differentiable
                public static double guarded(double x) {
                    if (x < 0) throw new IllegalArgumentException(\"\"\"
                            x must be non-negative\"\"\");
                    return Math.sqrt(x) * Math.log1p(x);
                }

                /** A return inside a classic switch inside a loop. */
                @Differentiable(wrt = "x")
                public static double program(double[] x, int[] ops) {
                    double acc = 0;
                    for (int k = 0; k < ops.length; k++) {
                        switch (ops[k]) {
                            case 0: acc += x[k]; break;
                            case 1: acc *= x[k]; break;
                            default: return acc * 2;
                        }
                    }
                    return acc;
                }

                /** Babylonian square root in a while (true) loop left by break. */
                @Differentiable
                public static double babylon(double a) {
                    double x = 1;
                    int it = 0;
                    while (true) {
                        double nx = 0.5 * (x + a / x);
                        if (Math.abs(nx - x) < 1e-14 || ++it > 60) {
                            x = nx;
                            break;
                        }
                        x = nx;
                    }
                    return x;
                }

                /** Rosenbrock as a varargs method. */
                @Differentiable
                public static double rosen(double... x) {
                    double s = 0;
                    for (int i = 0; i + 1 < x.length; i++) s += 100 * Math.pow(x[i + 1] - x[i] * x[i], 2) + Math.pow(1 - x[i], 2);
                    return s;
                }

                /** Float compound assignments of double values (narrowing). */
                @Differentiable
                public static float narrowing(float x, float y) {
                    float f = x;
                    f *= 0.5;
                    f += Math.sin(y);
                    return f * f;
                }
            }
""";

    static final String TAGGED = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A generic model class: its type parameter's field is never read. */
            public class Tagged<T> {
                double w;
                double b;
                T tag;

                public Tagged(double w, double b, T tag) {
                    this.w = w;
                    this.b = b;
                    this.tag = tag;
                }

                @Differentiable(wrt = "this")
                public double loss(double[] x, double[] y) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        double r = Math.tanh(w * x[i] + b) - y[i];
                        s += r * r;
                    }
                    return s;
                }
            }
""";

    static final String SHAPES = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Records with methods: 2-D poses composed, a polynomial record with an array component. */
            public final class Shapes {
                private Shapes() {}

                public record Vec(double x, double y) {
                    Vec plus(Vec o) { return new Vec(x + o.x, y + o.y); }
                    Vec rotate(double a) { return new Vec(Math.cos(a) * x - Math.sin(a) * y, Math.sin(a) * x + Math.cos(a) * y); }
                    double norm2() { return x * x + y * y; }
                }

                public record Pose(Vec t, double angle) {}

                public record Poly(double[] c, double shift) {
                    double at(double z) {
                        double s = 0;
                        for (int i = c.length - 1; i >= 0; i--) s = s * (z - shift) + c[i];
                        return s;
                    }
                }

                /** Odometry: poses composed step by step, the end point's distance to a goal. */
                @Differentiable(wrt = {"start", "steps"})
                public static double odometry(Pose start, double[] steps, double[] turns, double gx, double gy) {
                    Vec p = start.t();
                    double heading = start.angle();
                    for (int k = 0; k < steps.length; k++) {
                        heading += turns[k];
                        p = p.plus(new Vec(steps[k], 0).rotate(heading));
                    }
                    return p.plus(new Vec(-gx, -gy)).norm2();
                }

                /** A polynomial record fitted to points (Horner in the record's own method, with a loop). */
                @Differentiable(wrt = "poly")
                public static double polyFit(Poly poly, double[] zs, double[] ys) {
                    double e = 0;
                    for (int i = 0; i < zs.length; i++) {
                        double r = poly.at(zs[i]) - ys[i];
                        e += r * r;
                    }
                    return e;
                }
            }
""";
}
