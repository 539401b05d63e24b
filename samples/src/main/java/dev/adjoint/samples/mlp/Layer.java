package dev.adjoint.samples.mlp;

import java.util.Random;

/**
 * One dense layer: {@code out = w·in + b}, {@code w} of {@code out × in}.
 *
 * @param w the weights, one row per output
 * @param b the biases, one per output
 */
public record Layer(double[][] w, double[] b) {
    /** A layer of {@code in} inputs and {@code out} outputs, weights drawn with variance 1/in, biases zero. */
    public static Layer random(int in, int out, Random rnd) {
        double[][] w = new double[out][in];
        for (double[] row : w) {
            for (int i = 0; i < in; i++) {
                row[i] = rnd.nextGaussian() / Math.sqrt(in);
            }
        }
        return new Layer(w, new double[out]);
    }
}
