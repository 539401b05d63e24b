package corpus;

import dev.adjoint.Differentiable;

/** Methods that Calls.java calls from another class (and file); checked on their own too. */
public class CallsLib {
    static final double DECAY = 0.9;

    //@at (0.7, 1.3)
    //@at (-0.4, 0.6)
    @Differentiable
    public static double softplusTimes(double x, double y) {
        return Math.log1p(Math.exp(x)) * y;
    }

    // an array read-only, an int index, a scalar last
    //@at ({0.3, -0.7, 1.1}, 1, 0.5)
    //@at ({-1.2, 0.4, 2.0, 0.6}, 3, -0.8)
    @Differentiable
    public static double weighted(double[] w, int k, double a) {
        double s = 0;
        for (int i = 0; i <= k; i++) {
            s = s * DECAY + w[i] * a;
        }
        return s;
    }

    // a wrt subset: only x is differentiated
    //@at (0.7, 1.3)
    //@at (-0.4, 0.6)
    @Differentiable(wrt = "x")
    public static double onlyX(double x, double y) {
        return x * x * y + Math.sin(y);
    }

    /** A plain int helper (a constant to the derivative). */
    public static int wrap(int i, int n) {
        return ((i % n) + n) % n;
    }

    /** A plain boolean helper. */
    public static boolean isEven(int i) {
        return i % 2 == 0;
    }
}
