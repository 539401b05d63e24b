/**
 * The evals' functions written as plain Java from their mathematics (GradBench's eval
 * descriptions), each marked {@code @Differentiable}: the build generates their derivatives
 * ({@code HelloAdjoint}, {@code GmmAdjoint}, ...) in this package. Nothing here is a derivative.
 */
package dev.adjoint.gradbench.model;
