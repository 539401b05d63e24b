package corpus;

import dev.adjoint.Differentiable;

/** Local float arrays inside loops whose length changes with the loop; checked against the double twin. */
public class FloatLoopLengths {

    // a triangle: the i-th scratch array holds i + 1 values, each iteration starting from zeros
    //@at ({0.9, 1.2, -0.4, 2.5}, 0.5f)
    //@at ({-0.9, 0.3}, -1.25f)
    @Differentiable
    static float triangle(float[] x, float c) {
        float s = 0;
        for (int i = 0; i < x.length; i++) {
            float[] t = new float[i + 1];
            for (int j = 0; j < t.length; j++) {
                t[j] += x[j] * c + (float) Math.sin(x[i] * j);
            }
            for (int j = 1; j < t.length; j++) {
                t[j] = t[j] * t[j - 1] + t[j];
            }
            s += t[i] * t[i] + t[t.length - 1] * x[0];
        }
        return s;
    }

    // the length computed into an int local from the counters; an index computed from them (checked
    // against the kept length) and a while loop over the array
    //@at ({0.9, 1.2, -0.4}, 2)
    //@at ({-0.9, 0.3, 0.7, 1.4, -0.23}, 3)
    @Differentiable
    static float chained(float[] x, int reps) {
        float s = 0;
        for (int r = 0; r < reps; r++) {
            for (int k = 0; k < x.length; k++) {
                int m = k + r + 1;
                float[] t = new float[m];
                int w = 0;
                while (w < m) {
                    t[w] = x[(w + k) % x.length] * (r + 1) - t[(w + m - 1) % m];
                    w++;
                }
                int at = (k * 7 + r * 3) % m;
                s += t[at] * t[m - 1] + t.length * 0.25f * x[k];
            }
        }
        return s;
    }

    // a length that falls as the loop runs (2 * (n - i) - 1), a second one in a block under a branch,
    // and a clear made by the creation: what the last iteration left is never read
    //@at ({0.9, 1.2, -0.4, 2.5, 0.3})
    //@at ({-0.9, 0.3, 1.1})
    @Differentiable
    static float shrinking(float[] x) {
        int n = x.length;
        float s = 0;
        for (int i = 0; i < n; i++) {
            float[] u = new float[2 * (n - i) - 1];
            for (int j = 0; j < u.length; j++) {
                u[j] = u[j] + x[(i + j) % n] * x[i];
            }
            if (x[i] > 0) {
                float[] v = new float[n - i];
                for (int j = 0; j < v.length; j++) {
                    v[j] = u[j] * u[u.length - 1 - j];
                }
                s += v[v.length - 1] + v[0] * 0.5f;
            }
            s += u[u.length / 2];
        }
        return s;
    }

    // nested counted loops: the length reads both counters
    //@at ({0.9, 1.2, -0.4}, 0.5f)
    //@at ({-0.9, 0.3, 0.7, 1.4}, -0.75f)
    @Differentiable
    static float pairs(float[] x, float c) {
        float s = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = i; j < x.length; j++) {
                float[] t = new float[j - i + 2];
                t[0] = x[i] * c;
                for (int k = 1; k < t.length; k++) {
                    t[k] = t[k - 1] * x[(i + k) % x.length] + c;
                }
                s += t[t.length - 1] - t[1] * 0.5f;
            }
        }
        return s;
    }
}
