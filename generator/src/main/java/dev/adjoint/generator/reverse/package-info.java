/**
 * The reverse pass: each statement of the intermediate form yields a (forward, reverse) pair of
 * Java statements. Reverse parts are appended in forward order and flipped in exactly one place,
 * when their block closes. Overwritten values the reverse sweep needs are saved before the
 * overwrite and restored after their adjoint; branch outcomes are kept for the reverse sweep.
 * The output is a small tree of Java statements ({@link dev.adjoint.generator.reverse.Code}) that
 * only the emit pass turns into a file.
 */
package dev.adjoint.generator.reverse;
