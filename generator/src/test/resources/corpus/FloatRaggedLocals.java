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

    // a matrix's deep copy as Java programmers write it: braceless loops, rows cloned from a
    // parameter's rows (rows of different lengths), the bound a local holding the rows' number;
    // the copy is then scaled in place, leaving the argument as it was
    //@at ({{1.0, 0.5, 0.2}, {-0.3, 2.0}}, 0.5f)
    //@at ({{0.2, -0.4}, {0.9, 0.3, 1.1}, {0.5}}, -1.5f)
    @Differentiable
    static float deepCopy(float[][] a, float c) {
        int n = a.length;
        float[][] b = new float[n][];
        for (int i = 0; i < n; i++)
            b[i] = a[i].clone();
        float s = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < b[i].length; j++) {
                b[i][j] *= c + b[i][0];
                s += b[i][j] * a[i][j];
            }
        return s;
    }

    // rows copied with Arrays.copyOf and copyOfRange: padded with zeros, cut short
    //@at ({{1.0, 0.5, 0.2}, {-0.3, 2.0, 0.4}}, 0.5f)
    //@at ({{0.2, -0.4, 0.7}, {0.9, 0.3, 1.1}, {0.5, -0.2, 0.6}}, -1.5f)
    @Differentiable
    static float copiedRows(float[][] a, float c) {
        int n = a.length;
        float[][] padded = new float[n][];
        float[][] cut = new float[n][];
        for (int i = 0; i < n; i++) {
            padded[i] = java.util.Arrays.copyOf(a[i], a[i].length + 1);
            cut[i] = java.util.Arrays.copyOfRange(a[i], 1, a[i].length);
        }
        float s = 0;
        for (int i = 0; i < n; i++) {
            s += padded[i][padded[i].length - 1] + padded[i][0] * c;
            for (int j = 0; j < cut[i].length; j++)
                s += cut[i][j] * padded[i][j] * c;
        }
        return s;
    }

    // a triangle read by for-each over its rows, as Java programmers read one: a braced body with a
    // continue, a one-statement body, var, and a row's elements written inside the loop over it
    //@at ({0.9, 1.2, -0.7, 2.5}, 0.5f)
    //@at ({-0.9, 0.3, 0.7}, -1.25f)
    @Differentiable
    static float rowsByForEach(float[] x, float c) {
        int n = x.length;
        float[][] tri = new float[n][];
        for (int i = 0; i < n; i++) {
            tri[i] = new float[i + 1];
            for (int j = 0; j <= i; j++) {
                tri[i][j] = x[i] * x[j] + c * j;
            }
        }
        float s = 0;
        for (int i = 0; i < n; i++) {
            int k = 0;
            for (float v : tri[i]) {
                tri[i][k] = v * 0.5f;
                k++;
                if (v < 0) {
                    continue;
                }
                s += (float) Math.sin(v) * c;
            }
            for (var v : tri[i]) s += v * v;
            for (float v : tri[i]) {
                for (float w : tri[n - 1 - i]) s += v * w * 0.25f;
            }
        }
        return s;
    }
}
