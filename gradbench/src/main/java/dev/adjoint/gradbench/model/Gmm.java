package dev.adjoint.gradbench.model;

import dev.adjoint.Differentiable;

/**
 * GradBench's {@code gmm} eval: the log-posterior of a Gaussian mixture with a Wishart prior.
 * Component {@code c}'s inverse covariance is {@code Q_cᵀQ_c}, {@code Q_c} lower triangular with
 * {@code exp(q_c)} on its diagonal and {@code l_c} below it, column by column:
 *
 * <pre>
 * f = −½·n·d·ln 2π + Σ_i logsumexp_c(α_c + Σ_j q_cj − ½|Q_c(x_i − μ_c)|²) − n·logsumexp(α)
 *     − Σ_c [ ½γ²(Σ_j exp(q_cj)² + Σ_t l_ct²) − m Σ_j q_cj ] + k·C(d, γ, m)
 * C = p·d·(ln γ − ½ ln 2) − ln Γ_d(p/2),   p = d + m + 1
 * </pre>
 *
 * Arrays are flat, row-major: {@code mu[c*d + j]}, {@code q[c*d + j]}, {@code l[c*d(d−1)/2 + t]},
 * {@code x[i*d + j]}.
 */
public final class Gmm {
    private Gmm() {}

    @Differentiable(wrt = {"alpha", "mu", "q", "l"})
    public static double objective(
            double[] alpha, double[] mu, double[] q, double[] l, double[] x, int d, int k, int n, double gamma, int m) {
        int lSize = d * (d - 1) / 2;
        double[] qdiag = new double[k * d]; // exp(q): Q's diagonal
        double[] sumQ = new double[k]; // ln det Q_c
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                qdiag[c * d + j] = Math.exp(q[c * d + j]);
                sumQ[c] += q[c * d + j];
            }
        }

        double[] xc = new double[d]; // x_i − μ_c
        double[] z = new double[d]; // Q_c (x_i − μ_c)
        double[] terms = new double[k]; // the point's log-likelihood per component
        double slse = 0.0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) {
                    xc[j] = x[i * d + j] - mu[c * d + j];
                }
                for (int j = 0; j < d; j++) {
                    z[j] = qdiag[c * d + j] * xc[j];
                }
                int t = c * lSize;
                for (int a = 0; a < d; a++) {
                    for (int b = a + 1; b < d; b++) {
                        z[b] += l[t] * xc[a];
                        t++;
                    }
                }
                double sq = 0.0;
                for (int j = 0; j < d; j++) {
                    sq += z[j] * z[j];
                }
                terms[c] = alpha[c] + sumQ[c] - 0.5 * sq;
            }
            double max = terms[0];
            for (int c = 1; c < k; c++) {
                max = Math.max(max, terms[c]);
            }
            double sum = 0.0;
            for (int c = 0; c < k; c++) {
                sum += Math.exp(terms[c] - max);
            }
            slse += Math.log(sum) + max;
        }

        double alphaMax = alpha[0];
        for (int c = 1; c < k; c++) {
            alphaMax = Math.max(alphaMax, alpha[c]);
        }
        double alphaSum = 0.0;
        for (int c = 0; c < k; c++) {
            alphaSum += Math.exp(alpha[c] - alphaMax);
        }
        double lseAlpha = Math.log(alphaSum) + alphaMax;

        double prior = 0.0;
        for (int c = 0; c < k; c++) {
            double frobenius = 0.0;
            for (int j = 0; j < d; j++) {
                frobenius += qdiag[c * d + j] * qdiag[c * d + j];
            }
            for (int t = 0; t < lSize; t++) {
                frobenius += l[c * lSize + t] * l[c * lSize + t];
            }
            prior += 0.5 * gamma * gamma * frobenius - m * sumQ[c];
        }

        // C: ln Γ_d(p/2) = ¼d(d−1) ln π + Σ_{j=1..d} ln Γ((p + 1 − j)/2), each Γ(t/2) by
        // Γ(z) = (z − 1)Γ(z − 1) down to Γ(1) = 1 or Γ(½) = √π
        int p = d + m + 1;
        double lnGamma = 0.25 * d * (d - 1) * Math.log(Math.PI);
        for (int j = 1; j <= d; j++) {
            int t = p + 1 - j;
            for (int s = 1; s < (t + 1) / 2; s++) {
                lnGamma += Math.log(0.5 * t - s);
            }
            if (t % 2 == 1) {
                lnGamma += 0.5 * Math.log(Math.PI);
            }
        }
        double wishartC = p * d * (Math.log(gamma) - 0.5 * Math.log(2.0)) - lnGamma;

        return -0.5 * n * d * Math.log(2.0 * Math.PI) + slse - n * lseAlpha - prior + k * wishartC;
    }
}
