package corpus;

import dev.adjoint.Differentiable;

/** Inactive short, byte and char parameters and locals, and switches over them, in float (and, through the runner's twin, double). */
public class FloatSelectors {

    // a classic switch over a char, with fall-through and a default in the middle
    //@at (0.7, 'a')
    //@at (0.7, 'b')
    //@at (-0.4, 'c')
    //@at (1.3, 'z')
    @Differentiable
    @SuppressWarnings("fallthrough")
    static float charSwitch(float x, char op) {
        float r = x;
        switch (op) {
            case 'a':
                r *= x;
                break;
            case 'b':
                r += (float) Math.sin(x);
            default:
                r -= 0.5f * x;
                break;
            case 'c':
                r = r * r * x;
        }
        return r;
    }

    // arrow form over a short, and a switch expression over a byte
    //@at (0.7, 1, 2)
    //@at (-0.3, 2, 3)
    //@at (1.1, 7, -1)
    @Differentiable
    static float shortAndByteSwitches(float x, short k, byte b) {
        float r = x * k;
        switch (k) {
            case 1 -> r += x * x;
            case 2, 3 -> {
                r -= (float) Math.exp(x);
                r *= x;
            }
            default -> r += 1;
        }
        float s = switch (b) {
            case 2 -> x * r;
            case 3 -> {
                float t = r + x;
                yield t * t;
            }
            default -> r - b;
        };
        return s + b * x;
    }

    // a char local overwritten in a loop (saved on the int stack) used as an index and a selector
    //@at ({0.3, -0.7, 1.1, 0.4}, 'a')
    //@at ({1.3, 0.2, -0.5, 0.9, 0.1}, 'c')
    @Differentiable
    static float charLocals(float[] w, char first) {
        float s = 0;
        float[] weights = {1, 2, 3};
        char c = first;
        for (int i = 0; i < w.length; i++) {
            c = (char) ('a' + (c - 'a' + 1) % 3);
            s += weights[c - 'a'] * w[i] * s + w[i];
            s = switch (c) {
                case 'a' -> s * w[i];
                case 'b' -> s + w[i] * w[i];
                default -> s;
            };
        }
        short n = (short) w.length;
        byte half = (byte) (n / 2);
        return s * n + w[half];
    }

    // switch expressions inside larger expressions: an operand, a Math argument, a compound
    // assignment, a var's value, an if's condition, an element store in a loop, a return's factor;
    // each run first, into a local of its type, where nothing before it has an effect
    //@at (0.7, 0, {0.3, -0.7, 1.1})
    //@at (-0.4, 1, {1.2, 0.5, -0.8})
    //@at (1.1, 2, {-0.6, 0.9, 0.2})
    //@at (0.3, 5, {0.4, 0.1, -1.3})
    @Differentiable
    static float switchesInExpressions(float x, int k, float[] w) {
        float s = x + switch (k) {
            case 0 -> x * x;
            case 1 -> {
                float t = w[0] * x;
                yield t * t;
            }
            default -> 2;
        };
        s += w[1] * (float) Math.sin(switch (k % 2) { case 0 -> s; default -> x * w[2]; });
        var r = switch (k) { case 2 -> s * 3; default -> s - x; };
        if (switch (k) { case 0, 1 -> r > 0; default -> x < 0; }) {
            r = r * x;
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = w[i] * switch (i) { case 0 -> x; case 1 -> r; default -> 1.5f; };
        }
        return 2 * switch (k) { case 1 -> r + w[0]; default -> r * w[1]; } + w[2];
    }
}
