package dev.adjoint.benchmarks.gmm;

import dev.adjoint.DoubleGrad;
import dev.adjoint.samples.gmm.Gmm;
import dev.adjoint.samples.gmm.GmmInput;

/**
 * The GMM objective's tangent written by hand, as a reference for the generated {@code
 * GmmAdjoint.objectiveJvp}: returns {@code f} and <em>sets</em> {@code out} to {@code ∇f·u} along
 * {@code u = (ua, um, ui)}. It differs from the generated one by what no pass does yet: with
 * {@code xc = x_i − μ_c} and {@code ẋc = −μ̇_c}, the product's tangent
 * {@code (Q_c xc)˙ = Q̇_c xc + Q_c ẋc} has a part {@code Q_c ẋc} that is the same for every point
 * {@code i}; it is computed once per component ({@code K·D} values) before the loop over the
 * points, which then does one multiply-add per entry of {@code Q_c} for the tangent, as for the
 * value. The measured gap between the two is what hoisting such loop-invariant tangent parts would
 * gain.
 */
public final class GmmHandTangent {
    private GmmHandTangent() {}

    public static double jvp(GmmInput in, double[] ua, double[] um, double[] ui, DoubleGrad out) {
        double[] alphas = in.alphas();
        double[] means = in.means();
        double[] icf = in.icf();
        double[] x = in.x();
        int d = in.d();
        int k = in.k();
        int n = in.n();
        double gamma = in.gamma();
        int m = in.m();
        int icfSize = GmmInput.icfSize(d);
        double[] qd = new double[k * d];
        double[] tqd = new double[k * d];
        double[] sumQ = new double[k];
        double[] tsumQ = new double[k];
        double[] qtmu = new double[k * d]; // Q_c ẋc = −Q_c μ̇_c, per component
        for (int c = 0; c < k; c++) {
            double s = 0;
            double ts = 0;
            for (int j = 0; j < d; j++) {
                double e = Math.exp(icf[c * icfSize + j]);
                qd[c * d + j] = e;
                tqd[c * d + j] = ui[c * icfSize + j] * e;
                s += icf[c * icfSize + j];
                ts += ui[c * icfSize + j];
                qtmu[c * d + j] = -e * um[c * d + j];
            }
            sumQ[c] = s;
            tsumQ[c] = ts;
            int li = c * icfSize + d;
            for (int a = 0; a < d; a++) {
                for (int b = a + 1; b < d; b++) {
                    qtmu[c * d + b] -= icf[li] * um[c * d + a];
                    li++;
                }
            }
        }
        double[] xc = new double[d];
        double[] qxc = new double[d];
        double[] tq = new double[d];
        double[] main = new double[k];
        double[] tmain = new double[k];
        double slse = 0;
        double tslse = 0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) {
                    xc[j] = x[i * d + j] - means[c * d + j];
                    qxc[j] = qd[c * d + j] * xc[j];
                    tq[j] = tqd[c * d + j] * xc[j] + qtmu[c * d + j];
                }
                int li = c * icfSize + d;
                for (int a = 0; a < d; a++) {
                    double xa = xc[a];
                    for (int b = a + 1; b < d; b++) {
                        qxc[b] += icf[li] * xa;
                        tq[b] += ui[li] * xa;
                        li++;
                    }
                }
                double sq = 0;
                double tsq = 0; // half the tangent of sq
                for (int j = 0; j < d; j++) {
                    sq += qxc[j] * qxc[j];
                    tsq += qxc[j] * tq[j];
                }
                main[c] = alphas[c] + sumQ[c] - 0.5 * sq;
                tmain[c] = ua[c] + tsumQ[c] - tsq;
            }
            double mx = main[0];
            double tmx = tmain[0];
            for (int c = 1; c < k; c++) {
                if (main[c] > mx) {
                    mx = main[c];
                    tmx = tmain[c];
                }
            }
            double se = 0;
            double tse = 0;
            for (int c = 0; c < k; c++) {
                double e = Math.exp(main[c] - mx);
                se += e;
                tse += (tmain[c] - tmx) * e;
            }
            slse += Math.log(se) + mx;
            tslse += tse / se + tmx;
        }
        double amx = alphas[0];
        double tamx = ua[0];
        for (int c = 1; c < k; c++) {
            if (alphas[c] > amx) {
                amx = alphas[c];
                tamx = ua[c];
            }
        }
        double ase = 0;
        double tase = 0;
        for (int c = 0; c < k; c++) {
            double e = Math.exp(alphas[c] - amx);
            ase += e;
            tase += (ua[c] - tamx) * e;
        }
        double lse = Math.log(ase) + amx;
        double tlse = tase / ase + tamx;
        double prior = 0;
        double tprior = 0;
        for (int c = 0; c < k; c++) {
            double f = 0;
            double tf = 0;
            for (int j = 0; j < d; j++) {
                f += qd[c * d + j] * qd[c * d + j];
                tf += 2 * qd[c * d + j] * tqd[c * d + j];
            }
            for (int t = d; t < icfSize; t++) {
                f += icf[c * icfSize + t] * icf[c * icfSize + t];
                tf += 2 * icf[c * icfSize + t] * ui[c * icfSize + t];
            }
            prior += 0.5 * gamma * gamma * f - m * sumQ[c];
            tprior += 0.5 * gamma * gamma * tf - m * tsumQ[c];
        }
        double constant = -n * d * 0.5 * Math.log(2.0 * 3.14159265359) - k * Gmm.wishartConstant(d, gamma, m);
        out.set(tslse - n * tlse + tprior);
        return slse - n * lse + prior + constant;
    }
}
