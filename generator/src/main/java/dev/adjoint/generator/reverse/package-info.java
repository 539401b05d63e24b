/**
 * The reverse pass: each statement of the intermediate form yields a (forward, reverse) pair of
 * Java statements. Reverse parts are appended in forward order and flipped in exactly one place,
 * when their block closes. Overwritten values the reverse sweep needs are saved before the
 * overwrite and restored after their adjoint, or computed again ({@code Recomputation}, and
 * {@code Refills} for scratch arrays a loop fills afresh); branch outcomes are kept for the
 * reverse sweep; a counted loop reserves room on the stacks once for what its iterations save;
 * no add goes to an adjoint known to be zero ({@code FreshAdjoints}). These decisions are made
 * while the pairs are built. The output is a small tree of Java statements
 * ({@link dev.adjoint.generator.code.Code}) whose lines, conditions and loop headers are nodes of
 * the code model; {@code ReverseSweep} then hands it to the peepholes of
 * {@link dev.adjoint.generator.optimize}, and only the emit pass turns it into a file.
 */
package dev.adjoint.generator.reverse;
