package dev.adjoint.benchmarks.gmm;

import dev.adjoint.Differentiable;

/**
 * The ADBench GMM objective written the way ADBench's own C++ is structured: a {@code logsumexp}
 * helper over the per-point array of component terms (and over the weights), a {@code sqnorm}
 * helper, plain static methods without annotations that the generator differentiates because the
 * objective calls them. Issue 15's question: does this natural structure cost anything against
 * the inlined {@code dev.adjoint.samples.gmm.Gmm#objective}? The prior's normalising constant is
 * left out (it changes no gradient, and the benchmark compares gradients).
 */
public final class GmmWithHelpers {
    private GmmWithHelpers() {}

    /** {@code log Σ exp(v[i])} over the first {@code n} entries, shifted by their max. */
    static double logsumexp(double[] v, int n) {
        double mx = v[0];
        for (int i = 1; i < n; i++) {
            mx = Math.max(mx, v[i]);
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.exp(v[i] - mx);
        }
        return Math.log(s) + mx;
    }

    /** {@code ‖v‖²} over the first {@code n} entries. */
    static double sqnorm(double[] v, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += v[i] * v[i];
        }
        return s;
    }

    @Differentiable(wrt = {"alphas", "means", "icf"})
    public static double objective(
            double[] alphas, double[] means, double[] icf, double[] x, int d, int k, int n, double gamma, int m) {
        int icfSize = d * (d + 1) / 2;
        double[] qdiags = new double[k * d];
        double[] sumQs = new double[k];
        for (int c = 0; c < k; c++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                qdiags[c * d + j] = Math.exp(icf[c * icfSize + j]);
                s += icf[c * icfSize + j];
            }
            sumQs[c] = s;
        }
        double[] xc = new double[d];
        double[] qxc = new double[d];
        double[] mainTerm = new double[k];
        double slse = 0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) {
                    xc[j] = x[i * d + j] - means[c * d + j];
                }
                for (int j = 0; j < d; j++) {
                    qxc[j] = qdiags[c * d + j] * xc[j];
                }
                int li = c * icfSize + d;
                for (int a = 0; a < d; a++) {
                    for (int b = a + 1; b < d; b++) {
                        qxc[b] += icf[li] * xc[a];
                        li++;
                    }
                }
                mainTerm[c] = alphas[c] + sumQs[c] - 0.5 * sqnorm(qxc, d);
            }
            slse += logsumexp(mainTerm, k);
        }
        double prior = 0;
        for (int c = 0; c < k; c++) {
            double frobenius = 0;
            for (int j = 0; j < d; j++) {
                frobenius += qdiags[c * d + j] * qdiags[c * d + j];
            }
            for (int t = d; t < icfSize; t++) {
                frobenius += icf[c * icfSize + t] * icf[c * icfSize + t];
            }
            prior += 0.5 * gamma * gamma * frobenius - m * sumQs[c];
        }
        return -n * d * 0.5 * Math.log(2.0 * 3.14159265359) + slse - n * logsumexp(alphas, k) + prior;
    }
}
