package corpus;

import static java.lang.Math.*;

import dev.adjoint.Differentiable;

/**
 * Switch expressions anywhere a value stands (issue 15), in float (and, through the runner's twin,
 * double): each runs first, into a local, and what Java evaluates before it is computed before it.
 */
public class FloatSwitchExpressions {
    enum Mode {
        LOW,
        MID,
        HIGH
    }

    // an arm assigns a variable Java read before the switch (an operand, a compound assignment's
    // target): those reads keep the value from before the switch
    //@at (0.7, 0)
    //@at (0.7, 1)
    //@at (-0.4, 2)
    @Differentiable
    static float earlierReads(float x, int k) {
        float a = x * x;
        float y = a * switch (k) {
            case 0 -> {
                a *= (float) sin(x);
                yield a + 1;
            }
            case 1 -> 2 * x;
            default -> {
                a = 3;
                yield a * x;
            }
        } + a;
        y -= switch (k) {
            case 2 -> {
                y = x;
                yield y * x;
            }
            default -> 0.5f * y;
        };
        return y + a;
    }

    // the shape of issue 15's fuzz program: a compound assignment's value, under a statically
    // imported tanh whose results type the switch
    //@at ({0.5, -1.25, 2.0}, 0)
    //@at ({0.5, -1.25, 2.0}, 1)
    //@at ({0.3, 0.8, -0.6}, 2)
    @Differentiable
    static float tanhOfSwitch(float[] x, int mode) {
        float b = 0;
        for (int i = 0; i < x.length; i++) {
            b += 0.5 * tanh(switch (mode) {
                case 0, 2 -> {
                    float t = x[i] * x[i];
                    yield tanh(0.25 + t * PI);
                }
                default -> cbrt(2 + x[i]);
            });
        }
        return b;
    }

    // an index, a Math argument, nested switches, an arm that throws, an enum switch without default
    //@at ({0.5, -1.25, 2.0}, 0, LOW)
    //@at ({0.5, -1.25, 2.0}, 1, MID)
    //@at ({1.5, 0.25, -2.0}, 2, HIGH)
    @Differentiable
    static float positions(float[] x, int k, Mode m) {
        float r = x[switch (k) {
            case 0 -> 1;
            case 1 -> {
                int j = k + 1;
                yield j;
            }
            default -> 0;
        }] * x[0];
        r += Math.max(x[1], switch (m) {
            case LOW -> 0.5f * x[2];
            case MID -> 2 * switch (k) { case 1 -> x[0]; default -> 1; };
            case HIGH -> x[0] * x[2];
        });
        r *= 1 + switch (k) {
            case 3 -> throw new IllegalArgumentException("k = 3");
            default -> x[1] * x[1];
        };
        return r;
    }

    // under ?: and && the switch runs only when Java runs it; in a loop's condition on each trip,
    // in a for update at the end of each trip
    //@at (0.7, 0)
    //@at (0.7, 1)
    //@at (-0.4, 2)
    //@at (1.3, 0)
    @Differentiable
    static float conditions(float x, int k) {
        float c = x;
        float y = 1;
        y += x > 0 ? switch (k) {
            case 0 -> {
                c = 2 * x;
                yield x * x;
            }
            default -> (float) Math.sin(x);
        } : x;
        if (x > 0.5f && switch (k) {
            case 0 -> x > 1;
            default -> {
                c = c * x;
                yield true;
            }
        }) {
            y *= x;
        }
        int n = 0;
        while (n < switch (k) { case 0 -> 3; default -> 2; }) {
            y += c * n;
            n++;
        }
        for (int i = 0; i < switch (k) { case 1 -> 3; default -> 2; }; i += switch (k) { case 2 -> 2; default -> 1; }) {
            y = y * 0.5f + (float) Math.sin(y + x);
        }
        return x > 0.5f ? y * switch (k) { case 1 -> 2; default -> x; } : c;
    }
}
