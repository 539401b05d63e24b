package dev.adjoint.generator.reverse;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.pipeline.Pipeline;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every {@code // grad of} comment names the file (never a directory) and line its statement is written at. */
class GradOfPositionTest {
    private static final String CALLER = """
            package p;

            import dev.adjoint.Differentiable;

            public class Caller {
                @Differentiable
                public static double f(double[] w, double[] x) {
                    double[] h = new double[2];
                    Lib.matvec(w, x, h);
                    double s = 0;
                    for (int i = 0; i < h.length; i++) {
                        s += h[i] * h[i];
                    }
                    return s;
                }
            }
            """;
    private static final String LIB = """
            package p;

            public class Lib {
                /** out = W x, W row-major. */
                public static void matvec(double[] w, double[] x, double[] out) {
                    for (int r = 0; r < out.length; r++) {
                        double acc = 0;
                        for (int c = 0; c < x.length; c++) {
                            acc += w[r * x.length + c] * x[c];
                        }
                        out[r] = acc;
                    }
                }
            }
            """;

    private static String generated() {
        Map<Path, String> sources = new LinkedHashMap<>();
        sources.put(Path.of("src", "main", "java", "p", "Caller.java"), CALLER);
        sources.put(Path.of("src", "main", "java", "p", "Lib.java"), LIB);
        Translation t = Pipeline.translate(sources, Optional.empty(), Options.DEFAULT);
        assertFalse(t.hasErrors(), t.diagnostics().toString());
        return String.join("\n", t.generated().values());
    }

    @Test
    void aStatementOfTheMethodNamesItsFileAndLine() {
        String code = generated();
        assertTrue(code.contains("// grad of (Caller.java:12): s += h[i] * h[i];"), code);
        assertFalse(code.contains("src/main"), code);
    }

    @Test
    void aStatementOfAnInlinedHelperOfAnotherFileNamesTheHelpersFileAndLine() {
        String code = generated();
        // (its locals renamed, inlined at Caller.java:9)
        assertTrue(code.contains("// grad of (Lib.java:9): acc0 += w[r0 * x.length + c0] * x[c0];"), code);
        assertTrue(code.contains("// grad of (Lib.java:6): for (...; r0 < h.length; r0++)"), code);
    }

    @Test
    void generatedCodeDifferentiatedAgainNamesNoUserLine() {
        // (the Hessian-vector product reverses the tangent Adjoint wrote, whose lines are not Caller.java's)
        String code = generated();
        assertTrue(code.contains("// grad of: _pair[1] = _dot_s;"), code);
        assertFalse(code.contains("): _pair["), code);
    }
}
