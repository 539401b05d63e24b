package dev.adjoint.generator.objects;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.objects.ObjectHarness.RecordArg;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code nameHvp} for instance methods ({@code wrt = "this"}, the object's direction, gradient and
 * {@code H·v} as {@code ModelGrad}s) and for methods taking records (as {@code ParamsGrad}s), through
 * calls to the class's other instance methods and to record-taking methods: each against central
 * differences of the generated gradient ({@link ObjectHessians}).
 */
class InstanceHessiansTest {
    private static final String MODEL = WrtThisTest.LOGISTIC + """

            record Params(double k, double c) {}

            @Differentiable(wrt = {"x", "this"})
            double f(double[] x, double t) {
                return b * Math.sin(w[0] * x[0] + w[1] * x[1] * t) + predict(x) * predict(x);
            }

            @Differentiable(wrt = {"p", "this", "x"})
            double g(double x, Params p) {
                return b * Math.sin(p.k() * x) + p.c() * x * x * w[0];
            }

            @Differentiable(wrt = {"p", "x"})
            static double spring(Params p, double x) {
                return 0.5 * p.k() * x * x + p.c() * Math.cos(x * p.k());
            }

            @Differentiable(wrt = {"y", "p"})
            static double energy(double y, Params p) {
                return spring(p, y) * spring(p, 0.5 * y) + p.k() * p.c();
            }
            """;

    private static final String PARAMS = "obj.Model$Params";

    @Test
    void hvpOfInstanceMethodsThroughTheirCallees() {
        ObjectHarness h = ObjectHarness.of(ObjectHarness.source(MODEL, "AUTO"), Map.of());
        assertTrue(
                h.translation.diagnostics().isEmpty(),
                "no note: every method has its Hvp " + h.translation.diagnostics());
        ObjectHessians.check(h, "loss", new int[] {}, true, 1, new double[] {1.0, 2.0, -0.5}, 1.0);
        ObjectHessians.check(h, "loss", new int[] {}, true, 2, new double[] {-0.3, 0.7, 1.5}, 0.0);
        ObjectHessians.check(h, "f", new int[] {0}, true, 3, new double[] {1.0, 2.0, -0.5}, 0.3);
    }

    @Test
    void hvpOfMethodsTakingRecords() {
        ObjectHarness h = ObjectHarness.of(ObjectHarness.source(MODEL, "AUTO"), Map.of());
        ObjectHessians.check(h, "g", new int[] {0, 1}, true, 4, 0.7, new RecordArg(PARAMS, 2.0, 0.5));
        ObjectHessians.check(h, "energy", new int[] {0, 1}, false, 5, 0.9, new RecordArg(PARAMS, 1.5, -0.4));
    }
}
