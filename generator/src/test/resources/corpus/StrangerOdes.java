package corpus;

import dev.adjoint.Differentiable;

//@uses StrangerUtil

/** RK4, adaptive RK45 (Dormand-Prince step control), SIR, a Kalman filter step. */
public final class StrangerOdes {
    private StrangerOdes() {}

    static void sir(double[] y, double beta, double gamma, double[] dy) {
        double s = y[0], i = y[1];
        dy[0] = -beta * s * i;
        dy[1] = beta * s * i - gamma * i;
        dy[2] = gamma * i;
    }

    /** Infected fraction after `steps` RK4 steps of the SIR model. */
    //@at (0.5, 0.1, 0.01, 0.5, 40)
    //@at (0.9, 0.3, 0.05, 0.25, 30)
    @Differentiable(wrt = {"beta", "gamma"})
    public static double sirRk4(double beta, double gamma, double i0, double dt, int steps) {
        double[] y = {1.0 - i0, i0, 0.0};
        double[] k1 = new double[3], k2 = new double[3], k3 = new double[3], k4 = new double[3];
        double[] tmp = new double[3];
        for (int s = 0; s < steps; s++) {
            sir(y, beta, gamma, k1);
            for (int j = 0; j < 3; j++) tmp[j] = y[j] + 0.5 * dt * k1[j];
            sir(tmp, beta, gamma, k2);
            for (int j = 0; j < 3; j++) tmp[j] = y[j] + 0.5 * dt * k2[j];
            sir(tmp, beta, gamma, k3);
            for (int j = 0; j < 3; j++) tmp[j] = y[j] + dt * k3[j];
            sir(tmp, beta, gamma, k4);
            for (int j = 0; j < 3; j++) {
                y[j] += dt / 6.0 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);
            }
        }
        return y[1];
    }

    static double rhs(double t, double y, double k) {
        return -k * y + Math.sin(t);
    }

    /** y(tEnd) of y' = -k y + sin t by an embedded RK4(5) (Fehlberg) with step-size control. */
    //@at (1.0, 0.7, 2.0, 1e-6)
    //@at (-0.5, 1.8, 1.5, 1e-7)
    @Differentiable(wrt = {"y0", "k"})
    public static double rk45(double y0, double k, double tEnd, double tol) {
        double t = 0, y = y0, h = 0.1;
        int rejected = 0;
        while (t < tEnd) {
            if (t + h > tEnd) {
                h = tEnd - t;
            }
            double k1 = h * rhs(t, y, k);
            double k2 = h * rhs(t + h / 4, y + k1 / 4, k);
            double k3 = h * rhs(t + 3 * h / 8, y + 3 * k1 / 32 + 9 * k2 / 32, k);
            double k4 = h * rhs(t + 12 * h / 13, y + 1932 * k1 / 2197 - 7200 * k2 / 2197 + 7296 * k3 / 2197, k);
            double k5 = h * rhs(t + h, y + 439 * k1 / 216 - 8 * k2 + 3680 * k3 / 513 - 845 * k4 / 4104, k);
            double k6 = h * rhs(t + h / 2, y - 8 * k1 / 27 + 2 * k2 - 3544 * k3 / 2565 + 1859 * k4 / 4104 - 11 * k5 / 40, k);
            double y4 = y + 25 * k1 / 216 + 1408 * k3 / 2565 + 2197 * k4 / 4104 - k5 / 5;
            double y5 = y + 16 * k1 / 135 + 6656 * k3 / 12825 + 28561 * k4 / 56430 - 9 * k5 / 50 + 2 * k6 / 55;
            double err = Math.abs(y5 - y4);
            if (err <= tol || h < 1e-6) {
                t += h;
                y = y4;
            } else {
                rejected++;
            }
            double scale = err == 0 ? 2 : 0.84 * Math.pow(tol / err, 0.25);
            h *= Math.min(4, Math.max(0.1, scale));
        }
        return y;
    }

    /** One Kalman predict/update step; returns the innovation's negative log-likelihood. */
    //@at ({0.5, -0.2}, {{1.0, 0.1}, {0.1, 0.8}}, {{1.0, 0.1}, {0.0, 1.0}}, {{1.0, 0.0}, {0.3, 1.0}}, {{0.05, 0.01}, {0.01, 0.04}}, {{0.2, 0.0}, {0.0, 0.3}}, {0.7, 0.1})
    //@at ({-1.0, 0.4}, {{0.6, -0.2}, {-0.2, 1.1}}, {{0.9, 0.2}, {-0.1, 1.0}}, {{1.0, 0.5}, {0.0, 1.0}}, {{0.1, 0.0}, {0.0, 0.1}}, {{0.5, 0.1}, {0.1, 0.4}}, {-0.3, 0.8})
    @Differentiable(wrt = {"x", "p", "q"})
    public static double kalmanStep(double[] x, double[][] p, double[][] f, double[][] h, double[][] q, double[][] r, double[] z) {
        // predict
        double[] xp = StrangerUtil.matVec(f, x);
        double[][] pp = StrangerUtil.matMul(StrangerUtil.matMul(f, p), StrangerUtil.transpose(f));
        for (int i = 0; i < pp.length; i++) {
            for (int j = 0; j < pp.length; j++) {
                pp[i][j] += q[i][j];
            }
        }
        // innovation y = z - H xp, S = H P H^T + R (2x2 here, inverted in closed form)
        double[] hx = StrangerUtil.matVec(h, xp);
        double[] y = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            y[i] = z[i] - hx[i];
        }
        double[][] s = StrangerUtil.matMul(StrangerUtil.matMul(h, pp), StrangerUtil.transpose(h));
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                s[i][j] += r[i][j];
            }
        }
        double det = s[0][0] * s[1][1] - s[0][1] * s[1][0];
        double[][] sInv = {{s[1][1] / det, -s[0][1] / det}, {-s[1][0] / det, s[0][0] / det}};
        double[] sy = StrangerUtil.matVec(sInv, y);
        return 0.5 * (StrangerUtil.dot(y, sy) + Math.log(det) + 2 * Math.log(2 * Math.PI));
    }
}
