package dev.adjoint.generator.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Swift's {@code inout_control_flow.swift} (github.com/swiftlang/swift, {@code test/AutoDiff/validation-test/},
 * SR-14218 and SR-14053) in Java: a struct's {@code mutating} methods are {@code void} instance methods that assign the
 * object's fields (one calling the other, each ending in a no-op {@code if} that brings control flow), called by a
 * method differentiated with respect to the object ({@code wrt = "this"}) and a multiplier. Checked by
 * {@link ObjectHarness} (value, the object left as the method leaves it, central differences over the fields, both
 * strategies) and against the gradients Swift's tests assert: {@code (first, second) = (1, 0)} for {@code loss}, and
 * {@code (0, 5)} with 3 for the multiplier for {@code loss2} at {@code Model2(first: 1, second: 3)}, 5.
 */
class SwiftMutatingMethodsTest {

    private static final String MODEL = """
            double first = 3;
            double second = 1;

            void outer() {
                inner();
            }

            void inner() {
                this.second = this.first;
                int x = 5;
                if (x < 50) {}
            }

            @Differentiable(wrt = "this", strategy = Strategy.$S)
            double loss() {
                outer();
                return second;
            }

            void adjust(double multiplier) {
                first = second * multiplier;
                int x = 5;
                if (x < 50) {}
            }

            @Differentiable(wrt = {"this", "multiplier"}, strategy = Strategy.$S)
            double loss2(double multiplier) {
                adjust(multiplier);
                return first;
            }
            """;

    @Test
    void mutatingMethodsAgainstCentralDifferences() {
        List<String> strategies = List.of("AUTO", "STATIC", "TAPE");
        ObjectHarness.differentiates(MODEL, "loss", new int[] {}, true, strategies, 1e-6, new Object[] {});
        ObjectHarness.differentiates(
                MODEL, "loss2", new int[] {0}, true, strategies, 1e-6, new Object[] {5.0}, new Object[] {-0.7});
    }

    @Test
    void swiftsGradients() throws Exception {
        for (String strategy : List.of("AUTO", "TAPE")) {
            ObjectHarness h = ObjectHarness.of(ObjectHarness.source(MODEL, strategy), Map.of());
            Object model = h.fresh();
            Object g = h.gradOf(model);
            h.generated("lossGrad").invoke(null, model, g);
            assertEquals(1.0, g.getClass().getField("first").getDouble(g), strategy);
            assertEquals(0.0, g.getClass().getField("second").getDouble(g), strategy);

            Object model2 = h.fresh();
            for (String field : List.of("first", "second")) {
                java.lang.reflect.Field f = model2.getClass().getDeclaredField(field);
                f.setAccessible(true);
                f.setDouble(model2, field.equals("first") ? 1 : 3);
            }
            Object g2 = h.gradOf(model2);
            dev.adjoint.DoubleGrad dm = new dev.adjoint.DoubleGrad();
            h.generated("loss2Grad").invoke(null, model2, 5.0, g2, dm);
            assertEquals(0.0, g2.getClass().getField("first").getDouble(g2), strategy);
            assertEquals(5.0, g2.getClass().getField("second").getDouble(g2), strategy);
            assertEquals(3.0, dm.get(), strategy);
        }
    }
}
