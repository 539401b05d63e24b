package corpus;

import dev.adjoint.Differentiable;

/** Calls that used to need the tape, in float (and, through the runner's twin, double). */
public class FloatCalls {

    // a wrt subset: only x is differentiated; the callers below pass differentiated values to y and w too
    //@at (0.7, 1.3, {0.5, -0.2})
    //@at (-0.4, 0.6, {1.1, 0.3})
    @Differentiable(wrt = "x")
    static float scaled(float x, float y, float[] w) {
        return x * y * w[0] + (float) Math.sin(y) * w[1];
    }

    // a wrt subset of a callee that itself passes a differentiated value to another wrt subset (a variant calling a variant)
    //@at (0.7, 1.3)
    //@at (-0.4, 0.6)
    @Differentiable(wrt = "y")
    static float chained(float x, float y) {
        float[] w = {x, y * y};
        return scaled(y, x * y, w) + x;
    }

    // y and w reach scaled's parameters outside its wrt: its internal variant differentiates them, statically
    //@at (0.7, 1.3, {0.5, -0.2})
    //@at (-0.4, 0.6, {1.1, 0.3})
    @Differentiable
    static float callsWrtSubset(float x, float y, float[] w) {
        return scaled(x, y, w) + scaled(y, x * y, w) * x;
    }

    // the same in a loop and a branch, the callee's own adjoint used where only x is differentiated
    //@at (0.7, 1.3, {0.5, -0.2})
    //@at (-0.4, 0.6, {1.1, 0.3})
    @Differentiable(wrt = {"x", "w"})
    static float wrtSubsetInALoop(float x, float y, float[] w) {
        float s = 0;
        for (int i = 0; i < 3; i++) {
            if (s < 1) {
                s += scaled(s + x, y, w);
            } else {
                s = s * 0.5f + scaled(x, 2.0f, w);
            }
        }
        return s;
    }

    // a variant whose body calls another variant
    //@at (0.7, 1.3)
    //@at (-0.4, 0.6)
    @Differentiable
    static float callsChained(float x, float y) {
        return chained(x * y, y) * y;
    }

    /** Another class (nested in this file): its plain void and array-returning helpers are inlined into the callers above. */
    static class Lib {
        //@at ({0.3, -0.7}, {1.1, 0.4})
        //@at ({-1.2, 0.5, 0.8}, {0.6, -0.9, 0.2})
        @Differentiable
        static float rowDot(float[] r, float[] w) {
            float s = 0;
            for (int j = 0; j < r.length; j++) {
                s += r[j] * w[j];
            }
            return s;
        }

        static void scaleInto(float[] v, float a, float[] out) {
            for (int i = 0; i < v.length; i++) {
                out[i] = v[i] * a + (float) Math.sin(v[i]);
            }
        }

        static float[] squares(float[] v) {
            float[] q = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                q[i] = v[i] * v[i];
            }
            return q;
        }

        static void shift(float[] v, float by) {
            for (int i = 0; i < v.length; i++) {
                v[i] += by * i;
            }
        }
    }

    // helpers of another class: a void one writing an output array, one returning an array, one writing a parameter
    //@at ({0.3, -0.7, 1.1}, 0.5)
    //@at ({-1.2, 0.4, 2.0}, -0.8)
    @Differentiable
    static float otherClassHelpers(float[] w, float a) {
        float[] o = new float[w.length];
        Lib.scaleInto(w, a, o);
        float[] q = Lib.squares(o);
        Lib.shift(w, a);
        float s = 0;
        for (int i = 0; i < w.length; i++) {
            s += q[i] * w[i];
        }
        return s;
    }

    // rows of a matrix passed to a @Differentiable method of another class, which reads them
    //@at ({{0.3, -0.7}, {1.1, 0.4}, {-0.5, 0.9}}, {0.6, -1.2}, 0.8)
    //@at ({{-0.2, 0.5}, {0.7, -1.1}}, {1.3, 0.4}, -0.6)
    @Differentiable
    static float rowsToOtherClass(float[][] X, float[] w, float c) {
        float s = 0;
        for (int i = 0; i < X.length; i++) {
            s += (float) Math.tanh(c * Lib.rowDot(X[i], w)) + X[i][0] * Lib.rowDot(w, X[(i + 1) % X.length]);
        }
        return s;
    }

    // rows of a local matrix passed to a @Differentiable method of another class while this method writes the
    // matrix after each call (the reverse sweep undoes the writes)
    //@at ({0.3, -0.7, 1.1}, 0.8)
    //@at ({-0.2, 0.5}, -0.6)
    @Differentiable
    static float rowsOfALocalMatrixWrittenAfterTheCall(float[] w, float c) {
        float[][] X = new float[2][w.length];
        float s = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < w.length; j++) {
                X[i][j] = w[j] * (i + c);
            }
            s += Lib.rowDot(X[i], w) * X[i][0];
            X[i][0] = s * X[i][0];
        }
        return s + X[0][0] * X[1][0];
    }

    // rows of a parameter matrix this method writes, passed to a @Differentiable method of another class that
    // reads them: each call is passed a copy taken before its statement (desugar/ArgumentSnapshots), since the
    // reverse sweep cannot undo writes the caller sees
    //@at ({{0.3, -0.7, 1.1}, {0.5, 0.2, -0.4}}, {0.4, 0.9, -0.3})
    //@at ({{-0.2, 0.5}, {1.2, 0.3}, {0.7, -0.8}}, {0.6, -1.1})
    @Differentiable
    static float rowsOfAWrittenParameterMatrix(float[][] X, float[] w) {
        float s = 0;
        for (int i = 0; i < X.length; i++) {
            X[i][0] = X[i][0] * w[1] + s;
            s += Lib.rowDot(X[i], w) * X[i][0];
            X[i][w.length - 1] = (float) Math.sin(s) * X[i][0];
        }
        return s + X[0][w.length - 1];
    }

    // a parameter array this method writes, passed whole to such a method (a copy, as above)
    //@at ({0.3, -0.7, 1.1}, 0.8)
    //@at ({-0.2, 0.5}, -0.6)
    @Differentiable
    static float writtenParameterPassedWhole(float[] w, float c) {
        float s = 0;
        for (int k = 0; k < 3; k++) {
            w[k % w.length] = w[k % w.length] * c + s;
            s += Lib.rowDot(w, w) * c;
        }
        return s * w[0];
    }
}
