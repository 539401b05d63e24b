package dev.adjoint.generator.stranger;

/**
 * Control, robotics, chemistry and epidemiology programs of {@link StrangerApps29Test}, written from the README alone
 * (session 29) as a developer new to Adjoint would write them.
 */
final class StrangerApps29Control {
    private StrangerApps29Control() {}

    static final String CONTROL = """
            package stranger;

            import dev.adjoint.Differentiable;
            import java.util.Arrays;

            /** Linear-quadratic control: rollouts, a Riccati recursion and a clamped MPC horizon. */
            public final class Control {
                private Control() {}

                static double quad(double[] x, double[] q) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) s += q[i] * x[i] * x[i];
                    return s;
                }

                static void step(double[][] A, double[][] B, double[] x, double[] u, double[] out) {
                    for (int i = 0; i < x.length; i++) {
                        double s = 0;
                        for (int j = 0; j < x.length; j++) s += A[i][j] * x[j];
                        for (int j = 0; j < u.length; j++) s += B[i][j] * u[j];
                        out[i] = s;
                    }
                }

                /** The cost of the closed loop u = -K x over a horizon; K is m x n laid out row by row. */
                @Differentiable(wrt = "K")
                public static double lqrCost(double[] K, double[][] A, double[][] B, double[] x0, double[] q, double r, int steps) {
                    int n = x0.length;
                    int m = B[0].length;
                    double[] x = Arrays.copyOf(x0, n);
                    double[] u = new double[m];
                    double[] next = new double[n];
                    double cost = 0;
                    for (int t = 0; t < steps; t++) {
                        Arrays.fill(u, 0.0);
                        for (int a = 0; a < m; a++) {
                            for (int j = 0; j < n; j++) u[a] -= K[a * n + j] * x[j];
                        }
                        cost += quad(x, q);
                        for (int a = 0; a < m; a++) cost += r * u[a] * u[a];
                        step(A, B, x, u, next);
                        System.arraycopy(next, 0, x, 0, n);
                    }
                    return cost + 10 * quad(x, q);
                }

                /** The scalar discrete Riccati recursion run backwards; the value P_0. */
                @Differentiable
                public static double riccati(double a, double b, double q, double r, int horizon) {
                    double p = q;
                    for (int k = horizon; k > 0; k--) {
                        double gain = a * b * p / (r + b * b * p);
                        p = q + a * a * p - a * b * p * gain;
                    }
                    return p;
                }

                /** A double integrator under clamped inputs, with a soft penalty on the clamp and on speed. */
                @Differentiable(wrt = {"u", "x0"})
                public static double mpcCost(double[] u, double[] x0, double dt, double umax, double vmax) {
                    double pos = x0[0];
                    double vel = x0[1];
                    double j = 0;
                    for (int k = 0; k < u.length; k++) {
                        double uc = Math.max(-umax, Math.min(umax, u[k]));
                        j += 0.01 * (u[k] - uc) * (u[k] - uc);
                        vel += dt * uc;
                        pos += dt * vel;
                        double over = Math.abs(vel) - vmax;
                        if (over > 0) j += 5 * over * over;
                        j += pos * pos + 0.1 * uc * uc;
                    }
                    return j;
                }

                /** The state after a horizon of the closed loop (an array result: its Jacobian). */
                @Differentiable(wrt = {"K", "x0"})
                public static double[] closedLoop(double[] K, double[][] A, double[][] B, double[] x0, int steps) {
                    int n = x0.length;
                    double[] x = x0.clone();
                    double[] u = new double[1];
                    double[] next = new double[n];
                    for (int t = 0; t < steps; t++) {
                        double s = 0;
                        for (int j = 0; j < n; j++) s += K[j] * x[j];
                        u[0] = -Math.tanh(s);
                        step(A, B, x, u, next);
                        for (int i = 0; i < n; i++) x[i] = next[i];
                    }
                    return x;
                }

                /** A cart-pole balanced by a linear policy, stopped when the pole falls (an early return). */
                @Differentiable(wrt = "gains")
                public static double cartPole(double[] gains, double theta0, double dt, int steps) {
                    double x = 0, v = 0, th = theta0, om = 0;
                    double cost = 0;
                    for (int t = 0; t < steps; t++) {
                        double f = -(gains[0] * x + gains[1] * v + gains[2] * th + gains[3] * om);
                        double s = Math.sin(th), c = Math.cos(th);
                        double tmp = (f + 0.05 * om * om * s) / 1.1;
                        double alpha = (9.81 * s - c * tmp) / (0.5 * (4.0 / 3.0 - 0.1 * c * c / 1.1));
                        double acc = tmp - 0.05 * alpha * c / 1.1;
                        x += dt * v;
                        v += dt * acc;
                        th += dt * om;
                        om += dt * alpha;
                        if (Math.abs(th) > 0.8) return cost + 100 + (steps - t);
                        cost += th * th + 0.1 * x * x + 0.001 * f * f;
                    }
                    return cost;
                }
            }
            """;

    static final String ROBOT = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Kinematics of serial chains. */
            public final class Robot {
                private Robot() {}

                /** End effector of a planar chain: angles accumulate along it. */
                @Differentiable(wrt = "theta")
                public static double[] planarEnd(double[] theta, double[] len) {
                    double x = 0, y = 0, phi = 0;
                    for (int i = 0; i < theta.length; i++) {
                        phi += theta[i];
                        x += len[i] * Math.cos(phi);
                        y += len[i] * Math.sin(phi);
                    }
                    return new double[] {x, y};
                }

                static double softplus(double z) {
                    return z > 30 ? z : Math.log1p(Math.exp(z));
                }

                /** Inverse kinematics loss: squared reach error plus soft joint limits and a smoothness term. */
                @Differentiable(wrt = "theta")
                public static double ikLoss(double[] theta, double[] len, double[] target, double[] lo, double[] hi) {
                    double[] e = planarEnd(theta, len);
                    double dx = e[0] - target[0];
                    double dy = e[1] - target[1];
                    double loss = dx * dx + dy * dy;
                    for (int i = 0; i < theta.length; i++) {
                        loss += 0.1 * softplus(10 * (theta[i] - hi[i])) + 0.1 * softplus(10 * (lo[i] - theta[i]));
                        if (i > 0) loss += 0.01 * (theta[i] - theta[i - 1]) * (theta[i] - theta[i - 1]);
                    }
                    return loss;
                }

                static void dh(double theta, double d, double a, double alpha, double[][] T) {
                    double ct = Math.cos(theta), st = Math.sin(theta);
                    double ca = Math.cos(alpha), sa = Math.sin(alpha);
                    T[0][0] = ct; T[0][1] = -st * ca; T[0][2] = st * sa; T[0][3] = a * ct;
                    T[1][0] = st; T[1][1] = ct * ca; T[1][2] = -ct * sa; T[1][3] = a * st;
                    T[2][0] = 0; T[2][1] = sa; T[2][2] = ca; T[2][3] = d;
                    T[3][0] = 0; T[3][1] = 0; T[3][2] = 0; T[3][3] = 1;
                }

                static void mul4(double[][] a, double[][] b, double[][] out) {
                    for (int i = 0; i < 4; i++) {
                        for (int j = 0; j < 4; j++) {
                            double s = 0;
                            for (int k = 0; k < 4; k++) s += a[i][k] * b[k][j];
                            out[i][j] = s;
                        }
                    }
                }

                /** Denavit-Hartenberg chain: the squared distance of the tool point to a target. */
                @Differentiable(wrt = {"q", "dhA"})
                public static double dhReach(double[] q, double[] dhD, double[] dhA, double[] dhAlpha, double[] target) {
                    double[][] T = new double[4][4];
                    double[][] L = new double[4][4];
                    double[][] tmp = new double[4][4];
                    for (int i = 0; i < 4; i++) T[i][i] = 1;
                    for (int j = 0; j < q.length; j++) {
                        dh(q[j], dhD[j], dhA[j], dhAlpha[j], L);
                        mul4(T, L, tmp);
                        for (int r = 0; r < 4; r++) {
                            for (int c = 0; c < 4; c++) T[r][c] = tmp[r][c];
                        }
                    }
                    double e = 0;
                    for (int r = 0; r < 3; r++) {
                        double d = T[r][3] - target[r];
                        e += d * d;
                    }
                    return e;
                }
            }
            """;

    static final String ARM = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A planar arm whose link lengths and joint offsets are calibrated: wrt = "this". */
            public class Arm {
                private final double[] len;
                private final double[] offset;
                double base;
                int evaluations;

                public Arm(double[] len, double[] offset, double base) {
                    this.len = len;
                    this.offset = offset;
                    this.base = base;
                }

                double endX(double[] theta) {
                    double x = base, phi = 0;
                    for (int i = 0; i < len.length; i++) {
                        phi += theta[i] + offset[i];
                        x += len[i] * Math.cos(phi);
                    }
                    return x;
                }

                double endY(double[] theta) {
                    double y = 0, phi = 0;
                    for (int i = 0; i < len.length; i++) {
                        phi += theta[i] + offset[i];
                        y += len[i] * Math.sin(phi);
                    }
                    return y;
                }

                /** Calibration residual over measured poses (rows of angles) and measured tool points. */
                @Differentiable(wrt = "this")
                public double calibration(double[][] thetas, double[][] measured) {
                    evaluations++;
                    double s = 0;
                    for (int k = 0; k < thetas.length; k++) {
                        double ex = endX(thetas[k]) - measured[k][0];
                        double ey = endY(thetas[k]) - measured[k][1];
                        s += ex * ex + ey * ey;
                    }
                    return s / thetas.length;
                }
            }
            """;
}
