package dev.adjoint.generator.stranger;

/**
 * The programs in other styles of {@link StrangerApps28Test}, written from the README alone (session 28)
 * as a developer new to Adjoint would write them; see the test for what each checks.
 */
final class StrangerApps28Styles {
    private StrangerApps28Styles() {}

    static final String STYLES = """
            package stranger;

            import static stranger.NumLib.softplus;

            import dev.adjoint.CustomDerivative;
            import dev.adjoint.Differentiable;
            import dev.adjoint.DoubleGrad;
            import java.util.List;
            import java.util.Random;

            /** Programs in other styles: enums, switch expressions, records arrays, lists, custom derivatives. */
            public final class Styles {
                private Styles() {}

                public enum Boundary { PERIODIC, OPEN, MIRROR }

                public enum Averaging { ARITHMETIC, GEOMETRIC }

                public enum Kind { EQUITY, BOND }

                public record Asset(double weight, double vol, int sector, Kind kind) {}

                public record Layer(double dz, double logK) {}

                /** 1-D Ising chain with a boundary rule chosen by an enum. */
                @Differentiable(wrt = "h")
                public static double chainFreeEnergy(double[] h, double coupling, Boundary boundary) {
                    int n = h.length;
                    double e = 0;
                    for (int i = 0; i < n; i++) {
                        int j = switch (boundary) {
                            case PERIODIC -> (i + 1) % n;
                            case OPEN -> i + 1;
                            case MIRROR -> i + 1 < n ? i + 1 : n - 2;
                        };
                        if (j >= n) continue;
                        e -= coupling * Math.tanh(h[i]) * Math.tanh(h[j]);
                    }
                    for (double v : h) e += 0.5 * v * v;
                    return e;
                }

                /** Asian option with arithmetic or geometric averaging, one generator per path. */
                @Differentiable(wrt = {"s0", "vol"})
                public static double asian(double s0, double vol, double strike, double t, int steps, int paths, long seed, Averaging avg) {
                    double dt = t / steps;
                    double total = 0;
                    for (int p = 0; p < paths; p++) {
                        Random rng = new Random(seed + 31L * p);
                        double s = s0, acc = 0;
                        for (int k = 0; k < steps; k++) {
                            s *= Math.exp(-0.5 * vol * vol * dt + vol * Math.sqrt(dt) * rng.nextGaussian());
                            acc += switch (avg) {
                                case ARITHMETIC -> s;
                                case GEOMETRIC -> Math.log(s);
                            };
                        }
                        double a = avg == Averaging.ARITHMETIC ? acc / steps : Math.exp(acc / steps);
                        total += softplus(10 * (a - strike)) / 10;
                    }
                    return total / paths;
                }

                /** Portfolio volatility with a sector correlation, equities only scaled. */
                @Differentiable(wrt = "book")
                public static double portfolioVol(Asset[] book, double sameSector, double otherSector) {
                    double var = 0;
                    for (int i = 0; i < book.length; i++) {
                        for (int j = 0; j < book.length; j++) {
                            double rho = i == j ? 1 : book[i].sector() == book[j].sector() ? sameSector : otherSector;
                            double si = book[i].kind() == Kind.EQUITY ? 1.2 * book[i].vol() : book[i].vol();
                            double sj = book[j].kind() == Kind.EQUITY ? 1.2 * book[j].vol() : book[j].vol();
                            var += book[i].weight() * book[j].weight() * rho * si * sj;
                        }
                    }
                    return Math.sqrt(var);
                }

                /** Darcy flux through layers given as a list of records (data only) and a scaling parameter. */
                @Differentiable(wrt = {"logScale", "headDrop"})
                public static double layeredFlux(double logScale, double headDrop, List<Layer> layers) {
                    double depth = 0, resistance = 0;
                    for (Layer l : layers) {
                        depth += l.dz();
                        resistance += l.dz() / Math.exp(l.logK() + logScale);
                    }
                    if (depth <= 0) throw new IllegalArgumentException("no layers");
                    return headDrop / resistance; // Darcy: q = K_eff * dh / depth, K_eff = depth / resistance
                }

                // --- a custom derivative for the normal CDF (erfc-based library call) ---
                public static double phi(double x) {
                    return 0.5 * erfc(-x / Math.sqrt(2));
                }

                static double erfc(double x) { // Numerical Recipes erfcc, fractional error < 1.2e-7
                    double z = Math.abs(x);
                    double t = 1 / (1 + 0.5 * z);
                    double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                            + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                            + t * (-0.82215223 + t * 0.17087277)))))))));
                    return x >= 0 ? r : 2 - r;
                }

                @CustomDerivative(of = "phi")
                public static double phiPullback(double x, double seed, DoubleGrad dx) {
                    dx.add(seed * Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI));
                    return phi(x);
                }

                /** Probit regression log-likelihood through phi. */
                @Differentiable(wrt = "beta")
                public static double probitNll(double[] beta, double[][] x, boolean[] y) {
                    double nll = 0;
                    for (int i = 0; i < x.length; i++) {
                        double z = 0;
                        for (int j = 0; j < beta.length; j++) z += beta[j] * x[i][j];
                        nll -= y[i] ? Math.log(phi(z)) : Math.log(phi(-z));
                    }
                    return nll;
                }

                /** Varargs helper and an early return guard. */
                static double sumSq(double... v) {
                    double s = 0;
                    for (double e : v) s += e * e;
                    return s;
                }

                @Differentiable
                public static double springPotential(double x, double y, double z, double rest) {
                    double r = Math.sqrt(sumSq(x, y, z));
                    if (r < 1e-12) return 0.5 * rest * rest;
                    return 0.5 * (r - rest) * (r - rest);
                }
            }
            """;

    static final String NUM_LIB = """
            package stranger;

            /** Plain helpers of another class. */
            public final class NumLib {
                private NumLib() {}

                public static double softplus(double x) {
                    return x > 30 ? x : Math.log1p(Math.exp(x));
                }
            }
            """;

    static final String TRACKER = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** An alpha-beta tracker that advances its own state. */
            public class Tracker {
                public double alpha;
                double beta;
                public final double[] state; // position, velocity
                public int updates;

                public Tracker(double alpha, double beta, double[] state) {
                    this.alpha = alpha;
                    this.beta = beta;
                    this.state = state;
                }

                private void update(double z, double dt) {
                    double pred = state[0] + dt * state[1];
                    double r = z - pred;
                    state[0] = pred + alpha * r;
                    state[1] += beta * r / dt;
                    updates++;
                }

                /** Filtered positions after each measurement. */
                @Differentiable(wrt = "this")
                public double[] track(double[] z, double dt) {
                    double[] out = new double[z.length];
                    for (int k = 0; k < z.length; k++) {
                        update(z[k], dt);
                        out[k] = state[0];
                    }
                    return out;
                }

                /** One-step-ahead prediction error. */
                @Differentiable(wrt = "this")
                public double innovations(double[] z, double dt) {
                    double sse = 0;
                    for (double zk : z) {
                        double e = zk - (state[0] + dt * state[1]);
                        sse += e * e;
                        update(zk, dt);
                    }
                    alpha = Math.min(alpha, 0.99); // a clamp the user writes back
                    return sse;
                }
            }
            """;

    static final String GATING = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A mixture of experts as an object holding an array of records. */
            public class Gating {
                public record Expert(double[] gate, double[] w, double bias) {}

                private final Expert[] experts;
                private double temperature;

                public Gating(Expert[] experts, double temperature) {
                    this.experts = experts;
                    this.temperature = temperature;
                }

                private double score(int e, double[] x) {
                    double s = 0;
                    for (int j = 0; j < x.length; j++) s += experts[e].gate()[j] * x[j];
                    return s / temperature;
                }

                double predict(double[] x) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int e = 0; e < experts.length; e++) max = Math.max(max, score(e, x));
                    double z = 0, num = 0;
                    for (int e = 0; e < experts.length; e++) {
                        double g = Math.exp(score(e, x) - max);
                        double out = experts[e].bias();
                        for (int j = 0; j < x.length; j++) out += experts[e].w()[j] * x[j];
                        z += g;
                        num += g * out;
                    }
                    return num / z;
                }

                @Differentiable(wrt = "this")
                public double loss(double[][] xs, double[] ys) {
                    double l = 0;
                    for (int n = 0; n < xs.length; n++) {
                        double r = predict(xs[n]) - ys[n];
                        l += r * r;
                    }
                    return l / xs.length;
                }
            }
            """;

    static final String FIELDS = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Grids, stencils, ragged tables and plain objects. */
            public final class Fields {
                private Fields() {}

                /** A plate: conductivity per cell, thickness; n is the side. */
                public static final class Plate {
                    double thickness;
                    double[][] conductivity;
                    int n;

                    public Plate(double thickness, double[][] conductivity, int n) {
                        this.thickness = thickness;
                        this.conductivity = conductivity;
                        this.n = n;
                    }
                }

                static final int[][] STENCIL = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};

                /** Dirichlet energy of a temperature field with cell conductivities; neighbours from a stencil. */
                @Differentiable(wrt = {"plate", "temp"})
                public static double heatEnergy(Plate plate, double[] temp) {
                    int n = plate.n;
                    double e = 0;
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            for (int[] d : STENCIL) {
                                int a = i + d[0], b = j + d[1];
                                if (a < 0 || a >= n || b < 0 || b >= n) continue;
                                double k = 2 / (1 / plate.conductivity[i][j] + 1 / plate.conductivity[a][b]);
                                double g = temp[i * n + j] - temp[a * n + b];
                                e += 0.25 * k * g * g;
                            }
                        }
                    }
                    return plate.thickness * e;
                }

                /** de Casteljau on a ragged triangle; returns the point and the arc of a control polygon. */
                @Differentiable(wrt = "ctrl")
                public static double[] bezierPoint(double[] ctrl, double t) {
                    int n = ctrl.length / 2;
                    double[][] tri = new double[n][];
                    tri[0] = ctrl.clone();
                    for (int level = 1; level < n; level++) {
                        tri[level] = new double[2 * (n - level)];
                        for (int i = 0; i < n - level; i++) {
                            for (int c = 0; c < 2; c++) {
                                tri[level][2 * i + c] = (1 - t) * tri[level - 1][2 * i + c] + t * tri[level - 1][2 * i + 2 + c];
                            }
                        }
                    }
                    return new double[] {tri[n - 1][0], tri[n - 1][1]};
                }

                /** Soft histogram matching with an int[] of bin counts filled by hand. */
                @Differentiable(wrt = "x")
                public static double histogramLoss(double[] x, double[] target, double lo, double width) {
                    int bins = target.length;
                    int[] counts = new int[bins];
                    double[] soft = new double[bins];
                    for (double v : x) {
                        int b = (int) Math.floor((v - lo) / width);
                        if (b < 0) b = 0;
                        if (b >= bins) b = bins - 1;
                        counts[b]++;
                        for (int k = 0; k < bins; k++) {
                            double c = lo + (k + 0.5) * width;
                            soft[k] += Math.exp(-0.5 * (v - c) * (v - c) / (width * width));
                        }
                    }
                    double loss = 0;
                    for (int k = 0; k < bins; k++) {
                        double weight = counts[k] > 0 ? 1.0 : 0.5;
                        loss += weight * (soft[k] / x.length - target[k]) * (soft[k] / x.length - target[k]);
                    }
                    return loss;
                }

                /** RK4 of a pendulum with array reassignment x = step(x, h); returns the final state. */
                static double[] deriv(double[] s, double g) {
                    return new double[] {s[1], -g * Math.sin(s[0])};
                }

                static double[] rk4(double[] s, double g, double h) {
                    double[] k1 = deriv(s, g);
                    double[] a = {s[0] + 0.5 * h * k1[0], s[1] + 0.5 * h * k1[1]};
                    double[] k2 = deriv(a, g);
                    double[] b = {s[0] + 0.5 * h * k2[0], s[1] + 0.5 * h * k2[1]};
                    double[] k3 = deriv(b, g);
                    double[] c = {s[0] + h * k3[0], s[1] + h * k3[1]};
                    double[] k4 = deriv(c, g);
                    return new double[] {
                        s[0] + h / 6 * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0]), s[1] + h / 6 * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1])
                    };
                }

                @Differentiable(wrt = {"s", "g"})
                public static double[] pendulum(double[] s, double g, double h, int steps) {
                    for (int i = 0; i < steps; i++) s = rk4(s, g, h);
                    return s;
                }

                /** A search with a labelled break and a switch yielding from a block. */
                @Differentiable(wrt = "w")
                public static double piecewise(double[] w, double[] knots, int mode) {
                    double acc = 0;
                    outer:
                    for (int i = 0; i < w.length; i++) {
                        for (int k = 0; k < knots.length; k++) {
                            if (w[i] < knots[k]) {
                                acc += switch (mode) {
                                    case 0 -> k * w[i];
                                    case 1 -> {
                                        double q = w[i] - knots[k];
                                        yield q * q;
                                    }
                                    default -> Math.sin(w[i]) * k;
                                };
                                if (acc > 50) break outer;
                                continue outer;
                            }
                        }
                        acc += Math.exp(-w[i]);
                    }
                    return acc;
                }
            }
            """;
}
