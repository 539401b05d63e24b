/**
 * The runtime tape: a flat, primitive-array Wengert list that generated code records onto when a
 * method's static transformation is rejected (recursion, switch, labelled break...), then sweeps
 * backwards to accumulate adjoints. One {@link dev.adjoint.tape.Tape} per thread, reused across
 * calls, so a warmed-up gradient call allocates nothing and concurrent calls never share state;
 * the handle arrays it lends to recorders come from its {@code HandlePool}.
 */
package dev.adjoint.tape;
