/**
 * Fitting a line by gradient descent with generated gradients: the per-point loss is a plain
 * {@code @Differentiable} method; the training loop lets its gradients accumulate over the batch,
 * steps, and zeroes the buffers, exactly as {@code loss.backward(); opt.step(); grad.zero_()}.
 */
package dev.adjoint.samples.fit;
