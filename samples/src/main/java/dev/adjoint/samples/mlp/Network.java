package dev.adjoint.samples.mlp;

import dev.adjoint.Differentiable;

/**
 * {@link LayeredMlp} written the object-oriented way: the network holds its layers and an output
 * scale in private fields, and {@code loss} is an instance method differentiated with
 * {@code wrt = "this"}. {@code NetworkAdjoint.lossGrad(net, x, target, dnet)} adds the gradient
 * with respect to every weight, bias and the scale into the caller's {@code NetworkGrad}, whose
 * {@code layers} is a {@code LayerGrad[]} shaped as the network's ({@code NetworkGrad.like(net)});
 * a warm call allocates nothing.
 */
public final class Network {
    private final Layer[] layers;
    private double outputScale;

    /** A network of {@code layers} (held, not copied) whose output is scaled by {@code outputScale}. */
    public Network(Layer[] layers, double outputScale) {
        this.layers = layers;
        this.outputScale = outputScale;
    }

    /** The layers, as the network holds them. */
    public Layer[] layers() {
        return layers;
    }

    /** The factor applied to the last layer's output. */
    public double outputScale() {
        return outputScale;
    }

    /**
     * The squared error of the network's output for {@code x} against {@code target}: {@code tanh}
     * between layers, the last layer linear and scaled. The activations live in one local array,
     * as in {@link LayeredMlp#loss}.
     */
    @Differentiable(wrt = "this")
    public double loss(double[] x, double[] target) {
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
                    acts[(l + 1) * width + o] = outputScale * z;
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

    /**
     * Takes {@code steps} full-batch gradient-descent steps on the mean loss over {@code xs},
     * {@code ys}, updating the network in place, and returns the mean loss before the last step.
     * The gradient is one {@code NetworkGrad}, allocated once, added into and zeroed each step.
     */
    public double train(double[][] xs, double[][] ys, double learningRate, int steps) {
        NetworkGrad grad = NetworkGrad.like(this);
        double weight = 1.0 / xs.length;
        double loss = Double.NaN;
        for (int step = 0; step < steps; step++) {
            loss = 0;
            for (int n = 0; n < xs.length; n++) {
                loss += NetworkAdjoint.lossVjp(this, xs[n], ys[n], weight, grad);
            }
            for (int l = 0; l < layers.length; l++) {
                double[][] w = layers[l].w();
                for (int o = 0; o < w.length; o++) {
                    for (int i = 0; i < w[o].length; i++) {
                        w[o][i] -= learningRate * grad.layers[l].w[o][i];
                    }
                    layers[l].b()[o] -= learningRate * grad.layers[l].b[o];
                }
            }
            outputScale -= learningRate * grad.outputScale;
            grad.zero();
        }
        return loss;
    }
}
