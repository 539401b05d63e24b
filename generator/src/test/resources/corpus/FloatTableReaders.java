package corpus;

import dev.adjoint.Differentiable;

/**
 * Private static tables handed to helpers of the class that only read them (a vol smile
 * interpolated by a helper, a row of a term table through a helper that passes it on): the
 * adjoint class holds a copy of each table, read where the inlined helpers read it; checked
 * against the double twin.
 */
public class FloatTableReaders {
    private static final float[] SMILE = {0.28f, 0.24f, 0.21f, 0.2f, 0.205f, 0.22f};
    private static final float[][] TERM = {{0.9f, 1.0f, 1.1f}, {0.95f, 1.0f, 1.08f}};

    // linear interpolation on a unit grid, clamped to its ends
    static float interpolate(float[] ys, float x) {
        int i = (int) Math.floor(x);
        i = Math.max(0, Math.min(ys.length - 2, i));
        float frac = x - i;
        return ys[i] * (1 - frac) + ys[i + 1] * frac;
    }

    static float termScale(float[][] term, int row, float t) {
        return interpolate(term[row], t);
    }

    static float weighted(float[] w, float[] x) {
        float s = 0;
        int i = 0;
        for (float v : w) {
            s += v * x[i % x.length];
            i++;
        }
        return s;
    }

    //@at (100.0f, 2.3f, 0.5f)
    //@at (80.0f, 0.4f, 1.5f)
    @Differentiable
    static float smileVariance(float spot, float moneyness, float t) {
        float v = interpolate(SMILE, moneyness) * termScale(TERM, 1, t);
        return spot * v * v * t;
    }

    //@at ({0.5f, -1.2f, 2.0f})
    //@at ({1.5f, 0.25f})
    @Differentiable
    static float smileWeights(float[] x) {
        float s = weighted(SMILE, x) + weighted(TERM[0], x);
        return s * s + (float) Math.sin(x[0]) * interpolate(TERM[1], x[x.length - 1] + 1);
    }
}
