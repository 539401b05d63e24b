package dev.adjoint.generator.objects;

import static dev.adjoint.generator.objects.ObjectHarness.differentiates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.objects.ObjectHarness.RecordArg;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Record parameters: components read through accessors, {@code wrt} naming the record, the
 * gradient added into the generated {@code ...Grad}; both strategies against central differences.
 */
class RecordParametersTest {
    private static final List<String> BOTH = List.of("STATIC", "TAPE");
    private static final String PARAMS = "obj.Model$Params";

    /** A damped spring, explicit Euler: the energy after some steps, by the spring's parameters and the start. */
    private static final String SPRING = """
            record Params(double k, double c, String label, double[] force) {}

            @Differentiable(wrt = {"y", "p"}, strategy = Strategy.$S)
            static double energy(double[] y, Params p, double dt) {
                double x = y[0];
                double v = y[1];
                for (int i = 0; i < 20; i++) {
                    double a = -p.k() * x - p.c() * v + p.force()[i % 2];
                    v += dt * a;
                    x += dt * v;
                }
                return 0.5 * p.k() * x * x + 0.5 * v * v;
            }
            """;

    @Test
    void anOdeModelTakingARecordOfParameters() {
        differentiates(SPRING, "energy", new int[] {0, 1}, false, BOTH, 1e-6, new Object[] {
            new double[] {1.0, 0.0}, new RecordArg(PARAMS, 2.0, 0.3, "spring", new double[] {0.1, -0.2}), 0.05
        });
    }

    @Test
    void anInstanceMethodTakingARecordWithThisToo() {
        differentiates(
                """
                record Params(double k, double c) {}

                private double scale = 1.5;

                @Differentiable(wrt = {"p", "this", "x"}, strategy = Strategy.$S)
                double f(double x, Params p) {
                    return scale * Math.sin(p.k() * x) + p.c() * x * x;
                }
                """, "f", new int[] {0, 1}, true, BOTH, 1e-6, new Object[] {0.7, new RecordArg(PARAMS, 2.0, 0.5)});
    }

    @Test
    void withoutWrtARecordIsAConstant() {
        differentiates("""
                record Params(double k, double c) {}

                @Differentiable(strategy = Strategy.$S)
                static double f(double x, Params p) {
                    return p.k() * x * x + p.c();
                }
                """, "f", new int[] {0}, false, BOTH, 1e-6, new Object[] {0.7, new RecordArg(PARAMS, 2.0, 0.5)});
    }

    @Test
    void passingTheRecordOnIsAnErrorAtItsPosition() {
        List<Diagnostic> ds = ObjectHarness.errors(ObjectHarness.source("""
                record Params(double k, double c) {}

                static double g(Params p) {
                    return p.k() + 0 * p.hashCode(); // (a plain helper that only reads components takes them)
                }

                @Differentiable(wrt = "p")
                static double f(double x, Params p) {
                    return g(p) * x + p.hashCode();
                }
                """, "AUTO"));
        assertEquals(2, ds.size(), ds.toString());
        assertTrue(
                ds.stream()
                        .allMatch(d ->
                                d.line() == 15 && d.message().contains("uses record parameter 'p' other than reading")),
                ds.toString());
    }
}
