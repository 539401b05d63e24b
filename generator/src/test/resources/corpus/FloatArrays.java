package corpus;

import dev.adjoint.Differentiable;

/** float[] written in place, local float arrays, float[][] parameters, float[] results; checked against the double twin. */
public class FloatArrays {

    //@at ({0.9, 1.2, -0.4, 2.5})
    //@at ({-0.9, 0.3})
    @Differentiable
    static float prefixProduct(float[] x) {
        for (int i = 1; i < x.length; i++) {
            x[i] = x[i] * x[i - 1];
        }
        return x[x.length - 1];
    }

    // the same element overwritten again and again
    //@at ({0.9, 1.2, -0.4, 2.5})
    //@at ({-0.7, 0.3, 1.4})
    @Differentiable
    static float sameElementOverwritten(float[] x) {
        for (int i = 1; i < x.length; i++) {
            x[0] = x[0] * x[i] + (float) Math.sin(x[0]);
        }
        return x[0] * x[0];
    }

    // a local float array and a recurrence
    //@at (0.7f, 6)
    //@at (-0.4f, 3)
    @Differentiable
    static float localRecurrence(float x, int n) {
        float[] a = new float[n + 2];
        a[0] = 1;
        a[1] = x;
        for (int i = 2; i < a.length; i++) {
            a[i] = a[i - 1] * x - a[i - 2] * 0.5f;
        }
        return a[n + 1];
    }

    // in-place smoothing of a float array
    //@at ({0.3, -0.7, 1.1, 0.8, -0.2})
    //@at ({-1.2, 0.4, 2.0})
    @Differentiable
    static float smoothInPlace(float[] x) {
        for (int sweep = 0; sweep < 2; sweep++) {
            for (int i = 1; i < x.length - 1; i++) {
                x[i] = 0.25f * x[i - 1] + 0.5f * x[i] + 0.25f * x[i + 1];
            }
        }
        float s = 0;
        for (float v : x) {
            s += v * v;
        }
        return s;
    }

    // a float[][] parameter (a quadratic form)
    //@at ({{1.0, 0.5}, {-0.3, 2.0}}, {0.7, -1.2})
    //@at ({{0.2, -0.4, 1.1}, {0.9, 0.3, -0.6}, {0.5, 0.8, 1.4}}, {0.3, 0.1, -0.5})
    @Differentiable
    static float quadraticForm(float[][] a, float[] x) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                s += x[i] * a[i][j] * x[j];
            }
        }
        return s;
    }

    // a float[][] written in place
    //@at ({{1.0, 0.5, 0.2}, {-0.3, 2.0, 0.9}})
    //@at ({{0.2, -0.4}, {0.9, 0.3}, {0.5, 0.8}})
    @Differentiable
    static float rowPrefixProducts(float[][] m) {
        for (int i = 0; i < m.length; i++) {
            for (int j = 1; j < m[i].length; j++) {
                m[i][j] = m[i][j] * m[i][j - 1];
            }
        }
        float s = 0;
        for (int i = 0; i < m.length; i++) {
            s += m[i][m[i].length - 1];
        }
        return s;
    }

    // a float[] result
    //@at ({0.5, -1.5, 2.0}, 0.7)
    //@at ({-0.3, 1.1}, -1.2)
    @Differentiable
    static float[] scaledSquares(float[] x, float c) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = c * x[i] * x[i] + (float) Math.sin(x[i]);
        }
        return y;
    }

    // a double[] parameter read with float locals, float written from double
    //@at ({0.3, -0.7, 1.1}, {1.5, 0.25, 0.9})
    //@at ({-1.2, 0.4}, {0.5, -2.0})
    @Differentiable
    static double mixedArrays(float[] f, double[] d) {
        double s = 0;
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) (f[i] * d[i]);
            s += f[i] * d[(i + 1) % d.length];
        }
        return s;
    }

    // a float[][] local
    //@at ({0.3, -0.7, 1.1})
    //@at ({-1.2, 0.4})
    @Differentiable
    static float outerProduct(float[] v) {
        float[][] o = new float[v.length][v.length];
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                o[i][j] = v[i] * v[j] + (float) Math.cos(v[j]);
            }
        }
        float s = 0;
        for (int i = 0; i < v.length; i++) {
            s += o[i][(i + 1) % v.length] * o[i][i];
        }
        return s;
    }
}
