package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.List;

/**
 * Numerical Java as a Java programmer writes it for real work, part two: RK4 and Euler integration of Lotka-Volterra
 * through a helper {@code double[] rhs(double t, double[] y, double[] p)} (a loss along the path, the final state as
 * an array with its Jacobian), a generic Runge-Kutta from a Butcher tableau held in {@code static final} ragged tables,
 * a pendulum's {@code while} on time with a {@code break}, leapfrog with a record state replaced each step, an explicit
 * heat equation with ping-pong buffers ({@code int n = u0.length}, {@code u0.clone()}, {@code new double[n]}: one
 * length); Black-Scholes with an erf approximation from a {@code static final} table and a binomial-tree American put; logistic
 * regression and softmax cross-entropy over 2-D data with {@code int[]} labels, soft k-means; Horner with
 * {@code static final} coefficients, a classic {@code switch} on {@code int} constants and a {@code switch} expression,
 * guards that throw ({@code String.format} in the message), a loss through overloads {@code sq(double)} and
 * {@code sq(double[])}.
 */
final class NumericalModels {
    private NumericalModels() {}

    private static Ported of(String topic, int n, String method, String body, Object[]... points) {
        return Ported.of("numerical", "numerical Java written for this suite", topic, n, method, body, points);
    }

    static List<Ported> all() {
        return List.of(
                of(
                        "ode",
                        1,
                        "rk4Loss",
                        """
                        /** Lotka-Volterra right-hand side. */
                        static double[] rhs(double t, double[] y, double[] p) {
                            double[] f = new double[2];
                            f[0] = p[0] * y[0] - p[1] * y[0] * y[1];
                            f[1] = -p[2] * y[1] + p[3] * y[0] * y[1] + 0.01 * Math.sin(t);
                            return f;
                        }

                        static double[] rk4Step(double t, double[] y, double h, double[] p) {
                            double[] k1 = rhs(t, y, p);
                            double[] y2 = new double[y.length];
                            for (int i = 0; i < y.length; i++) y2[i] = y[i] + 0.5 * h * k1[i];
                            double[] k2 = rhs(t + 0.5 * h, y2, p);
                            double[] y3 = new double[y.length];
                            for (int i = 0; i < y.length; i++) y3[i] = y[i] + 0.5 * h * k2[i];
                            double[] k3 = rhs(t + 0.5 * h, y3, p);
                            double[] y4 = new double[y.length];
                            for (int i = 0; i < y.length; i++) y4[i] = y[i] + h * k3[i];
                            double[] k4 = rhs(t + h, y4, p);
                            double[] next = new double[y.length];
                            for (int i = 0; i < y.length; i++) next[i] = y[i] + h / 6.0 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
                            return next;
                        }

                        /** Fit loss: integrate with RK4 and compare with observations at each step. */
                        @Differentiable(wrt = {"p", "y0"})
                        static double rk4Loss(double[] p, double[] y0, double[] obs, double h) {
                            double[] y = y0.clone();
                            double t = 0;
                            double loss = 0;
                            for (int s = 0; s < obs.length; s++) {
                                y = rk4Step(t, y, h, p);
                                t += h;
                                double e = y[0] - obs[s];
                                loss += e * e;
                            }
                            return loss;
                        }
                        """,
                        p(d(1.1, 0.4, 0.9, 0.3), d(1.2, 0.8), d(1.3, 1.4, 1.5, 1.4, 1.2, 1.0), 0.1)),
                of("ode", 2, "eulerFinal", """
                        /** Lotka-Volterra right-hand side. */
                        static double[] rhs(double t, double[] y, double[] p) {
                            double[] f = new double[2];
                            f[0] = p[0] * y[0] - p[1] * y[0] * y[1];
                            f[1] = -p[2] * y[1] + p[3] * y[0] * y[1] + 0.01 * Math.sin(t);
                            return f;
                        }

                        /** Explicit Euler, state held in one array updated in place. */
                        @Differentiable(wrt = "p")
                        static double eulerFinal(double[] p, double[] y0, int steps, double h) {
                            double[] y = new double[2];
                            y[0] = y0[0];
                            y[1] = y0[1];
                            for (int s = 0; s < steps; s++) {
                                double[] f = rhs(s * h, y, p);
                                y[0] += h * f[0];
                                y[1] += h * f[1];
                            }
                            return y[0] * y[1];
                        }
                        """, p(d(1.1, 0.4, 0.9, 0.3), d(1.2, 0.8), 30, 0.05)),
                of("ode", 3, "rk4State", """
                        /** Lotka-Volterra right-hand side. */
                        static double[] rhs(double t, double[] y, double[] p) {
                            double[] f = new double[2];
                            f[0] = p[0] * y[0] - p[1] * y[0] * y[1];
                            f[1] = -p[2] * y[1] + p[3] * y[0] * y[1] + 0.01 * Math.sin(t);
                            return f;
                        }

                        static double[] rk4Step(double t, double[] y, double h, double[] p) {
                            double[] k1 = rhs(t, y, p);
                            double[] y2 = new double[y.length];
                            for (int i = 0; i < y.length; i++) y2[i] = y[i] + 0.5 * h * k1[i];
                            double[] k2 = rhs(t + 0.5 * h, y2, p);
                            double[] y3 = new double[y.length];
                            for (int i = 0; i < y.length; i++) y3[i] = y[i] + 0.5 * h * k2[i];
                            double[] k3 = rhs(t + 0.5 * h, y3, p);
                            double[] y4 = new double[y.length];
                            for (int i = 0; i < y.length; i++) y4[i] = y[i] + h * k3[i];
                            double[] k4 = rhs(t + h, y4, p);
                            double[] next = new double[y.length];
                            for (int i = 0; i < y.length; i++) next[i] = y[i] + h / 6.0 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
                            return next;
                        }

                        /** Final RK4 state as an array (Jacobian wrt initial state and params). */
                        @Differentiable
                        static double[] rk4State(double[] p, double[] y0, int steps, double h) {
                            double[] y = y0;
                            for (int s = 0; s < steps; s++) {
                                y = rk4Step(s * h, y, h, p);
                            }
                            return y;
                        }
                        """, p(d(1.1, 0.4, 0.9, 0.3), d(1.2, 0.8), 8, 0.1)),
                of("ode", 4, "pendulum", """
                        /** Damped pendulum with a while loop on time and a break when it nearly stops. */
                        @Differentiable(wrt = {"theta0", "damping"})
                        static double pendulum(double theta0, double damping, double tEnd) {
                            double th = theta0, om = 0, t = 0, dt = 0.01;
                            double energy = 0;
                            while (t < tEnd) {
                                double acc = -9.81 * Math.sin(th) - damping * om;
                                om += dt * acc;
                                th += dt * om;
                                t += dt;
                                energy = 0.5 * om * om + 9.81 * (1 - Math.cos(th));
                                if (energy < 1e-8) break;
                            }
                            return energy;
                        }
                        """, p(0.8, 0.3, 2.0)),
                of("ode", 5, "tableauRk", """
                        static final double[][] BUTCHER_A = {{}, {0.5}, {0.0, 0.5}, {0.0, 0.0, 1.0}};

                        static final double[] BUTCHER_B = {1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6};

                        static final double[] BUTCHER_C = {0.0, 0.5, 0.5, 1.0};

                        static double[] vdp(double t, double[] y, double mu) {
                            return new double[] {y[1], mu * (1 - y[0] * y[0]) * y[1] - y[0]};
                        }

                        /** Generic explicit Runge-Kutta from a Butcher tableau held in static final tables. */
                        @Differentiable(wrt = {"mu", "y0"})
                        static double tableauRk(double mu, double[] y0, int steps, double h) {
                            int n = y0.length, s = BUTCHER_B.length;
                            double[] y = y0.clone();
                            double[][] k = new double[s][n];
                            double[] tmp = new double[n];
                            for (int step = 0; step < steps; step++) {
                                double t = step * h;
                                for (int i = 0; i < s; i++) {
                                    for (int j = 0; j < n; j++) {
                                        double acc = y[j];
                                        for (int l = 0; l < i; l++) acc += h * BUTCHER_A[i][l] * k[l][j];
                                        tmp[j] = acc;
                                    }
                                    double[] f = vdp(t + BUTCHER_C[i] * h, tmp, mu);
                                    for (int j = 0; j < n; j++) k[i][j] = f[j];
                                }
                                for (int j = 0; j < n; j++) {
                                    double inc = 0;
                                    for (int i = 0; i < s; i++) inc += BUTCHER_B[i] * k[i][j];
                                    y[j] += h * inc;
                                }
                            }
                            return y[0] * y[0] + y[1] * y[1];
                        }
                        """, p(0.8, d(1.0, 0.5), 20, 0.05)),
                of("ode", 6, "leapfrog", """
                        record State(double x, double v) {}

                        /** Leapfrog with a record state replaced each step. */
                        @Differentiable
                        static double leapfrog(double omega, double x0, int steps, double dt) {
                            State s = new State(x0, 0.0);
                            for (int i = 0; i < steps; i++) {
                                double vHalf = s.v() - 0.5 * dt * omega * omega * s.x();
                                double x = s.x() + dt * vHalf;
                                double v = vHalf - 0.5 * dt * omega * omega * x;
                                s = new State(x, v);
                            }
                            return s.x() * s.x() + s.v() * s.v() / (omega * omega);
                        }
                        """, p(1.3, 0.9, 25, 0.05)),
                of("ode", 7, "heat", """
                        /** Explicit heat equation with conductivity per cell, ping-pong buffers. */
                        @Differentiable(wrt = {"kappa", "u0"})
                        static double heat(double[] kappa, double[] u0, int steps, double dt) {
                            int n = u0.length;
                            double[] u = u0.clone();
                            double[] next = new double[n];
                            for (int s = 0; s < steps; s++) {
                                next[0] = 0;
                                next[n - 1] = 0;
                                for (int i = 1; i < n - 1; i++) {
                                    next[i] = u[i] + dt * kappa[i] * (u[i - 1] - 2 * u[i] + u[i + 1]);
                                }
                                double[] t = u;
                                u = next;
                                next = t;
                            }
                            double e = 0;
                            for (double ui : u) e += ui * ui;
                            return e;
                        }
                        """, p(d(0.1, 0.2, 0.3, 0.25, 0.15, 0.1), d(0, 1, 0.5, 0.8, 0.2, 0), 10, 0.4)),
                of(
                        "finance",
                        1,
                        "blackScholes",
                        """
                        static final double[] ERF_A = {0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429};

                        static final double ERF_P = 0.3275911;

                        static double normCdf(double x) {
                            double z = Math.abs(x) / Math.sqrt(2);
                            double t = 1.0 / (1.0 + ERF_P * z);
                            double poly = 0;
                            for (int i = ERF_A.length - 1; i >= 0; i--) poly = poly * t + ERF_A[i];
                            double erf = 1 - poly * t * Math.exp(-z * z);
                            return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
                        }

                        @Differentiable(wrt = {"spot", "vol", "rate", "expiry"})
                        static double blackScholes(double spot, double strike, double rate, double vol, double expiry, boolean call) {
                            if (vol <= 0 || expiry <= 0) throw new IllegalArgumentException("vol and expiry must be positive");
                            double sq = vol * Math.sqrt(expiry);
                            double d1 = (Math.log(spot / strike) + (rate + 0.5 * vol * vol) * expiry) / sq;
                            double d2 = d1 - sq;
                            double df = Math.exp(-rate * expiry);
                            if (call) return spot * normCdf(d1) - strike * df * normCdf(d2);
                            return strike * df * normCdf(-d2) - spot * normCdf(-d1);
                        }
                        """,
                        p(100.0, 95.0, 0.03, 0.25, 0.75, true),
                        p(100.0, 105.0, 0.03, 0.25, 0.75, false)),
                of("finance", 2, "americanPut", """
                        /** Cox-Ross-Rubinstein binomial tree, American put. */
                        @Differentiable(wrt = {"spot", "vol", "rate"})
                        static double americanPut(double spot, double strike, double rate, double vol, double expiry, int steps) {
                            double dt = expiry / steps;
                            double u = Math.exp(vol * Math.sqrt(dt));
                            double d = 1 / u;
                            double pu = (Math.exp(rate * dt) - d) / (u - d);
                            double disc = Math.exp(-rate * dt);
                            double[] v = new double[steps + 1];
                            for (int i = 0; i <= steps; i++) {
                                double s = spot * Math.pow(u, steps - i) * Math.pow(d, i);
                                v[i] = Math.max(strike - s, 0.0);
                            }
                            for (int n = steps - 1; n >= 0; n--) {
                                for (int i = 0; i <= n; i++) {
                                    double cont = disc * (pu * v[i] + (1 - pu) * v[i + 1]);
                                    double s = spot * Math.pow(u, n - i) * Math.pow(d, i);
                                    v[i] = Math.max(cont, strike - s);
                                }
                            }
                            return v[0];
                        }
                        """, p(100.0, 105.0, 0.05, 0.3, 1.0, 50)),
                of(
                        "ml",
                        1,
                        "logisticLoss",
                        """
                        /** Mean logistic loss, L2 penalty, stable log(1 + exp(-y z)). */
                        @Differentiable(wrt = {"w", "b"})
                        static double logisticLoss(double[] w, double b, double[][] X, int[] labels, double l2) {
                            double loss = 0;
                            for (int i = 0; i < X.length; i++) {
                                double z = b;
                                for (int j = 0; j < w.length; j++) z += w[j] * X[i][j];
                                double m = labels[i] == 1 ? z : -z;
                                loss += m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m));
                            }
                            double pen = 0;
                            for (double wj : w) pen += wj * wj;
                            return loss / X.length + 0.5 * l2 * pen;
                        }
                        """,
                        p(
                                d(0.5, -0.3),
                                0.1,
                                m(d(1, 2), d(-1, 0.5), d(0.3, -2), d(2, 2)),
                                new int[] {1, 0, 0, 1},
                                0.01)),
                of(
                        "ml",
                        2,
                        "softmaxCrossEntropy",
                        """
                        /** Softmax cross-entropy, W is classes x features. */
                        @Differentiable(wrt = "W")
                        static double softmaxCrossEntropy(double[][] W, double[][] X, int[] y) {
                            int k = W.length;
                            double total = 0;
                            double[] logits = new double[k];
                            for (int i = 0; i < X.length; i++) {
                                double max = Double.NEGATIVE_INFINITY;
                                for (int c = 0; c < k; c++) {
                                    double s = 0;
                                    for (int j = 0; j < X[i].length; j++) s += W[c][j] * X[i][j];
                                    logits[c] = s;
                                    if (s > max) max = s;
                                }
                                double sum = 0;
                                for (int c = 0; c < k; c++) sum += Math.exp(logits[c] - max);
                                total += max + Math.log(sum) - logits[y[i]];
                            }
                            return total / X.length;
                        }
                        """,
                        p(
                                m(d(0.1, 0.2, -0.1), d(-0.3, 0.5, 0.2), d(0.4, -0.1, 0.3)),
                                m(d(1, 2, 0.5), d(-1, 0.5, 2), d(0.3, -2, 1)),
                                new int[] {0, 2, 1})),
                of(
                        "ml",
                        3,
                        "softKMeans",
                        """
                        /** Soft k-means energy: -1/beta sum_i log sum_k exp(-beta |x_i - c_k|^2). */
                        @Differentiable(wrt = "C")
                        static double softKMeans(double[][] C, double[][] X, double beta) {
                            double energy = 0;
                            double[] dist = new double[C.length];
                            for (double[] x : X) {
                                double best = Double.POSITIVE_INFINITY;
                                for (int k = 0; k < C.length; k++) {
                                    double s = 0;
                                    for (int j = 0; j < x.length; j++) {
                                        double d = x[j] - C[k][j];
                                        s += d * d;
                                    }
                                    dist[k] = s;
                                    best = Math.min(best, s);
                                }
                                double z = 0;
                                for (int k = 0; k < C.length; k++) z += Math.exp(-beta * (dist[k] - best));
                                energy += best - Math.log(z) / beta;
                            }
                            return energy;
                        }
                        """,
                        p(m(d(0, 0), d(1, 1), d(-1, 2)), m(d(0.1, 0.2), d(0.9, 1.3), d(-0.7, 1.6), d(0.5, 0.5)), 2.0)),
                of("misc", 1, "horner", """
                        static final double[] COEFFS = {1.0, -0.5, 0.25, -0.125, 0.0625, 0.03125};

                        @Differentiable
                        static double horner(double x) {
                            double r = 0;
                            for (int i = COEFFS.length - 1; i >= 0; i--) r = r * x + COEFFS[i];
                            return r;
                        }
                        """, p(0.7), p(-1.3)),
                of("misc", 2, "hornerBoth", """
                        /** Horner with coefficients as a parameter, and the derivative polynomial evaluated too. */
                        @Differentiable
                        static double hornerBoth(double[] c, double x) {
                            double p = c[c.length - 1], dp = 0;
                            for (int i = c.length - 2; i >= 0; i--) {
                                dp = dp * x + p;
                                p = p * x + c[i];
                            }
                            return p + 0.1 * dp;
                        }
                        """, p(d(1, -2, 3, 0.5), 0.6)),
                of(
                        "misc",
                        3,
                        "piecewise",
                        """
                        static final int LINEAR = 0, QUADRATIC = 1, EXPONENTIAL = 2;

                        /** Piecewise model chosen by an int regime per segment. */
                        @Differentiable(wrt = "theta")
                        static double piecewise(double[] theta, int[] regime, double[] xs) {
                            double s = 0;
                            for (int i = 0; i < xs.length; i++) {
                                double x = xs[i], v;
                                switch (regime[i]) {
                                    case LINEAR:
                                        v = theta[0] + theta[1] * x;
                                        break;
                                    case QUADRATIC:
                                        v = theta[0] + theta[1] * x + theta[2] * x * x;
                                        break;
                                    case EXPONENTIAL:
                                        v = theta[0] * Math.exp(theta[2] * x);
                                        break;
                                    default:
                                        throw new IllegalArgumentException("unknown regime " + regime[i] + " at " + i);
                                }
                                s += v * v;
                            }
                            return s;
                        }
                        """,
                        p(d(0.3, -0.2, 0.4), new int[] {0, 1, 2, 1, 0}, d(0.5, 1.0, 1.5, 2.0, 2.5))),
                of("misc", 4, "activation", """
                        /** Arrow-switch expression on an int. */
                        @Differentiable
                        static double activation(double x, int kind) {
                            double y = switch (kind) {
                                case 0 -> Math.max(0, x);
                                case 1 -> Math.tanh(x);
                                case 2 -> x / (1 + Math.exp(-x));
                                default -> throw new IllegalArgumentException("kind " + kind);
                            };
                            return y * y + x;
                        }
                        """, p(0.7, 0), p(0.7, 1), p(-0.7, 2)),
                of("misc", 5, "weightedRms", """
                        /** Guards: validates inputs and throws. */
                        @Differentiable
                        static double weightedRms(double[] x, double[] w) {
                            if (x.length != w.length) throw new IllegalArgumentException("length mismatch: " + x.length + " vs " + w.length);
                            double sw = 0, s = 0;
                            for (int i = 0; i < x.length; i++) {
                                if (w[i] < 0) throw new IllegalArgumentException("negative weight at " + i);
                                sw += w[i];
                                s += w[i] * x[i] * x[i];
                            }
                            if (sw == 0) throw new ArithmeticException("all weights are zero");
                            double r = Math.sqrt(s / sw);
                            if (Double.isNaN(r)) throw new IllegalStateException("NaN");
                            return r;
                        }
                        """, p(d(1, 2, -1), d(0.5, 0.2, 0.3))),
                of("misc", 6, "guarded", """
                        @Differentiable
                        static double guarded(double[] x, double lo) {
                            for (int i = 0; i < x.length; i++) {
                                if (x[i] < lo) throw new IllegalArgumentException(String.format("x[%d] = %.3f is below %.3f", i, x[i], lo));
                            }
                            double s = 0;
                            for (double v : x) s += Math.log(v - lo);
                            return s;
                        }
                        """, p(d(1, 2, 3), 0.5)),
                of(
                        "misc",
                        7,
                        "ridgeLoss",
                        """
                        static double sq(double x) {
                            return x * x;
                        }

                        static double sq(double[] v) {
                            double s = 0;
                            for (double e : v) s += e * e;
                            return s;
                        }

                        /** Ridge-regularised squared error through overloads of one name, sq(double) and sq(double[]). */
                        @Differentiable(wrt = {"w", "b"})
                        static double ridgeLoss(double[] w, double b, double[][] X, double[] y, double lambda) {
                            double loss = 0;
                            for (int i = 0; i < X.length; i++) {
                                double z = b;
                                for (int j = 0; j < w.length; j++) z += w[j] * X[i][j];
                                loss += sq(Math.tanh(z) - y[i]);
                            }
                            return loss + lambda * (sq(w) + sq(b));
                        }
                        """,
                        p(d(0.5, -0.3), 0.1, m(d(1, 2), d(-1, 0.5), d(0.3, -2)), d(0.2, -0.4, 0.7), 0.05)));
    }
}
