package corpus;

import dev.adjoint.Differentiable;

/** {@link Helpers}' inlined helpers in float: void and array-returning helpers, the same array twice, early returns, overloads. */
public class FloatHelpers {

    private static float sigmoid(float z) {
        return (float) (1 / (1 + Math.exp(-z)));
    }

    static void matvec(float[] w, int cols, float[] x, float[] out) {
        for (int i = 0; i < out.length; i++) {
            float s = 0;
            for (int j = 0; j < cols; j++) {
                s += w[i * cols + j] * x[j];
            }
            out[i] = s;
        }
    }

    static float[] affine(float[] w, float[] b, float[] x) {
        float[] h = new float[b.length];
        for (int i = 0; i < b.length; i++) {
            float s = b[i];
            for (int j = 0; j < x.length; j++) {
                s += w[i * x.length + j] * x[j];
            }
            h[i] = s;
        }
        return h;
    }

    static void axpy(float a, float[] x, float[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static float leaky(float v) {
        if (v > 0) {
            return v;
        }
        return 0.25f * v;
    }

    static float scale(float v, float k) {
        return v * k;
    }

    static double scale(float v, int k) {
        return v * k * k;
    }

    private static float sqnorm(float[] v) {
        float s = 0;
        for (float e : v) {
            s += e * e;
        }
        return s;
    }

    //@at ({0.3, -0.7, 1.1, 0.5, 0.2, -0.4}, {0.9, -1.2})
    //@at ({-1.2, 0.4, 2.0, 0.6, -0.3, 0.8}, {0.5, 0.25})
    @Differentiable
    static float layer(float[] w, float[] x) {
        float[] h = new float[w.length / x.length];
        matvec(w, x.length, x, h);
        float s = 0;
        for (float v : h) {
            s += sigmoid(v);
        }
        return s;
    }

    //@at ({0.3, -0.7, 1.1, 0.5}, {0.2, -0.4}, {0.9, -1.2})
    //@at ({-1.2, 0.4, 2.0, 0.6}, {0.8, 0.1}, {0.5, 0.25})
    @Differentiable
    static float arrayResult(float[] w, float[] b, float[] x) {
        float[] h = affine(w, b, x);
        return sqnorm(h) + leaky(h[0]);
    }

    //@at ({0.3, -0.7, 1.1}, 0.5)
    //@at ({-1.2, 0.4, 2.0}, -0.8)
    @Differentiable
    static float sameArrayTwice(float[] w, float a) {
        float[] y = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            y[i] = (float) Math.sin(w[i]);
        }
        axpy(a, y, y);
        axpy(0.5f, w, w);
        return sqnorm(y) + sqnorm(w);
    }

    // (float, int) returns double here: the value is promoted as javac types the call
    //@at (0.7, 1.3)
    //@at (-0.4, 0.6)
    @Differentiable
    static float overloadsAndReturns(float x, float y) {
        float r = leaky(x) * leaky(y - 1);
        if (leaky(x * y) > 0.1f) {
            r += scale(x, 3.0f);
        }
        return (float) (r + scale(y, 3) / 7);
    }

    // rows of a table given to helpers (a least-squares loop as people write it): read by one,
    // written by another (axpy into the row), through a row alias too
    //@at ({0.3, -0.7, 0.2}, {{1.0, 2.0, -0.5}, {0.5, -1.0, 0.25}}, {0.2, -0.4})
    //@at ({-0.1, 0.4, 0.9}, {{0.3, 0.3, 0.1}, {-1.5, 0.7, 0.6}, {0.8, -0.2, 1.1}}, {1.0, 0.5, -0.3})
    @Differentiable
    static float rowsToHelpers(float[] w, float[][] m, float[] y) {
        float loss = 0;
        for (int i = 0; i < m.length; i++) {
            axpy(0.5f, w, m[i]);
            float[] row = m[i];
            float r = sqnorm(m[i]) * 0.1f + row[0] * w[0] - y[i];
            loss += r * r;
        }
        return loss;
    }
}
