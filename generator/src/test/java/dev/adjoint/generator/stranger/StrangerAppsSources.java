package dev.adjoint.generator.stranger;

/**
 * The simulation, machine-learning and finance programs of {@link StrangerAppsTest}. Written from the README alone,
 * as a developer new to Adjoint would write them (see the test for what each checks).
 */
final class StrangerAppsSources {
    private StrangerAppsSources() {}

    static final String PENDULUM = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A damped pendulum integrated with classical RK4; loss on the final state. */
            public final class Pendulum {
                public record Params(double g, double len, double damping) {}

                private Pendulum() {}

                static void deriv(double[] y, double[] dy, Params p) {
                    dy[0] = y[1];
                    dy[1] = -p.g() / p.len() * Math.sin(y[0]) - p.damping() * y[1];
                }

                @Differentiable(wrt = {"y0", "p"})
                public static double finalLoss(double[] y0, Params p, double dt, int steps, double target) {
                    if (steps <= 0) throw new IllegalArgumentException("steps must be positive");
                    double[] y = y0.clone();
                    double[] k1 = new double[2];
                    double[] k2 = new double[2];
                    double[] k3 = new double[2];
                    double[] k4 = new double[2];
                    double[] tmp = new double[2];
                    for (int s = 0; s < steps; s++) {
                        deriv(y, k1, p);
                        for (int i = 0; i < 2; i++) tmp[i] = y[i] + 0.5 * dt * k1[i];
                        deriv(tmp, k2, p);
                        for (int i = 0; i < 2; i++) tmp[i] = y[i] + 0.5 * dt * k2[i];
                        deriv(tmp, k3, p);
                        for (int i = 0; i < 2; i++) tmp[i] = y[i] + dt * k3[i];
                        deriv(tmp, k4, p);
                        for (int i = 0; i < 2; i++) {
                            y[i] += dt / 6.0 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
                        }
                    }
                    double e = y[0] - target;
                    return e * e + 0.1 * y[1] * y[1];
                }

                /** Energy along the trajectory, a running sum, with an early exit when the pendulum stops. */
                @Differentiable(wrt = {"theta0", "omega0"})
                public static double meanEnergy(double theta0, double omega0, Params p, double dt, int steps) {
                    double th = theta0, om = omega0;
                    double sum = 0;
                    int n = 0;
                    for (int s = 0; s < steps; s++) {
                        double acc = -p.g() / p.len() * Math.sin(th) - p.damping() * om;
                        om += dt * acc;
                        th += dt * om; // semi-implicit Euler
                        double energy = 0.5 * p.len() * p.len() * om * om + p.g() * p.len() * (1 - Math.cos(th));
                        sum += energy;
                        n++;
                        if (energy < 1e-9) break;
                    }
                    return sum / n;
                }

                /** The final state as an array: Jacobian wrt the initial state. */
                @Differentiable(wrt = "y0")
                public static double[] flow(double[] y0, Params p, double dt, int steps) {
                    double[] y = new double[] {y0[0], y0[1]};
                    double[] k = new double[2];
                    for (int s = 0; s < steps; s++) {
                        deriv(y, k, p);
                        double[] mid = {y[0] + 0.5 * dt * k[0], y[1] + 0.5 * dt * k[1]};
                        deriv(mid, k, p);
                        y[0] += dt * k[0];
                        y[1] += dt * k[1];
                    }
                    return y;
                }
            }
            """;

    static final String SPRING_CHAIN = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A chain of masses joined by springs, stepped with velocity Verlet (leapfrog). */
            public final class SpringChain {
                static final double REST = 1.0;

                private SpringChain() {}

                /** forces on each mass; mass 0 is pinned at the origin by spring 0. */
                static void forces(double[] x, double[] k, double[] f) {
                    int n = x.length;
                    for (int i = 0; i < n; i++) f[i] = 0;
                    f[0] -= k[0] * (x[0] - REST);
                    for (int i = 1; i < n; i++) {
                        double stretch = x[i] - x[i - 1] - REST;
                        double t = k[i] * stretch;
                        f[i] -= t;
                        f[i - 1] += t;
                    }
                }

                static double potential(double[] x, double[] k) {
                    double u = 0.5 * k[0] * (x[0] - REST) * (x[0] - REST);
                    for (int i = 1; i < x.length; i++) {
                        double s = x[i] - x[i - 1] - REST;
                        u += 0.5 * k[i] * s * s;
                    }
                    return u;
                }

                @Differentiable(wrt = {"k", "x0"})
                public static double endEnergy(double[] k, double[] x0, double[] mass, double dt, int steps) {
                    int n = x0.length;
                    if (k.length != n || mass.length != n) throw new IllegalArgumentException("shapes differ");
                    var x = x0.clone();
                    var v = new double[n];
                    var f = new double[n];
                    forces(x, k, f);
                    for (int s = 0; s < steps; s++) {
                        for (int i = 0; i < n; i++) {
                            v[i] += 0.5 * dt * f[i] / mass[i];
                            x[i] += dt * v[i];
                        }
                        forces(x, k, f);
                        for (int i = 0; i < n; i++) v[i] += 0.5 * dt * f[i] / mass[i];
                    }
                    double kin = 0;
                    for (int i = 0; i < n; i++) kin += 0.5 * mass[i] * v[i] * v[i];
                    return kin + potential(x, k);
                }

                /** tip displacement after the simulation, with an enhanced-for reduction over the stiffness. */
                @Differentiable(wrt = "k")
                public static double tipMinusStiffness(double[] k, double[] x0, double dt, int steps) {
                    double[] x = x0.clone();
                    double[] v = new double[x.length];
                    double[] f = new double[x.length];
                    for (int s = 0; s < steps; s++) {
                        forces(x, k, f);
                        for (int i = 0; i < x.length; i++) {
                            v[i] = 0.98 * v[i] + dt * f[i];
                            x[i] += dt * v[i];
                        }
                    }
                    double total = 0;
                    for (double ki : k) total += ki * ki;
                    return x[x.length - 1] - 0.01 * total;
                }
            }
            """;

    static final String CLASSIFIERS = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Logistic regression and softmax regression with integer labels, written as static methods. */
            public final class Classifiers {
                private Classifiers() {}

                static double sigmoid(double z) {
                    return 1.0 / (1.0 + Math.exp(-z));
                }

                static double logSigmoid(double z) {
                    // stable: log(sigmoid(z)) = -log1p(exp(-z)) for z > 0
                    return z > 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
                }

                /** mean binary cross-entropy plus L2 on the weights (not the bias, which is w[d]). */
                @Differentiable(wrt = "w")
                public static double logistic(double[] w, double[][] X, int[] labels, double lambda) {
                    int n = X.length, d = X[0].length;
                    if (w.length != d + 1) throw new IllegalArgumentException("w must have d + 1 entries");
                    double loss = 0;
                    for (int i = 0; i < n; i++) {
                        double z = w[d];
                        for (int j = 0; j < d; j++) z += w[j] * X[i][j];
                        loss -= labels[i] == 1 ? logSigmoid(z) : logSigmoid(-z);
                    }
                    double reg = 0;
                    for (int j = 0; j < d; j++) reg += w[j] * w[j];
                    return loss / n + 0.5 * lambda * reg;
                }

                /** softmax cross-entropy; W is classes x features. */
                @Differentiable(wrt = {"W", "b"})
                public static double softmaxXent(double[][] W, double[] b, double[][] X, int[] labels) {
                    int k = W.length;
                    double total = 0;
                    double[] logits = new double[k];
                    for (int i = 0; i < X.length; i++) {
                        double max = Double.NEGATIVE_INFINITY;
                        for (int c = 0; c < k; c++) {
                            double s = b[c];
                            for (int j = 0; j < X[i].length; j++) s += W[c][j] * X[i][j];
                            logits[c] = s;
                            max = Math.max(max, s);
                        }
                        double sum = 0;
                        for (double l : logits) sum += Math.exp(l - max);
                        total += Math.log(sum) + max - logits[labels[i]];
                    }
                    return total / X.length;
                }

                /** predicted probabilities, an array result: Jacobian wrt the weights. */
                @Differentiable(wrt = "w")
                public static double[] probabilities(double[] w, double[][] X) {
                    double[] p = new double[X.length];
                    for (int i = 0; i < X.length; i++) {
                        double z = w[w.length - 1];
                        for (int j = 0; j < X[i].length; j++) z += w[j] * X[i][j];
                        p[i] = sigmoid(z);
                    }
                    return p;
                }

                /** soft k-means: mean over points of -temperature * log sum_c exp(-|x - mu_c|^2 / temperature). */
                @Differentiable(wrt = "mu")
                public static double softKMeans(double[][] mu, double[][] X, double temperature) {
                    int k = mu.length;
                    double[] d2 = new double[k];
                    double total = 0;
                    for (double[] x : X) {
                        double best = Double.POSITIVE_INFINITY;
                        for (int c = 0; c < k; c++) {
                            double s = 0;
                            for (int j = 0; j < x.length; j++) {
                                double diff = x[j] - mu[c][j];
                                s += diff * diff;
                            }
                            d2[c] = s;
                            best = Math.min(best, s);
                        }
                        double z = 0;
                        for (int c = 0; c < k; c++) z += Math.exp(-(d2[c] - best) / temperature);
                        total += best - temperature * Math.log(z);
                    }
                    return total / X.length;
                }
            }
            """;

    static final String LAYER = """
            package stranger;

            /** A dense layer: y = act(W x + b). */
            public final class Layer {
                final double[][] W;
                final double[] b;

                public Layer(double[][] W, double[] b) {
                    this.W = W;
                    this.b = b;
                }
            }
            """;

    static final String MLP = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A two-layer perceptron holding its layers; trained by gradients of the object's fields. */
            public final class Mlp {
                public enum Activation { TANH, RELU, SOFTPLUS }

                private final Layer[] layers; // hidden, output
                private double weightDecay;

                public Mlp(Layer hidden, Layer output, double weightDecay) {
                    this.layers = new Layer[] {hidden, output};
                    this.weightDecay = weightDecay;
                }

                Layer layer(int l) {
                    return layers[l];
                }

                static double activate(Activation a, double z) {
                    return switch (a) {
                        case TANH -> Math.tanh(z);
                        case RELU -> Math.max(0.0, z);
                        case SOFTPLUS -> Math.log1p(Math.exp(z));
                    };
                }

                /** squared error of one sample, static over layers passed in. */
                @Differentiable(wrt = {"W1", "b1", "W2", "b2"})
                public static double sampleLoss(double[][] W1, double[] b1, double[][] W2, double[] b2, double[] x, double[] y) {
                    double[] h = dense(W1, b1, x, true);
                    double[] out = dense(W2, b2, h, false);
                    double s = 0;
                    for (int i = 0; i < out.length; i++) {
                        double e = out[i] - y[i];
                        s += e * e;
                    }
                    return 0.5 * s;
                }

                static double[] dense(double[][] W, double[] b, double[] x, boolean squash) {
                    double[] z = new double[W.length];
                    for (int i = 0; i < W.length; i++) {
                        double s = b[i];
                        for (int j = 0; j < x.length; j++) s += W[i][j] * x[j];
                        z[i] = squash ? Math.tanh(s) : s;
                    }
                    return z;
                }

                double[] hiddenOf(double[] x, Activation act) {
                    double[] h = new double[layers[0].b.length];
                    for (int i = 0; i < h.length; i++) {
                        double s = layers[0].b[i];
                        for (int j = 0; j < x.length; j++) s += layers[0].W[i][j] * x[j];
                        h[i] = activate(act, s);
                    }
                    return h;
                }

                double l2() {
                    double s = 0;
                    for (Layer L : layers) {
                        for (double[] row : L.W) for (double v : row) s += v * v;
                    }
                    return s;
                }

                @Differentiable(wrt = "this")
                public double loss(double[][] X, double[][] Y, Activation act) {
                    double total = 0;
                    Layer out = layers[1];
                    for (int n = 0; n < X.length; n++) {
                        double[] h = hiddenOf(X[n], act);
                        for (int o = 0; o < out.b.length; o++) {
                            double s = out.b[o];
                            for (int i = 0; i < h.length; i++) s += out.W[o][i] * h[i];
                            double e = s - Y[n][o];
                            total += 0.5 * e * e;
                        }
                    }
                    return total / X.length + weightDecay * l2();
                }

                /** the network's output for one input, an array result of an instance method. */
                @Differentiable(wrt = {"this", "x"})
                public double[] predict(double[] x) {
                    double[] h = hiddenOf(x, Activation.TANH);
                    double[] y = new double[layers[1].b.length];
                    for (int o = 0; o < y.length; o++) {
                        double s = layers[1].b[o];
                        for (int i = 0; i < h.length; i++) s += layers[1].W[o][i] * h[i];
                        y[o] = s;
                    }
                    return y;
                }
            }
            """;

    static final String BLACK_SCHOLES = """
            package stranger;

            import static java.lang.Math.*;

            import dev.adjoint.Differentiable;

            /** Black–Scholes prices; Greeks come from the generated gradient. */
            public final class BlackScholes {
                public enum Kind { CALL, PUT }

                public record Option(double strike, double expiry, Kind kind) {}

                private static final double[] A = {0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429};
                private static final double P = 0.3275911;

                private BlackScholes() {}

                /** standard normal CDF through erf (Abramowitz–Stegun 7.1.26, |error| < 1.5e-7). */
                static double normCdf(double x) {
                    double z = abs(x) / sqrt(2.0);
                    double t = 1.0 / (1.0 + P * z);
                    double poly = 0;
                    for (int i = A.length - 1; i >= 0; i--) poly = poly * t + A[i];
                    double erf = 1.0 - poly * t * exp(-z * z);
                    return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
                }

                @Differentiable(wrt = {"spot", "vol", "rate", "expiry"})
                public static double call(double spot, double strike, double vol, double rate, double expiry) {
                    if (vol <= 0 || expiry <= 0) throw new IllegalArgumentException("vol and expiry must be positive");
                    double sq = vol * sqrt(expiry);
                    double d1 = (log(spot / strike) + (rate + 0.5 * vol * vol) * expiry) / sq;
                    double d2 = d1 - sq;
                    return spot * normCdf(d1) - strike * exp(-rate * expiry) * normCdf(d2);
                }

                /** a book of options: value of the whole book, Greeks wrt spot and vol. */
                @Differentiable(wrt = {"spot", "vol"})
                public static double book(Option[] options, double[] quantity, double spot, double vol, double rate) {
                    double total = 0;
                    for (int i = 0; i < options.length; i++) {
                        Option o = options[i];
                        double c = call(spot, o.strike(), vol, rate, o.expiry());
                        double v = o.kind() == Kind.CALL ? c : c - spot + o.strike() * exp(-rate * o.expiry()); // parity
                        total += quantity[i] * v;
                    }
                    return total;
                }
            }
            """;

    static final String PRICERS = """
            package stranger;

            import dev.adjoint.Differentiable;
            import java.util.Random;

            /** Monte Carlo, binomial tree and a yield curve. */
            public final class Pricers {
                static final double[] TENORS = {0.5, 1.0, 2.0, 3.0, 5.0, 7.0, 10.0};
                static final double[] MARKET_PRICES = {0.9852, 0.9698, 0.9389, 0.9075, 0.8471, 0.7893, 0.7109};

                private Pricers() {}

                /** arithmetic Asian call under GBM, pathwise derivatives with a fixed seed. */
                @Differentiable(wrt = {"s0", "sigma", "r"})
                public static double asianCall(double s0, double strike, double sigma, double r, double T, int steps, int paths, long seed) {
                    Random rng = new Random(seed);
                    double dt = T / steps;
                    double drift = (r - 0.5 * sigma * sigma) * dt;
                    double vol = sigma * Math.sqrt(dt);
                    double sum = 0;
                    for (int p = 0; p < paths; p++) {
                        double s = s0;
                        double avg = 0;
                        for (int k = 0; k < steps; k++) {
                            s *= Math.exp(drift + vol * rng.nextGaussian());
                            avg += s;
                        }
                        avg /= steps;
                        // a smoothed payoff keeps pathwise derivatives well defined
                        double x = (avg - strike) / 0.5;
                        sum += 0.5 * Math.log1p(Math.exp(x));
                    }
                    return Math.exp(-r * T) * sum / paths;
                }

                /** Cox–Ross–Rubinstein American put. */
                @Differentiable(wrt = {"s0", "sigma"})
                public static double americanPut(double s0, double strike, double sigma, double r, double T, int n) {
                    double dt = T / n;
                    double u = Math.exp(sigma * Math.sqrt(dt));
                    double d = 1 / u;
                    double q = (Math.exp(r * dt) - d) / (u - d);
                    double disc = Math.exp(-r * dt);
                    double[] v = new double[n + 1];
                    for (int i = 0; i <= n; i++) {
                        double st = s0 * Math.pow(u, n - i) * Math.pow(d, i);
                        v[i] = Math.max(strike - st, 0.0);
                    }
                    for (int step = n - 1; step >= 0; step--) {
                        for (int i = 0; i <= step; i++) {
                            double st = s0 * Math.pow(u, step - i) * Math.pow(d, i);
                            double cont = disc * (q * v[i] + (1 - q) * v[i + 1]);
                            v[i] = Math.max(cont, strike - st);
                        }
                    }
                    return v[0];
                }

                /** squared pricing error of a piecewise-flat forward curve against the table of market prices. */
                @Differentiable
                public static double curveFit(double[] fwd) {
                    if (fwd.length != TENORS.length) throw new IllegalArgumentException("one forward per tenor");
                    double err = 0;
                    double integral = 0;
                    double prev = 0;
                    int i = 0;
                    for (double t : TENORS) {
                        integral += fwd[i] * (t - prev);
                        prev = t;
                        double model = Math.exp(-integral);
                        double e = model - MARKET_PRICES[i];
                        err += e * e;
                        i++;
                    }
                    double smooth = 0;
                    for (int j = 1; j < fwd.length; j++) smooth += (fwd[j] - fwd[j - 1]) * (fwd[j] - fwd[j - 1]);
                    return err + 1e-3 * smooth;
                }

                /** zero rates bootstrapped from forwards, an array result. */
                @Differentiable
                public static double[] zeroRates(double[] fwd) {
                    double[] z = new double[TENORS.length];
                    double integral = 0;
                    for (int i = 0; i < TENORS.length; i++) {
                        double dt = i == 0 ? TENORS[0] : TENORS[i] - TENORS[i - 1];
                        integral += fwd[i] * dt;
                        z[i] = integral / TENORS[i];
                    }
                    return z;
                }
            }
            """;
}
