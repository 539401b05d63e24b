package p;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.DoubleGrad;
import org.junit.jupiter.api.Test;

class ModelAdjointTest {
    @Test
    void gradientMatchesCentralDifferencesOnJava21() {
        Model m = new Model(3.0);
        DoubleGrad dx = new DoubleGrad();
        DoubleGrad dv = new DoubleGrad();
        double value = ModelAdjoint.energyGrad(m, 0.7, -1.2, dx, dv);
        assertEquals(m.energy(0.7, -1.2), value, 0.0);
        double h = 1e-6;
        assertEquals((m.energy(0.7 + h, -1.2) - m.energy(0.7 - h, -1.2)) / (2 * h), dx.get(), 1e-7);
        assertEquals((m.energy(0.7, -1.2 + h) - m.energy(0.7, -1.2 - h)) / (2 * h), dv.get(), 1e-7);
        assertEquals("a square", Model.describe(new Shapes.Square(2)));
        assertEquals(4.0, Shapes.area(new Shapes.Square(2)), 0.0);
        assertEquals(21, Math.min(21, Runtime.version().feature()), "runs on a JDK >= 21");
    }
}
