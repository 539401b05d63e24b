package dev.adjoint.generator.stranger;

/**
 * The chemistry and epidemiology programs of {@link StrangerApps29Test}, written from the README alone (session
 * 29).
 */
final class StrangerApps29Chemistry {
    private StrangerApps29Chemistry() {}

    static final String CHEM = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Molecular energies and reaction kinetics. */
            public final class Chem {
                private Chem() {}

                static double lj(double r2, double sigma, double eps) {
                    double s2 = sigma * sigma / r2;
                    double s6 = s2 * s2 * s2;
                    return 4 * eps * (s6 * s6 - s6);
                }

                /** Truncated and shifted Lennard-Jones energy of a cluster (pos laid out x, y, z per atom). */
                @Differentiable(wrt = {"pos", "sigma", "eps"})
                public static double ljEnergy(double[] pos, double sigma, double eps, double rc) {
                    int n = pos.length / 3;
                    double shift = lj(rc * rc, sigma, eps);
                    double e = 0;
                    for (int i = 0; i < n; i++) {
                        for (int j = i + 1; j < n; j++) {
                            double dx = pos[3 * i] - pos[3 * j];
                            double dy = pos[3 * i + 1] - pos[3 * j + 1];
                            double dz = pos[3 * i + 2] - pos[3 * j + 2];
                            double r2 = dx * dx + dy * dy + dz * dz;
                            if (r2 > rc * rc) continue;
                            e += lj(r2, sigma, eps) - shift;
                        }
                    }
                    return e;
                }

                /** The same in a periodic box (minimum image) with a smooth switching function near the cutoff. */
                @Differentiable(wrt = "pos")
                public static double ljPeriodic(double[] pos, double box, double rOn, double rc) {
                    int n = pos.length / 3;
                    double e = 0;
                    for (int i = 0; i < n - 1; i++) {
                        for (int j = i + 1; j < n; j++) {
                            double r2 = 0;
                            for (int d = 0; d < 3; d++) {
                                double delta = pos[3 * i + d] - pos[3 * j + d];
                                delta -= box * Math.rint(delta / box);
                                r2 += delta * delta;
                            }
                            double r = Math.sqrt(r2);
                            if (r >= rc) continue;
                            double sw = 1;
                            if (r > rOn) {
                                double t = (r - rOn) / (rc - rOn);
                                sw = 1 - t * t * (3 - 2 * t);
                            }
                            e += sw * lj(r2, 1.0, 1.0);
                        }
                    }
                    return e;
                }

                /** A -> B -> C with B <-> D: rates into dc. */
                static void rates(double[] c, double[] k, double[] dc) {
                    double r1 = k[0] * c[0];
                    double r2 = k[1] * c[1];
                    double r3 = k[2] * c[1] - k[3] * c[3];
                    dc[0] = -r1;
                    dc[1] = r1 - r2 - r3;
                    dc[2] = r2;
                    dc[3] = r3;
                }

                static double[] rk4(double[] c, double[] k, double h) {
                    int n = c.length;
                    double[] k1 = new double[n], k2 = new double[n], k3 = new double[n], k4 = new double[n];
                    double[] tmp = new double[n];
                    rates(c, k, k1);
                    for (int i = 0; i < n; i++) tmp[i] = c[i] + 0.5 * h * k1[i];
                    rates(tmp, k, k2);
                    for (int i = 0; i < n; i++) tmp[i] = c[i] + 0.5 * h * k2[i];
                    rates(tmp, k, k3);
                    for (int i = 0; i < n; i++) tmp[i] = c[i] + h * k3[i];
                    rates(tmp, k, k4);
                    double[] out = new double[n];
                    for (int i = 0; i < n; i++) out[i] = c[i] + h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
                    return out;
                }

                /** Concentrations after integrating the network by RK4. */
                @Differentiable(wrt = {"k", "c0"})
                public static double[] kinetics(double[] k, double[] c0, double h, int steps) {
                    double[] c = c0.clone();
                    for (int s = 0; s < steps; s++) c = rk4(c, k, h);
                    return c;
                }

                /** Fit of log rate constants to B observed at times, stepping a floating-point clock. */
                @Differentiable(wrt = "logk")
                public static double kineticsFit(double[] logk, double[] c0, double[] tObs, double[] bObs, double h) {
                    double[] k = new double[logk.length];
                    for (int i = 0; i < k.length; i++) k[i] = Math.exp(logk[i]);
                    double[] c = c0.clone();
                    double loss = 0;
                    int next = 0;
                    for (double t = 0; next < tObs.length; t += h) {
                        if (t >= tObs[next] - 1e-9) {
                            double r = c[1] - bObs[next];
                            loss += r * r;
                            next++;
                        }
                        c = rk4(c, k, h);
                    }
                    return loss;
                }

                /** Arrhenius fit of ln k = ln A - Ea / (R T), weighted. */
                @Differentiable(wrt = {"lnA", "ea"})
                public static double arrhenius(double lnA, double ea, double[] temps, double[] lnk, double[] w) {
                    final double R = 8.314;
                    double s = 0;
                    for (int i = 0; i < temps.length; i++) {
                        double pred = lnA - ea / (R * temps[i]);
                        s += w[i] * (pred - lnk[i]) * (pred - lnk[i]);
                    }
                    return s;
                }
            }
            """;

    static final String EPI = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** SEIR models. */
            public final class Epi {
                private Epi() {}

                public record Rates(double beta, double sigma, double gamma) {}

                record State(double s, double e, double i, double r) {}

                static State deriv(State y, Rates p, double n) {
                    double inf = p.beta() * y.s() * y.i() / n;
                    return new State(-inf, inf - p.sigma() * y.e(), p.sigma() * y.e() - p.gamma() * y.i(), p.gamma() * y.i());
                }

                /** Final infected count after Euler steps with a new State record per step (rates as a record). */
                @Differentiable(wrt = "p")
                public static double peakInfected(Rates p, double n, double i0, double dt, int steps) {
                    State y = new State(n - i0, 0, i0, 0);
                    double peak = 0;
                    for (int k = 0; k < steps; k++) {
                        double inf = p.beta() * y.s() * y.i() / n;
                        y = new State(y.s() - dt * inf, y.e() + dt * (inf - p.sigma() * y.e()),
                                y.i() + dt * (p.sigma() * y.e() - p.gamma() * y.i()), y.r() + dt * p.gamma() * y.i());
                        peak = Math.max(peak, y.i());
                    }
                    return peak / n;
                }

                static void seir(double[] y, double[] th, double n, double[] dy) {
                    double inf = th[0] * y[0] * y[2] / n;
                    dy[0] = -inf;
                    dy[1] = inf - th[1] * y[1];
                    dy[2] = th[1] * y[1] - th[2] * y[2];
                    dy[3] = th[2] * y[2];
                }

                /** Poisson likelihood of daily incidence (sigma E per day) under RK4 substeps; parameters on log scale. */
                @Differentiable(wrt = "logTh")
                public static double seirFit(double[] logTh, int[] cases, double n, double i0, int substeps) {
                    double[] th = {Math.exp(logTh[0]), Math.exp(logTh[1]), Math.exp(logTh[2])};
                    double[] y = {n - i0, 0, i0, 0};
                    double[] k1 = new double[4], k2 = new double[4], k3 = new double[4], k4 = new double[4];
                    double[] tmp = new double[4];
                    double h = 1.0 / substeps;
                    double nll = 0;
                    for (int day = 0; day < cases.length; day++) {
                        double incid = 0;
                        for (int s = 0; s < substeps; s++) {
                            incid += h * th[1] * y[1];
                            seir(y, th, n, k1);
                            for (int i = 0; i < 4; i++) tmp[i] = y[i] + 0.5 * h * k1[i];
                            seir(tmp, th, n, k2);
                            for (int i = 0; i < 4; i++) tmp[i] = y[i] + 0.5 * h * k2[i];
                            seir(tmp, th, n, k3);
                            for (int i = 0; i < 4; i++) tmp[i] = y[i] + h * k3[i];
                            seir(tmp, th, n, k4);
                            for (int i = 0; i < 4; i++) y[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
                        }
                        double mu = Math.max(incid, 1e-9);
                        nll += mu - cases[day] * Math.log(mu);
                    }
                    return nll;
                }

                /** The compartments after a horizon (its Jacobian: sensitivities to beta, sigma, gamma). */
                @Differentiable(wrt = "th")
                public static double[] seirState(double[] th, double n, double i0, double dt, int steps) {
                    double[] y = {n - i0, 0, i0, 0};
                    double[] dy = new double[4];
                    for (int k = 0; k < steps; k++) {
                        seir(y, th, n, dy);
                        for (int i = 0; i < 4; i++) y[i] += dt * dy[i];
                    }
                    return y;
                }
            }
            """;
}
