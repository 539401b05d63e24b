package dev.adjoint.generator.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.DoubleGrad;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import org.junit.jupiter.api.Test;

/**
 * The public {@code Grad}/{@code Vjp}, {@code Jvp} and {@code Hvp} methods check each buffer and direction
 * of an array parameter against its parameter's shape before anything is added (a shorter or null buffer was
 * an {@code ArrayIndexOutOfBoundsException} or a {@code NullPointerException} half-way through the reverse
 * sweep), on both strategies; with the right shapes the gradient is the central differences'.
 */
class BufferChecksTest {
    private static final String SOURCE = """
            package shapes;

            import dev.adjoint.Differentiable;
            import dev.adjoint.Strategy;

            public class Fit {
                @Differentiable
                public static double loss(double[] w, double[][] X, double c) {
                    double s = 0;
                    for (int i = 0; i < X.length; i++) {
                        double z = c;
                        for (int j = 0; j < w.length; j++) {
                            z += X[i][j] * w[j];
                        }
                        s += Math.log1p(Math.exp(z));
                    }
                    return s;
                }

                @Differentiable(strategy = Strategy.TAPE)
                public static double onTape(double[] w, double c) {
                    double s = c;
                    for (int j = 0; j < w.length; j++) {
                        s += Math.sin(w[j]) * c;
                    }
                    return s;
                }
            }
            """;

    private static final double[] W = {0.3, -0.7};
    private static final double[][] X = {{1.0, 0.5}, {-0.2, 2.0}, {0.4, -1.1}};

    /** What {@code generated} throws, unwrapped from the harness' AssertionError. */
    private static RuntimeException thrown(Differentiated d, String name, String generated, Object... args) {
        AssertionError e = assertThrows(
                AssertionError.class, () -> d.invokeGenerated(name, generated, args), generated + " passed");
        assertTrue(e.getCause() instanceof IllegalArgumentException, () -> generated + ": " + e.getCause());
        return (RuntimeException) e.getCause();
    }

    @Test
    void aBufferOfAnotherShapeIsAnErrorBeforeAnythingIsAdded() {
        Differentiated d = Differentiated.of("shapes.Fit", SOURCE, Options.DEFAULT);
        double[] dw = new double[2];
        DoubleGrad dc = new DoubleGrad();
        double[][] shortRow = {new double[2], new double[1], new double[2]};
        RuntimeException e = thrown(d, "loss", "lossGrad", W, X, 0.1, dw, shortRow, dc);
        assertEquals(
                "dX[1] has length 1 and X[1] has 2: a buffer or direction has at least its parameter's shape (Gradients.like(X))",
                e.getMessage());
        assertArrayEquals(new double[2], dw, "dw added into before the check");
        assertEquals(0.0, dc.get(), "dc added into before the check");
        e = thrown(d, "loss", "lossGrad", W, X, 0.1, new double[1], new double[3][2], dc);
        assertTrue(e.getMessage().startsWith("dw has length 1 and w has 2"), e.getMessage());
        e = thrown(d, "loss", "lossJvp", W, X, 0.1, new double[1], new double[3][2], 1.0, new DoubleGrad());
        assertTrue(e.getMessage().startsWith("tw has length 1 and w has 2"), e.getMessage());
        e = thrown(
                d,
                "loss",
                "lossHvp",
                W,
                X,
                0.1,
                new double[2],
                new double[3][2],
                1.0,
                new double[2],
                new double[3][2],
                new DoubleGrad(),
                new double[2],
                null,
                new DoubleGrad());
        assertTrue(e.getMessage().startsWith("hvX is null; X has length 3"), e.getMessage());
        e = thrown(d, "onTape", "onTapeGrad", W, 0.5, null, dc);
        assertTrue(e.getMessage().startsWith("dw is null; w has length 2"), e.getMessage());
    }

    @Test
    void theRightShapesGiveTheGradient() {
        Differentiated d = Differentiated.of("shapes.Fit", SOURCE, Options.DEFAULT);
        d.assertGradient("loss", d, "loss", 1e-6, 1e-8, W, X, 0.1);
        d.assertGradient("onTape", d, "onTape", 1e-6, 1e-8, W, 0.5);
    }
}
