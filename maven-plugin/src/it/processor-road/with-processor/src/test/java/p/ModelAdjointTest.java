package p;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.check.GradCheck;
import org.junit.jupiter.api.Test;

class ModelAdjointTest {
    @Test
    void gradientFromTheProcessorsAdjointMatchesCentralDifferences() {
        double[] w = {0.5, -1.25, 2.0};
        double[] x = {1.5, 0.25, -0.75};
        double[] dw = new double[3];
        assertEquals(Model.loss(w, x), ModelAdjoint.lossGrad(w, x, dw), 0.0);
        assertArrayEquals(GradCheck.centralDifferences(v -> Model.loss(v, x), w), dw, 1e-8);
    }
}
