package corpus;

import dev.adjoint.Differentiable;

/**
 * Local arrays declared without a value and given one later (issue 15, desugar/UnsetArrays): in
 * branches (an alias of one parameter or the other, inlined helpers' results, arrays built there),
 * in the next statement, inside a loop, and an {@code int[]} of indices; and a choice between two
 * inlined helpers' results written with {@code ?:}, and a helper given {@code c ? a : b}.
 */
public class FloatUnsetArrays {

    static float[] scaled(float[] v, float k) {
        float[] r = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i] * k;
        }
        return r;
    }

    // one parameter or the other, read through the chosen name
    //@at ({0.3, 0.5, -0.4}, {1.2, -0.7}, 0.8)
    //@at ({0.3, 0.5, -0.4}, {1.2, -0.7}, -0.8)
    @Differentiable
    static float chosenParameter(float[] a, float[] b, float s) {
        float[] r;
        if (s > 0) {
            r = a;
        } else {
            r = b;
        }
        float t = 0;
        for (int i = 0; i < r.length; i++) {
            t += r[i] * r[i] * s;
        }
        return t;
    }

    // a helper's result in each branch, written in one of them
    //@at ({0.3, 0.5, -0.4}, {1.2, -0.7}, 0.8)
    //@at ({0.3, 0.5, -0.4}, {1.2, -0.7}, -0.8)
    @Differentiable
    static float helperInEachBranch(float[] a, float[] b, float s) {
        float[] r;
        if (s > 0) {
            r = scaled(a, s);
        } else {
            r = scaled(b, s * s);
            r[0] += s;
        }
        return r[0] * r[1] + (float) Math.sin(r[r.length - 1]);
    }

    // the same choice as a conditional expression
    //@at ({0.3, 0.5, -0.4}, {1.2, -0.7}, 0.8)
    //@at ({0.3, 0.5, -0.4}, {1.2, -0.7}, -0.8)
    @Differentiable
    static float helperChosenByConditional(float[] a, float[] b, float s) {
        float[] r = s > 0 ? scaled(a, s) : scaled(b, s * s);
        return r[0] * r[1] + (float) Math.sin(r[r.length - 1]);
    }

    // declared, then created in the next statement; and inside a loop
    //@at ({0.3, 0.5, -0.4}, {1.2, -0.7}, 0.8)
    //@at ({-0.6, 0.25, 1.1}, {0.4, 0.9}, -1.3)
    @Differentiable
    static float createdNext(float[] a, float[] b, float s) {
        float[] r;
        r = new float[a.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = a[i] * s + b[i % b.length];
        }
        float tot = r[0] * r[1];
        for (int k = 0; k < 3; k++) {
            float[] t;
            t = new float[2];
            t[0] = a[k % a.length] * s;
            t[1] = t[0] * b[k % b.length];
            tot += t[1] * t[0];
        }
        return tot;
    }

    // arrays of different lengths built in the branches; indices chosen the same way
    //@at ({0.3, 0.5}, 0.8, 2)
    //@at ({0.3, 0.5}, -0.8, 1)
    @Differentiable
    static float builtInBranches(float[] a, float s, int n) {
        float[] r;
        if (s > 0) {
            r = new float[] {a[0] * s, a[1]};
        } else {
            r = new float[] {a[1], a[0] * s, s};
        }
        int[] idx;
        if (n > 1) {
            idx = new int[] {1, 0};
        } else {
            idx = new int[] {0, 1};
        }
        return r[0] * r[r.length - 1] + a[idx[0]] * a[idx[1]] * a[idx[0]];
    }

    // a choice of arrays given to a helper: the choice of calls
    //@at ({0.3, 0.5, -0.4}, {1.2, -0.7}, 0.8)
    //@at ({0.3, 0.5, -0.4}, {1.2, -0.7}, -0.8)
    @Differentiable
    static float helperGivenAChoice(float[] a, float[] b, float s) {
        float[] r = scaled(s > 0 ? a : b, s * s);
        return r[0] * r[r.length - 1] + s * r[1];
    }

    static void grow(float[] v, float k) {
        for (int i = 0; i < v.length; i++) {
            v[i] += k * v[i] * v[i];
        }
    }

    // a helper writing the array it is given, given a choice of two local copies: a branch per call
    //@at ({0.3, 0.5, -0.4}, {1.2, -0.7}, 0.8)
    //@at ({0.3, 0.5, -0.4}, {1.2, -0.7}, -0.8)
    @Differentiable
    static float writerGivenAChoice(float[] a, float[] b, float s) {
        float[] c = a.clone();
        float[] d = b.clone();
        grow(s > 0 ? c : d, s);
        return c[0] * d[1] + c[2] * s;
    }

    // a value chosen in a switch: a parameter, a helper's result, a helper's result of a built array
    //@at ({0.3, 0.5, -0.4}, {1.2, -0.7}, 0.8, 0)
    //@at ({0.3, 0.5, -0.4}, {1.2, -0.7}, -0.8, 1)
    //@at ({0.3, 0.5, -0.4}, {1.2, -0.7}, 1.3, 2)
    @Differentiable
    static float chosenInSwitch(float[] a, float[] b, float s, int k) {
        float[] r;
        switch (k) {
            case 0:
                r = a;
                break;
            case 1:
                r = scaled(b, s);
                break;
            default:
                r = scaled(new float[] {s, s * s}, s);
        }
        return r[0] * r[1] * s;
    }
}
