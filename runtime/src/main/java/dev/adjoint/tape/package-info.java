/**
 * <strong>Internal: support for generated code, not an API.</strong> Call the generated
 * {@code OwnerAdjoint} methods instead; {@link dev.adjoint.tape.Tape} (and the package-private
 * {@code HandlePool} behind it) may change in any release without notice, along with the code the
 * generator emits against it. It is public only because generated classes live in the users'
 * packages.
 *
 * <p>The runtime tape: a flat, primitive-array Wengert list that generated code records onto when a
 * method's static transformation is rejected (recursion, switch, labelled break...), then sweeps
 * backwards to accumulate adjoints. One {@link dev.adjoint.tape.Tape} per thread, reused across
 * calls, so a warmed-up gradient call allocates nothing and concurrent calls never share state;
 * the handle arrays it lends to recorders come from its {@code HandlePool}.
 */
package dev.adjoint.tape;
