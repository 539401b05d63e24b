/**
 * The normalize pass: a fenced method body becomes the typed three-address form of
 * {@link dev.adjoint.generator.ir}: compound assignments and increments desugared, Java's numeric
 * promotions made explicit casts, {@code ?:} turned into a branch (so the branch not taken is
 * never evaluated, nor differentiated), shadowing locals renamed, one operation per assignment.
 */
package dev.adjoint.generator.normalize;
