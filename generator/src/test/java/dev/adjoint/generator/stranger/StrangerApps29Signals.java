package dev.adjoint.generator.stranger;

/**
 * Audio and signal processing, rendering, reinforcement learning, optics, structures and pricing programs of
 * {@link StrangerApps29Test}, written from the README alone (session 29).
 */
final class StrangerApps29Signals {
    private StrangerApps29Signals() {}

    static final String SIGNAL = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Filters and spectra. */
            public final class Signal {
                private Signal() {}

                /** A biquad in direct form I: coeffs = b0, b1, b2, a1, a2. */
                @Differentiable(wrt = {"coeffs", "x"})
                public static double[] biquad(double[] coeffs, double[] x) {
                    double[] y = new double[x.length];
                    double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
                    for (int n = 0; n < x.length; n++) {
                        double v = coeffs[0] * x[n] + coeffs[1] * x1 + coeffs[2] * x2 - coeffs[3] * y1 - coeffs[4] * y2;
                        x2 = x1;
                        x1 = x[n];
                        y2 = y1;
                        y1 = v;
                        y[n] = v;
                    }
                    return y;
                }

                /** Fit of a cascade of biquads (rows of sections) to a target output. */
                @Differentiable(wrt = "sections")
                public static double cascadeFit(double[][] sections, double[] x, double[] target) {
                    double[] sig = x.clone();
                    for (double[] s : sections) {
                        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
                        for (int n = 0; n < sig.length; n++) {
                            double v = s[0] * sig[n] + s[1] * x1 + s[2] * x2 - s[3] * y1 - s[4] * y2;
                            x2 = x1;
                            x1 = sig[n];
                            y2 = y1;
                            y1 = v;
                            sig[n] = v;
                        }
                    }
                    double e = 0;
                    for (int n = 0; n < sig.length; n++) e += (sig[n] - target[n]) * (sig[n] - target[n]);
                    return e / sig.length;
                }

                /** |H(e^{iw})| of a biquad cascade, complex arithmetic by hand, summed in dB over frequencies. */
                @Differentiable(wrt = "sections")
                public static double responseLoss(double[][] sections, double[] w, double[] targetDb) {
                    double loss = 0;
                    for (int k = 0; k < w.length; k++) {
                        double c1 = Math.cos(w[k]), s1 = Math.sin(w[k]);
                        double c2 = Math.cos(2 * w[k]), s2 = Math.sin(2 * w[k]);
                        double mag2 = 1;
                        for (double[] s : sections) {
                            double nr = s[0] + s[1] * c1 + s[2] * c2, ni = -s[1] * s1 - s[2] * s2;
                            double dr = 1 + s[3] * c1 + s[4] * c2, di = -s[3] * s1 - s[4] * s2;
                            mag2 *= (nr * nr + ni * ni) / (dr * dr + di * di);
                        }
                        double db = 10 * Math.log10(mag2);
                        loss += (db - targetDb[k]) * (db - targetDb[k]);
                    }
                    return loss;
                }

                static final double TWO_PI = 2 * Math.PI;

                /** Log-magnitude STFT loss: Hann-windowed frames, a hand-written DFT of each. */
                @Differentiable(wrt = "x")
                public static double stftLoss(double[] x, double[] target, int frame, int hop) {
                    double loss = 0;
                    double[] buf = new double[frame];
                    double[] tbuf = new double[frame];
                    for (int start = 0; start + frame <= x.length; start += hop) {
                        for (int n = 0; n < frame; n++) {
                            double win = 0.5 - 0.5 * Math.cos(TWO_PI * n / (frame - 1));
                            buf[n] = win * x[start + n];
                            tbuf[n] = win * target[start + n];
                        }
                        for (int k = 0; k <= frame / 2; k++) {
                            double re = 0, im = 0, tre = 0, tim = 0;
                            for (int n = 0; n < frame; n++) {
                                double ang = TWO_PI * k * n / frame;
                                re += buf[n] * Math.cos(ang);
                                im -= buf[n] * Math.sin(ang);
                                tre += tbuf[n] * Math.cos(ang);
                                tim -= tbuf[n] * Math.sin(ang);
                            }
                            double mag = Math.sqrt(re * re + im * im + 1e-8);
                            double tmag = Math.sqrt(tre * tre + tim * tim + 1e-8);
                            double d = Math.log(mag) - Math.log(tmag);
                            loss += d * d + Math.abs(mag - tmag);
                        }
                    }
                    return loss;
                }

                /** A one-pole low-pass in float, smoothing coefficient through a sigmoid. */
                @Differentiable(wrt = "raw")
                public static float onePole(float raw, float[] x, float[] target) {
                    float a = 1f / (1f + (float) Math.exp(-raw));
                    float y = 0f;
                    float e = 0f;
                    for (int n = 0; n < x.length; n++) {
                        y = a * y + (1 - a) * x[n];
                        e += (y - target[n]) * (y - target[n]);
                    }
                    return e;
                }
            }
            """;

    static final String RENDER = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Differentiable rendering: a soft rasteriser, SDFs, a sphere tracer, Lambert shading. */
            public final class Render {
                private Render() {}

                static double sigmoid(double z) {
                    return 1 / (1 + Math.exp(-z));
                }

                static double edge(double ax, double ay, double bx, double by, double px, double py) {
                    return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
                }

                /** Soft coverage of a triangle (x0 y0 x1 y1 x2 y2) on a pixel grid, against a target image. */
                @Differentiable(wrt = "tri")
                public static double softRaster(double[] tri, double[][] target, double sigma) {
                    int h = target.length, w = target[0].length;
                    double loss = 0;
                    for (int r = 0; r < h; r++) {
                        for (int c = 0; c < w; c++) {
                            double px = (c + 0.5) / w, py = (r + 0.5) / h;
                            double e0 = edge(tri[0], tri[1], tri[2], tri[3], px, py);
                            double e1 = edge(tri[2], tri[3], tri[4], tri[5], px, py);
                            double e2 = edge(tri[4], tri[5], tri[0], tri[1], px, py);
                            double cov = sigmoid(e0 / sigma) * sigmoid(e1 / sigma) * sigmoid(e2 / sigma);
                            loss += (cov - target[r][c]) * (cov - target[r][c]);
                        }
                    }
                    return loss;
                }

                static double sdSphere(double[] p, double cx, double cy, double cz, double r) {
                    double dx = p[0] - cx, dy = p[1] - cy, dz = p[2] - cz;
                    return Math.sqrt(dx * dx + dy * dy + dz * dz) - r;
                }

                static double sdBox(double[] p, double bx, double by, double bz) {
                    double qx = Math.abs(p[0]) - bx, qy = Math.abs(p[1]) - by, qz = Math.abs(p[2]) - bz;
                    double ox = Math.max(qx, 0), oy = Math.max(qy, 0), oz = Math.max(qz, 0);
                    return Math.sqrt(ox * ox + oy * oy + oz * oz + 1e-12) + Math.min(Math.max(qx, Math.max(qy, qz)), 0);
                }

                static double smin(double a, double b, double k) {
                    return -k * Math.log(Math.exp(-a / k) + Math.exp(-b / k));
                }

                /** Squared SDF at surface samples of a sphere blended with a box (fitting the shape parameters). */
                @Differentiable(wrt = "shape")
                public static double sdfFit(double[] shape, double[][] samples, double k) {
                    double loss = 0;
                    for (double[] p : samples) {
                        double d = smin(sdSphere(p, shape[0], shape[1], shape[2], shape[3]), sdBox(p, shape[4], shape[5], shape[6]), k);
                        loss += d * d;
                    }
                    return loss;
                }

                /** Sphere tracing a sphere: the hit distance (a loop that breaks when it hits). */
                @Differentiable(wrt = {"center", "radius"})
                public static double traceDepth(double[] center, double radius, double[] dir, int maxSteps) {
                    double t = 0;
                    double[] p = new double[3];
                    for (int i = 0; i < maxSteps; i++) {
                        for (int d = 0; d < 3; d++) p[d] = t * dir[d];
                        double dist = sdSphere(p, center[0], center[1], center[2], radius);
                        if (dist < 1e-9) break;
                        t += dist;
                    }
                    return t;
                }

                /** Lambert shading of normals under a light, max(0, n.l), fitted to intensities. */
                @Differentiable(wrt = {"light", "albedo"})
                public static double lambert(double[] light, double albedo, double[][] normals, double[] observed) {
                    double ln = Math.sqrt(light[0] * light[0] + light[1] * light[1] + light[2] * light[2]);
                    double loss = 0;
                    for (int i = 0; i < normals.length; i++) {
                        double[] nrm = normals[i];
                        double cos = (nrm[0] * light[0] + nrm[1] * light[1] + nrm[2] * light[2]) / ln;
                        double shade = albedo * Math.max(0, cos);
                        loss += (shade - observed[i]) * (shade - observed[i]);
                    }
                    return loss;
                }
            }
            """;

    static final String RL = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Policy-gradient objectives. */
            public final class Rl {
                private Rl() {}

                /** REINFORCE surrogate: sum of log pi(a|s) times return, a linear softmax policy (theta: actions x features). */
                @Differentiable(wrt = "theta")
                public static double reinforce(double[][] theta, double[][] feats, int[] actions, double[] returns) {
                    int na = theta.length;
                    double[] logits = new double[na];
                    double obj = 0;
                    for (int t = 0; t < feats.length; t++) {
                        double m = Double.NEGATIVE_INFINITY;
                        for (int a = 0; a < na; a++) {
                            double z = 0;
                            for (int f = 0; f < feats[t].length; f++) z += theta[a][f] * feats[t][f];
                            logits[a] = z;
                            m = Math.max(m, z);
                        }
                        double s = 0;
                        for (int a = 0; a < na; a++) s += Math.exp(logits[a] - m);
                        obj += (logits[actions[t]] - m - Math.log(s)) * returns[t];
                    }
                    return obj / feats.length;
                }

                /** Generalised advantage estimates, computed backwards with episode ends. */
                @Differentiable(wrt = {"values", "rewards"})
                public static double[] gae(double[] values, double[] rewards, boolean[] done, double gamma, double lambda) {
                    int n = rewards.length;
                    double[] adv = new double[n];
                    double last = 0;
                    for (int t = n - 1; t >= 0; t--) {
                        double nextV = t + 1 < n && !done[t] ? values[t + 1] : 0;
                        double notDone = done[t] ? 0 : 1;
                        double delta = rewards[t] + gamma * nextV - values[t];
                        last = delta + gamma * lambda * notDone * last;
                        adv[t] = last;
                    }
                    return adv;
                }

                /** PPO's clipped surrogate over logits of the taken actions. */
                @Differentiable(wrt = "logp")
                public static double ppoClip(double[] logp, double[] oldLogp, double[] adv, double eps) {
                    double s = 0;
                    for (int t = 0; t < logp.length; t++) {
                        double ratio = Math.exp(logp[t] - oldLogp[t]);
                        double clipped = Math.min(Math.max(ratio, 1 - eps), 1 + eps);
                        s += Math.min(ratio * adv[t], clipped * adv[t]);
                    }
                    return -s / logp.length;
                }

                /** Entropy-regularised soft value: tau * log sum exp(Q / tau), per state. */
                @Differentiable(wrt = "q")
                public static double softValue(double[][] q, double tau) {
                    double v = 0;
                    for (double[] row : q) {
                        double m = row[0];
                        for (double x : row) m = Math.max(m, x);
                        double s = 0;
                        for (double x : row) s += Math.exp((x - m) / tau);
                        v += m + tau * Math.log(s);
                    }
                    return v;
                }
            }
            """;

    static final String OPTICS = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Geometric and wave optics. */
            public final class Optics {
                private Optics() {}

                /** Travel time through layers (Fermat): the ray crosses layer i at x = xs[i], slowness n[i]. */
                @Differentiable(wrt = "xs")
                public static double fermat(double[] xs, double[] n, double[] thick, double xEnd) {
                    double t = 0;
                    double prev = 0;
                    for (int i = 0; i < n.length; i++) {
                        double x = i < xs.length ? xs[i] : xEnd;
                        double dx = x - prev;
                        t += n[i] * Math.hypot(dx, thick[i]);
                        prev = x;
                    }
                    return t;
                }

                /** Unpolarised Fresnel reflectance; total internal reflection returns 1 early. */
                @Differentiable(wrt = {"theta", "n1", "n2"})
                public static double fresnel(double theta, double n1, double n2) {
                    double si = Math.sin(theta);
                    double st = n1 / n2 * si;
                    if (st >= 1) return 1;
                    double ci = Math.cos(theta);
                    double ct = Math.sqrt(1 - st * st);
                    double rs = (n1 * ci - n2 * ct) / (n1 * ci + n2 * ct);
                    double rp = (n1 * ct - n2 * ci) / (n1 * ct + n2 * ci);
                    return 0.5 * (rs * rs + rp * rp);
                }

                /** Paraxial ray through thin lenses and gaps (ABCD matrices): the output height and angle. */
                @Differentiable(wrt = {"f", "d"})
                public static double[] lensSystem(double[] f, double[] d, double h0, double u0) {
                    double h = h0, u = u0;
                    for (int i = 0; i < f.length; i++) {
                        u = u - h / f[i];
                        h = h + d[i] * u;
                    }
                    return new double[] {h, u};
                }

                /** Gaussian beam radius along z, in float, fitted to measurements. */
                @Differentiable(wrt = {"w0", "z0"})
                public static float beamFit(float w0, float z0, float lambda, float[] z, float[] w) {
                    float zr = (float) Math.PI * w0 * w0 / lambda;
                    float e = 0f;
                    for (int i = 0; i < z.length; i++) {
                        float q = (z[i] - z0) / zr;
                        float wz = w0 * (float) Math.sqrt(1 + q * q);
                        e += (wz - w[i]) * (wz - w[i]);
                    }
                    return e;
                }
            }
            """;
}
