package dev.adjoint.benchmarks.mlp;

import dev.adjoint.Differentiable;
import dev.adjoint.Strategy;

/**
 * A small multi-layer perceptron loss: {@code IN → HIDDEN (tanh) → OUT (linear)}, mean squared
 * error over a batch, all weights in one flat {@code double[] w} indexed by hand:
 *
 * <pre>
 * w = [ W1 (HIDDEN × IN, row-major) | b1 (HIDDEN) | W2 (OUT × HIDDEN, row-major) | b2 (OUT) ]
 * h_s = tanh(W1 x_s + b1),  y_s = W2 h_s + b2,  loss = (1/B) Σ_s |y_s − t_s|²
 * </pre>
 *
 * <p>The benchmark uses {@code IN = 16}, {@code HIDDEN = 32}, {@code OUT = 4}, {@code B = 64}:
 * {@value #PARAMETERS} weights.
 */
public final class Mlp {
    /** Inputs per sample. */
    public static final int IN = 16;
    /** Hidden units. */
    public static final int HIDDEN = 32;
    /** Outputs per sample. */
    public static final int OUT = 4;
    /** Samples per batch. */
    public static final int BATCH = 64;
    /** The length of {@code w}. */
    public static final int PARAMETERS = HIDDEN * IN + HIDDEN + OUT * HIDDEN + OUT;

    private Mlp() {}

    /**
     * The loss, differentiated by the static strategy ({@code MlpAdjoint.lossGrad}).
     *
     * @param w the weights (layout in the class comment)
     * @param xs {@code batch·in} inputs, sample-major
     * @param ts {@code batch·out} targets, sample-major
     */
    @Differentiable(wrt = "w", strategy = Strategy.STATIC)
    public static double loss(double[] w, double[] xs, double[] ts, int batch, int in, int hidden, int out) {
        int b1 = hidden * in;
        int w2 = b1 + hidden;
        int b2 = w2 + out * hidden;
        double[] h = new double[hidden];
        double sum = 0.0;
        for (int s = 0; s < batch; s++) {
            for (int u = 0; u < hidden; u++) {
                double z = w[b1 + u];
                for (int j = 0; j < in; j++) {
                    z += w[u * in + j] * xs[s * in + j];
                }
                h[u] = Math.tanh(z);
            }
            for (int o = 0; o < out; o++) {
                double y = w[b2 + o];
                for (int u = 0; u < hidden; u++) {
                    y += w[w2 + o * hidden + u] * h[u];
                }
                double e = y - ts[s * out + o];
                sum += e * e;
            }
        }
        return sum / batch;
    }

    /** The same body, differentiated by the tape strategy ({@code MlpAdjoint.lossTapeGrad}). */
    @Differentiable(wrt = "w", strategy = Strategy.TAPE)
    public static double lossTape(double[] w, double[] xs, double[] ts, int batch, int in, int hidden, int out) {
        int b1 = hidden * in;
        int w2 = b1 + hidden;
        int b2 = w2 + out * hidden;
        double[] h = new double[hidden];
        double sum = 0.0;
        for (int s = 0; s < batch; s++) {
            for (int u = 0; u < hidden; u++) {
                double z = w[b1 + u];
                for (int j = 0; j < in; j++) {
                    z += w[u * in + j] * xs[s * in + j];
                }
                h[u] = Math.tanh(z);
            }
            for (int o = 0; o < out; o++) {
                double y = w[b2 + o];
                for (int u = 0; u < hidden; u++) {
                    y += w[w2 + o * hidden + u] * h[u];
                }
                double e = y - ts[s * out + o];
                sum += e * e;
            }
        }
        return sum / batch;
    }

    /**
     * Backpropagation by hand: <em>overwrites</em> {@code g} with {@code ∂loss/∂w} and returns the
     * loss. {@code h} ({@code hidden}) and {@code dh} ({@code hidden}) are caller-owned scratch.
     */
    public static double gradient(
            double[] w,
            double[] xs,
            double[] ts,
            int batch,
            int in,
            int hidden,
            int out,
            double[] g,
            double[] h,
            double[] dh) {
        int b1 = hidden * in;
        int w2 = b1 + hidden;
        int b2 = w2 + out * hidden;
        java.util.Arrays.fill(g, 0.0);
        double scale = 2.0 / batch;
        double sum = 0.0;
        for (int s = 0; s < batch; s++) {
            int xo = s * in;
            for (int u = 0; u < hidden; u++) {
                double z = w[b1 + u];
                int wo = u * in;
                for (int j = 0; j < in; j++) {
                    z += w[wo + j] * xs[xo + j];
                }
                h[u] = Math.tanh(z);
                dh[u] = 0.0;
            }
            for (int o = 0; o < out; o++) {
                int wo = w2 + o * hidden;
                double y = w[b2 + o];
                for (int u = 0; u < hidden; u++) {
                    y += w[wo + u] * h[u];
                }
                double e = y - ts[s * out + o];
                sum += e * e;
                double de = scale * e;
                g[b2 + o] += de;
                for (int u = 0; u < hidden; u++) {
                    g[wo + u] += de * h[u];
                    dh[u] += de * w[wo + u];
                }
            }
            for (int u = 0; u < hidden; u++) {
                double dz = dh[u] * (1.0 - h[u] * h[u]);
                g[b1 + u] += dz;
                int wo = u * in;
                for (int j = 0; j < in; j++) {
                    g[wo + j] += dz * xs[xo + j];
                }
            }
        }
        return sum / batch;
    }

    /** Deterministic weights (small, so tanh does not saturate), inputs and targets. */
    public static double[][] problem(long seed) {
        java.util.Random r = new java.util.Random(seed);
        double[] w = new double[PARAMETERS];
        for (int i = 0; i < w.length; i++) {
            w[i] = r.nextGaussian() * 0.3;
        }
        double[] xs = new double[BATCH * IN];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = r.nextGaussian();
        }
        double[] ts = new double[BATCH * OUT];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = r.nextGaussian();
        }
        return new double[][] {w, xs, ts};
    }
}
