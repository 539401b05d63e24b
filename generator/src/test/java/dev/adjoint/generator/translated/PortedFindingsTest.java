package dev.adjoint.generator.translated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Minimal reproducers of what the ported suite ({@link PortedSuiteTest}) found, each failing before its fix.
 * The oracles are central differences of the method and the other strategy.
 */
class PortedFindingsTest {

    /**
     * CppAD's det_of_minor keeps the rows and columns of the minor as linked lists in {@code int[] r, c} and
     * recurses: the tape's recorded call passed handles for the {@code int[]} arguments ({@code r, r_h}), which
     * an integer array does not have, so the adjoint did not compile.
     */
    @Test
    void aRecursiveHelperTakingAnIntArrayIsRecordedWithTheArrayAlone() {
        String source = """
                package ported;

                import dev.adjoint.Differentiable;
                import dev.adjoint.Strategy;

                public class Walk {
                    static double walk(double[] a, int[] order, int n) {
                        if (n == 0) {
                            return 0;
                        }
                        int k = order[n - 1];
                        order[n - 1] = -1; // visited
                        return a[k] * a[k] + 0.5 * a[k] * walk(a, order, n - 1);
                    }

                    @Differentiable(wrt = "a", strategy = Strategy.$S)
                    static double f(double[] a, int[] order) {
                        int[] copy = order.clone();
                        return walk(a, copy, copy.length) + copy[0];
                    }
                }
                """;
        Object[] at = {new double[] {0.5, -1.25, 2.0}, new int[] {2, 0, 1}};
        for (String strategy : List.of("AUTO", "TAPE")) {
            Differentiated d = Differentiated.of("ported.Walk", source.replace("$S", strategy), Options.DEFAULT);
            assertTrue(d.translation().methods().stream().anyMatch(m -> m.startsWith("ported.Walk#f: tape")), d.translation().methods().toString());
            d.assertGradient("f", d, "f", 1e-6, 1e-9, at);
            assertEquals(d.value("f", at), d.vjp("f", 1.0, Differentiated.copyArguments(at)).value(), 0.0);
        }
    }
}
