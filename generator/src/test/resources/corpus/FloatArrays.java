package corpus;

import dev.adjoint.Differentiable;
import java.util.Arrays;

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

    // RK4 on a damped oscillator: four stage arrays declared in one statement inside the loop
    //@at ({1.0, 0.2}, 2.0, 6)
    //@at ({-0.4, 0.9}, 0.7, 3)
    @Differentiable
    static float rungeKutta(float[] y0, float k, int steps) {
        float[] y = y0.clone();
        float h = 0.1f;
        for (int s = 0; s < steps; s++) {
            float[] k1 = new float[2], k2 = new float[2], k3 = new float[2], k4 = new float[2];
            k1[0] = y[1]; k1[1] = -k * y[0] - 0.1f * y[1];
            k2[0] = y[1] + h / 2 * k1[1]; k2[1] = -k * (y[0] + h / 2 * k1[0]) - 0.1f * (y[1] + h / 2 * k1[1]);
            k3[0] = y[1] + h / 2 * k2[1]; k3[1] = -k * (y[0] + h / 2 * k2[0]) - 0.1f * (y[1] + h / 2 * k2[1]);
            k4[0] = y[1] + h * k3[1]; k4[1] = -k * (y[0] + h * k3[0]) - 0.1f * (y[1] + h * k3[1]);
            for (int i = 0; i < 2; i++) {
                y[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
        }
        return y[0] * y[0] + y[1];
    }

    // for-each over the rows, then over each row's elements; and over m[k] where the body changes
    // k (Java reads m[k] once, before the loop)
    //@at ({{0.3, -1.2, 2.0}, {0.5, 0.1, 0.7}}, {0.4, -0.3})
    //@at ({{1.1, 0.2}, {-0.6, 0.9}, {0.3, 0.3}}, {0.2, 0.5, -0.7})
    @Differentiable
    static float rowsForEach(float[][] m, float[] w) {
        float s = 0;
        for (float[] row : m) {
            for (float v : row) {
                s += v * v * (float) Math.sin(v);
            }
        }
        for (int i = 0; i < m.length; i++) {
            int k = i;
            for (float v : m[k]) {
                s += v * w[i];
                k = 0;
            }
        }
        return s;
    }

    // a tuple result built where it is returned: polar coordinates and a product
    //@at (1.5, -2.0)
    //@at (-0.5, 0.25)
    @Differentiable
    static float[] polar(float a, float b) {
        float r = (float) Math.sqrt(a * a + b * b);
        return new float[] {r, (float) Math.atan2(b, a), r * a * b};
    }

    // the array library on rows of 2-D arrays: fill, arraycopy between rows and within one row,
    // clone and copyOf of a row
    //@at ({{1.5, -2, 0.5}, {0.3, 0.7, -1.1}}, {0.2, 0.4, -0.6})
    //@at ({{0.5, 1.25, -0.75, 2}, {-1.5, 0.25, 1, 0.5}, {0.9, -0.1, 0.3, 0.6}}, {1.1, -0.4, 0.3, 0.8})
    @Differentiable
    static float libraryOnRows(float[][] m, float[] w) {
        float[][] c = new float[m.length][m[0].length];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, c[i], 0, m[i].length);
        }
        System.arraycopy(c[0], 1, c[0], 0, c[0].length - 1);
        Arrays.fill(c[1], 1, 2, w[0] * w[1]);
        float[] r0 = m[1].clone();
        float[] r1 = Arrays.copyOf(m[0], 4);
        float s = 0;
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < c[i].length; j++) {
                s += c[i][j] * w[j] * c[i][j];
            }
        }
        for (int j = 0; j < r0.length; j++) {
            s += r0[j] * r1[j];
        }
        return s + r1[3] * w[0];
    }

    // a scratch array per row, of that row's length, read through indices of every kind: a loop up to
    // its length, a while loop, an index read from the array itself; a second one declared in a block
    //@at ({{1.0, 0.5}, {-0.3, 2.0, 0.9}}, 0.5f)
    //@at ({{0.2}, {0.9, 0.3}, {0.5, 0.8, -1.4}, {0.1, 0.4, 0.7, 1.1}}, -1.5f)
    @Differentiable
    static float rowScratchIndices(float[][] m, float c) {
        float s = 0;
        for (int i = 0; i < m.length; i++) {
            float[] sq = new float[m[i].length];
            for (int j = 0; j < sq.length; j++) {
                sq[j] = (float) Math.sin(m[i][j]) * m[i][j] + c;
            }
            int k = sq.length - 1;
            while (k > 0) {
                sq[k - 1] = sq[k - 1] + sq[k] * sq[k] * 0.5f;
                k--;
            }
            int at = (int) Math.floor(sq.length * 0.5);
            s += sq[at] * sq[sq.length - 1 - at] + sq[(i + 1) % sq.length];
            if (s > -100) {
                float[] w = new float[m[m.length - 1 - i].length];
                for (int j = 0; j < w.length; j++) {
                    w[j] = m[m.length - 1 - i][j] * sq[j % sq.length];
                }
                s += w[w.length - 1] * c;
            }
        }
        return s;
    }

    // rows of a parameter and of a local 2-D array passed to methods that read them, write them inside a
    // larger expression, and as the value returned
    //@at ({{1.0, 0.5}, {-0.3, 2.0, 0.9}}, 0.7f)
    //@at ({{0.2}, {0.9, 0.3}, {0.5, 0.8, -1.4}}, -1.1f)
    @Differentiable
    static float rowsToMethods(float[][] m, float c) {
        float[][] t = new float[2][m.length];
        float s = 0;
        for (int i = 0; i < m.length; i++) {
            s += c * 2 * rowScale(m[i], c) + rowNorm(m[i]) * m[i][0];
            t[i % 2][i] = s;
        }
        s += rowScale(t[1], s) * 0.25f;
        for (int i = 0; i < m.length; i++) {
            s += m[i][m[i].length - 1] * t[0][i] + rowNorm(t[i % 2]);
        }
        return rowScale(m[m.length - 1], s);
    }

    //@at ({1.0, -0.5, 2.0})
    //@at ({0.3})
    @Differentiable
    static float rowNorm(float[] v) {
        float s = 0;
        for (int j = 0; j < v.length; j++) {
            s += v[j] * v[j];
        }
        return (float) Math.sqrt(s + 1);
    }

    //@at ({1.0, -0.5, 2.0}, 0.7f)
    //@at ({0.3}, -1.2f)
    @Differentiable
    static float rowScale(float[] v, float c) {
        for (int j = 0; j < v.length; j++) {
            v[j] = v[j] * c + (float) Math.tanh(v[j]);
        }
        return v[0] - v[v.length - 1] * c;
    }

    // several initialised arrays in one declaration, each reading the one before
    //@at (0.7, -1.3)
    //@at (1.1, 0.4)
    @Differentiable
    static float initialisersInOneDeclaration(float i, float j) {
        float[] ri = {i, j * j}, rj = {j}, rk = new float[] {ri[1] * i};
        ri[0] += rj[0] * ri[1];
        rj[0] += rj[0];
        return ri[0] * rk[0] + rj[0];
    }

    // (declared before its caller: desugared first, as a callee of the sources usually is)
    //@at (0.3f, {1.5, -0.4})
    //@at (-0.6f, {0.7, 0.2})
    @Differentiable
    static float raggedRows(float y, float[] w) {
        w[0] = w[0] * 0.5f + y;
        float b = y;
        if (y > -100) {
            float[][] t = new float[3][4];
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < t[r].length; c++) {
                    t[r][c] = y * (c + 1) - r * 0.25f + w[c % 2];
                }
            }
            for (int r = 0; r < 3; r++) {
                float[] row = new float[t[r].length];
                for (int c = 0; c < row.length; c++) {
                    row[c] = t[r][c] * 1.5f;
                }
                b = (float) Math.tanh(b + row[r % row.length]);
            }
        }
        return b;
    }

    // a callee with a local array of a row's length inside a loop, desugared on its own first, inlined into the
    // caller's 'if' inside a loop: the caller moves the array, and the locals its capacity is computed in, to its top
    //@at (0.3f, {1.5, -0.4}, 2)
    //@at (-0.2f, {0.7, 0.9}, 3)
    @Differentiable
    static float rowArraysInlinedIntoABranch(float a, float[] v, int k) {
        float c = a;
        for (int i = 0; i < k; i++) {
            if ((k + i) % 2 == 0) {
                c = c * raggedRows(c, v);
                c += v[1];
            }
        }
        return c;
    }

    // a copy of a range made in each iteration: its length is computed in locals, moved with it
    //@at ({0.4, -1.1, 0.8, 1.3}, 3)
    //@at ({1.2, 0.5, -0.3}, 2)
    @Differentiable
    static float rangeCopiedInALoop(float[] w, int n) {
        float s = 0;
        for (int i = 0; i < n; i++) {
            float[] c = Arrays.copyOfRange(w, 1, 3);
            c[i % 2] = c[i % 2] * s + w[0];
            s += c[0] * c[1];
        }
        return s;
    }

    // float twin of ArrayResults#scaledTwice: returns of a fixed-length local array mixed with returns
    // built in place, and two different local arrays of one fixed length
    //@at ({0.5, 1.5}, 0.2f)
    //@at ({0.5, 1.5}, 0.9f)
    @Differentiable
    static float scaledTwice(float[] v, float c) {
        float[] r = clampOrScale(v, c);
        float[] s = pick(r, c);
        return r[0] * r[1] + s[0] * s[1] * s[1];
    }

    static float[] clampOrScale(float[] v, float c) {
        if (v[0] > c) {
            return new float[] {c, v[1]};
        }
        float[] r = new float[2];
        r[0] = v[0] * c;
        r[1] = v[1] * c * c;
        return r;
    }

    static float[] pick(float[] v, float c) {
        float[] up = {v[0] + c, v[1]};
        float[] down = new float[2];
        down[0] = v[1] * c;
        down[1] = v[0] - c;
        if (v[0] * c > 0.05f) {
            return up;
        }
        return down;
    }
}
