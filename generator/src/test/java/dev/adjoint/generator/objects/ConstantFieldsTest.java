package dev.adjoint.generator.objects;

import static dev.adjoint.generator.objects.ObjectHarness.differentiates;
import static dev.adjoint.generator.objects.ObjectHarness.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A {@code final} field given literals ({@code private final double eps = 1e-5;}) under
 * {@code wrt = "this"}: javac puts its value into the class's code wherever it is read, so nothing
 * can change it. It was differentiated as a field, and the check, which moves each field, found its
 * numeric derivative 0 against an analytic one (a false failure). It is now read as its value, cast
 * to its type ({@code final double two = 2;} divides as a double), and is no member of the gradient
 * class. Oracles: central differences over a fresh object (which moves the other fields), both
 * strategies, and the Hvp against differences of the gradient.
 */
class ConstantFieldsTest {
    private static final String MODEL = """
            private final double eps = 1e-5;
            final double two = 2;
            final float quarter = 1 / 4f;
            final double half = (double) 1 / 2 + -0.0;
            private double w = 0.7;
            double[] v = {0.2, -0.4};

            @Differentiable(wrt = {"this", "x"}, strategy = Strategy.$S)
            double loss(double[] x) {
                double s = 0;
                for (int i = 0; i < x.length; i++) {
                    int k = i + 1;
                    s += Math.log(eps + x[i] * x[i] * w) + v[i % 2] * k / two + quarter * x[i];
                }
                double eps = 3; // a local hides the field
                return s * half + eps * this.eps;
            }
            """;

    @Test
    void aConstantFieldIsReadAsItsValueNotDifferentiated() {
        differentiates(
                MODEL,
                "loss",
                new int[] {0},
                true,
                List.of("STATIC", "TAPE"),
                1e-6,
                new Object[] {new double[] {0.5, -1.5, 2.0}},
                new Object[] {new double[] {0.05, 0.25, -0.75}});
    }

    @Test
    void theGradientClassHasTheOtherFieldsOnly() throws Exception {
        ObjectHarness h = ObjectHarness.of(source(MODEL, "STATIC"), Map.of());
        Class<?> grad = h.loader().loadClass("obj.ModelGrad");
        assertEquals(
                List.of("v", "w"),
                Arrays.stream(grad.getFields()).map(f -> f.getName()).sorted().toList());
    }
}
