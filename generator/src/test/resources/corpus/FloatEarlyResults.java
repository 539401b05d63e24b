package corpus;

import dev.adjoint.Differentiable;

/**
 * Arrays of different lengths returned from several places (issue 15), each new in the call: a
 * guard's empty array, a short vector built at the return, a local array created with new
 * (desugar/ResultVariable: one variable every return returns, assigned each new array).
 */
public class FloatEarlyResults {

    // a guard returns an empty array; otherwise the local y of the argument's length
    //@at ({0.5, -1.5, 2.0}, 3)
    //@at ({-0.3, 1.1, 0.4}, 2)
    //@at ({0.7, 0.2}, 0)
    @Differentiable
    static float[] guardedSquares(float[] x, int n) {
        if (n == 0) {
            return new float[0];
        }
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = x[i] * x[i] * (i + 1);
        }
        return y;
    }

    // a short vector built at one return (no braces), the local array at the other
    //@at ({1.5, -0.7, 0.3})
    //@at ({0.4, -0.7, 0.3, 0.9})
    //@at ({-1.6, 0.8})
    @Differentiable
    static float[] shortOrFull(float[] x) {
        if (x[0] > 1) return new float[] {x[1] * x[0], (float) Math.sin(x[2])};
        if (x[0] < -1) {
            return new float[] {x[0] * x[1]};
        }
        float[] y = {x[0] + x[1], x[0] * x[1], 0, 0};
        for (int i = 2; i < x.length; i++) {
            y[i] = (float) Math.exp(x[i] * 0.5f) * y[i - 1];
        }
        return y;
    }

    // a return inside a loop, of a local array created in each iteration; after the loop a fresh one
    //@at ({0.5, 0.25, -0.6, 0.3})
    //@at ({0.5, 1.2, 0.3})
    //@at ({2.0, -0.5, 0.75})
    @Differentiable
    static float[] firstLargePrefix(float[] x) {
        for (int k = 1; k <= x.length; k++) {
            float[] prefix = new float[k];
            float s = 0;
            for (int i = 0; i < k; i++) {
                prefix[i] = x[i] * x[k - 1];
                s += prefix[i];
            }
            if (s > 1) {
                return prefix;
            }
        }
        return new float[] {x[0] - x[1], x[1] * x[1]};
    }

    // a plain helper returning different arrays, inlined into its caller
    static float[] tailOrHead(float[] v, int k) {
        if (k >= v.length) {
            return new float[] {v[0]};
        }
        float[] t = new float[v.length - k];
        for (int i = 0; i < t.length; i++) {
            t[i] = v[k + i] * v[k + i];
        }
        return t;
    }

    //@at ({0.5, -1.5, 2.0, 0.3}, 1)
    //@at ({0.5, -1.5, 2.0}, 3)
    @Differentiable
    static float weightedTail(float[] x, int k) {
        float[] t = tailOrHead(x, k);
        float s = 0;
        for (int i = 0; i < t.length; i++) {
            s += (i + 1) * (float) Math.tanh(t[i]);
        }
        return s;
    }

    // the @Differentiable method above, its result used by another one
    //@at ({0.5, -1.5, 2.0})
    //@at ({1.5, -0.7, 0.3})
    //@at ({-1.6, 0.8})
    @Differentiable
    static float sumOfShortOrFull(float[] x) {
        float[] r = shortOrFull(x);
        float s = 0;
        for (int i = 0; i < r.length; i++) {
            s += r[i] * r[i] + r[i];
        }
        return s;
    }

    // two local arrays of different lengths returned from two places: each return copies its array into
    // one result variable
    //@at ({0.5, -1.5, 2.0})
    //@at ({-0.5, 1.5, 2.0, 0.7})
    @Differentiable
    static float[] eitherLocal(float[] x) {
        float[] head = {x[0] * x[1], (float) Math.exp(x[1] * 0.5f)};
        float[] all = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            all[i] = x[i] * head[1] + head[0];
        }
        if (x[0] > 0) {
            return head;
        }
        return all;
    }

    // a guard returning a copy of the parameter (x.clone()): copied into the result variable
    //@at ({0.5, -1.5, 2.0}, 0)
    //@at ({0.5, -1.5, 2.0}, 4)
    @Differentiable
    static float[] clonedGuard(float[] x, int n) {
        if (n == 0) {
            return x.clone();
        }
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = x[i % x.length] * x[(i + 1) % x.length];
        }
        return y;
    }

    // copies of two parameters of different lengths; the first written before it is copied
    //@at ({0.5, -1.5, 2.0}, {0.25, 0.8})
    //@at ({-0.5, 1.5, 2.0}, {0.25, 0.8})
    @Differentiable
    static float[] eitherClone(float[] x, float[] y) {
        x[1] = x[1] * y[0];
        if (x[0] > 0) return x.clone();
        return y.clone();
    }

    // a plain helper returning a copy of its argument or a new array, inlined twice; a copy written after
    static float[] copyOrExp(float[] v, int n) {
        if (n == 0) {
            return v.clone();
        }
        float[] e = new float[n];
        for (int i = 0; i < n; i++) {
            e[i] = (float) Math.exp(v[i % v.length] * 0.5f);
        }
        return e;
    }

    //@at ({0.5, -1.5, 2.0})
    //@at ({-0.25, 0.4, 1.1, 0.3})
    @Differentiable
    static float usesCopyOrExp(float[] x) {
        float[] a = copyOrExp(x, 0);
        float[] b = copyOrExp(x, 3);
        a[0] = 3 * a[0] * b[1];
        return a[0] + x[0] * a[1] + b[2] * a[a.length - 1];
    }

    static float[] cubes(float[] v) {
        float[] o = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = v[i] * v[i] * v[i];
        }
        return o;
    }

    // a plain helper's array on one path, a local array on the other
    //@at ({0.5f, -1.5f, 2.0f}, 0.7f)
    //@at ({0.5f, -1.5f, 2.0f}, -0.7f)
    @Differentiable
    static float[] helperOrLocal(float[] x, float c) {
        if (c > 0) {
            return cubes(x);
        }
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) Math.sin(c * x[i]);
        }
        return y;
    }

    // a local array or its copy; and a caller summing what the first returns
    //@at ({0.5f, -1.5f, 2.0f}, 0.7f)
    //@at ({0.5f, -1.5f, 2.0f}, -0.7f)
    @Differentiable
    static float[] localOrItsCopy(float[] x, float t) {
        float[] y = cubes(x);
        if (t > 0) {
            return y;
        }
        y[0] = y[0] * t;
        return y.clone();
    }

    //@at ({0.5f, -1.5f, 2.0f}, 0.7f)
    //@at ({0.5f, -1.5f, 2.0f}, -0.7f)
    @Differentiable
    static float sumOfHelperOrLocal(float[] x, float c) {
        float[] h = helperOrLocal(x, c);
        float s = 0;
        for (int i = 0; i < h.length; i++) {
            s += h[i] * x[i];
        }
        return s;
    }
}
