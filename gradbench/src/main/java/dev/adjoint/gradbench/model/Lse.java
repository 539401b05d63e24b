package dev.adjoint.gradbench.model;

import dev.adjoint.Differentiable;

/** GradBench's {@code lse} eval: {@code log Σ exp(x_i)}, shifted by the maximum so exp cannot overflow. */
public final class Lse {
    private Lse() {}

    @Differentiable
    public static double logsumexp(double[] x) {
        double max = x[0];
        for (int i = 1; i < x.length; i++) {
            max = Math.max(max, x[i]);
        }
        double sum = 0.0;
        for (int i = 0; i < x.length; i++) {
            sum += Math.exp(x[i] - max);
        }
        return Math.log(sum) + max;
    }
}
