package corpus;

import dev.adjoint.Differentiable;

/**
 * float methods, checked against a double twin made from this text (see README.md): here
 * (float) and (double) casts convert only between float and double.
 */
public class Floats {
    static final float GAIN = 1.5f;

    //@at (0.7, -1.3)
    //@at (1.9, 0.4)
    @Differentiable
    static float polynomial(float a, float b) {
        float c = a * a * b - 2 * a + 0.5f;
        c = c * c + a / 3 - b / 4f;
        return c * b;
    }

    //@at (0.6)
    //@at (1.7)
    @Differentiable
    static float mathOnFloats(float a) {
        float s = (float) Math.sin(a) * (float) Math.exp(a);
        float r = (float) (Math.sqrt(a) + Math.log(a)) * a;
        return s + r + (float) Math.pow(a, 1.5f) + (float) Math.atan2(a, 2);
    }

    // float * double is double; float + int is float
    //@at (0.8, 1.7, 3)
    //@at (-0.4, 0.6, -2)
    @Differentiable
    static float castsBothWays(float a, double b, int n) {
        double t = a * b;
        float u = (float) t + n;
        double v = u * t + (double) a;
        return (float) v * a + u;
    }

    //@at (0.8, 1.7)
    //@at (-0.4, 0.6)
    @Differentiable
    static double floatParamsDoubleResult(float a, float b) {
        float c = a * b;
        return c + Math.sin(a) * b;
    }

    //@at (0.8, 1.7)
    //@at (-0.4, 0.6)
    @Differentiable
    static float doubleParamsFloatResult(double x, double y) {
        float f = (float) (x * y);
        f = f * 2 + (float) x;
        return f * (float) Math.cos(y);
    }

    // compound assignments to a float narrow their double right-hand side
    //@at (0.8, 1.7)
    //@at (1.4, 0.6)
    @Differentiable
    static float compoundNarrowing(float a, float b) {
        float c = a;
        c += b;
        c *= a;
        c -= 1;
        c /= 2;
        c += Math.log(b);
        c *= Math.sqrt(a);
        c++;
        return c;
    }

    //@at (1.5, 0.9)
    //@at (0.4, 1.2)
    //@at (-0.3, 0.2)
    @Differentiable
    static float branches(float a, float b) {
        float r = a > b ? a * b : a - b;
        if (r > 0) {
            r = r * r;
        } else {
            r = -r + a;
        }
        return r > 1 ? r : r * b;
    }

    //@at (0.7, -1.2)
    //@at (-2.1, 0.4)
    @Differentiable
    static float absMaxMinSignum(float a, float b) {
        return Math.abs(a) * Math.max(a, b) + Math.min(a, 0.25f) + Math.signum(a) * a + Math.max(b, 2);
    }

    //@at ({0.3, -0.7}, {1.5, 0.25})
    //@at ({-1.2, 0.4}, {0.5, -2.0})
    @Differentiable(wrt = "w")
    static float floatArrays(float[] w, float[] x) {
        float s = w[0] * x[0] + w[1] * w[1] * x[1];
        return s * w[w.length - 1];
    }

    //@at (0.7, 3, 2)
    //@at (-1.3, -5, 7)
    @Differentiable
    static float integersMixedIn(float a, int n, long k) {
        return a * n + a * k + n / 3 * a + k * a * a;
    }

    //@at (0.7, 1.2)
    //@at (-1.3, 0.5)
    @Differentiable
    static float constants(float a, float b) {
        return GAIN * a * b + (float) Math.PI * a + Floats.GAIN * b;
    }

    //@at (0.7, 1.2, 0.3)
    //@at (-1.3, 0.5, -0.8)
    @Differentiable(wrt = {"a", "c"})
    static float wrtSubset(float a, float b, double c) {
        float t = a * b;
        return t * (float) c + b;
    }

    //@at (0.7, 1.2)
    //@at (-1.3, 0.5)
    @Differentiable
    static float mixedArithmetic(float a, double x) {
        double m = a * x + a / x;
        float f = (float) m;
        f = f * a + (float) (x * x);
        return f + (float) (a * 0.25);
    }

    //@at (0.7)
    //@at (-1.3)
    @Differentiable
    static float overwriteChain(float a) {
        float s = a;
        s = s * a;
        s = s * a;
        s = s + a;
        s = s * 0.5f;
        return s * s;
    }

    // Java's % on floating values (fmod: a - b * trunc(a / b)), compound %= too; points keep a / b
    // away from integers, where % jumps
    //@at (5.3, 2.1)
    //@at (-1.7, 1.2)
    //@at (0.4, -2.5)
    @Differentiable
    static float remainders(float a, float b) {
        float r = a % b;
        float s = a * a;
        s %= b + 3.5f;
        return r * a + s + (a * b) % 1.5f;
    }
}
