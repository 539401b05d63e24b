package dev.adjoint.generator.stranger;

/**
 * The science, engineering and finance programs of {@link StrangerApps27Test}, written from the README alone
 * (session 27) as a developer new to Adjoint would write them; see the test for what each checks.
 */
final class StrangerApps27Sources {
    private StrangerApps27Sources() {}

    static final String SCI_LIB = """
            package stranger;

            /** Plain helpers another class uses. */
            public final class SciLib {
                private SciLib() {}

                public static final double R = 8.314462618;

                static double total(double[] n) {
                    double s = 0;
                    for (double v : n) {
                        s += v;
                    }
                    return s;
                }

                static double minmod(double a, double b) {
                    if (a * b <= 0) {
                        return 0;
                    }
                    return Math.abs(a) < Math.abs(b) ? a : b;
                }

                /** Lotka-Volterra right-hand side, into out. */
                static void lotka(double[] y, double[] p, double[] out) {
                    out[0] = p[0] * y[0] - p[1] * y[0] * y[1];
                    out[1] = p[2] * y[0] * y[1] - p[3] * y[1];
                }
            }
            """;

    static final String SCIENCE = """
            package stranger;

            import dev.adjoint.Differentiable;

            public final class Science {
                private Science() {}

                /** Dimensionless Gibbs energy of an ideal gas mixture: sum n_i (g_i/RT + ln(n_i/N) + ln P). */
                @Differentiable(wrt = "n")
                public static double gibbs(double[] n, double[] g0, double temperature, double pressure) {
                    if (n.length != g0.length) {
                        throw new IllegalArgumentException("n and g0 differ: " + n.length + " vs " + g0.length);
                    }
                    double total = SciLib.total(n);
                    double rt = SciLib.R * temperature;
                    double g = 0;
                    for (int i = 0; i < n.length; i++) {
                        g += n[i] * (g0[i] / rt + Math.log(n[i] / total) + Math.log(pressure));
                    }
                    return g;
                }

                /** Gibbs energy plus a quadratic penalty on the element balance A n = b. */
                @Differentiable(wrt = "n")
                public static double penalised(double[] n, double[] g0, double[][] A, double[] b, double temperature, double mu) {
                    double g = gibbs(n, g0, temperature, 1.0);
                        double pen = 0;
                    for (int k = 0; k < A.length; k++) {
                        double r = -b[k];
                        for (int i = 0; i < n.length; i++) {
                            r += A[k][i] * n[i];
                        }
                        pen += r * r;
                    }
                    return g + 0.5 * mu * pen;
                }

                /** One MUSCL step of u_t + c u_x = 0 on a periodic grid, minmod-limited. */
                @Differentiable(wrt = {"u", "c"})
                public static double[] advect(double[] u, double c, double dx, double dt) {
                    int n = u.length;
                    double[] slope = new double[n];
                    for (int i = 0; i < n; i++) {
                        double left = u[i] - u[(i - 1 + n) % n];
                        double right = u[(i + 1) % n] - u[i];
                        slope[i] = SciLib.minmod(left, right);
                    }
                    double nu = c * dt / dx;
                    double[] flux = new double[n];
                    for (int i = 0; i < n; i++) { // flux through the right face of cell i (c > 0: upwind is i)
                        double face = u[i] + 0.5 * (1 - nu) * slope[i];
                        flux[i] = c * Math.max(face, 0) + c * Math.min(face, 0);
                    }
                    double[] next = new double[n];
                    for (int i = 0; i < n; i++) {
                        next[i] = u[i] - dt / dx * (flux[i] - flux[(i - 1 + n) % n]);
                    }
                    return next;
                }

                /** Total variation after some steps. */
                @Differentiable(wrt = "u0")
                public static double variationAfter(double[] u0, double c, double dx, double dt, int steps) {
                    double[] u = u0.clone();
                    for (int s = 0; s < steps; s++) {
                        double[] v = advect(u, c, dx, dt);
                        System.arraycopy(v, 0, u, 0, u.length);
                    }
                    double tv = 0;
                    for (int i = 0; i < u.length; i++) {
                        tv += Math.abs(u[(i + 1) % u.length] - u[i]);
                    }
                    return tv;
                }

                /** Least squares of an RK4 Lotka-Volterra trajectory against observations (t, prey, predator) rows. */
                @Differentiable(wrt = {"p", "y0"})
                public static double lotkaFit(double[] p, double[] y0, double[][] obs, double h) {
                    double[] y = y0.clone();
                    double[] k1 = new double[2], k2 = new double[2], k3 = new double[2], k4 = new double[2];
                    double[] tmp = new double[2];
                    double t = 0;
                    double loss = 0;
                    for (double[] row : obs) {
                        while (t < row[0] - 1e-9) {
                            SciLib.lotka(y, p, k1);
                            for (int j = 0; j < 2; j++) tmp[j] = y[j] + 0.5 * h * k1[j];
                            SciLib.lotka(tmp, p, k2);
                            for (int j = 0; j < 2; j++) tmp[j] = y[j] + 0.5 * h * k2[j];
                            SciLib.lotka(tmp, p, k3);
                            for (int j = 0; j < 2; j++) tmp[j] = y[j] + h * k3[j];
                            SciLib.lotka(tmp, p, k4);
                            for (int j = 0; j < 2; j++) {
                                y[j] += h / 6 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);
                            }
                            t += h;
                        }
                        double e0 = Math.log(y[0]) - Math.log(row[1]);
                        double e1 = Math.log(y[1]) - Math.log(row[2]);
                        loss += e0 * e0 + e1 * e1;
                    }
                    return loss;
                }

                public record Kinetics(double vmax, double km) {}

                @Differentiable(wrt = "k")
                public static double rate(Kinetics k, double s) {
                    return k.vmax() * s / (k.km() + s);
                }

                /** Michaelis-Menten fit: weighted squared residuals; an optional weights array. */
                @Differentiable(wrt = "k")
                public static double mmLoss(Kinetics k, double[] s, double[] v, double[] weights) {
                    double loss = 0;
                    for (int i = 0; i < s.length; i++) {
                        double w = weights == null ? 1 : weights[i];
                        double r = rate(k, s[i]) - v[i];
                        loss += w * r * r;
                    }
                    return 0.5 * loss;
                }

                /** Beer-Lambert transmission through slabs, summed over a static band table. */
                static final double[][] BANDS = {{0.8, 0.3}, {1.0, 0.5}, {1.3, 0.2}}; // relative absorption, band weight

                @Differentiable(wrt = {"mu", "thickness"})
                public static double transmitted(double[] mu, double[] thickness, double intensity) {
                    double out = 0;
                    for (double[] band : BANDS) {
                        double depth = 0;
                        for (int i = 0; i < mu.length; i++) {
                            depth += band[0] * mu[i] * thickness[i];
                        }
                        out += band[1] * intensity * Math.exp(-depth);
                    }
                    return out;
                }

                /** Hohmann transfer delta-v between circular orbits. */
                @Differentiable
                public static double hohmann(double r1, double r2, double mu) {
                    if (r1 <= 0 || r2 <= 0) {
                        throw new IllegalArgumentException("radii must be positive");
                    }
                    double a = 0.5 * (r1 + r2);
                    double dv1 = Math.sqrt(mu / r1) * (Math.sqrt(r2 / a) - 1);
                    double dv2 = Math.sqrt(mu / r2) * (1 - Math.sqrt(r1 / a));
                    return Math.abs(dv1) + Math.abs(dv2);
                }
            }
            """;

    static final String FEM = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A 1-D chain of springs and dampers assembled into a stiffness matrix, then an energy. */
            public final class Fem {
                private Fem() {}

                /** Adds element e's 2x2 stiffness k [[1,-1],[-1,1]] between nodes e and e+1 into K. */
                static void addElement(double[][] K, int e, double k) {
                    K[e][e] += k;
                    K[e][e + 1] -= k;
                    K[e + 1][e] -= k;
                    K[e + 1][e + 1] += k;
                }

                /** Potential energy 1/2 u^T K u - f^T u with node 0 clamped (u[0] = 0 is not an unknown). */
                @Differentiable(wrt = {"k", "u"})
                public static double energy(double[] k, double[] u, double[] f) {
                    int nodes = k.length + 1;
                    double[][] K = new double[nodes][nodes];
                    for (int e = 0; e < k.length; e++) {
                        addElement(K, e, k[e]);
                    }
                    double[] full = new double[nodes];
                    for (int i = 1; i < nodes; i++) {
                        full[i] = u[i - 1];
                    }
                    double e2 = 0;
                    for (int i = 0; i < nodes; i++) {
                        double row = 0;
                        for (int j = 0; j < nodes; j++) {
                            row += K[i][j] * full[j];
                        }
                        e2 += full[i] * row;
                    }
                    double work = 0;
                    for (int i = 0; i < u.length; i++) {
                        work += f[i] * u[i];
                    }
                    return 0.5 * e2 - work;
                }

                /** Static displacement by Gauss-Seidel sweeps on the assembled system, then the compliance f^T u. */
                @Differentiable(wrt = "k")
                public static double compliance(double[] k, double[] f, int sweeps) {
                    int n = k.length;
                    double[][] K = new double[n + 1][n + 1];
                    for (int e = 0; e < n; e++) {
                        addElement(K, e, k[e]);
                    }
                    double[] u = new double[n + 1];
                    for (int s = 0; s < sweeps; s++) {
                        for (int i = 1; i <= n; i++) {
                            double r = f[i - 1];
                            for (int j = 0; j <= n; j++) {
                                if (j != i) {
                                    r -= K[i][j] * u[j];
                                }
                            }
                            u[i] = r / K[i][i];
                        }
                    }
                    double c = 0;
                    for (int i = 1; i <= n; i++) {
                        c += f[i - 1] * u[i];
                    }
                    return c;
                }

                /** A damped oscillator held in a plain object. */
                public static final class Oscillator {
                    double mass;
                    double damping;
                    final double[] stiffness;
                    int steps;

                    public Oscillator(double mass, double damping, double[] stiffness, int steps) {
                        this.mass = mass;
                        this.damping = damping;
                        this.stiffness = stiffness;
                        this.steps = steps;
                    }
                }

                /** Final kinetic + spring energy of a 2-DOF chain by semi-implicit Euler. */
                @Differentiable(wrt = {"osc", "x0"})
                public static double ringDown(Oscillator osc, double[] x0, double dt) {
                    double[] x = x0.clone();
                    double[] v = new double[2];
                    for (int s = 0; s < osc.steps; s++) {
                        double f0 = -osc.stiffness[0] * x[0] + osc.stiffness[1] * (x[1] - x[0]) - osc.damping * v[0];
                        double f1 = -osc.stiffness[1] * (x[1] - x[0]) - osc.damping * v[1];
                        v[0] += dt * f0 / osc.mass;
                        v[1] += dt * f1 / osc.mass;
                        x[0] += dt * v[0];
                        x[1] += dt * v[1];
                    }
                    double d = x[1] - x[0];
                    return 0.5 * osc.mass * (v[0] * v[0] + v[1] * v[1]) + 0.5 * osc.stiffness[0] * x[0] * x[0] + 0.5 * osc.stiffness[1] * d * d;
                }
            }
            """;

    static final String FINANCE = """
            package stranger;

            import dev.adjoint.Differentiable;

            public final class Finance {
                private Finance() {}

                public enum Style { EUROPEAN, AMERICAN, BERMUDAN }

                /** CRR binomial put with early exercise (American), none (European) or every 'every'-th step (Bermudan). */
                @Differentiable(wrt = {"spot", "vol", "rate"})
                public static double binomialPut(double spot, double strike, double rate, double vol, double maturity, int steps, Style style, int every) {
                    double dt = maturity / steps;
                    double up = Math.exp(vol * Math.sqrt(dt));
                    double down = 1 / up;
                    double q = (Math.exp(rate * dt) - down) / (up - down);
                    double disc = Math.exp(-rate * dt);
                    double[] v = new double[steps + 1];
                    for (int j = 0; j <= steps; j++) {
                        double s = spot * Math.pow(up, j) * Math.pow(down, steps - j);
                        v[j] = Math.max(strike - s, 0);
                    }
                    for (int i = steps - 1; i >= 0; i--) {
                        boolean exercise = switch (style) {
                            case EUROPEAN -> false;
                            case AMERICAN -> true;
                            case BERMUDAN -> i % every == 0;
                        };
                        for (int j = 0; j <= i; j++) {
                            double cont = disc * (q * v[j + 1] + (1 - q) * v[j]);
                            if (exercise) {
                                double s = spot * Math.pow(up, j) * Math.pow(down, i - j);
                                v[j] = Math.max(cont, strike - s);
                            } else {
                                v[j] = cont;
                            }
                        }
                    }
                    return v[0];
                }

                /** Zero rates bootstrapped from annual par swap rates (continuous compounding). */
                @Differentiable
                public static double[] bootstrap(double[] swapRates) {
                    int n = swapRates.length;
                    double[] zero = new double[n];
                    double[] df = new double[n];
                    for (int i = 0; i < n; i++) {
                        double annuity = 0;
                        for (int j = 0; j < i; j++) {
                            annuity += df[j];
                        }
                        df[i] = (1 - swapRates[i] * annuity) / (1 + swapRates[i]);
                        zero[i] = -Math.log(df[i]) / (i + 1);
                    }
                    return zero;
                }

                /** Price of a fixed-coupon bond on the bootstrapped curve. */
                @Differentiable
                public static double bondOnCurve(double[] swapRates, double coupon) {
                    double[] z = bootstrap(swapRates);
                    double pv = 0;
                    for (int i = 0; i < z.length; i++) {
                        double cash = i == z.length - 1 ? 1 + coupon : coupon;
                        pv += cash * Math.exp(-z[i] * (i + 1));
                    }
                    return pv;
                }

                /** CIR zero-coupon bond price, closed form. */
                @Differentiable(wrt = {"r0", "kappa", "theta", "sigma"})
                public static double cirBond(double r0, double kappa, double theta, double sigma, double t) {
                    double gamma = Math.sqrt(kappa * kappa + 2 * sigma * sigma);
                    double e = Math.expm1(gamma * t);
                    double denom = (gamma + kappa) * e + 2 * gamma;
                    double a = Math.pow(2 * gamma * Math.exp(0.5 * (kappa + gamma) * t) / denom, 2 * kappa * theta / (sigma * sigma));
                    double b = 2 * e / denom;
                    return a * Math.exp(-b * r0);
                }

                /** Fixed normals: the same paths on every call. */
                static final double[] Z = {
                    0.31, -1.12, 0.57, 1.63, -0.44, -0.08, 0.92, -1.71, 0.25, 1.05, -0.66, 0.13, -0.29, 1.37, -0.95, 0.48,
                    -1.28, 0.77, 0.02, -0.51, 1.19, -0.37, 0.61, -0.84
                };

                /** Local volatility sigma(S, t) = a + b * (S/S0 - 1)^2 + c t. */
                static double localVol(double[] lv, double s, double s0, double t) {
                    double m = s / s0 - 1;
                    return lv[0] + lv[1] * m * m + lv[2] * t;
                }

                /** Call by Euler on log-price under a local volatility, paths x steps normals taken from Z cyclically. */
                @Differentiable(wrt = {"lv", "spot"})
                public static double localVolCall(double[] lv, double spot, double strike, double rate, double maturity, int paths, int steps) {
                    double dt = maturity / steps;
                    double sum = 0;
                    int k = 0;
                    for (int p = 0; p < paths; p++) {
                        double x = Math.log(spot);
                        for (int i = 0; i < steps; i++) {
                            double s = Math.exp(x);
                            double sig = localVol(lv, s, spot, i * dt);
                            x += (rate - 0.5 * sig * sig) * dt + sig * Math.sqrt(dt) * Z[k % Z.length];
                            k++;
                        }
                        double payoff = Math.exp(x) - strike;
                        sum += payoff > 0 ? payoff : 0;
                    }
                    return Math.exp(-rate * maturity) * sum / paths;
                }
            }
            """;
}
