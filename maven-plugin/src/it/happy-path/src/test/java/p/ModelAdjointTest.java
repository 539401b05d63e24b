package p;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ModelAdjointTest {
    private static final double[] W = {0.3, -0.7, 1.1};
    private static final double[] X = {0.5, 2.0, -1.5};

    /** d loss / d w[i] by central differences: error O(h^2). */
    private static double centralDifference(int i) {
        double h = 1e-6;
        double[] plus = W.clone();
        double[] minus = W.clone();
        plus[i] += h;
        minus[i] -= h;
        return (Model.loss(plus, X) - Model.loss(minus, X)) / (2 * h);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        double[] w = W.clone();
        double[] x = X.clone();
        double[] dw = new double[3];

        double value = ModelAdjoint.lossGrad(w, x, dw);

        assertEquals(Model.loss(W, X), value, 1e-15);
        for (int i = 0; i < W.length; i++) {
            double expected = centralDifference(i);
            assertEquals(expected, dw[i], 1e-7 * Math.max(1, Math.abs(expected)), "d loss / d w[" + i + "]");
        }
        assertArrayEquals(W, w, "w must not change");
        assertArrayEquals(X, x, "x must not change");
    }

    @Test
    void gradientIsAddedIntoTheBuffer() {
        double[] once = new double[3];
        double[] twice = new double[3];

        ModelAdjoint.lossGrad(W, X, once);
        ModelAdjoint.lossGrad(W, X, twice);
        ModelAdjoint.lossGrad(W, X, twice);

        for (int i = 0; i < W.length; i++) {
            assertEquals(2 * once[i], twice[i], 1e-12 * Math.max(1, Math.abs(once[i])), "dw[" + i + "]");
        }
    }

    @Test
    void vjpScalesTheGradientBySeed() {
        double[] grad = new double[3];
        double[] vjp = new double[3];

        ModelAdjoint.lossGrad(W, X, grad);
        ModelAdjoint.lossVjp(W, X, 2.5, vjp);

        for (int i = 0; i < W.length; i++) {
            assertEquals(2.5 * grad[i], vjp[i], 1e-12 * Math.max(1, Math.abs(grad[i])), "dw[" + i + "]");
        }
    }
}
