package corpus;

import dev.adjoint.Differentiable;

/**
 * A record's and a final class's own methods with loops and statements, on local objects (called
 * through static helpers of the class, objects/RecordMethods); checked against the double twin.
 */
public class FloatRecordMethods {

    record Poly(float[] c) {
        float eval(float x) {
            float s = 0;
            for (int i = c.length - 1; i >= 0; i--) {
                s = s * x + c[i];
            }
            return s;
        }
    }

    record Spring(float k, float rest) {
        static final float G = 9.81f;

        float stretch(float[] x) {
            float e = 0;
            for (int i = 1; i < x.length; i++) {
                float d = x[i] - x[i - 1] - rest;
                e += 0.5f * k * d * d;
            }
            return e;
        }

        float total(float[] x, float m) {
            return stretch(x) + m * G * x[x.length - 1];
        }

        void relax(float[] x) {
            for (int i = 1; i < x.length; i++) {
                x[i] -= 0.1f * k * (x[i] - x[i - 1] - rest);
            }
        }
    }

    static final class Gauss {
        final float mu;
        final float sigma;

        Gauss(float mu, float sigma) {
            this.mu = mu;
            this.sigma = sigma;
        }

        float logLik(float[] xs) {
            float s = 0;
            for (float x : xs) {
                float z = (x - mu) / sigma;
                s += -0.5f * z * z - (float) Math.log(sigma);
            }
            return s;
        }
    }

    // Horner's loop in a record holding the coefficients, squared residuals summed
    //@at ({0.9, 0.4, 0.8}, {0.1, 0.5, 0.9, 1.3})
    //@at ({-0.3, 1.2}, {0.7, -0.2})
    @Differentiable
    static float polyFit(float[] c, float[] xs) {
        Poly p = new Poly(c);
        float r = 0;
        for (float x : xs) {
            float e = p.eval(x) - 1;
            r += e * e;
        }
        return r;
    }

    // a method writing an array it is given, then one calling another with a loop, and a constant
    //@at ({0.2, 0.9, 1.3, 2.2}, 3.0f)
    //@at ({-0.4, 0.1, 0.3}, 0.7f)
    @Differentiable
    static float spring(float[] x, float k) {
        Spring s = new Spring(k, 0.5f);
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i];
        }
        s.relax(y);
        return s.total(y, 2);
    }

    // a final class's method over a sample, its fields from the parameters
    //@at ({0.3, 1.7}, {0.1, 0.5, 0.9})
    //@at ({-0.2, 0.6}, {1.1, -0.4})
    @Differentiable
    static float gauss(float[] p, float[] xs) {
        Gauss g = new Gauss(p[0], p[1]);
        return g.logLik(xs);
    }
}
