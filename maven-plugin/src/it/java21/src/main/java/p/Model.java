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
}
