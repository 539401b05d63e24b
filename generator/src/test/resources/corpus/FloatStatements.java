package corpus;

import dev.adjoint.Differentiable;

/** Statements that used to need the tape, in float (and, through the runner's twin, double). */
public class FloatStatements {

    // a classic switch whose cases share a variable: t is declared in case 0, assigned and read in the others
    //@at (0.7, 0)
    //@at (0.7, 1)
    //@at (-0.4, 2)
    //@at (1.3, 5)
    @Differentiable
    @SuppressWarnings("fallthrough")
    static float sharedCaseVariable(float x, int mode) {
        float r = x;
        switch (mode) {
            case 0:
                float t = x * x, u = 0.5f;
                boolean big = t > 4;
                r += t * u;
                break;
            case 1:
                t = (float) Math.sin(x);
                r *= t;
            case 2:
                t = x + 1;
                big = r > 10;
                r -= t * x;
                break;
            default:
                t = 2 * x;
                r += t * mode;
        }
        return r;
    }

    // the same in a loop, the shared variable read after a fall-through
    //@at ({0.3, -0.7, 1.1, 0.5})
    //@at ({-1.2, 0.4, 2.0})
    @Differentiable
    @SuppressWarnings("fallthrough")
    static float sharedCaseVariableInALoop(float[] w) {
        float s = 0;
        for (int i = 0; i < w.length; i++) {
            switch (i % 3) {
                case 0:
                    float p = w[i] * w[i];
                    s += p;
                    break;
                case 1:
                    p = w[i];
                default:
                    p = s * w[i];
                    s += p;
            }
        }
        return s;
    }
}
