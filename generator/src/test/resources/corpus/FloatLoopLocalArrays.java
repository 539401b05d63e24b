package corpus;

import dev.adjoint.Differentiable;

/**
 * Local float arrays created in loops where no one hoisted array stands for them (issue 15): each
 * creation borrows its own array, the earlier one restored by the reverse sweep. Checked against
 * the double twin.
 */
public class FloatLoopLocalArrays {

    // a length the loop updates (n += 2)
    //@at ({0.9, 1.2, -0.4, 2.5})
    //@at ({-0.7, 0.3})
    @Differentiable
    static float grows(float[] x) {
        int n = 1;
        float s = 0;
        for (int i = 0; i < x.length; i++) {
            float[] t = new float[n];
            for (int j = 0; j < n; j++) {
                t[j] = x[i] * (j + 1) * 0.25f + x[j % x.length];
            }
            for (int j = 0; j < n; j++) {
                s += (float) Math.sin(t[j]) * t[n - 1 - j];
            }
            n += 2;
        }
        return s;
    }

    // a while loop on a value; the array's length is the loop's variable
    //@at ({0.9, 1.2, -0.4})
    //@at ({-0.6, 0.8, 1.3, 0.2})
    @Differentiable
    static float whileValue(float[] x) {
        float s = 0;
        int k = 1;
        while (s < 5.5f && k < 12) {
            float[] t = new float[k];
            for (int j = 0; j < k; j++) {
                t[j] = x[j % x.length] * x[j % x.length] + 0.125f * s;
            }
            for (int j = 0; j < k; j++) {
                s += t[j];
            }
            k++;
        }
        return s;
    }

    // a loop a break leaves (scanning its headers alone could outrun the method)
    //@at ({0.9, 1.2, -0.4, 2.5})
    //@at ({-0.7, 0.3, 0.5})
    @Differentiable
    static float leftEarly(float[] x) {
        float s = 0;
        for (int i = 0; i < 1000000; i++) {
            if (i >= x.length) {
                break;
            }
            float[] t = new float[i + 1];
            for (int j = 0; j <= i; j++) {
                t[j] = x[j] * x[i] + s * 0.1f;
            }
            for (int j = 0; j <= i; j++) {
                s += (float) Math.sin(t[j]) * t[i - j];
            }
        }
        return s;
    }

    // in a block, its length a parameter's
    //@at ({0.9, 1.2, -0.4}, true)
    //@at ({-0.7, 0.3}, false)
    @Differentiable
    static float inBlock(float[] x, boolean c) {
        float s = 1;
        if (c) {
            float[] t = new float[x.length];
            for (int j = 0; j < x.length; j++) {
                t[j] = x[j] * x[j];
            }
            for (int j = 0; j < x.length; j++) {
                s *= 1 + t[j];
            }
        } else {
            s = x[0] * x[0];
        }
        return s;
    }

    // a variable given a new array each iteration: the earlier array read before, the last one after the loop
    //@at ({0.9, 1.2, -0.4, 2.5})
    //@at ({-0.7, 0.3})
    @Differentiable
    static float escaping(float[] x) {
        float[] t = new float[1];
        t[0] = x[0];
        float s = 0;
        for (int i = 1; i < x.length; i++) {
            s += t[t.length - 1] * x[i];
            t = new float[i + 1];
            for (int j = 0; j <= i; j++) {
                t[j] = (float) Math.cos(x[j]) * x[i] + s;
            }
        }
        return s + t[0] * t[t.length - 1];
    }

    // nested loops, each creating an array whose length the outer loop updates
    //@at ({0.9, 1.2, -0.4})
    //@at ({-0.7, 0.3, 0.5, 1.1})
    @Differentiable
    static float nested(float[] x) {
        float s = 0;
        int m = 1;
        for (int i = 0; i < x.length; i++) {
            float[] u = new float[m];
            for (int k = 0; k < m; k++) {
                float[] v = new float[k + m];
                for (int j = 0; j < v.length; j++) {
                    v[j] = x[(i + j) % x.length] * x[i];
                }
                u[k] = (float) Math.tanh(v[v.length - 1] + v[0] * s);
            }
            for (int k = 0; k < m; k++) {
                s += u[k] * u[m - 1 - k];
            }
            m++;
        }
        return s;
    }

    // a 2-D array created in a loop, its row count updated by the loop
    //@at ({0.9, 1.2, -0.4})
    //@at ({-0.7, 0.3})
    @Differentiable
    static float twoD(float[] x) {
        int n = 1;
        float s = 0;
        for (int i = 0; i < x.length; i++) {
            float[][] a = new float[n][2];
            for (int r = 0; r < n; r++) {
                a[r][0] = x[r % x.length] * x[i];
                a[r][1] = (float) Math.exp(a[r][0]) + s * 0.5f;
            }
            for (int r = 0; r < n; r++) {
                s += a[r][0] * a[r][1] * 0.2f;
            }
            n++;
        }
        return s;
    }

    // iterations a continue skips before the creation
    //@at ({0.9, -1.2, 0.4, 2.5})
    //@at ({-0.7, 0.3, 0.6})
    @Differentiable
    static float skips(float[] x) {
        float s = 0;
        int n = 1;
        for (int i = 0; i < x.length; i++) {
            n += i % 2;
            if (x[i] < 0) {
                continue;
            }
            float[] t = new float[n];
            for (int j = 0; j < n; j++) {
                t[j] = x[i] * x[j % x.length];
            }
            s += (float) Math.tanh(t[n - 1]) + t[0] * s * 0.5f;
        }
        return s;
    }
}
