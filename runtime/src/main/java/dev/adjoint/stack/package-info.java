/**
 * <strong>Internal: support for generated code, not an API.</strong> Call the generated
 * {@code OwnerAdjoint} methods instead; everything here ({@link dev.adjoint.stack.AdjointStacks},
 * {@link dev.adjoint.stack.ArrayPool}, the typed stacks) may change in any release without notice,
 * along with the code the generator emits against it. It is public only because generated classes
 * live in the users' packages.
 *
 * <p>Typed, growable LIFO stacks that generated adjoint code pushes to in its forward sweep and pops
 * from in its reverse sweep: overwritten values, branch outcomes, loop trip counts. Primitive
 * arrays, no boxing; one {@link dev.adjoint.stack.AdjointStacks} per thread, reused across calls,
 * so a warmed-up gradient call allocates nothing and concurrent calls never share state.
 */
package dev.adjoint.stack;
