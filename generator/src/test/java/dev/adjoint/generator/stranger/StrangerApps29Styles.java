package dev.adjoint.generator.stranger;

/**
 * Session 29's programs written to try the README's styles (instance methods with {@code wrt = "this"}, records and
 * arrays of records, plain-class parameters, enums with switches, {@code String} switches, float versions,
 * {@code var}, labelled loops, early returns, guards, {@code Math.fma}, {@code StrictMath}, the {@code Arrays}
 * copies, static tables, overloads, varargs, helpers of another class, {@code List} data, {@code modes}) on small
 * models from the same domains; see {@link StrangerApps29Test}.
 */
final class StrangerApps29Styles {
    private StrangerApps29Styles() {}

    /** A helper class of another file: a void helper writing an array, and a numeric helper. */
    static final String GEO = """
            package stranger;

            public final class Geo {
                private Geo() {}

                public static final double DEG = Math.PI / 180;

                public static void rotate(double[] p, double angle, double[] out) {
                    double c = Math.cos(angle), s = Math.sin(angle);
                    out[0] = c * p[0] - s * p[1];
                    out[1] = s * p[0] + c * p[1];
                }

                public static double dist2(double ax, double ay, double bx, double by) {
                    return (ax - bx) * (ax - bx) + (ay - by) * (ay - by);
                }
            }
            """;

    static final String LQR_POLICY = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A linear state-feedback policy tuned as an object: gains and the input weight are its fields. */
            public class LqrPolicy {
                private final double[] k;
                private double r;
                private final double dt = 0.1;
                private int rollouts;

                public LqrPolicy(double[] k, double r) {
                    this.k = k;
                    this.r = r;
                }

                private double control(double pos, double vel) {
                    return -(k[0] * pos + k[1] * vel);
                }

                /** A double integrator's cost under the policy; the object counts its rollouts. */
                @Differentiable(wrt = "this")
                public double cost(double pos0, double vel0, int steps) {
                    rollouts++;
                    double pos = pos0, vel = vel0, j = 0;
                    for (int t = 0; t < steps; t++) {
                        double u = control(pos, vel);
                        j += pos * pos + 0.1 * vel * vel + r * u * u;
                        vel += dt * u;
                        pos += dt * vel;
                    }
                    return j;
                }
            }
            """;

    static final String STYLES = """
            package stranger;

            import dev.adjoint.Differentiable;
            import dev.adjoint.Mode;
            import java.util.Arrays;
            import java.util.List;

            /** Small models written in the README's styles. */
            public final class Styles {
                private Styles() {}

                public record Link(double len, double twist) {}

                /** A chain of links as an array of records: scalar components differentiated (wrt = "links"). */
                @Differentiable(wrt = {"links", "q"})
                public static double chainReach(Link[] links, double[] q, double tx, double ty) {
                    double x = 0, y = 0, phi = 0;
                    for (int i = 0; i < links.length; i++) {
                        phi += q[i] + links[i].twist();
                        x += links[i].len() * Math.cos(phi);
                        y += links[i].len() * Math.sin(phi);
                    }
                    return Geo.dist2(x, y, tx, ty);
                }

                public enum Loss { SQUARED, HUBER, CAUCHY }

                static double rho(double r, Loss kind, double delta) {
                    return switch (kind) {
                        case SQUARED -> 0.5 * r * r;
                        case HUBER -> Math.abs(r) <= delta ? 0.5 * r * r : delta * (Math.abs(r) - 0.5 * delta);
                        case CAUCHY -> 0.5 * delta * delta * Math.log1p(r * r / (delta * delta));
                    };
                }

                /** Robust regression, the loss chosen by an enum switched on in a helper. */
                @Differentiable(wrt = "w")
                public static double robustFit(double[] w, double[][] X, double[] y, Loss kind, double delta) {
                    double s = 0;
                    for (int i = 0; i < y.length; i++) {
                        var xi = X[i];
                        double pred = 0;
                        for (int j = 0; j < w.length; j++) pred = Math.fma(w[j], xi[j], pred);
                        s += rho(pred - y[i], kind, delta);
                    }
                    return s;
                }

                /** An activation named by a String, switched on in the method. */
                @Differentiable(wrt = "x")
                public static double activate(double[] x, String name) {
                    double s = 0;
                    for (double v : x) {
                        switch (name) {
                            case "relu" -> s += Math.max(0, v);
                            case "gelu" -> s += 0.5 * v * (1 + Math.tanh(0.7978845608 * (v + 0.044715 * v * v * v)));
                            case "swish" -> s += v / (1 + Math.exp(-v));
                            default -> throw new IllegalArgumentException("unknown activation " + name);
                        }
                    }
                    return s;
                }

                /** Lennard-Jones in float: a cluster's energy, pair terms through an overloaded helper. */
                @Differentiable(wrt = "pos")
                public static float ljFloat(float[] pos, float sigma) {
                    int n = pos.length / 2;
                    float e = 0f;
                    for (int i = 0; i < n; i++) {
                        for (int j = i + 1; j < n; j++) {
                            float r2 = sq(pos[2 * i] - pos[2 * j]) + sq(pos[2 * i + 1] - pos[2 * j + 1]);
                            float s6 = cube(sigma * sigma / r2);
                            e += 4 * (s6 * s6 - s6);
                        }
                    }
                    return e;
                }

                static float sq(float v) { return v * v; }
                static double sq(double v) { return v * v; }
                static float cube(float v) { return v * v * v; }

                /** Kepler's equation by Newton with StrictMath, a do-while to a tolerance: the radius. */
                @Differentiable(wrt = {"meanAnomaly", "ecc"})
                public static double keplerRadius(double meanAnomaly, double ecc, double a) {
                    double e = meanAnomaly;
                    int it = 0;
                    double d;
                    do {
                        d = (e - ecc * StrictMath.sin(e) - meanAnomaly) / (1 - ecc * StrictMath.cos(e));
                        e -= d;
                    } while (Math.abs(d) > 1e-15 && ++it < 50);
                    return a * (1 - ecc * StrictMath.cos(e));
                }

                /** A labelled search: the first window whose mean passes a level, smoothed contributions. */
                @Differentiable(wrt = "x")
                public static double firstCrossing(double[] x, int window, double level) {
                    double score = 0;
                    scan:
                    for (int i = 0; i + window <= x.length; i++) {
                        double[] w = Arrays.copyOfRange(x, i, i + window);
                        double m = 0;
                        for (double v : w) m += v / window;
                        for (int j = 0; j < window; j++) {
                            if (w[j] > 3 * level) continue scan;
                        }
                        score += Math.tanh(m - level);
                        if (m > level) break scan;
                    }
                    return score;
                }

                static final double[][] GL5 = {
                    {-0.9061798459386640, 0.2369268850561891}, {-0.5384693101056831, 0.4786286704993665},
                    {0.0, 0.5688888888888889}, {0.5384693101056831, 0.4786286704993665},
                    {0.9061798459386640, 0.2369268850561891}
                };

                /** A Gauss-Legendre integral over [0, T] of a discounted hazard: a static table's rows by for-each. */
                @Differentiable(wrt = {"lambda", "r"})
                public static double survivalIntegral(double lambda, double r, double T) {
                    double s = 0;
                    for (double[] node : GL5) {
                        double t = 0.5 * T * (node[0] + 1);
                        s += node[1] * Math.exp(-(lambda + r) * t) * lambda;
                    }
                    return 0.5 * T * s;
                }

                static double total(double... xs) {
                    double s = 0;
                    for (double v : xs) s += v;
                    return s;
                }

                /** A rotated point set against targets, through another class's void helper and a varargs helper. */
                @Differentiable(wrt = {"angle", "shift"})
                public static double alignment(double angle, double[] shift, double[][] pts, double[][] targets) {
                    double[] out = new double[2];
                    double e = 0;
                    for (int i = 0; i < pts.length; i++) {
                        Geo.rotate(pts[i], angle, out);
                        double dx = out[0] + shift[0] - targets[i][0];
                        double dy = out[1] + shift[1] - targets[i][1];
                        e += total(dx * dx, dy * dy, 0.01 * angle * angle);
                    }
                    return e;
                }

                public record Obs(double t, double y, boolean censored) {}

                /** Exponential decay fitted to a List of observation records, censored ones contributing survival. */
                @Differentiable(wrt = "p")
                public static double decayFit(double[] p, List<Obs> data) {
                    if (data.isEmpty()) return 0;
                    double s = 0;
                    for (Obs o : data) {
                        double pred = p[0] * Math.exp(-p[1] * o.t());
                        if (o.censored()) {
                            s += Math.max(0, o.y() - pred);
                        } else {
                            s += sq(pred - o.y());
                        }
                    }
                    return s / data.size();
                }

                /** Only a gradient is wanted (modes = REVERSE): a smoothed hinge loss. */
                @Differentiable(wrt = "w", modes = {Mode.REVERSE})
                public static double hingeOnly(double[] w, double[][] X, int[] y) {
                    double s = 0;
                    for (int i = 0; i < X.length; i++) {
                        double m = 0;
                        for (int j = 0; j < w.length; j++) m += X[i][j] * w[j];
                        double z = 1 - (2 * y[i] - 1) * m;
                        s += z > 0 ? z * z : 0;
                    }
                    return s;
                }

                /** Asks for no Hvp, but its Jvp is kept: hingeForward's Jvp calls it. */
                @Differentiable(wrt = "w", modes = {Mode.REVERSE})
                public static double hingeBase(double[] w, double[][] X, int[] y) {
                    double s = 0;
                    for (int i = 0; i < X.length; i++) {
                        double m = 0;
                        for (int j = 0; j < w.length; j++) m += X[i][j] * w[j];
                        s += Math.log1p(Math.exp(-(2 * y[i] - 1) * m));
                    }
                    return s;
                }

                /** Gradient and forward mode, no Hvp. */
                @Differentiable(wrt = "w", modes = {Mode.REVERSE, Mode.FORWARD})
                public static double hingeForward(double[] w, double[][] X, int[] y) {
                    return hingeBase(w, X, y) + 0.5 * w[0] * w[0];
                }

                /** The loss PyTorch would write as (exp(w*x) - y*w*x).mean() + 0.5*(w**2).sum(), for the Tensor tour. */
                @Differentiable(wrt = "w")
                public static double poissonLoss(double[] w, double[] x, double[] y) {
                    double m = 0, r = 0;
                    for (int i = 0; i < w.length; i++) {
                        double z = w[i] * x[i];
                        m += Math.exp(z) - y[i] * z;
                        r += w[i] * w[i];
                    }
                    return m / w.length + 0.5 * r;
                }

                /** A moving-average crossover signal with a guard, an early return and a window copied by arraycopy. */
                @Differentiable(wrt = "prices")
                public static double crossover(double[] prices, int fast, int slow) {
                    if (fast >= slow) throw new IllegalArgumentException(String.format("fast %d must be below slow %d", fast, slow));
                    if (prices.length < slow) return 0;
                    double[] win = new double[slow];
                    double pnl = 0;
                    for (int t = slow; t < prices.length; t++) {
                        System.arraycopy(prices, t - slow, win, 0, slow);
                        double f = 0, s = 0;
                        for (int k = 0; k < slow; k++) {
                            s += win[k] / slow;
                            if (k >= slow - fast) f += win[k] / fast;
                        }
                        double pos = Math.tanh(5 * (f - s) / s);
                        pnl += pos * (prices[t] - prices[t - 1]);
                    }
                    return pnl;
                }

                /** A spectral-like array result with early returns of new arrays of one length. */
                @Differentiable(wrt = "c")
                public static double[] polar(double[] c) {
                    double r = Math.hypot(c[0], c[1]);
                    if (r < 1e-12) return new double[] {0, 0};
                    return new double[] {r, Math.atan2(c[1], c[0])};
                }
            }
            """;

    static final String TANK = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A heated tank held in a plain class, differentiated as a parameter (wrt = "tank"). */
            public final class Tank {
                public static final class Params {
                    double area;
                    double ua;
                    final double[] inflow;
                    int n;

                    public Params(double area, double ua, double[] inflow, int n) {
                        this.area = area;
                        this.ua = ua;
                        this.inflow = inflow;
                        this.n = n;
                    }
                }

                /** Temperature tracking of a tank heated by u[t] with losses ua, inflows cooling it. */
                @Differentiable(wrt = {"tank", "u"})
                public static double track(Params tank, double[] u, double tAmb, double setpoint, double dt) {
                    double temp = tAmb;
                    double j = 0;
                    for (int t = 0; t < tank.n; t++) {
                        double dT = (u[t] - tank.ua * (temp - tAmb) - tank.inflow[t] * (temp - tAmb)) / tank.area;
                        temp += dt * dT;
                        j += (temp - setpoint) * (temp - setpoint) + 1e-3 * u[t] * u[t];
                    }
                    return j;
                }
            }
            """;
}
