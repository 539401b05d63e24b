package b;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.DoubleGrad;
import dev.adjoint.check.GradCheck;
import org.junit.jupiter.api.Test;

class BAdjointTest {
    @Test
    void staticGradientThroughModuleAMatchesCentralDifferences() {
        double[] v = {0.3, -0.7, 1.1};
        double[] dv = new double[3];
        double value = BAdjoint.fGrad(v.clone(), dv);
        assertEquals(B.f(v.clone()), value, 1e-12);
        GradCheck.assertGradient(x -> B.f(x.clone()), v, dv, 1e-6, 1e-8);
    }

    @Test
    void tapeGradientThroughModuleAMatchesCentralDifferences() {
        DoubleGrad dx = new DoubleGrad();
        DoubleGrad dy = new DoubleGrad();
        double value = BAdjoint.gGrad(0.4, -0.6, dx, dy);
        assertEquals(B.g(0.4, -0.6), value, 1e-12);
        GradCheck.assertGradient(p -> B.g(p[0], p[1]), new double[] {0.4, -0.6}, new double[] {dx.get(), dy.get()}, 1e-6, 1e-8);
    }
}
