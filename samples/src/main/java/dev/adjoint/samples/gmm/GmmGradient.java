package dev.adjoint.samples.gmm;

/**
 * The GMM objective's gradient in closed form, written by hand the way an expert writes it: one
 * forward sweep over the points that keeps only running sums, then a few {@code O(K·D²)} finishing
 * steps. It is the oracle generated gradients are checked against and the speed anchor they are
 * benchmarked against ("hand-written" in ADBench's tables).
 *
 * <p>With {@code w_ic = softmax_c(b_ic)} the responsibility of component {@code c} for point
 * {@code i}, {@code xc_ic = x_i − μ_c}, {@code z_ic = Q_c xc_ic} (notation of {@link Gmm}):
 *
 * <pre>
 * ∂f/∂α_c      = Σ_i w_ic − N·softmax(α)_c
 * ∂f/∂μ_c      = Q_cᵀ Σ_i w_ic z_ic                    (∂(−½|Q(x−μ)|²)/∂μ = Qᵀz)
 * ∂f/∂q_c[j]   = Σ_i w_ic − e^{q_c[j]} Σ_i w_ic z_icj xc_icj + γ² e^{2q_c[j]} − m
 * ∂f/∂L_c[b,a] = −Σ_i w_ic z_icb xc_ica + γ² L_c[b,a]      (b > a; stored column by column)
 * </pre>
 *
 * <p>The sums over {@code i} are linear in what each point contributes, so the mean gradient needs
 * only {@code Σ_i w_ic z_ic} (multiplied by {@code Q_cᵀ} once at the end, not once per point), and
 * per point and component the work is one triangular product forward and one triangular outer
 * product back: about twice the objective's cost.
 */
public final class GmmGradient {
    private GmmGradient() {}

    /**
     * Writes the gradient of {@link Gmm#objective} at {@code in} into {@code out} and returns the
     * objective. Unlike generated adjoints, which add into their buffers, this oracle
     * <em>overwrites</em> {@code out}, as ADBench's hand-written gradient does.
     *
     * @param out {@code K + K·D + K·D(D+1)/2} values, laid out {@code [d alphas | d means | d icf]}
     * @return {@code f}, equal to {@link Gmm#objective} up to rounding
     */
    public static double gradient(GmmInput in, double[] out) {
        int d = in.d();
        int k = in.k();
        int n = in.n();
        double[] alphas = in.alphas();
        double[] means = in.means();
        double[] icf = in.icf();
        double[] x = in.x();
        double gamma = in.gamma();
        int m = in.m();
        if (out.length != in.parameterCount()) {
            throw new IllegalArgumentException("out must have " + in.parameterCount() + " values, got " + out.length);
        }
        int icfSize = GmmInput.icfSize(d);
        int meansOff = k;
        int icfOff = k + k * d;
        java.util.Arrays.fill(out, 0.0);

        double[] qdiags = new double[k * d];
        double[] sumQs = new double[k];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                qdiags[c * d + j] = Math.exp(icf[c * icfSize + j]);
                sumQs[c] += icf[c * icfSize + j];
            }
        }

        // per point: x_i − μ_c and z_ic for every c, kept until the point's responsibilities are known
        double[] xcs = new double[k * d];
        double[] zs = new double[k * d];
        double[] b = new double[k];
        // running sums over the points
        double[] wSum = new double[k]; // Σ_i w_ic
        double[] wzSum = new double[k * d]; // Σ_i w_ic z_ic
        // Σ_i w_ic z_icj xc_icj for the diagonal and Σ_i w_ic z_icb xc_ica below it accumulate,
        // negated, in out's icf part, which has exactly that shape

        double slse = 0.0;
        for (int i = 0; i < n; i++) {
            int xi = i * d;
            double mx = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                int cd = c * d;
                for (int j = 0; j < d; j++) {
                    double v = x[xi + j] - means[cd + j];
                    xcs[cd + j] = v;
                    zs[cd + j] = qdiags[cd + j] * v;
                }
                int li = c * icfSize + d;
                for (int a = 0; a < d; a++) {
                    double xa = xcs[cd + a];
                    for (int r = a + 1; r < d; r++) {
                        zs[cd + r] += icf[li++] * xa;
                    }
                }
                double sq = 0.0;
                for (int j = 0; j < d; j++) {
                    sq += zs[cd + j] * zs[cd + j];
                }
                double bc = alphas[c] + sumQs[c] - 0.5 * sq;
                b[c] = bc;
                if (bc > mx) {
                    mx = bc;
                }
            }
            double se = 0.0;
            for (int c = 0; c < k; c++) {
                b[c] = Math.exp(b[c] - mx); // b now holds the unnormalised responsibilities
                se += b[c];
            }
            slse += Math.log(se) + mx;

            double inv = 1.0 / se;
            for (int c = 0; c < k; c++) {
                double w = b[c] * inv;
                wSum[c] += w;
                int cd = c * d;
                int ci = icfOff + c * icfSize;
                for (int j = 0; j < d; j++) {
                    double wz = w * zs[cd + j];
                    wzSum[cd + j] += wz;
                    out[ci + j] -= wz * xcs[cd + j];
                }
                int li = ci + d;
                for (int a = 0; a < d; a++) {
                    double wxa = w * xcs[cd + a];
                    for (int r = a + 1; r < d; r++) {
                        out[li++] -= wxa * zs[cd + r];
                    }
                }
            }
        }

        // alphas: responsibilities minus N times the softmax of the alphas
        double amx = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            amx = Math.max(amx, alphas[c]);
        }
        double ase = 0.0;
        for (int c = 0; c < k; c++) {
            ase += Math.exp(alphas[c] - amx);
        }
        double lseAlphas = Math.log(ase) + amx;
        for (int c = 0; c < k; c++) {
            out[c] = wSum[c] - n * Math.exp(alphas[c] - lseAlphas);
        }

        double gamma2 = gamma * gamma;
        double prior = 0.0;
        for (int c = 0; c < k; c++) {
            int cd = c * d;
            int ci = icfOff + c * icfSize;
            // means: Q_cᵀ (Σ_i w_ic z_ic), Qᵀ read column by column in icf's order
            int mc = meansOff + cd;
            for (int a = 0; a < d; a++) {
                out[mc + a] = qdiags[cd + a] * wzSum[cd + a];
            }
            int li = c * icfSize + d;
            for (int a = 0; a < d; a++) {
                double s = 0.0;
                for (int r = a + 1; r < d; r++) {
                    s += icf[li++] * wzSum[cd + r];
                }
                out[mc + a] += s;
            }
            // diagonal logs: log-det term, chain rule through exp, prior
            double frobenius = 0.0;
            for (int j = 0; j < d; j++) {
                double q = qdiags[cd + j];
                frobenius += q * q;
                out[ci + j] = wSum[c] + q * out[ci + j] + gamma2 * q * q - m;
            }
            // strictly lower part: the prior's γ²·L on top of the accumulated likelihood term
            for (int t = d; t < icfSize; t++) {
                double l = icf[c * icfSize + t];
                frobenius += l * l;
                out[ci + t] += gamma2 * l;
            }
            prior += 0.5 * gamma2 * frobenius - m * sumQs[c];
        }

        double constant = -n * d * 0.5 * Math.log(2.0 * 3.14159265359) - k * Gmm.wishartConstant(d, gamma, m);
        return constant + slse - n * lseAlphas + prior;
    }
}
