package corpus;

import dev.adjoint.Differentiable;

/** Local arrays new double[n] (and new double[n][m]) filled, overwritten and read in loops. */
public class LocalArrays {

    // a local array of intermediate values, then a reduction
    //@at ({0.3, -0.7, 1.1})
    //@at ({-1.2, 0.4, 2.0, 0.6})
    @Differentiable
    static double squaredThenSummed(double[] w) {
        double[] t = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            t[i] = Math.sin(w[i]) * w[i];
        }
        double s = 0;
        for (int i = 0; i < t.length; i++) {
            s += t[i] * t[(i + 1) % t.length];
        }
        return s;
    }

    // a local array built by a recurrence over its own earlier elements
    //@at (0.7, 6)
    //@at (-0.4, 3)
    @Differentiable
    static double recurrence(double x, int n) {
        double[] a = new double[n + 2];
        a[0] = 1;
        a[1] = x;
        for (int i = 2; i < a.length; i++) {
            a[i] = a[i - 1] * x - a[i - 2] * 0.5;
        }
        return a[n + 1];
    }

    // a local array whose elements are overwritten again and again (a histogram-like accumulator)
    //@at ({0.3, -0.7, 1.1, 0.8, -0.2, 0.5})
    //@at ({-1.2, 0.4, 2.0})
    @Differentiable
    static double bucketed(double[] w) {
        double[] b = new double[2];
        for (int i = 0; i < w.length; i++) {
            int k = w[i] > 0 ? 1 : 0;
            b[k] = b[k] * 0.5 + w[i] * w[i];
        }
        return b[0] * b[1] + b[1];
    }

    // a local array sized by an int parameter, filled from scalars, read by for-each
    //@at (0.7, 1.3, 4)
    //@at (-0.4, 0.6, 2)
    @Differentiable
    static double fromScalars(double x, double y, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = x * i + y / (i + 1);
        }
        double s = 0;
        for (double e : v) {
            s += Math.exp(-e * e);
        }
        return s;
    }

    // two local arrays, one read while the other is written (a finite-difference stencil)
    //@at ({0.3, -0.7, 1.1, 0.8, -0.2})
    //@at ({-1.2, 0.4, 2.0, 0.6})
    @Differentiable
    static double stencilTwoBuffers(double[] u) {
        double[] a = new double[u.length];
        double[] b = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            a[i] = u[i];
        }
        for (int step = 0; step < 3; step++) {
            for (int i = 1; i < u.length - 1; i++) {
                b[i] = a[i] + 0.2 * (a[i - 1] - 2 * a[i] + a[i + 1]);
            }
            b[0] = a[0];
            b[u.length - 1] = a[u.length - 1];
            for (int i = 0; i < u.length; i++) {
                a[i] = b[i] * b[i] * 0.5 + b[i];
            }
        }
        return a[1] + a[u.length - 2] * a[0];
    }

    // a parameter array passed to another method (read-only by both), inside a loop and out
    //@at ({0.3, -0.7, 1.1})
    //@at ({-1.2, 0.4, 2.0, 0.6})
    @Differentiable
    static double paramPassedToCall(double[] w) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s = s * 0.5 + norm2(w) * w[i];
        }
        return s + norm2(w);
    }

    // a local array that the method writes, then passes to a method that reads it: static (its writes
    // are undone element by element, so the callee's adjoint reads it as it was at the call)
    //@at ({0.3, -0.7, 1.1})
    //@at ({-1.2, 0.4, 2.0, 0.6})
    @Differentiable
    static double writtenLocalPassedToCall(double[] w) {
        double[] t = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            t[i] = w[i] * (i + 1);
        }
        return norm2(t) + norm2(w) * t[0];
    }

    //@at ({0.3, -0.7, 1.1})
    //@at ({-1.2, 0.4})
    @Differentiable
    static double norm2(double[] v) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += v[i] * v[i];
        }
        return s;
    }

    // a 2-D local array (a table of partial products)
    //@at ({0.3, -0.7, 1.1})
    //@at ({-1.2, 0.4, 2.0, 0.6})
    @Differentiable
    static double localTable(double[] w) {
        int n = w.length;
        double[][] t = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                t[i][j] = w[i] * w[j] + (i == j ? w[i] : 0);
            }
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s += t[i][j] * t[j][i] * 0.5;
            }
        }
        return s;
    }

    // a local array with a constant size, written in straight-line code
    //@at (0.7, 1.3)
    //@at (-0.4, 0.6)
    @Differentiable
    static double constantSize(double x, double y) {
        double[] p = new double[3];
        p[0] = x * y;
        p[1] = p[0] + Math.sin(x);
        p[2] = p[1] * p[0];
        p[0] = p[2] - y;
        return p[0] * p[1] + p[2];
    }

    // fuzz seed 777 program 928: a local array read by the derivative of a product while it is
    // not itself active (its values come from a constant): it must still be restored in reverse
    //@at (0.7, 1.3, 3)
    //@at (-0.4, 0.9, 4)
    @Differentiable(wrt = "x")
    static double inactiveArrayReadByAProduct(double p, double x, int n) {
        double[] u = new double[4];
        u[0] = 1.5;
        double b = x;
        int i = n;
        while (i > 0) {
            i--;
            b = Math.tanh(b * u[(i + 1) % 4] + Math.sin(u[i]) * b);
            u[i] = Math.tanh(p) + i;
        }
        return b;
    }

    // fuzz seed 31337 program 75: a value computed from an element of a local array that changes
    // between iterations is not the same in every iteration, and must be saved
    //@at (0.6, {0.2, -0.5, 0.9, 0.3}, 4)
    //@at (-0.3, {0.4, 0.1, -0.8, 0.7}, 3)
    @Differentiable
    static double factorFromAChangingElement(double x, double[] w, int n) {
        double[] u = new double[4];
        double a = Math.tan(0.5 * Math.tanh(w[3]));
        int k = n - 1;
        int i = n;
        while (i > 0) {
            i--;
            x = Math.tanh(Math.exp(Math.tanh(a)) * (u[3 - k] / (2 + Math.cos(u[i]))) + x);
            u[i]++;
            u[(i + k) % 4] += 0.5 * x;
            a *= 0.75 + 0.25 * Math.tanh(u[3 - k]);
        }
        return a - x;
    }

    // local arrays after two early returns: the rest of the top level runs under the returns' guards, the arrays
    // are still created once; the second point returns early, the third takes the second return
    //@at ({0.5, -1.5, 2.0}, 2)
    //@at ({-0.5, 1.5}, 2)
    //@at ({0.5, 1.5, -0.3}, 7)
    @Differentiable
    static double localArraysAfterTwoReturns(double[] x, int n) {
        if (x[0] < 0) {
            return x[1] * x[0];
        }
        double[] t = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            t[i] = Math.sin(x[i] * x[i]);
        }
        if (n > 5) {
            return t[0] + t[1];
        }
        double s = 0;
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = t[i % x.length] * x[0];
            s += u[i] * u[i];
        }
        return s;
    }

    // the same with a 2-D local array after an early return
    //@at ({0.5, -1.5, 2.0})
    //@at ({-0.5, 1.5})
    @Differentiable
    static double localTableAfterReturn(double[] x) {
        if (x[0] < 0) {
            return x[1] * x[0];
        }
        double[][] t = new double[2][x.length];
        for (int i = 0; i < x.length; i++) {
            t[0][i] = x[i] * x[i];
            t[1][i] = Math.sin(t[0][i]);
        }
        return t[1][0] * t[0][x.length - 1];
    }

    // several initialised arrays in one declaration, each reading the one before (Clad's reference
    // arguments written as 1-element arrays), then written by a helper twice
    //@at (0.7, -1.3)
    //@at (1.1, 0.4)
    @Differentiable
    static double initialisersInOneDeclaration(double i, double j) {
        double[] ri = {i, j * j}, rj = {j}, rk = new double[] {ri[1] * i};
        bump(ri, rj);
        bump(ri, rj);
        return ri[0] * rk[0] + rj[0];
    }

    static void bump(double[] a, double[] b) {
        a[0] += b[0] * a[1];
        b[0] += b[0];
    }
}
