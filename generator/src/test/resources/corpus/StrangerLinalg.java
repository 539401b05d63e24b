package corpus;

import dev.adjoint.Differentiable;

//@uses StrangerUtil

/** LU with partial pivoting, Householder QR, power iteration, Gauss-Seidel. */
public final class StrangerLinalg {
    private StrangerLinalg() {}

    /** The same with the swap done element by element, as in Numerical Recipes. */
    //@at ({{0.5, 2.0, 0.1}, {1.5, -0.3, 0.4}, {0.2, 0.8, 1.7}}, {1.0, -0.5, 0.25})
    //@at ({{1.2, 0.4}, {-2.0, 0.7}}, {0.3, 0.9})
    @Differentiable
    public static double solveSum(double[][] a, double[] b) {
        int n = b.length;
        double[][] lu = new double[n][n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, lu[i], 0, n);
            x[i] = b[i];
        }
        for (int k = 0; k < n; k++) {
            int p = k;
            for (int i = k + 1; i < n; i++) {
                if (Math.abs(lu[i][k]) > Math.abs(lu[p][k])) {
                    p = i;
                }
            }
            if (p != k) {
                for (int j = 0; j < n; j++) {
                    double t = lu[k][j];
                    lu[k][j] = lu[p][j];
                    lu[p][j] = t;
                }
                double t = x[k];
                x[k] = x[p];
                x[p] = t;
            }
            for (int i = k + 1; i < n; i++) {
                double f = lu[i][k] / lu[k][k];
                for (int j = k; j < n; j++) {
                    lu[i][j] -= f * lu[k][j];
                }
                x[i] -= f * x[k];
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = x[i];
            for (int j = i + 1; j < n; j++) {
                s -= lu[i][j] * x[j];
            }
            x[i] = s / lu[i][i];
        }
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum;
    }

    /** Sum of log|R_ii| of the Householder QR of a (m >= n). */
    //@at ({{0.5, 2.0, 0.1}, {1.5, -0.3, 0.4}, {0.2, 0.8, 1.7}})
    //@at ({{1.2, 0.4}, {-2.0, 0.7}, {0.3, 0.5}})
    @Differentiable
    public static double qrLogDet(double[][] a) {
        int m = a.length;
        int n = a[0].length;
        double[][] r = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                r[i][j] = a[i][j];
            }
        }
        double[] v = new double[m];
        for (int k = 0; k < n; k++) {
            double norm = 0;
            for (int i = k; i < m; i++) {
                norm = Math.hypot(norm, r[i][k]);
            }
            double alpha = r[k][k] > 0 ? -norm : norm;
            double vnorm2 = 0;
            for (int i = k; i < m; i++) {
                v[i] = r[i][k];
                if (i == k) {
                    v[i] -= alpha;
                }
                vnorm2 += v[i] * v[i];
            }
            for (int j = k; j < n; j++) {
                double s = 0;
                for (int i = k; i < m; i++) {
                    s += v[i] * r[i][j];
                }
                double f = 2 * s / vnorm2;
                for (int i = k; i < m; i++) {
                    r[i][j] -= f * v[i];
                }
            }
        }
        double out = 0;
        for (int k = 0; k < n; k++) {
            out += Math.log(Math.abs(r[k][k]));
        }
        return out;
    }

    /** Dominant eigenvalue by power iteration, a fixed number of steps, Rayleigh quotient. */
    //@at ({{2.0, 0.5, 0.1}, {0.5, 1.0, 0.2}, {0.1, 0.2, 0.5}}, 30)
    //@at ({{3.0, 1.0}, {1.0, 1.0}}, 25)
    @Differentiable(wrt = "a")
    public static double powerIteration(double[][] a, int iterations) {
        int n = a.length;
        double[] v = new double[n];
        java.util.Arrays.fill(v, 1.0 / Math.sqrt(n));
        for (int it = 0; it < iterations; it++) {
            double[] w = StrangerUtil.matVec(a, v);
            double norm = Math.sqrt(StrangerUtil.dot(w, w));
            for (int i = 0; i < n; i++) {
                v[i] = w[i] / norm;
            }
        }
        double[] av = StrangerUtil.matVec(a, v);
        return StrangerUtil.dot(v, av);
    }

    /** Gauss-Seidel sweeps until the update is below tol; returns c . x. */
    //@at ({{4.0, 1.0, 0.5}, {1.0, 3.0, -0.5}, {0.5, -0.5, 2.5}}, {1.0, 2.0, -1.0}, {0.5, -1.0, 2.0}, 1e-13, 200)
    //@at ({{2.0, 0.3}, {0.4, 1.5}}, {0.7, -0.2}, {1.0, 1.0}, 1e-13, 200)
    @Differentiable(wrt = {"a", "b"})
    public static double gaussSeidel(double[][] a, double[] b, double[] c, double tol, int maxSweeps) {
        int n = b.length;
        double[] x = new double[n];
        double change = Double.POSITIVE_INFINITY;
        int sweep = 0;
        while (change > tol && sweep < maxSweeps) {
            change = 0;
            for (int i = 0; i < n; i++) {
                double s = b[i];
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        s -= a[i][j] * x[j];
                    }
                }
                double next = s / a[i][i];
                change = Math.max(change, Math.abs(next - x[i]));
                x[i] = next;
            }
            sweep++;
        }
        return StrangerUtil.dot(c, x);
    }
}
