/**
 * A model written the object-oriented way: its weights are private fields, its loss an instance
 * method marked {@code @Differentiable(wrt = "this")}, and the build generates the gradient class
 * {@code LogisticRegressionGrad} that training adds into, steps with, and zeroes.
 */
package dev.adjoint.samples.classifier;
