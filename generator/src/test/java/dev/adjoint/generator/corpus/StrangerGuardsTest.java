package dev.adjoint.generator.corpus;

import static dev.adjoint.generator.corpus.ReproHarness.exact;
import static dev.adjoint.generator.corpus.ReproHarness.throwsAlike;

import org.junit.jupiter.api.Test;

/**
 * Input guards as a newcomer writes them (issue 15): the message made with {@code String.format}, an
 * active value among its arguments. The adjoint throws what the method throws, with the same
 * message, under {@code -ea} and {@code -da}; where it does not throw, the gradient is exact
 * ({@link ReproHarness#exact}: both strategies, central differences, static vs tape, float).
 */
class StrangerGuardsTest {

    private static final String GUARDED = """
            @Differentiable(strategy = Strategy.$S)
            static double guarded(double[] w, int n) {
                if (n > w.length) {
                    throw new IllegalArgumentException(String.format("n = %d exceeds %d (w[0] = %.3f)", n, w.length, w[0]));
                }
                assert w[0] < 10 : String.format("w[0] = %s is too large", w[0]);
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += Math.exp(-w[i]) * w[i];
                }
                return s;
            }
            """;

    @Test
    void formattedMessagesThrowAsTheMethodThrows() {
        throwsAlike(GUARDED, "guarded", true, new Object[] {new double[] {0.5, 1.0}, 3});
        throwsAlike(GUARDED, "guarded", false, new Object[] {new double[] {0.5, 1.0}, 3});
        throwsAlike(GUARDED, "guarded", true, new Object[] {new double[] {12.0, 1.0}, 2});
    }

    @Test
    void formattedMessagesLeaveTheGradientExact() {
        exact(GUARDED, "guarded", new Object[] {new double[] {0.5, 1.0, -0.3}, 3}, new Object[] {
            new double[] {0.2, 1.5}, 1
        });
    }
}
