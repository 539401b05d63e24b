package dev.adjoint.generator.stranger;

/**
 * The finance and engineering programs of {@link StrangerApps26Test}, written from the README alone (session 26) as a
 * developer new to Adjoint would write them; see the test for what each checks.
 */
final class StrangerApps26Finance {
    private StrangerApps26Finance() {}

    static final String RATES = """
            package stranger;

            /** Plain helpers of another class. */
            final class Rates {
                private Rates() {}

                static double discount(double r, double t) {
                    return Math.exp(-r * t);
                }

                static double survival(double hazard, double t) {
                    return Math.exp(-hazard * t);
                }
            }
            """;

    static final String VOLS = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** SABR (Hagan 2002) lognormal implied volatility and a smile fit. */
            public final class Vols {
                private Vols() {}

                @Differentiable(wrt = {"alpha", "rho", "nu"})
                public static double sabrVol(double f, double k, double t, double alpha, double beta, double rho, double nu) {
                    if (f <= 0 || k <= 0) {
                        throw new IllegalArgumentException("forward and strike must be positive: " + f + ", " + k);
                    }
                    double omb = 1 - beta;
                    double fk = f * k;
                    double fkb = Math.pow(fk, omb / 2);
                    double logfk = Math.log(f / k);
                    double z = nu / alpha * fkb * logfk;
                    double zOverX;
                    if (Math.abs(z) < 1e-8) {
                        zOverX = 1 - 0.5 * rho * z;
                    } else {
                        double x = Math.log((Math.sqrt(1 - 2 * rho * z + z * z) + z - rho) / (1 - rho));
                        zOverX = z / x;
                    }
                    double l2 = logfk * logfk;
                    double denom = fkb * (1 + omb * omb / 24 * l2 + Math.pow(omb, 4) / 1920 * l2 * l2);
                    double corr = 1
                            + (omb * omb / 24 * alpha * alpha / Math.pow(fk, omb)
                                            + 0.25 * rho * beta * nu * alpha / fkb
                                            + (2 - 3 * rho * rho) / 24 * nu * nu)
                                    * t;
                    return alpha / denom * zOverX * corr;
                }

                /** Least-squares smile fit; p = (log alpha, atanh rho, log nu). */
                @Differentiable(wrt = "p")
                public static double smileFit(double[] p, double beta, double f, double t, double[] strikes, double[] quotes) {
                    double alpha = Math.exp(p[0]);
                    double rho = Math.tanh(p[1]);
                    double nu = Math.exp(p[2]);
                    double sse = 0;
                    for (int i = 0; i < strikes.length; i++) {
                        double e = sabrVol(f, strikes[i], t, alpha, beta, rho, nu) - quotes[i];
                        sse += e * e;
                    }
                    return 1e4 * sse;
                }
            }
            """;

    static final String CURVES = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Nelson-Siegel-Svensson and Vasicek. */
            public final class Curves {
                private Curves() {}

                public record Vasicek(double kappa, double theta, double sigma) {}

                /** NSS zero yield; p = (b0, b1, b2, b3, tau1, tau2). */
                @Differentiable(wrt = "p")
                public static double nss(double[] p, double t) {
                    if (t <= 0) {
                        return p[0] + p[1];
                    }
                    double x1 = t / p[4];
                    double x2 = t / p[5];
                    double e1 = Math.exp(-x1);
                    double e2 = Math.exp(-x2);
                    double f1 = (1 - e1) / x1;
                    double f2 = (1 - e2) / x2;
                    return p[0] + p[1] * f1 + p[2] * (f1 - e1) + p[3] * (f2 - e2);
                }

                @Differentiable(wrt = "p")
                public static double nssFit(double[] p, double[] ts, double[] ys, double[] weights) {
                    double sse = 0;
                    int i = 0;
                    for (var t : ts) {
                        double r = nss(p, t) - ys[i];
                        sse += (weights == null ? 1.0 : weights[i]) * r * r;
                        i++;
                    }
                    return sse;
                }

                @Differentiable(wrt = {"r0", "m"})
                public static double vasicekBond(double r0, Vasicek m, double t) {
                    double b = (1 - Math.exp(-m.kappa() * t)) / m.kappa();
                    double s2 = m.sigma() * m.sigma();
                    double lnA = (m.theta() - s2 / (2 * m.kappa() * m.kappa())) * (b - t) - s2 * b * b / (4 * m.kappa());
                    return Math.exp(lnA - b * r0);
                }

                /** A coupon bond priced off the Vasicek curve. */
                @Differentiable(wrt = {"r0", "m"})
                public static double couponBond(double r0, Vasicek m, double coupon, double[] times) {
                    double pv = 0;
                    for (int i = 0; i < times.length; i++) {
                        double cf = i == times.length - 1 ? 1 + coupon : coupon;
                        pv += cf * vasicekBond(r0, m, times[i]);
                    }
                    return pv;
                }

                /** Continuously compounded zero rates at ts: an array result from a record. */
                @Differentiable(wrt = {"r0", "m"})
                public static double[] zeroCurve(double r0, Vasicek m, double[] ts) {
                    double[] z = new double[ts.length];
                    for (int i = 0; i < ts.length; i++) {
                        z[i] = -Math.log(vasicekBond(r0, m, ts[i])) / ts[i];
                    }
                    return z;
                }
            }
            """;

    static final String CREDIT = """
            package stranger;

            import dev.adjoint.Differentiable;
            import java.util.Random;

            /** Heston by Euler with full truncation, CVA of a forward, an annuity over a mortality table. */
            public final class Credit {
                private Credit() {}

                static final int BASE_AGE = 60;
                static final double[] QX = {
                    0.0080, 0.0088, 0.0097, 0.0107, 0.0118, 0.0130, 0.0144, 0.0159, 0.0176, 0.0195, 0.0216, 0.0240, 0.0266
                };

                @Differentiable(wrt = {"kappa", "theta", "xi", "rho", "v0"})
                public static double hestonCall(
                        double s0, double strike, double r, double kappa, double theta, double xi, double rho, double v0,
                        double t, int steps, int paths, long seed) {
                    Random rng = new Random(seed);
                    double dt = t / steps;
                    double sum = 0;
                    for (int p = 0; p < paths; p++) {
                        double lnS = Math.log(s0);
                        double v = v0;
                        for (int k = 0; k < steps; k++) {
                            double z1 = rng.nextGaussian();
                            double z2 = rho * z1 + Math.sqrt(1 - rho * rho) * rng.nextGaussian();
                            double vp = Math.max(v, 0.0);
                            double sq = Math.sqrt(vp * dt);
                            lnS += (r - 0.5 * vp) * dt + sq * z1;
                            v += kappa * (theta - vp) * dt + xi * sq * z2;
                        }
                        sum += Math.max(Math.exp(lnS) - strike, 0.0);
                    }
                    return Math.exp(-r * t) * sum / paths;
                }

                /** Unilateral CVA of a long forward under GBM paths: (1-R) sum EE(t_i) PD(t_{i-1}, t_i) D(t_i). */
                @Differentiable(wrt = {"sigma", "hazard", "recovery"})
                public static double cva(
                        double s0, double strike, double r, double sigma, double hazard, double recovery, double t, int steps,
                        int paths, long seed) {
                    double dt = t / steps;
                    double[] ee = new double[steps + 1];
                    for (int p = 0; p < paths; p++) {
                        Random rng = new Random(seed + 31L * p);
                        double s = s0;
                        for (int k = 1; k <= steps; k++) {
                            s *= Math.exp((r - 0.5 * sigma * sigma) * dt + sigma * Math.sqrt(dt) * rng.nextGaussian());
                            double value = s - strike * Rates.discount(r, t - k * dt);
                            ee[k] += Math.max(value, 0) / paths;
                        }
                    }
                    double cva = 0;
                    for (int k = 1; k <= steps; k++) {
                        double pd = Rates.survival(hazard, (k - 1) * dt) - Rates.survival(hazard, k * dt);
                        cva += ee[k] * pd * Rates.discount(r, k * dt);
                    }
                    return (1 - recovery) * cva;
                }

                /** Whole-life-style temporary annuity-immediate with a multiplicative mortality shock. */
                @Differentiable(wrt = {"rate", "shock"})
                public static double annuity(double rate, double shock, int age, int years) {
                    int start = age - BASE_AGE;
                    if (start < 0 || start + years > QX.length) {
                        throw new IllegalArgumentException("age " + age + " + " + years + " outside the table");
                    }
                    double v = 1 / (1 + rate);
                    double survive = 1;
                    double disc = 1;
                    double value = 0;
                    for (int k = 0; k < years; k++) {
                        double q = Math.min(1.0, QX[start + k] * (1 + shock));
                        survive *= 1 - q;
                        disc *= v;
                        value += disc * survive;
                    }
                    return value;
                }
            }
            """;

    static final String TRIDIAG = """
            package stranger;

            /** A Thomas solver of my own, in another class: sub a, diagonal b, super c, right-hand side d, into x. */
            final class Tridiag {
                private Tridiag() {}

                static void solve(double[] a, double[] b, double[] c, double[] d, double[] x) {
                    int n = d.length;
                    double[] cp = new double[n];
                    double[] dp = new double[n];
                    cp[0] = c[0] / b[0];
                    dp[0] = d[0] / b[0];
                    for (int i = 1; i < n; i++) {
                        double m = b[i] - a[i] * cp[i - 1];
                        cp[i] = i < n - 1 ? c[i] / m : 0.0;
                        dp[i] = (d[i] - a[i] * dp[i - 1]) / m;
                    }
                    x[n - 1] = dp[n - 1];
                    for (int i = n - 2; i >= 0; i--) {
                        x[i] = dp[i] - cp[i] * x[i + 1];
                    }
                }
            }
            """;

    static final String STRUCTURES = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A truss as a spring network over an edge list, and a cable under load through a Thomas solve. */
            public final class Structures {
                private Structures() {}

                static final int[][] BRIDGE = {{0, 1}, {1, 2}, {2, 3}, {0, 4}, {4, 1}, {1, 5}, {5, 2}, {2, 6}, {6, 3}, {4, 5}, {5, 6}};

                /** Stretch energy of bars i-j with rest lengths and stiffnesses, minus the work of nodal loads. */
                @Differentiable(wrt = {"xy", "stiffness"})
                public static double trussEnergy(double[] xy, int[][] edges, double[] rest, double[] stiffness, double[] load) {
                    if (edges.length != rest.length) {
                        throw new IllegalArgumentException("one rest length per edge");
                    }
                    double e = 0;
                    for (int k = 0; k < edges.length; k++) {
                        int[] ed = edges[k];
                        int i = ed[0];
                        int j = ed[1];
                        double dx = xy[2 * j] - xy[2 * i];
                        double dy = xy[2 * j + 1] - xy[2 * i + 1];
                        double s = Math.hypot(dx, dy) - rest[k];
                        e += 0.5 * stiffness[k] * s * s;
                    }
                    for (int n = 0; n < load.length / 2; n++) {
                        e -= load[2 * n] * xy[2 * n] + load[2 * n + 1] * xy[2 * n + 1];
                    }
                    return e;
                }

                /** The same over the class's bridge table, for-each over its rows, rest lengths from a reference shape. */
                @Differentiable(wrt = "xy")
                public static double bridgeEnergy(double[] xy, double[] ref, double k, double sag) {
                    double e = 0;
                    for (int[] bar : BRIDGE) {
                        double l = length(xy, bar[0], bar[1]);
                        double l0 = length(ref, bar[0], bar[1]);
                        e += k * (l - l0) * (l - l0) / l0;
                    }
                    for (int n = 0; n < xy.length / 2; n++) {
                        e += sag * xy[2 * n + 1]; // gravity
                    }
                    return e;
                }

                private static double length(double[] p, int i, int j) {
                    double dx = p[2 * j] - p[2 * i];
                    double dy = p[2 * j + 1] - p[2 * i + 1];
                    return Math.sqrt(dx * dx + dy * dy);
                }

                /** Cable deflection with element stiffnesses k (n+1) and nodal loads q (n), fixed ends: K u = q. */
                @Differentiable(wrt = {"k", "q"})
                public static double[] deflection(double[] k, double[] q) {
                    int n = q.length;
                    double[] a = new double[n];
                    double[] b = new double[n];
                    double[] c = new double[n];
                    for (int i = 0; i < n; i++) {
                        b[i] = k[i] + k[i + 1];
                        a[i] = -k[i];
                        c[i] = -k[i + 1];
                    }
                    double[] u = new double[n];
                    Tridiag.solve(a, b, c, q, u);
                    return u;
                }

                /** Compliance q . u, composed from the array result. */
                @Differentiable(wrt = "k")
                public static double compliance(double[] k, double[] q) {
                    double[] u = deflection(k, q);
                    double s = 0;
                    for (int i = 0; i < q.length; i++) {
                        s += q[i] * u[i];
                    }
                    return s;
                }
            }
            """;

    static final String CIRCUITS = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** RC transients with a record of parameters, an enum of integrators and a switch expression. */
            public final class Circuits {
                private Circuits() {}

                public record Rc(double r, double c, double vin) {
                    double tau() {
                        return r * c;
                    }
                }

                public enum Scheme { EULER, EXACT, TRAPEZOID }

                @Differentiable(wrt = "ckt")
                public static double charge(Rc ckt, Scheme scheme, double dt, int n) {
                    double v = 0;
                    double a = dt / ckt.tau();
                    double factor = switch (scheme) {
                        case EULER -> a;
                        case EXACT -> 1 - Math.exp(-a);
                        case TRAPEZOID -> a / (1 + 0.5 * a);
                    };
                    for (int i = 0; i < n; i++) {
                        v += (ckt.vin() - v) * factor;
                    }
                    return ckt.c() * v; // charge on the capacitor
                }

                @Differentiable(wrt = "ckt")
                public static double fit(Rc ckt, double[] measured, double dt) {
                    double sse = 0;
                    var v = 0.0;
                    for (double m : measured) {
                        v += (ckt.vin() - v) * (1 - Math.exp(-dt / ckt.tau()));
                        sse += (v - m) * (v - m);
                    }
                    return sse;
                }

                /** Voltage samples of the step response: an array result of a record. */
                @Differentiable(wrt = "ckt")
                public static double[] response(Rc ckt, double[] times) {
                    double[] v = new double[times.length];
                    for (int i = 0; i < times.length; i++) {
                        v[i] = ckt.vin() * (1 - Math.exp(-times[i] / ckt.tau()));
                    }
                    return v;
                }
            }
            """;

    static final String PID = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A PID controller driving a first-order plant, its gains as fields. */
            public class Pid {
                double kp;
                double ki;
                double kd;
                private final double uMax;

                public Pid(double kp, double ki, double kd, double uMax) {
                    this.kp = kp;
                    this.ki = ki;
                    this.kd = kd;
                    this.uMax = uMax;
                }

                private double saturate(double u) {
                    return Math.max(-uMax, Math.min(uMax, u));
                }

                /** Integral of squared tracking error plus control effort. */
                @Differentiable(wrt = "this")
                public double trackingCost(double[] setpoint, double dt, double tau) {
                    double y = 0;
                    double integral = 0;
                    double prevErr = setpoint[0];
                    double cost = 0;
                    for (double r : setpoint) {
                        double err = r - y;
                        integral += err * dt;
                        double deriv = (err - prevErr) / dt;
                        double u = saturate(kp * err + ki * integral + kd * deriv);
                        y += dt * (u - y) / tau;
                        cost += dt * (err * err + 0.01 * u * u);
                        prevErr = err;
                    }
                    return cost;
                }

                /** The plant output trajectory: an instance array result. */
                @Differentiable(wrt = {"this", "tau"})
                public double[] trajectory(double[] setpoint, double dt, double tau) {
                    double[] ys = new double[setpoint.length];
                    double y = 0;
                    double integral = 0;
                    for (int t = 0; t < setpoint.length; t++) {
                        double err = setpoint[t] - y;
                        integral += err * dt;
                        y += dt * (kp * err + ki * integral - y) / tau;
                        ys[t] = y;
                    }
                    return ys;
                }
            }
            """;

    static final String KEPLER = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Kepler orbits: Newton for the eccentric anomaly, a fixed number of iterations. */
            public final class Kepler {
                private Kepler() {}

                static final int NEWTON_STEPS = 12;

                static double eccentricAnomaly(double m, double e) {
                    double ea = e < 0.8 ? m : Math.PI;
                    for (int it = 0; it < NEWTON_STEPS; it++) {
                        ea -= (ea - e * Math.sin(ea) - m) / (1 - e * Math.cos(ea));
                    }
                    return ea;
                }

                /** Position (x, y) in the orbital plane; elems = (a, e, m0, n). */
                @Differentiable(wrt = "elems")
                public static double[] position(double[] elems, double t) {
                    double a = elems[0];
                    double e = elems[1];
                    double m = elems[2] + elems[3] * t;
                    double ea = eccentricAnomaly(m, e);
                    return new double[] {a * (Math.cos(ea) - e), a * Math.sqrt(1 - e * e) * Math.sin(ea)};
                }

                @Differentiable(wrt = "elems")
                public static double orbitFit(double[] elems, double[] times, double[][] observed) {
                    double sse = 0;
                    for (int i = 0; i < times.length; i++) {
                        double[] p = position(elems, times[i]);
                        double dx = p[0] - observed[i][0];
                        double dy = p[1] - observed[i][1];
                        sse += dx * dx + dy * dy;
                    }
                    return sse;
                }
            }
            """;
}
