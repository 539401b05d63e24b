package dev.adjoint.gradbench.model;

import dev.adjoint.Differentiable;

/** GradBench's {@code hello} eval: {@code square(x) = x²}; {@code double} is its derivative. */
public final class Hello {
    private Hello() {}

    @Differentiable
    public static double square(double x) {
        return x * x;
    }
}
