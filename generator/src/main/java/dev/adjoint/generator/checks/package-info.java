/**
 * Generated gradient tests: for each {@code @Differentiable} method, the points at which the
 * build's JUnit 5 test checks the generated adjoint against central differences
 * ({@code dev.adjoint.check.AdjointCheck}): the user's {@code @GradientCheck(at = ...)} and
 * seeded random ones. The points are drawn here, at generation time, and written into the test as
 * literals, so that a test reads as what it checks and checks the same points on every build.
 */
package dev.adjoint.generator.checks;
