package corpus;

import static java.lang.Math.*;

import dev.adjoint.Differentiable;

/** Newton's method inside an objective, quadrature, splines. */
public final class StrangerRoots {
    private StrangerRoots() {}

    private static final double TOL = 1e-13;

    /** The real root of x^3 + a x - b (a > 0), by Newton with a fixed number of steps, squared. */
    //@at (1.5, 2.0)
    //@at (0.7, -1.3)
    @Differentiable
    public static double newtonFixed(double a, double b) {
        double x = b / (1 + a);
        for (int i = 0; i < 40; i++) {
            double f = x * x * x + a * x - b;
            double df = 3 * x * x + a;
            x -= f / df;
        }
        return x * x;
    }

    /** The same root, iterating while the step is large. */
    //@at (1.5, 2.0)
    //@at (0.7, -1.3)
    @Differentiable
    public static double newtonWhile(double a, double b) {
        double x = b / (1 + a);
        double dx = 1.0;
        int iterations = 0;
        while (abs(dx) > TOL) {
            double f = x * x * x + a * x - b;
            double df = 3 * x * x + a;
            dx = f / df;
            x -= dx;
            if (++iterations > 100) {
                throw new IllegalStateException("Newton did not converge");
            }
        }
        return x * x;
    }

    static double integrand(double x, double k) {
        return exp(-k * x * x) * cos(x);
    }

    /** Composite Simpson's rule of exp(-k x^2) cos x over [lo, hi]. */
    //@at (-0.5, 1.2, 0.8, 20)
    //@at (0.1, 2.0, 1.5, 10)
    @Differentiable
    public static double simpson(double lo, double hi, double k, int n) {
        if (n % 2 != 0) {
            throw new IllegalArgumentException("n must be even, got " + n);
        }
        double h = (hi - lo) / n;
        double s = integrand(lo, k) + integrand(hi, k);
        for (int i = 1; i < n; i++) {
            double x = lo + i * h;
            s += (i % 2 == 1 ? 4 : 2) * integrand(x, k);
        }
        return s * h / 3;
    }

    /** Trapezoid rule with a floating-point loop variable. */
    //@at (0.8, 1.0, 0.125)
    //@at (1.5, 2.0, 0.25)
    @Differentiable(wrt = "k")
    public static double trapezoid(double k, double hi, double dt) {
        double s = 0;
        for (double t = 0; t + dt <= hi + 1e-12; t += dt) {
            s += 0.5 * dt * (integrand(t, k) + integrand(t + dt, k));
        }
        return s;
    }

    /** Natural cubic spline through (xs, ys) evaluated at t; binary search over the knots. */
    //@at ({0.0, 0.5, 1.2, 2.0, 3.0}, {1.0, -0.5, 0.3, 2.0, 1.1}, 1.4)
    //@at ({0.0, 1.0, 2.0, 3.5}, {0.2, 0.9, -0.4, 0.6}, 0.3)
    @Differentiable(wrt = {"ys", "t"})
    public static double spline(double[] xs, double[] ys, double t) {
        int n = xs.length;
        double[] m = new double[n];
        double[] c = new double[n];
        double[] d = new double[n];
        // tridiagonal system for the second derivatives (Thomas algorithm), m[0] = m[n-1] = 0
        for (int i = 1; i < n - 1; i++) {
            double h0 = xs[i] - xs[i - 1];
            double h1 = xs[i + 1] - xs[i];
            double diag = 2 * (h0 + h1);
            double rhs = 6 * ((ys[i + 1] - ys[i]) / h1 - (ys[i] - ys[i - 1]) / h0);
            if (i > 1) {
                double w = h0 / d[i - 1];
                diag -= w * h0;
                rhs -= w * c[i - 1];
            }
            d[i] = diag;
            c[i] = rhs;
        }
        for (int i = n - 2; i >= 1; i--) {
            double h1 = xs[i + 1] - xs[i];
            m[i] = (c[i] - (i < n - 2 ? h1 * m[i + 1] : 0)) / d[i];
        }
        int lo = 0;
        int hi = n - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (xs[mid] > t) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        double h = xs[hi] - xs[lo];
        double a = (xs[hi] - t) / h;
        double b = (t - xs[lo]) / h;
        return a * ys[lo] + b * ys[hi] + ((a * a * a - a) * m[lo] + (b * b * b - b) * m[hi]) * h * h / 6;
    }

}
