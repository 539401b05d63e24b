/**
 * Second-order optimisation with generated derivatives only: a truncated Newton method (Newton–CG)
 * on the Moré–Garbow–Hillstrom test functions, whose gradients and Hessian-vector products come
 * from the build-generated {@code TestFunctionsAdjoint} ({@code nameGrad}, {@code nameHvp}); the
 * Hessian is never formed.
 */
package dev.adjoint.samples.newton;
