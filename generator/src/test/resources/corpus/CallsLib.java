package corpus;

import static corpus.CallsConsts.BIAS;
import static corpus.CallsConsts.shift;

import dev.adjoint.Differentiable;

//@uses CallsConsts
/** Methods that Calls.java calls from another class (and file); checked on their own too. */
public class CallsLib {
    static final double DECAY = 0.9;
    static double scale = 2.0; // (never assigned: read as a constant)
    private static final double OFFSET = 0.25;
    static final double[] WEIGHTS = {0.5, -1.0, 2.0};

    /** Enums nested in this class, for Calls' parameters (Shape imported there by its name). */
    public enum Kind { PLAIN, SQUARE }

    public enum Shape { LINE, SQUARE, WAVE }

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

    /** out = W x, W row-major with x.length columns: a plain void helper of another class, inlined into its callers. */
    public static void matvec(double[] w, double[] x, double[] out) {
        for (int i = 0; i < out.length; i++) {
            double s = 0;
            for (int j = 0; j < x.length; j++) {
                s += w[i * x.length + j] * x[j];
            }
            out[i] = s;
        }
    }

    /** Scales v in place to unit length: writes the array it is given, through a helper of its own class that only reads. */
    static void normalize(double[] v) {
        double n = norm(v);
        for (int i = 0; i < v.length; i++) {
            v[i] /= n;
        }
    }

    static double norm(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return Math.sqrt(s);
    }

    /** A fresh array: tanh of each element. */
    static double[] tanhAll(double[] v) {
        double[] h = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            h[i] = Math.tanh(v[i]);
        }
        return h;
    }

    /** Adds a x to y and counts the positive results: an int helper that writes an array it is given. */
    static int axpyCount(double a, double[] x, double[] y) {
        int k = 0;
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
            if (y[i] > 0) {
                k++;
            }
        }
        return k;
    }

    /** Decays v in place, naming its class's constants: by simple name and as CallsLib.DECAY, a private literal one, a table. */
    static void decayAll(double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = v[i] * DECAY * scale + OFFSET * CallsLib.DECAY + WEIGHTS[i % WEIGHTS.length] * v[i] * v[i];
        }
    }

    /** Shifts v in place through another class: its method and constant imported statically, and named by the class. */
    static void shiftAll(double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = shift(v[i]) * CallsConsts.GAIN + BIAS + CallsConsts.shift(v[i] * 0.5);
        }
    }
}
