/**
 * The test oracle: {@link dev.adjoint.check.GradCheck} compares an analytic gradient (generated
 * code, the autograd {@code Tensor}, a hand derivation) with central finite differences and
 * reports the worst component in words a failing test can print.
 */
package dev.adjoint.check;
