package dev.adjoint.benchmarks.mlp;

import dev.adjoint.Differentiable;

/**
 * {@link Mlp}'s network written the object-oriented way: the layers' weights are private fields,
 * the loss an instance method differentiated with respect to {@code this}. Same arithmetic and
 * memory layout as {@code Mlp.loss} (row-major weights), so that the benchmark measures what the
 * object costs: the fields loaded through {@code VarHandle}s, the gradient object.
 */
public final class ObjectMlp {
    private final double[] w1;
    private final double[] b1;
    private final double[] w2;
    private final double[] b2;
    private final int in;
    private final int hidden;
    private final int out;

    /** The network of {@code Mlp}'s flat weights {@code w} (copied). */
    public ObjectMlp(double[] w, int in, int hidden, int out) {
        this.in = in;
        this.hidden = hidden;
        this.out = out;
        int b1At = hidden * in;
        int w2At = b1At + hidden;
        int b2At = w2At + out * hidden;
        w1 = java.util.Arrays.copyOfRange(w, 0, b1At);
        b1 = java.util.Arrays.copyOfRange(w, b1At, w2At);
        w2 = java.util.Arrays.copyOfRange(w, w2At, b2At);
        b2 = java.util.Arrays.copyOfRange(w, b2At, b2At + out);
    }

    /** The mean squared error over {@code batch} samples ({@code ObjectMlpAdjoint.lossGrad(this, ..., grad)}). */
    @Differentiable(wrt = "this")
    public double loss(double[] xs, double[] ts, int batch) {
        double[] h = new double[hidden];
        double sum = 0.0;
        for (int s = 0; s < batch; s++) {
            for (int u = 0; u < hidden; u++) {
                double z = b1[u];
                for (int j = 0; j < in; j++) {
                    z += w1[u * in + j] * xs[s * in + j];
                }
                h[u] = Math.tanh(z);
            }
            for (int o = 0; o < out; o++) {
                double y = b2[o];
                for (int u = 0; u < hidden; u++) {
                    y += w2[o * hidden + u] * h[u];
                }
                double e = y - ts[s * out + o];
                sum += e * e;
            }
        }
        return sum / batch;
    }

    /** {@code g}'s components in {@code Mlp}'s flat layout. */
    public static double[] flat(ObjectMlpGrad g) {
        double[] w = new double[g.w1.length + g.b1.length + g.w2.length + g.b2.length];
        System.arraycopy(g.w1, 0, w, 0, g.w1.length);
        System.arraycopy(g.b1, 0, w, g.w1.length, g.b1.length);
        System.arraycopy(g.w2, 0, w, g.w1.length + g.b1.length, g.w2.length);
        System.arraycopy(g.b2, 0, w, g.w1.length + g.b1.length + g.w2.length, g.b2.length);
        return w;
    }
}
