package dev.adjoint.samples.gmm;

import dev.adjoint.Differentiable;

/**
 * The ADBench GMM objective: the log-likelihood of {@code N} points under a mixture of {@code K}
 * Gaussians in {@code D} dimensions, plus a Wishart prior on the inverse covariances.
 *
 * <p>With {@code Q_c} lower triangular, {@code exp(q_c[j])} on its diagonal and {@code l_c} below
 * it, so that {@code Q_cᵀQ_c} is component {@code c}'s inverse covariance:
 *
 * <pre>
 * z_ic = Q_c (x_i − μ_c)
 * b_ic = α_c + Σ_j q_c[j] − ½ |z_ic|²
 * f    = −N·D·½·ln(2π)
 *        + Σ_i logsumexp_c(b_ic)
 *        − N · logsumexp_c(α_c)
 *        + Σ_c [ ½γ² (Σ_j exp(q_c[j])² + Σ_t l_c[t]²) − m Σ_j q_c[j] ]
 *        − K · C(D, γ, m)
 * C    = n·D·(ln γ − ½ ln 2) − ( ¼·D(D−1)·ln π + Σ_{j=1..D} lnΓ(n/2 + (1−j)/2) ),   n = D + m + 1
 * logsumexp(v) = max(v) + ln Σ exp(v − max(v))
 * </pre>
 *
 * <p>Like ADBench's C++, {@code π} is the literal {@code 3.14159265359} everywhere except inside
 * {@code lnΓ}, which C's {@code lgamma} evaluates with the true {@code π}.
 */
public final class Gmm {
    private Gmm() {}

    /**
     * The GMM objective {@code f} (see the class comment), written as a user would write it: flat
     * arrays, nested loops, scratch arrays, logsumexp by its max.
     *
     * <p>This method is the generator's input, so it keeps to the shape the static strategy
     * supports: it calls nothing but {@code java.lang.Math}, has no early exit from a loop and no
     * {@code break}/{@code continue}. That is why logsumexp and the constant {@code C} are inlined
     * rather than factored into helpers.
     *
     * @param alphas {@code K} mixture weights before the softmax
     * @param means {@code K·D} means, component-major
     * @param icf {@code K·D(D+1)/2}: per component {@code D} diagonal logs, then {@code Q}'s strictly
     *     lower part column by column
     * @param x {@code N·D} data points, point-major
     * @param d dimension {@code D}
     * @param k number of components {@code K}
     * @param n number of points {@code N}
     * @param gamma the Wishart prior's {@code γ} (positive)
     * @param m the Wishart prior's {@code m} (non-negative)
     * @return {@code f}; equals ADBench's value to rounding
     */
    @Differentiable(wrt = {"alphas", "means", "icf"})
    public static double objective(
            double[] alphas, double[] means, double[] icf, double[] x, int d, int k, int n, double gamma, int m) {
        double pi = 3.14159265359; // ADBench's PI, not Math.PI: part of reproducing its numbers
        int icfSize = d * (d + 1) / 2;

        // Q's diagonal and the log-determinant of each Q, once, rather than once per point
        double[] qdiags = new double[k * d];
        double[] sumQs = new double[k];
        for (int c = 0; c < k; c++) {
            double s = 0.0;
            for (int j = 0; j < d; j++) {
                qdiags[c * d + j] = Math.exp(icf[c * icfSize + j]);
                s += icf[c * icfSize + j];
            }
            sumQs[c] = s;
        }

        double[] xc = new double[d]; // x_i − μ_c
        double[] qxc = new double[d]; // z_ic = Q_c (x_i − μ_c)
        double[] mainTerm = new double[k]; // b_ic for the current point
        double slse = 0.0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) {
                    xc[j] = x[i * d + j] - means[c * d + j];
                }
                for (int j = 0; j < d; j++) {
                    qxc[j] = qdiags[c * d + j] * xc[j];
                }
                // the strictly lower part, column a by column, as ADBench's Qtimesx reads it
                int li = c * icfSize + d;
                for (int a = 0; a < d; a++) {
                    for (int b = a + 1; b < d; b++) {
                        qxc[b] += icf[li] * xc[a];
                        li++;
                    }
                }
                double sq = 0.0;
                for (int j = 0; j < d; j++) {
                    sq += qxc[j] * qxc[j];
                }
                mainTerm[c] = alphas[c] + sumQs[c] - 0.5 * sq;
            }
            // logsumexp over the components, shifted by the max so exp cannot overflow
            double mx = mainTerm[0];
            for (int c = 1; c < k; c++) {
                if (mainTerm[c] > mx) {
                    mx = mainTerm[c];
                }
            }
            double semx = 0.0;
            for (int c = 0; c < k; c++) {
                semx += Math.exp(mainTerm[c] - mx);
            }
            slse += Math.log(semx) + mx;
        }

        // logsumexp of the alphas: the mixture weights' normaliser, once per point
        double amx = alphas[0];
        for (int c = 1; c < k; c++) {
            if (alphas[c] > amx) {
                amx = alphas[c];
            }
        }
        double asemx = 0.0;
        for (int c = 0; c < k; c++) {
            asemx += Math.exp(alphas[c] - amx);
        }
        double lseAlphas = Math.log(asemx) + amx;

        // Wishart prior: ½γ²‖Q_c‖²_F − m·ln det Q_c per component
        double prior = 0.0;
        for (int c = 0; c < k; c++) {
            double frobenius = 0.0;
            for (int j = 0; j < d; j++) {
                frobenius += qdiags[c * d + j] * qdiags[c * d + j];
            }
            for (int t = d; t < icfSize; t++) {
                frobenius += icf[c * icfSize + t] * icf[c * icfSize + t];
            }
            prior += 0.5 * gamma * gamma * frobenius - m * sumQs[c];
        }

        // The prior's normaliser C (a constant). lnΓ is needed only at t/2 for integers t ≥ 2,
        // where Γ(t/2) = (t/2 − 1)(t/2 − 2)···, ending at Γ(1) = 1 or Γ(½) = √π.
        int wn = d + m + 1;
        double lnGammaSum = 0.0;
        for (int j = 1; j <= d; j++) {
            int t = wn + 1 - j; // lnΓ(wn/2 + (1 − j)/2) = lnΓ(t/2)
            for (int s = 1; s < (t + 1) / 2; s++) {
                lnGammaSum += Math.log(0.5 * t - s);
            }
            if (t % 2 == 1) {
                lnGammaSum += 0.5 * Math.log(3.141592653589793); // ln Γ(½), with lgamma's true π
            }
        }
        double logGammaDistrib = 0.25 * d * (d - 1) * Math.log(pi) + lnGammaSum;
        double wishartC = wn * d * (Math.log(gamma) - 0.5 * Math.log(2.0)) - logGammaDistrib;

        double constant = -n * d * 0.5 * Math.log(2.0 * pi);
        return constant + slse - n * lseAlphas + (prior - k * wishartC);
    }

    /** {@link #objective} of an instance. */
    public static double objective(GmmInput in) {
        return objective(in.alphas(), in.means(), in.icf(), in.x(), in.d(), in.k(), in.n(), in.gamma(), in.m());
    }

    /**
     * {@link #objective} of {@code in}'s data at the parameters {@code p}, given in the gradient
     * layout {@code [alphas | means | icf]}: the function a gradient checker perturbs.
     */
    public static double objectiveAt(GmmInput in, double[] p) {
        return objective(in.withParameters(p));
    }

    /**
     * ADBench's Wishart normaliser {@code C(D, γ, m)} for one component (the objective subtracts
     * {@code K·C}); it does not depend on the parameters, so it shifts {@code f} but not the gradient.
     * For code that is not the generator's input, such as the hand-written gradient.
     */
    public static double wishartConstant(int d, double gamma, int m) {
        int wn = d + m + 1;
        double logGammaDistrib = 0.25 * d * (d - 1) * Math.log(3.14159265359);
        for (int j = 1; j <= d; j++) {
            logGammaDistrib += lnGammaHalf(wn + 1 - j);
        }
        return wn * d * (Math.log(gamma) - 0.5 * Math.log(2.0)) - logGammaDistrib;
    }

    /**
     * {@code lnΓ(t/2)} for an integer {@code t ≥ 1}, by {@code Γ(z) = (z−1)Γ(z−1)} down to
     * {@code Γ(1) = 1} or {@code Γ(½) = √π}: exact up to rounding, with no series approximation.
     */
    static double lnGammaHalf(int t) {
        if (t < 1) {
            throw new IllegalArgumentException("lnΓ(t/2) needs t >= 1, got " + t);
        }
        double sum = t % 2 == 1 ? 0.5 * Math.log(Math.PI) : 0.0;
        for (int s = 1; s < (t + 1) / 2; s++) {
            sum += Math.log(0.5 * t - s);
        }
        return sum;
    }
}
