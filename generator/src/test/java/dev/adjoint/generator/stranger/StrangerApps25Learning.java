package dev.adjoint.generator.stranger;

/**
 * The machine-learning and sequence programs of {@link StrangerApps25Test}, written from the README alone (session 25)
 * as a developer new to Adjoint would write them; see the test for what each checks.
 */
final class StrangerApps25Learning {
    private StrangerApps25Learning() {}

    static final String GRU = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A GRU cell holding its weights, unrolled over a sequence; a linear readout. */
            public class Gru {
                private final double[][] wz, uz, wr, ur, wh, uh;
                private final double[] bz, br, bh;
                private final double[] readout;
                private double bias;
                private final int hidden;

                public Gru(int in, int hidden, long seed) {
                    var rng = new java.util.Random(seed);
                    this.hidden = hidden;
                    wz = fill(rng, hidden, in); uz = fill(rng, hidden, hidden);
                    wr = fill(rng, hidden, in); ur = fill(rng, hidden, hidden);
                    wh = fill(rng, hidden, in); uh = fill(rng, hidden, hidden);
                    bz = fill(rng, 1, hidden)[0]; br = fill(rng, 1, hidden)[0]; bh = fill(rng, 1, hidden)[0];
                    readout = fill(rng, 1, hidden)[0];
                    bias = 0.1;
                }

                private static double[][] fill(java.util.Random rng, int m, int n) {
                    double[][] a = new double[m][n];
                    for (double[] row : a) {
                        for (int j = 0; j < n; j++) {
                            row[j] = 0.5 * rng.nextGaussian();
                        }
                    }
                    return a;
                }

                private static double sigmoid(double x) {
                    return 1 / (1 + Math.exp(-x));
                }

                private double gate(double[][] w, double[][] u, double[] b, double[] x, double[] h, int i) {
                    double s = b[i];
                    for (int j = 0; j < x.length; j++) {
                        s += w[i][j] * x[j];
                    }
                    for (int j = 0; j < hidden; j++) {
                        s += u[i][j] * h[j];
                    }
                    return s;
                }

                /** Squared error of the readout after each step against targets. */
                @Differentiable(wrt = "this")
                public double sequenceLoss(double[][] xs, double[] targets) {
                    double[] h = new double[hidden];
                    double[] rh = new double[hidden];
                    double[] z = new double[hidden];
                    double loss = 0;
                    for (int t = 0; t < xs.length; t++) {
                        double[] x = xs[t];
                        for (int i = 0; i < hidden; i++) {
                            z[i] = sigmoid(gate(wz, uz, bz, x, h, i));
                            rh[i] = sigmoid(gate(wr, ur, br, x, h, i)) * h[i];
                        }
                        double[] cand = new double[hidden];
                        for (int i = 0; i < hidden; i++) {
                            cand[i] = Math.tanh(gate(wh, uh, bh, x, rh, i));
                        }
                        for (int i = 0; i < hidden; i++) {
                            h[i] = (1 - z[i]) * h[i] + z[i] * cand[i];
                        }
                        double y = bias;
                        for (int i = 0; i < hidden; i++) {
                            y += readout[i] * h[i];
                        }
                        double e = y - targets[t];
                        loss += e * e;
                    }
                    return loss / xs.length;
                }
            }
            """;

    static final String LEARNING = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** ML losses: attention, factorization machine, robust losses, batch norm, GP likelihood. */
            public final class Learning {
                private Learning() {}

                /** Single-head attention for one query: softmax of scaled dot products, then a weighted sum; squared error to a target. */
                @Differentiable(wrt = {"q", "keys", "values"})
                public static double attention(double[] q, double[][] keys, double[][] values, double[] target) {
                    int n = keys.length;
                    int d = q.length;
                    double scale = 1 / Math.sqrt(d);
                    double[] logits = new double[n];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int i = 0; i < n; i++) {
                        double s = 0;
                        for (int k = 0; k < d; k++) {
                            s += q[k] * keys[i][k];
                        }
                        logits[i] = s * scale;
                        max = Math.max(max, logits[i]);
                    }
                    double z = 0;
                    for (int i = 0; i < n; i++) {
                        logits[i] = Math.exp(logits[i] - max);
                        z += logits[i];
                    }
                    double loss = 0;
                    for (int k = 0; k < values[0].length; k++) {
                        double o = 0;
                        for (int i = 0; i < n; i++) {
                            o += logits[i] / z * values[i][k];
                        }
                        loss += (o - target[k]) * (o - target[k]);
                    }
                    return loss;
                }

                /** Factorization machine prediction for one sparse row (indices and values). */
                @Differentiable(wrt = {"w0", "w", "v"})
                public static double fmPredict(double w0, double[] w, double[][] v, int[] idx, double[] val) {
                    double y = w0;
                    for (int a = 0; a < idx.length; a++) {
                        y += w[idx[a]] * val[a];
                    }
                    int k = v[0].length;
                    for (int f = 0; f < k; f++) {
                        double s = 0, s2 = 0;
                        for (int a = 0; a < idx.length; a++) {
                            double t = v[idx[a]][f] * val[a];
                            s += t;
                            s2 += t * t;
                        }
                        y += 0.5 * (s * s - s2);
                    }
                    return y;
                }

                /** Logistic loss of the FM over a batch, each row given by an int[][] of indices. */
                @Differentiable(wrt = {"w0", "w", "v"})
                public static double fmLoss(double w0, double[] w, double[][] v, int[][] rows, double[][] vals, int[] labels) {
                    double loss = 0;
                    for (int r = 0; r < rows.length; r++) {
                        double m = fmPredict(w0, w, v, rows[r], vals[r]);
                        double sign = labels[r] == 1 ? 1 : -1;
                        loss += Math.log1p(Math.exp(-sign * m));
                    }
                    return loss / rows.length;
                }

                enum Robust { HUBER, QUANTILE, LOG_COSH }

                static final double DELTA = 1.0;

                static double huber(double r) {
                    double a = Math.abs(r);
                    if (a <= DELTA) {
                        return 0.5 * r * r;
                    }
                    return DELTA * (a - 0.5 * DELTA);
                }

                /** Linear model fitted with a robust loss chosen by an enum. */
                @Differentiable(wrt = "beta")
                public static double robustLoss(double[] beta, double[][] X, double[] y, Robust kind, double tau) {
                    double total = 0;
                    int i = 0;
                    for (double[] row : X) {
                        double pred = 0;
                        for (int j = 0; j < beta.length; j++) {
                            pred += beta[j] * row[j];
                        }
                        double r = y[i++] - pred;
                        total += switch (kind) {
                            case HUBER -> huber(r);
                            case QUANTILE -> r >= 0 ? tau * r : (tau - 1) * r;
                            case LOG_COSH -> Math.log(Math.cosh(r));
                        };
                    }
                    return total / X.length;
                }

                /** Batch normalisation of a batch (rows are samples) with gamma and beta; an array result. */
                @Differentiable(wrt = {"x", "gamma", "beta"})
                public static double[] batchNorm(double[][] x, double[] gamma, double[] beta, double eps) {
                    int n = x.length;
                    int d = gamma.length;
                    double[] out = new double[n * d];
                    for (int j = 0; j < d; j++) {
                        double mean = 0;
                        for (int i = 0; i < n; i++) {
                            mean += x[i][j];
                        }
                        mean /= n;
                        double var = 0;
                        for (int i = 0; i < n; i++) {
                            var += (x[i][j] - mean) * (x[i][j] - mean);
                        }
                        var /= n;
                        double inv = 1 / Math.sqrt(var + eps);
                        for (int i = 0; i < n; i++) {
                            out[i * d + j] = gamma[j] * (x[i][j] - mean) * inv + beta[j];
                        }
                    }
                    return out;
                }

                record Kernel(double logEll, double logAmp, double logNoise) {}

                static double sqExp(Kernel k, double a, double b) {
                    double ell = Math.exp(k.logEll());
                    double d = (a - b) / ell;
                    return Math.exp(2 * k.logAmp()) * Math.exp(-0.5 * d * d);
                }

                /** Negative log marginal likelihood of a 1-D GP, Cholesky written by hand. */
                @Differentiable(wrt = "k")
                public static double gpNll(Kernel k, double[] x, double[] y) {
                    int n = x.length;
                    double[][] L = new double[n][n];
                    double noise = Math.exp(2 * k.logNoise());
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j <= i; j++) {
                            double s = sqExp(k, x[i], x[j]);
                            if (i == j) {
                                s += noise;
                            }
                            for (int m = 0; m < j; m++) {
                                s -= L[i][m] * L[j][m];
                            }
                            if (i == j) {
                                if (s <= 0) {
                                    throw new ArithmeticException("not positive definite at " + i);
                                }
                                L[i][i] = Math.sqrt(s);
                            } else {
                                L[i][j] = s / L[j][j];
                            }
                        }
                    }
                    double[] alpha = new double[n];
                    for (int i = 0; i < n; i++) {
                        double s = y[i];
                        for (int m = 0; m < i; m++) {
                            s -= L[i][m] * alpha[m];
                        }
                        alpha[i] = s / L[i][i];
                    }
                    double nll = 0.5 * n * Math.log(2 * Math.PI);
                    for (int i = 0; i < n; i++) {
                        nll += 0.5 * alpha[i] * alpha[i] + Math.log(L[i][i]);
                    }
                    return nll;
                }
            }
            """;

    static final String SEQUENCES = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Sequence models with dynamic programming tables: soft-DTW, an HMM forward pass, a soft decision tree. */
            public final class Sequences {
                private Sequences() {}

                static double softMin3(double a, double b, double c, double gamma) {
                    double m = Math.min(a, Math.min(b, c));
                    double s = Math.exp(-(a - m) / gamma) + Math.exp(-(b - m) / gamma) + Math.exp(-(c - m) / gamma);
                    return m - gamma * Math.log(s);
                }

                /** Soft-DTW discrepancy between two 1-D series. */
                @Differentiable(wrt = {"x", "y"})
                public static double softDtw(double[] x, double[] y, double gamma) {
                    int n = x.length, m = y.length;
                    double[][] r = new double[n + 1][m + 1];
                    for (int i = 0; i <= n; i++) {
                        for (int j = 0; j <= m; j++) {
                            r[i][j] = 1e10;
                        }
                    }
                    r[0][0] = 0;
                    for (int i = 1; i <= n; i++) {
                        for (int j = 1; j <= m; j++) {
                            double d = x[i - 1] - y[j - 1];
                            r[i][j] = d * d + softMin3(r[i - 1][j], r[i][j - 1], r[i - 1][j - 1], gamma);
                        }
                    }
                    return r[n][m];
                }

                /** HMM log-likelihood by the forward algorithm in log space; transitions and emissions as logits. */
                @Differentiable(wrt = {"transLogits", "emitLogits"})
                public static double hmmLogLik(double[][] transLogits, double[][] emitLogits, double[] initLogits, int[] obs) {
                    int k = transLogits.length;
                    double[][] logA = new double[k][k];
                    double[][] logB = new double[k][emitLogits[0].length];
                    for (int i = 0; i < k; i++) {
                        logSoftmax(transLogits[i], logA[i]);
                        logSoftmax(emitLogits[i], logB[i]);
                    }
                    double[] logPi = new double[k];
                    logSoftmax(initLogits, logPi);
                    double[] alpha = new double[k];
                    double[] next = new double[k];
                    for (int i = 0; i < k; i++) {
                        alpha[i] = logPi[i] + logB[i][obs[0]];
                    }
                    for (int t = 1; t < obs.length; t++) {
                        for (int j = 0; j < k; j++) {
                            double max = Double.NEGATIVE_INFINITY;
                            for (int i = 0; i < k; i++) {
                                max = Math.max(max, alpha[i] + logA[i][j]);
                            }
                            double s = 0;
                            for (int i = 0; i < k; i++) {
                                s += Math.exp(alpha[i] + logA[i][j] - max);
                            }
                            next[j] = max + Math.log(s) + logB[j][obs[t]];
                        }
                        System.arraycopy(next, 0, alpha, 0, k);
                    }
                    double max = alpha[0];
                    for (int i = 1; i < k; i++) {
                        if (alpha[i] > max) {
                            max = alpha[i];
                        }
                    }
                    double s = 0;
                    for (double a : alpha) {
                        s += Math.exp(a - max);
                    }
                    return max + Math.log(s);
                }

                /** Writes log-softmax of z into out. */
                static void logSoftmax(double[] z, double[] out) {
                    double max = z[0];
                    for (int i = 1; i < z.length; i++) {
                        max = Math.max(max, z[i]);
                    }
                    double s = 0;
                    for (double v : z) {
                        s += Math.exp(v - max);
                    }
                    double lse = max + Math.log(s);
                    for (int i = 0; i < z.length; i++) {
                        out[i] = z[i] - lse;
                    }
                }

                static final int[] LEFT = {1, 3, 5, -1, -1, -1, -1};
                static final int[] RIGHT = {2, 4, 6, -1, -1, -1, -1};
                static final int[] FEATURE = {0, 1, 0, -1, -1, -1, -1};

                /** A soft decision tree of depth 2 traversed with an explicit stack; squared error over a batch. */
                @Differentiable(wrt = {"thresholds", "leaves", "temperature"})
                public static double softTree(double[] thresholds, double[] leaves, double temperature, double[][] X, double[] y) {
                    int[] nodeStack = new int[8];
                    double[] probStack = new double[8];
                    double loss = 0;
                    for (int n = 0; n < X.length; n++) {
                        int top = 0;
                        nodeStack[top] = 0;
                        probStack[top] = 1;
                        top++;
                        double pred = 0;
                        while (top > 0) {
                            top--;
                            int node = nodeStack[top];
                            double p = probStack[top];
                            if (LEFT[node] < 0) {
                                pred += p * leaves[node - 3];
                                continue;
                            }
                            double go = 1 / (1 + Math.exp(-(X[n][FEATURE[node]] - thresholds[node]) / temperature));
                            nodeStack[top] = LEFT[node];
                            probStack[top] = p * (1 - go);
                            top++;
                            nodeStack[top] = RIGHT[node];
                            probStack[top] = p * go;
                            top++;
                        }
                        double e = pred - y[n];
                        loss += e * e;
                    }
                    return loss / X.length;
                }
            }
            """;

    static final String COUNTS = """
            package stranger;

            import dev.adjoint.CustomDerivative;
            import dev.adjoint.DoubleGrad;
            import dev.adjoint.Differentiable;
            import java.util.List;

            /** Count data: a Poisson GLM over List<Obs>, with a softplus link given its own pullback. */
            public final class Counts {
                private Counts() {}

                record Obs(double dose, double age, int count) {}

                public static double softplus(double x) {
                    return x > 30 ? x : Math.log1p(Math.exp(x));
                }

                @CustomDerivative(of = "softplus")
                public static double softplusPullback(double x, double seed, DoubleGrad dx) {
                    dx.add(seed / (1 + Math.exp(-x)));
                    return softplus(x);
                }

                /** Negative log-likelihood (up to log k!) with mean softplus(b0 + b1 dose + b2 age). */
                @Differentiable(wrt = "beta")
                public static double poissonNll(double[] beta, List<Obs> data) {
                    double nll = 0;
                    for (Obs o : data) {
                        double mu = softplus(beta[0] + beta[1] * o.dose() + beta[2] * o.age());
                        nll += mu - o.count() * Math.log(mu);
                    }
                    return nll / data.size();
                }

                /** With an activation picked by name (string switch, classic fall-through). */
                @Differentiable(wrt = "beta")
                public static double namedLink(double[] beta, List<Obs> data, String link) {
                    double nll = 0;
                    for (int i = 0; i < data.size(); i++) {
                        Obs o = data.get(i);
                        double eta = beta[0] + beta[1] * o.dose() + beta[2] * o.age();
                        double mu;
                        switch (link) {
                            case "exp":
                                mu = Math.exp(eta);
                                break;
                            case "softplus":
                            case "smooth":
                                mu = softplus(eta);
                                break;
                            default:
                                throw new IllegalArgumentException("unknown link " + link);
                        }
                        nll += mu - o.count() * Math.log(mu);
                    }
                    return nll;
                }
            }
            """;
}
