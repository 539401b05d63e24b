package corpus;

import dev.adjoint.Differentiable;

/**
 * Array variables assigned again (issue 15): a = z in an MLP's layer loop, ping-pong buffers
 * swapped through a third name, conditional aliases, a = layer(...) and x = step(x, h) with
 * array-returning helpers. Each variable gets an array of its own that each assignment copies into.
 */
public class FloatReassignments {

    // the MLP forward pass: a is the input, then each layer's fresh z (W[l] row-major, B[l].length units)
    //@at ({{0.3, -0.5, 0.8, 0.1, -0.2, 0.4}, {0.7, -0.6, 0.5}}, {{0.1, -0.2, 0.3}, {0.05}}, {0.9, -1.1})
    //@at ({{0.2, 0.4, -0.3, 0.6, -0.1, 0.5}, {0.3, -0.4, 0.2, 0.1, 0.6, -0.5}}, {{0.2, -0.1}, {0.1, 0.3, -0.2}}, {1.2, -0.4, 0.7})
    @Differentiable
    static float mlp(float[][] W, float[][] B, float[] x) {
        float[] a = x;
        for (int l = 0; l < W.length; l++) {
            float[] z = new float[B[l].length];
            for (int i = 0; i < z.length; i++) {
                float s = B[l][i];
                for (int j = 0; j < a.length; j++) {
                    s += W[l][i * a.length + j] * a[j];
                }
                z[i] = (float) Math.tanh(s);
            }
            a = z;
        }
        float r = 0;
        for (float v : a) {
            r += v * v;
        }
        return r;
    }

    static float[] layer(float[] w, float[] b, float[] a) {
        float[] z = new float[b.length];
        for (int i = 0; i < z.length; i++) {
            float s = b[i];
            for (int j = 0; j < a.length; j++) {
                s += w[i * a.length + j] * a[j];
            }
            z[i] = (float) Math.tanh(s);
        }
        return z;
    }

    // the same with the layer an array-returning helper: a = layer(W[l], B[l], a)
    //@at ({{0.3, -0.5, 0.8, 0.1, -0.2, 0.4}, {0.7, -0.6, 0.5}}, {{0.1, -0.2, 0.3}, {0.05}}, {0.9, -1.1})
    //@at ({{0.2, 0.4, -0.3, 0.6, -0.1, 0.5}, {0.3, -0.4, 0.2, 0.1, 0.6, -0.5}}, {{0.2, -0.1}, {0.1, 0.3, -0.2}}, {1.2, -0.4, 0.7})
    @Differentiable
    static float mlpLayers(float[][] W, float[][] B, float[] x) {
        float[] a = x;
        for (int l = 0; l < W.length; l++) {
            a = layer(W[l], B[l], a);
        }
        float r = 0;
        for (int i = 0; i < a.length; i++) {
            r += a[i] * (i + 1);
        }
        return r;
    }

    // ping-pong buffers allocated once, swapped through a third name each step
    //@at ({0.3, -0.7, 1.1}, 3)
    //@at ({-1.2, 0.4, 0.9, 0.6}, 2)
    @Differentiable
    static float pingPong(float[] x, int steps) {
        float[] cur = new float[x.length];
        float[] next = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            cur[i] = x[i];
        }
        for (int k = 0; k < steps; k++) {
            for (int i = 0; i < x.length; i++) {
                next[i] = (float) Math.sin(cur[i]) + 0.5f * cur[(i + 1) % x.length] * x[i];
            }
            float[] t = cur;
            cur = next;
            next = t;
            next[0] = next[0] * 0.5f;
        }
        float r = 0;
        for (int i = 0; i < cur.length; i++) {
            r += cur[i] * next[i] + cur[i];
        }
        return r;
    }

    // a conditional alias of two parameters of different lengths
    //@at ({0.3, -0.7, 1.1}, {0.5, 0.2}, 0.8)
    //@at ({0.3, -0.7, 1.1}, {0.5, 0.2}, -0.6)
    @Differentiable
    static float conditional(float[] u, float[] v, float c) {
        float[] y = c > 0 ? u : v;
        float r = 0;
        for (int i = 0; i < y.length; i++) {
            r += y[i] * y[i] * c;
        }
        if (c < 0.5f) {
            y = u;
        }
        return r + y[y.length - 1] * c;
    }

    // p = c ? v : w inside a loop, picking which array the step reads
    //@at ({0.3, -0.7, 1.1}, {0.5, 0.2, -0.4}, 4)
    //@at ({1.3, 0.7, -0.1}, {-0.5, 0.9, 0.4}, 3)
    @Differentiable
    static float alternating(float[] v, float[] w, int n) {
        float[] p = v;
        float s = 0;
        for (int k = 0; k < n; k++) {
            p = k % 2 == 0 ? w : v;
            s = s * 0.5f + p[k % p.length] * (float) Math.cos(s);
        }
        return s + p[0];
    }

    static float[] step(float[] x, float h) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] + h * (float) Math.cos(x[i] * x[(i + 1) % x.length]);
        }
        return y;
    }

    // an explicit Euler loop x = step(x, h) with an array-returning helper
    //@at ({0.3, -0.7, 1.1}, 0.1, 4)
    //@at ({-1.2, 0.4}, 0.25, 3)
    @Differentiable
    static float euler(float[] x0, float h, int n) {
        float[] x = x0;
        for (int k = 0; k < n; k++) {
            x = step(x, h);
        }
        float r = 0;
        for (int i = 0; i < x.length; i++) {
            r += x[i] * x[i];
        }
        return r;
    }

    // the same assigning the parameter itself: x = step(x, h) (the caller's array stays as it was)
    //@at ({0.3, -0.7, 1.1}, 0.1, 4)
    //@at ({-1.2, 0.4}, 0.25, 3)
    @Differentiable
    static float eulerOnParameter(float[] x, float h, int n) {
        for (int k = 0; k < n; k++) {
            x = step(x, h);
        }
        return x[0] * x[x.length - 1];
    }

    // a = z with z of a fixed length created in each iteration (a recurrent cell over n steps)
    //@at ({0.3, -0.7, 1.1}, {0.5, -0.2, 0.8}, 3)
    //@at ({-1.2, 0.4}, {0.9, 0.1}, 2)
    @Differentiable
    static float recurrent(float[] x, float[] w, int n) {
        float[] a = x;
        for (int t = 0; t < n; t++) {
            float[] z = new float[x.length];
            for (int i = 0; i < z.length; i++) {
                z[i] = (float) Math.tanh(w[i] * a[i] + 0.5f * a[(i + 1) % a.length]);
            }
            a = z;
        }
        return a[0] + a[a.length - 1] * 2;
    }

    // the Euler loop's state itself as the result: return x, a variable assigned again (returned as a copy)
    //@at ({0.3, -0.7, 1.1}, 0.1, 4)
    //@at ({-1.2, 0.4}, 0.25, 3)
    @Differentiable
    static float[] eulerState(float[] x0, float h, int n) {
        float[] x = x0;
        for (int k = 0; k < n; k++) {
            x = step(x, h);
        }
        return x;
    }

    // the same on the parameter, and no step at all when n = 0 (the result then holds x's values)
    //@at ({0.3, -0.7, 1.1}, 0.1, 2)
    //@at ({-1.2, 0.4}, 0.25, 0)
    @Differentiable
    static float[] eulerStateOnParameter(float[] x, float h, int n) {
        for (int k = 0; k < n; k++) {
            x = step(x, h);
        }
        return x;
    }

    // ping-pong buffers swapped through a third name, the last one written returned
    //@at ({0.3, -0.7, 1.1}, 3)
    //@at ({-1.2, 0.4, 0.9, 0.2}, 2)
    @Differentiable
    static float[] smoothed(float[] x, int steps) {
        float[] cur = x.clone();
        float[] next = new float[x.length];
        for (int s = 0; s < steps; s++) {
            for (int i = 0; i < x.length; i++) {
                next[i] = 0.5f * cur[i] + 0.25f * (float) Math.sin(cur[(i + 1) % x.length]) * x[i];
            }
            float[] t = cur;
            cur = next;
            next = t;
        }
        return cur;
    }
}
