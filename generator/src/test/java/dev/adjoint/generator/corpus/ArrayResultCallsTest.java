package dev.adjoint.generator.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.pipeline.Pipeline;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A helper's array result where its body cannot replace the call (inside arithmetic under
 * {@code ?:}): before, the static strategy wrote an adjoint that did not compile (an undeclared
 * {@code _d_t2}, the helper's pullback never called). Now each strategy rejects the call at its
 * position and says to assign the array to a local first. The cases that work are in the corpus
 * ({@code MatrixHelpers}: central differences, static against tape).
 */
class ArrayResultCallsTest {
    private static final String MODEL = """
            package p;

            import dev.adjoint.Differentiable;

            public class Model {
                static double[] twice(double[] a) {
                    double[] r = new double[a.length];
                    for (int i = 0; i < a.length; i++) {
                        r[i] = 2 * a[i];
                    }
                    return r;
                }

                static double first(double[] a) {
                    return a[0];
                }

                @Differentiable(strategy = dev.adjoint.Strategy.$S)
                static double f(double[] a, boolean c) {
                    return a[0] + (c ? first(twice(a)) : a[1]);
                }
            }
            """;

    private static List<Diagnostic> errors(String strategy) {
        Translation t = Pipeline.translate(
                Map.of(Path.of("Model.java"), MODEL.replace("$S", strategy)), Optional.empty(), Options.DEFAULT);
        assertTrue(t.hasErrors(), "expected a build error, got\n" + t.generated());
        return t.diagnostics();
    }

    @Test
    void anArrayResultInsideArithmeticUnderAConditionalIsRejectedByEachStrategy() {
        List<Diagnostic> statik = errors("STATIC");
        assertEquals(1, statik.size(), statik.toString());
        assertEquals(20, statik.get(0).line());
        assertEquals(34, statik.get(0).column());
        assertTrue(
                statik.get(0).message().startsWith("call to 'twice' returns an array"),
                statik.get(0).message());
        assertTrue(
                statik.get(0).message().contains("double[] r = twice(...);"),
                statik.get(0).message());
        for (String strategy : List.of("TAPE", "AUTO")) {
            List<Diagnostic> ds = errors(strategy);
            assertEquals(1, ds.size(), ds.toString());
            assertEquals(34, ds.get(0).column());
            assertTrue(
                    ds.get(0).message().contains("'twice(...)' hands back an array"),
                    ds.get(0).message());
            assertTrue(
                    ds.get(0).message().contains("double[] r = twice(...);"),
                    ds.get(0).message());
        }
    }
}
