package dev.adjoint.benchmarks.plain;

import dev.adjoint.Differentiable;

/**
 * A dot product with and without an input guard, and a logistic loss with and without plain
 * (not annotated) helpers. Each pair computes the same numbers in the same order; only the way
 * the Java is written differs.
 */
public final class PlainJava {
    private PlainJava() {}

    /** ⟨w, x⟩², guarded as library code guards its inputs. */
    @Differentiable(wrt = "w")
    public static double guardedDot(double[] w, double[] x) {
        if (w.length != x.length) {
            throw new IllegalArgumentException("w has " + w.length + " elements, x has " + x.length);
        }
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i] * x[i];
        }
        return s * s;
    }

    /** {@link #guardedDot} without its guard. */
    @Differentiable(wrt = "w")
    public static double dot(double[] w, double[] x) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i] * x[i];
        }
        return s * s;
    }

    static double rowDot(double[] w, double[] X, int row, int d) {
        double z = w[d];
        for (int j = 0; j < d; j++) {
            z += w[j] * X[row * d + j];
        }
        return z;
    }

    static double softplus(double z) {
        return Math.log1p(Math.exp(z));
    }

    /** Σᵢ softplus(−yᵢ·(w·xᵢ + b)) over the rows of {@code X} (n × d, flat), with helpers. */
    @Differentiable(wrt = "w")
    public static double logisticWithHelpers(double[] w, double[] X, double[] y, int n, int d) {
        double loss = 0;
        for (int i = 0; i < n; i++) {
            loss += softplus(-y[i] * rowDot(w, X, i, d));
        }
        return loss;
    }

    /** {@link #logisticWithHelpers} with the helpers written out. */
    @Differentiable(wrt = "w")
    public static double logistic(double[] w, double[] X, double[] y, int n, int d) {
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double z = w[d];
            for (int j = 0; j < d; j++) {
                z += w[j] * X[i * d + j];
            }
            loss += Math.log1p(Math.exp(-y[i] * z));
        }
        return loss;
    }
}
