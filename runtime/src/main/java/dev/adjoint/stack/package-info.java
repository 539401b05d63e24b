/**
 * Typed, growable LIFO stacks that generated adjoint code pushes to in its forward sweep and pops
 * from in its reverse sweep: overwritten values, branch outcomes, loop trip counts. Primitive
 * arrays, no boxing; one {@link dev.adjoint.stack.AdjointStacks} per thread, reused across calls,
 * so a warmed-up gradient call allocates nothing and concurrent calls never share state.
 */
package dev.adjoint.stack;
