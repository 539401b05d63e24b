package dev.adjoint.generator.stranger;

/**
 * The statistics, learning and geometry programs of {@link StrangerApps27Test}, written from the README alone
 * (session 27); see the test for what each checks.
 */
final class StrangerApps27Learning {
    private StrangerApps27Learning() {}

    static final String STATS = """
            package stranger;

            import dev.adjoint.Differentiable;

            public final class Stats {
                private Stats() {}

                /** Cox partial log-likelihood (Breslow, no ties); order sorts the times ascending. */
                @Differentiable(wrt = "beta")
                public static double coxLogLik(double[] beta, double[][] X, int[] order, boolean[] event) {
                    int n = X.length;
                    double[] eta = new double[n];
                    for (int i = 0; i < n; i++) {
                        double s = 0;
                        for (int j = 0; j < beta.length; j++) {
                            s += beta[j] * X[i][j];
                        }
                        eta[i] = s;
                    }
                    // risk set of order[k]: order[k..n-1]; accumulate from the back
                    double riskSum = 0;
                    double ll = 0;
                    for (int k = n - 1; k >= 0; k--) {
                        int i = order[k];
                        riskSum += Math.exp(eta[i]);
                        if (event[i]) {
                            ll += eta[i] - Math.log(riskSum);
                        }
                    }
                    return ll;
                }

                /** Negative-binomial GLM log-likelihood with a log link; r the dispersion, y counts. */
                @Differentiable(wrt = {"beta", "logR"})
                public static double negBinLogLik(double[] beta, double logR, double[][] X, int[] y) {
                    double r = Math.exp(logR);
                    double ll = 0;
                    for (int i = 0; i < X.length; i++) {
                        double eta = 0;
                        for (int j = 0; j < beta.length; j++) {
                            eta += X[i][j] * beta[j];
                        }
                        double mu = Math.exp(eta);
                        // log Gamma(y + r) - log Gamma(r) as a sum over the count
                        for (int k = 0; k < y[i]; k++) {
                            ll += Math.log(r + k);
                        }
                        ll += r * Math.log(r / (r + mu)) + y[i] * Math.log(mu / (r + mu));
                    }
                    return ll;
                }

                static double[][] rbf(double[][] X, double amp, double ell, double noise) {
                    int n = X.length;
                    double[][] K = new double[n][n];
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            double d2 = 0;
                            for (int k = 0; k < X[i].length; k++) {
                                double d = X[i][k] - X[j][k];
                                d2 += d * d;
                            }
                            K[i][j] = amp * amp * Math.exp(-0.5 * d2 / (ell * ell)) + (i == j ? noise * noise : 0);
                        }
                    }
                    return K;
                }

                static double[][] cholesky(double[][] A) {
                    int n = A.length;
                    double[][] L = new double[n][n];
                    for (int j = 0; j < n; j++) {
                        double s = A[j][j];
                        for (int k = 0; k < j; k++) {
                            s -= L[j][k] * L[j][k];
                        }
                        if (s <= 0) {
                            throw new ArithmeticException("matrix is not positive definite at " + j);
                        }
                        L[j][j] = Math.sqrt(s);
                        for (int i = j + 1; i < n; i++) {
                            double t = A[i][j];
                            for (int k = 0; k < j; k++) {
                                t -= L[i][k] * L[j][k];
                            }
                            L[i][j] = t / L[j][j];
                        }
                    }
                    return L;
                }

                /** GP negative log marginal likelihood with an RBF kernel. hyp = {log amp, log ell, log noise}. */
                @Differentiable(wrt = "hyp")
                public static double gpNlml(double[] hyp, double[][] X, double[] y) {
                    double[][] K = rbf(X, Math.exp(hyp[0]), Math.exp(hyp[1]), Math.exp(hyp[2]));
                    double[][] L = cholesky(K);
                    int n = y.length;
                    double[] a = new double[n];
                    for (int i = 0; i < n; i++) { // forward substitution L a = y
                        double s = y[i];
                        for (int k = 0; k < i; k++) {
                            s -= L[i][k] * a[k];
                        }
                        a[i] = s / L[i][i];
                    }
                    double quad = 0, logdet = 0;
                    for (int i = 0; i < n; i++) {
                        quad += a[i] * a[i];
                        logdet += Math.log(L[i][i]);
                    }
                    return 0.5 * quad + logdet + 0.5 * n * Math.log(2 * Math.PI);
                }

                private static double logSumExp(double[] v, int n) {
                    double m = Double.NEGATIVE_INFINITY;
                    for (int i = 0; i < n; i++) {
                        m = Math.max(m, v[i]);
                    }
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += Math.exp(v[i] - m);
                    }
                    return m + Math.log(s);
                }

                /** Linear-chain CRF negative log-likelihood of a label sequence: log Z - score(labels). */
                @Differentiable(wrt = {"emit", "trans"})
                public static double crfNll(double[][] emit, double[][] trans, int[] labels) {
                    int T = emit.length, S = trans.length;
                    double[] alpha = new double[S];
                    double[] next = new double[S];
                    double[] tmp = new double[S];
                    for (int s = 0; s < S; s++) {
                        alpha[s] = emit[0][s];
                    }
                    for (int t = 1; t < T; t++) {
                        for (int s = 0; s < S; s++) {
                            for (int r = 0; r < S; r++) {
                                tmp[r] = alpha[r] + trans[r][s];
                            }
                            next[s] = logSumExp(tmp, S) + emit[t][s];
                        }
                        System.arraycopy(next, 0, alpha, 0, S);
                    }
                    double logZ = logSumExp(alpha, S);
                    double score = emit[0][labels[0]];
                    for (int t = 1; t < T; t++) {
                        score += trans[labels[t - 1]][labels[t]] + emit[t][labels[t]];
                    }
                    return logZ - score;
                }

                static double logSigmoid(double z) {
                    return z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
                }

                /** Skip-gram negative-sampling loss over (center, context) pairs with k negatives each. */
                @Differentiable(wrt = {"in", "out"})
                public static double sgns(double[][] in, double[][] out, int[] centers, int[] contexts, int[][] negatives) {
                    double loss = 0;
                    for (int p = 0; p < centers.length; p++) {
                        double[] v = in[centers[p]];
                        double pos = 0;
                        for (int d = 0; d < v.length; d++) {
                            pos += v[d] * out[contexts[p]][d];
                        }
                        loss -= logSigmoid(pos);
                        for (int neg : negatives[p]) {
                            double s = 0;
                            for (int d = 0; d < v.length; d++) {
                                s += v[d] * out[neg][d];
                            }
                            loss -= logSigmoid(-s);
                        }
                    }
                    return loss / centers.length;
                }

                /** Capsule squash: v = |s|^2/(1+|s|^2) s/|s|. */
                @Differentiable
                public static double[] squash(double[] s) {
                    double n2 = 0;
                    for (double x : s) {
                        n2 += x * x;
                    }
                    double scale = n2 / (1 + n2) / Math.sqrt(n2 + 1e-12);
                    double[] v = new double[s.length];
                    for (int i = 0; i < s.length; i++) {
                        v[i] = scale * s[i];
                    }
                    return v;
                }

                /** Margin loss of capsule lengths (Sabour et al.). */
                @Differentiable(wrt = "caps")
                public static double marginLoss(double[][] caps, int label) {
                    double loss = 0;
                    for (int c = 0; c < caps.length; c++) {
                        double[] v = squash(caps[c]);
                        double len = 0;
                        for (double x : v) {
                            len += x * x;
                        }
                        len = Math.sqrt(len);
                        if (c == label) {
                            double m = Math.max(0, 0.9 - len);
                            loss += m * m;
                        } else {
                            double m = Math.max(0, len - 0.1);
                            loss += 0.5 * m * m;
                        }
                    }
                    return loss;
                }
            }
            """;

    static final String MLP = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A two-layer perceptron with layer normalisation and GELU, holding its weights. */
            public class Mlp {
                private final double[][] w1;
                private final double[] b1;
                private final double[] gamma;
                private final double[] beta;
                final double[][] w2;
                double b2;
                // static: an instance field 'final double eps = 1e-5' is differentiated with wrt = "this" (a
                // gradient nothing can use, since javac inlines the constant), which AdjointCheck reports as failed
                private static final double EPS = 1e-5;
                int calls;

                public Mlp(double[][] w1, double[] b1, double[] gamma, double[] beta, double[][] w2, double b2) {
                    this.w1 = w1;
                    this.b1 = b1;
                    this.gamma = gamma;
                    this.beta = beta;
                    this.w2 = w2;
                    this.b2 = b2;
                }

                static double gelu(double x) {
                    double c = Math.sqrt(2 / Math.PI);
                    return 0.5 * x * (1 + Math.tanh(c * (x + 0.044715 * x * x * x)));
                }

                private void layerNorm(double[] h) {
                    double mean = 0;
                    for (double v : h) {
                        mean += v;
                    }
                    mean /= h.length;
                    double var = 0;
                    for (double v : h) {
                        var += (v - mean) * (v - mean);
                    }
                    var /= h.length;
                    double inv = 1 / Math.sqrt(var + EPS);
                    for (int i = 0; i < h.length; i++) {
                        h[i] = gamma[i] * (h[i] - mean) * inv + beta[i];
                    }
                }

                /** The network's outputs for one input. */
                @Differentiable(wrt = "this")
                public double[] forward(double[] x) {
                    int hidden = b1.length;
                    double[] h = new double[hidden];
                    for (int i = 0; i < hidden; i++) {
                        double s = b1[i];
                        for (int j = 0; j < x.length; j++) {
                            s += w1[i][j] * x[j];
                        }
                        h[i] = s;
                    }
                    layerNorm(h);
                    double[] out = new double[w2.length];
                    for (int o = 0; o < w2.length; o++) {
                        double s = b2;
                        for (int i = 0; i < hidden; i++) {
                            s += w2[o][i] * gelu(h[i]);
                        }
                        out[o] = s;
                    }
                    return out;
                }

                /** Mean squared error over a batch, enhanced for over rows. */
                @Differentiable(wrt = "this")
                public double loss(double[][] xs, double[][] ys) {
                    calls++;
                    double total = 0;
                    int n = 0;
                    for (double[] x : xs) {
                        double[] out = forward(x);
                        for (int o = 0; o < out.length; o++) {
                            double e = out[o] - ys[n][o];
                            total += e * e;
                        }
                        n++;
                    }
                    return total / n;
                }

                /** Loss plus weight decay, wrt the object and the input. */
                @Differentiable(wrt = {"this", "x"})
                public double regularised(double[] x, double[] y, double lambda) {
                    double[] out = forward(x);
                    double e = 0;
                    for (int o = 0; o < out.length; o++) {
                        e += (out[o] - y[o]) * (out[o] - y[o]);
                    }
                    double decay = 0;
                    for (double[] row : w1) {
                        for (double v : row) {
                            decay += v * v;
                        }
                    }
                    return e + lambda * decay;
                }
            }
            """;

    static final String GEOMETRY = """
            package stranger;

            import dev.adjoint.Differentiable;

            public final class Geometry {
                private Geometry() {}

                public enum Falloff { INVERSE, INVERSE_SQUARE, GAUSSIAN }

                /** Inverse-distance weighting of sample values at a query point q. */
                @Differentiable(wrt = {"q", "values"})
                public static double idw(double[] q, double[][] sites, double[] values, Falloff falloff) {
                    double num = 0, den = 0;
                    for (int i = 0; i < sites.length; i++) {
                        double d2 = 0;
                        for (int k = 0; k < q.length; k++) {
                            double d = q[k] - sites[i][k];
                            d2 += d * d;
                        }
                        if (d2 < 1e-24) {
                            return values[i]; // exactly on a site
                        }
                        double w = switch (falloff) {
                            case INVERSE -> 1 / Math.sqrt(d2);
                            case INVERSE_SQUARE -> 1 / d2;
                            case GAUSSIAN -> Math.exp(-d2);
                        };
                        num += w * values[i];
                        den += w;
                    }
                    return num / den;
                }

                /** Length of a catenary y = a cosh((x - x0)/a) between x = 0 and span, with sag h: solves for a by Newton first. */
                @Differentiable(wrt = {"span", "sag"})
                public static double cableLength(double span, double sag) {
                    double a = span * span / (8 * sag); // parabola guess
                    for (int it = 0; it < 50; it++) {
                        double u = span / (2 * a);
                        double f = a * Math.cosh(u) - a - sag;
                        double df = Math.cosh(u) - 1 - u * Math.sinh(u);
                        double step = f / df;
                        a -= step;
                        if (Math.abs(step) < 1e-14 * a) {
                            break;
                        }
                    }
                    return 2 * a * Math.sinh(span / (2 * a));
                }

                public record Pose(double angle, double scale, double tx, double ty) {}

                /** Procrustes residual of a similarity transform mapping src onto dst (n x 2). */
                @Differentiable(wrt = "pose")
                public static double procrustes(Pose pose, double[][] src, double[][] dst) {
                    double c = Math.cos(pose.angle()) * pose.scale();
                    double s = Math.sin(pose.angle()) * pose.scale();
                    double r = 0;
                    for (int i = 0; i < src.length; i++) {
                        double[] p = src[i];
                        double ex = c * p[0] - s * p[1] + pose.tx() - dst[i][0];
                        double ey = s * p[0] + c * p[1] + pose.ty() - dst[i][1];
                        r += ex * ex + ey * ey;
                    }
                    return r;
                }

                private static double sigmoid(double z) {
                    return 1 / (1 + Math.exp(-z));
                }

                /** Soft coverage of pixel centres by a triangle (x0,y0,x1,y1,x2,y2), SoftRas style; returns one value per pixel. */
                @Differentiable(wrt = "tri")
                public static double[] coverage(double[] tri, int width, int height, double sharpness) {
                    double[] img = new double[width * height];
                    double area = (tri[2] - tri[0]) * (tri[5] - tri[1]) - (tri[4] - tri[0]) * (tri[3] - tri[1]);
                    double orient = Math.signum(area);
                    for (int py = 0; py < height; py++) {
                        for (int px = 0; px < width; px++) {
                            double x = px + 0.5, y = py + 0.5;
                            double cov = 1;
                            for (int e = 0; e < 3; e++) {
                                int a = 2 * e, b = 2 * ((e + 1) % 3);
                                double ex = tri[b] - tri[a], ey = tri[b + 1] - tri[a + 1];
                                double len = Math.hypot(ex, ey);
                                double dist = orient * (ex * (y - tri[a + 1]) - ey * (x - tri[a])) / len;
                                cov *= sigmoid(sharpness * dist);
                            }
                            img[py * width + px] = cov;
                        }
                    }
                    return img;
                }

                /** Silhouette loss against a target image. */
                @Differentiable(wrt = "tri")
                public static double silhouetteLoss(double[] tri, double[] target, int width, int height) {
                    double[] img = coverage(tri, width, height, 4.0);
                    double l = 0;
                    for (int i = 0; i < img.length; i++) {
                        l += (img[i] - target[i]) * (img[i] - target[i]);
                    }
                    return l;
                }

                public record Tri(double[] a, double[] b, double[] c) {}

                /** Barycentric interpolation of vertex values at point p inside triangle t. */
                @Differentiable(wrt = {"p", "vals"})
                public static double barycentric(double[] p, Tri t, double[] vals) {
                    double[] a = t.a(), b = t.b(), c = t.c();
                    double det = (b[1] - c[1]) * (a[0] - c[0]) + (c[0] - b[0]) * (a[1] - c[1]);
                    double l1 = ((b[1] - c[1]) * (p[0] - c[0]) + (c[0] - b[0]) * (p[1] - c[1])) / det;
                    double l2 = ((c[1] - a[1]) * (p[0] - c[0]) + (a[0] - c[0]) * (p[1] - c[1])) / det;
                    double l3 = 1 - l1 - l2;
                    return l1 * vals[0] + l2 * vals[1] + l3 * vals[2];
                }
            }
            """;
}
