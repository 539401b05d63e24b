package dev.adjoint.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The checks between modes: the dot-product test and the Hessian-vector check. */
class ModesCheckTest {
    private static final double[][] J = {{1, 2, 3}, {-4, 0.5, 6}};

    private static double[] times(double[] v) {
        double[] out = new double[J.length];
        for (int i = 0; i < J.length; i++) {
            for (int j = 0; j < v.length; j++) {
                out[i] += J[i][j] * v[j];
            }
        }
        return out;
    }

    private static double[] transposeTimes(double[] w) {
        double[] out = new double[J[0].length];
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < out.length; j++) {
                out[j] += J[i][j] * w[i];
            }
        }
        return out;
    }

    @Test
    void dotProductTestIsRoundingForAConsistentPairAndLargeOtherwise() {
        double[] v = {0.3, -1.1, 0.7};
        double[] w = {1.5, -0.25};
        assertTrue(GradCheck.dotProductTest(w, times(v), transposeTimes(w), v) < 1e-15);
        double[] wrong = transposeTimes(w);
        wrong[1] += 1e-3;
        assertTrue(GradCheck.dotProductTest(w, times(v), wrong, v) > 1e-6);
        assertEquals(0.0, GradCheck.dotProductTest(new double[2], new double[2], new double[3], new double[3]));
    }

    @Test
    void hessianVectorCheckAgainstTheGradientsDifferences() {
        // f = x0^2 x1 + sin(x1): grad = (2 x0 x1, x0^2 + cos x1), H = [[2 x1, 2 x0], [2 x0, -sin x1]]
        java.util.function.Function<double[], double[]> grad =
                x -> new double[] {2 * x[0] * x[1], x[0] * x[0] + Math.cos(x[1])};
        double[] x = {0.7, -0.4};
        double[] v = {1.3, 0.2};
        double[] hv = {2 * x[1] * v[0] + 2 * x[0] * v[1], 2 * x[0] * v[0] - Math.sin(x[1]) * v[1]};
        assertTrue(GradCheck.checkHvp(grad, x, v, hv, 1e-7, 1e-9).passed());
        hv[1] += 1e-3;
        GradCheck.Report bad = GradCheck.checkHvp(grad, x, v, hv, 1e-7, 1e-9);
        assertFalse(bad.passed());
        assertEquals(1, bad.worstComponent());
    }
}
