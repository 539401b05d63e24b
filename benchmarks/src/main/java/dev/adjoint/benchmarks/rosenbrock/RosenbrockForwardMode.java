package dev.adjoint.benchmarks.rosenbrock;

import org.hipparchus.analysis.differentiation.Gradient;

/**
 * {@link Rosenbrock#value} in Hipparchus forward mode along one direction: every {@code x_i} a
 * {@link Gradient} of one free parameter, {@code (x_i, u_i)}, so the result carries
 * {@code f(x)} and {@code ∇f(x)·u}, what the generated {@code valueJvp} returns.
 */
public final class RosenbrockForwardMode {
    private RosenbrockForwardMode() {}

    public static Gradient along(double[] x, double[] u) {
        Gradient s = Gradient.constant(1, 0.0);
        for (int i = 0; i < x.length - 1; i++) {
            Gradient xi = new Gradient(x[i], u[i]);
            Gradient xn = new Gradient(x[i + 1], u[i + 1]);
            Gradient a = xn.subtract(xi.multiply(xi));
            Gradient b = xi.negate().add(1.0);
            s = s.add(a.multiply(a).multiply(100.0)).add(b.multiply(b));
        }
        return s;
    }
}
