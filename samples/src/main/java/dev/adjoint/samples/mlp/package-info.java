/**
 * An array of records as a model: a layered perceptron {@code Layer[] layers}, each
 * {@code record Layer(double[][] w, double[] b)}, trained by gradient descent with the generated
 * {@code LayerGrad[]} (one per layer, allocated once with {@code LayerGrad.like(layers)}).
 */
package dev.adjoint.samples.mlp;
