package dev.adjoint.generator.objects;

import static dev.adjoint.generator.objects.ObjectHarness.differentiates;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A local declared in one case of a {@code switch} and assigned in a later one, named like a field
 * ({@code case 0: double w = 5; ... case 1: w = 7;}): Java scopes it to the rest of the switch
 * block, so {@code w} in case 1 is the local. It was read as the field: the generated code assigned
 * the object's {@code w} (left 7 in it, and a helper reading {@code w} then read 7) and gave 0 for
 * the field's derivative, both strategies; named like a constant field, a build error quoting the
 * constant's value as the assignment's target. Oracles: the method's value and the object it leaves,
 * central differences over a fresh object, both strategies, the Hvp against differences.
 */
class SwitchScopedLocalsTest {
    private static final String MODEL = """
            double w = 0.7;
            final double third = 1.0 / 3;

            double helper(double t) {
                return w * t * t;
            }

            @Differentiable(wrt = {"this", "x"}, strategy = Strategy.$S)
            double f(double[] x, int k) {
                double s = 0;
                switch (k) {
                    case 0:
                        double w = 5;
                        double third = 2;
                        s += w * x[0] + third;
                        break;
                    case 1:
                        w = 7;
                        third = 3;
                        s += w * x[1] * x[0] + third * x[1];
                        break;
                    default:
                        s += x[1] * this.w * this.third;
                }
                return s + helper(x[0]);
            }
            """;

    @Test
    void aLocalOfAnEarlierCaseHidesTheFieldInTheLaterCases() {
        for (int k = 0; k < 3; k++) {
            differentiates(
                    MODEL,
                    "f",
                    new int[] {0},
                    true,
                    List.of("STATIC", "TAPE"),
                    1e-6,
                    new Object[] {new double[] {0.4, -0.8}, k},
                    new Object[] {new double[] {-1.3, 0.6}, k});
        }
    }
}
