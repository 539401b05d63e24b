package dev.adjoint.generator.stranger;

/**
 * More programs of {@link StrangerApps28Test}, written from the README alone (session 28): helpers
 * returning matrices, floats, a do/while Newton solve, nested records, an enum's own method, records
 * passed across classes, an instance method calling another, table lookups, scatter through fill
 * counters, ping-pong buffers, a String switch in an interface, a narrower wrt of a callee.
 */
final class StrangerApps28More {
    private StrangerApps28More() {}

    static final String RIGID = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Rotation matrices from helpers returning double[][], composed. */
            public final class Rigid {
                private Rigid() {}

                static double[][] rodrigues(double rx, double ry, double rz) {
                    double th = Math.sqrt(rx * rx + ry * ry + rz * rz);
                    double[][] k = {{0, -rz / th, ry / th}, {rz / th, 0, -rx / th}, {-ry / th, rx / th, 0}};
                    double[][] r = new double[3][3];
                    for (int i = 0; i < 3; i++) {
                        for (int j = 0; j < 3; j++) {
                            double kk = 0;
                            for (int m = 0; m < 3; m++) kk += k[i][m] * k[m][j];
                            r[i][j] = (i == j ? 1 : 0) + Math.sin(th) * k[i][j] + (1 - Math.cos(th)) * kk;
                        }
                    }
                    return r;
                }

                static double[][] matmul(double[][] a, double[][] b) {
                    double[][] c = new double[a.length][b[0].length];
                    for (int i = 0; i < a.length; i++)
                        for (int j = 0; j < b[0].length; j++)
                            for (int m = 0; m < b.length; m++) c[i][j] += a[i][m] * b[m][j];
                    return c;
                }

                /** Two rotations composed, applied to points; a float-free residual vector. */
                @Differentiable(wrt = "r")
                public static double[] composed(double[] r, double[][] pts) {
                    double[][] rot = matmul(rodrigues(r[0], r[1], r[2]), rodrigues(r[3], r[4], r[5]));
                    double[] out = new double[3 * pts.length];
                    for (int p = 0; p < pts.length; p++) {
                        for (int i = 0; i < 3; i++) {
                            double s = 0;
                            for (int j = 0; j < 3; j++) s += rot[i][j] * pts[p][j];
                            out[3 * p + i] = s;
                        }
                    }
                    return out;
                }

                /** Orthogonality defect of the composed rotation (should be ~0): trace-based angle between them. */
                @Differentiable
                public static double relativeAngle(double[] a, double[] b) {
                    double[][] ra = rodrigues(a[0], a[1], a[2]);
                    double[][] rb = rodrigues(b[0], b[1], b[2]);
                    double tr = 0;
                    for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) tr += ra[j][i] * rb[j][i];
                    double c = Math.max(-1.0, Math.min(1.0, (tr - 1) / 2));
                    return Math.acos(c);
                }
            }
            """;

    static final String SMALL = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Floats, do/while Newton, nested records, enums with methods, interface helpers. */
            public final class Small {
                private Small() {}

                public record Inner(double a, double b) {}
                public record Outer(Inner in, double s) {}

                public enum Act {
                    RELU, TANH, SOFTPLUS;
                    static double apply(Act act, double x) {
                        return switch (act) {
                            case RELU -> Math.max(0, x);
                            case TANH -> Math.tanh(x);
                            case SOFTPLUS -> Math.log1p(Math.exp(x));
                        };
                    }
                }

                /** float focal-ish loss. */
                @Differentiable(wrt = "w")
                public static float floatLogistic(float[] w, float[][] x, int[] y) {
                    float loss = 0f;
                    for (int i = 0; i < x.length; i++) {
                        float z = 0f;
                        for (int j = 0; j < w.length; j++) z += w[j] * x[i][j];
                        float p = 1f / (1f + (float) Math.exp(-z));
                        loss -= y[i] == 1 ? (float) Math.log(p) : (float) Math.log(1 - p);
                    }
                    return loss / x.length;
                }

                /** Kepler's equation E - e sin E = M solved by do/while Newton, then the radius. */
                @Differentiable(wrt = {"e", "meanAnomaly", "a"})
                public static double keplerRadius(double e, double meanAnomaly, double a) {
                    double ecc = e;
                    double big = meanAnomaly;
                    double d;
                    int it = 0;
                    do {
                        d = (big - ecc * Math.sin(big) - meanAnomaly) / (1 - ecc * Math.cos(big));
                        big -= d;
                    } while (Math.abs(d) > 1e-15 && ++it < 60);
                    return a * (1 - ecc * Math.cos(big));
                }

                @Differentiable(wrt = "o")
                public static double nested(Outer o, double x) {
                    return o.s() * Act.apply(Act.TANH, o.in().a() * x + o.in().b());
                }

                @Differentiable(wrt = "w")
                public static double mlpAct(double[] w, double[] x, Act act) {
                    double h0 = Act.apply(act, w[0] * x[0] + w[1] * x[1]);
                    double h1 = Act.apply(act, w[2] * x[0] - w[3] * x[1]);
                    return w[4] * h0 + w[5] * h1 + Math.fma(w[4], w[5], 0.1);
                }
            }
            """;

    static final String VIEWS = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A pinhole observation of a point by a pose (angle-axis, translation), focal f. */
            public final class Views {
                private Views() {}

                @Differentiable(wrt = {"cam", "pt"})
                public static double[] reprojection(double[] cam, double[] pt, double[] obs, double f) {
                    double th = Math.sqrt(cam[0] * cam[0] + cam[1] * cam[1] + cam[2] * cam[2]);
                    double kx = cam[0] / th, ky = cam[1] / th, kz = cam[2] / th;
                    double c = Math.cos(th), s = Math.sin(th);
                    double dot = kx * pt[0] + ky * pt[1] + kz * pt[2];
                    double x = pt[0] * c + (ky * pt[2] - kz * pt[1]) * s + kx * dot * (1 - c) + cam[3];
                    double y = pt[1] * c + (kz * pt[0] - kx * pt[2]) * s + ky * dot * (1 - c) + cam[4];
                    double z = pt[2] * c + (kx * pt[1] - ky * pt[0]) * s + kz * dot * (1 - c) + cam[5];
                    return new double[] {f * x / z - obs[0], f * y / z - obs[1]};
                }
            }
            """;

    static final String CALLS = """
            package stranger;

            import dev.adjoint.Differentiable;
            import java.util.List;

            /** Cross-class calls with records, overloads, arrays passed twice, a predict method called by another. */
            public final class Calls {
                private Calls() {}

                /** Two poses' ICP cost through Geometry's @Differentiable record method. */
                @Differentiable(wrt = {"a", "b"})
                public static double twoPoses(Geometry.Pose a, Geometry.Pose b, double[][] src, double[][] dst, double[][] n) {
                    return Geometry.icpCost(a, src, dst, n) + 0.5 * Geometry.icpCost(b, dst, src, n);
                }

                static void axpy(double a, double[] x, double[] y) {
                    for (int i = 0; i < y.length; i++) y[i] += a * x[i];
                }

                @Differentiable(wrt = "v")
                public static double doubling(double[] v, double a) {
                    double[] y = v.clone();
                    axpy(a, y, y);
                    double s = 0;
                    for (double e : y) s += e * e * e;
                    return s;
                }

                @Differentiable
                public static double energy(double x) {
                    return x * x * Math.exp(-x);
                }

                @Differentiable
                public static double energy(double[] xs) {
                    double s = 0;
                    for (double x : xs) s += energy(x);
                    return s;
                }

                /** Layer fluxes as an array result with list data. */
                @Differentiable(wrt = "logK")
                public static double[] fluxes(double[] logK, List<double[]> heads) {
                    double[] q = new double[heads.size()];
                    for (int i = 0; i < q.length; i++) {
                        double[] h = heads.get(i);
                        for (int k = 0; k < logK.length; k++) q[i] += Math.exp(logK[k]) * (h[k] - h[k + 1]);
                    }
                    return q;
                }
            }
            """;

    static final String KALMAN1 = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A scalar local-level model as an object; predict is itself @Differentiable and called. */
            public class Kalman1 {
                double q;
                double r;
                double level;

                public Kalman1(double q, double r, double level) {
                    this.q = q;
                    this.r = r;
                    this.level = level;
                }

                @Differentiable(wrt = "this")
                public double gain(double p) {
                    return (p + q) / (p + q + r);
                }

                @Differentiable(wrt = "this")
                public double nll(double[] y) {
                    double p = 1.0, m = level, nll = 0;
                    for (double yk : y) {
                        double k = gain(p);
                        double s = p + q + r;
                        double e = yk - m;
                        nll += 0.5 * (Math.log(2 * Math.PI * s) + e * e / s);
                        m += k * e;
                        p = (1 - k) * (p + q);
                    }
                    return nll;
                }
            }
            """;

    static final String TRICKY = """
            package stranger;

            import dev.adjoint.Differentiable;

            public final class Tricky {
                private Tricky() {}

                static final double[] CP_TABLE = {29.1, 29.3, 29.9, 30.7, 31.6, 32.5, 33.4, 34.2, 34.9};
                static final double T0 = 300, DT = 100;

                /** Heat-capacity lookup by linear interpolation, integrated by the trapezoid rule over a path. */
                @Differentiable(wrt = "temps")
                public static double enthalpy(double[] temps) {
                    double h = 0;
                    double prevT = temps[0], prevCp = cp(temps[0]);
                    for (int k = 1; k < temps.length; k++) {
                        double c = cp(temps[k]);
                        h += 0.5 * (c + prevCp) * (temps[k] - prevT);
                        prevT = temps[k];
                        prevCp = c;
                    }
                    return h;
                }

                static double cp(double t) {
                    double u = (t - T0) / DT;
                    int i = (int) Math.floor(u);
                    if (i < 0) return CP_TABLE[0];
                    if (i >= CP_TABLE.length - 1) return CP_TABLE[CP_TABLE.length - 1];
                    double w = u - i;
                    return (1 - w) * CP_TABLE[i] + w * CP_TABLE[i + 1];
                }

                /** Bucketed sums: scatter through an int[] of fill counters written as it goes. */
                @Differentiable(wrt = "x")
                public static double bucketed(double[] x, int[] bucket, int buckets) {
                    int[] start = new int[buckets + 1];
                    for (int b : bucket) start[b + 1]++;
                    for (int b = 0; b < buckets; b++) start[b + 1] += start[b];
                    int[] fill = new int[buckets];
                    double[] sorted = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        int b = bucket[i];
                        sorted[start[b] + fill[b]++] = x[i] * x[i];
                    }
                    double s = 0;
                    for (int b = 0; b < buckets; b++) {
                        double acc = 0;
                        for (int k = start[b]; k < start[b + 1]; k++) acc = acc * 0.5 + sorted[k];
                        s += Math.sqrt(1 + acc * acc) * (b + 1);
                    }
                    return s;
                }

                /** Implied volatility by Newton from a fixed start (unrolled), then a vega-weighted error. */
                static double bs(double s, double k, double t, double vol) {
                    double sd = vol * Math.sqrt(t);
                    double d1 = (Math.log(s / k) + 0.5 * sd * sd) / sd;
                    return s * ncdf(d1) - k * ncdf(d1 - sd);
                }

                static double ncdf(double x) {
                    // Zelen-Severo style via tanh approximation (smooth): good enough for a test function
                    return 0.5 * (1 + Math.tanh(0.7978845608 * (x + 0.044715 * x * x * x)));
                }

                @Differentiable(wrt = "prices")
                public static double impliedVolFit(double[] prices, double[] strikes, double spot, double t, double target) {
                    double loss = 0;
                    for (int j = 0; j < prices.length; j++) {
                        double vol = 0.3;
                        for (int it = 0; it < 30; it++) {
                            double h = 1e-4;
                            double f = bs(spot, strikes[j], t, vol) - prices[j];
                            double df = (bs(spot, strikes[j], t, vol + h) - bs(spot, strikes[j], t, vol - h)) / (2 * h);
                            double step = f / df;
                            vol -= step;
                            if (Math.abs(step) < 1e-14) break;
                        }
                        loss += (vol - target) * (vol - target);
                    }
                    return loss;
                }

                /** Heat equation with ping-pong buffers swapped through a third name. */
                @Differentiable(wrt = "u0")
                public static double diffuse(double[] u0, double kappa, int steps) {
                    double[] cur = u0.clone();
                    double[] next = new double[u0.length];
                    for (int s = 0; s < steps; s++) {
                        for (int i = 0; i < cur.length; i++) {
                            double left = i > 0 ? cur[i - 1] : cur[i];
                            double right = i + 1 < cur.length ? cur[i + 1] : cur[i];
                            next[i] = cur[i] + kappa * (left - 2 * cur[i] + right);
                        }
                        double[] t = cur;
                        cur = next;
                        next = t;
                    }
                    double e = 0;
                    for (int i = 0; i < cur.length; i++) e += cur[i] * cur[i] * (i + 1);
                    return e;
                }

                /** A 2-D grid updated in place with an int[][] index list and compound assignments. */
                @Differentiable(wrt = "g")
                public static double splat(double[][] g, int[][] cells, double[] w) {
                    double[][] acc = new double[g.length][g[0].length];
                    for (int k = 0; k < cells.length; k++) {
                        acc[cells[k][0]][cells[k][1]] += w[k] * g[cells[k][0]][cells[k][1]];
                        g[cells[k][0]][cells[k][1]] *= 0.9;
                    }
                    double s = 0;
                    for (double[] row : acc) for (double v : row) s += Math.sin(v);
                    for (double[] row : g) for (double v : row) s += 0.1 * v * v;
                    return s;
                }
            }
            """;

    static final String NARROW = """
            package stranger;

            import dev.adjoint.Differentiable;

            public class Narrow {
                /** Delta-only pricer: wrt spot. */
                @Differentiable(wrt = "spot")
                public static double call(double spot, double strike, double vol, double t) {
                    double sd = vol * Math.sqrt(t);
                    double d1 = (Math.log(spot / strike) + 0.5 * sd * sd) / sd;
                    return spot * Tricky.ncdf(d1) - strike * Tricky.ncdf(d1 - sd);
                }

                /** A smile: vol depends on strike through the parameters, which go to call's non-wrt parameter. */
                @Differentiable(wrt = "smile")
                public static double book(double[] smile, double spot, double[] strikes, double t) {
                    double v = 0;
                    for (double k : strikes) {
                        double m = Math.log(k / spot);
                        double vol = smile[0] + smile[1] * m + smile[2] * m * m;
                        v += call(spot, k, vol, t);
                    }
                    return v;
                }

                /** Instance model with wrt this and x, an array result. */
                public static class Lens {
                    double k1;
                    double k2;
                    final double[] center;

                    public Lens(double k1, double k2, double[] center) {
                        this.k1 = k1;
                        this.k2 = k2;
                        this.center = center;
                    }

                    @Differentiable(wrt = {"this", "p"})
                    public double[] distort(double[] p) {
                        double dx = p[0] - center[0], dy = p[1] - center[1];
                        double r2 = dx * dx + dy * dy;
                        double f = 1 + k1 * r2 + k2 * r2 * r2;
                        return new double[] {center[0] + f * dx, center[1] + f * dy};
                    }
                }
            }
            """;

    static final String KERNELS = """
            package stranger;

            import static stranger.NumLib.*;

            import dev.adjoint.Differentiable;
            import java.util.logging.Logger;

            /** Kernel ridge by string-chosen kernels; an interface and an enum with their own methods. */
            public interface Kernels {
                Logger LOG = Logger.getLogger(Kernels.class.getName());

                @Differentiable(wrt = {"ell", "amp"})
                static double kernelSum(double ell, double amp, double[][] x, String kind) {
                    assert ell > 0 : "length scale must be positive";
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        for (int j = 0; j < x.length; j++) {
                            double d2 = 0;
                            for (int k = 0; k < x[i].length; k++) d2 += (x[i][k] - x[j][k]) * (x[i][k] - x[j][k]);
                            double r = Math.sqrt(d2 + 1e-12) / ell;
                            s += amp * switch (kind) {
                                case "rbf" -> Math.exp(-0.5 * r * r);
                                case "matern32" -> (1 + Math.sqrt(3) * r) * Math.exp(-Math.sqrt(3) * r);
                                case "softplus" -> softplus(-r);
                                default -> throw new IllegalArgumentException("unknown kernel " + kind);
                            };
                        }
                    }
                    return s;
                }

                enum Reg {
                    L1, L2, ELASTIC;

                    @Differentiable(wrt = "w")
                    static double penalty(double[] w, Reg reg, double lam) {
                        double p = 0;
                        for (double v : w) {
                            p += switch (reg) {
                                case L1 -> lam * Math.sqrt(v * v + 1e-8);
                                case L2 -> lam * v * v;
                                case ELASTIC -> 0.5 * lam * (Math.sqrt(v * v + 1e-8) + v * v);
                            };
                        }
                        if (reg == ELASTIC) p *= 1.0;
                        return p;
                    }
                }

                @Differentiable(wrt = "w")
                static double ridge(double[] w, double[][] x, double[] y, Reg reg) {
                    double sse = 0;
                    long rows = 0;
                    for (var row : x) {
                        double pred = 0;
                        for (int j = 0; j < w.length; j++) pred += w[j] * row[j];
                        sse += (pred - y[(int) rows]) * (pred - y[(int) rows]);
                        rows++;
                    }
                    LOG.fine("sse = " + sse);
                    char c = 'b';
                    return sse / rows + Reg.penalty(w, reg, 0.1 * (c - 'a'));
                }
            }
            """;
}
