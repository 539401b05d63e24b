package dev.adjoint.benchmarks.rosenbrock;

import dev.adjoint.Differentiable;
import dev.adjoint.DoubleGrad;
import dev.adjoint.Strategy;

/**
 * The extended Rosenbrock function {@code f(x) = Σ_{i<n−1} 100 (x_{i+1} − x_i²)² + (1 − x_i)²}:
 * a long loop of cheap terms, where the cost of recording (one stack or tape entry per term) is
 * measured against very little arithmetic.
 */
public final class Rosenbrock {
    private Rosenbrock() {}

    /** {@code f(x)}, differentiated by the static strategy ({@code RosenbrockAdjoint.valueGrad}). */
    @Differentiable(wrt = "x", strategy = Strategy.STATIC)
    public static double value(double[] x) {
        double s = 0.0;
        for (int i = 0; i < x.length - 1; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1.0 - x[i];
            s += 100.0 * a * a + b * b;
        }
        return s;
    }

    /** The same body, differentiated by the tape strategy ({@code RosenbrockAdjoint.valueTapeGrad}). */
    @Differentiable(wrt = "x", strategy = Strategy.TAPE)
    public static double valueTape(double[] x) {
        double s = 0.0;
        for (int i = 0; i < x.length - 1; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1.0 - x[i];
            s += 100.0 * a * a + b * b;
        }
        return s;
    }

    /**
     * The hand-written gradient: <em>overwrites</em> {@code g} with {@code ∇f(x)} and returns
     * {@code f(x)}. {@code ∂/∂x_i = −400 x_i (x_{i+1} − x_i²) − 2 (1 − x_i)},
     * {@code ∂/∂x_{i+1} = 200 (x_{i+1} − x_i²)}.
     */
    public static double gradient(double[] x, double[] g) {
        int n = x.length;
        double s = 0.0;
        double carry = 0.0; // ∂/∂x_i from the term i − 1
        for (int i = 0; i < n - 1; i++) {
            double xi = x[i];
            double a = x[i + 1] - xi * xi;
            double b = 1.0 - xi;
            s += 100.0 * a * a + b * b;
            g[i] = carry - 400.0 * a * xi - 2.0 * b;
            carry = 200.0 * a;
        }
        if (n > 0) {
            g[n - 1] = carry;
        }
        return s;
    }
    /**
     * The hand-written tangent: returns {@code f(x)} and <em>sets</em> {@code out} to
     * {@code ∇f(x)·u}, in the one pass that reads {@code x} and {@code u} once, as a programmer would
     * write it: with {@code a = x_{i+1} − x_i²} and {@code b = 1 − x_i},
     * {@code ȧ = u_{i+1} − 2 x_i u_i} and {@code ḃ = −u_i}, each term adds
     * {@code 200 a ȧ + 2 b ḃ}. The floor for the generated {@code valueJvp}: both stream two arrays
     * of n doubles where the objective streams one.
     */
    public static double tangent(double[] x, double[] u, DoubleGrad out) {
        double s = 0.0;
        double ds = 0.0;
        for (int i = 0; i < x.length - 1; i++) {
            double xi = x[i];
            double ui = u[i];
            double a = x[i + 1] - xi * xi;
            double da = u[i + 1] - 2.0 * xi * ui;
            double b = 1.0 - xi;
            s += 100.0 * a * a + b * b;
            ds += 200.0 * a * da - 2.0 * b * ui;
        }
        out.set(ds);
        return s;
    }
}
