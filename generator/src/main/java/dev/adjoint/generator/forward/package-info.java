/**
 * Tangent (forward) mode: turns a method's intermediate form into one forward sweep that carries,
 * next to every active value {@code x}, its directional derivative {@code ẋ} (named
 * {@code _dot_x}), so that {@code nameJvp} returns the value and {@code J·u} for a direction
 * {@code u}. The same transformation, built as a plain Java method declaration (a JavaParser tree
 * made from the code model, {@link dev.adjoint.generator.forward.HvpSource}), is what Hessian-vector
 * products are built from (reverse over forward).
 */
package dev.adjoint.generator.forward;
