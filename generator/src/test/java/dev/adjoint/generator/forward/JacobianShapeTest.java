package dev.adjoint.generator.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.check.GradCheck;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@code nameJacobian} given a buffer of another shape than result × differentiated inputs: an
 * {@code IllegalArgumentException} naming both shapes, before any entry is written (it used to be an
 * {@code ArrayIndexOutOfBoundsException} with some rows already filled); the right shape against central
 * differences, by rows (more inputs than results) and by columns (fewer).
 */
class JacobianShapeTest {
    private static final String SOURCE = """
            package shape;

            import dev.adjoint.Differentiable;

            public class Euler {
                @Differentiable
                public static double[] step(double[] y, double h, double k) {
                    double[] out = new double[y.length];
                    for (int i = 0; i < y.length; i++) {
                        out[i] = y[i] + h * Math.sin(k * y[i]);
                    }
                    return out;
                }

                @Differentiable(wrt = "k")
                public static double[] wide(double[] y, double k) {
                    double[] out = new double[y.length];
                    for (int i = 0; i < y.length; i++) {
                        out[i] = Math.exp(k * y[i]);
                    }
                    return out;
                }
            }
            """;

    /** {@code nameJacobian(args...)}; what it throws, unwrapped from the harness' AssertionError. */
    private static Object jacobian(Differentiated d, String name, Object... args) {
        try {
            return d.invokeGenerated(name, name + "Jacobian", args);
        } catch (AssertionError e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    @Test
    void aBufferOfAnotherShapeIsAnErrorNamingBothBeforeAnythingIsWritten() {
        Differentiated d = Differentiated.of("shape.Euler", SOURCE, Options.DEFAULT);
        double[] y = {0.3, -1.2, 0.8};
        double[][][] wrong = {new double[3][4], new double[2][5], {new double[5], new double[5], new double[4]}};
        for (double[][] jac : wrong) {
            for (double[] row : jac) {
                Arrays.fill(row, 7.0);
            }
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> jacobian(d, "step", y, 0.1, 2.0, jac));
            assertTrue(
                    e.getMessage()
                            .startsWith("the Jacobian of Euler.step is 3 × 5 (its result's 3 elements by the 5"
                                    + " entries of y, h, k, in that order); jac is "),
                    e.getMessage());
            for (double[] row : jac) {
                for (double v : row) {
                    assertEquals(7.0, v, () -> "jac written before the check: " + Arrays.deepToString(jac));
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> jacobian(d, "wide", y, 0.5, new double[1][3]));
    }

    @Test
    void theRightShapeHoldsTheDerivativesByRowsAndByColumns() {
        Differentiated d = Differentiated.of("shape.Euler", SOURCE, Options.DEFAULT);
        double[] y = {0.3, -1.2, 0.8};
        double[][] jac = new double[3][5];
        jacobian(d, "step", y, 0.1, 2.0, jac);
        for (int i = 0; i < 3; i++) {
            int row = i;
            double[] x = {y[0], y[1], y[2], 0.1, 2.0};
            double[] fd = GradCheck.centralDifferences(
                    v -> ((double[]) d.invokeOriginal("step", new double[] {v[0], v[1], v[2]}, v[3], v[4]))[row], x);
            for (int j = 0; j < 5; j++) {
                assertEquals(fd[j], jac[i][j], 1e-7 * (1 + Math.abs(fd[j])), "step: d result " + i + " / input " + j);
            }
        }
        double[][] column = new double[3][1];
        jacobian(d, "wide", y, 0.5, column);
        for (int i = 0; i < 3; i++) {
            assertEquals(y[i] * Math.exp(0.5 * y[i]), column[i][0], 1e-12, "wide: d result " + i + " / k");
        }
    }
}
