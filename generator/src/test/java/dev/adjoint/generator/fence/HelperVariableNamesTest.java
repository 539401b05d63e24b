package dev.adjoint.generator.fence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.AdjointGenerator;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An error about a variable of an inlined helper names the variable as the user wrote it, not the
 * fresh name the inliner gave it ({@code xf}, not {@code xf0}): CppAD's Runge-Kutta helper, which
 * swaps its buffers ({@code xf = x5}) and returns one (issue 15), here also comparing it with its
 * argument, a use of the whole array that keeps it an error (returned alone, at the end, it is taken).
 */
class HelperVariableNamesTest {
    @Test
    void aReassignedArrayOfAnInlinedHelperIsNamedAsWritten() {
        String source = """
                package p;

                import dev.adjoint.Differentiable;

                class Ode {
                    static double[] steps(double[] xi, double h) {
                        double[] xf = xi.clone();
                        for (int m = 0; m < 3; m++) {
                            double[] x5 = xf.clone();
                            for (int i = 0; i < x5.length; i++) {
                                x5[i] += h * Math.sin(xf[i]);
                            }
                            xf = x5;
                        }
                        if (xf != xi) {
                            xf[0] += h;
                        }
                        return xf;
                    }

                    @Differentiable
                    static double[] run(double[] x) {
                        return steps(x, 0.1);
                    }
                }
                """;
        Translation t = AdjointGenerator.translate(Map.of(Path.of("Ode.java"), source));
        List<Diagnostic> errors =
                t.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertFalse(errors.isEmpty(), t.diagnostics().toString());
        Diagnostic d = errors.get(0);
        assertEquals(13, d.line(), d.toString());
        assertTrue(d.message().startsWith("cannot assign the array variable 'xf': 'xf' is used whole"), d.message());
        assertTrue(
                errors.stream()
                        .noneMatch(
                                e -> e.message().contains("xf0") || e.message().contains("x50")),
                errors.toString());
    }
}
