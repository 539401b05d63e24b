package corpus;

import dev.adjoint.Differentiable;

/** Ragged local float[][] arrays, their rows created one by one; checked against the double twin. */
public class FloatRaggedLocals {

    // a triangle of rows i + 1 long, filled, then read through rows' lengths and the number of rows
    //@at ({0.9, 1.2, -0.4, 2.5}, 0.5f)
    //@at ({-0.9, 0.3}, -1.25f)
    @Differentiable
    static float triangle(float[] x, float c) {
        int n = x.length;
        float[][] tri = new float[n][];
        for (int i = 0; i < tri.length; i++) {
            tri[i] = new float[i + 1];
            for (int j = 0; j <= i; j++) {
                tri[i][j] = x[j] * c + (float) Math.sin(x[i] * j);
            }
        }
        float s = 0;
        for (int i = 0; i < tri.length; i++) {
            for (int j = 0; j < tri[i].length; j++) {
                s += tri[i][j] * tri[i][tri[i].length - 1 - j];
            }
        }
        return s;
    }

    // Pascal-like recurrence over the rows before, a row created again with another length, and rows
    // whose lengths come from an int parameter
    //@at ({0.9, 1.2, -0.4}, 3)
    //@at ({-0.9, 0.3, 0.7, 1.4}, 2)
    @Differentiable
    static float pascal(float[] x, int extra) {
        float[][] p = new float[x.length][];
        p[0] = new float[1];
        p[0][0] = x[0];
        for (int i = 1; i < x.length; i++) {
            p[i] = new float[i + 1];
            p[i][0] = x[i];
            for (int j = 1; j < i; j++) {
                p[i][j] = p[i - 1][j - 1] * 0.5f + p[i - 1][j] * x[i];
            }
            p[i][i] = p[i - 1][i - 1] * x[i];
        }
        float s = 0;
        for (int i = 0; i < p.length; i++) {
            s += p[i][p[i].length - 1] * p[i][0];
        }
        p[0] = new float[extra];
        for (int j = 0; j < p[0].length; j++) {
            p[0][j] = p[p.length - 1][j % p[p.length - 1].length] + p[0][j];
        }
        return s + p[0][extra - 1] * 2;
    }

    // a ragged initialiser: rows of 1, 3 and 2 values
    //@at ({0.9, 1.2, -0.4}, 0.5f)
    //@at ({-0.9, 0.3, 0.7}, -1.5f)
    @Differentiable
    static float initialised(float[] w, float c) {
        float[][] t = {{w[0]}, {1, w[1] * c, -0.5f}, {w[2], c}};
        float s = 0;
        for (int i = 0; i < t.length; i++) {
            for (int j = 0; j < t[i].length; j++) {
                s += t[i][j] * t[i][j] * (i + 1) + t[i][0] * w[j % w.length];
            }
        }
        return s;
    }
}
