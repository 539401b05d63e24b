package p;

/** Java 21 without @Differentiable: a sealed hierarchy, record patterns and a pattern switch. */
public final class Shapes {
    private Shapes() {}

    public sealed interface Shape permits Circle, Square {}

    public record Circle(double r) implements Shape {}

    public record Square(double side) implements Shape {}

    public static double area(Shape s) {
        return switch (s) {
            case Circle(double r) -> Math.PI * r * r;
            case Square(double side) when side > 0 -> side * side;
            case Square q -> 0;
        };
    }
}
