package p;

import dev.adjoint.Differentiable;

/** A @Differentiable method in a file that itself uses Java 21 syntax. */
public class Model {
    private final double k;

    public Model(double k) {
        this.k = k;
    }

    public static String describe(Object o) {
        if (o instanceof Shapes.Circle(double r)) {
            return """
                a circle of radius %s
                """.formatted(r);
        }
        return switch (o) {
            case Shapes.Square s -> "a square";
            default -> "something else";
        };
    }

    @Differentiable
    double energy(double x, double v) {
        return 0.5 * k * x * x + 0.5 * v * v;
    }

    /** Java 21's Math.clamp and StrictMath.clamp: differentiated in the value and both bounds. */
    @Differentiable
    static double clamped(double x, double lo, double hi, int n) {
        return Math.clamp(x * x, lo, hi) + 0.5 * StrictMath.clamp(x + lo, -1.0, hi) + Math.clamp(n, 0, 3) * x;
    }

    @Differentiable(strategy = dev.adjoint.Strategy.TAPE)
    static double clampedTape(double x, double lo, double hi, int n) {
        return Math.clamp(x * x, lo, hi) + 0.5 * StrictMath.clamp(x + lo, -1.0, hi) + Math.clamp(n, 0, 3) * x;
    }

    @Differentiable
    static float clampedFloat(float x, float lo, float hi) {
        return Math.clamp(x * x, lo, hi) * 2;
    }
}
