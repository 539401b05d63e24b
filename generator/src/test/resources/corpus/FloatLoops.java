package corpus;

import dev.adjoint.Differentiable;

/**
 * float methods with loops, branches in loops, calls and ties; checked against a double twin
 * made from this text (see README.md) and, at ties, exactly.
 */
public class FloatLoops {

    //@at ({0.3, -0.7, 1.1}, {1.5, 0.25, 0.9})
    //@at ({-1.2, 0.4, 2.0, 0.6}, {0.5, -2.0, 0.1, 0.3})
    @Differentiable(wrt = "w")
    static float dotTanh(float[] w, float[] x) {
        float s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i] * x[i];
        }
        return (float) Math.tanh(s);
    }

    //@at (1.3, 5)
    //@at (-0.8, 3)
    @Differentiable
    static float power(float x, int n) {
        float p = 1;
        for (int i = 0; i < n; i++) {
            p = p * x;
        }
        return p;
    }

    // a while loop with a data-dependent trip count
    //@at (1.3f)
    //@at (2.9f)
    @Differentiable
    static float whileDataDependent(float x) {
        float s = x;
        int k = 0;
        while (s < 10) {
            s = s * x + 0.5f;
            k++;
        }
        return s / (k + 1);
    }

    // do/while and a double accumulator over float values
    //@at (0.4, 6)
    //@at (1.7, 6)
    @Differentiable
    static double doWhileMixed(float x, int n) {
        double s = 0;
        int i = 0;
        do {
            s = s + Math.sin(s + x * i);
            i++;
        } while (i < n && s < 1.5);
        return s * x;
    }

    // for-each over a float array with a branch
    //@at ({0.3, -0.7, 1.1}, 1.4)
    //@at ({-1.2, 0.4, 2.0, 0.6}, 0.6)
    @Differentiable
    static float forEachWithBranch(float[] w, float t) {
        float s = 1;
        for (float v : w) {
            if (v > 0) {
                s = s * v + t;
            } else {
                s = s - v * t;
            }
        }
        return s;
    }

    // continue and an if/else chain in a float loop
    //@at ({-1.6, -0.4, 0.3, 2.2})
    //@at ({0.8, 1.7, -0.1, -3.0})
    @Differentiable
    static float chainAndContinue(float[] w) {
        float s = 0.5f;
        for (int i = 0; i < w.length; i++) {
            float v = w[i];
            if (v < -1) {
                continue;
            } else if (v < 0) {
                s = s + (float) Math.sin(v);
            } else if (v < 1) {
                s = s * (float) Math.exp(v);
            } else {
                s = s + (float) Math.log(v) * s;
            }
        }
        return s;
    }

    // downward and step-2 counters, a long counter
    //@at ({0.3, -0.7, 1.1, 0.8, 0.4}, 0.6, 3)
    //@at ({-1.2, 0.4}, -1.1, 2)
    @Differentiable
    static float counters(float[] c, float x, long n) {
        float s = 0;
        for (int i = c.length - 1; i >= 0; i--) {
            s = s * x + c[i];
        }
        for (int i = 0; i < c.length; i += 2) {
            s = s + c[i] * 0.5f;
        }
        for (long k = 0; k < n; k++) {
            s = s * 0.9f + x;
        }
        return s;
    }

    // nested loops
    //@at ({0.3, -0.7, 1.1})
    //@at ({-1.2, 0.4, 2.0, 0.6})
    @Differentiable
    static float nestedTriangle(float[] w) {
        float s = 0;
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j <= i; j++) {
                s += w[i] * w[j] * 0.5f;
            }
        }
        return s;
    }

    // early returns around a loop
    //@at (-0.5, 3)
    //@at (0.5, 3)
    //@at (3.5, 2)
    @Differentiable
    static float multipleReturns(float x, int n) {
        if (x < 0) {
            return x * x;
        }
        if (x > 3) {
            return (float) Math.log(x);
        }
        float s = x;
        for (int i = 0; i < n; i++) {
            s = s * 1.5f + x;
        }
        return s;
    }

    // calls to another float @Differentiable method in a loop
    //@at (0.7, 4)
    //@at (-0.4, 3)
    @Differentiable
    static float callInLoop(float x, int n) {
        float s = x;
        for (int i = 0; i < n; i++) {
            s = softsq(s, x) * 0.5f + 0.1f;
        }
        return s;
    }

    //@at (0.7, 1.3)
    //@at (-0.4, 0.6)
    @Differentiable
    static float softsq(float a, float b) {
        return a * a * b + (float) Math.log1p(Math.exp(a));
    }

    // ties in float: max/min split evenly, abs' = 0 at 0
    //@at (0.7, -1.2)
    //@at (-0.3, 0.4)
    //@exact (0.5, 0.5) grad {3.0, 2.0}
    //@exact (0.0, 0.25) grad {1.5, 2.0}
    @Differentiable
    static float ties(float a, float b) {
        return Math.max(a, b) + Math.min(a, b) + Math.abs(a) + Math.max(a, 0f) + b;
    }

    // integer bitwise and shift operators, compound ones too, and booleans' & | ^: values without
    // derivative that pick indices, branches and factors (a binary search's (lo + hi) >>> 1)
    //@at ({0.3, -0.7, 1.1, 0.8, -0.2}, 3, true)
    //@at ({1.3, 0.2, -0.9, 0.6, 2.1, -1.4}, 6, false)
    @Differentiable
    static float bitwise(float[] x, int n, boolean flip) {
        float s = 0;
        int mask = 0;
        for (int i = 0; i < x.length; i++) {
            int k = (i * 7 + n) & 3;
            long w = ((long) i << 2) | 1L;
            boolean odd = (i & 1) == 1 ^ flip;
            mask |= 1 << (i % 4);
            mask ^= k;
            int h = ~i >>> 28;
            int m = i >> 1;
            m <<= 1;
            boolean both = odd & (k > 1) | (w > 5);
            if (odd) {
                s += x[i] * k + w;
            } else {
                s -= x[(i + h) % x.length] * m;
            }
            if (both) {
                s *= 1.01f;
            }
        }
        int lo = 0, hi = x.length - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] * 0 + mid <= n) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return s * x[lo] + mask;
    }

    // a do/while condition that updates a counter under && (Newton's iteration for a cube root,
    // differentiated through its iterations; not started at the root, where one step ends it): the
    // condition checked at the end of each pass
    //@at (2.0, 3.5)
    //@at (0.5, -1.0)
    @Differentiable
    static float newtonCount(float p, float q) {
        float x = 1;
        int it = 0;
        float delta;
        do {
            float fx = x * x * x + p * x - q;
            float dfx = 3 * x * x + p;
            delta = fx / dfx;
            x -= delta;
        } while (Math.abs(delta) > 1e-6f && ++it < 60);
        return x + it * 0;
    }
}
