package dev.adjoint;

/**
 * The derivative methods a {@code @Differentiable} method gets, for
 * {@link Differentiable#modes()}.
 */
public enum Mode {
    /** {@code nameGrad} and {@code nameVjp}: always generated (callers' adjoints call them). */
    REVERSE,
    /** {@code nameJvp}, and {@code nameJacobian} for an array result. */
    FORWARD,
    /** {@code nameHvp} (with its helper {@code _hvp_nameVjp}), for a scalar result. */
    HVP
}
