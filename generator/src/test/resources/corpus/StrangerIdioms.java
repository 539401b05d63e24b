package corpus;

import static java.lang.Math.*;

import dev.adjoint.Differentiable;

//@uses StrangerUtil

/** Everyday control flow: early return, continue, labelled break, var, final, tables, guards. */
public final class StrangerIdioms {
    private StrangerIdioms() {}

    static final double[] WEIGHTS = {1.0, 0.5, 0.25, 0.125};
    static final double[][] GAUSS = {{-0.5773502691896257, 1.0}, {0.5773502691896257, 1.0}};

    /** Huber loss over residuals; skips NaN targets, stops early past a budget. */
    //@at ({0.5, -0.3}, {{1.0, 0.5}, {-0.7, 1.2}, {0.3, -0.9}}, {0.2, 2.5, -1.5}, 1.0, 100.0)
    //@at ({0.5, -0.3}, {{1.0, 0.5}, {-0.7, 1.2}, {0.3, -0.9}}, {0.2, 2.5, -1.5}, 0.5, 0.3)
    //@at ({0.5, -0.3}, {{1.0, 0.5}, {-0.7, 1.2}, {0.3, -0.9}}, {0.2, NaN, -1.5}, 1.0, 100.0)
    @Differentiable(wrt = "w")
    public static double huber(double[] w, double[][] xs, double[] ys, double delta, double budget) {
        if (delta <= 0) {
            throw new IllegalArgumentException("delta must be positive: " + delta);
        }
        var total = 0.0;
        for (int i = 0; i < xs.length; i++) {
            if (Double.isNaN(ys[i])) {
                continue;
            }
            final double r = StrangerUtil.dot(w, xs[i]) - ys[i];
            final double a = abs(r);
            total += a <= delta ? 0.5 * r * r : delta * (a - 0.5 * delta);
            if (total > budget) {
                return budget + log1p(total - budget);
            }
        }
        return total;
    }

    /** First row whose norm exceeds a threshold, found with a labelled break. */
    //@at ({{0.1, 0.2}, {0.9, 1.4, 0.2}, {3.0}}, 1.0)
    //@at ({{0.1, 0.2}, {0.3}, {0.2, 0.1}}, 5.0)
    //@at ({{2.1, 0.2}, {0.3}}, 1.0)
    @Differentiable(wrt = "m")
    public static double firstLargeRow(double[][] m, double threshold) {
        double found = 0;
        search:
        for (int i = 0; i < m.length; i++) {
            double norm = 0;
            for (int j = 0; j < m[i].length; j++) {
                norm = hypot(norm, m[i][j]);
                if (norm > threshold) {
                    found = norm * WEIGHTS[i % WEIGHTS.length];
                    break search;
                }
            }
        }
        return found;
    }

    /** Enhanced for over rows, a 2-point Gauss rule from a table, min/max clamps. */
    //@at ({{0.5, -0.3, 1.2}, {2.0, 0.1}})
    //@at ({{1.0, 0.4, -0.2, 0.3}})
    @Differentiable
    public static double rowIntegrals(double[][] coeffs) {
        double total = 0;
        for (double[] row : coeffs) {
            double integral = 0;
            for (double[] node : GAUSS) {
                double x = node[0];
                double p = 0;
                for (int k = row.length - 1; k >= 0; k--) {
                    p = p * x + row[k];
                }
                integral += node[1] * p;
            }
            total += min(max(integral, -10), 10);
        }
        return total;
    }
}
