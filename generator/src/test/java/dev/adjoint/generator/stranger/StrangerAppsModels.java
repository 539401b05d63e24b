package dev.adjoint.generator.stranger;

/**
 * The statistics, geometry and object-style programs of {@link StrangerAppsTest}. Written from the README alone,
 * as a developer new to Adjoint would write them (see the test for what each checks).
 */
final class StrangerAppsModels {
    private StrangerAppsModels() {}

    static final String LIKELIHOODS = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Negative log-likelihoods of everyday models. */
            public final class Likelihoods {
                static final double LOG_2PI = Math.log(2 * Math.PI);

                private Likelihoods() {}

                @Differentiable(wrt = {"mu", "logSigma"})
                public static double normalNll(double mu, double logSigma, double[] data) {
                    double sigma = Math.exp(logSigma);
                    double nll = 0;
                    for (double x : data) {
                        double z = (x - mu) / sigma;
                        nll += 0.5 * z * z + logSigma + 0.5 * LOG_2PI;
                    }
                    return nll;
                }

                static double logFactorial(int k) {
                    double s = 0;
                    for (int i = 2; i <= k; i++) s += Math.log(i);
                    return s;
                }

                /** Poisson regression: log rate = beta0 + beta1 * x. */
                @Differentiable(wrt = "beta")
                public static double poissonNll(double[] beta, double[] x, int[] counts) {
                    double nll = 0;
                    for (int i = 0; i < counts.length; i++) {
                        double eta = beta[0] + beta[1] * x[i];
                        nll += Math.exp(eta) - counts[i] * eta + logFactorial(counts[i]);
                    }
                    return nll;
                }

                /** two-component Gaussian mixture, parameters unconstrained: (logit w, mu1, mu2, log s1, log s2). */
                @Differentiable(wrt = "theta")
                public static double mixtureNll(double[] theta, double[] data) {
                    double w = 1 / (1 + Math.exp(-theta[0]));
                    double m1 = theta[1], m2 = theta[2];
                    double s1 = Math.exp(theta[3]), s2 = Math.exp(theta[4]);
                    double nll = 0;
                    for (var x : data) {
                        double a = Math.log(w) - theta[3] - 0.5 * ((x - m1) / s1) * ((x - m1) / s1);
                        double b = Math.log(1 - w) - theta[4] - 0.5 * ((x - m2) / s2) * ((x - m2) / s2);
                        double m = Math.max(a, b);
                        nll -= m + Math.log(Math.exp(a - m) + Math.exp(b - m)) - 0.5 * LOG_2PI;
                    }
                    return nll;
                }

                /** GARCH(1,1) negative log-likelihood; params (omega, alpha, beta) must give a stationary process. */
                @Differentiable(wrt = "p")
                public static double garchNll(double[] p, double[] returns) {
                    double omega = p[0], alpha = p[1], beta = p[2];
                    if (omega <= 0 || alpha < 0 || beta < 0) return Double.POSITIVE_INFINITY;
                    if (alpha + beta >= 1) throw new IllegalArgumentException("not stationary: alpha + beta = " + (alpha + beta));
                    double h = omega / (1 - alpha - beta); // unconditional variance
                    double nll = 0;
                    for (int t = 0; t < returns.length; t++) {
                        nll += 0.5 * (LOG_2PI + Math.log(h) + returns[t] * returns[t] / h);
                        h = omega + alpha * returns[t] * returns[t] + beta * h;
                    }
                    return nll;
                }
            }
            """;

    static final String KALMAN = """
            package stranger;

            import dev.adjoint.Differentiable;

            /**
             * A constant-velocity tracker observed in position (2-D state, 1-D or 2-D observations), written
             * as an object whose noise parameters are fields; log-likelihood by the Kalman filter.
             */
            public final class Kalman {
                private double logQ; // process noise (log variance)
                private double logR; // observation noise (log variance)
                private final double dt;
                private int evaluations;

                public Kalman(double logQ, double logR, double dt) {
                    this.logQ = logQ;
                    this.logR = logR;
                    this.dt = dt;
                }

                public int evaluations() {
                    return evaluations;
                }

                /** obs[t][0] is the observed position; obs[t][1] is 1 when observed, 0 when missing. */
                @Differentiable(wrt = "this")
                public double negLogLik(double[][] obs) {
                    evaluations++;
                    double q = Math.exp(logQ), r = Math.exp(logR);
                    // state mean and covariance
                    double x0 = obs[0][0], x1 = 0;
                    double p00 = r, p01 = 0, p11 = 1;
                    double nll = 0;
                    for (int t = 1; t < obs.length; t++) {
                        // predict: F = [[1, dt], [0, 1]], Q = q * [[dt^3/3, dt^2/2], [dt^2/2, dt]]
                        double m0 = x0 + dt * x1;
                        double m1 = x1;
                        double a00 = p00 + 2 * dt * p01 + dt * dt * p11 + q * dt * dt * dt / 3;
                        double a01 = p01 + dt * p11 + q * dt * dt / 2;
                        double a11 = p11 + q * dt;
                        if (obs[t][1] == 0) {
                            x0 = m0;
                            x1 = m1;
                            p00 = a00;
                            p01 = a01;
                            p11 = a11;
                            continue;
                        }
                        double s = a00 + r;
                        double v = obs[t][0] - m0;
                        nll += 0.5 * (Math.log(2 * Math.PI * s) + v * v / s);
                        double k0 = a00 / s, k1 = a01 / s;
                        x0 = m0 + k0 * v;
                        x1 = m1 + k1 * v;
                        p00 = (1 - k0) * a00;
                        p01 = (1 - k0) * a01;
                        p11 = a11 - k1 * a01;
                    }
                    return nll;
                }
            }
            """;

    static final String SHAPES = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Polygons and point sets as flat coordinate arrays (x0, y0, x1, y1, ...). */
            public final class Shapes {
                public enum Metric { EUCLIDEAN, MANHATTAN_SMOOTH, SQUARED }

                private Shapes() {}

                static double dist(double dx, double dy, Metric m) {
                    return switch (m) {
                        case EUCLIDEAN -> Math.hypot(dx, dy);
                        case MANHATTAN_SMOOTH -> Math.sqrt(dx * dx + 1e-4) + Math.sqrt(dy * dy + 1e-4);
                        case SQUARED -> dx * dx + dy * dy;
                    };
                }

                /** signed area by the shoelace formula. */
                @Differentiable
                public static double area(double[] xy) {
                    int n = xy.length / 2;
                    if (n < 3) throw new IllegalArgumentException("a polygon needs 3 vertices, got " + n);
                    double a = 0;
                    for (int i = 0; i < n; i++) {
                        int j = (i + 1) % n;
                        a += xy[2 * i] * xy[2 * j + 1] - xy[2 * j] * xy[2 * i + 1];
                    }
                    return 0.5 * a;
                }

                /** perimeter plus a penalty pulling the area to a target: a shape-optimisation objective. */
                @Differentiable(wrt = "xy")
                public static double shapeEnergy(double[] xy, double targetArea, Metric metric) {
                    int n = xy.length / 2;
                    double perimeter = 0;
                    for (int i = 0; i < n; i++) {
                        int j = i == n - 1 ? 0 : i + 1;
                        perimeter += dist(xy[2 * j] - xy[2 * i], xy[2 * j + 1] - xy[2 * i + 1], metric);
                    }
                    double da = area(xy) - targetArea;
                    return perimeter + 10 * da * da;
                }

                /** sum of pairwise repulsion between points closer than a cutoff; pairs beyond it are skipped. */
                @Differentiable
                public static double repulsion(double[] xy, double cutoff) {
                    int n = xy.length / 2;
                    double e = 0;
                    for (int i = 0; i < n; i++) {
                        for (int j = i + 1; j < n; j++) {
                            double dx = xy[2 * i] - xy[2 * j], dy = xy[2 * i + 1] - xy[2 * j + 1];
                            double r2 = dx * dx + dy * dy;
                            if (r2 >= cutoff * cutoff) continue;
                            double r = Math.sqrt(r2);
                            e += (cutoff - r) * (cutoff - r) / r;
                        }
                    }
                    return e;
                }

                /** centroid of the polygon, an array result. */
                @Differentiable
                public static double[] centroid(double[] xy) {
                    int n = xy.length / 2;
                    double a = 0, cx = 0, cy = 0;
                    for (int i = 0; i < n; i++) {
                        int j = (i + 1) % n;
                        double cross = xy[2 * i] * xy[2 * j + 1] - xy[2 * j] * xy[2 * i + 1];
                        a += cross;
                        cx += (xy[2 * i] + xy[2 * j]) * cross;
                        cy += (xy[2 * i + 1] + xy[2 * j + 1]) * cross;
                    }
                    a *= 0.5;
                    return new double[] {cx / (6 * a), cy / (6 * a)};
                }
            }
            """;

    static final String CAMERA = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A pinhole camera with radial distortion, as in bundle adjustment. */
            public final class Camera {
                public record Intrinsics(double focal, double k1, double k2) {}

                private Camera() {}

                /** rotate p by the angle-axis vector w (Rodrigues), into out. */
                static void rotate(double[] w, double[] p, double[] out) {
                    double theta2 = w[0] * w[0] + w[1] * w[1] + w[2] * w[2];
                    if (theta2 < 1e-12) {
                        // first order: p + w x p
                        out[0] = p[0] + w[1] * p[2] - w[2] * p[1];
                        out[1] = p[1] + w[2] * p[0] - w[0] * p[2];
                        out[2] = p[2] + w[0] * p[1] - w[1] * p[0];
                        return;
                    }
                    double theta = Math.sqrt(theta2);
                    double c = Math.cos(theta), s = Math.sin(theta);
                    double kx = w[0] / theta, ky = w[1] / theta, kz = w[2] / theta;
                    double kdotp = kx * p[0] + ky * p[1] + kz * p[2];
                    double cx = ky * p[2] - kz * p[1], cy = kz * p[0] - kx * p[2], cz = kx * p[1] - ky * p[0];
                    out[0] = p[0] * c + cx * s + kx * kdotp * (1 - c);
                    out[1] = p[1] * c + cy * s + ky * kdotp * (1 - c);
                    out[2] = p[2] * c + cz * s + kz * kdotp * (1 - c);
                }

                /** reprojection residual of one observation: cam = (w[3], t[3]), point X[3]. */
                @Differentiable(wrt = {"cam", "X"})
                public static double[] residual(double[] cam, double[] X, Intrinsics in, double u, double v) {
                    double[] w = {cam[0], cam[1], cam[2]};
                    double[] pc = new double[3];
                    rotate(w, X, pc);
                    pc[0] += cam[3];
                    pc[1] += cam[4];
                    pc[2] += cam[5];
                    double xn = -pc[0] / pc[2], yn = -pc[1] / pc[2];
                    double r2 = xn * xn + yn * yn;
                    double dist = 1 + in.k1() * r2 + in.k2() * r2 * r2;
                    return new double[] {in.focal() * dist * xn - u, in.focal() * dist * yn - v};
                }

                /** the same residual's squared norm summed over observations: a scalar objective. */
                @Differentiable(wrt = {"cams", "points"})
                public static double totalError(double[][] cams, double[][] points, int[] camIdx, int[] ptIdx, double[][] uv,
                        double focal) {
                    double e = 0;
                    double[] pc = new double[3];
                    double[] w = new double[3];
                    for (int k = 0; k < camIdx.length; k++) {
                        double[] cam = cams[camIdx[k]];
                        double[] X = points[ptIdx[k]];
                        for (int i = 0; i < 3; i++) w[i] = cam[i];
                        rotate(w, X, pc);
                        double z = pc[2] + cam[5];
                        double rx = focal * -(pc[0] + cam[3]) / z - uv[k][0];
                        double ry = focal * -(pc[1] + cam[4]) / z - uv[k][1];
                        e += rx * rx + ry * ry;
                    }
                    return e;
                }
            }
            """;

    static final String PARTICLES = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Particles as records in an array; springs as objects of a plain class. */
            public final class Particles {
                public record Particle(double mass, double charge, double[] pos) {}

                public static final class Spring {
                    final int i;
                    final int j;
                    final double rest;
                    double stiffness;

                    public Spring(int i, int j, double rest, double stiffness) {
                        this.i = i;
                        this.j = j;
                        this.rest = rest;
                        this.stiffness = stiffness;
                    }
                }

                private Particles() {}

                static double dist(double[] a, double[] b) {
                    double s = 0;
                    for (int d = 0; d < a.length; d++) s += (a[d] - b[d]) * (a[d] - b[d]);
                    return Math.sqrt(s);
                }

                /** Coulomb-like energy plus gravity, wrt the particles (mass, charge, positions). */
                @Differentiable(wrt = "ps")
                public static double energy(Particle[] ps, double g) {
                    double e = 0;
                    for (int a = 0; a < ps.length; a++) {
                        e += ps[a].mass() * g * ps[a].pos()[1];
                        for (int b = a + 1; b < ps.length; b++) {
                            double r = dist(ps[a].pos(), ps[b].pos());
                            e += ps[a].charge() * ps[b].charge() / (r + 0.1);
                        }
                    }
                    return e;
                }

                /** spring energy over a Spring[] network, wrt positions and the springs' stiffness. */
                @Differentiable(wrt = {"x", "springs"})
                public static double springEnergy(double[][] x, Spring[] springs) {
                    double e = 0;
                    for (Spring s : springs) {
                        double len = dist(x[s.i], x[s.j]);
                        double stretch = len - s.rest;
                        e += 0.5 * s.stiffness * stretch * stretch;
                    }
                    return e;
                }
            }
            """;

    static final String OSCILLATOR = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A driven oscillator fitted to data: records created per step, an object holding its parameters. */
            public final class Oscillator {
                public record Params(double k, double c, double amp, double freq) {}

                record State(double x, double v) {}

                private Oscillator() {}

                @Differentiable(wrt = {"s", "p"})
                static double accel(State s, Params p, double t) {
                    return -p.k() * s.x() - p.c() * s.v() + p.amp() * Math.cos(p.freq() * t);
                }

                /** sum of squared errors of the trajectory against samples taken every `every` steps. */
                @Differentiable(wrt = {"p", "x0"})
                public static double fit(Params p, double x0, double[] samples, double dt, int every) {
                    var s = new State(x0, 0.0);
                    double t = 0;
                    double sse = 0;
                    int k = 0;
                    for (double target : samples) {
                        for (int i = 0; i < every; i++) {
                            double a = accel(s, p, t);
                            State mid = new State(s.x() + 0.5 * dt * s.v(), s.v() + 0.5 * dt * a);
                            double am = accel(mid, p, t + 0.5 * dt);
                            s = new State(s.x() + dt * mid.v(), s.v() + dt * am);
                            t += dt;
                        }
                        double e = s.x() - target;
                        sse += e * e;
                        k++;
                    }
                    return sse / k;
                }
            }
            """;

    static final String PORTFOLIO = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A mean-variance portfolio held as an object: weights are a field; the covariance is data. */
            public final class Portfolio {
                private final double[] weights;
                private final double[][] cov;
                private final double[] expected;
                private double riskAversion;
                private int calls;

                public Portfolio(double[] weights, double[][] cov, double[] expected, double riskAversion) {
                    this.weights = weights;
                    this.cov = cov;
                    this.expected = expected;
                    this.riskAversion = riskAversion;
                }

                public int calls() {
                    return calls;
                }

                private double variance() {
                    double v = 0;
                    for (int i = 0; i < weights.length; i++) {
                        for (int j = 0; j < weights.length; j++) v += weights[i] * cov[i][j] * weights[j];
                    }
                    return v;
                }

                double expectedReturn() {
                    double r = 0;
                    for (int i = 0; i < weights.length; i++) r += weights[i] * expected[i];
                    return r;
                }

                /** negative utility with a softmax-free budget penalty; counts its calls. */
                @Differentiable(wrt = "this")
                public double objective(double budgetPenalty) {
                    calls++;
                    double sum = 0;
                    for (double w : weights) sum += w;
                    double budget = sum - 1;
                    double u = expectedReturn() - 0.5 * riskAversion * variance();
                    if (budgetPenalty == 0) return -u;
                    return -u + budgetPenalty * budget * budget;
                }

                /** the same objective read without the counter: has an Hvp. */
                @Differentiable(wrt = {"this", "shift"})
                public double shiftedRisk(double shift) {
                    double v = 0;
                    for (int i = 0; i < weights.length; i++) {
                        double wi = weights[i] + shift;
                        for (int j = 0; j < weights.length; j++) v += wi * cov[i][j] * (weights[j] + shift);
                    }
                    return Math.sqrt(v);
                }
            }
            """;

    static final String CURVE = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A plain mutable class passed to a static loss, as the README's State. */
            public final class Curve {
                double level;
                double slope;
                final double[] knots; // bump heights
                int degree;

                public Curve(double level, double slope, double[] knots, int degree) {
                    this.level = level;
                    this.slope = slope;
                    this.knots = knots;
                    this.degree = degree;
                }

                @Differentiable(wrt = "c")
                public static double residual(Curve c, double[] ts, double[] ys) {
                    double sse = 0;
                    for (int k = 0; k < ts.length; k++) {
                        double t = ts[k];
                        double f = c.level + c.slope * t;
                        for (int j = 0; j < c.knots.length; j++) {
                            double d = t - j;
                            f += c.knots[j] * Math.exp(-d * d * c.degree);
                        }
                        double e = f - ys[k];
                        sse += e * e;
                    }
                    return sse;
                }
            }
            """;

    static final String GP = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Gaussian-process regression: negative log marginal likelihood by Cholesky. */
            public final class Gp {
                private double logEll;
                private double logSf;
                private double logSn;
                private final double[][] scratch;

                public Gp(double logEll, double logSf, double logSn, int n) {
                    this.logEll = logEll;
                    this.logSf = logSf;
                    this.logSn = logSn;
                    this.scratch = new double[n][n];
                }

                double kernel(double a, double b) {
                    double d = (a - b) / Math.exp(logEll);
                    return Math.exp(2 * logSf) * Math.exp(-0.5 * d * d);
                }

                @Differentiable(wrt = "this")
                public double nlml(double[] x, double[] y) {
                    int n = x.length;
                    double[][] L = new double[n][n];
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j <= i; j++) {
                            double s = kernel(x[i], x[j]) + (i == j ? Math.exp(2 * logSn) : 0);
                            for (int k = 0; k < j; k++) s -= L[i][k] * L[j][k];
                            L[i][j] = i == j ? Math.sqrt(s) : s / L[j][j];
                        }
                    }
                    double[] alpha = new double[n];
                    for (int i = 0; i < n; i++) {
                        double s = y[i];
                        for (int k = 0; k < i; k++) s -= L[i][k] * alpha[k];
                        alpha[i] = s / L[i][i];
                    }
                    double quad = 0, logdet = 0;
                    for (int i = 0; i < n; i++) {
                        quad += alpha[i] * alpha[i];
                        logdet += Math.log(L[i][i]);
                    }
                    return 0.5 * quad + logdet + 0.5 * n * Math.log(2 * Math.PI);
                }

                /** calls the other differentiated method. */
                @Differentiable(wrt = "this")
                public double penalized(double[] x, double[] y) {
                    return nlml(x, y) + 0.01 * (logEll * logEll + logSf * logSf);
                }
            }
            """;
}
