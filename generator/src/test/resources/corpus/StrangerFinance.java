package corpus;

import dev.adjoint.Differentiable;

/** Black-Scholes, a Monte Carlo pricer, Heston by Euler, an N-body step. */
public final class StrangerFinance {
    private StrangerFinance() {}

    private static final double[] A = {0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429};
    private static final double P = 0.3275911;

    /** Standard normal CDF (Abramowitz-Stegun 7.1.26). */
    static double normCdf(double x) {
        double z = Math.abs(x) / Math.sqrt(2);
        double t = 1 / (1 + P * z);
        double poly = 0;
        for (int i = A.length - 1; i >= 0; i--) {
            poly = poly * t + A[i];
        }
        double erf = 1 - poly * t * Math.exp(-z * z);
        return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }

    //@at (100.0, 95.0, 0.2, 0.03, 0.75)
    //@at (80.0, 100.0, 0.35, 0.01, 2.0)
    //@at (90.0, 85.0, 0.2, 0.02, 0.0)
    @Differentiable(wrt = {"spot", "vol", "rate"})
    public static double blackScholesCall(double spot, double strike, double vol, double rate, double tau) {
        if (tau <= 0) {
            return Math.max(spot - strike, 0);
        }
        double sq = vol * Math.sqrt(tau);
        double d1 = (Math.log(spot / strike) + (rate + 0.5 * vol * vol) * tau) / sq;
        double d2 = d1 - sq;
        return spot * normCdf(d1) - strike * Math.exp(-rate * tau) * normCdf(d2);
    }

    /** Discounted Monte Carlo price of an Asian call from pre-drawn normals. */
    //@at (100.0, 100.0, 0.25, 0.02, 1.0, {0.3, -1.2, 0.8, 1.5, 0.1, -0.4, 2.1, 0.9, -0.7, 0.2, 0.6, 1.1}, 4)
    //@at (50.0, 45.0, 0.3, 0.01, 0.5, {0.5, -0.2, 1.0, -1.3, 0.8, 0.4}, 3)
    @Differentiable(wrt = {"spot", "vol"})
    public static double asianCall(double spot, double strike, double vol, double rate, double maturity, double[] normals, int steps) {
        int paths = normals.length / steps;
        double dt = maturity / steps;
        double drift = (rate - 0.5 * vol * vol) * dt;
        double diffusion = vol * Math.sqrt(dt);
        double sum = 0;
        for (int p = 0; p < paths; p++) {
            double s = spot;
            double avg = 0;
            for (int k = 0; k < steps; k++) {
                s *= Math.exp(drift + diffusion * normals[p * steps + k]);
                avg += s;
            }
            avg /= steps;
            sum += Math.max(avg - strike, 0.0);
        }
        return Math.exp(-rate * maturity) * sum / paths;
    }

    /** Heston with full truncation Euler; the mean of S_T from given normals. */
    //@at (100.0, 0.04, 1.5, 0.05, 0.3, -0.6, 0.1, {{0.3, -1.2, 0.8}, {1.5, 0.1, -0.4}}, {{0.2, 0.9, -0.7}, {0.6, -1.1, 0.4}})
    //@at (1.0, 0.09, 2.0, 0.08, 0.2, 0.3, 0.05, {{0.5, -0.5}}, {{1.0, 0.2}})
    @Differentiable(wrt = {"kappa", "theta", "xi", "rho", "v0"})
    public static double heston(double s0, double v0, double kappa, double theta, double xi, double rho, double dt, double[][] z1, double[][] z2) {
        double mean = 0;
        for (int p = 0; p < z1.length; p++) {
            double s = s0;
            double v = v0;
            for (int k = 0; k < z1[p].length; k++) {
                double vp = Math.max(v, 0);
                double w1 = z1[p][k];
                double w2 = rho * w1 + Math.sqrt(1 - rho * rho) * z2[p][k];
                s *= Math.exp(-0.5 * vp * dt + Math.sqrt(vp * dt) * w1);
                v += kappa * (theta - vp) * dt + xi * Math.sqrt(vp * dt) * w2;
            }
            mean += s;
        }
        return mean / z1.length;
    }

    /** Potential + kinetic energy after one leapfrog step of a softened N-body system. */
    //@at ({{0.0, 0.0, 0.0}, {1.0, 0.2, -0.1}, {-0.3, 0.9, 0.4}}, {{0.1, 0.0, 0.0}, {0.0, 0.2, 0.1}, {-0.1, 0.0, 0.3}}, {1.0, 0.5, 0.8}, 0.01)
    //@at ({{0.5, 0.0, 0.0}, {-0.5, 0.1, 0.0}}, {{0.0, 0.3, 0.0}, {0.0, -0.3, 0.1}}, {2.0, 1.0}, 0.05)
    @Differentiable(wrt = {"pos", "vel"})
    public static double nbodyStep(double[][] pos, double[][] vel, double[] mass, double dt) {
        int n = pos.length;
        double[][] acc = new double[n][3];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                double dx = pos[j][0] - pos[i][0];
                double dy = pos[j][1] - pos[i][1];
                double dz = pos[j][2] - pos[i][2];
                double r2 = dx * dx + dy * dy + dz * dz + 1e-3;
                double inv = mass[j] / (r2 * Math.sqrt(r2));
                acc[i][0] += dx * inv;
                acc[i][1] += dy * inv;
                acc[i][2] += dz * inv;
            }
        }
        double[][] p2 = new double[n][3];
        double kinetic = 0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                double v = vel[i][c] + dt * acc[i][c];
                p2[i][c] = pos[i][c] + dt * v;
                kinetic += 0.5 * mass[i] * v * v;
            }
        }
        double potential = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double r = Math.sqrt(Math.pow(p2[i][0] - p2[j][0], 2) + Math.pow(p2[i][1] - p2[j][1], 2)
                        + Math.pow(p2[i][2] - p2[j][2], 2) + 1e-3);
                potential -= mass[i] * mass[j] / r;
            }
        }
        return kinetic + potential;
    }
}
