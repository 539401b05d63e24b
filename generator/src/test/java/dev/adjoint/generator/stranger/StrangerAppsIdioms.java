package dev.adjoint.generator.stranger;

/**
 * The control-flow, float, helper and idiom programs of {@link StrangerAppsTest}. Written from the README alone,
 * as a developer new to Adjoint would write them (see the test for what each checks).
 */
final class StrangerAppsIdioms {
    private StrangerAppsIdioms() {}

    static final String PIECEWISE = """
            package stranger;

            import dev.adjoint.CustomDerivative;
            import dev.adjoint.Differentiable;
            import dev.adjoint.DoubleGrad;
            import java.util.List;

            /** Control flow as everyday code has it. */
            public final class Piecewise {
                public record Obs(double t, double y, double weight) {}

                private Piecewise() {}

                /** Huber loss with a classic switch choosing the regime from an integer code. */
                @SuppressWarnings("fallthrough")
                static double robust(double r, int code, double delta) {
                    double out;
                    switch (code) {
                        case 0:
                            out = r * r;
                            break;
                        case 1: {
                            double a = Math.abs(r);
                            out = a <= delta ? 0.5 * r * r : delta * (a - 0.5 * delta);
                            break;
                        }
                        case 2:
                            r = r / delta; // scaled, then falls through to Cauchy
                        case 3:
                            out = Math.log1p(r * r);
                            break;
                        default:
                            throw new IllegalArgumentException("unknown loss code " + code);
                    }
                    return out;
                }

                @Differentiable(wrt = "theta")
                public static double fit(double[] theta, List<Obs> data, int code) {
                    double s = 0;
                    for (Obs o : data) {
                        double pred = theta[0] + theta[1] * o.t() + theta[2] * Math.sin(o.t());
                        s += o.weight() * robust(pred - o.y(), code, 0.5);
                    }
                    return s / data.size();
                }

                /** implicit function: solve x = cos(a x) by Newton to a tolerance, loss on the root. */
                @Differentiable
                public static double root(double a) {
                    double x = 0.5;
                    int it = 0;
                    do {
                        double f = x - Math.cos(a * x);
                        double df = 1 + a * Math.sin(a * x);
                        x -= f / df;
                        it++;
                    } while (Math.abs(x - Math.cos(a * x)) > 1e-14 && it < 50);
                    return x * x;
                }

                /** cumulative trapezoid with a labelled early exit once the integral passes a cap. */
                @Differentiable(wrt = "f")
                public static double cappedIntegral(double[] f, double h, double cap) {
                    double acc = 0;
                    int stop = f.length - 1;
                    outer:
                    for (int i = 0; i < f.length - 1; i++) {
                        for (int sub = 0; sub < 2; sub++) {
                            double a = sub == 0 ? f[i] : 0.5 * (f[i] + f[i + 1]);
                            double b = sub == 0 ? 0.5 * (f[i] + f[i + 1]) : f[i + 1];
                            acc += 0.25 * h * (a + b);
                            if (acc > cap) {
                                stop = i;
                                break outer;
                            }
                        }
                    }
                    return acc + 0.001 * stop;
                }

                public static double softplus(double x) {
                    return Math.log1p(Math.exp(x));
                }

                @CustomDerivative(of = "softplus")
                public static double softplusPullback(double x, double seed, DoubleGrad dx) {
                    dx.add(seed / (1 + Math.exp(-x)));
                    return softplus(x);
                }

                /** a loss through a custom derivative, with a while loop over a varying step. */
                @Differentiable(wrt = "w")
                public static double smoothHinge(double[] w, double[][] X, int[] y) {
                    double total = 0;
                    int i = 0;
                    while (i < X.length) {
                        double m = 0;
                        for (int j = 0; j < w.length; j++) m += w[j] * X[i][j];
                        total += softplus(1 - (y[i] == 1 ? m : -m));
                        i += 1;
                    }
                    return total;
                }
            }
            """;

    static final String FLOAT_NET = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A float model, as a game or a phone would run it. */
            public final class FloatNet {
                private FloatNet() {}

                @Differentiable(wrt = {"w", "b"})
                public static float loss(float[] w, float b, float[][] X, float[] y) {
                    float s = 0f;
                    for (int i = 0; i < X.length; i++) {
                        float z = b;
                        for (int j = 0; j < w.length; j++) z += w[j] * X[i][j];
                        float p = (float) Math.tanh(z);
                        float e = p - y[i];
                        s += e * e;
                    }
                    return s / X.length;
                }
            }
            """;

    static final String UTIL = """
            package stranger;

            /** Shared numeric helpers of the project (not annotated). */
            public final class Util {
                private Util() {}

                public static double sigmoid(double z) {
                    return 1 / (1 + Math.exp(-z));
                }

                public static double sum(double... xs) {
                    double s = 0;
                    for (double x : xs) s += x;
                    return s;
                }

                public static void axpy(double a, double[] x, double[] y) {
                    for (int i = 0; i < x.length; i++) y[i] += a * x[i];
                }

                public static double[] matvec(double[][] A, double[] x) {
                    double[] y = new double[A.length];
                    for (int i = 0; i < A.length; i++) {
                        for (int j = 0; j < x.length; j++) y[i] += A[i][j] * x[j];
                    }
                    return y;
                }
            }
            """;

    static final String EPIDEMIC = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** SIR model fitted to case counts; a heat equation with an implicit step (Thomas algorithm). */
            public final class Epidemic {
                static final int N_COMPARTMENTS = 3;

                private Epidemic() {}

                static void sir(double[] y, double beta, double gamma, double[] dy) {
                    double n = Util.sum(y[0], y[1], y[2]);
                    double inf = beta * y[0] * y[1] / n;
                    dy[0] = -inf;
                    dy[1] = inf - gamma * y[1];
                    dy[2] = gamma * y[1];
                }

                @Differentiable(wrt = {"logBeta", "logGamma"})
                public static double poissonFit(double logBeta, double logGamma, double[] y0, int[] cases, double dt, int substeps) {
                    double beta = Math.exp(logBeta), gamma = Math.exp(logGamma);
                    double[] y = new double[N_COMPARTMENTS];
                    System.arraycopy(y0, 0, y, 0, N_COMPARTMENTS);
                    double[] dy = new double[N_COMPARTMENTS];
                    double nll = 0;
                    for (int day = 0; day < cases.length; day++) {
                        double before = y[2] + y[1];
                        for (int s = 0; s < substeps; s++) {
                            sir(y, beta, gamma, dy);
                            Util.axpy(dt, dy, y);
                        }
                        double lambda = Math.max(y[2] + y[1] - before, 1e-9);
                        nll += lambda - cases[day] * Math.log(lambda);
                    }
                    return nll;
                }

                /** backward Euler for u_t = kappa u_xx with Dirichlet ends; loss against a target profile. */
                @Differentiable(wrt = {"u0", "kappa"})
                public static double heat(double[] u0, double kappa, double[] target, double dt, double dx, int steps) {
                    int n = u0.length;
                    double[] u = u0.clone();
                    double[] cp = new double[n];
                    double[] dp = new double[n];
                    double lam = kappa * dt / (dx * dx);
                    for (int s = 0; s < steps; s++) {
                        // tridiagonal (-lam, 1 + 2 lam, -lam), Thomas algorithm
                        double a = -lam, b = 1 + 2 * lam, c = -lam;
                        cp[0] = c / b;
                        dp[0] = u[0] / b;
                        for (int i = 1; i < n; i++) {
                            double m = b - a * cp[i - 1];
                            cp[i] = c / m;
                            dp[i] = (u[i] - a * dp[i - 1]) / m;
                        }
                        u[n - 1] = dp[n - 1];
                        for (int i = n - 2; i >= 0; i--) u[i] = dp[i] - cp[i] * u[i + 1];
                    }
                    double loss = 0;
                    for (int i = 0; i < n; i++) loss += (u[i] - target[i]) * (u[i] - target[i]);
                    return loss;
                }

                /** an Elman RNN's last hidden state read out, weights as 2-D arrays. */
                @Differentiable(wrt = {"Wh", "Wx", "v"})
                public static double rnn(double[][] Wh, double[][] Wx, double[] v, double[][] xs) {
                    int h = Wh.length;
                    double[] state = new double[h];
                    for (double[] x : xs) {
                        double[] a = Util.matvec(Wh, state);
                        double[] b = Util.matvec(Wx, x);
                        for (int i = 0; i < h; i++) state[i] = Math.tanh(a[i] + b[i]);
                    }
                    double out = 0;
                    for (int i = 0; i < h; i++) out += v[i] * state[i];
                    return Util.sigmoid(out);
                }
            }
            """;

    static final String ORBIT = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Two-body orbit by leapfrog, written with 2-D local arrays; an instance model with a helper method. */
            public final class Orbit {
                private double mu; // gravitational parameter
                private final double[] x0;
                private final double[] v0;

                public Orbit(double mu, double[] x0, double[] v0) {
                    this.mu = mu;
                    this.x0 = x0;
                    this.v0 = v0;
                }

                private void accel(double[] x, double[] a) {
                    double r2 = x[0] * x[0] + x[1] * x[1];
                    double r3 = r2 * Math.sqrt(r2);
                    a[0] = -mu * x[0] / r3;
                    a[1] = -mu * x[1] / r3;
                }

                /** miss distance to a target after the flight, and the trajectory's closest approach to the center. */
                @Differentiable(wrt = "this")
                public double miss(double[] target, double dt, int steps) {
                    double[][] traj = new double[steps + 1][2];
                    double[] x = {x0[0], x0[1]};
                    double[] v = {v0[0], v0[1]};
                    double[] a = new double[2];
                    traj[0][0] = x[0];
                    traj[0][1] = x[1];
                    accel(x, a);
                    for (int s = 1; s <= steps; s++) {
                        for (int d = 0; d < 2; d++) {
                            v[d] += 0.5 * dt * a[d];
                            x[d] += dt * v[d];
                        }
                        accel(x, a);
                        for (int d = 0; d < 2; d++) v[d] += 0.5 * dt * a[d];
                        traj[s][0] = x[0];
                        traj[s][1] = x[1];
                    }
                    double closest = Double.MAX_VALUE;
                    for (double[] p : traj) closest = Math.min(closest, Math.hypot(p[0], p[1]));
                    double dx = x[0] - target[0], dy = x[1] - target[1];
                    return dx * dx + dy * dy + 0.1 / closest;
                }
            }
            """;

    static final String TABLES = """
            package stranger;

            import dev.adjoint.Differentiable;

            public final class Tables {
                static final double[] GRID = {0, 0.5, 1, 2, 4, 8};

                public enum Shape {
                    LINEAR, QUADRATIC;
                }

                static int locate(double t) {
                    int lo = 0, hi = GRID.length - 1;
                    while (hi - lo > 1) {
                        int mid = (lo + hi) >>> 1;
                        if (GRID[mid] <= t) lo = mid; else hi = mid;
                    }
                    return lo;
                }

                /** linear interpolation of values given at GRID, integrated against a weight. */
                @Differentiable(wrt = "values")
                public static double interp(double[] values, double[] ts) {
                    double s = 0;
                    for (double t : ts) {
                        int i = locate(t);
                        double w = (t - GRID[i]) / (GRID[i + 1] - GRID[i]);
                        s += (1 - w) * values[i] + w * values[i + 1];
                    }
                    return s;
                }

                /** uniform grid lookup with a cast to int. */
                @Differentiable(wrt = {"values", "t"})
                public static double lookup(double[] values, double t, double dt) {
                    int i = (int) Math.floor(t / dt);
                    if (i < 0) return values[0];
                    if (i >= values.length - 1) return values[values.length - 1];
                    double frac = t / dt - i;
                    return values[i] + frac * (values[i + 1] - values[i]);
                }

                /** vectors as records with methods. */
                @Differentiable(wrt = {"px", "py"})
                public static double path(double[] px, double[] py) {
                    double len = 0;
                    Vec prev = new Vec(px[0], py[0]);
                    for (int i = 1; i < px.length; i++) {
                        Vec cur = new Vec(px[i], py[i]);
                        Vec d = cur.plus(prev.scale(-1));
                        len += d.norm();
                        prev = cur;
                    }
                    return len;
                }

                /** 2x2 matrices as local 2-D arrays in a loop. */
                @Differentiable(wrt = "a")
                public static double matPower(double[] a, int n) {
                    double[][] M = {{a[0], a[1]}, {a[2], a[3]}};
                    double[][] P = {{1, 0}, {0, 1}};
                    for (int k = 0; k < n; k++) {
                        double[][] Q = new double[2][2];
                        for (int i = 0; i < 2; i++) {
                            for (int j = 0; j < 2; j++) {
                                Q[i][j] = P[i][0] * M[0][j] + P[i][1] * M[1][j];
                            }
                        }
                        for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) P[i][j] = Q[i][j];
                    }
                    return P[0][0] + P[1][1];
                }

                /** an early return from inside nested loops. */
                @Differentiable(wrt = "x")
                public static double firstCrossing(double[][] x, double level) {
                    for (int i = 0; i < x.length; i++) {
                        for (int j = 0; j < x[i].length; j++) {
                            if (x[i][j] > level) return x[i][j] * (i + 1) + j;
                        }
                    }
                    return -1;
                }

                @Differentiable(wrt = "c")
                public static double shaped(double[] c, Shape shape, double t) {
                    return switch (shape) {
                        case LINEAR -> c[0] + c[1] * t;
                        case QUADRATIC -> c[0] + c[1] * t + c[2] * t * t;
                    };
                }
            }
            """;

    static final String VEC = """
            package stranger;

            public record Vec(double x, double y) {
                Vec plus(Vec o) { return new Vec(x + o.x, y + o.y); }
                Vec scale(double s) { return new Vec(s * x, s * y); }
                double norm() { return Math.sqrt(x * x + y * y); }
                double dot(Vec o) { return x * o.x + y * o.y; }
            }
            """;

    static final String MISC = """
            package stranger;

            import dev.adjoint.Differentiable;
            import java.util.List;

            public final class Misc {
                static final double EPS = 1e-12;

                public static final class Kernels {
                    public static double rbf(double a, double b, double ell) {
                        double d = (a - b) / ell;
                        return Math.exp(-0.5 * d * d);
                    }
                }

                public static final class Inner {
                    @Differentiable
                    public static double nested(double x, double y) {
                        return Math.atan2(y, x) * Math.pow(x, 2) + Math.cbrt(y);
                    }
                }

                @Differentiable(wrt = "spot")
                public static double forVarRecords(Opt[] book, double spot) {
                    double v = 0;
                    for (var o : book) {
                        double intrinsic = o.call() ? spot - o.strike() : o.strike() - spot;
                        v += Math.log1p(Math.exp(intrinsic)) * o.expiry();
                    }
                    return v;
                }

                @Differentiable(wrt = "w")
                public static double labelsLoop(double[] w, int[] labels) {
                    double s = 0;
                    int i = 0;
                    for (int y : labels) {
                        double z = w[i % w.length];
                        s += y == 1 ? Math.log(1 + Math.exp(-z)) : Math.log(1 + Math.exp(z));
                        i++;
                    }
                    return s;
                }

                @Differentiable(wrt = "x")
                public static double interfaceHelper(double[] x, double ell) {
                    double s = 0;
                    for (int i = 0, n = x.length; i < n; i++) {
                        for (int j = 0; j < n; j++) s += Kernels.rbf(x[i], x[j], ell);
                    }
                    return s;
                }

                @Differentiable(wrt = "x")
                public static double whileTrue(double[] x) {
                    double s = 0;
                    int k = 0;
                    while (true) {
                        s += x[k] * x[k];
                        if (s > 2 || ++k >= x.length) break;
                    }
                    return s;
                }

                @Differentiable(wrt = "p")
                public static double stringSwitch(double[] p, String kind) {
                    double r = switch (kind) {
                        case "gauss" -> Math.exp(-p[0] * p[0]);
                        case "lorentz" -> 1 / (1 + p[0] * p[0]);
                        default -> p[0];
                    };
                    return r * p[1];
                }

                @Differentiable(wrt = "xs")
                public static double boxed(List<Double> data, double[] xs) {
                    double s = 0;
                    for (int i = 0; i < xs.length; i++) s += (xs[i] - data.get(i)) * (xs[i] - data.get(i));
                    return s;
                }

                @Differentiable(wrt = "w")
                public static double[] normalized(double[] w) {
                    double n = 0;
                    for (double v : w) n += v * v;
                    n = Math.sqrt(Math.max(n, EPS));
                    double[] out = new double[w.length];
                    for (int i = 0; i < w.length; i++) out[i] = w[i] / n;
                    return out;
                }

                @Differentiable(wrt = "w")
                public static double callsArrayResult(double[] w, double[] target) {
                    double[] u = normalized(w);
                    double s = 0;
                    for (int i = 0; i < u.length; i++) s += u[i] * target[i];
                    return s;
                }

                @Differentiable(wrt = "x")
                public static double postIncrementStore(double[] x) {
                    double[] buf = new double[2 * x.length];
                    int k = 0;
                    for (double v : x) {
                        buf[k++] = v;
                        buf[k++] = v * v;
                    }
                    double s = 0;
                    for (int i = 0; i < buf.length; i++) s += buf[i] * (i + 1);
                    return s;
                }

                @Differentiable(wrt = "x")
                public static double finalLocals(final double[] x) {
                    final int n = x.length;
                    final double scale = 1.0 / n;
                    double mean = 0, m2 = 0;
                    for (int i = 0; i < n; i++) mean += scale * x[i];
                    for (int i = 0; i < n; i++) m2 += scale * (x[i] - mean) * (x[i] - mean);
                    return Math.sqrt(m2 + EPS);
                }
            }
            """;

    static final String OPT = """
            package stranger;

            public record Opt(double strike, double expiry, boolean call) {}
            """;
}
