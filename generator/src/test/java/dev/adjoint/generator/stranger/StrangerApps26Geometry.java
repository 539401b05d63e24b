package dev.adjoint.generator.stranger;

/**
 * The geometry and object-style programs of {@link StrangerApps26Test}, written from the README alone (session 26) as a
 * developer new to Adjoint would write them; see the test for what each checks.
 */
final class StrangerApps26Geometry {
    private StrangerApps26Geometry() {}

    static final String QUAT = """
            package stranger;

            /** A unit-quaternion-ish record with one-expression methods. */
            public record Quat(double w, double x, double y, double z) {
                Quat mul(Quat q) {
                    return new Quat(
                            w * q.w - x * q.x - y * q.y - z * q.z,
                            w * q.x + x * q.w + y * q.z - z * q.y,
                            w * q.y - x * q.z + y * q.w + z * q.x,
                            w * q.z + x * q.y - y * q.x + z * q.w);
                }

                double norm() {
                    return Math.sqrt(w * w + x * x + y * y + z * z);
                }

                Quat scale(double s) {
                    return new Quat(w * s, x * s, y * s, z * s);
                }
            }
            """;

    static final String ROTATIONS = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Composing two rotations and applying them to a vector. */
            public final class Rotations {
                private Rotations() {}

                /** v rotated by the normalised product a*b: q v q^-1, written out. */
                @Differentiable(wrt = {"a", "b"})
                public static double[] rotate(Quat a, Quat b, double[] v) {
                    Quat c = a.mul(b);
                    Quat q = c.scale(1 / c.norm());
                    // t = 2 q_vec x v; v' = v + w t + q_vec x t
                    double tx = 2 * (q.y() * v[2] - q.z() * v[1]);
                    double ty = 2 * (q.z() * v[0] - q.x() * v[2]);
                    double tz = 2 * (q.x() * v[1] - q.y() * v[0]);
                    return new double[] {
                        v[0] + q.w() * tx + (q.y() * tz - q.z() * ty),
                        v[1] + q.w() * ty + (q.z() * tx - q.x() * tz),
                        v[2] + q.w() * tz + (q.x() * ty - q.y() * tx)
                    };
                }

                /** Alignment loss of rotated source points to targets (Wahba-like), rows by for-each. */
                @Differentiable(wrt = "q")
                public static double alignLoss(Quat q, double[][] src, double[][] dst) {
                    double loss = 0;
                    int i = 0;
                    for (double[] p : src) {
                        double[] r = rotate(q, new Quat(1, 0, 0, 0), p);
                        for (int d = 0; d < 3; d++) {
                            double e = r[d] - dst[i][d];
                            loss += e * e;
                        }
                        i++;
                    }
                    double n = q.norm();
                    return loss + 0.1 * (n - 1) * (n - 1);
                }
            }
            """;

    static final String CURVES2 = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Arc length of a piecewise cubic Bezier path by 5-point Gauss-Legendre quadrature. */
            public final class Curves2 {
                private Curves2() {}

                /** Nodes on [-1, 1] and weights, as rows {node, weight}. */
                static final double[][] GAUSS = {
                    {-0.9061798459386640, 0.2369268850561891},
                    {-0.5384693101056831, 0.4786286704993665},
                    {0.0, 0.5688888888888889},
                    {0.5384693101056831, 0.4786286704993665},
                    {0.9061798459386640, 0.2369268850561891}
                };

                /** Speed |B'(t)| of the cubic with control points ctrl[4 s .. 4 s + 3] (rows x, y). */
                static double speed(double[][] ctrl, int s, double t) {
                    double u = 1 - t;
                    double dx = 3 * (u * u * (ctrl[s + 1][0] - ctrl[s][0])
                            + 2 * u * t * (ctrl[s + 2][0] - ctrl[s + 1][0])
                            + t * t * (ctrl[s + 3][0] - ctrl[s + 2][0]));
                    double dy = 3 * (u * u * (ctrl[s + 1][1] - ctrl[s][1])
                            + 2 * u * t * (ctrl[s + 2][1] - ctrl[s + 1][1])
                            + t * t * (ctrl[s + 3][1] - ctrl[s + 2][1]));
                    return Math.hypot(dx, dy);
                }

                /** Length of a path of cubic segments sharing end points: ctrl has 3 m + 1 rows. */
                @Differentiable(wrt = "ctrl")
                public static double pathLength(double[][] ctrl) {
                    if ((ctrl.length - 1) % 3 != 0) {
                        throw new IllegalArgumentException("need 3m+1 control points, got " + ctrl.length);
                    }
                    double len = 0;
                    for (int s = 0; s + 3 < ctrl.length; s += 3) {
                        for (double[] node : GAUSS) {
                            len += 0.5 * node[1] * speed(ctrl, s, 0.5 * (node[0] + 1));
                        }
                    }
                    return len;
                }

                /** Fairing objective: length plus a pull towards a target length and a bending proxy. */
                @Differentiable(wrt = "ctrl")
                public static double fairing(double[][] ctrl, double target, double bend) {
                    double l = pathLength(ctrl);
                    double b = 0;
                    for (int i = 1; i + 1 < ctrl.length; i++) {
                        for (int d = 0; d < 2; d++) {
                            double second = ctrl[i - 1][d] - 2 * ctrl[i][d] + ctrl[i + 1][d];
                            b += second * second;
                        }
                    }
                    return (l - target) * (l - target) + bend * b;
                }
            }
            """;

    static final String MESHES = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A mesh's umbrella-Laplacian smoothing energy and one explicit smoothing step. */
            public final class Meshes {
                private Meshes() {}

                /** sum_i |v_i - mean of neighbours|^2 over vertices xyz (3 per vertex), neighbours as int[][] rows. */
                @Differentiable(wrt = "xyz")
                public static double laplacianEnergy(double[] xyz, int[][] nbrs, boolean[] pinned) {
                    double e = 0;
                    for (int i = 0; i < nbrs.length; i++) {
                        if (pinned != null && pinned[i]) {
                            continue;
                        }
                        int[] row = nbrs[i];
                        for (int d = 0; d < 3; d++) {
                            double mean = 0;
                            for (int j : row) {
                                mean += xyz[3 * j + d];
                            }
                            mean /= row.length;
                            double r = xyz[3 * i + d] - mean;
                            e += r * r;
                        }
                    }
                    return e;
                }

                /** One step v <- v + lambda L v: an array result. */
                @Differentiable(wrt = {"xyz", "lambda"})
                public static double[] smoothed(double[] xyz, int[][] nbrs, double lambda) {
                    double[] out = xyz.clone();
                    for (int i = 0; i < nbrs.length; i++) {
                        for (int d = 0; d < 3; d++) {
                            double mean = 0;
                            for (int j : nbrs[i]) {
                                mean += xyz[3 * j + d];
                            }
                            out[3 * i + d] += lambda * (mean / nbrs[i].length - xyz[3 * i + d]);
                        }
                    }
                    return out;
                }
            }
            """;

    static final String SDF = """
            package stranger;

            import static java.lang.Math.*;

            import dev.adjoint.Differentiable;

            /** Signed distance of a sphere blended with a box, and a ray-sphere hit distance. */
            public final class Sdf {
                private Sdf() {}

                public enum Blend { UNION, SMOOTH, INTERSECT }

                static final double FAR = 1e3;

                static double sphere(double[] p, double[] c, double r) {
                    double dx = p[0] - c[0], dy = p[1] - c[1], dz = p[2] - c[2];
                    return sqrt(dx * dx + dy * dy + dz * dz) - r;
                }

                static double box(double[] p, double[] half) {
                    double qx = abs(p[0]) - half[0];
                    double qy = abs(p[1]) - half[1];
                    double qz = abs(p[2]) - half[2];
                    double ox = max(qx, 0), oy = max(qy, 0), oz = max(qz, 0);
                    return sqrt(ox * ox + oy * oy + oz * oz) + min(max(qx, max(qy, qz)), 0.0);
                }

                static double smin(double a, double b, double k) {
                    double h = max(0.0, min(1.0, 0.5 + 0.5 * (b - a) / k));
                    return b + (a - b) * h - k * h * (1 - h);
                }

                /** shape = (cx, cy, cz, r, hx, hy, hz, k). */
                @Differentiable(wrt = {"p", "shape"})
                public static double distance(double[] p, double[] shape, Blend blend) {
                    double[] c = {shape[0], shape[1], shape[2]};
                    double[] half = {shape[4], shape[5], shape[6]};
                    double a = sphere(p, c, shape[3]);
                    double b = box(p, half);
                    return switch (blend) {
                        case UNION -> min(a, b);
                        case SMOOTH -> smin(a, b, shape[7]);
                        case INTERSECT -> max(a, b);
                    };
                }

                /** Fit the shape to surface samples: sum of squared distances. */
                @Differentiable(wrt = "shape")
                public static double surfaceFit(double[] shape, double[][] pts) {
                    double s = 0;
                    for (double[] pt : pts) {
                        double d = distance(pt, shape, Blend.SMOOTH);
                        s += d * d;
                    }
                    return s / pts.length;
                }

                /** Distance along the ray o + t d to the sphere (c, r), FAR when missed. */
                @Differentiable(wrt = {"o", "d", "c", "r"})
                public static double rayHit(double[] o, double[] d, double[] c, double r) {
                    double dn = sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                    if (dn == 0) {
                        throw new IllegalArgumentException("zero direction");
                    }
                    double ox = o[0] - c[0], oy = o[1] - c[1], oz = o[2] - c[2];
                    double b = (ox * d[0] + oy * d[1] + oz * d[2]) / dn;
                    double cc = ox * ox + oy * oy + oz * oz - r * r;
                    double disc = b * b - cc;
                    if (disc < 0) {
                        return FAR;
                    }
                    double t = -b - sqrt(disc);
                    if (t < 0) {
                        t = -b + sqrt(disc);
                    }
                    return t < 0 ? FAR : t;
                }

                /** Nearest hit over spheres given as rows (cx, cy, cz, r). */
                @Differentiable(wrt = "spheres")
                public static double nearest(double[] o, double[] d, double[][] spheres) {
                    double best = FAR;
                    for (double[] s : spheres) {
                        double[] c = {s[0], s[1], s[2]};
                        double t = rayHit(o, d, c, s[3]);
                        if (t < best) {
                            best = t;
                        }
                    }
                    return best;
                }
            }
            """;

    static final String BUILDING = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A two-zone RC thermal model of a building, its parameters as fields. */
            public class Building {
                public enum Mode { HEAT, COOL, OFF }

                double rWall;      // K/kW, zone to outside
                double rInner;     // K/kW, zone to zone
                double[] capacity; // kWh/K per zone
                double gain;       // heater efficiency

                public Building(double rWall, double rInner, double[] capacity, double gain) {
                    this.rWall = rWall;
                    this.rInner = rInner;
                    this.capacity = capacity;
                    this.gain = gain;
                }

                private double hvac(Mode mode, double temp, double setpoint, double power) {
                    return switch (mode) {
                        case HEAT -> gain * power * Math.tanh(Math.max(0, setpoint - temp));
                        case COOL -> -gain * power * Math.tanh(Math.max(0, temp - setpoint));
                        case OFF -> 0.0;
                    };
                }

                /** Zone temperatures after the outdoor series, Euler steps of dt hours. */
                @Differentiable(wrt = "this")
                public double[] simulate(Mode mode, double[] outdoor, double[] start, double setpoint, double power, double dt) {
                    var t = start.clone();
                    for (double out : outdoor) {
                        double q01 = (t[0] - t[1]) / rInner;
                        double d0 = ((out - t[0]) / rWall - q01 + hvac(mode, t[0], setpoint, power)) / capacity[0];
                        double d1 = ((out - t[1]) / rWall + q01) / capacity[1];
                        t[0] += dt * d0;
                        t[1] += dt * d1;
                    }
                    return t;
                }

                /** Discomfort plus energy over the series. */
                @Differentiable(wrt = "this")
                public double discomfort(Mode mode, double[] outdoor, double[] start, double setpoint, double power, double dt) {
                    double[] t = start.clone();
                    double cost = 0;
                    for (int k = 0; k < outdoor.length; k++) {
                        double q01 = (t[0] - t[1]) / rInner;
                        double heat = hvac(mode, t[0], setpoint, power);
                        t[0] += dt * ((outdoor[k] - t[0]) / rWall - q01 + heat) / capacity[0];
                        t[1] += dt * ((outdoor[k] - t[1]) / rWall + q01) / capacity[1];
                        double miss = t[1] - setpoint;
                        cost += dt * (miss * miss + 0.05 * Math.abs(heat));
                    }
                    return cost;
                }
            }
            """;

    static final String TRAFFIC = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Lighthill-Whitham-Richards traffic on a ring road, Godunov fluxes over a Greenshields law. */
            public final class Traffic {
                private Traffic() {}

                static double flux(double rho, double vmax, double rhoMax) {
                    return vmax * rho * (1 - rho / rhoMax);
                }

                /** Godunov flux between a left and a right cell (concave flux: demand/supply form). */
                static double godunov(double left, double right, double vmax, double rhoMax) {
                    double critical = 0.5 * rhoMax;
                    double demand = left < critical ? flux(left, vmax, rhoMax) : flux(critical, vmax, rhoMax);
                    double supply = right > critical ? flux(right, vmax, rhoMax) : flux(critical, vmax, rhoMax);
                    return Math.min(demand, supply);
                }

                /** Densities after n steps: the array itself (a parameter written in place, then returned). */
                @Differentiable(wrt = {"rho0", "vmax"})
                public static double[] evolve(double[] rho0, double vmax, double rhoMax, double dt, double dx, int n) {
                    int m = rho0.length;
                    double[] rho = rho0.clone();
                    double[] f = new double[m];
                    for (int step = 0; step < n; step++) {
                        for (int i = 0; i < m; i++) {
                            f[i] = godunov(rho[i], rho[(i + 1) % m], vmax, rhoMax);
                        }
                        for (int i = 0; i < m; i++) {
                            rho[i] -= dt / dx * (f[i] - f[(i - 1 + m) % m]);
                        }
                    }
                    return rho;
                }

                /** Total travel time proxy: sum of density over time. */
                @Differentiable(wrt = {"rho0", "vmax"})
                public static double congestion(double[] rho0, double vmax, double rhoMax, double dt, double dx, int n) {
                    double[] rho = evolve(rho0, vmax, rhoMax, dt, dx, n);
                    double s = 0;
                    for (double r : rho) {
                        s += r * r;
                    }
                    return s;
                }
            }
            """;

    static final String RATINGS = """
            package stranger;

            import dev.adjoint.Differentiable;
            import java.util.List;

            /** Bradley-Terry with home advantage over a List of match records. */
            public final class Ratings {
                private Ratings() {}

                public record Match(int home, int away, boolean homeWon, double weight) {}

                static double logSigmoid(double x) {
                    return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
                }

                @Differentiable(wrt = {"strength", "homeAdv"})
                public static double negLogLik(double[] strength, double homeAdv, List<Match> matches, double prior) {
                    double nll = 0;
                    for (Match m : matches) {
                        double d = strength[m.home()] - strength[m.away()] + homeAdv;
                        nll -= m.weight() * (m.homeWon() ? logSigmoid(d) : logSigmoid(-d));
                    }
                    for (var s : strength) {
                        nll += 0.5 * prior * s * s;
                    }
                    return nll;
                }
            }
            """;

    static final String PHARMA = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A two-compartment pharmacokinetic model with first-order absorption, doses as records. */
            public final class Pharma {
                private Pharma() {}

                public record Pk(double ka, double cl, double v1, double q, double v2) {}

                public record Dose(double time, double amount) {}

                /** Concentrations in the central compartment at the sample times (RK2 steps of h). */
                @Differentiable(wrt = "pk")
                public static double[] concentrations(Pk pk, Dose[] doses, double[] times, double h) {
                    return simulate(pk.ka(), pk.cl(), pk.v1(), pk.q(), pk.v2(), doses, times, h);
                }

                static double[] simulate(double ka, double cl, double v1, double q, double v2, Dose[] doses, double[] times, double h) {
                    double gut = 0, central = 0, periph = 0, t = 0;
                    double[] conc = new double[times.length];
                    int next = 0;
                    for (int s = 0; s < times.length; s++) {
                        while (t < times[s] - 1e-12) {
                            for (Dose d : doses) {
                                if (d.time() >= t && d.time() < t + h) {
                                    gut += d.amount();
                                }
                            }
                            double a1 = ka * gut;
                            double e1 = cl / v1 * central;
                            double x1 = q / v1 * central - q / v2 * periph;
                            double gMid = gut - 0.5 * h * a1;
                            double cMid = central + 0.5 * h * (a1 - e1 - x1);
                            double pMid = periph + 0.5 * h * x1;
                            double a2 = ka * gMid;
                            double x2 = q / v1 * cMid - q / v2 * pMid;
                            gut -= h * a2;
                            central += h * (a2 - cl / v1 * cMid - x2);
                            periph += h * x2;
                            t += h;
                        }
                        conc[s] = central / v1;
                        next++;
                    }
                    return conc;
                }

                /** Proportional-error log-normal fit of observed concentrations. */
                @Differentiable(wrt = "pk")
                public static double fit(Pk pk, Dose[] doses, double[] times, double[] observed, double h) {
                    double[] c = simulate(pk.ka(), pk.cl(), pk.v1(), pk.q(), pk.v2(), doses, times, h);
                    double sse = 0;
                    for (int i = 0; i < c.length; i++) {
                        double r = Math.log(c[i]) - Math.log(observed[i]);
                        sse += r * r;
                    }
                    return sse;
                }
            }
            """;
}
