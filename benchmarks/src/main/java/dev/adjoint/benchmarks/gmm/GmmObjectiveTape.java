package dev.adjoint.benchmarks.gmm;

import dev.adjoint.Differentiable;
import dev.adjoint.Strategy;
import dev.adjoint.samples.gmm.Gmm;
import dev.adjoint.samples.gmm.GmmInput;

/**
 * The GMM objective differentiated by the <b>tape</b> strategy (the build writes
 * {@code GmmObjectiveTapeAdjoint}), for {@code GmmBench.tapeGradient}.
 *
 * <p>The body is a verbatim copy of {@link Gmm#objective}, whose adjoint {@code GmmAdjoint} (static
 * strategy) the samples' build writes. The copy is deliberate: the strategy belongs to a method's
 * {@code @Differentiable}, so timing the tape on the same objective needs a second method that says
 * {@code strategy = TAPE}. {@code AgreementTest} checks that both return the same value, bit for bit;
 * change them together. See {@link GmmInput} for the layouts and {@link Gmm} for the formula.
 */
public final class GmmObjectiveTape {
    private GmmObjectiveTape() {}

    /**
     * The ADBench GMM objective {@code f}.
     *
     * @param alphas {@code K} mixture weights before the softmax
     * @param means {@code K·D} means, component-major
     * @param icf {@code K·D(D+1)/2}: per component {@code D} diagonal logs, then {@code Q}'s strictly
     *     lower part column by column
     * @param x {@code N·D} data points, point-major
     * @param d dimension {@code D}
     * @param k number of components {@code K}
     * @param n number of points {@code N}
     * @param gamma the Wishart prior's {@code γ}
     * @param m the Wishart prior's {@code m}
     * @return {@code f}
     */
    @Differentiable(
            wrt = {"alphas", "means", "icf"},
            strategy = Strategy.TAPE)
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
}
