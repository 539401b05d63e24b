package dev.adjoint.generator.stranger;

/**
 * The structural and pricing programs of {@link StrangerApps29Test}, written from the README alone (session 29).
 */
final class StrangerApps29Pricing {
    private StrangerApps29Pricing() {}

    static final String TRUSS = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Pin-jointed trusses. */
            public final class Truss {
                private Truss() {}

                static final int[][] BARS = {{0, 1}, {1, 2}, {0, 3}, {1, 3}, {1, 4}, {2, 4}, {3, 4}};

                /** Total potential energy: large-strain bar energy minus work of loads (u: 2 per node). */
                @Differentiable(wrt = {"u", "ea"})
                public static double energy(double[] u, double[] ea, double[][] nodes, double[] loads) {
                    double e = 0;
                    for (int b = 0; b < BARS.length; b++) {
                        int i = BARS[b][0], j = BARS[b][1];
                        double lx = nodes[j][0] - nodes[i][0], ly = nodes[j][1] - nodes[i][1];
                        double l0 = Math.sqrt(lx * lx + ly * ly);
                        double dx = lx + u[2 * j] - u[2 * i], dy = ly + u[2 * j + 1] - u[2 * i + 1];
                        double strain = (dx * dx + dy * dy - l0 * l0) / (2 * l0 * l0);
                        e += 0.5 * ea[b] * l0 * strain * strain;
                    }
                    for (int k = 0; k < u.length; k++) e -= loads[k] * u[k];
                    return e;
                }

                /** Bar strains as an array (its Jacobian is the compatibility matrix at u). */
                @Differentiable(wrt = "u")
                public static double[] strains(double[] u, double[][] nodes) {
                    double[] s = new double[BARS.length];
                    for (int b = 0; b < BARS.length; b++) {
                        int[] bar = BARS[b];
                        double lx = nodes[bar[1]][0] - nodes[bar[0]][0], ly = nodes[bar[1]][1] - nodes[bar[0]][1];
                        double l0 = Math.hypot(lx, ly);
                        double l = Math.hypot(lx + u[2 * bar[1]] - u[2 * bar[0]], ly + u[2 * bar[1] + 1] - u[2 * bar[0] + 1]);
                        s[b] = (l - l0) / l0;
                    }
                    return s;
                }
            }
            """;

    static final String PRICE = """
            package stranger;

            import dev.adjoint.Differentiable;
            import java.util.Random;

            /** Pricing by Monte Carlo and closed forms. */
            public final class Price {
                private Price() {}

                /** Heston by full-truncation Euler, one seeded Random, a call payoff. */
                @Differentiable(wrt = {"s0", "v0", "kappa", "theta", "xi", "rho"})
                public static double heston(double s0, double v0, double kappa, double theta, double xi, double rho,
                        double strike, double T, int steps, int paths, long seed) {
                    Random rng = new Random(seed);
                    double dt = T / steps;
                    double sq = Math.sqrt(1 - rho * rho);
                    double sum = 0;
                    for (int p = 0; p < paths; p++) {
                        double lnS = Math.log(s0), v = v0;
                        for (int k = 0; k < steps; k++) {
                            double z1 = rng.nextGaussian();
                            double z2 = rho * z1 + sq * rng.nextGaussian();
                            double vp = Math.max(v, 0);
                            lnS += -0.5 * vp * dt + Math.sqrt(vp * dt) * z1;
                            v += kappa * (theta - vp) * dt + xi * Math.sqrt(vp * dt) * z2;
                        }
                        double st = Math.exp(lnS);
                        sum += Math.max(st - strike, 0);
                    }
                    return sum / paths;
                }

                /** Down-and-out call with the knock-out smoothed by a sigmoid of the running minimum's distance. */
                @Differentiable(wrt = {"s0", "sigma", "r"})
                public static double barrier(double s0, double sigma, double r, double strike, double b, double T,
                        int steps, int paths, long seed, double width) {
                    Random rng = new Random(seed);
                    double dt = T / steps;
                    double acc = 0;
                    for (int p = 0; p < paths; p++) {
                        double s = s0;
                        double alive = 1;
                        for (int k = 0; k < steps; k++) {
                            s *= Math.exp((r - 0.5 * sigma * sigma) * dt + sigma * Math.sqrt(dt) * rng.nextGaussian());
                            alive *= 1 / (1 + Math.exp(-(s - b) / width));
                        }
                        double pay = s - strike;
                        acc += alive * (pay > 0 ? pay : 0);
                    }
                    return Math.exp(-r * T) * acc / paths;
                }

                /** Hagan's SABR implied volatility, with its at-the-money branch. */
                @Differentiable(wrt = {"f", "strike", "alpha", "rho", "nu"})
                public static double sabr(double f, double strike, double T, double alpha, double beta, double rho, double nu) {
                    double omb = 1 - beta;
                    double fk = f * strike;
                    double fkb = Math.pow(fk, omb / 2);
                    double lfk = Math.log(f / strike);
                    double corr = 1 + (omb * omb / 24 * alpha * alpha / (fkb * fkb)
                            + rho * beta * nu * alpha / (4 * fkb) + (2 - 3 * rho * rho) / 24 * nu * nu) * T;
                    if (Math.abs(lfk) < 1e-7) {
                        return alpha / Math.pow(f, omb) * corr;
                    }
                    double z = nu / alpha * fkb * lfk;
                    double xz = Math.log((Math.sqrt(1 - 2 * rho * z + z * z) + z - rho) / (1 - rho));
                    double denom = fkb * (1 + omb * omb / 24 * lfk * lfk + Math.pow(omb, 4) / 1920 * Math.pow(lfk, 4));
                    return alpha / denom * (z / xz) * corr;
                }

                /** Calibration of SABR (alpha, rho, nu) to a smile, rho through tanh. */
                @Differentiable(wrt = "p")
                public static double sabrFit(double[] p, double f, double T, double beta, double[] strikes, double[] vols) {
                    double alpha = Math.exp(p[0]), rho = Math.tanh(p[1]), nu = Math.exp(p[2]);
                    double e = 0;
                    for (int i = 0; i < strikes.length; i++) {
                        double d = sabr(f, strikes[i], T, alpha, beta, rho, nu) - vols[i];
                        e += d * d;
                    }
                    return 1e4 * e;
                }
            }
            """;
}
