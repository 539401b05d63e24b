package dev.adjoint.benchmarks.gmm;

import dev.adjoint.samples.gmm.Gmm;
import dev.adjoint.samples.gmm.GmmInput;
import org.hipparchus.analysis.differentiation.Gradient;

/**
 * The GMM objective in forward mode with Hipparchus' {@link Gradient} (value plus the full
 * gradient carried through every operation): the same loops as {@link Gmm#objective}, each
 * {@code double} that depends on a parameter replaced by a {@code Gradient} over all
 * {@code K + K·D + K·D(D+1)/2} parameters. The data {@code x} and the constants stay {@code double}.
 * Every operation costs {@code O(parameters)} and allocates, which is why forward mode is measured at
 * the small sizes only.
 */
public final class GmmForwardMode {
    private GmmForwardMode() {}

    /** {@code f} with its gradient in the layout {@code [d alphas | d means | d icf]}. */
    public static Gradient objective(GmmInput in) {
        int k = in.k();
        int params = in.parameterCount();
        return evaluate(
                in,
                variables(in.alphas(), params, 0),
                variables(in.means(), params, k),
                variables(in.icf(), params, k + k * in.d()),
                params);
    }

    /**
     * {@code f} with its derivative along {@code (ua, um, ui)} (a Hipparchus {@code Gradient} of
     * one free parameter: the directional derivative, what {@code GmmAdjoint.objectiveJvp} computes).
     */
    public static Gradient along(GmmInput in, double[] ua, double[] um, double[] ui) {
        return evaluate(in, directed(in.alphas(), ua), directed(in.means(), um), directed(in.icf(), ui), 1);
    }

    private static Gradient evaluate(GmmInput in, Gradient[] alphas, Gradient[] means, Gradient[] icf, int params) {
        int d = in.d();
        int k = in.k();
        int n = in.n();
        double[] x = in.x();
        double gamma = in.gamma();
        int m = in.m();
        Gradient zero = Gradient.constant(params, 0.0);
        double pi = 3.14159265359;
        int icfSize = GmmInput.icfSize(d);

        Gradient[] qdiags = new Gradient[k * d];
        Gradient[] sumQs = new Gradient[k];
        for (int c = 0; c < k; c++) {
            Gradient s = zero;
            for (int j = 0; j < d; j++) {
                qdiags[c * d + j] = icf[c * icfSize + j].exp();
                s = s.add(icf[c * icfSize + j]);
            }
            sumQs[c] = s;
        }

        Gradient[] xc = new Gradient[d];
        Gradient[] qxc = new Gradient[d];
        Gradient[] mainTerm = new Gradient[k];
        Gradient slse = zero;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) {
                    xc[j] = means[c * d + j].negate().add(x[i * d + j]);
                }
                for (int j = 0; j < d; j++) {
                    qxc[j] = qdiags[c * d + j].multiply(xc[j]);
                }
                int li = c * icfSize + d;
                for (int a = 0; a < d; a++) {
                    for (int b = a + 1; b < d; b++) {
                        qxc[b] = qxc[b].add(icf[li].multiply(xc[a]));
                        li++;
                    }
                }
                Gradient sq = zero;
                for (int j = 0; j < d; j++) {
                    sq = sq.add(qxc[j].multiply(qxc[j]));
                }
                mainTerm[c] = alphas[c].add(sumQs[c]).subtract(sq.multiply(0.5));
            }
            Gradient mx = mainTerm[0];
            for (int c = 1; c < k; c++) {
                if (mainTerm[c].getValue() > mx.getValue()) {
                    mx = mainTerm[c];
                }
            }
            Gradient semx = zero;
            for (int c = 0; c < k; c++) {
                semx = semx.add(mainTerm[c].subtract(mx).exp());
            }
            slse = slse.add(semx.log().add(mx));
        }

        Gradient amx = alphas[0];
        for (int c = 1; c < k; c++) {
            if (alphas[c].getValue() > amx.getValue()) {
                amx = alphas[c];
            }
        }
        Gradient asemx = zero;
        for (int c = 0; c < k; c++) {
            asemx = asemx.add(alphas[c].subtract(amx).exp());
        }
        Gradient lseAlphas = asemx.log().add(amx);

        Gradient prior = zero;
        for (int c = 0; c < k; c++) {
            Gradient frobenius = zero;
            for (int j = 0; j < d; j++) {
                frobenius = frobenius.add(qdiags[c * d + j].multiply(qdiags[c * d + j]));
            }
            for (int t = d; t < icfSize; t++) {
                frobenius = frobenius.add(icf[c * icfSize + t].multiply(icf[c * icfSize + t]));
            }
            prior = prior.add(frobenius.multiply(0.5 * gamma * gamma)).subtract(sumQs[c].multiply(m));
        }

        double constant = -n * d * 0.5 * Math.log(2.0 * pi) - k * Gmm.wishartConstant(d, gamma, m);
        return slse.subtract(lseAlphas.multiply(n)).add(prior).add(constant);
    }

    private static Gradient[] directed(double[] values, double[] direction) {
        Gradient[] g = new Gradient[values.length];
        for (int i = 0; i < values.length; i++) {
            g[i] = new Gradient(values[i], direction[i]);
        }
        return g;
    }

    private static Gradient[] variables(double[] values, int params, int offset) {
        Gradient[] g = new Gradient[values.length];
        for (int i = 0; i < values.length; i++) {
            g[i] = Gradient.variable(params, offset + i, values[i]);
        }
        return g;
    }
}
