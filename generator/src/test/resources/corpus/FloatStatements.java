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

    // a labelled block inside a loop holding a plain continue and break of that loop: the loop gets a label of its
    // own and they name it, so the block can run as 'check: do { ... } while (false)'
    //@at (0.7f, {0.5, -1.2, 0.9, 2.0})
    //@at (-0.4f, {1.5, 0.3, -0.8})
    @Differentiable
    static float labelledBlockLeavingItsLoop(float x, float[] w) {
        float s = x;
        for (int i = 0; i < w.length; i++) {
            check: {
                if (w[i] < 0) continue;
                if (s > 1.3f) break;
                s = s * 0.5f + w[i] * x;
                if (s > 1) break check;
                s += (float) Math.sin(w[i] * s);
            }
            s += 0.25f * x;
        }
        return s;
    }

    // the same in a labelled while loop (its own label is named), the block holding a loop whose break stays its own
    //@at (0.7f, 6)
    //@at (-0.3f, 3)
    @Differentiable
    static float labelledBlockInALabelledWhile(float x, int n) {
        float s = x;
        int i = 0;
        steps:
        while (i < n) {
            i++;
            step: {
                for (int j = 0; j < 3; j++) {
                    if (j * s > 2) break;
                    s += 0.1f * x * j;
                }
                if (i % 3 == 0) continue;
                s = (float) Math.cos(s) + x;
                if (i == 5) break;
                if (s < 0) break step;
                s *= 0.9f;
            }
            s += 0.01f * i;
        }
        return s;
    }
}
