package corpus;

import dev.adjoint.Differentiable;

/** Read-only double[] parameters: element reads with int index expressions, .length. */
public class ArrayParams {
    static final int LAST = 2;

    //@at ({0.3, -0.7, 1.1}, {1.5, 0.25, 9})
    //@at ({-1.2, 0.4, 2.0}, {0.5, -2.0, 0.1})
    @Differentiable(wrt = "w")
    static double dot(double[] w, double[] x) {
        return w[0] * x[0] + w[1] * x[1] + w[2] * x[2];
    }

    // index expressions over an int parameter, .length and constants
    //@at ({0.3, -0.7, 1.1, 0.8, -0.2}, 1)
    //@at ({1.3, 0.2, -0.9, 0.6, 2.1}, 0)
    @Differentiable
    static double indexArithmetic(double[] w, int i) {
        return w[i] * w[i + 1] - w[w.length - 1] * w[i * 2] + w[(i + 2) / 2] * w[LAST] + w[w.length - i - 2];
    }

    // an int local overwritten between the reads it indexes
    //@at ({0.3, -0.7, 1.1, 0.8}, {1.5, 0.25, 9, -1})
    //@at ({-1.2, 0.4, 2.0, 0.6}, {0.5, -2.0, 0.1, 3})
    @Differentiable(wrt = "w")
    static double movingIndex(double[] w, double[] x) {
        int n = w.length;
        int k = 0;
        double s = w[n - 1] * x[0];
        s = s + w[k] * x[k];
        k = k + 1;
        s = s * w[k];
        k++;
        s = s + w[k] * w[k] * x[k];
        k += 1;
        return s / n + w[k];
    }

    // an int parameter reassigned and used as an index
    //@at ({0.3, -0.7, 1.1, 0.8}, 0)
    //@at ({-1.2, 0.4, 2.0, 0.6}, 1)
    @Differentiable
    static double reassignedIndexParam(double[] w, int i) {
        double s = w[i];
        i = i + 1;
        s = s * w[i];
        i = i + 1;
        return s + w[i] * s;
    }

    //@at ({0.3, -0.7}, {1.5, 0.25})
    //@at ({-1.2, 0.4}, {0.5, -2.0})
    @Differentiable
    static double twoArrays(double[] a, double[] b) {
        double s = a[0] * b[0] + a[1] * b[1];
        return Math.tanh(s) + a[0] * a[0] * b[1];
    }

    //@at ({0.3, -0.7}, 1.5)
    //@at ({-1.2, 0.4}, -0.5)
    @Differentiable
    static double arrayAndScalar(double[] w, double s) {
        return Math.tanh(w[0] * s + w[1]) * s + w[0] * w[0] * w[1];
    }

    // one wrt array is not read at all, another only through a branch
    //@at ({0.3, -0.7}, {1.5, 0.25}, 0.8)
    //@at ({-1.2, 0.4}, {0.5, -2.0}, -0.3)
    @Differentiable
    static double unreadArray(double[] unread, double[] w, double s) {
        double r = s * s;
        if (s > 0) {
            r = r + w[0] * w[1];
        }
        return r;
    }

    // the array's elements in a condition, a ?: choosing between elements
    //@at ({0.3, -0.7, 1.1})
    //@at ({-1.2, 0.4, 2.0})
    //@at ({0.3, -0.7, 0.5})
    @Differentiable
    static double elementsInConditions(double[] w) {
        double m = w[0] > w[1] ? w[0] : w[1];
        if (w[2] > 1 && w.length == 3) {
            m = m * w[2];
        }
        return m * m;
    }
}
