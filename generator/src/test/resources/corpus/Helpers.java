package corpus;

import dev.adjoint.Differentiable;

/**
 * Plain helpers of the method's class, inlined before either strategy reads it (issue 15): private
 * and void helpers, helpers writing arrays they are given (a local array, a parameter, the same
 * array twice), array results assigned to locals, early returns, overloads, helpers calling helpers.
 */
public class Helpers {
    static final double SLOPE = 0.25;

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    static void matvec(double[] w, int cols, double[] x, double[] out) {
        for (int i = 0; i < out.length; i++) {
            double s = 0;
            for (int j = 0; j < cols; j++) {
                s += w[i * cols + j] * x[j];
            }
            out[i] = s;
        }
    }

    static double[] affine(double[] w, double[] b, double[] x) {
        double[] h = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            double s = b[i];
            for (int j = 0; j < x.length; j++) {
                s += w[i * x.length + j] * x[j];
            }
            h[i] = s;
        }
        return h;
    }

    /** y += a x, elementwise; called with x and y the same array it doubles (1 + a) y. */
    static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double leaky(double v) {
        if (v > 0) {
            return v;
        }
        return SLOPE * v;
    }

    static double scale(double v, double k) {
        return v * k;
    }

    static double scale(double v, int k) {
        return v * k * k;
    }

    static void scale(double[] v, double k) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= k;
        }
    }

    private static double sqnorm(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return s;
    }

    private static double softplus(double z) {
        return Math.log(1 + Math.exp(z));
    }

    // a void helper fills a local array, a private helper reads its elements
    //@at ({0.3, -0.7, 1.1, 0.5, 0.2, -0.4}, {0.9, -1.2})
    //@at ({-1.2, 0.4, 2.0, 0.6, -0.3, 0.8}, {0.5, 0.25})
    @Differentiable
    static double layer(double[] w, double[] x) {
        double[] h = new double[w.length / x.length];
        matvec(w, x.length, x, h);
        double s = 0;
        for (double v : h) {
            s += sigmoid(v);
        }
        return s;
    }

    // a helper's array result becomes the caller's local array
    //@at ({0.3, -0.7, 1.1, 0.5}, {0.2, -0.4}, {0.9, -1.2})
    //@at ({-1.2, 0.4, 2.0, 0.6}, {0.8, 0.1}, {0.5, 0.25})
    @Differentiable
    static double arrayResult(double[] w, double[] b, double[] x) {
        double[] h = affine(w, b, x);
        double s = 0;
        for (int i = 0; i < h.length; i++) {
            s += h[i] * h[i];
        }
        return s;
    }

    // the same array for both array parameters of a helper that writes one of them
    //@at ({0.3, -0.7, 1.1}, 0.5)
    //@at ({-1.2, 0.4, 2.0}, -0.8)
    @Differentiable
    static double sameArrayTwice(double[] w, double a) {
        double[] y = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            y[i] = Math.sin(w[i]);
        }
        axpy(a, y, y);
        axpy(0.5, w, w);
        return sqnorm(y) + sqnorm(w);
    }

    // a parameter array the method writes, handed to a helper that writes it again
    //@at ({0.3, -0.7, 1.1}, 1.5)
    //@at ({-1.2, 0.4, 2.0}, -0.5)
    @Differentiable
    static double writtenParameter(double[] w, double k) {
        w[0] = w[0] * w[1];
        scale(w, k);
        return sqnorm(w) + w[2];
    }

    // early returns in a helper, in a condition and inside a larger expression
    //@at (0.7, 1.3)
    //@at (-0.4, 0.6)
    @Differentiable
    static double earlyReturns(double x, double y) {
        double r = leaky(x) * leaky(y - 1);
        if (leaky(x * y) > 0.1) {
            r += softplus(x);
        }
        return r + leaky(-y);
    }

    // overloads resolve as javac resolves them: (double, int), (double, double), (double[], double)
    //@at ({0.3, -0.7, 1.1}, 0.5)
    //@at ({-1.2, 0.4, 2.0}, -0.8)
    @Differentiable
    static double overloads(double[] w, double x) {
        double[] c = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            c[i] = w[i];
        }
        scale(c, x);
        int two = 2;
        return scale(x, 3) + scale(x, 3.0) + scale(w[0], two) + sqnorm(c);
    }

    // a helper calling helpers, its result in a return
    //@at ({0.3, -0.7, 1.1}, {0.9, -1.2, 0.4})
    //@at ({-1.2, 0.4, 2.0}, {0.5, 0.25, -1.5})
    @Differentiable
    static double nested(double[] w, double[] x) {
        return softplus(dot(w, x)) + sigmoid(softplus(w[0]));
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return sigmoid(s) * s;
    }

    // an array result of a @Differentiable method, assigned to a local
    //@at ({0.3, -0.7, 1.1})
    //@at ({-1.2, 0.4, 2.0})
    @Differentiable
    static double differentiableArrayResult(double[] w) {
        double[] t = squares(w);
        return t[0] * t[1] + t[2];
    }

    //@at ({0.3, -0.7, 1.1})
    //@at ({-1.2, 0.4, 2.0})
    @Differentiable
    static double[] squares(double[] w) {
        double[] r = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            r[i] = w[i] * w[i];
        }
        return r;
    }

    // plain overloads of one arity, called with int, long, float, double and array arguments: javac's choice
    // (the @Differentiable overloads' calls: OrdinaryJavaTest.differentiableOverloadsResolveAsJavacDoes)
    static double power(double x, int k) {
        return Math.pow(x * x + 1, k);
    }

    static double power(double x, double k) {
        return Math.exp(k * Math.log(x * x + 1)) * 0.5;
    }

    static double power(double[] w, double k) {
        return power(w[0], k) + power(w[1], 2) + w[2];
    }

    //@at ({0.3, -0.7, 1.1}, 0.8)
    //@at ({-1.2, 0.4, 2.0}, -0.5)
    @Differentiable
    static double overloadedCallees(double[] w, double x) {
        int three = 3;
        long two = 2L;
        return power(x, three) + power(x, 2.0) + power(w, x) + power(w[1], two) + power(x, 1.5f);
    }

    // a helper called in a loop on a row of a scratch array
    //@at ({0.3, -0.7, 1.1, 0.5}, 3)
    //@at ({-1.2, 0.4, 2.0, 0.6}, 2)
    @Differentiable
    static double inLoop(double[] w, int n) {
        double[] v = new double[w.length];
        double total = 0;
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < w.length; i++) {
                v[i] = w[i] * (k + 1);
            }
            axpy(0.5, w, v);
            total += sqnorm(v) * 0.1 + leaky(v[0]);
        }
        return total;
    }

    // an array-returning helper that calls a helper of its own, composed inside a helper's return:
    // handing 'th' on to 'decay', which only reads it, is no write, so 'residuals' is inlined first,
    // into a local (it stayed a call: "assign it to a local first")
    //@at ({2.0, 0.8, 0.9}, {0.1, 0.5, 1.2})
    //@at ({-0.5, 0.3, 0.2}, {1.5, -0.4})
    @Differentiable
    static double composedResiduals(double[] th, double[] xs) {
        return meanSquare(th, xs) + th[2];
    }

    static double meanSquare(double[] th, double[] xs) {
        return sumOfSquares(residuals(th, xs)) / xs.length;
    }

    static double[] residuals(double[] th, double[] xs) {
        double[] r = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            r[i] = decay(th, xs[i]) - 1;
        }
        return r;
    }

    static double decay(double[] th, double x) {
        return th[0] * Math.exp(-th[1] * x) + th[2];
    }

    static double sumOfSquares(double[] r) {
        double s = 0;
        for (double v : r) {
            s += v * v;
        }
        return s;
    }
}
