/**
 * A small dynamic (define-by-run) autograd over {@code double} vectors with PyTorch's semantics:
 * {@link dev.adjoint.autograd.Tensor} records each operation on tensors that require a gradient,
 * and {@link dev.adjoint.autograd.Tensor#backward()} sweeps the recorded graph in reverse,
 * accumulating into the leaves' {@code grad}. It is the reference the source-to-source generator
 * is compared with, and the engine behind the autograd tour sample; it is not fast.
 *
 * <p>Like micrograd: a value, its gradient, the node that made it, a topological sort (iterative
 * here, so million-deep graphs do not overflow the stack) and a reversed sweep with gradients
 * {@code +=}. Tensors print exactly as PyTorch prints them ({@code tensor([3., 3.])}).
 */
package dev.adjoint.autograd;
