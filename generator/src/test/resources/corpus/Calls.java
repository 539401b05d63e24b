package corpus;

import corpus.CallsLib.Shape;
import dev.adjoint.Differentiable;

//@uses CallsLib
//@uses CallsConsts
/** Calls to other @Differentiable methods (this class and CallsLib) and to plain int/boolean helpers. */
public class Calls {
    /** Named like CallsLib's: an inlined helper of CallsLib still reads CallsLib's. */
    static final double DECAY = 0.5;

    //@at (0.7, 1.3)
    //@at (-0.4, 0.6)
    @Differentiable
    static double sq(double a, double b) {
        return a * a * b;
    }

    // the differentiated argument in the first, the second, and both positions
    //@at (0.7, 1.3)
    //@at (-0.4, 0.6)
    @Differentiable
    static double argumentPositions(double x, double y) {
        return sq(x, 2.0) + sq(3.0, y) + sq(x * y, x - y);
    }

    // the same variable as several arguments
    //@at (0.7)
    //@at (-1.4)
    @Differentiable
    static double sameArgumentTwice(double x) {
        return sq(x, x) * sq(x + 1, x);
    }

    // nested calls: a call's result as another call's argument
    //@at (0.7, 1.3)
    //@at (-0.4, 0.6)
    @Differentiable
    static double nestedCalls(double x, double y) {
        return sq(sq(x, y), sq(y, 0.5)) + Math.sin(sq(x, x));
    }

    // a call in a loop, its result overwriting the accumulator
    //@at (0.7, 5)
    //@at (-0.4, 3)
    @Differentiable
    static double callInLoop(double x, int n) {
        double s = x;
        for (int i = 0; i < n; i++) {
            s = sq(Math.tanh(s), 1.5) + x * 0.1;
        }
        return s;
    }

    // a call in a branch condition (no derivative) and in both branches
    //@at (0.7, 1.3)
    //@at (1.4, 0.6)
    @Differentiable
    static double callInCondition(double x, double y) {
        double r;
        if (sq(x, y) > 1) {
            r = sq(y, x);
        } else {
            r = -sq(x, 1.0);
        }
        return r > 0 ? r * x : sq(r, y);
    }

    // a callee that takes an array (read-only), an int and a scalar
    //@at ({0.3, -0.7, 1.1}, 0.5)
    //@at ({-1.2, 0.4, 2.0, 0.6}, -0.8)
    @Differentiable
    static double arrayThroughCall(double[] w, double a) {
        double s = 0;
        for (int k = 0; k < w.length; k++) {
            s += CallsLib.weighted(w, k, a) * w[k];
        }
        return s;
    }

    // a call to another class with differentiated arguments in both positions
    //@at (0.7, 1.3)
    //@at (-0.4, 0.6)
    @Differentiable
    static double otherClass(double x, double y) {
        return CallsLib.softplusTimes(x * y, y) + CallsLib.softplusTimes(1.0, x);
    }

    // the callee differentiates only x: y still gets its gradient, through onlyX's internal variant onlyX$allVjp (static)
    //@at (0.7, 1.3)
    //@at (-0.4, 0.6)
    @Differentiable
    static double calleeWithWrtSubset(double x, double y) {
        return CallsLib.onlyX(x, y) + CallsLib.onlyX(y, 2.0);
    }

    // plain int and boolean helpers: index arithmetic and conditions
    //@at ({0.3, -0.7, 1.1, 0.8}, 0.5)
    //@at ({-1.2, 0.4, 2.0}, -0.8)
    @Differentiable
    static double plainHelpers(double[] w, double a) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            double v = w[CallsLib.wrap(i - 1, w.length)];
            if (CallsLib.isEven(i)) {
                s += v * a * w[i];
            } else {
                s -= v * clampIndex(i + 5, w.length);
            }
        }
        return s;
    }

    /** A plain int helper of this class. */
    static int clampIndex(int i, int n) {
        return i < 0 ? 0 : i >= n ? n - 1 : i;
    }

    // a call whose result is written into a wrt array in place
    //@at ({0.3, -0.7, 1.1})
    //@at ({-1.2, 0.4, 2.0, 0.6})
    @Differentiable
    static double callResultWrittenInPlace(double[] x) {
        for (int i = 1; i < x.length; i++) {
            x[i] = sq(x[i], x[i - 1]) + x[i];
        }
        return x[x.length - 1];
    }

    // a chain: a calls b calls c
    //@at (0.7)
    //@at (-1.4)
    @Differentiable
    static double chainTop(double x) {
        return chainMiddle(x * 2) + x;
    }

    //@at (0.7)
    //@at (-1.4)
    @Differentiable
    static double chainMiddle(double x) {
        return Math.exp(-sq(x, 0.5)) * chainBottom(x, 3);
    }

    //@at (0.7, 2)
    //@at (-1.4, 4)
    @Differentiable
    static double chainBottom(double x, int n) {
        double s = 1;
        for (int i = 0; i < n; i++) {
            s = s * Math.cos(x + i);
        }
        return s;
    }

    // a call whose value is only used in a return on one path (early return)
    //@at (0.7, 1.3)
    //@at (-0.4, 0.6)
    @Differentiable
    static double callInEarlyReturn(double x, double y) {
        if (x < 0) {
            return sq(y, x);
        }
        double t = sq(x, y);
        return t + CallsLib.softplusTimes(t, x);
    }

    // a call with an int argument computed in a loop
    //@at ({0.3, -0.7, 1.1, 0.8}, 0.5)
    //@at ({-1.2, 0.4, 2.0}, -0.8)
    @Differentiable
    static double intArgumentFromLoop(double[] w, double a) {
        double s = 0;
        for (int k = w.length - 1; k >= 0; k -= 2) {
            s = s + CallsLib.weighted(w, k, a * s + 1);
        }
        return s;
    }

    // plain helpers of another class that return void, write arrays or return one: inlined, static
    //@at ({0.3, -0.7, 1.1, 0.5, 0.2, -0.4}, {0.9, -1.2})
    //@at ({-1.2, 0.4, 2.0, 0.6, -0.3, 0.8}, {0.5, 0.25})
    @Differentiable
    static double otherClassVoidHelper(double[] w, double[] x) {
        double[] h = new double[3];
        CallsLib.matvec(w, x, h);
        double s = 0;
        for (int i = 0; i < h.length; i++) {
            s += h[i] * h[i];
        }
        return s;
    }

    //@at ({0.3, -0.7, 1.1}, 0.5)
    //@at ({-1.2, 0.4, 2.0}, -0.8)
    @Differentiable
    static double otherClassWritesArray(double[] w, double a) {
        double[] v = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            v[i] = w[i] * a + 0.1;
        }
        CallsLib.normalize(v);
        double[] t = CallsLib.tanhAll(v);
        int n = CallsLib.axpyCount(a, w, v);
        return t[0] * w[1] + v[2] * n + t[t.length - 1];
    }

    // the same on a parameter the caller's gradient flows through (normalize writes w itself)
    //@at ({0.3, -0.7, 1.1}, 0.5)
    //@at ({-1.2, 0.4, 2.0}, -0.8)
    @Differentiable
    static double otherClassWritesParameter(double[] w, double a) {
        CallsLib.normalize(w);
        return w[0] * a + w[2] * w[1];
    }

    // rows of a matrix passed to a @Differentiable method of another class, which reads them
    // (its adjoint adds into the rows of dX)
    //@at ({{0.3, -0.7, 1.1}, {-1.2, 0.4, 2.0}}, 0.5)
    //@at ({{0.6, 0.2}, {-0.4, 1.3}, {0.9, -0.8}}, -0.8)
    @Differentiable
    static double rowsThroughOtherClass(double[][] X, double a) {
        double s = 0;
        for (int i = 0; i < X.length; i++) {
            s += CallsLib.weighted(X[i], X[i].length - 1, a) * X[i][0] + Math.sin(CallsLib.weighted(X[(i + 1) % X.length], 1, s));
        }
        return s;
    }

    // the same with the matrix left out of wrt: its rows have no adjoint to add into
    //@at ({{0.3, -0.7, 1.1}, {-1.2, 0.4, 2.0}}, 0.5)
    //@at ({{0.6, 0.2}, {-0.4, 1.3}, {0.9, -0.8}}, -0.8)
    @Differentiable(wrt = "a")
    static double dataRowsThroughOtherClass(double[][] X, double a) {
        double s = 0;
        for (int i = 0; i < X.length; i++) {
            s += CallsLib.weighted(X[i], 1, a * s + 0.5);
        }
        return s;
    }

    /** Named like constants of Shape and CallsLib.Kind: switches over those still mean the enums' (the selector's type decides). */
    static final int SQUARE = 1;

    // enums of another file, nested in CallsLib: one imported by its name, one written CallsLib.Kind;
    // as parameters, a local and switch selectors (classic and expression)
    //@at (0.7, LINE, SQUARE)
    //@at (-0.4, SQUARE, PLAIN)
    //@at (1.1, WAVE, SQUARE)
    //@at (0.3, LINE, PLAIN)
    @Differentiable
    static double otherFileEnums(double x, Shape shape, CallsLib.Kind kind) {
        double r = switch (shape) {
            case LINE -> 2 * x;
            case SQUARE -> x * x;
            case WAVE -> Math.sin(x);
        };
        Shape wave = Shape.WAVE;
        switch (kind) {
            case SQUARE:
                r *= x + SQUARE;
                break;
            default:
                r += x;
        }
        if (shape == wave) {
            r = r * 3;
        }
        return r + kind.ordinal() * x + (kind == CallsLib.Kind.PLAIN ? shape.ordinal() : 0);
    }

    // helpers of another class naming their class's constants and another class's members: inlined, static
    //@at ({0.3, -0.7, 1.1}, 0.5)
    //@at ({-1.2, 0.4, 2.0, 0.6}, -0.8)
    @Differentiable
    static double otherClassNamesItsConstants(double[] w, double a) {
        double[] v = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            v[i] = w[i] * a;
        }
        CallsLib.decayAll(v);
        CallsLib.shiftAll(w);
        return v[0] * w[1] + v[v.length - 1] * DECAY + w[0];
    }

    // rows of a local matrix passed to another class's @Differentiable method, which reads them, while this
    // method writes the matrix after each call: the reverse sweep undoes those writes, so the callee's
    // adjoint reads each row as its call saw it
    //@at ({0.3, -0.7, 1.1}, 0.5)
    //@at ({-1.2, 0.4, 2.0, 0.6}, -0.8)
    @Differentiable
    static double rowsOfALocalMatrixWrittenAfterTheCall(double[] w, double a) {
        int n = w.length;
        double[][] M = new double[2][n];
        double s = 0;
        for (int r = 0; r < 3; r++) {
            for (int j = 0; j < n; j++) {
                M[r % 2][j] = w[j] * (r + a) + M[r % 2][j] * a;
            }
            s += CallsLib.weighted(M[r % 2], n - 1, a) * M[r % 2][0];
            M[r % 2][n - 1] = Math.sin(s) * M[r % 2][0];
        }
        return s + M[0][n - 1] * M[1][0];
    }
}
