package dev.adjoint.samples.mlp;

import dev.adjoint.Differentiable;

/**
 * A multilayer perceptron written as people write it: the weights in one {@code double[][][]}, layer
 * {@code l} an {@code n_{l+1} × n_l} matrix {@code W[l]} (layers of different shapes), the biases in
 * a {@code double[][]}, {@code tanh} between layers, a linear last layer, the squared error against
 * a target. {@code CubeMlpAdjoint.lossGrad(W, B, x, target, dW, dB)} adds the gradient into buffers
 * of the same shapes ({@code dev.adjoint.Gradients.like(W)}); a warm call allocates nothing.
 */
public final class CubeMlp {
    private CubeMlp() {}

    /** The squared error of the network's output for input {@code x} against {@code target}. */
    @Differentiable(wrt = {"W", "B"})
    public static double loss(double[][][] W, double[][] B, double[] x, double[] target) {
        double[] a = x;
        for (int l = 0; l < W.length; l++) {
            double[] z = new double[W[l].length];
            for (int o = 0; o < W[l].length; o++) {
                double s = B[l][o];
                for (int i = 0; i < W[l][o].length; i++) {
                    s += W[l][o][i] * a[i];
                }
                z[o] = l < W.length - 1 ? Math.tanh(s) : s;
            }
            a = z;
        }
        double error = 0;
        for (int o = 0; o < target.length; o++) {
            double d = a[o] - target[o];
            error += d * d;
        }
        return error;
    }
}
