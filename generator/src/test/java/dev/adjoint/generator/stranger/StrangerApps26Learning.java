package dev.adjoint.generator.stranger;

/**
 * The statistics and learning programs of {@link StrangerApps26Test}, written from the README alone (session 26) as a
 * developer new to Adjoint would write them; see the test for what each checks.
 */
final class StrangerApps26Learning {
    private StrangerApps26Learning() {}

    static final String SPECIAL_FNS = """
            package stranger;

            /** log Gamma by Lanczos (g = 7, n = 9), written by hand. */
            final class SpecialFns {
                private SpecialFns() {}

                static final double[] LANCZOS = {
                    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
                    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
                    1.5056327351493116e-7
                };

                static final double HALF_LOG_2PI = 0.9189385332046727;

                static double lgamma(double x) {
                    double shift = 0;
                    if (x < 0.5) {
                        shift = Math.log(x); // Gamma(x) = Gamma(x + 1) / x
                        x += 1;
                    }
                    double z = x - 1;
                    double s = LANCZOS[0];
                    for (int i = 1; i < LANCZOS.length; i++) {
                        s += LANCZOS[i] / (z + i);
                    }
                    double t = z + 7.5;
                    return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(s) - shift;
                }
            }
            """;

    static final String COUNTS = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Count models: Dirichlet-multinomial and Poisson regression with an exposure offset. */
            public final class Counts {
                private Counts() {}

                /** Log-likelihood of count rows under DM(alpha), alpha = exp(logAlpha), up to the multinomial coefficient. */
                @Differentiable(wrt = "logAlpha")
                public static double dirichletMultinomial(double[] logAlpha, int[][] counts) {
                    int k = logAlpha.length;
                    double[] alpha = new double[k];
                    double a0 = 0;
                    for (int j = 0; j < k; j++) {
                        alpha[j] = Math.exp(logAlpha[j]);
                        a0 += alpha[j];
                    }
                    double ll = 0;
                    for (int[] row : counts) {
                        if (row.length != k) {
                            throw new IllegalArgumentException("row of " + row.length + " counts for " + k + " categories");
                        }
                        int n = 0;
                        for (int j = 0; j < k; j++) {
                            n += row[j];
                            ll += SpecialFns.lgamma(row[j] + alpha[j]) - SpecialFns.lgamma(alpha[j]);
                        }
                        ll += SpecialFns.lgamma(a0) - SpecialFns.lgamma(n + a0);
                    }
                    return ll;
                }

                /** Poisson regression with log link and log-exposure offset, ridge penalty. */
                @Differentiable(wrt = "beta")
                public static double poissonNll(double[] beta, double[][] x, double[] logExposure, int[] y, double ridge) {
                    double nll = 0;
                    int i = 0;
                    for (double[] row : x) {
                        double eta = logExposure[i];
                        for (int j = 0; j < beta.length; j++) {
                            eta += beta[j] * row[j];
                        }
                        nll += Math.exp(eta) - y[i] * eta;
                        i++;
                    }
                    for (double b : beta) {
                        nll += 0.5 * ridge * b * b;
                    }
                    return nll;
                }
            }
            """;

    static final String EMBEDDINGS = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** t-SNE's KL objective and a matrix-factorisation loss over index arrays. */
            public final class Embeddings {
                private Embeddings() {}

                /** KL(P || Q) with Student-t affinities Q of 2-D points y (x0, y0, x1, y1, ...). */
                @Differentiable(wrt = "y")
                public static double tsneKl(double[] y, double[][] p) {
                    int n = p.length;
                    double[][] num = new double[n][n];
                    double z = 0;
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            if (i != j) {
                                double dx = y[2 * i] - y[2 * j];
                                double dy = y[2 * i + 1] - y[2 * j + 1];
                                num[i][j] = 1 / (1 + dx * dx + dy * dy);
                                z += num[i][j];
                            }
                        }
                    }
                    double kl = 0;
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            if (i != j && p[i][j] > 0) {
                                kl += p[i][j] * Math.log(p[i][j] * z / num[i][j]);
                            }
                        }
                    }
                    return kl;
                }

                static double dot(double[] a, double[] b) {
                    double s = 0;
                    for (int k = 0; k < a.length; k++) {
                        s += a[k] * b[k];
                    }
                    return s;
                }

                /** Squared error of u_users[k] . v_items[k] + biases against ratings, L2 on the factors used. */
                @Differentiable(wrt = {"u", "v", "bias"})
                public static double factorization(
                        double[][] u, double[][] v, double[] bias, int[] users, int[] items, double[] ratings, double lambda) {
                    double loss = 0;
                    for (int k = 0; k < ratings.length; k++) {
                        double[] uk = u[users[k]];
                        double[] vk = v[items[k]];
                        double pred = dot(uk, vk) + bias[users[k]] + bias[u.length + items[k]];
                        double e = pred - ratings[k];
                        loss += e * e + lambda * (dot(uk, uk) + dot(vk, vk));
                    }
                    return loss / ratings.length;
                }
            }
            """;

    static final String MDN = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A mixture-density network head: z = W h + b split into logits, means and log-scales. */
            public final class Mdn {
                private Mdn() {}

                static final double LOG_SQRT_2PI = 0.9189385332046727;

                static double[] affine(double[][] w, double[] b, double[] h) {
                    double[] z = new double[b.length];
                    for (int i = 0; i < b.length; i++) {
                        double s = b[i];
                        for (int j = 0; j < h.length; j++) {
                            s += w[i][j] * h[j];
                        }
                        z[i] = s;
                    }
                    return z;
                }

                static double logSumExp(double[] a, int from, int to) {
                    double m = Double.NEGATIVE_INFINITY;
                    for (int i = from; i < to; i++) {
                        m = Math.max(m, a[i]);
                    }
                    double s = 0;
                    for (int i = from; i < to; i++) {
                        s += Math.exp(a[i] - m);
                    }
                    return m + Math.log(s);
                }

                /** Negative log-likelihood of y under the k-component Gaussian mixture the head predicts. */
                @Differentiable(wrt = {"w", "b"})
                public static double nll(double[][] w, double[] b, double[] h, double y, int k) {
                    if (b.length != 3 * k) {
                        throw new IllegalArgumentException("head needs 3k outputs");
                    }
                    double[] z = affine(w, b, h);
                    double lseLogits = logSumExp(z, 0, k);
                    double[] terms = new double[k];
                    for (int j = 0; j < k; j++) {
                        double mu = z[k + j];
                        double logSigma = z[2 * k + j];
                        double r = (y - mu) * Math.exp(-logSigma);
                        terms[j] = z[j] - lseLogits - LOG_SQRT_2PI - logSigma - 0.5 * r * r;
                    }
                    return -logSumExp(terms, 0, k);
                }

                /** The mixture's mean prediction, an array of one per input row. */
                @Differentiable(wrt = {"w", "b"})
                public static double[] means(double[][] w, double[] b, double[][] hs, int k) {
                    double[] out = new double[hs.length];
                    for (int n = 0; n < hs.length; n++) {
                        double[] z = affine(w, b, hs[n]);
                        double lse = logSumExp(z, 0, k);
                        double m = 0;
                        for (int j = 0; j < k; j++) {
                            m += Math.exp(z[j] - lse) * z[k + j];
                        }
                        out[n] = m;
                    }
                    return out;
                }
            }
            """;

    static final String LSTM = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** An LSTM cell holding its weights: gates (i, f, g, o) stacked in rows of wx, wh, b. */
            public class Lstm {
                private final double[][] wx;
                private final double[][] wh;
                private final double[] b;
                private final int hidden;
                double readoutScale;

                public Lstm(double[][] wx, double[][] wh, double[] b, double readoutScale) {
                    this.wx = wx;
                    this.wh = wh;
                    this.b = b;
                    this.hidden = wh[0].length;
                    this.readoutScale = readoutScale;
                }

                private static double sigmoid(double x) {
                    return 1 / (1 + Math.exp(-x));
                }

                /** One step: returns (h', c') stacked. */
                @Differentiable(wrt = {"this", "x", "h", "c"})
                public double[] step(double[] x, double[] h, double[] c) {
                    int n = hidden;
                    double[] out = new double[2 * n];
                    for (int u = 0; u < n; u++) {
                        double[] pre = new double[4];
                        for (int g = 0; g < 4; g++) {
                            int row = g * n + u;
                            double s = b[row];
                            for (int j = 0; j < x.length; j++) {
                                s += wx[row][j] * x[j];
                            }
                            for (int j = 0; j < n; j++) {
                                s += wh[row][j] * h[j];
                            }
                            pre[g] = s;
                        }
                        double cNew = sigmoid(pre[1]) * c[u] + sigmoid(pre[0]) * Math.tanh(pre[2]);
                        out[n + u] = cNew;
                        out[u] = sigmoid(pre[3]) * Math.tanh(cNew);
                    }
                    return out;
                }

                /** Squared error of the scaled final hidden state's sum against a target, over a sequence. */
                @Differentiable(wrt = "this")
                public double sequenceLoss(double[][] xs, double target) {
                    double[] h = new double[hidden];
                    double[] c = new double[hidden];
                    for (double[] x : xs) {
                        double[] hc = step(x, h, c);
                        for (int u = 0; u < hidden; u++) {
                            h[u] = hc[u];
                            c[u] = hc[hidden + u];
                        }
                    }
                    double s = 0;
                    for (double v : h) {
                        s += v;
                    }
                    double e = readoutScale * s - target;
                    return e * e;
                }
            }
            """;

    static final String SPRINGS = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Per-bar residuals of a spring network, for a sparse Gauss-Newton Jacobian. */
            public final class Springs {
                private Springs() {}

                /** sqrt(k) (|p_j - p_i| - rest) for ends = (xi, yi, xj, yj): a 1 x 4 block. */
                @Differentiable(wrt = "ends")
                public static double[] barResidual(double[] ends, double rest, double k) {
                    double len = Math.hypot(ends[2] - ends[0], ends[3] - ends[1]);
                    return new double[] {Math.sqrt(k) * (len - rest)};
                }

                /** The residual vector of the whole network (the oracle's function). */
                public static double[] residuals(double[] xy, int[][] bars, double[] rest, double[] k) {
                    double[] r = new double[bars.length];
                    for (int e = 0; e < bars.length; e++) {
                        int i = bars[e][0], j = bars[e][1];
                        r[e] = barResidual(new double[] {xy[2 * i], xy[2 * i + 1], xy[2 * j], xy[2 * j + 1]}, rest[e], k[e])[0];
                    }
                    return r;
                }

                @Differentiable(wrt = "w")
                public static double tanhLoss(double[] w, double[] x) {
                    double s = 0;
                    for (int i = 0; i < w.length; i++) {
                        s += Math.tanh(w[i] * x[i]);
                    }
                    return s * s + Math.exp(-w[0]);
                }
            }
            """;
}
