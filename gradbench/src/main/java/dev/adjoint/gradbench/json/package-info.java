/**
 * GradBench's JSON lines, read and written with Jackson's streaming core: a message's numbers go
 * token by token into {@code double[]} (an input can be 25 MB of numbers on one line), never
 * through an object tree of boxed values.
 */
package dev.adjoint.gradbench.json;
