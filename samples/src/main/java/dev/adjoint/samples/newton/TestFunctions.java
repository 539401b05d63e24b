package dev.adjoint.samples.newton;

import dev.adjoint.Differentiable;

/**
 * Two unconstrained test functions of Moré, Garbow and Hillstrom, "Testing Unconstrained
 * Optimization Software" (ACM TOMS 7(1), 1981), written as plain loops. The build generates their
 * gradients, tangents and Hessian-vector products.
 */
public final class TestFunctions {
    private TestFunctions() {}

    /**
     * The extended Rosenbrock function (MGH 21), {@code n} even:
     * {@code f(x) = Σ_{i<n/2} 100 (x[2i+1] − x[2i]²)² + (1 − x[2i])²}; minimum 0 at (1, ..., 1),
     * standard start (−1.2, 1, −1.2, 1, ...).
     */
    @Differentiable
    public static double rosenbrock(double[] x) {
        double f = 0;
        for (int i = 0; i + 1 < x.length; i += 2) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            f += 100 * a * a + b * b;
        }
        return f;
    }

    /**
     * The extended Powell singular function (MGH 22), {@code n} a multiple of 4: for each block
     * {@code (p, q, r, s)}, {@code (p + 10q)² + 5(r − s)² + (q − 2r)⁴ + 10(p − s)⁴}; minimum 0 at 0,
     * where the Hessian is singular; standard start (3, −1, 0, 1, ...).
     */
    @Differentiable
    public static double powellSingular(double[] x) {
        double f = 0;
        for (int i = 0; i + 3 < x.length; i += 4) {
            double t1 = x[i] + 10 * x[i + 1];
            double t2 = x[i + 2] - x[i + 3];
            double t3 = x[i + 1] - 2 * x[i + 2];
            double t4 = x[i] - x[i + 3];
            f += t1 * t1 + 5 * t2 * t2 + t3 * t3 * t3 * t3 + 10 * t4 * t4 * t4 * t4;
        }
        return f;
    }

    /** The standard start of the extended Rosenbrock function: (−1.2, 1, −1.2, 1, ...). */
    public static double[] rosenbrockStart(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 2 == 0 ? -1.2 : 1.0;
        }
        return x;
    }

    /** The standard start of the extended Powell singular function: (3, −1, 0, 1, ...). */
    public static double[] powellStart(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {3, -1, 0, 1}[i % 4];
        }
        return x;
    }
}
