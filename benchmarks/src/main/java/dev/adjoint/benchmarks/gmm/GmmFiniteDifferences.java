package dev.adjoint.benchmarks.gmm;

import dev.adjoint.samples.gmm.Gmm;
import dev.adjoint.samples.gmm.GmmInput;

/**
 * The GMM gradient by central differences over every parameter: {@code 2·(K + K·D + K·D(D+1)/2)}
 * evaluations of {@link Gmm#objective}. Parameters are perturbed in place (and restored),
 * so the only cost beyond the evaluations is the objective's own scratch arrays. The step is
 * {@code GradCheck}'s: {@code h_i = 6.0554544523933395e-6 · max(1, |p_i|)}, divided by the
 * represented distance {@code (p_i + h_i) − (p_i − h_i)}.
 */
public final class GmmFiniteDifferences {
    /** {@code GradCheck.DEFAULT_STEP}, the cube root of machine epsilon scaled for central differences. */
    public static final double STEP = 6.0554544523933395e-6;

    private GmmFiniteDifferences() {}

    /**
     * Writes the gradient into {@code out} ({@code [d alphas | d means | d icf]}).
     *
     * @param in an instance whose parameter arrays may be written to (they are restored before return)
     */
    public static void gradient(GmmInput in, double[] out) {
        int o = 0;
        o = differentiate(in, in.alphas(), out, o);
        o = differentiate(in, in.means(), out, o);
        differentiate(in, in.icf(), out, o);
    }

    private static int differentiate(GmmInput in, double[] p, double[] out, int o) {
        for (int i = 0; i < p.length; i++) {
            double v = p[i];
            double step = STEP * Math.max(1.0, Math.abs(v));
            double up = v + step;
            double down = v - step;
            p[i] = up;
            double fUp = Gmm.objective(in);
            p[i] = down;
            double fDown = Gmm.objective(in);
            p[i] = v;
            out[o++] = (fUp - fDown) / (up - down);
        }
        return o;
    }
}
