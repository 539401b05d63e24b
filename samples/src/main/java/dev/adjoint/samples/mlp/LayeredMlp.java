package dev.adjoint.samples.mlp;

import dev.adjoint.Differentiable;

/**
 * A multilayer perceptron as an array of layers: {@code tanh} between layers, a linear last
 * layer, the squared error against a target. The gradient with respect to every layer's weights
 * and biases comes from {@code LayeredMlpAdjoint.lossGrad(layers, x, target, grads)}, into the
 * caller's {@code LayerGrad[]}; the generated code reads the layers' arrays where they are (no
 * copy) and allocates nothing on a warm call.
 */
public final class LayeredMlp {
    private LayeredMlp() {}

    /**
     * The squared error of the network's output for input {@code x} against {@code target}. The
     * activations live in one local array, {@code width} entries per layer: neither strategy
     * follows an array variable assigned again ({@code h = next}), and a 1-D local array comes from
     * the thread's pool, so a warm gradient call allocates nothing.
     */
    @Differentiable(wrt = "layers")
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

    /** The network's output for {@code x}, computed plainly. */
    public static double[] predict(Layer[] layers, double[] x) {
        double[] h = x;
        for (int l = 0; l < layers.length; l++) {
            double[] next = new double[layers[l].w().length];
            for (int o = 0; o < next.length; o++) {
                double z = layers[l].b()[o];
                for (int i = 0; i < h.length; i++) {
                    z += layers[l].w()[o][i] * h[i];
                }
                next[o] = l < layers.length - 1 ? Math.tanh(z) : z;
            }
            h = next;
        }
        return h;
    }

    /**
     * Takes {@code steps} full-batch gradient-descent steps on the mean loss over {@code xs},
     * {@code ys}, updating the layers in place, and returns the mean loss before the last step.
     * Each step adds every example's gradient, seeded with 1/n, into one {@code LayerGrad[]}
     * allocated once, steps, and zeroes it.
     */
    public static double train(Layer[] layers, double[][] xs, double[][] ys, double learningRate, int steps) {
        LayerGrad[] grads = LayerGrad.like(layers);
        double weight = 1.0 / xs.length;
        double loss = Double.NaN;
        for (int step = 0; step < steps; step++) {
            loss = 0;
            for (int n = 0; n < xs.length; n++) {
                loss += LayeredMlpAdjoint.lossVjp(layers, xs[n], ys[n], weight, grads);
            }
            for (int l = 0; l < layers.length; l++) {
                double[][] w = layers[l].w();
                for (int o = 0; o < w.length; o++) {
                    for (int i = 0; i < w[o].length; i++) {
                        w[o][i] -= learningRate * grads[l].w[o][i];
                    }
                    layers[l].b()[o] -= learningRate * grads[l].b[o];
                }
            }
            LayerGrad.zero(grads);
        }
        return loss;
    }
}
