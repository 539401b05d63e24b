package p;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.DoubleGrad;
import org.junit.jupiter.api.Test;

class ModelAdjointTest {
    @Test
    void tapeGradientsMatchCentralDifferences() {
        for (int mode = 0; mode < 2; mode++) {
            double x = 0.7;
            DoubleGrad dx = new DoubleGrad();
            double v = ModelAdjoint.piecewiseGrad(x, mode, dx);
            assertEquals(Model.piecewise(x, mode), v, 0.0);
            double h = 1e-6;
            double fd = (Model.piecewise(x + h, mode) - Model.piecewise(x - h, mode)) / (2 * h);
            assertEquals(fd, dx.get(), 1e-7);
        }
    }
}
