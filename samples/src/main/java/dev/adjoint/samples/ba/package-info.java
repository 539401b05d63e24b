/**
 * Bundle adjustment (ADBench BA): the reprojection residual of one observation as plain Java, its
 * 2 × 15 Jacobian from the generated {@code reprojectionJacobian}, and the sparse Jacobian of the
 * whole problem assembled from those blocks ({@code dev.adjoint.Jacobians.ofBlocks}).
 */
package dev.adjoint.samples.ba;
