package dev.adjoint.samples.mlp.tape;

import dev.adjoint.Differentiable;
import dev.adjoint.Strategy;

/**
 * {@code LayeredMlp.loss} word for word, differentiated by the tape strategy: the test compares
 * the two strategies' gradients. Its own {@code Layer} record holds the same arrays as the
 * sample's layers (records hold references), so both read the same numbers.
 */
public final class LayeredMlpOnTape {
    private LayeredMlpOnTape() {}

    /** A layer, as {@code dev.adjoint.samples.mlp.Layer}. */
    public record Layer(double[][] w, double[] b) {}

    @Differentiable(wrt = "layers", strategy = Strategy.TAPE)
    public static double loss(Layer[] layers, double[] x, double[] target) {
        int width = x.length;
        for (Layer layer : layers) {
            width = Math.max(width, layer.w().length);
        }
        double[] acts = new double[(layers.length + 1) * width];
        for (int i = 0; i < x.length; i++) {
            acts[i] = x[i];
        }
        for (int l = 0; l < layers.length; l++) {
            Layer layer = layers[l];
            for (int o = 0; o < layer.w().length; o++) {
                double z = layer.b()[o];
                for (int i = 0; i < layer.w()[o].length; i++) {
                    z += layer.w()[o][i] * acts[l * width + i];
                }
                if (l < layers.length - 1) {
                    acts[(l + 1) * width + o] = Math.tanh(z);
                } else {
                    acts[(l + 1) * width + o] = z;
                }
            }
        }
        double error = 0;
        for (int o = 0; o < target.length; o++) {
            double d = acts[layers.length * width + o] - target[o];
            error += d * d;
        }
        return error;
    }
}
