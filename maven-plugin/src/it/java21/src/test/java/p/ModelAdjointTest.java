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

    interface F {
        double at(double x, double lo, double hi);
    }

    private static double cd(F f, double[] p, int k) {
        double h = 1e-6;
        double[] a = p.clone();
        double[] b = p.clone();
        a[k] += h;
        b[k] -= h;
        return (f.at(a[0], a[1], a[2]) - f.at(b[0], b[1], b[2])) / (2 * h);
    }

    @Test
    void clampIsDifferentiatedInEachArgument() {
        // x * x inside, below and above [lo, hi]; x + lo inside and outside [-1, hi]
        double[][] points = {{0.7, 0.1, 2.0}, {0.2, 0.5, 2.0}, {1.6, 0.1, 2.0}, {-1.5, -0.8, 0.9}};
        for (int n : new int[] {-2, 1, 7}) {
            F f = (x, lo, hi) -> Model.clamped(x, lo, hi, n);
            for (double[] p : points) {
                DoubleGrad[] g = {new DoubleGrad(), new DoubleGrad(), new DoubleGrad()};
                DoubleGrad[] t = {new DoubleGrad(), new DoubleGrad(), new DoubleGrad()};
                double v = ModelAdjoint.clampedGrad(p[0], p[1], p[2], n, g[0], g[1], g[2]);
                assertEquals(f.at(p[0], p[1], p[2]), v, 0.0);
                ModelAdjoint.clampedTapeGrad(p[0], p[1], p[2], n, t[0], t[1], t[2]);
                double[] u = {0.3, -0.7, 0.5};
                double gu = 0;
                for (int k = 0; k < 3; k++) {
                    assertEquals(cd(f, p, k), g[k].get(), 1e-6, "d/d" + k + " at " + java.util.Arrays.toString(p));
                    assertEquals(g[k].get(), t[k].get(), 1e-15, "tape");
                    gu += g[k].get() * u[k];
                }
                DoubleGrad jvp = new DoubleGrad();
                ModelAdjoint.clampedJvp(p[0], p[1], p[2], n, u[0], u[1], u[2], jvp);
                assertEquals(gu, jvp.get(), 1e-14, "Jvp against the gradient");
            }
        }
        DoubleGrad dx = new DoubleGrad();
        dev.adjoint.FloatGrad fx = new dev.adjoint.FloatGrad();
        ModelAdjoint.clampedFloatGrad(0.7f, 0.1f, 2.0f, fx, new dev.adjoint.FloatGrad(), new dev.adjoint.FloatGrad());
        assertEquals(4 * 0.7f, fx.get(), 1e-6); // d(2 x^2)/dx inside the bounds
        // the adjoint throws where Math.clamp throws
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> ModelAdjoint.clampedGrad(0.5, 2.0, 1.0, 1, dx, new DoubleGrad(), new DoubleGrad()));
    }
}
