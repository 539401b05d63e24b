package corpus;

import static java.lang.Math.exp;
import static java.lang.Math.log;

import dev.adjoint.Differentiable;

/** Ordinary float numerics as users write them (issue 15): boolean labels, a private table, a switch into an element. */
public final class FloatStranger {
    private FloatStranger() {}

    private static final float[] TAPS = {0.25f, 0.5f, 0.25f};

    /** Logistic regression with L2, labels as boolean[]. */
    //@at ({0.5, -0.3}, {{1.0, 0.5}, {-0.7, 1.2}, {0.3, -0.9}}, {true, false, true}, 0.1)
    //@at ({0.2, 0.4}, {{0.4, -1.0}, {1.1, 0.6}}, {false, true}, 0.01)
    @Differentiable(wrt = "w")
    public static float logistic(float[] w, float[][] xs, boolean[] ys, float lambda) {
        float loss = 0f;
        for (int i = 0; i < xs.length; i++) {
            float z = 0f;
            for (int j = 0; j < w.length; j++) {
                z += w[j] * xs[i][j];
            }
            float p = (float) (1.0 / (1.0 + exp(-z)));
            loss -= ys[i] ? (float) log(p) : (float) log(1 - p);
        }
        float reg = 0f;
        for (float v : w) {
            reg += v * v;
        }
        return loss / xs.length + 0.5f * lambda * reg;
    }

    /** A learned 1-D convolution smoothed by a private table. */
    //@at ({0.5, -0.3, 0.8, 1.2, -0.6, 0.1}, {0.3, -0.5})
    //@at ({1.0, 0.2, -0.4, 0.7, 0.3}, {0.6, 0.1, -0.2})
    @Differentiable
    public static float smoothedConv(float[] signal, float[] kernel) {
        int outLen = signal.length - kernel.length + 1;
        float[] out = new float[outLen];
        for (int i = 0; i < outLen; i++) {
            float s = 0f;
            for (int k = 0; k < kernel.length; k++) {
                s += signal[i + k] * kernel[k];
            }
            out[i] = (float) Math.tanh(s);
        }
        float energy = 0f;
        for (int i = 1; i + 1 < outLen; i++) {
            float smooth = 0f;
            for (int k = 0; k < TAPS.length; k++) {
                smooth += TAPS[k] * out[i - 1 + k];
            }
            energy += smooth * smooth;
        }
        return energy;
    }

    /** Per-element activation chosen by a switch expression stored into the element. */
    //@at ({0.5, -0.3, 1.2}, 0)
    //@at ({0.5, -0.3, 1.2}, 1)
    @Differentiable
    public static float activate(float[] x, int kind) {
        float[] y = new float[x.length];
        float total = 0f;
        for (int i = 0; i < x.length; i++) {
            y[i] = switch (kind) {
                case 0 -> (float) Math.tanh(x[i]);
                default -> {
                    float e = (float) exp(x[i]);
                    yield e / (1 + e);
                }
            };
            total += y[i] * y[i];
        }
        return total;
    }

    static float sq(float x) {
        return x * x;
    }

    /** float and double mixed, as Java promotes them. */
    //@at (0.7, 2.0)
    //@at (-1.3, 0.5)
    @Differentiable
    public static float mixed(float a, double b) {
        float f = (float) Math.sqrt(b);
        return sq(a) * f + (float) (b * a);
    }
}
