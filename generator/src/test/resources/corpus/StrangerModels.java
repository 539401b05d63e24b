package corpus;

import static java.lang.Math.exp;
import static java.lang.Math.log;
import static java.lang.Math.max;

import dev.adjoint.Differentiable;

//@uses StrangerUtil

/** Softmax cross-entropy, a 1-D convolution, attention, a record of parameters. */
public final class StrangerModels {
    private StrangerModels() {}


    static final double[] KERNEL = {0.25, 0.5, 0.25};

    /** Mean softmax cross-entropy of a linear classifier; labels as int[]. */
    //@at ({{0.5, -0.3}, {0.2, 0.8}, {-0.6, 0.1}}, {0.1, -0.2, 0.05}, {{1.0, 0.5}, {-0.7, 1.2}, {0.3, -0.9}}, {0, 2, 1})
    //@at ({{1.5, 0.3}, {-0.2, 0.4}}, {0.0, 0.3}, {{0.2, -1.0}, {1.1, 0.6}}, {1, 0})
    @Differentiable(wrt = {"w", "bias"})
    public static double crossEntropy(double[][] w, double[] bias, double[][] xs, int[] labels) {
        if (xs.length != labels.length) {
            throw new IllegalArgumentException("xs and labels differ in length");
        }
        int classes = bias.length;
        double loss = 0;
        double[] logits = new double[classes];
        for (int n = 0; n < xs.length; n++) {
            double[] x = xs[n];
            double mx = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                logits[c] = StrangerUtil.dot(w[c], x) + bias[c];
                mx = max(mx, logits[c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += exp(logits[c] - mx);
            }
            loss += log(sum) + mx - logits[labels[n]];
        }
        return loss / xs.length;
    }

    /** A valid 1-D convolution with a learned kernel, then a smoothing pass with a constant table. */
    //@at ({0.5, -0.3, 0.8, 1.2, -0.6, 0.1, 0.9}, {0.3, -0.5, 0.2})
    //@at ({1.0, 0.2, -0.4, 0.7, 0.3, -1.1}, {0.6, 0.1})
    @Differentiable(wrt = {"signal", "kernel"})
    public static double conv1d(double[] signal, double[] kernel) {
        int outLen = signal.length - kernel.length + 1;
        double[] out = new double[outLen];
        for (int i = 0; i < outLen; i++) {
            double s = 0;
            for (int k = 0; k < kernel.length; k++) {
                s += signal[i + k] * kernel[k];
            }
            out[i] = Math.tanh(s);
        }
        double energy = 0;
        for (int i = 1; i + 1 < outLen; i++) {
            double smooth = 0;
            for (int k = 0; k < KERNEL.length; k++) {
                smooth += KERNEL[k] * out[i - 1 + k];
            }
            energy += smooth * smooth;
        }
        return energy;
    }

    /** Scaled dot-product attention; returns the sum of the outputs weighted by `probe`. */
    //@at ({{0.5, -0.3}, {0.2, 0.8}}, {{0.1, 0.4}, {-0.6, 0.2}, {0.9, -0.1}}, {{1.0, 0.5}, {-0.7, 1.2}, {0.3, -0.9}}, {0.5, -1.5})
    //@at ({{1.1, 0.2, -0.3}}, {{0.1, 0.4, 0.2}, {-0.6, 0.2, 0.7}}, {{1.0}, {-0.7}}, {2.0})
    @Differentiable(wrt = {"q", "k", "v"})
    public static double attention(double[][] q, double[][] k, double[][] v, double[] probe) {
        int n = q.length;
        int d = q[0].length;
        double scale = 1.0 / Math.sqrt(d);
        double[] scores = new double[k.length];
        double total = 0;
        for (int i = 0; i < n; i++) {
            double mx = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k.length; j++) {
                scores[j] = StrangerUtil.dot(q[i], k[j]) * scale;
                mx = Math.max(mx, scores[j]);
            }
            double z = 0;
            for (int j = 0; j < k.length; j++) {
                scores[j] = Math.exp(scores[j] - mx);
                z += scores[j];
            }
            for (int c = 0; c < v[0].length; c++) {
                double o = 0;
                for (int j = 0; j < k.length; j++) {
                    o += scores[j] / z * v[j][c];
                }
                total += probe[c] * o;
            }
        }
        return total;
    }


    /** A switch on an int mode picks the activation. */
    //@at ({0.5, -0.3}, {1.0, 0.7}, 0)
    //@at ({0.5, -0.3}, {1.0, 0.7}, 1)
    //@at ({-0.5, -0.3}, {1.0, 0.7}, 1)
    //@at ({0.5, -0.3}, {1.0, 0.7}, 2)
    @Differentiable(wrt = "w")
    public static double activated(double[] w, double[] x, int mode) {
        double s = StrangerUtil.dot(w, x);
        double y;
        switch (mode) {
            case 0:
                y = Math.tanh(s);
                break;
            case 1:
                y = s > 0 ? s : 0.01 * s;
                break;
            case 2:
                y = log(1 + exp(s));
                break;
            default:
                throw new IllegalArgumentException("unknown mode " + mode);
        }
        return y * y;
    }
}
