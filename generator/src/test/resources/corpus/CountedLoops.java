package corpus;

import dev.adjoint.Differentiable;

/**
 * Counted loops, {@code for (int j = s; j < e; j++)}, which the reverse sweep runs backwards from
 * {@code max(s, e)} without trip counts; and the near misses that must keep their trip counts
 * (bounds that are not ints, bounds or starts changed in the body or after the loop).
 */
public class CountedLoops {

    static final int THREE = 3;

    // the start after the bound: no trip
    //@at ({0.3, -0.7, 1.1}, 2, 1)
    //@at ({0.3, -0.7, 1.1}, 0, 3)
    //@at ({0.3, -0.7, 1.1}, 1, 1)
    @Differentiable
    static double startAfterBound(double[] w, int s, int e) {
        double p = 1;
        for (int j = s; j < e; j++) {
            p = p * w[j] + 0.5;
        }
        return p;
    }

    // <= with an offset bound
    //@at ({0.3, -0.7, 1.1, 0.8}, 1)
    //@at ({0.3, -0.7, 1.1, 0.8}, 3)
    @Differentiable
    static double lessOrEqual(double[] w, int n) {
        double p = 1;
        for (int j = 1; j <= n - 1; j++) {
            p = Math.sin(p * w[j]) + w[j - 1];
        }
        return p;
    }

    // a triangle: the inner start and bound read the outer counter
    //@at ({0.3, -0.7, 1.1, 0.8})
    //@at ({-1.2, 0.4, 2.0})
    @Differentiable
    static double triangle(double[] w) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            for (int j = i; j < w.length; j++) {
                s = Math.tanh(s + w[i] * w[j]);
            }
            for (int j = 0; j <= i; j++) {
                s = s * w[j] + 0.1;
            }
        }
        return s;
    }

    // a double bound: j < 2.5 ends at 3, not at 2.5
    //@at ({0.3, -0.7, 1.1, 0.8}, 2.5)
    //@at ({0.3, -0.7, 1.1, 0.8}, 1.5)
    @Differentiable
    static double doubleBound(double[] w, double b) {
        double p = 1;
        for (int j = 0; j < b; j++) {
            p = p * w[j] + b;
        }
        return p;
    }

    // a long bound, a cast bound, a call bound, a constant bound
    //@at ({0.3, -0.7, 1.1, 0.8}, 3, 2.2)
    //@at ({0.3, -0.7, 1.1, 0.8}, 1, 3.9)
    @Differentiable
    static double boundsOfOtherTypes(double[] w, long n, double x) {
        double p = 1;
        for (int j = 0; j < n; j++) {
            p = p * w[j] + x;
        }
        for (int j = 0; j < (int) x; j++) {
            p = Math.cos(p) * w[j];
        }
        for (int j = 0; j < Math.min(w.length, 2); j++) {
            p = p * w[j];
        }
        for (int j = 1; j < THREE; j++) {
            p = p + w[j] * w[j - 1];
        }
        return p;
    }

    // the bound changed in the body: not counted (its reverse cannot start from the bound)
    //@at ({0.3, -0.7, 1.1, 0.8, 0.5}, 4)
    //@at ({0.3, -0.7, 1.1, 0.8, 0.5}, 2)
    @Differentiable
    static double boundChangedInBody(double[] w, int n) {
        double p = 1;
        for (int j = 0; j < n; j++) {
            p = p * w[j] + 0.25;
            if (p > 0.5) {
                n = n - 1;
            }
        }
        return p * n;
    }

    // the bound and the start changed after the loop, the counter read and reused after it
    //@at ({0.3, -0.7, 1.1, 0.8, 0.5}, 1, 4)
    //@at ({0.3, -0.7, 1.1, 0.8, 0.5}, 3, 2)
    @Differentiable
    static double boundAndStartChangedAfter(double[] w, int s, int n) {
        double p = 1;
        int j = s;
        while (j < n) {
            p = Math.sin(p) * w[j];
            j = j + 1;
        }
        p = p * j;
        n = 1;
        s = 0;
        j = s;
        while (j <= n) {
            p = p * w[j] + w[j + 1];
            j = j + 1;
        }
        return p * j;
    }

    // the counter read in the body's derivative (p * j), and a loop left by break
    //@at ({0.3, -0.7, 1.1, 0.8, 0.5}, 0.4)
    //@at ({0.3, -0.7, 1.1, 0.8, 0.5}, 3.0)
    @Differentiable
    static double counterInDerivative(double[] w, double x) {
        double p = x;
        for (int j = 0; j < w.length; j++) {
            p = p * j * w[j] + Math.exp(-p * p);
        }
        for (int j = 0; j < w.length; j++) {
            if (p > x) {
                break;
            }
            p = p + w[j] * x;
        }
        return p;
    }

    // values computed again in the reversed iteration instead of saved: a division (its derivative reads its
    // result), an element load at a mirrored index, a cast of the counter
    //@at ({0.3, -0.7, 1.1, 0.8}, 1.5)
    //@at ({-1.2, 0.4, 2.0}, 0.25)
    @Differentiable
    static double computedAgain(double[] w, double x) {
        double s = 0;
        for (int j = 0; j < w.length; j++) {
            double q = w[j] / (x + j);
            double e = w[w.length - 1 - j];
            double c = (double) j * q;
            s = s * 0.5 + q * q * e + c;
        }
        return s;
    }

    // not computed again: a parameter assigned after the loop, an array the loop writes
    //@at ({0.3, -0.7, 1.1, 0.8}, 1.5)
    //@at ({-1.2, 0.4, 2.0}, 0.25)
    @Differentiable
    static double savedAsBefore(double[] w, double x) {
        double s = 0;
        for (int j = 1; j < w.length; j++) {
            double q = w[j] * x;
            w[j - 1] = q * 0.5;
            double r = w[j - 1] + x;
            s = s * 0.5 + q * r;
        }
        x = s;
        return s * x;
    }

    // an element the inner loop reads at an index it does not move, w[a], which is past w's end
    // once the inner loop runs no iteration (a >= w.length): read before the loop only when it runs
    //@at ({0.3, -0.7, 1.1}, {0.5, -0.2, 0.9, 1.3, -0.6})
    //@at ({1.2, 0.4}, {-0.3, 0.8, 0.1})
    @Differentiable
    static double invariantElementPastTheEnd(double[] w, double[] v) {
        double[] acc = new double[w.length];
        for (int a = 0; a < v.length; a++) {
            for (int b = a; b < w.length; b++) {
                acc[b] += w[a] * v[b] + v[a];
            }
        }
        double s = 0;
        for (int b = 0; b < w.length; b++) {
            s += acc[b] * acc[b];
        }
        return s;
    }
}
