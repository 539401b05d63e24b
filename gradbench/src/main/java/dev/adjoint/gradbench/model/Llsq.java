package dev.adjoint.gradbench.model;

import dev.adjoint.Differentiable;

/**
 * GradBench's {@code llsq} eval: a polynomial fit of {@code sign(t)} at {@code n} points,
 *
 * <pre>
 * f(x) = ½ Σ_{i<n} ( sign(t_i) − Σ_{j<m} x_j t_i^j )²,   t_i = −1 + 2i/(n − 1)
 * </pre>
 */
public final class Llsq {
    private Llsq() {}

    @Differentiable(wrt = "x")
    public static double residual(double[] x, int n) {
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            double t = -1.0 + i * 2.0 / (n - 1);
            double r = Math.signum(t);
            double power = 1.0; // t^j
            for (int j = 0; j < x.length; j++) {
                r -= x[j] * power;
                power *= t;
            }
            sum += r * r;
        }
        return sum / 2.0;
    }
}
