package corpus;

import dev.adjoint.Differentiable;
import java.time.DayOfWeek;

/** String and enum parameters and locals (values without derivative), and switches over them, in float (and, through the runner's twin, double). */
public class FloatKeyedSwitches {

    enum Mode { PLAIN, SQUARED, DAMPED }

    /** Named like a constant of Mode: a switch over a Mode still means the enum's DAMPED (the selector's type decides). */
    static final int DAMPED = 5;

    // a classic switch over a String with fall-through; calls on the String whose arguments have no derivative
    //@at (0.7, "sin")
    //@at (0.7, "cos")
    //@at (-0.4, "exp")
    //@at (1.3, "other")
    @Differentiable
    @SuppressWarnings("fallthrough")
    static float byName(float x, String op) {
        float r = x;
        switch (op) {
            case "sin":
                r = (float) Math.sin(x) * r;
                break;
            case "cos":
                r += (float) Math.cos(x);
            case "exp":
                r *= (float) Math.exp(x / 2);
                break;
            default:
                r = r * op.length();
        }
        char first = op.charAt(0);
        return r + (first == 's' ? x * x : x);
    }

    // a switch expression and an arrow switch over an enum of the file; an enum local; ==, ordinal()
    //@at (0.7, PLAIN)
    //@at (0.7, SQUARED)
    //@at (-0.4, DAMPED)
    @Differentiable
    static float byMode(float x, Mode mode) {
        Mode other = mode == Mode.PLAIN ? Mode.DAMPED : Mode.PLAIN;
        float r = switch (mode) {
            case PLAIN -> x;
            case SQUARED -> x * x;
            default -> {
                float t = (float) Math.exp(-x);
                yield x * t;
            }
        };
        switch (other) {
            case PLAIN -> r += x * mode.ordinal();
            case DAMPED -> r *= 2;
            default -> r -= 1;
        }
        return r;
    }

    // switch expressions naming every constant of the enum, without a default (javac's check is the
    // default): one returned, one assigned
    //@at (0.7, PLAIN)
    //@at (0.7, SQUARED)
    //@at (-0.4, DAMPED)
    @Differentiable
    static float exhaustive(float x, Mode mode) {
        float r = switch (mode) {
            case PLAIN -> x;
            case SQUARED -> x * x;
            case DAMPED -> x * (float) Math.exp(-x);
        };
        return switch (mode) {
            case PLAIN, SQUARED -> r * x;
            case DAMPED -> r - x;
        };
    }

    // a String local read in a loop: its characters select the branch at each step
    //@at ({0.3, -0.7, 1.1, 0.4}, "AbC")
    //@at ({1.3, 0.2, -0.5}, "ba")
    @Differentiable
    static float perLetter(float[] w, String word) {
        String lower = word.toLowerCase();
        float s = 0;
        for (int i = 0; i < w.length; i++) {
            char c = lower.charAt(i % lower.length());
            switch (c) {
                case 'a' -> s += w[i] * w[i];
                case 'b' -> s = s * w[i] + 1;
                default -> s -= w[i];
            }
            if (lower.startsWith("b") && !lower.equals(word)) {
                s += 0.5f * w[i];
            }
        }
        return s;
    }

    // an enum of the JDK, several labels in one case
    //@at (0.7, MONDAY)
    //@at (-0.3, SATURDAY)
    //@at (1.1, SUNDAY)
    @Differentiable
    static float weekly(float x, DayOfWeek day) {
        return switch (day) {
            case SATURDAY, SUNDAY -> x * x;
            default -> x * (day.ordinal() + 1);
        };
    }
}
