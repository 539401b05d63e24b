/**
 * An array of records as a model: a layered perceptron {@code Layer[] layers}, each
 * {@code record Layer(double[][] w, double[] b)}, trained by gradient descent with the generated
 * {@code LayerGrad[]} (one per layer, allocated once with {@code LayerGrad.like(layers)}); and the
 * same network as an object holding its layers, {@link dev.adjoint.samples.mlp.Network}, trained with
 * {@code wrt = "this"} through the generated {@code NetworkGrad}.
 */
package dev.adjoint.samples.mlp;
