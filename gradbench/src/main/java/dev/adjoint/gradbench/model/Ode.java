package dev.adjoint.gradbench.model;

import dev.adjoint.Differentiable;

/**
 * GradBench's {@code ode} eval: {@code y' = f(x, y)} with {@code f_0 = x_0},
 * {@code f_i = x_i · y_{i−1}}, from {@code y(0) = 0} to {@code t = 2} in {@code s} steps of the
 * classic fourth-order Runge–Kutta method.
 */
public final class Ode {
    private Ode() {}

    /** The state at {@code t = 2}. */
    @Differentiable(wrt = "x")
    public static double[] solve(double[] x, int s) {
        int n = x.length;
        double h = 2.0 / s;
        double[] y = new double[n];
        double[] k1 = new double[n];
        double[] k2 = new double[n];
        double[] k3 = new double[n];
        double[] k4 = new double[n];
        double[] yt = new double[n]; // y + c·h·k, where the next slope is taken
        for (int step = 0; step < s; step++) {
            k1[0] = x[0];
            for (int i = 1; i < n; i++) {
                k1[i] = x[i] * y[i - 1];
            }
            for (int i = 0; i < n; i++) {
                yt[i] = y[i] + h * k1[i] / 2.0;
            }
            k2[0] = x[0];
            for (int i = 1; i < n; i++) {
                k2[i] = x[i] * yt[i - 1];
            }
            for (int i = 0; i < n; i++) {
                yt[i] = y[i] + h * k2[i] / 2.0;
            }
            k3[0] = x[0];
            for (int i = 1; i < n; i++) {
                k3[i] = x[i] * yt[i - 1];
            }
            for (int i = 0; i < n; i++) {
                yt[i] = y[i] + h * k3[i];
            }
            k4[0] = x[0];
            for (int i = 1; i < n; i++) {
                k4[i] = x[i] * yt[i - 1];
            }
            for (int i = 0; i < n; i++) {
                y[i] += h * (k1[i] + 2.0 * k2[i] + 2.0 * k3[i] + k4[i]) / 6.0;
            }
        }
        return y;
    }
}
