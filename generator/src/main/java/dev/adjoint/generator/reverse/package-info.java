/**
 * The reverse pass: each statement of the intermediate form yields a (forward, reverse) pair of
 * Java statements. Reverse parts are appended in forward order and flipped in exactly one place,
 * when their block closes. Overwritten values the reverse sweep needs are saved before the
 * overwrite and restored after their adjoint, or computed again ({@code Recomputation}, and
 * {@code Refills} for scratch arrays a loop fills afresh); branch outcomes are kept for the
 * reverse sweep; a counted loop reserves room on the stacks once for what its iterations save.
 * Peepholes over the generated statements ({@code FreshAdjoints}, {@code LoopFusion},
 * {@code LoopAccumulators}, {@code InvariantLoads}) take away what the JIT cannot: adds to a known
 * zero, the set-up of short loops in a row over the same range, and element adds and loads it
 * cannot keep in a register for fear of aliasing.
 * The output is a small tree of Java statements ({@link dev.adjoint.generator.reverse.Code}) that
 * only the emit pass turns into a file; its lines, conditions and loop headers are nodes of the
 * code model ({@code dev.adjoint.generator.code}), and the peepholes read and rewrite those nodes,
 * never the text they print to.
 */
package dev.adjoint.generator.reverse;
