package dev.adjoint.generator.objects;

import static dev.adjoint.generator.objects.ObjectHarness.differentiates;
import static dev.adjoint.generator.objects.ObjectHarness.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fields of the narrow integral types ({@code short}, {@code byte}, {@code char}) in a differentiated
 * instance method: read as the constants they are; assigned, an error at the assignment (an assigned
 * scalar field travels in a one-element array the pool lends, and the pool lends none of those types).
 */
class NarrowFieldsTest {

    @Test
    void narrowFieldsAreReadAsConstantsBothStrategies() {
        differentiates(
                """
                short scale = 3;
                char mode = 'q';
                byte shift = 2;
                private double b = 0.25;

                @Differentiable(wrt = {"this", "x"}, strategy = Strategy.$S)
                double f(double x) {
                    double r = mode == 'q' ? x * x * scale : x;
                    return r + b * shift;
                }
                """, "f", new int[] {0}, true, List.of("STATIC", "TAPE"), 1e-7, new Object[] {0.7}, new Object[] {-1.3
                });
    }

    @Test
    void assigningANarrowFieldIsAnErrorAtTheAssignment() {
        List<Diagnostic> ds = ObjectHarness.errors(source("""
                short calls;

                @Differentiable
                double f(double x) {
                    calls++;
                    return x * x;
                }
                """, "AUTO"));
        assertEquals(1, ds.size(), ds.toString());
        Diagnostic d = ds.get(0);
        assertTrue(
                d.line() > 1
                        && d.column() > 1
                        && d.message().startsWith("'calls++' assigns field 'calls' of type short:"),
                d.toString());
    }
}
