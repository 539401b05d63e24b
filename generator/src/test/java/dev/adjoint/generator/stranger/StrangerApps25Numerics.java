package dev.adjoint.generator.stranger;

/**
 * The numerical-methods programs of {@link StrangerApps25Test}: Kepler's equation by Newton in a do-while,
 * a record-state integrator, an insertion sort, a labelled search, a truss over an enum and helpers of other
 * classes (an interface's, a class's writing an array), image registration through bilinear interpolation,
 * float and long mixing, {@code %} on doubles.
 */
final class StrangerApps25Numerics {
    private StrangerApps25Numerics() {}

    static final String ORBITS = """
            package stranger;

            import dev.adjoint.Differentiable;

            public final class Orbits {
                private Orbits() {}

                record V2(double x, double y) {
                    V2 plus(V2 o) { return new V2(x + o.x, y + o.y); }
                    V2 scale(double s) { return new V2(s * x, s * y); }
                    double norm() { return Math.sqrt(x * x + y * y); }
                }

                /** Kepler: eccentric anomaly by Newton, then the position; squared error to observations. */
                @Differentiable(wrt = {"elements"})
                public static double keplerFit(double[] elements, double[] times, double[] obsX, double[] obsY) {
                    double a = elements[0], e = elements[1], n = elements[2], m0 = elements[3];
                    double err = 0;
                    for (int k = 0; k < times.length; k++) {
                        double m = m0 + n * times[k];
                        double ecc = m;
                        int it = 0;
                        do {
                            double f = ecc - e * Math.sin(ecc) - m;
                            double step = f / (1 - e * Math.cos(ecc));
                            ecc -= step;
                            if (Math.abs(step) < 1e-15) {
                                break;
                            }
                        } while (++it < 50);
                        double x = a * (Math.cos(ecc) - e);
                        double y = a * Math.sqrt(1 - e * e) * Math.sin(ecc);
                        err += (x - obsX[k]) * (x - obsX[k]) + (y - obsY[k]) * (y - obsY[k]);
                    }
                    return err;
                }

                /** Symplectic Euler with record state; miss distance to a target. */
                @Differentiable(wrt = {"v0", "gm"})
                public static double shoot(double[] v0, double gm, double dt, int steps, double tx, double ty) {
                    V2 pos = new V2(1, 0);
                    V2 vel = new V2(v0[0], v0[1]);
                    for (int s = 0; s < steps; s++) {
                        double r = pos.norm();
                        V2 acc = pos.scale(-gm / (r * r * r));
                        vel = vel.plus(acc.scale(dt));
                        pos = pos.plus(vel.scale(dt));
                    }
                    V2 miss = pos.plus(new V2(-tx, -ty));
                    return miss.norm();
                }

                /** Trimmed mean of squared residuals: insertion sort of a copy, drop the largest k. */
                @Differentiable(wrt = "theta")
                public static double trimmedLoss(double[] theta, double[] x, double[] y, int drop) {
                    int n = x.length;
                    double[] r = new double[n];
                    for (int i = 0; i < n; i++) {
                        double e = y[i] - theta[0] - theta[1] * x[i];
                        r[i] = e * e;
                    }
                    for (int i = 1; i < n; i++) {
                        int j = i;
                        while (j > 0 && r[j - 1] > r[j]) {
                            double t = r[j];
                            r[j] = r[j - 1];
                            r[j - 1] = t;
                            j--;
                        }
                    }
                    double s = 0;
                    for (int i = 0; i < n - drop; i++) {
                        s += r[i];
                    }
                    return s / (n - drop);
                }

                /** Max-pooling then argmax lookup: picks the best window and returns a smooth score of it. */
                @Differentiable(wrt = "signal")
                public static double bestWindow(double[] signal, int width) {
                    int best = -1;
                    double bestSum = Double.NEGATIVE_INFINITY;
                    search:
                    for (int start = 0; start + width <= signal.length; start++) {
                        double s = 0;
                        for (int k = 0; k < width; k++) {
                            if (Double.isNaN(signal[start + k])) {
                                continue search;
                            }
                            s += signal[start + k];
                        }
                        if (s > bestSum) {
                            bestSum = s;
                            best = start;
                        }
                    }
                    if (best < 0) {
                        return 0;
                    }
                    double score = 0;
                    for (int k = 0; k < width; k++) {
                        score += Math.tanh(signal[best + k]) * (k + 1);
                    }
                    return score + 0.1 * bestSum;
                }
            }
            """;

    static final String TRUSS = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A pin-jointed truss: strain energy of bars between nodes for given displacements. */
            public final class Truss {
                private Truss() {}

                record Section(double area, double scale) {}

                @Differentiable(wrt = {"u", "areas"})
                public static double energy(double[] xy, double[] u, int[][] bars, double[] areas, Material m) {
                    double e = 0;
                    for (int b = 0; b < bars.length; b++) {
                        int i = bars[b][0], j = bars[b][1];
                        double l0 = Geo.length(xy[2 * j] - xy[2 * i], xy[2 * j + 1] - xy[2 * i + 1]);
                        double l = Geo.length(xy[2 * j] + u[2 * j] - xy[2 * i] - u[2 * i], xy[2 * j + 1] + u[2 * j + 1] - xy[2 * i + 1] - u[2 * i + 1]);
                        double strain = (l - l0) / l0;
                        e += 0.5 * (m == Material.STEEL ? 200 : 69) * areas[b] * l0 * Util.sq(strain);
                    }
                    return e;
                }

                @Differentiable(wrt = {"u", "areas"})
                public static double energyConst(double[] xy, double[] u, int[][] bars, double[] areas, Material m) {
                    double k = switch (m) {
                        case STEEL -> 200;
                        case ALUMINIUM -> 69;
                    };
                    double e = 0;
                    for (int b = 0; b < bars.length; b++) {
                        int i = bars[b][0], j = bars[b][1];
                        double l0 = Geo.length(xy[2 * j] - xy[2 * i], xy[2 * j + 1] - xy[2 * i + 1]);
                        double l = Geo.length(xy[2 * j] + u[2 * j] - xy[2 * i] - u[2 * i], xy[2 * j + 1] + u[2 * j + 1] - xy[2 * i + 1] - u[2 * i + 1]);
                        double strain = (l - l0) / l0;
                        e += 0.5 * k * areas[b] * l0 * Util.sq(strain);
                    }
                    return e;
                }

                /** Internal forces per bar: an array result of a method taking a record. */
                @Differentiable(wrt = {"u", "s"})
                public static double[] forces(double[] xy, double[] u, int[][] bars, Section s) {
                    double[] f = new double[bars.length];
                    for (int b = 0; b < bars.length; b++) {
                        int i = bars[b][0], j = bars[b][1];
                        double l0 = Geo.length(xy[2 * j] - xy[2 * i], xy[2 * j + 1] - xy[2 * i + 1]);
                        double l = Geo.length(xy[2 * j] + u[2 * j] - xy[2 * i] - u[2 * i], xy[2 * j + 1] + u[2 * j + 1] - xy[2 * i + 1] - u[2 * i + 1]);
                        f[b] = s.scale() * s.area() * (l - l0) / l0;
                    }
                    return f;
                }

                /** Gradient-descent relaxation with a helper of another class writing the array. */
                @Differentiable(wrt = "load")
                public static double relaxed(double[] load, double[] u0, double rate, int iters) {
                    double[] u = u0.clone();
                    double[] g = new double[u.length];
                    for (int it = 0; it < iters; it++) {
                        for (int i = 0; i < u.length; i++) {
                            g[i] = 2 * u[i] + 0.3 * Math.sin(u[i]) - load[i];
                        }
                        Util.axpy(-rate, g, u);
                    }
                    double s = 0;
                    for (double v : u) {
                        s += Util.sq(v);
                    }
                    return s;
                }
            }
            """;

    static final String MATERIAL = """
            package stranger;

            public enum Material {
                STEEL(200e9, 7850), ALUMINIUM(69e9, 2700);

                final double youngs;
                final double density;

                Material(double youngs, double density) {
                    this.youngs = youngs;
                    this.density = density;
                }

                double youngs() { return youngs; }
            }
            """;

    static final String GEO = """
            package stranger;

            import dev.adjoint.Differentiable;

            public interface Geo {
                @Differentiable
                static double length(double dx, double dy) {
                    return Math.sqrt(dx * dx + dy * dy);
                }
            }
            """;

    static final String UTIL = """
            package stranger;

            public final class Util {
                private Util() {}

                public static double sq(double x) {
                    return x * x;
                }

                public static void axpy(double a, double[] x, double[] y) {
                    for (int i = 0; i < x.length; i++) {
                        y[i] += a * x[i];
                    }
                }
            }
            """;

    static final String WARP = """
            package stranger;

            import dev.adjoint.Differentiable;

            public final class Warp {
                private Warp() {}

                static double bilinear(double[][] img, double x, double y) {
                    int i = (int) Math.floor(y);
                    int j = (int) x;
                    i = Math.max(0, Math.min(img.length - 2, i));
                    j = Math.max(0, Math.min(img[0].length - 2, j));
                    double fy = y - i, fx = x - j;
                    return (1 - fy) * ((1 - fx) * img[i][j] + fx * img[i][j + 1]) + fy * ((1 - fx) * img[i + 1][j] + fx * img[i + 1][j + 1]);
                }

                /** Affine registration: SSD between a template and the image warped by (a, b, c, d, tx, ty). */
                @Differentiable(wrt = {"params", "img"})
                public static double register(double[] params, double[][] img, double[][] template) {
                    double ssd = 0;
                    for (int r = 0; r < template.length; r++) {
                        for (int c = 0; c < template[r].length; c++) {
                            double x = params[0] * c + params[1] * r + params[4];
                            double y = params[2] * c + params[3] * r + params[5];
                            double d = bilinear(img, x, y) - template[r][c];
                            ssd += d * d;
                        }
                    }
                    return ssd;
                }

                /** A float accumulator over double data, with a long counter and integer division. */
                @Differentiable(wrt = "w")
                public static float mixed(float[] w, double[] x, long n) {
                    float acc = 0f;
                    long count = 0;
                    for (int i = 0; i < x.length; i++) {
                        acc += w[i % w.length] * x[i];
                        count += i / 2;
                    }
                    double scale = 1.0 / (count + n);
                    acc *= scale;
                    acc += (float) Math.log1p(w[0] * w[0]);
                    return acc % 0.75f + acc;
                }

                /** Periodic phase wrap with % on doubles and an integer-part split. */
                @Differentiable(wrt = {"phase", "freq"})
                public static double wrapped(double phase, double freq, double[] t) {
                    double s = 0;
                    for (double ti : t) {
                        double p = (phase + freq * ti) % (2 * Math.PI);
                        long k = (long) (freq * ti);
                        double frac = freq * ti - k;
                        s += Math.sin(p) * frac + Math.cos(p / 2);
                    }
                    return s;
                }
            }
            """;
}
