package corpus;

import dev.adjoint.Differentiable;

/**
 * Array elements written in place, wrt parameters included: the gradient is with respect to the
 * values on entry, and the adjoint leaves the arrays as the method does.
 */
public class ArrayWrites {

    // the example: each element overwritten with a product of itself and the previous one
    //@at ({0.9, 1.2, -0.4, 2.5})
    //@at ({-0.9, 0.3})
    @Differentiable
    static double prefixProduct(double[] x) {
        for (int i = 1; i < x.length; i++) {
            x[i] = x[i] * x[i - 1];
        }
        return x[x.length - 1];
    }

    // the same element overwritten again and again
    //@at ({0.9, 1.2, -0.4, 2.5})
    //@at ({-0.7, 0.3, 1.4})
    @Differentiable
    static double sameElementOverwritten(double[] x) {
        for (int i = 1; i < x.length; i++) {
            x[0] = x[0] * x[i] + Math.sin(x[0]);
        }
        return x[0] * x[0];
    }

    // a running sum written in place, then read back
    //@at ({0.3, -0.7, 1.1, 0.8})
    //@at ({-1.2, 0.4, 2.0})
    @Differentiable
    static double prefixSumInPlace(double[] x) {
        for (int i = 1; i < x.length; i++) {
            x[i] += x[i - 1];
        }
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * x[i];
        }
        return s;
    }

    // elements swapped through a temporary
    //@at ({0.3, -0.7, 1.1, 0.8, 0.5})
    //@at ({-1.2, 0.4})
    @Differentiable
    static double reverseInPlace(double[] x) {
        for (int i = 0; i < x.length / 2; i++) {
            double t = x[i];
            x[i] = x[x.length - 1 - i];
            x[x.length - 1 - i] = t;
        }
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * (i + 1);
        }
        return s;
    }

    // a write in a branch, depending on the element's own value
    //@at ({0.3, -0.7, 1.1, -0.8})
    //@at ({-1.2, 0.4, 2.0})
    @Differentiable
    static double clampInPlace(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (x[i] < 0) {
                x[i] = x[i] * 0.1;
            } else if (x[i] > 1) {
                x[i] = 1 + Math.log(x[i]);
            }
        }
        return x[0] * x[1] + x[x.length - 1];
    }

    // straight-line writes to a wrt array, read before and after each
    //@at ({0.3, -0.7, 1.1})
    //@at ({-1.2, 0.4, 2.0})
    @Differentiable
    static double straightLineWrites(double[] x) {
        double a = x[0] * x[1];
        x[0] = x[0] * x[2];
        x[1] = Math.exp(x[0]) + a;
        x[0] = x[1] - x[0];
        x[2] *= x[2];
        return x[0] + x[1] * x[2] + a;
    }

    // one wrt array written from another, read-only one
    //@at ({0.3, -0.7, 1.1}, {1.5, 0.25, 0.9})
    //@at ({-1.2, 0.4, 2.0}, {0.5, -2.0, 0.1})
    @Differentiable
    static double axpyInPlace(double[] y, double[] x) {
        for (int r = 0; r < 3; r++) {
            for (int i = 0; i < y.length; i++) {
                y[i] = y[i] * 0.5 + x[i] * y[(i + 1) % y.length];
            }
        }
        return y[0] + y[1] * y[2];
    }

    // a non-wrt array written with wrt values: its elements carry the gradient
    //@at ({0.3, -0.7, 1.1}, {0.0, 0.0, 0.0})
    //@at ({-1.2, 0.4, 2.0}, {5.0, 5.0, 5.0})
    @Differentiable(wrt = "w")
    static double scratchArrayNotWrt(double[] w, double[] scratch) {
        for (int i = 0; i < w.length; i++) {
            scratch[i] = w[i] * w[i] + scratch[i];
        }
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += scratch[i] * w[(i + 1) % w.length];
        }
        return s;
    }

    // a wrt array written through an index computed from the data
    //@at ({0.3, -0.7, 1.1, 0.8})
    //@at ({-1.2, 0.4, 2.0, 0.6})
    @Differentiable
    static double dataDependentIndex(double[] x) {
        int k = x[0] > 0 ? 1 : 2;
        x[k] = x[k] * x[0] + x[3];
        x[3 - k] = x[k] * 2;
        return x[1] * x[2] + x[3];
    }

    // writes in a while loop that stops on the written values
    //@at ({0.3, 0.7, 1.1, 0.8})
    //@at ({0.9, 0.4, 0.2})
    @Differentiable
    static double writeUntil(double[] x) {
        int i = 1;
        while (i < x.length && x[i - 1] < 2) {
            x[i] = x[i] + x[i - 1] * 1.5;
            i++;
        }
        return x[i - 1] * x[0];
    }

    // in-place smoothing sweeps: each element read after its neighbour was overwritten
    //@at ({0.3, -0.7, 1.1, 0.8, -0.2})
    //@at ({-1.2, 0.4, 2.0})
    @Differentiable
    static double gaussSeidelSweeps(double[] x) {
        for (int sweep = 0; sweep < 3; sweep++) {
            for (int i = 1; i < x.length - 1; i++) {
                x[i] = 0.25 * x[i - 1] + 0.5 * x[i] + 0.25 * x[i + 1];
            }
        }
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return s;
    }

    // a float array written in place is in FloatArrays; here a for-each reads the written array
    //@at ({0.3, -0.7, 1.1}, 1.5)
    //@at ({-1.2, 0.4, 2.0, 0.6}, -0.5)
    @Differentiable
    static double scaleThenForEach(double[] x, double c) {
        for (int i = 0; i < x.length; i++) {
            x[i] = x[i] * c + i;
        }
        double p = 1;
        for (double v : x) {
            p = p * (1 + v * v);
        }
        return Math.log(p);
    }

    // a write with a compound operator inside an if/else chain and a continue
    //@at ({0.3, -0.7, 1.1, 0.8})
    //@at ({-1.2, 0.4, 2.0, -0.6})
    @Differentiable
    static double compoundWritesWithContinue(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (x[i] < 0) {
                x[i] -= 1;
                continue;
            }
            x[i] *= x[i];
            x[i] /= 1 + x[0] * x[0];
        }
        return x[0] + x[1] + x[2] * x[3];
    }

    // ++ and -- on array elements, and on a wrt scalar
    //@at ({0.3, -0.7, 1.1}, 0.5)
    //@at ({-1.2, 0.4}, -0.9)
    @Differentiable
    static double incrementElements(double[] x, double c) {
        for (int i = 0; i < x.length; i++) {
            x[i]++;
            x[i] = x[i] * c;
            c--;
        }
        x[0]--;
        return x[0] * x[x.length - 1] + c * c;
    }

    // assignments to elements chained inside an expression (Clad's Assignments.C f8): Java stores
    // t[2] into t[1], then t[1] into t[0], multiplies y, and stores y into t[3], in that order
    //@at ({0.3, -0.7, 1.1, 0.8}, 0.5)
    //@at ({-1.2, 0.4, 2.0, -0.6}, -0.9)
    @Differentiable
    static double chainedElementAssignments(double[] t, double y) {
        t[0] = t[1] = t[2] * y;
        t[3] = (y *= (t[0] = t[1] = t[2]));
        double[] g = new double[t.length];
        double s = 0;
        for (int i = 0; i < t.length; i++) {
            s += g[i] = t[i] * y;
        }
        return s * g[0] + t[3] * t[1];
    }
}
