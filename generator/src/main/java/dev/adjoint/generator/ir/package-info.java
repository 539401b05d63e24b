/**
 * The generator's intermediate form: a typed, structured three-address code in which each
 * assignment performs exactly one differentiable operation ({@link dev.adjoint.generator.ir.Op}),
 * so that one derivative rule applies to one statement. Names are unique per method (the
 * normalizer renames shadowing locals), and no assignment reads its own target.
 */
package dev.adjoint.generator.ir;
