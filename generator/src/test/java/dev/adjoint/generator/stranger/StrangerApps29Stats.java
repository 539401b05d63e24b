package dev.adjoint.generator.stranger;

/**
 * Econometrics, survival analysis, Bayesian models, a recommender and graph smoothing of {@link StrangerApps29Test},
 * written from the README alone (session 29).
 */
final class StrangerApps29Stats {
    private StrangerApps29Stats() {}

    /** Helpers of another class: a log-sum-exp over an array and a normal log-density. */
    static final String NUM_UTIL = """
            package stranger;

            public final class NumUtil {
                private NumUtil() {}

                public static final double LOG_SQRT_2PI = 0.9189385332046728;

                public static double logSumExp(double[] v, int n) {
                    double m = Double.NEGATIVE_INFINITY;
                    for (int i = 0; i < n; i++) m = Math.max(m, v[i]);
                    double s = 0;
                    for (int i = 0; i < n; i++) s += Math.exp(v[i] - m);
                    return m + Math.log(s);
                }

                public static double normalLogPdf(double x, double mu, double sigma) {
                    double z = (x - mu) / sigma;
                    return -0.5 * z * z - Math.log(sigma) - LOG_SQRT_2PI;
                }
            }
            """;

    static final String ECON = """
            package stranger;

            import dev.adjoint.CustomDerivative;
            import dev.adjoint.Differentiable;
            import dev.adjoint.DoubleGrad;
            import java.util.Arrays;

            /** Volatility and limited-dependent-variable likelihoods. */
            public final class Econ {
                private Econ() {}

                /** GARCH(1,1) negative log-likelihood; the guard rejects a non-stationary point. */
                @Differentiable(wrt = {"omega", "alpha", "beta"})
                public static double garchNll(double omega, double alpha, double beta, double[] r) {
                    if (alpha + beta >= 1 || omega <= 0) {
                        throw new IllegalArgumentException("not stationary: alpha + beta = " + (alpha + beta));
                    }
                    double h = omega / (1 - alpha - beta);
                    double nll = 0;
                    for (int t = 0; t < r.length; t++) {
                        nll += 0.5 * (Math.log(h) + r[t] * r[t] / h);
                        h = omega + alpha * r[t] * r[t] + beta * h;
                    }
                    return nll;
                }

                /** ARMA(p, q) conditional sum of squares, the residuals in a buffer cleared with Arrays.fill. */
                @Differentiable(wrt = {"phi", "theta", "mu"})
                public static double armaCss(double[] phi, double[] theta, double mu, double[] y) {
                    double[] eps = new double[y.length];
                    Arrays.fill(eps, 0.0);
                    int p = phi.length, q = theta.length;
                    double css = 0;
                    for (int t = Math.max(p, q); t < y.length; t++) {
                        double pred = mu;
                        for (int i = 1; i <= p; i++) pred += phi[i - 1] * (y[t - i] - mu);
                        for (int j = 1; j <= q; j++) pred += theta[j - 1] * eps[t - j];
                        eps[t] = y[t] - pred;
                        css += eps[t] * eps[t];
                    }
                    return css;
                }

                static final double[] AS = {0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429};

                /** Standard normal CDF through Abramowitz-Stegun 7.1.26 (error 1.5e-7). */
                public static double phi(double x) {
                    double z = Math.abs(x) / Math.sqrt(2);
                    double t = 1 / (1 + 0.3275911 * z);
                    double poly = 0;
                    for (int k = AS.length - 1; k >= 0; k--) poly = poly * t + AS[k];
                    double erfc = poly * t * Math.exp(-z * z);
                    return x >= 0 ? 1 - 0.5 * erfc : 0.5 * erfc;
                }

                /** The exact derivative, the normal density, instead of the approximation's. */
                @CustomDerivative(of = "phi")
                public static double phiPullback(double x, double seed, DoubleGrad dx) {
                    dx.add(seed * Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI));
                    return phi(x);
                }

                /** Probit regression over int[] outcomes, through the custom derivative. */
                @Differentiable(wrt = "b")
                public static double probitNll(double[] b, double[][] X, int[] y) {
                    double nll = 0;
                    for (int i = 0; i < X.length; i++) {
                        double xb = 0;
                        for (int j = 0; j < b.length; j++) xb += X[i][j] * b[j];
                        double p = phi(xb);
                        nll -= y[i] == 1 ? Math.log(p) : Math.log(1 - p);
                    }
                    return nll;
                }

                /** Tobit (censored at zero) with the scale on the log axis. */
                @Differentiable(wrt = {"b", "logSigma"})
                public static double tobitNll(double[] b, double logSigma, double[][] X, double[] y) {
                    double sigma = Math.exp(logSigma);
                    double nll = 0;
                    for (int i = 0; i < y.length; i++) {
                        double xb = 0;
                        for (int j = 0; j < b.length; j++) xb += X[i][j] * b[j];
                        if (y[i] <= 0) {
                            nll -= Math.log(phi(-xb / sigma));
                        } else {
                            nll -= NumUtil.normalLogPdf(y[i], xb, sigma);
                        }
                    }
                    return nll;
                }
            }
            """;

    static final String SURV = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Parametric survival models. */
            public final class Surv {
                private Surv() {}

                /** Weibull accelerated failure time with right censoring (event[i] false: censored). */
                @Differentiable(wrt = {"b", "logK"})
                public static double weibullAft(double[] b, double logK, double[][] X, double[] t, boolean[] event) {
                    double k = Math.exp(logK);
                    double ll = 0;
                    for (int i = 0; i < t.length; i++) {
                        double eta = 0;
                        for (int j = 0; j < b.length; j++) eta += X[i][j] * b[j];
                        double z = k * (Math.log(t[i]) - eta);
                        double logS = -Math.exp(z);
                        ll += logS;
                        if (event[i]) ll += logK + z - Math.log(t[i]);
                    }
                    return -ll;
                }

                /** Piecewise-constant hazard between cut points: cumulative hazard stops at t (a break). */
                @Differentiable(wrt = "logHaz")
                public static double piecewiseExp(double[] logHaz, double[] cuts, double[] t, int[] event) {
                    double nll = 0;
                    for (int i = 0; i < t.length; i++) {
                        double cum = 0;
                        int last = 0;
                        for (int k = 0; k < logHaz.length; k++) {
                            double lo = cuts[k];
                            double hi = k + 1 < cuts.length ? cuts[k + 1] : Double.POSITIVE_INFINITY;
                            last = k;
                            if (t[i] <= hi) {
                                cum += Math.exp(logHaz[k]) * (t[i] - lo);
                                break;
                            }
                            cum += Math.exp(logHaz[k]) * (hi - lo);
                        }
                        nll += cum - event[i] * logHaz[last];
                    }
                    return nll;
                }

                /** Gompertz with log parameters, in float. */
                @Differentiable(wrt = {"logA", "logB"})
                public static float gompertz(float logA, float logB, float[] t, boolean[] dead) {
                    float a = (float) Math.exp(logA);
                    float bb = (float) Math.exp(logB);
                    float ll = 0;
                    for (int i = 0; i < t.length; i++) {
                        float cumH = a / bb * ((float) Math.exp(bb * t[i]) - 1);
                        ll -= cumH;
                        if (dead[i]) ll += logA + bb * t[i];
                    }
                    return -ll;
                }
            }
            """;

    static final String BAYES = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Log-posteriors. */
            public final class Bayes {
                private Bayes() {}

                static double logSigmoid(double z) {
                    return z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
                }

                /** Logistic regression, normal prior of scale tau on the weights, half-Cauchy prior on tau (log scale). */
                @Differentiable(wrt = {"w", "logTau"})
                public static double logPosterior(double[] w, double logTau, double[][] X, int[] y) {
                    double tau = Math.exp(logTau);
                    double lp = 0;
                    for (int i = 0; i < X.length; i++) {
                        double z = 0;
                        for (int j = 0; j < w.length; j++) z += X[i][j] * w[j];
                        lp += y[i] == 1 ? logSigmoid(z) : logSigmoid(-z);
                    }
                    for (double wj : w) lp += NumUtil.normalLogPdf(wj, 0, tau);
                    lp += -Math.log1p(tau * tau) + logTau; // half-Cauchy(1) plus the Jacobian of the log transform
                    return lp;
                }

                /** A 1-D Gaussian mixture's log-likelihood: weights by softmax, log-sum-exp of another class. */
                @Differentiable(wrt = {"logits", "mu", "logSig"})
                public static double mixture(double[] logits, double[] mu, double[] logSig, double[] x) {
                    int k = logits.length;
                    double[] logW = new double[k];
                    double norm = NumUtil.logSumExp(logits, k);
                    for (int c = 0; c < k; c++) logW[c] = logits[c] - norm;
                    double[] terms = new double[k];
                    double ll = 0;
                    for (double xi : x) {
                        for (int c = 0; c < k; c++) {
                            terms[c] = logW[c] + NumUtil.normalLogPdf(xi, mu[c], Math.exp(logSig[c]));
                        }
                        ll += NumUtil.logSumExp(terms, k);
                    }
                    return ll;
                }

                /** Eight schools, non-centred: theta_j = mu + tau * eta_j. */
                @Differentiable(wrt = {"eta", "mu", "logTau"})
                public static double eightSchools(double[] eta, double mu, double logTau, double[] y, double[] se) {
                    double tau = Math.exp(logTau);
                    double lp = NumUtil.normalLogPdf(mu, 0, 5) + Math.log(2) - Math.log1p(tau * tau / 25) + logTau;
                    for (int j = 0; j < y.length; j++) {
                        double theta = Math.fma(tau, eta[j], mu);
                        lp += -0.5 * eta[j] * eta[j];
                        lp += NumUtil.normalLogPdf(y[j], theta, se[j]);
                    }
                    return lp;
                }
            }
            """;

    static final String REC = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Recommenders over int[] index arrays. */
            public final class Rec {
                private Rec() {}

                /** Biased matrix factorisation with L2 regularisation on the rows touched. */
                @Differentiable(wrt = {"U", "V", "bu", "bi", "mu"})
                public static double mfLoss(double[][] U, double[][] V, double[] bu, double[] bi, double mu,
                        int[] users, int[] items, double[] ratings, double lambda) {
                    double loss = 0;
                    for (int k = 0; k < ratings.length; k++) {
                        double[] pu = U[users[k]];
                        double[] qi = V[items[k]];
                        double pred = mu + bu[users[k]] + bi[items[k]];
                        for (int f = 0; f < pu.length; f++) pred += pu[f] * qi[f];
                        double e = ratings[k] - pred;
                        loss += e * e;
                        for (int f = 0; f < pu.length; f++) loss += lambda * (pu[f] * pu[f] + qi[f] * qi[f]);
                    }
                    return loss;
                }

                /** Bayesian personalised ranking over (user, positive, negative) triples. */
                @Differentiable(wrt = {"U", "V"})
                public static double bpr(double[][] U, double[][] V, int[][] triples) {
                    double loss = 0;
                    for (int[] tr : triples) {
                        double x = 0;
                        for (int f = 0; f < U[0].length; f++) x += U[tr[0]][f] * (V[tr[1]][f] - V[tr[2]][f]);
                        loss += Math.log1p(Math.exp(-x));
                    }
                    return loss;
                }
            }
            """;

    static final String GRAPH = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Smoothing over adjacency lists. */
            public final class Graph {
                private Graph() {}

                /** Personalised-PageRank-like propagation of scores, then a squared loss on labelled nodes. */
                @Differentiable(wrt = "x0")
                public static double propagate(double[] x0, int[][] adj, double alpha, int iters, int[] labelled, double[] target) {
                    int n = x0.length;
                    double[] cur = x0.clone();
                    double[] nxt = new double[n];
                    for (int it = 0; it < iters; it++) {
                        for (int v = 0; v < n; v++) {
                            double s = 0;
                            for (int u : adj[v]) s += cur[u] / adj[u].length;
                            nxt[v] = (1 - alpha) * x0[v] + alpha * s;
                        }
                        double[] t = cur;
                        cur = nxt;
                        nxt = t;
                    }
                    double loss = 0;
                    for (int k = 0; k < labelled.length; k++) {
                        double d = cur[labelled[k]] - target[k];
                        loss += d * d;
                    }
                    return loss;
                }

                /** Weighted graph Laplacian regulariser plus a fit term. */
                @Differentiable(wrt = {"f", "w"})
                public static double laplacian(double[] f, double[] w, int[][] edges, double[] y) {
                    double r = 0;
                    for (int e = 0; e < edges.length; e++) {
                        double d = f[edges[e][0]] - f[edges[e][1]];
                        r += w[e] * d * d;
                    }
                    for (int i = 0; i < f.length; i++) r += (f[i] - y[i]) * (f[i] - y[i]);
                    return r;
                }

                /** One graph-convolution layer with mean aggregation, tanh, then a readout. */
                @Differentiable(wrt = {"W", "H"})
                public static double gcn(double[][] H, double[][] W, int[][] adj, double[] readout) {
                    int n = H.length, d = W.length, o = W[0].length;
                    double out = 0;
                    double[] agg = new double[d];
                    for (int v = 0; v < n; v++) {
                        for (int a = 0; a < d; a++) agg[a] = H[v][a];
                        for (int u : adj[v]) {
                            for (int a = 0; a < d; a++) agg[a] += H[u][a];
                        }
                        for (int a = 0; a < d; a++) agg[a] /= adj[v].length + 1;
                        for (int b = 0; b < o; b++) {
                            double z = 0;
                            for (int a = 0; a < d; a++) z += agg[a] * W[a][b];
                            out += readout[b] * Math.tanh(z);
                        }
                    }
                    return out / n;
                }
            }
            """;
}
