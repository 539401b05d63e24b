package dev.adjoint.generator.stranger;

/**
 * The learning and geometry programs of {@link StrangerApps28Test}, written from the README alone (session 28)
 * as a developer new to Adjoint would write them; see the test for what each checks.
 */
final class StrangerApps28Learning {
    private StrangerApps28Learning() {}

    static final String LEARNING = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Statistics and learning programs (static). */
            public final class Learning {
                private Learning() {}

                static final double NU = 4.0;

                static double lgamma(double x) { // Stirling series, x > 0 shifted up
                    double shift = 0;
                    while (x < 7) {
                        shift -= Math.log(x);
                        x += 1;
                    }
                    double inv = 1 / x;
                    return shift + (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI)
                            + inv / 12 - inv * inv * inv / 360;
                }

                /** Student-t regression negative log-likelihood, fixed degrees of freedom. */
                @Differentiable(wrt = {"beta", "logSigma"})
                public static double studentNll(double[] beta, double logSigma, double[][] x, double[] y) {
                    double sigma = Math.exp(logSigma);
                    double c = lgamma((NU + 1) / 2) - lgamma(NU / 2) - 0.5 * Math.log(NU * Math.PI);
                    double nll = 0;
                    int i = 0;
                    for (double[] row : x) {
                        double mu = 0;
                        for (int j = 0; j < beta.length; j++) mu += beta[j] * row[j];
                        double z = (y[i++] - mu) / sigma;
                        nll -= c - logSigma - 0.5 * (NU + 1) * Math.log1p(z * z / NU);
                    }
                    return nll;
                }

                /** Bradley-Terry: matches[k] = {winner, loser}; ridge on skills. */
                @Differentiable
                public static double bradleyTerry(double[] skill, int[][] matches, double ridge) {
                    double nll = 0;
                    for (int[] m : matches) {
                        double d = skill[m[0]] - skill[m[1]];
                        nll += Math.log1p(Math.exp(-d));
                    }
                    for (double s : skill) nll += ridge * s * s;
                    return nll;
                }

                /** Weibull survival with right censoring. */
                @Differentiable(wrt = {"logShape", "logScale"})
                public static double weibullNll(double logShape, double logScale, double[] t, boolean[] censored) {
                    double k = Math.exp(logShape), lam = Math.exp(logScale);
                    double nll = 0;
                    for (int i = 0; i < t.length; i++) {
                        double z = t[i] / lam;
                        double cum = Math.pow(z, k);
                        if (censored[i]) {
                            nll += cum; // only survival
                            continue;
                        }
                        nll -= logShape - logScale + (k - 1) * Math.log(z) - cum;
                    }
                    return nll;
                }

                static final double[][] NOISE = {{0.3, -1.1}, {-0.7, 0.4}, {1.2, 0.9}};

                /** VAE ELBO of one x: linear encoder (mu, logvar) then decoder; fixed noise draws. */
                @Differentiable(wrt = {"enc", "dec"})
                public static double negElbo(double[][] enc, double[][] dec, double[] x) {
                    int zDim = 2;
                    double[] mu = new double[zDim];
                    double[] logVar = new double[zDim];
                    for (int k = 0; k < zDim; k++) {
                        for (int j = 0; j < x.length; j++) {
                            mu[k] += enc[k][j] * x[j];
                            logVar[k] += enc[zDim + k][j] * x[j];
                        }
                    }
                    double recon = 0;
                    for (double[] eps : NOISE) {
                        double[] z = new double[zDim];
                        for (int k = 0; k < zDim; k++) z[k] = mu[k] + Math.exp(0.5 * logVar[k]) * eps[k];
                        for (int j = 0; j < x.length; j++) {
                            double logit = dec[j][zDim];
                            for (int k = 0; k < zDim; k++) logit += dec[j][k] * z[k];
                            recon += Math.log1p(Math.exp(logit)) - x[j] * logit; // Bernoulli NLL
                        }
                    }
                    recon /= NOISE.length;
                    double kl = 0;
                    for (int k = 0; k < zDim; k++) kl += 0.5 * (Math.exp(logVar[k]) + mu[k] * mu[k] - 1 - logVar[k]);
                    return recon + kl;
                }

                static double cosine(double[] a, double[] b) {
                    double ab = 0, aa = 0, bb = 0;
                    for (int i = 0; i < a.length; i++) {
                        ab += a[i] * b[i];
                        aa += a[i] * a[i];
                        bb += b[i] * b[i];
                    }
                    return ab / Math.sqrt(aa * bb);
                }

                /** InfoNCE between two views; the positive of row i is row i. */
                @Differentiable(wrt = {"za", "zb"})
                public static double infoNce(double[][] za, double[][] zb, double temperature) {
                    int n = za.length;
                    double loss = 0;
                    for (int i = 0; i < n; i++) {
                        double[] logits = new double[n];
                        double max = Double.NEGATIVE_INFINITY;
                        for (int j = 0; j < n; j++) {
                            logits[j] = cosine(za[i], zb[j]) / temperature;
                            max = Math.max(max, logits[j]);
                        }
                        double se = 0;
                        for (double l : logits) se += Math.exp(l - max);
                        loss += max + Math.log(se) - logits[i];
                    }
                    return loss / n;
                }

                /** Binary focal loss over logits. */
                @Differentiable(wrt = "logits")
                public static double focal(double[] logits, int[] labels, double gamma, double alpha) {
                    double loss = 0;
                    for (int i = 0; i < logits.length; i++) {
                        double p = 1 / (1 + Math.exp(-logits[i]));
                        double pt = labels[i] == 1 ? p : 1 - p;
                        double at = labels[i] == 1 ? alpha : 1 - alpha;
                        loss -= at * Math.pow(1 - pt, gamma) * Math.log(pt);
                    }
                    return loss / logits.length;
                }

                static double[] softmax(double[] z, double temperature) {
                    double[] p = new double[z.length];
                    double max = z[0];
                    for (double v : z) max = Math.max(max, v);
                    double s = 0;
                    for (int i = 0; i < z.length; i++) {
                        p[i] = Math.exp((z[i] - max) / temperature);
                        s += p[i];
                    }
                    for (int i = 0; i < z.length; i++) p[i] /= s;
                    return p;
                }

                /** Knowledge distillation: KL at temperature T (scaled by T^2) plus cross-entropy. */
                @Differentiable(wrt = "student")
                public static double distill(double[] student, double[] teacher, int label, double temperature, double mix) {
                    double[] ps = softmax(student, temperature);
                    double[] pt = softmax(teacher, temperature);
                    double kl = 0;
                    for (int i = 0; i < ps.length; i++) kl += pt[i] * (Math.log(pt[i]) - Math.log(ps[i]));
                    double[] p1 = softmax(student, 1.0);
                    return mix * temperature * temperature * kl - (1 - mix) * Math.log(p1[label]);
                }

                /** Mixture of experts: softmax gate over linear experts. gate[e], expert[e] are rows of weights. */
                @Differentiable(wrt = {"gate", "expert"})
                public static double mixtureOfExperts(double[][] gate, double[][] expert, double[][] x, double[] y) {
                    double loss = 0;
                    for (int n = 0; n < x.length; n++) {
                        double[] g = new double[gate.length];
                        for (int e = 0; e < gate.length; e++) {
                            for (int j = 0; j < x[n].length; j++) g[e] += gate[e][j] * x[n][j];
                        }
                        double[] w = softmax(g, 1.0);
                        double pred = 0;
                        for (int e = 0; e < expert.length; e++) {
                            double out = 0;
                            for (int j = 0; j < x[n].length; j++) out += expert[e][j] * x[n][j];
                            pred += w[e] * out;
                        }
                        loss += (pred - y[n]) * (pred - y[n]);
                    }
                    return loss / x.length;
                }
            }
            """;

    static final String CNN1D = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A 1-D convolutional classifier: conv (2 channels) -> ReLU -> max pool -> dense. */
            public class Cnn1d {
                private final double[][] kernels; // [channel][tap]
                private final double[] bias;
                private final double[] dense; // pooled features -> logit
                private double offset;
                public int calls;

                public Cnn1d(double[][] kernels, double[] bias, double[] dense, double offset) {
                    this.kernels = kernels;
                    this.bias = bias;
                    this.dense = dense;
                    this.offset = offset;
                }

                /** Pooled features, channel-major. */
                @Differentiable(wrt = "this")
                public double[] features(double[] x) {
                    int taps = kernels[0].length;
                    int len = x.length - taps + 1;
                    int pooled = len / 2;
                    double[] f = new double[kernels.length * pooled];
                    for (int c = 0; c < kernels.length; c++) {
                        for (int p = 0; p < pooled; p++) {
                            double best = 0; // ReLU then max = max(0, ...)
                            for (int q = 2 * p; q < 2 * p + 2; q++) {
                                double s = bias[c];
                                for (int k = 0; k < taps; k++) s += kernels[c][k] * x[q + k];
                                best = Math.max(best, s);
                            }
                            f[c * pooled + p] = best;
                        }
                    }
                    return f;
                }

                private double logit(double[] x) {
                    double[] f = features(x);
                    double z = offset;
                    for (int i = 0; i < f.length; i++) z += dense[i] * f[i];
                    return z;
                }

                @Differentiable(wrt = "this")
                public double loss(double[][] xs, int[] labels) {
                    calls++;
                    double l = 0;
                    for (int n = 0; n < xs.length; n++) {
                        double z = logit(xs[n]);
                        l += Math.log1p(Math.exp(z)) - labels[n] * z;
                    }
                    return l / xs.length;
                }

                /** Saliency-like: the loss of one example with respect to its input too. */
                @Differentiable(wrt = {"this", "x"})
                public double single(double[] x, int label) {
                    double z = logit(x);
                    return Math.log1p(Math.exp(z)) - label * z;
                }
            }
            """;

    static final String GEOMETRY = """
            package stranger;

            import static java.lang.Math.*;

            import dev.adjoint.Differentiable;

            /** Geometry programs. */
            public final class Geometry {
                private Geometry() {}

                /** A rigid pose: rotation vector (Rodrigues) and translation. */
                public record Pose(double rx, double ry, double rz, double tx, double ty, double tz) {}

                /** Centripetal-free (uniform) Catmull-Rom spline through the points, length by sampling. */
                @Differentiable(wrt = {"px", "py"})
                public static double catmullRomLength(double[] px, double[] py, int samples) {
                    double len = 0;
                    for (int seg = 1; seg + 2 < px.length; seg++) {
                        double prevX = px[seg], prevY = py[seg];
                        for (int s = 1; s <= samples; s++) {
                            double t = (double) s / samples;
                            double t2 = t * t, t3 = t2 * t;
                            double x = 0.5 * (2 * px[seg] + (-px[seg - 1] + px[seg + 1]) * t
                                    + (2 * px[seg - 1] - 5 * px[seg] + 4 * px[seg + 1] - px[seg + 2]) * t2
                                    + (-px[seg - 1] + 3 * px[seg] - 3 * px[seg + 1] + px[seg + 2]) * t3);
                            double y = 0.5 * (2 * py[seg] + (-py[seg - 1] + py[seg + 1]) * t
                                    + (2 * py[seg - 1] - 5 * py[seg] + 4 * py[seg + 1] - py[seg + 2]) * t2
                                    + (-py[seg - 1] + 3 * py[seg] - 3 * py[seg + 1] + py[seg + 2]) * t3);
                            len += hypot(x - prevX, y - prevY);
                            prevX = x;
                            prevY = y;
                        }
                    }
                    return len;
                }

                /** Signed volume of a closed triangle mesh (divergence theorem). */
                @Differentiable
                public static double signedVolume(double[][] v, int[][] faces) {
                    double vol = 0;
                    for (int[] f : faces) {
                        double[] a = v[f[0]], b = v[f[1]], c = v[f[2]];
                        vol += a[0] * (b[1] * c[2] - b[2] * c[1])
                                - a[1] * (b[0] * c[2] - b[2] * c[0])
                                + a[2] * (b[0] * c[1] - b[1] * c[0]);
                    }
                    return vol / 6;
                }

                /** Volume penalty plus an edge-length regulariser over the same faces. */
                @Differentiable
                public static double volumeFit(double[][] v, int[][] faces, double target) {
                    double dv = signedVolume(v, faces) - target;
                    double edges = 0;
                    for (int[] f : faces) {
                        for (int e = 0; e < 3; e++) {
                            int i = f[e], j = f[(e + 1) % 3];
                            double d2 = 0;
                            for (int k = 0; k < 3; k++) d2 += (v[i][k] - v[j][k]) * (v[i][k] - v[j][k]);
                            edges += d2;
                        }
                    }
                    return dv * dv + 0.01 * edges;
                }

                /** Ray parameter where each ray hits the plane n.x = d; plane = {nx, ny, nz, d}. */
                @Differentiable(wrt = "plane")
                public static double[] rayPlane(double[] plane, double[][] origins, double[][] dirs) {
                    double[] t = new double[origins.length];
                    for (int r = 0; r < origins.length; r++) {
                        double num = plane[3], den = 0;
                        for (int k = 0; k < 3; k++) {
                            num -= plane[k] * origins[r][k];
                            den += plane[k] * dirs[r][k];
                        }
                        if (abs(den) < 1e-12) throw new ArithmeticException("ray " + r + " is parallel to the plane");
                        t[r] = num / den;
                    }
                    return t;
                }

                /** Spread of the hit points' depths. */
                @Differentiable(wrt = "plane")
                public static double hitSpread(double[] plane, double[][] origins, double[][] dirs) {
                    double[] t = rayPlane(plane, origins, dirs);
                    double mean = 0;
                    for (double v : t) mean += v;
                    mean /= t.length;
                    double s = 0;
                    for (double v : t) s += (v - mean) * (v - mean);
                    return s / t.length;
                }

                /** Rodrigues rotation of p by the pose, then translation; out gets the result. */
                static void transform(Pose pose, double[] p, double[] out) {
                    double th = sqrt(pose.rx() * pose.rx() + pose.ry() * pose.ry() + pose.rz() * pose.rz());
                    double kx = pose.rx() / th, ky = pose.ry() / th, kz = pose.rz() / th;
                    double c = cos(th), s = sin(th);
                    double dot = kx * p[0] + ky * p[1] + kz * p[2];
                    double cx = ky * p[2] - kz * p[1], cy = kz * p[0] - kx * p[2], cz = kx * p[1] - ky * p[0];
                    out[0] = p[0] * c + cx * s + kx * dot * (1 - c) + pose.tx();
                    out[1] = p[1] * c + cy * s + ky * dot * (1 - c) + pose.ty();
                    out[2] = p[2] * c + cz * s + kz * dot * (1 - c) + pose.tz();
                }

                /** Point-to-plane ICP residuals n_i . (T(src_i) - dst_i). */
                @Differentiable(wrt = "pose")
                public static double[] icpResiduals(Pose pose, double[][] src, double[][] dst, double[][] normals) {
                    double[] r = new double[src.length];
                    double[] q = new double[3];
                    for (int i = 0; i < src.length; i++) {
                        transform(pose, src[i], q);
                        r[i] = normals[i][0] * (q[0] - dst[i][0]) + normals[i][1] * (q[1] - dst[i][1]) + normals[i][2] * (q[2] - dst[i][2]);
                    }
                    return r;
                }

                @Differentiable(wrt = "pose")
                public static double icpCost(Pose pose, double[][] src, double[][] dst, double[][] normals) {
                    double[] r = icpResiduals(pose, src, dst, normals);
                    double c = 0;
                    for (double v : r) c += v * v;
                    return 0.5 * c;
                }

                /** Chamfer distance between two point sets. */
                @Differentiable
                public static double chamfer(double[][] a, double[][] b) {
                    return oneWay(a, b) / a.length + oneWay(b, a) / b.length;
                }

                static double oneWay(double[][] from, double[][] to) {
                    double total = 0;
                    for (var p : from) {
                        double best = Double.POSITIVE_INFINITY;
                        for (var q : to) {
                            double d = 0;
                            for (int k = 0; k < p.length; k++) d += (p[k] - q[k]) * (p[k] - q[k]);
                            best = min(best, d);
                        }
                        total += best;
                    }
                    return total;
                }
            }
            """;
}
