package corpus;

import dev.adjoint.Differentiable;

/** Idioms of ordinary numeric Java found by writing programs as users do. */
public class Idioms {

    // a periodic table of knots indexed by Math.floorMod of a cell number: integer Math, no derivative
    //@at (2.3, 0.7)
    //@at (-1.9, 0.45)
    @Differentiable
    static double periodicKnots(double x, double h) {
        int k = (int) Math.floor(x / h);
        double t = x / h - k;
        double[] knots = {0.0, 1.0, 0.5, 2.0, 1.5};
        int i = Math.floorMod(k, knots.length - 1);
        int j = Math.floorDiv(k, 3) + Math.toIntExact(Math.multiplyExact(2L, (long) i)) - Math.addExact(i, i);
        return (1 - t) * knots[i] + t * knots[i + 1] + x * h + j * x;
    }

    // variable-arity helpers, called with elements (javac makes the array), with none, and with an array
    //@at (0.7, -1.3, {0.5, 2.0, -0.25})
    //@at (-0.4, 0.9, {1.5, -0.5, 0.75})
    @Differentiable
    static double varargsHelpers(double a, double b, double[] v) {
        return total(a, b * b, Math.sin(a)) + scaledTotal(a, b) + scaledTotal(b) + total(v) * a + scaledTotal(a, v) + total();
    }

    static double total(double... xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s;
    }

    static double scaledTotal(double w, double... xs) {
        double s = 0;
        for (int i = 0; i < xs.length; i++) {
            xs[i] *= w; // (writes the array javac made, or the caller's)
            s += xs[i] * (i + 1);
        }
        return s;
    }

    // a helper writing a scratch array, after a call that stays a call in one expression: what comes first runs
    // first, into a local, and the helper's body then takes the call's place (it was an error for both strategies)
    //@at ({0.7, -1.2, 0.4}, 1.5)
    //@at ({-0.3, 0.8, 1.1}, -0.6)
    @Differentiable
    static double afterACallThatStays(double[] v, double x) {
        double[] w = new double[2];
        return -norm2(v) * x + 0.5 * norm2(v) + fill(w, v, x) + w[1];
    }

    //@at ({0.7, -1.2, 0.4})
    //@at ({-0.3, 0.8, 1.1})
    @Differentiable
    static double norm2(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return s;
    }

    static double fill(double[] w, double[] v, double x) {
        w[0] = v[0] * x;
        w[1] = Math.sin(v[1]) * x;
        return w[0] * w[0];
    }

    // a recurrent state replaced each step by a new array from helpers (h = pre), its length a local of a
    // parameter's (int n = b.length): the arrays share one length, found through the locals computing it
    //@at ({{0.5, -0.3}, {0.2, 0.8}}, {{0.1, 0.4, -0.2}, {-0.6, 0.3, 0.5}}, {0.05, -0.1}, {{1, 0.5, -1}, {0.2, -0.4, 0.9}, {-0.7, 0.3, 0.1}}, {0.3, -0.2})
    //@at ({{-0.2, 0.6}, {0.9, -0.4}}, {{0.7, -0.1, 0.3}, {0.2, 0.5, -0.8}}, {-0.2, 0.15}, {{0.4, -1, 0.6}, {1.2, 0.1, -0.3}}, {-0.5, 0.4})
    @Differentiable(wrt = {"W", "U", "b"})
    static double recurrentState(double[][] W, double[][] U, double[] b, double[][] xs, double[] target) {
        int n = b.length;
        double[] h = new double[n];
        for (int t = 0; t < xs.length; t++) {
            double[] pre = plus(plus(matvec(W, h), matvec(U, xs[t])), b);
            tanhInPlace(pre);
            h = pre;
        }
        double l = 0;
        for (int i = 0; i < n; i++) {
            double d = h[i] - target[i];
            l += d * d;
        }
        return l;
    }

    static double[] matvec(double[][] W, double[] x) {
        double[] y = new double[W.length];
        for (int i = 0; i < W.length; i++) {
            double s = 0;
            for (int j = 0; j < x.length; j++) {
                s += W[i][j] * x[j];
            }
            y[i] = s;
        }
        return y;
    }

    static double[] plus(double[] a, double[] c) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] + c[i];
        }
        return r;
    }

    static void tanhInPlace(double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.tanh(v[i]);
        }
    }
}
