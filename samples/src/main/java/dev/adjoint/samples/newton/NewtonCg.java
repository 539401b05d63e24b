package dev.adjoint.samples.newton;

import java.io.PrintStream;

/**
 * A truncated Newton method (Nocedal and Wright, Numerical Optimization, Algorithm 7.1): each
 * iteration solves {@code H p = −g} approximately by conjugate gradients, which needs only
 * Hessian-vector products, stopping at the forcing tolerance {@code η‖g‖} with
 * {@code η = min(0.5, √‖g‖)} (superlinear convergence) or at negative curvature; then a
 * backtracking (Armijo) line search along {@code p}. The objective is reached only through
 * {@link Objective}: here the generated {@code Grad} and {@code Hvp} of a {@code @Differentiable}
 * method.
 */
public final class NewtonCg {
    private NewtonCg() {}

    /** The derivatives an optimiser needs, as the generated adjoint class offers them. */
    public interface Objective {
        /** Returns f(x) and adds ∇f(x) into {@code g}. */
        double valueAndGradient(double[] x, double[] g);

        /** Adds H(x)·v into {@code hv} (and ∇f(x) into {@code g}, which the caller discards). */
        void hessianTimes(double[] x, double[] v, double[] g, double[] hv);
    }

    /** The outcome: where it stopped, the value and gradient norm there, and the work done. */
    public record Result(double[] x, double value, double gradientNorm, int iterations, int hessianProducts) {}

    /** Minimises from {@code start} until {@code ‖∇f‖ < tolerance} or {@code maxIterations}; logs one line per iteration if {@code log}. */
    public static Result minimize(Objective f, double[] start, double tolerance, int maxIterations, PrintStream log) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double[] p = new double[n];
        double[] r = new double[n];
        double[] d = new double[n];
        double[] hd = new double[n];
        double[] scratch = new double[n];
        double[] trial = new double[n];
        double fx = f.valueAndGradient(x, g);
        int products = 0;
        int k = 0;
        for (; k < maxIterations; k++) {
            double gNorm = norm(g);
            if (log != null) {
                log.printf("  iteration %2d: f = %.6e, |grad| = %.3e%n", k, fx, gNorm);
            }
            if (gNorm < tolerance) {
                return new Result(x, fx, gNorm, k, products);
            }
            // CG on H p = -g from p = 0
            double eta = Math.min(0.5, Math.sqrt(gNorm));
            java.util.Arrays.fill(p, 0);
            for (int i = 0; i < n; i++) {
                r[i] = -g[i];
                d[i] = r[i];
            }
            double rr = dot(r, r);
            for (int j = 0; j < 2 * n; j++) {
                java.util.Arrays.fill(hd, 0);
                java.util.Arrays.fill(scratch, 0);
                f.hessianTimes(x, d, scratch, hd);
                products++;
                double curvature = dot(d, hd);
                if (curvature <= 0) {
                    if (j == 0) {
                        System.arraycopy(d, 0, p, 0, n); // negative curvature at once: steepest descent
                    }
                    break;
                }
                double alpha = rr / curvature;
                for (int i = 0; i < n; i++) {
                    p[i] += alpha * d[i];
                    r[i] -= alpha * hd[i];
                }
                double rrNext = dot(r, r);
                if (Math.sqrt(rrNext) < eta * gNorm) {
                    break;
                }
                double beta = rrNext / rr;
                rr = rrNext;
                for (int i = 0; i < n; i++) {
                    d[i] = r[i] + beta * d[i];
                }
            }
            // backtracking line search: f(x + t p) <= f(x) + 1e-4 t gᵀp
            double slope = dot(g, p);
            double t = 1;
            double ft;
            while (true) {
                for (int i = 0; i < n; i++) {
                    trial[i] = x[i] + t * p[i];
                }
                java.util.Arrays.fill(scratch, 0);
                ft = f.valueAndGradient(trial, scratch);
                if (ft <= fx + 1e-4 * t * slope || t < 1e-12) {
                    break;
                }
                t *= 0.5;
            }
            System.arraycopy(trial, 0, x, 0, n);
            System.arraycopy(scratch, 0, g, 0, n);
            fx = ft;
        }
        return new Result(x, fx, norm(g), k, products);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
