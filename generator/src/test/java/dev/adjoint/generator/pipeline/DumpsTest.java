package dev.adjoint.generator.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.AdjointGenerator;
import dev.adjoint.generator.analyze.Options;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Pass-level tests through the dumps ({@code --dump}): what select, desugar and normalize make of a
 * method (the three-address form), what the analysis concludes (activity, what each overwrite
 * keeps), and the reverse pass's output before and after the optimisations that rewrite it.
 */
class DumpsTest {
    private static final Map<Path, String> SOURCES = Map.of(Path.of("p/Model.java"), """
            package p;

            import dev.adjoint.Differentiable;

            class Model {
                @Differentiable(wrt = "w")
                static double loss(double[] w, double[] x, int n) {
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += w[i] * x[i];
                    }
                    double k = n * 0.5;
                    return Math.tanh(s) * k;
                }

                @Differentiable
                static double rec(double x) {
                    return x < 1 ? x : rec(x - 1) * x;
                }
            }
            """);

    private static String dump(String stage) {
        return AdjointGenerator.dump(SOURCES, stage, Optional.of("p.Model#loss"), Options.DEFAULT);
    }

    @Test
    void normalizeGivesTheThreeAddressForm() {
        assertEquals("""
                method p.Model#loss(double[] w, double[] x, int n) -> double
                  wrt: w
                  locals: double s, int i, boolean _t0, double _t1, double _t2, double k, double _t5, double _t7, double _t8
                  hoisted: _t0, _t1, _t2
                  s = copy(0.0) : double   // Model.java:8
                  i = passive 0 : int   // Model.java:9
                  loop   // Model.java:9
                    _t0 = passive i < n : boolean   // Model.java:9
                    exit unless _t0
                    _t1 = *(w[i], x[i]) : double   // Model.java:10
                    _t2 = +(s, _t1) : double   // Model.java:10
                    s = copy(_t2) : double   // Model.java:10
                    i = passive i + 1 : int   // Model.java:9
                  _t5 = passive (double) n : double   // Model.java:12
                  k = *(_t5, 0.5) : double   // Model.java:12
                  _t7 = Math.tanh(s) : double   // Model.java:13
                  _t8 = *(_t7, k) : double   // Model.java:13
                  return _t8   // Model.java:13

                """, dump("normalize"));
    }

    @Test
    void analyzeMarksActivityAndWhatOverwritesKeep() {
        String d = dump("analyze");
        assertTrue(d.contains("  k = *(_t5, 0.5) : double   [passive]   // Model.java:12"), d);
        assertTrue(
                d.contains("    i = passive i + 1 : int   [passive, invert the overwritten value]   // Model.java:9"),
                d);
        assertTrue(d.contains("  _t8 = *(_t7, k) : double   [active]   // Model.java:13"), d);
        assertTrue(d.contains("  active: _t1, _t2, _t7, _t8, s, w\n"), d);
    }

    @Test
    void reverseIsTheAdjointBeforeTheRewritingOptimisations() {
        String reverse = dump("reverse");
        String optimize = dump("optimize");
        assertTrue(reverse.startsWith("// p.ModelAdjoint\n") && reverse.contains("static double lossVjp("), reverse);
        assertEquals(
                optimize,
                "// p.ModelAdjoint\n"
                        + AdjointGenerator.translateOnly(SOURCES, "p.Model#loss")
                                .generated()
                                .get("p.ModelAdjoint") + "\n");
        assertNotEquals(reverse, optimize);
    }

    @Test
    void aMethodOutsideTheStaticFormSaysWhyAndAnUnknownStageIsRefused() {
        String d = AdjointGenerator.dump(SOURCES, "normalize", Optional.of("p.Model#rec"), Options.DEFAULT);
        assertTrue(d.startsWith("method p.Model#rec: no intermediate form (") && d.contains("recursive"), d);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dump("emit"));
        assertTrue(e.getMessage().contains("the stages are normalize, analyze, reverse, optimize"), e.getMessage());
    }
}
