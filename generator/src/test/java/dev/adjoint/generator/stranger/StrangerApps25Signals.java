package dev.adjoint.generator.stranger;

/**
 * The signal, econometrics, geometry and float programs of {@link StrangerApps25Test}, written from the README alone (session 25)
 * as a developer new to Adjoint would write them; see the test for what each checks.
 */
final class StrangerApps25Signals {
    private StrangerApps25Signals() {}

    static final String SIGNAL = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Signal and image processing. */
            public final class Signal {
                private Signal() {}

                /** FIR filter (valid part) of x with kernel h; an array result. */
                @Differentiable(wrt = {"x", "h"})
                public static double[] fir(double[] x, double[] h) {
                    int m = h.length;
                    double[] y = new double[x.length - m + 1];
                    for (int n = 0; n < y.length; n++) {
                        double s = 0;
                        for (int k = 0; k < m; k++) {
                            s += h[k] * x[n + m - 1 - k];
                        }
                        y[n] = s;
                    }
                    return y;
                }

                /** Least-squares fit of the FIR kernel to a desired output. */
                @Differentiable(wrt = "h")
                public static double firFit(double[] h, double[] x, double[] desired) {
                    double[] y = fir(x, h);
                    double e = 0;
                    for (int i = 0; i < y.length; i++) {
                        double r = y[i] - desired[i];
                        e += r * r;
                    }
                    return e;
                }

                /** 2-D convolution ("same" size, zero padding) of an image with a 3x3 kernel, then ReLU and a sum of squares. */
                @Differentiable(wrt = {"img", "kernel"})
                public static double conv2d(double[][] img, double[][] kernel) {
                    int rows = img.length, cols = img[0].length;
                    double total = 0;
                    for (int r = 0; r < rows; r++) {
                        for (int c = 0; c < cols; c++) {
                            double s = 0;
                            for (int i = -1; i <= 1; i++) {
                                for (int j = -1; j <= 1; j++) {
                                    int rr = r + i, cc = c + j;
                                    if (rr < 0 || rr >= rows || cc < 0 || cc >= cols) {
                                        continue;
                                    }
                                    s += kernel[i + 1][j + 1] * img[rr][cc];
                                }
                            }
                            double a = Math.max(0, s);
                            total += a * a;
                        }
                    }
                    return total;
                }

                /** Total-variation denoising energy: data term plus smoothed isotropic TV. */
                @Differentiable(wrt = "u")
                public static double tvEnergy(double[][] u, double[][] f, double lambda, double eps) {
                    double e = 0;
                    int h = u.length, w = u[0].length;
                    for (int i = 0; i < h; i++) {
                        for (int j = 0; j < w; j++) {
                            double d = u[i][j] - f[i][j];
                            e += 0.5 * d * d;
                            double gx = j + 1 < w ? u[i][j + 1] - u[i][j] : 0;
                            double gy = i + 1 < h ? u[i + 1][j] - u[i][j] : 0;
                            e += lambda * Math.sqrt(gx * gx + gy * gy + eps * eps);
                        }
                    }
                    return e;
                }

                /** A smooth histogram: Gaussian kernel density at bin centres, compared to a target histogram. */
                @Differentiable(wrt = {"samples", "bandwidth"})
                public static double smoothHistogram(double[] samples, double bandwidth, double[] centres, double[] target) {
                    double[] counts = new double[centres.length];
                    double norm = 1 / (bandwidth * Math.sqrt(2 * Math.PI) * samples.length);
                    for (double s : samples) {
                        for (int b = 0; b < centres.length; b++) {
                            double z = (s - centres[b]) / bandwidth;
                            counts[b] += norm * Math.exp(-0.5 * z * z);
                        }
                    }
                    double kl = 0;
                    for (int b = 0; b < centres.length; b++) {
                        kl += target[b] * Math.log(target[b] / (counts[b] + 1e-12));
                    }
                    return kl;
                }
            }
            """;

    static final String ECON = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** OR and econometrics. */
            public final class Econ {
                private Econ() {}

                static final double[][] COV = {
                    {0.040, 0.006, 0.010, 0.002},
                    {0.006, 0.090, 0.012, 0.004},
                    {0.010, 0.012, 0.160, 0.020},
                    {0.002, 0.004, 0.020, 0.010},
                };
                static final double[] MU = {0.06, 0.09, 0.13, 0.03};

                /** Mean-variance objective with softmax weights (long only, fully invested). */
                @Differentiable(wrt = "logits")
                public static double meanVariance(double[] logits, double riskAversion) {
                    int n = logits.length;
                    double[] w = softmax(logits);
                    double var = 0, mean = 0;
                    for (int i = 0; i < n; i++) {
                        mean += w[i] * MU[i];
                        for (int j = 0; j < n; j++) {
                            var += w[i] * COV[i][j] * w[j];
                        }
                    }
                    return 0.5 * riskAversion * var - mean;
                }

                static double[] softmax(double[] z) {
                    double max = z[0];
                    for (double v : z) {
                        max = Math.max(max, v);
                    }
                    double[] e = new double[z.length];
                    double s = 0;
                    for (int i = 0; i < z.length; i++) {
                        e[i] = Math.exp(z[i] - max);
                        s += e[i];
                    }
                    for (int i = 0; i < z.length; i++) {
                        e[i] /= s;
                    }
                    return e;
                }

                /** Multinomial logit: alternatives' attributes x[n][a][k], chosen alternative per person. */
                @Differentiable(wrt = "beta")
                public static double logitNll(double[] beta, double[][][] x, int[] choice) {
                    double nll = 0;
                    for (int n = 0; n < x.length; n++) {
                        double[][] alts = x[n];
                        double max = Double.NEGATIVE_INFINITY;
                        double[] u = new double[alts.length];
                        for (int a = 0; a < alts.length; a++) {
                            double s = 0;
                            for (int k = 0; k < beta.length; k++) {
                                s += beta[k] * alts[a][k];
                            }
                            u[a] = s;
                            if (s > max) {
                                max = s;
                            }
                        }
                        double z = 0;
                        for (int a = 0; a < alts.length; a++) {
                            z += Math.exp(u[a] - max);
                        }
                        nll -= u[choice[n]] - max - Math.log(z);
                    }
                    return nll;
                }

                /** M/M/c waiting time (Erlang C) plus staffing cost; c is an int, lambda and mu differentiated. */
                @Differentiable(wrt = {"lambda", "mu"})
                public static double erlangCost(double lambda, double mu, int c, double costPerServer) {
                    double a = lambda / mu;
                    double rho = a / c;
                    if (rho >= 1) {
                        throw new IllegalArgumentException("unstable queue: rho = " + rho);
                    }
                    double term = 1, sum = 1;
                    for (int k = 1; k < c; k++) {
                        term *= a / k;
                        sum += term;
                    }
                    double last = term * a / c / (1 - rho);
                    double pWait = last / (sum + last);
                    double wq = pWait / (c * mu - lambda);
                    return wq * lambda + costPerServer * c;
                }

                /** Conditional Gaussian log-likelihood of an ARMA(1,1) with parameters (c, phi, theta, logSigma). */
                @Differentiable(wrt = "params")
                public static double armaLogLik(double[] params, double[] y) {
                    double c = params[0], phi = params[1], theta = params[2];
                    double sigma2 = Math.exp(2 * params[3]);
                    double eps = 0;
                    double ll = 0;
                    for (int t = 1; t < y.length; t++) {
                        double pred = c + phi * y[t - 1] + theta * eps;
                        eps = y[t] - pred;
                        ll += -0.5 * (Math.log(2 * Math.PI * sigma2) + eps * eps / sigma2);
                    }
                    return ll;
                }
            }
            """;

    static final String MESH = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Triangle meshes with a small vector record: area, volume, a bending-free membrane energy. */
            public final class Mesh {
                private Mesh() {}

                record Vec3(double x, double y, double z) {
                    Vec3 minus(Vec3 o) {
                        return new Vec3(x - o.x, y - o.y, z - o.z);
                    }

                    Vec3 cross(Vec3 o) {
                        return new Vec3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
                    }

                    double dot(Vec3 o) {
                        return x * o.x + y * o.y + z * o.z;
                    }

                    double norm() {
                        return Math.sqrt(dot(this));
                    }
                }

                /** Surface area of a closed mesh. */
                @Differentiable(wrt = "v")
                public static double area(double[] v, int[][] faces) {
                    double a = 0;
                    for (int[] f : faces) {
                        Vec3 p = new Vec3(v[3 * f[0]], v[3 * f[0] + 1], v[3 * f[0] + 2]);
                        Vec3 q = new Vec3(v[3 * f[1]], v[3 * f[1] + 1], v[3 * f[1] + 2]);
                        Vec3 r = new Vec3(v[3 * f[2]], v[3 * f[2] + 1], v[3 * f[2] + 2]);
                        a += 0.5 * q.minus(p).cross(r.minus(p)).norm();
                    }
                    return a;
                }

                /** Enclosed volume (divergence theorem). */
                @Differentiable(wrt = "v")
                public static double volume(double[] v, int[][] faces) {
                    double vol = 0;
                    for (int[] f : faces) {
                        Vec3 p = new Vec3(v[3 * f[0]], v[3 * f[0] + 1], v[3 * f[0] + 2]);
                        Vec3 q = new Vec3(v[3 * f[1]], v[3 * f[1] + 1], v[3 * f[1] + 2]);
                        Vec3 r = new Vec3(v[3 * f[2]], v[3 * f[2] + 1], v[3 * f[2] + 2]);
                        vol += p.dot(q.cross(r)) / 6;
                    }
                    return vol;
                }

                /** Isoperimetric-style energy: area penalised toward a volume target. */
                @Differentiable(wrt = "v")
                public static double balloon(double[] v, int[][] faces, double targetVolume, double pressure) {
                    double dv = volume(v, faces) - targetVolume;
                    return area(v, faces) + pressure * dv * dv;
                }

                /** Edge-spring energy over an int[][] edge list with rest lengths. */
                @Differentiable(wrt = "v")
                public static double springs(double[] v, int[][] edges, double[] rest, double k) {
                    double e = 0;
                    for (int s = 0; s < edges.length; s++) {
                        int i = edges[s][0], j = edges[s][1];
                        Vec3 d = new Vec3(v[3 * i], v[3 * i + 1], v[3 * i + 2]).minus(new Vec3(v[3 * j], v[3 * j + 1], v[3 * j + 2]));
                        double stretch = d.norm() - rest[s];
                        e += 0.5 * k * stretch * stretch;
                    }
                    return e;
                }
            }
            """;

    static final String QUEUES = """
            package stranger;

            import dev.adjoint.Differentiable;
            import java.util.Random;

            /** A single-server queue simulated by Lindley's recursion with common random numbers. */
            public final class Queues {
                private Queues() {}

                /** Mean waiting time of n customers; service and interarrival times by inversion of uniforms. */
                @Differentiable(wrt = {"serviceRate", "arrivalRate"})
                public static double meanWait(double serviceRate, double arrivalRate, int n, long seed) {
                    Random rng = new Random(seed);
                    double w = 0, total = 0;
                    for (int i = 0; i < n; i++) {
                        double s = -Math.log(1 - rng.nextDouble()) / serviceRate;
                        double a = -Math.log(1 - rng.nextDouble()) / arrivalRate;
                        w = Math.max(0, w + s - a);
                        total += w;
                    }
                    return total / n;
                }

                /** Staffing cost: waiting cost plus a cost growing with the service rate, over replications. */
                @Differentiable(wrt = "serviceRate")
                public static double cost(double serviceRate, double arrivalRate, int reps, long seed) {
                    double c = 0;
                    for (int r = 0; r < reps; r++) {
                        Random rng = new Random(seed + 31L * r);
                        double w = 0, total = 0;
                        for (int i = 0; i < 50; i++) {
                            double s = -Math.log(1 - rng.nextDouble()) / serviceRate;
                            double a = -Math.log(1 - rng.nextDouble()) / arrivalRate;
                            w = Math.max(0, w + s - a);
                            total += w;
                        }
                        c += total / 50;
                    }
                    return c / reps + 0.5 * serviceRate * serviceRate;
                }
            }
            """;

    static final String LOCALISATION = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Sensor-network localisation: range residuals between node pairs, as blocks of a sparse Jacobian. */
            public final class Localisation {
                private Localisation() {}

                /** Residual of one range measurement between nodes at a and b (2-D): weighted log-range error. */
                @Differentiable(wrt = {"a", "b"})
                public static double[] rangeResidual(double[] a, double[] b, double measured, double weight) {
                    double dx = a[0] - b[0];
                    double dy = a[1] - b[1];
                    double r = Math.hypot(dx, dy);
                    return new double[] {weight * (r - measured), weight * 0.1 * Math.log(r / measured)};
                }

                /** The whole least-squares cost over an int[] pair table (for a gradient check). */
                @Differentiable(wrt = "xy")
                public static double cost(double[] xy, int[] from, int[] to, double[] measured) {
                    double c = 0;
                    for (int k = 0; k < from.length; k++) {
                        int i = from[k], j = to[k];
                        double dx = xy[2 * i] - xy[2 * j];
                        double dy = xy[2 * i + 1] - xy[2 * j + 1];
                        double r = Math.hypot(dx, dy);
                        double e1 = r - measured[k];
                        double e2 = 0.1 * Math.log(r / measured[k]);
                        c += e1 * e1 + e2 * e2;
                    }
                    return 0.5 * c;
                }
            }
            """;

    static final String FLOAT_FILTER = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A float IIR (one pole) plus FIR denoiser, fitted in float. */
            public final class FloatFilter {
                private FloatFilter() {}

                @Differentiable(wrt = {"taps", "pole"})
                public static float denoise(float[] taps, float pole, float[] noisy, float[] clean) {
                    float state = 0f;
                    float err = 0f;
                    for (int n = taps.length - 1; n < noisy.length; n++) {
                        float fir = 0f;
                        for (int k = 0; k < taps.length; k++) {
                            fir += taps[k] * noisy[n - k];
                        }
                        state = pole * state + (1 - pole) * fir;
                        float e = state - clean[n];
                        err += e * e;
                    }
                    return err / noisy.length;
                }
            }
            """;
}
