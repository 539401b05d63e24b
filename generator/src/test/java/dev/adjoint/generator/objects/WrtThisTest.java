package dev.adjoint.generator.objects;

import static dev.adjoint.generator.objects.ObjectHarness.differentiates;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code wrt = "this"}: the gradient with respect to the object's fields, added into the caller's
 * generated {@code ModelGrad}; checked against central differences over the fields, both
 * strategies; {@code like}, {@code zero}, {@code toString} and accumulation.
 */
class WrtThisTest {
    private static final List<String> BOTH = List.of("STATIC", "TAPE");
    private static final int[] NONE = {};

    /** A logistic regression with private fields (shared with the forward-mode and Hvp tests). */
    static final String LOGISTIC = """
            private double[] w = {0.5, -0.25, 0.125};
            private double b = 0.1;
            private final int n = 3;

            double predict(double[] x) {
                double z = b;
                for (int i = 0; i < n; i++) {
                    z += w[i] * x[i];
                }
                return 1 / (1 + Math.exp(-z));
            }

            @Differentiable(wrt = "this", strategy = Strategy.$S)
            public double loss(double[] x, double y) {
                double p = this.predict(x);
                return -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
            }
            """;

    @Test
    void privateFieldsOfALogisticRegression() {
        differentiates(
                LOGISTIC,
                "loss",
                NONE,
                true,
                BOTH,
                1e-6,
                new Object[] {new double[] {1.0, 2.0, -0.5}, 1.0},
                new Object[] {new double[] {-1.0, 0.5, 3.0}, 0.0});
    }

    @Test
    void thisAndAParameterTogether() {
        differentiates("""
                double[] w = {0.5, -0.25};
                double scale = 1.5;

                @Differentiable(wrt = {"x", "this"}, strategy = Strategy.$S)
                double f(double[] x, double t) {
                    return scale * Math.sin(w[0] * x[0] + w[1] * x[1] * t);
                }
                """, "f", new int[] {0}, true, BOTH, 1e-5, new Object[] {new double[] {1.0, 2.0}, 0.3});
    }

    @Test
    void twoDimensionalFieldsWithBothStrategies() {
        differentiates(
                """
                private final double[][] w = {{0.5, -0.25}, {0.1, 0.2}, {-0.3, 0.4}};
                private double[] b = {0.1, -0.1, 0.05};

                @Differentiable(wrt = "this", strategy = Strategy.$S)
                double loss(double[] x) {
                    double s = 0;
                    for (int i = 0; i < w.length; i++) {
                        double z = b[i];
                        for (int j = 0; j < x.length; j++) {
                            z += w[i][j] * x[j];
                        }
                        s += Math.tanh(z) * Math.tanh(z);
                    }
                    return s;
                }
                """, "loss", NONE, true, List.of("STATIC", "AUTO", "TAPE"), 1e-6, new Object[] {new double[] {1.0, -2.0}
                });
    }

    @Test
    void theGradientClassAddsZeroesAndPrints() throws Exception {
        ObjectHarness h = ObjectHarness.of(ObjectHarness.source(LOGISTIC, "STATIC"), Map.of());
        Object model = h.fresh();
        Object g = h.gradOf(model);
        assertEquals("ModelGrad{w=[0.0, 0.0, 0.0], b=0.0}", g.toString());
        Method grad = h.generated("lossGrad");
        double[] x = {1.0, 2.0, -0.5};
        grad.invoke(null, model, x, 1.0, g);
        double[] once = ((double[]) g.getClass().getField("w").get(g)).clone();
        double bOnce = g.getClass().getField("b").getDouble(g);
        grad.invoke(null, model, x, 1.0, g);
        double[] twice = (double[]) g.getClass().getField("w").get(g);
        for (int i = 0; i < once.length; i++) {
            assertEquals(2 * once[i], twice[i], 1e-15, "accumulated, not overwritten");
        }
        assertEquals(2 * bOnce, g.getClass().getField("b").getDouble(g), 1e-15);
        assertTrue(bOnce != 0);
        g.getClass().getMethod("zero").invoke(g);
        assertArrayEquals(new double[3], (double[]) g.getClass().getField("w").get(g));
        assertEquals(0.0, g.getClass().getField("b").getDouble(g));
        assertTrue(h.translation.generated().get("obj.ModelGrad").contains("public final class ModelGrad"));
    }

    @Test
    void wrtNamingAFieldSaysToNameThis() {
        var ds = ObjectHarness.errors(ObjectHarness.source("""
                double b = 0.5;

                @Differentiable(wrt = "b")
                double loss(double x) {
                    return b * x;
                }
                """, "AUTO"));
        assertTrue(ds.stream().anyMatch(d -> d.message().contains("name \"this\"")), ds.toString());
        assertEquals(1, ds.size(), ds.toString());
    }
}
