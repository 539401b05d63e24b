package dev.adjoint.generator.stranger;

/**
 * The science, engineering and finance programs of {@link StrangerApps28Test}, written from the README alone (session 28)
 * as a developer new to Adjoint would write them; see the test for what each checks.
 */
final class StrangerApps28Science {
    private StrangerApps28Science() {}

    static final String SCIENCE = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Science and engineering programs. */
            public final class Science {
                private Science() {}

                // --- Runge-Kutta-Fehlberg 4(5) step on a damped Duffing oscillator ---
                static final double[] RK4W = {25.0 / 216, 0, 1408.0 / 2565, 2197.0 / 4104, -1.0 / 5, 0};
                static final double[] RK5W = {16.0 / 135, 0, 6656.0 / 12825, 28561.0 / 56430, -9.0 / 50, 2.0 / 55};

                /** dy = f(y; p): Duffing x'' + c x' + k x + beta x^3 = 0. */
                static void duffing(double[] y, double[] p, double[] dy) {
                    dy[0] = y[1];
                    dy[1] = -p[0] * y[1] - p[1] * y[0] - p[2] * y[0] * y[0] * y[0];
                }

                static double[] stages(double[] y, double[] p, double h) {
                    double[] k = new double[12]; // six stages of two components, laid flat
                    double[] tmp = new double[2];
                    double[] d = new double[2];
                    duffing(y, p, d);
                    k[0] = d[0]; k[1] = d[1];
                    for (int i = 0; i < 2; i++) tmp[i] = y[i] + h * k[i] / 4;
                    duffing(tmp, p, d);
                    k[2] = d[0]; k[3] = d[1];
                    for (int i = 0; i < 2; i++) tmp[i] = y[i] + h * (3.0 / 32 * k[i] + 9.0 / 32 * k[2 + i]);
                    duffing(tmp, p, d);
                    k[4] = d[0]; k[5] = d[1];
                    for (int i = 0; i < 2; i++) tmp[i] = y[i] + h * (1932.0 / 2197 * k[i] - 7200.0 / 2197 * k[2 + i] + 7296.0 / 2197 * k[4 + i]);
                    duffing(tmp, p, d);
                    k[6] = d[0]; k[7] = d[1];
                    for (int i = 0; i < 2; i++) tmp[i] = y[i] + h * (439.0 / 216 * k[i] - 8 * k[2 + i] + 3680.0 / 513 * k[4 + i] - 845.0 / 4104 * k[6 + i]);
                    duffing(tmp, p, d);
                    k[8] = d[0]; k[9] = d[1];
                    for (int i = 0; i < 2; i++) tmp[i] = y[i] + h * (-8.0 / 27 * k[i] + 2 * k[2 + i] - 3544.0 / 2565 * k[4 + i] + 1859.0 / 4104 * k[6 + i] - 11.0 / 40 * k[8 + i]);
                    duffing(tmp, p, d);
                    k[10] = d[0]; k[11] = d[1];
                    return k;
                }

                /** One RKF step: the 4th-order state. */
                @Differentiable(wrt = {"y", "p"})
                public static double[] rkfStep(double[] y, double[] p, double h) {
                    double[] k = stages(y, p, h);
                    double[] out = new double[2];
                    for (int i = 0; i < 2; i++) {
                        double s = 0;
                        for (int j = 0; j < 6; j++) s += RK4W[j] * k[2 * j + i];
                        out[i] = y[i] + h * s;
                    }
                    return out;
                }

                /** The embedded error estimate |y5 - y4|^2 of one step. */
                @Differentiable(wrt = {"y", "p"})
                public static double rkfError(double[] y, double[] p, double h) {
                    double[] k = stages(y, p, h);
                    double e = 0;
                    for (int i = 0; i < 2; i++) {
                        double diff = 0;
                        for (int j = 0; j < 6; j++) diff += (RK5W[j] - RK4W[j]) * k[2 * j + i];
                        e += h * h * diff * diff;
                    }
                    return e;
                }

                /** Fit of the Duffing parameters to positions observed after each step. */
                @Differentiable(wrt = "p")
                public static double rkfFit(double[] p, double[] y0, double[] xs, double h) {
                    var y = y0.clone();
                    double loss = 0;
                    for (double x : xs) {
                        y = rkfStep(y, p, h);
                        loss += (y[0] - x) * (y[0] - x);
                    }
                    return loss;
                }

                // --- 2-D Poisson: Jacobi sweeps on a grid, then the discrete energy ---
                @Differentiable(wrt = "f")
                public static double poissonEnergy(double[] f, int n, int sweeps) {
                    double[][] u = new double[n + 2][n + 2];
                    double[][] next = new double[n + 2][n + 2];
                    double h2 = 1.0 / ((n + 1) * (n + 1));
                    for (int s = 0; s < sweeps; s++) {
                        for (int i = 1; i <= n; i++) {
                            for (int j = 1; j <= n; j++) {
                                next[i][j] = 0.25 * (u[i - 1][j] + u[i + 1][j] + u[i][j - 1] + u[i][j + 1] + h2 * f[(i - 1) * n + j - 1]);
                            }
                        }
                        for (int i = 1; i <= n; i++) {
                            for (int j = 1; j <= n; j++) u[i][j] = next[i][j];
                        }
                    }
                    double e = 0;
                    for (int i = 0; i <= n; i++) {
                        for (int j = 0; j <= n; j++) {
                            double gx = u[i + 1][j] - u[i][j];
                            double gy = u[i][j + 1] - u[i][j];
                            e += 0.5 * (gx * gx + gy * gy);
                        }
                    }
                    for (int i = 1; i <= n; i++) {
                        for (int j = 1; j <= n; j++) e -= h2 * f[(i - 1) * n + j - 1] * u[i][j];
                    }
                    return e;
                }

                // --- XY model on a periodic lattice with neighbour tables ---
                @Differentiable(wrt = {"theta", "coupling", "field"})
                public static double xyEnergy(double[] theta, int[] right, int[] down, double coupling, double field) {
                    double e = 0;
                    for (int i = 0; i < theta.length; i++) {
                        e -= coupling * (Math.cos(theta[i] - theta[right[i]]) + Math.cos(theta[i] - theta[down[i]]));
                        e -= field * Math.cos(theta[i]);
                    }
                    return e;
                }

                /** Ising energy with spins relaxed by tanh (mean-field style). */
                @Differentiable(wrt = "h")
                public static double isingMeanField(double[] h, int[][] nbrs, double beta) {
                    double f = 0;
                    for (int i = 0; i < h.length; i++) {
                        double m = Math.tanh(beta * h[i]);
                        for (int j : nbrs[i]) {
                            f -= 0.5 * m * Math.tanh(beta * h[j]);
                        }
                        f += Math.log(2 * Math.cosh(beta * h[i])) / -beta + h[i] * m;
                    }
                    return f;
                }

                // --- Peng-Robinson fugacity coefficient of a pure gas ---
                static final double GAS_R = 8.314462618;

                @Differentiable(wrt = {"temperature", "pressure", "omega"})
                public static double pengRobinsonLnPhi(double temperature, double pressure, double tc, double pc, double omega) {
                    if (temperature <= 0 || pressure <= 0) throw new IllegalArgumentException("T and P must be positive");
                    double kappa = 0.37464 + 1.54226 * omega - 0.26992 * omega * omega;
                    double alpha = Math.pow(1 + kappa * (1 - Math.sqrt(temperature / tc)), 2);
                    double a = 0.45724 * GAS_R * GAS_R * tc * tc / pc * alpha;
                    double b = 0.07780 * GAS_R * tc / pc;
                    double bigA = a * pressure / (GAS_R * GAS_R * temperature * temperature);
                    double bigB = b * pressure / (GAS_R * temperature);
                    double z = 1.0; // vapour root by Newton
                    for (int it = 0; it < 50; it++) {
                        double g = z * z * z - (1 - bigB) * z * z + (bigA - 3 * bigB * bigB - 2 * bigB) * z - (bigA * bigB - bigB * bigB - bigB * bigB * bigB);
                        double dg = 3 * z * z - 2 * (1 - bigB) * z + (bigA - 3 * bigB * bigB - 2 * bigB);
                        double step = g / dg;
                        z -= step;
                        if (Math.abs(step) < 1e-15) break;
                    }
                    double s2 = Math.sqrt(2);
                    return z - 1 - Math.log(z - bigB)
                            - bigA / (2 * s2 * bigB) * Math.log((z + (1 + s2) * bigB) / (z + (1 - s2) * bigB));
                }

                // --- Darcy flow through layers: harmonic mean ---
                static double harmonic(double[] k, double[] dz) {
                    double total = 0, resist = 0;
                    for (int i = 0; i < k.length; i++) {
                        total += dz[i];
                        resist += dz[i] / k[i];
                    }
                    return total / resist;
                }

                @Differentiable(wrt = "logK")
                public static double darcyFlux(double[] logK, double[] dz, double headDrop) {
                    double[] k = new double[logK.length];
                    for (int i = 0; i < k.length; i++) k[i] = Math.exp(logK[i]);
                    double sum = 0;
                    for (double d : dz) sum += d;
                    return harmonic(k, dz) * headDrop / sum;
                }

                /** Head at each interface, top to bottom. */
                @Differentiable(wrt = {"logK", "headDrop"})
                public static double[] heads(double[] logK, double[] dz, double headDrop) {
                    double q = darcyFlux(logK, dz, headDrop);
                    double[] h = new double[logK.length + 1];
                    h[0] = headDrop;
                    for (int i = 0; i < logK.length; i++) h[i + 1] = h[i] - q * dz[i] / Math.exp(logK[i]);
                    return h;
                }

                // --- Morse cluster ---
                @Differentiable(wrt = "pos")
                public static double morse(double[] pos, double depth, double a, double re) {
                    int n = pos.length / 3;
                    double e = 0;
                    for (int i = 0; i < n; i++) {
                        for (int j = i + 1; j < n; j++) {
                            double dx = pos[3 * i] - pos[3 * j], dy = pos[3 * i + 1] - pos[3 * j + 1], dz = pos[3 * i + 2] - pos[3 * j + 2];
                            double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                            double t = 1 - Math.exp(-a * (r - re));
                            e += depth * (t * t - 1);
                        }
                    }
                    return e;
                }

                // --- Fourier series fit ---
                @Differentiable(wrt = "c")
                public static double fourierLoss(double[] c, double[] t, double[] y, double period) {
                    int k = (c.length - 1) / 2;
                    double loss = 0;
                    for (int i = 0; i < t.length; i++) {
                        double s = c[0];
                        for (int m = 1; m <= k; m++) {
                            double w = 2 * Math.PI * m * t[i] / period;
                            s += c[2 * m - 1] * Math.cos(w) + c[2 * m] * Math.sin(w);
                        }
                        loss += (s - y[i]) * (s - y[i]);
                    }
                    return loss / t.length;
                }

                // --- Savitzky-Golay (5 points, quadratic) ---
                static final double[] SG5 = {-3 / 35.0, 12 / 35.0, 17 / 35.0, 12 / 35.0, -3 / 35.0};

                @Differentiable
                public static double[] savgol(double[] y) {
                    double[] out = y.clone();
                    for (int i = 2; i < y.length - 2; i++) {
                        double s = 0;
                        for (int k = -2; k <= 2; k++) s += SG5[k + 2] * y[i + k];
                        out[i] = s;
                    }
                    return out;
                }

                @Differentiable
                public static double smoothRoughness(double[] y) {
                    double[] s = savgol(y);
                    double r = 0;
                    for (int i = 1; i < s.length - 1; i++) {
                        double d2 = s[i - 1] - 2 * s[i] + s[i + 1];
                        r += d2 * d2;
                    }
                    return r;
                }

                // --- kinematic bicycle model ---
                record Car(double x, double y, double yaw, double v) {}

                @Differentiable(wrt = "controls")
                public static double bicycleCost(double[] controls, double wheelbase, double dt, double goalX, double goalY) {
                    var car = new Car(0, 0, 0, 1);
                    int steps = controls.length / 2;
                    double effort = 0;
                    for (int s = 0; s < steps; s++) {
                        double accel = controls[2 * s];
                        double steer = controls[2 * s + 1];
                        double beta = Math.atan(0.5 * Math.tan(steer));
                        car = new Car(
                                car.x() + dt * car.v() * Math.cos(car.yaw() + beta),
                                car.y() + dt * car.v() * Math.sin(car.yaw() + beta),
                                car.yaw() + dt * car.v() / (0.5 * wheelbase) * Math.sin(beta),
                                car.v() + dt * accel);
                        effort += accel * accel + 10 * steer * steer;
                    }
                    double ex = car.x() - goalX, ey = car.y() - goalY;
                    return ex * ex + ey * ey + 0.01 * effort;
                }
            }
            """;

    static final String FINANCE = """
            package stranger;

            import dev.adjoint.Differentiable;
            import java.util.Random;

            /** Finance programs. */
            public final class Finance {
                private Finance() {}

                static final double[] FACT = {1, 1, 2, 6, 24, 120, 720, 5040, 40320, 362880, 3628800, 39916800, 479001600};
                // Abramowitz-Stegun 7.1.26
                static final double[] AS = {0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429};

                static double normCdf(double x) {
                    double z = Math.abs(x) / Math.sqrt(2);
                    double t = 1 / (1 + 0.3275911 * z);
                    double poly = 0;
                    for (int i = AS.length - 1; i >= 0; i--) poly = (poly + AS[i]) * t;
                    double erf = 1 - poly * Math.exp(-z * z);
                    return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
                }

                static double bsCall(double s, double k, double r, double vol, double t) {
                    double sd = vol * Math.sqrt(t);
                    double d1 = (Math.log(s / k) + (r + 0.5 * vol * vol) * t) / sd;
                    return s * normCdf(d1) - k * Math.exp(-r * t) * normCdf(d1 - sd);
                }

                /** Merton jump-diffusion call: Poisson-weighted Black-Scholes prices. */
                @Differentiable(wrt = {"spot", "vol", "lambda", "muJ", "sigJ"})
                public static double mertonCall(double spot, double strike, double r, double vol, double t,
                                                double lambda, double muJ, double sigJ) {
                    double kappa = Math.exp(muJ + 0.5 * sigJ * sigJ) - 1;
                    double lp = lambda * (1 + kappa);
                    double price = 0;
                    for (int n = 0; n < FACT.length; n++) {
                        double vn = Math.sqrt(vol * vol + n * sigJ * sigJ / t);
                        double rn = r - lambda * kappa + n * Math.log(1 + kappa) / t;
                        double weight = Math.exp(-lp * t) * Math.pow(lp * t, n) / FACT[n];
                        price += weight * bsCall(spot, strike, rn, vn, t);
                    }
                    return price;
                }

                /** Arithmetic Asian call by Monte Carlo with a fixed seed; pathwise Greeks. */
                @Differentiable(wrt = {"s0", "vol"})
                public static double asianCall(double s0, double strike, double r, double vol, double t, int steps, int paths, long seed) {
                    Random rng = new Random(seed);
                    double dt = t / steps;
                    double drift = (r - 0.5 * vol * vol) * dt;
                    double sum = 0;
                    for (int p = 0; p < paths; p++) {
                        double s = s0;
                        double avg = 0;
                        for (int k = 1; k <= steps; k++) {
                            s *= Math.exp(drift + vol * Math.sqrt(dt) * rng.nextGaussian());
                            avg += (s - avg) / k; // running mean
                        }
                        sum += Math.max(avg - strike, 0);
                    }
                    return Math.exp(-r * t) * sum / paths;
                }

                /** Nelson-Siegel-Svensson yield at maturity m; b = {b0, b1, b2, b3, tau1, tau2}. */
                static double nss(double[] b, double m) {
                    double x1 = m / b[4], x2 = m / b[5];
                    double f1 = (1 - Math.exp(-x1)) / x1;
                    double f2 = f1 - Math.exp(-x1);
                    double f3 = (1 - Math.exp(-x2)) / x2 - Math.exp(-x2);
                    return b[0] + b[1] * f1 + b[2] * f2 + b[3] * f3;
                }

                @Differentiable(wrt = "b")
                public static double[] nssCurve(double[] b, double[] maturities) {
                    double[] y = new double[maturities.length];
                    for (int i = 0; i < y.length; i++) y[i] = nss(b, maturities[i]);
                    return y;
                }

                @Differentiable(wrt = "b")
                public static double nssFit(double[] b, double[] maturities, double[] observed) {
                    double[] y = nssCurve(b, maturities);
                    double sse = 0;
                    for (int i = 0; i < y.length; i++) sse += (y[i] - observed[i]) * (y[i] - observed[i]);
                    return 1e4 * sse;
                }

                /** A cap as a sum of Black-76 caplets. */
                @Differentiable(wrt = {"forwards", "vols"})
                public static double capPrice(double[] forwards, double[] vols, double strike, double[] accrual,
                                              double[] discount, double[] expiry) {
                    double price = 0;
                    for (int i = 0; i < forwards.length; i++) {
                        double sd = vols[i] * Math.sqrt(expiry[i]);
                        double d1 = (Math.log(forwards[i] / strike) + 0.5 * sd * sd) / sd;
                        double d2 = d1 - sd;
                        price += discount[i] * accrual[i] * (forwards[i] * normCdf(d1) - strike * normCdf(d2));
                    }
                    return price;
                }

                /** Survival to time t under a piecewise-constant hazard; bucket[i] is the hazard index of [ends[i-1], ends[i]). */
                static double survival(double[] hazard, double[] ends, int[] bucket, double t) {
                    double integral = 0, start = 0;
                    for (int i = 0; i < ends.length; i++) {
                        double stop = Math.min(ends[i], t);
                        if (stop > start) integral += hazard[bucket[i]] * (stop - start);
                        if (ends[i] >= t) break;
                        start = ends[i];
                    }
                    return Math.exp(-integral);
                }

                /** CDS par spread (bp) from a hazard curve; quarterly premium, default leg at mid-period. */
                @Differentiable(wrt = {"hazard", "rate"})
                public static double cdsParSpread(double[] hazard, double[] ends, int[] bucket, double maturity, double rate, double recovery) {
                    if (recovery < 0 || recovery >= 1) throw new IllegalArgumentException("recovery in [0, 1)");
                    int n = (int) Math.round(maturity * 4);
                    double premium = 0, protection = 0, prev = 1;
                    for (int i = 1; i <= n; i++) {
                        double t = i / 4.0;
                        double q = survival(hazard, ends, bucket, t);
                        double df = Math.exp(-rate * t);
                        premium += 0.25 * df * 0.5 * (q + prev);
                        protection += (1 - recovery) * Math.exp(-rate * (t - 0.125)) * (prev - q);
                        prev = q;
                    }
                    return 1e4 * protection / premium;
                }

                /** Rockafellar-Uryasev mean-CVaR with a softplus in place of max(., 0). */
                @Differentiable(wrt = {"w", "eta"})
                public static double meanCvar(double[] w, double eta, double[][] scenarios, double alpha, double riskAversion, double smooth) {
                    double tail = 0, mean = 0, budget = 0;
                    for (double[] s : scenarios) {
                        double ret = 0;
                        for (int j = 0; j < w.length; j++) ret += w[j] * s[j];
                        mean += ret;
                        double loss = -ret - eta;
                        tail += smooth * Math.log1p(Math.exp(loss / smooth));
                    }
                    for (double wj : w) budget += wj;
                    double cvar = eta + tail / ((1 - alpha) * scenarios.length);
                    return riskAversion * cvar - mean / scenarios.length + 10 * (budget - 1) * (budget - 1);
                }
            }
            """;
}
