package corpus;

import dev.adjoint.Differentiable;

/** Array results: only nameVjp(x..., double[] seed, dx...) exists; seed·J is checked against central differences of seed·f(x). */
public class ArrayResults {

    // elementwise: y[i] = c * x[i]^2
    //@at ({0.5, -1.5, 2.0}, 0.7)
    //@at ({-0.3, 1.1}, -1.2)
    @Differentiable
    static double[] scaledSquares(double[] x, double c) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = c * x[i] * x[i];
        }
        return y;
    }

    // a result whose elements mix all inputs (a softmax)
    //@at ({0.5, -1.5, 2.0})
    //@at ({-0.3, 1.1, 0.4, 0.9})
    @Differentiable
    static double[] softmax(double[] x) {
        double m = x[0];
        for (int i = 1; i < x.length; i++) {
            m = Math.max(m, x[i]);
        }
        double[] e = new double[x.length];
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            e[i] = Math.exp(x[i] - m);
            s += e[i];
        }
        for (int i = 0; i < x.length; i++) {
            e[i] = e[i] / s;
        }
        return e;
    }

    // a result of another length, from scalars only
    //@at (0.7, 1.3, 4)
    //@at (-0.4, 0.6, 2)
    @Differentiable
    static double[] fromScalars(double a, double b, int n) {
        double[] y = new double[n];
        double t = a;
        for (int i = 0; i < n; i++) {
            t = t * b + Math.sin(a * i);
            y[i] = t;
        }
        return y;
    }

    // a prefix sum with a branch per element
    //@at ({0.5, -1.5, 2.0, 0.3})
    //@at ({-0.3, 1.1})
    @Differentiable
    static double[] cumulativeWithBranch(double[] x) {
        double[] y = new double[x.length];
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0) {
                s = s + x[i] * x[i];
            } else {
                s = s * 0.5 - x[i];
            }
            y[i] = s;
        }
        return y;
    }

    // a result computed by calls to a scalar @Differentiable method of the class
    //@at ({0.5, -1.5, 2.0}, {1.5, 0.25, -0.9})
    //@at ({-0.3, 1.1}, {0.7, 0.2})
    @Differentiable(wrt = "x")
    static double[] mappedByCall(double[] x, double[] p) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = gauss(x[i], p[i]);
        }
        return y;
    }

    //@at (0.5, 1.5)
    //@at (-0.3, 0.7)
    @Differentiable
    static double gauss(double x, double mu) {
        double d = x - mu;
        return Math.exp(-d * d);
    }

    // a matrix-vector product of a flattened matrix: every output reads every input
    //@at ({0.5, -1.5, 2.0, 0.3, 1.1, -0.2}, {0.7, 0.2, -0.4})
    //@at ({-0.3, 1.1, 0.4, 0.9}, {1.5, -0.5})
    @Differentiable
    static double[] matVec(double[] a, double[] x) {
        int rows = a.length / x.length;
        double[] y = new double[rows];
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int c = 0; c < x.length; c++) {
                s += a[r * x.length + c] * x[c];
            }
            y[r] = Math.tanh(s);
        }
        return y;
    }

    // the result's elements are overwritten: the reverse sweep must not roll back the array it returns
    //@at ({0.5, -1.5, 2.0})
    //@at ({-0.3, 1.1})
    @Differentiable
    static double[] overwrittenResult(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] + 1;
        }
        for (int r = 0; r < 2; r++) {
            for (int i = 0; i < x.length; i++) {
                y[i] = y[i] * y[i] * 0.5 + x[i];
            }
        }
        return y;
    }

    // the same local array returned from two places (an early return), then local arrays after it
    //@at ({0.5, -1.5, 2.0})
    //@at ({-0.3, 1.1})
    @Differentiable
    static double[] resultReturnedEarly(double[] x) {
        double[] y = new double[x.length];
        y[0] = x[0] * x[x.length - 1];
        if (x[0] < 0) {
            y[1] = Math.sin(x[1]) * x[0];
            return y;
        }
        double[] t = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            t[i] = Math.exp(0.5 * x[i]);
        }
        for (int i = 1; i < x.length; i++) {
            y[i] = t[i] * t[i - 1] + y[0];
        }
        return y;
    }

    // several returns, each a vector built in place, of one length (desugar/ArrayReturns: one array created
    // first, filled and returned by each return)
    //@at ({0.3, 0.8}, 0.5)
    //@at ({2.5, 0.8}, 0.9)
    //@at ({-3.0, 1.7}, 0.7)
    @Differentiable
    static double[] clampStep(double[] y, double h) {
        if (h * y[0] > 1) {
            return new double[] {1, y[1] + h};
        }
        if (h * y[0] < -1) {
            return new double[] {-1, y[1] - h * Math.sin(y[1])};
        }
        return new double[] {h * y[0], y[1] * Math.exp(-h)};
    }

    // a @Differentiable method of several returns called and composed, and a plain helper of several
    // returns (one in a loop) inlined
    //@at ({0.3, 0.8}, 0.5)
    //@at ({2.5, 0.8}, 0.9)
    //@at ({-3.0, 1.7}, 0.7)
    @Differentiable
    static double clampTwice(double[] y, double h) {
        double[] a = clampStep(y, h);
        double[] b = clampStep(a, 0.5 * h);
        double[] p = polar(a[1], h);
        return a[0] * b[1] + b[0] + p[0] * p[1];
    }

    static double[] polar(double r, double t) {
        if (r < 0) {
            return new double[] {-r * Math.cos(t), -r * Math.sin(t)};
        }
        for (int k = 0; k < 3; k++) {
            if (t > k + 1) {
                return new double[] {r * Math.cos(t - k), r * k};
            }
        }
        return new double[] {r * Math.cos(t), r * Math.sin(t)};
    }

    // returns of a local array of fixed length mixed with returns built in place (a plain helper,
    // inlined) and two different local arrays of one fixed length (a @Differentiable method, called):
    // one array created first, each return fills it
    //@at ({0.5, 1.5}, 0.2)
    //@at ({0.5, 1.5}, 0.9)
    //@at ({-0.4, 2.0}, 0.3)
    @Differentiable
    static double scaledTwice(double[] v, double c) {
        double[] r = clampOrScale(v, c);
        double[] s = pick(r, c);
        return r[0] * r[1] + s[0] * Math.sin(s[1]);
    }

    static double[] clampOrScale(double[] v, double c) {
        if (v[0] > c) {
            return new double[] {c, v[1]};
        }
        double[] r = new double[2];
        r[0] = v[0] * c;
        r[1] = v[1] * Math.exp(c);
        return r;
    }

    //@at ({0.5, 1.5}, 0.2)
    //@at ({0.1, 1.5}, 0.9)
    @Differentiable
    static double[] pick(double[] v, double c) {
        double[] up = {v[0] + c, v[1]};
        double[] down = new double[2];
        down[0] = v[1] * c;
        down[1] = v[0] - c;
        if (v[0] * c > 0.05) {
            return up;
        }
        return down;
    }

    static double[] squaresTimes(double[] v, double c) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = v[i] * v[i] * c;
        }
        return o;
    }

    // a helper given a choice of arrays (the choice of calls, in branches), its result the local
    // returned at the end: the return, seen before the branches assign the local, is a copy too
    //@at ({0.5, -1.5, 2.0}, 0.7)
    //@at ({0.5, -1.5, 2.0}, -0.7)
    @Differentiable
    static double[] chosenHelperResultReturned(double[] x, double c) {
        double[] u = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            u[i] = Math.sin(x[i]) * x[i];
        }
        double[] r = squaresTimes(c > 0 ? u : x, c);
        return r;
    }

    // the same returned at once: the choice of calls, then one local given either call's array and
    // returned (before, a return per branch: two helpers' arrays, the tape)
    //@at ({0.5, -1.5, 2.0}, 0.7)
    //@at ({0.5, -1.5, 2.0}, -0.7)
    @Differentiable
    static double[] chosenHelperReturnedAtOnce(double[] x, double c) {
        double[] u = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            u[i] = Math.sin(x[i]) * x[i];
        }
        return squaresTimes(c > 0 ? u : x, c);
    }

    // a return choosing between two helpers' arrays, one call inside the other
    //@at ({0.5, -1.5, 2.0}, 0.7)
    //@at ({0.5, -1.5, 2.0}, -0.7)
    @Differentiable
    static double[] returnsOneOfTwoCalls(double[] x, double c) {
        return c > 0 ? squaresTimes(x, c) : squaresTimes(squaresTimes(x, 0.5), c);
    }

    // a helper's array on one path, a local array on the other (each return copies into one result)
    //@at ({0.5, -1.5, 2.0}, 0.7)
    //@at ({0.5, -1.5, 2.0}, -0.7)
    @Differentiable
    static double[] helperOrLocal(double[] x, double c) {
        if (c > 0) {
            return squaresTimes(x, c);
        }
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.sin(c * x[i]);
        }
        return y;
    }

    // one helper's array or another's, from returns in turn
    //@at ({0.5, -1.5, 2.0}, 0.7)
    //@at ({0.5, -1.5, 2.0}, -0.7)
    @Differentiable
    static double[] oneOfTwoHelpers(double[] x, double c) {
        if (c > 0) return squaresTimes(x, c);
        return squaresTimes(squaresTimes(x, 0.5), c);
    }

    // a local array on one path and its copy on the other
    //@at ({0.5, -1.5, 2.0}, 0.7)
    //@at ({0.5, -1.5, 2.0}, -0.7)
    @Differentiable
    static double[] localOrItsCopy(double[] x, double t) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = t * x[i] * x[i];
        }
        if (t > 0) {
            return y;
        }
        y[0] = y[0] + t;
        return y.clone();
    }

    // a local holding a helper's array, returned beside another local
    //@at ({0.5, -1.5, 2.0}, 1.7)
    //@at ({0.5, -1.5, 2.0}, -0.7)
    @Differentiable
    static double[] heldHelperOrLocal(double[] x, double c) {
        double[] h = squaresTimes(x, c);
        if (c > 1) {
            return h;
        }
        double[] z = new double[x.length + 1];
        for (int i = 0; i < x.length; i++) {
            z[i + 1] = h[i] * x[i];
        }
        return z;
    }

    // a caller summing what such a method returns: the callee's returns differ, the caller is static too
    //@at ({0.5, -1.5, 2.0}, 0.7)
    //@at ({0.5, -1.5, 2.0}, -0.7)
    @Differentiable
    static double sumOfHelperOrLocal(double[] x, double c) {
        double[] h = helperOrLocal(x, c);
        double s = 0;
        for (int i = 0; i < h.length; i++) {
            s += h[i] * x[i];
        }
        return s;
    }

    static double[] squaresOrSines(double[] x, double c) {
        if (c > 0) {
            return squaresTimes(x, c);
        }
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.sin(c * x[i]);
        }
        return y;
    }

    // composed: a local given a plain helper's array (its returns differ), returned beside an annotated
    // method's array (its returns differ too)
    //@at ({0.5, -1.5, 2.0}, 0.7)
    //@at ({0.5, -1.5, 2.0}, 0.3)
    //@at ({0.5, -1.5, 2.0}, -0.7)
    @Differentiable
    static double[] composedChoices(double[] x, double c) {
        double[] h = squaresOrSines(x, c);
        if (c > 0.5) {
            return oneOfTwoHelpers(h, c);
        }
        return h;
    }

    // one local returned from two places, given a helper's array on each path (then each return copies it)
    //@at ({0.5, -1.5, 2.0}, 0.7)
    //@at ({0.5, -1.5, 2.0}, -0.7)
    @Differentiable
    static double[] localGivenHelpersArrays(double[] x, double c) {
        double[] r = new double[0];
        if (c > 0) {
            r = squaresTimes(x, c);
            return r;
        }
        r = squaresTimes(squaresTimes(x, c), 0.5);
        return r;
    }

    static double[] nudged(double[] y, double k) {
        double[] n = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            n[i] = y[i] + 0.1 * Math.sin(k * y[(i + 1) % y.length]) + 0.05;
        }
        return n;
    }

    // a local given a helper's new array each step, returned from inside the loop or after it
    //@at ({0.5, -1.5, 2.0}, 0.7, 3)
    //@at ({0.5, -1.5, 2.0}, 0.7, 40)
    @Differentiable
    static double[] stepsUntilLarge(double[] y0, double k, int steps) {
        double[] y = y0.clone();
        for (int s = 0; s < steps; s++) {
            y = nudged(y, k);
            if (y[0] > 1.5) {
                return y;
            }
        }
        return y;
    }

    // the same leaving the loop by break, then read
    //@at ({0.5, -1.5, 2.0}, 0.7, 3)
    //@at ({0.5, -1.5, 2.0}, 0.7, 40)
    @Differentiable
    static double sumOfSquaresAfterBreak(double[] y0, double k, int steps) {
        double[] y = y0.clone();
        for (int s = 0; s < steps; s++) {
            y = nudged(y, k);
            if (y[0] > 1.5) {
                break;
            }
        }
        double q = 0;
        for (int i = 0; i < y.length; i++) {
            q += y[i] * y[i] * (i + 1);
        }
        return q;
    }

    // a float[] result is in FloatArrays
}
