/**
 * What a user of Adjoint writes against: the {@link dev.adjoint.Differentiable} annotation and its
 * {@link dev.adjoint.Strategy}, the stop-gradient {@link dev.adjoint.Adjoint#detach(double)}, and
 * the gradient buffers that generated code adds into ({@link dev.adjoint.DoubleGrad},
 * {@link dev.adjoint.FloatGrad}, arrays zeroed with {@link dev.adjoint.Gradients}).
 *
 * <p>Gradients are always <em>added</em> into buffers the caller owns; zeroing is explicit.
 */
package dev.adjoint;
