package dev.adjoint.generator.stranger;

/**
 * The control, science and object-style programs of {@link StrangerApps25Test}, written from the README alone (session 25)
 * as a developer new to Adjoint would write them; see the test for what each checks.
 */
final class StrangerApps25Sources {
    private StrangerApps25Sources() {}

    static final String ROBOTICS = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Control and robotics: a planar 3-link arm, IK, an LQR cost, a planar quadrotor. */
            public final class Robotics {
                private Robotics() {}

                static final double[] LINKS = {1.0, 0.8, 0.5};

                /** End effector (x, y, heading) of a planar arm; a helper returning an array. */
                @Differentiable(wrt = "q")
                public static double[] endEffector(double[] q) {
                    double x = 0, y = 0, a = 0;
                    for (int i = 0; i < LINKS.length; i++) {
                        a += q[i];
                        x += LINKS[i] * Math.cos(a);
                        y += LINKS[i] * Math.sin(a);
                    }
                    return new double[] {x, y, a};
                }

                /** Inverse-kinematics loss: distance to a target plus a joint-limit penalty and a smoothness term. */
                @Differentiable(wrt = "q")
                public static double ikLoss(double[] q, double[] target, double limit) {
                    if (target.length < 2) {
                        throw new IllegalArgumentException("target needs x and y");
                    }
                    double[] p = endEffector(q);
                    double dx = p[0] - target[0];
                    double dy = p[1] - target[1];
                    double loss = dx * dx + dy * dy;
                    for (var qi : q) {
                        double over = Math.abs(qi) - limit;
                        if (over > 0) {
                            loss += 10 * over * over;
                        }
                    }
                    return loss;
                }

                /** LQR cost of x_{k+1} = A x_k + B u_k with u_k = -K x_k over a horizon. */
                @Differentiable(wrt = "K")
                public static double lqrCost(double[][] K, double[][] A, double[][] B, double[] Q, double r, double[] x0, int horizon) {
                    int n = x0.length;
                    int m = K.length;
                    double[] x = x0.clone();
                    double[] u = new double[m];
                    double[] next = new double[n];
                    double cost = 0;
                    for (int k = 0; k < horizon; k++) {
                        for (int i = 0; i < m; i++) {
                            double s = 0;
                            for (int j = 0; j < n; j++) {
                                s -= K[i][j] * x[j];
                            }
                            u[i] = s;
                        }
                        for (int i = 0; i < n; i++) {
                            cost += Q[i] * x[i] * x[i];
                        }
                        for (int i = 0; i < m; i++) {
                            cost += r * u[i] * u[i];
                        }
                        for (int i = 0; i < n; i++) {
                            double s = 0;
                            for (int j = 0; j < n; j++) {
                                s += A[i][j] * x[j];
                            }
                            for (int j = 0; j < m; j++) {
                                s += B[i][j] * u[j];
                            }
                            next[i] = s;
                        }
                        System.arraycopy(next, 0, x, 0, n);
                    }
                    for (int i = 0; i < n; i++) {
                        cost += Q[i] * x[i] * x[i];
                    }
                    return cost;
                }

                record Quad(double mass, double inertia, double arm) {}

                static final double G = 9.81;

                /** One step of a planar quadrotor; state (x, z, theta, vx, vz, omega), thrusts (f1, f2). */
                static void quadStep(double[] s, double[] f, Quad p, double dt, double[] out) {
                    double thrust = f[0] + f[1];
                    double torque = p.arm() * (f[1] - f[0]);
                    double ax = -thrust * Math.sin(s[2]) / p.mass();
                    double az = thrust * Math.cos(s[2]) / p.mass() - G;
                    double alpha = torque / p.inertia();
                    out[0] = s[0] + dt * s[3];
                    out[1] = s[1] + dt * s[4];
                    out[2] = s[2] + dt * s[5];
                    out[3] = s[3] + dt * ax;
                    out[4] = s[4] + dt * az;
                    out[5] = s[5] + dt * alpha;
                }

                /** Track a hover point with a thrust schedule: sum of squared position errors. */
                @Differentiable(wrt = {"thrusts", "p"})
                public static double quadTrack(double[][] thrusts, Quad p, double[] s0, double dt) {
                    double[] s = s0.clone();
                    double[] t = new double[6];
                    double err = 0;
                    for (double[] f : thrusts) {
                        quadStep(s, f, p, dt, t);
                        System.arraycopy(t, 0, s, 0, 6);
                        err += s[0] * s[0] + (s[1] - 1) * (s[1] - 1) + 0.1 * s[2] * s[2];
                    }
                    return err;
                }
            }
            """;

    static final String SCIENCE = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Science: SEIR fit, Arrhenius kinetics, N-body with softening, Lennard-Jones, heat steps. */
            public final class Science {
                private Science() {}

                /** Right-hand side of SEIR, a void helper writing its output array. */
                static void seirRhs(double[] y, double beta, double sigma, double gamma, double[] dy) {
                    double n = y[0] + y[1] + y[2] + y[3];
                    double infection = beta * y[0] * y[2] / n;
                    dy[0] = -infection;
                    dy[1] = infection - sigma * y[1];
                    dy[2] = sigma * y[1] - gamma * y[2];
                    dy[3] = gamma * y[2];
                }

                /** Poisson-free squared-log fit of weekly new cases; RK2 (Heun) with substeps. */
                @Differentiable(wrt = "logRates")
                public static double seirFit(double[] logRates, double[] y0, double[] cases, double dt, int substeps) {
                    double beta = Math.exp(logRates[0]);
                    double sigma = Math.exp(logRates[1]);
                    double gamma = Math.exp(logRates[2]);
                    var y = y0.clone();
                    var k1 = new double[4];
                    var k2 = new double[4];
                    var tmp = new double[4];
                    double loss = 0;
                    for (int w = 0; w < cases.length; w++) {
                        double before = y[3] + y[2];
                        for (int s = 0; s < substeps; s++) {
                            seirRhs(y, beta, sigma, gamma, k1);
                            for (int i = 0; i < 4; i++) {
                                tmp[i] = y[i] + dt * k1[i];
                            }
                            seirRhs(tmp, beta, sigma, gamma, k2);
                            for (int i = 0; i < 4; i++) {
                                y[i] += 0.5 * dt * (k1[i] + k2[i]);
                            }
                        }
                        double newCases = y[3] + y[2] - before;
                        double r = Math.log1p(Math.max(newCases, 0)) - Math.log1p(cases[w]);
                        loss += r * r;
                    }
                    return loss;
                }

                enum Order { FIRST, SECOND }

                record Arrhenius(double logA, double ea) {}

                static final double R_GAS = 8.314;

                static double rate(Arrhenius k, double temp) {
                    return Math.exp(k.logA() - k.ea() / (R_GAS * temp));
                }

                /** A -> B -> C with Arrhenius rates, explicit Euler, squared error against measured B. */
                @Differentiable(wrt = {"k1", "k2"})
                public static double kinetics(Arrhenius k1, Arrhenius k2, Order order, double[] temps, double[] measuredB, double dt) {
                    double a = 1, b = 0;
                    double err = 0;
                    for (int t = 0; t < temps.length; t++) {
                        double r1 = rate(k1, temps[t]);
                        double r2 = rate(k2, temps[t]);
                        double flux = switch (order) {
                            case FIRST -> r1 * a;
                            case SECOND -> r1 * a * a;
                        };
                        a -= dt * flux;
                        b += dt * (flux - r2 * b);
                        double e = b - measuredB[t];
                        err += e * e;
                    }
                    return err;
                }

                static final double EPS2 = 1e-2;

                /** Gravitational potential of n bodies with Plummer softening; pos is (n x 3), mass fixed. */
                @Differentiable(wrt = "pos")
                public static double nbodyPotential(double[][] pos, double[] mass) {
                    double u = 0;
                    for (int i = 0; i < pos.length; i++) {
                        for (int j = i + 1; j < pos.length; j++) {
                            double r2 = EPS2;
                            for (int d = 0; d < 3; d++) {
                                double dd = pos[i][d] - pos[j][d];
                                r2 += dd * dd;
                            }
                            u -= mass[i] * mass[j] / Math.sqrt(r2);
                        }
                    }
                    return u;
                }

                /** Lennard-Jones cluster energy, flat coordinates, with a cutoff (early continue). */
                @Differentiable(wrt = {"x", "sigma"})
                public static double lennardJones(double[] x, double sigma, double epsilon, double cutoff) {
                    int n = x.length / 3;
                    double e = 0;
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < i; j++) {
                            double dx = x[3 * i] - x[3 * j];
                            double dy = x[3 * i + 1] - x[3 * j + 1];
                            double dz = x[3 * i + 2] - x[3 * j + 2];
                            double r2 = dx * dx + dy * dy + dz * dz;
                            if (r2 > cutoff * cutoff) {
                                continue;
                            }
                            double sr2 = sigma * sigma / r2;
                            double sr6 = sr2 * sr2 * sr2;
                            e += 4 * epsilon * (sr6 * sr6 - sr6);
                        }
                    }
                    return e;
                }

                /** Explicit heat steps on a 1-D grid with Dirichlet ends; returns the final profile. */
                @Differentiable(wrt = {"u0", "kappa"})
                public static double[] heat(double[] u0, double kappa, double dx, double dt, int steps) {
                    double lambda = kappa * dt / (dx * dx);
                    if (lambda > 0.5) {
                        throw new IllegalArgumentException("unstable: lambda = " + lambda);
                    }
                    double[] u = u0.clone();
                    double[] v = new double[u0.length];
                    for (int s = 0; s < steps; s++) {
                        v[0] = u[0];
                        v[u.length - 1] = u[u.length - 1];
                        for (int i = 1; i < u.length - 1; i++) {
                            v[i] = u[i] + lambda * (u[i - 1] - 2 * u[i] + u[i + 1]);
                        }
                        double[] t = u;
                        u = v;
                        v = t;
                    }
                    return u;
                }

                /** A scalar readout of the heat profile: its energy with a source weight. */
                @Differentiable(wrt = {"u0", "kappa"})
                public static double heatEnergy(double[] u0, double kappa, double[] weights) {
                    double[] u = heat(u0, kappa, 0.1, 0.004, 25);
                    double s = 0;
                    for (int i = 0; i < u.length; i++) {
                        s += weights[i] * u[i] * u[i];
                    }
                    return s;
                }
            }
            """;

    static final String MANIPULATOR = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A planar serial arm held as an object: links as records, gravity and a joint stiffness as fields. */
            public class Manipulator {
                record Link(double length, double mass) {}

                private final Link[] links;
                private double gravity;
                private final double[] stiffness;

                public Manipulator(Link[] links, double gravity, double[] stiffness) {
                    this.links = links;
                    this.gravity = gravity;
                    this.stiffness = stiffness;
                }

                /** Absolute angle of link i. */
                private double angle(double[] q, int i) {
                    double a = 0;
                    for (int k = 0; k <= i; k++) {
                        a += q[k];
                    }
                    return a;
                }

                /** Tip position, an instance method returning an array. */
                double[] tip(double[] q) {
                    double x = 0, y = 0;
                    for (int i = 0; i < links.length; i++) {
                        double a = angle(q, i);
                        x += links[i].length() * Math.cos(a);
                        y += links[i].length() * Math.sin(a);
                    }
                    return new double[] {x, y};
                }

                /** Gravity potential (masses at link midpoints) plus joint springs. */
                @Differentiable(wrt = {"this", "q"})
                public double potential(double[] q) {
                    return energy(q);
                }

                private double energy(double[] q) {
                    double u = 0, y = 0;
                    for (int i = 0; i < links.length; i++) {
                        Link L = links[i];
                        double a = angle(q, i);
                        u += L.mass() * gravity * (y + 0.5 * L.length() * Math.sin(a));
                        y += L.length() * Math.sin(a);
                        u += 0.5 * stiffness[i] * q[i] * q[i];
                    }
                    return u;
                }

                /** Reach a target with the tip while staying near a rest pose. */
                @Differentiable(wrt = {"this", "q"})
                public double reach(double[] q, double[] target, double weight) {
                    double[] p = tip(q);
                    double dx = p[0] - target[0], dy = p[1] - target[1];
                    return dx * dx + dy * dy + weight * energy(q);
                }

                /** The tip as a differentiated array result of an instance method. */
                @Differentiable(wrt = "q")
                public double[] tipOf(double[] q) {
                    return tip(q);
                }
            }
            """;

    static final String REACTOR = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A continuous stirred tank held in a plain mutable object, passed to static methods. */
            public final class Reactor {
                double temp;
                double volume;
                final double[] conc;
                final Rates k;
                int steps;
                String name;

                record Rates(double logA, double ea) {}

                public Reactor(double temp, double volume, double[] conc, Rates k, int steps, String name) {
                    this.temp = temp;
                    this.volume = volume;
                    this.conc = conc;
                    this.k = k;
                    this.steps = steps;
                    this.name = name;
                }

                /** Product formed when feeding at rate feed for r.steps steps; A -> B, B washed out. */
                @Differentiable(wrt = {"r", "feed"})
                static double product(Reactor r, double feed, double dt) {
                    double rate = Math.exp(r.k.logA() - r.k.ea() / (8.314 * r.temp));
                    return simulate(rate, r.conc, r.volume, r.steps, feed, dt);
                }

                /** The tank's dynamics, on numbers: a plain helper. */
                static double simulate(double rate, double[] conc, double volume, int steps, double feed, double dt) {
                    double a = conc[0], b = conc[1];
                    double made = 0;
                    for (int s = 0; s < steps; s++) {
                        double reaction = rate * a;
                        double wash = feed / volume;
                        a += dt * (wash * (1 - a) - reaction);
                        b += dt * (reaction - wash * b);
                        made += dt * wash * b;
                    }
                    return made;
                }

                /** Profit: product value minus a heating cost, through the other method. */
                @Differentiable(wrt = {"r", "feed"})
                static double profit(Reactor r, double feed, double price) {
                    double heat = 0.001 * (r.temp - 290) * (r.temp - 290);
                    double rate = Math.exp(r.k.logA() - r.k.ea() / (8.314 * r.temp));
                    return price * simulate(rate, r.conc, r.volume, r.steps, feed, 0.1) - heat - 0.05 * feed;
                }
            }
            """;

    static final String HOLT_WINTERS = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Additive Holt-Winters forecaster whose state lives in its fields and is updated by the loss. */
            public class HoltWinters {
                double alpha, beta, gamma;
                double level, trend;
                final double[] season;
                int calls;

                public HoltWinters(double alpha, double beta, double gamma, double level, double trend, double[] season) {
                    this.alpha = alpha;
                    this.beta = beta;
                    this.gamma = gamma;
                    this.level = level;
                    this.trend = trend;
                    this.season = season;
                }

                private void update(double y, int s) {
                    double prevLevel = level;
                    level = alpha * (y - season[s]) + (1 - alpha) * (level + trend);
                    trend = beta * (level - prevLevel) + (1 - beta) * trend;
                    season[s] = gamma * (y - level) + (1 - gamma) * season[s];
                }

                /** One-step-ahead squared error over the series; the object is left at the series' end. */
                @Differentiable(wrt = "this")
                public double fit(double[] y) {
                    calls++;
                    int m = season.length;
                    double sse = 0;
                    for (int t = 0; t < y.length; t++) {
                        int s = t % m;
                        double forecast = level + trend + season[s];
                        double e = y[t] - forecast;
                        sse += e * e;
                        update(y[t], s);
                    }
                    return sse / y.length;
                }
            }
            """;
}
