package dev.adjoint.generator.desugar;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.pipeline.Pipeline;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Diagnostics about code a callee's body brought into its caller point at the user's text: a
 * {@code @Differentiable} callee is desugared on its own first ({@code Arrays.copyOf} becomes a
 * loop written from a template), then inlined into a caller, where what the template wrote is
 * rejected; the reason names the callee's line, never a position in the template's text
 * ({@code [1,34]}).
 */
class InlinedPositionsTest {
    private static final String SOURCE = """
            package ip;

            import dev.adjoint.Differentiable;
            import java.util.Arrays;

            public class Model {
                @Differentiable
                static double inner(double y, double[] w, int n) {
                    double[] tmp = Arrays.copyOf(w, n);
                    w[0] = tmp[n - 1] * y;
                    return y;
                }

                @Differentiable
                static double outer(double[] w, double y) {
                    double s = 0;
                    int m = 1;
                    for (int k = 1; k < 3; k++) {
                        s += inner(y, w, m);
                        m += 2;
                    }
                    return s;
                }
            }
            """;

    @Test
    void aTemplateOfADesugaredCalleeInlinedIntoItsCallerPointsAtTheCalleesLine() {
        Translation t = Pipeline.translate(Map.of(Path.of("ip/Model.java"), SOURCE), Optional.empty(), Options.DEFAULT);
        String outer = t.methods().stream()
                .filter(m -> m.startsWith("ip.Model#outer"))
                .findFirst()
                .orElseThrow();
        // (the inlined copy's array, whose length the loop updates, once sent outer to the tape with the
        // reason at the callee's line 9; since issue 15 it is static, and no diagnostic points at line 1)
        assertTrue(outer.equals("ip.Model#outer: static"), outer);
        assertTrue(
                t.diagnostics().stream().map(Diagnostic::toString).noneMatch(d -> d.contains(":[1,")),
                t.diagnostics().toString());
    }
}
