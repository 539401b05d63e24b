package corpus;

import dev.adjoint.Differentiable;

/**
 * Loops in a row over the same range, which the adjoint runs as one loop where iteration {@code j}
 * of each reads only element {@code j} of what the others write (GMM's {@code xc} then
 * {@code qxc}), in the forward sweep and in the reverse sweep. And the near misses, which must
 * stay apart: a neighbouring element, a sum carried from one loop into the next, an array the
 * second loop writes that the first reads elsewhere, a bound the first loop changes.
 */
public class FusedLoops {

    // GMM's shape: a difference, a scaled copy of it, a third loop over the same range reading both
    //@at ({0.3, -0.7, 1.1, 0.8}, {0.5, -0.2, 0.9, 1.3}, 4)
    //@at ({0.6, -0.1, 0.4}, {0.2, 0.7, -0.5}, 3)
    @Differentiable
    static double fused(double[] x, double[] mu, int d) {
        double[] xc = new double[d];
        double[] qxc = new double[d];
        double[] r = new double[d];
        double s = 0;
        for (int c = 0; c < 3; c++) {
            for (int j = 0; j < d; j++) {
                xc[j] = x[j] - mu[c * 0 + j] * (c + 1);
            }
            for (int j = 0; j < d; j++) {
                qxc[j] = mu[j] * xc[j];
            }
            for (int j = 0; j < d; j++) {
                r[j] = qxc[j] - 0.5 * xc[j] + x[j];
            }
            double q = 0;
            for (int j = 0; j < d; j++) {
                q += r[j] * r[j];
            }
            s += Math.exp(-q) * (c + 1);
        }
        return s;
    }

    // the second counter is read after the loops: it ends where the first does
    //@at ({0.3, -0.7, 1.1, 0.8}, 4)
    //@at ({0.6, -0.1, 0.4}, 3)
    @Differentiable
    static double counterReadAfter(double[] x, int n) {
        double[] y = new double[n];
        double[] z = new double[n];
        int i = 0;
        int j = 0;
        for (i = 0; i < n; i++) {
            y[i] = x[i] * x[i];
        }
        for (j = 0; j < n; j++) {
            z[j] = y[j] * 3 + x[j];
        }
        return z[j - 1] * y[i - 2] + z[0];
    }

    // the second loop reads the next element of what the first writes: it must see all of it
    //@at ({0.3, -0.7, 1.1, 0.8}, 4)
    //@at ({0.6, -0.1, 0.4}, 3)
    @Differentiable
    static double neighbour(double[] x, int n) {
        double[] y = new double[n + 1];
        double[] z = new double[n];
        for (int j = 0; j < n; j++) {
            y[j + 1] = x[j] * x[j];
        }
        for (int j = 0; j < n; j++) {
            z[j] = y[j + 1] * y[n] + x[j];
        }
        double s = 0;
        for (int j = 0; j < n; j++) {
            s += z[j] * z[j];
        }
        return s;
    }

    // a sum the first loop builds, read by the second: its final value, not a partial one
    //@at ({0.3, -0.7, 1.1, 0.8}, 4)
    //@at ({0.6, -0.1, 0.4}, 3)
    @Differentiable
    static double carriedSum(double[] x, int n) {
        double[] y = new double[n];
        double t = 0;
        for (int j = 0; j < n; j++) {
            t += x[j] * x[j];
        }
        for (int j = 0; j < n; j++) {
            y[j] = x[j] * t;
        }
        double s = 0;
        for (int j = 0; j < n; j++) {
            s += y[j] * Math.cos(y[j]);
        }
        return s;
    }

    // the second loop writes the array the first reads at a fixed element
    //@at ({0.3, -0.7, 1.1, 0.8}, 4)
    //@at ({0.6, -0.1, 0.4}, 3)
    @Differentiable
    static double writesWhatTheFirstReads(double[] x, int n) {
        double[] w = new double[n];
        double[] t = new double[n];
        w[0] = 2.0;
        for (int j = 0; j < n; j++) {
            t[j] = x[j] * w[0];
        }
        for (int j = 0; j < n; j++) {
            w[j] = t[j] * x[j] + 1.0;
        }
        double s = 0;
        for (int j = 0; j < n; j++) {
            s += w[j] * t[j];
        }
        return s;
    }

    // the first loop changes the bound the second runs to (it also counts its iterations for the
    // reverse sweep, as a loop whose bound moves does; LoopFusionTest checks the bound rule alone)
    //@at ({0.3, -0.7, 1.1, 0.8}, 4)
    //@at ({0.6, -0.1, 0.4, 0.9, 1.3}, 5)
    @Differentiable
    static double boundChanged(double[] x, int n) {
        double[] y = new double[n];
        int m = n;
        double s = 0;
        int j = 0;
        while (j < m) {
            y[j] = x[j] * x[j];
            m = n - 1;
            j++;
        }
        int k = 0;
        while (k < m) {
            s += y[k] * x[k];
            k++;
        }
        return s;
    }
}
