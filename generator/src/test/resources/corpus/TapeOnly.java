package corpus;

import dev.adjoint.Differentiable;

/**
 * Constructs the static strategy rejected and AUTO sent to the tape: labelled break/continue,
 * recursion (direct and mutual), throw; for those, "static" and "tape" are both the tape (the
 * cross-check is trivial; central differences are not). Switch statements are lowered to
 * branches (desugar pass) and differentiated by both strategies now.
 */
public class TapeOnly {

    //@at (0.4, 0)
    //@at (0.4, 1)
    //@at (-0.9, 7)
    @Differentiable
    static double switchWithBreaks(double x, int mode) {
        double y;
        switch (mode) {
            case 0:
                y = Math.sin(x);
                break;
            case 1:
                y = x * x;
                break;
            default:
                y = Math.exp(-x);
        }
        return y * x;
    }

    // a switch inside a loop, on the loop counter
    //@at ({0.3, -0.7, 1.1, 0.8, -0.2})
    //@at ({-1.2, 0.4})
    @Differentiable
    static double switchInLoop(double[] w) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            switch (i % 3) {
                case 0:
                    s += w[i];
                    break;
                case 1:
                    s *= w[i];
                    break;
                default:
                    s = Math.sin(s) + w[i] * w[i];
            }
        }
        return s;
    }

    // direct recursion: Horner's rule, one coefficient per call
    //@autotape recursion
    //@at ({0.5, -1.0, 2.0, 0.25}, 0, 0.7)
    //@at ({1.5, 0.3}, 0, -1.2)
    @Differentiable(wrt = {"c", "x"})
    static double hornerRecursive(double[] c, int i, double x) {
        if (i == c.length - 1) {
            return c[i];
        }
        return c[i] + x * hornerRecursive(c, i + 1, x);
    }

    // recursion by squaring
    //@autotape recursion
    //@at (1.1, 13)
    //@at (-0.7, 6)
    @Differentiable
    static double powerBySquaring(double x, int n) {
        if (n == 0) {
            return 1;
        }
        double h = powerBySquaring(x, n / 2);
        return n % 2 == 0 ? h * h : h * h * x;
    }

    // mutual recursion
    //@autotape recursion
    //@at (0.7, 4)
    //@at (-0.3, 5)
    @Differentiable
    static double ping(double x, int n) {
        if (n <= 0) {
            return x;
        }
        return Math.sin(pong(x * 1.1, n - 1)) + x;
    }

    //@autotape recursion
    //@at (0.7, 4)
    //@at (-0.3, 3)
    @Differentiable
    static double pong(double x, int n) {
        if (n <= 0) {
            return x * x;
        }
        return ping(x, n - 1) * 0.5 + x;
    }

    // recursion over an array, with a loop in each call
    //@autotape recursion
    //@at ({0.3, -0.7, 1.1, 0.8}, 0)
    //@at ({-1.2, 0.4}, 0)
    @Differentiable
    static double suffixProducts(double[] w, int from) {
        if (from >= w.length) {
            return 0;
        }
        double p = 1;
        for (int i = from; i < w.length; i++) {
            p = p * (1 + 0.5 * w[i]);
        }
        return p + suffixProducts(w, from + 1);
    }

    // a switch whose cases call a static-friendly method of the class
    //@at (0.4, 0)
    //@at (0.4, 1)
    @Differentiable
    static double switchCallsStatic(double x, int mode) {
        double y = 0;
        switch (mode) {
            case 0:
                y = helperStatic(x, 2.0);
                break;
            default:
                y = helperStatic(2.0, x) * x;
        }
        return y;
    }

    //@at (0.4, 2.0)
    //@at (-1.1, 0.3)
    @Differentiable
    static double helperStatic(double a, double b) {
        return Math.exp(a * 0.5) * b + a * b * b;
    }
}
