package dev.adjoint.generator.translated;

import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * What translating Tracker.jl's {@code gradtest} style ({@link ReverseDiffTrackerFunctions}) found: an overloaded
 * helper ({@code sumSin(double[])} and {@code sumSin(double[][])}, as a Java programmer writes Julia's generic
 * {@code sum(sin.(y))}) called on the result of another helper was accepted when the inner call's arguments are names
 * and rejected when one was {@code new double[n]}: the inner call was not inlined, so the outer one was left a call,
 * and a left call is matched to its helper by name and arity alone, which the two overloads share. A new array is now
 * inlined as a fresh local ({@link #aNewArrayArgumentIsInlined} fails without the fix in {@code HelperCalls}); a
 * {@code null} argument still leaves the call, rejected at its position with advice that works.
 */
class YotaTrackerFastAdFindingsTest {

    private static final String HELPERS = """
            package found;

            import dev.adjoint.Differentiable;
            import dev.adjoint.Strategy;

            public class Dense {
                static double sumSin(double[] y) {
                    double s = 0;
                    for (double v : y) {
                        s += Math.sin(v);
                    }
                    return s;
                }

                static double sumSin(double[][] y) {
                    double s = 0;
                    for (double[] row : y) {
                        s += sumSin(row);
                    }
                    return s;
                }

                static double[] dense(double[][] w, double[] x, double[] b) {
                    double[] y = new double[w.length];
                    for (int i = 0; i < w.length; i++) {
                        double z = b == null ? 0 : b[i];
                        for (int j = 0; j < x.length; j++) {
                            z += w[i][j] * x[j];
                        }
                        y[i] = Math.tanh(z);
                    }
                    return y;
                }

            """;

    private static final Object[] POINT = {
        new double[] {0.3, -0.7, 1.1}, new double[][] {{0.4, -0.3, 0.8}, {0.2, 0.9, -0.5}}
    };

    private static List<Diagnostic> errors(String method) {
        Translation t = Pipeline.translate(
                Map.of(Path.of("Dense.java"), HELPERS.replace("$S", "AUTO") + method + "}\n"),
                Optional.empty(),
                Options.DEFAULT);
        return t.diagnostics().stream().filter(Diagnostic::isError).toList();
    }

    /** The forms accepted today, checked against central differences and the tape. */
    @Test
    void namesAsInnerArgumentsAreAccepted() {
        String source = HELPERS + """
                    @Differentiable(strategy = Strategy.$S)
                    static double withBias(double[] x, double[][] w, double[] b) {
                        return sumSin(dense(w, x, b));
                    }

                    @Differentiable(strategy = Strategy.$S)
                    static double inLocal(double[] x, double[][] w) {
                        double[] zero = new double[w.length];
                        double[] y = dense(w, x, zero);
                        return sumSin(y);
                    }
                }
                """;
        FindingsChecks.staticAndTapeAgree(
                "found.Dense",
                source,
                List.of("withBias", "inLocal"),
                new Object[] {POINT[0], POINT[1], new double[] {0.1, -0.4}},
                POINT);
    }

    /**
     * The finding: {@code sumSin(dense(w, x, new double[w.length]))} was rejected ("'sumSin' names several of 1
     * parameter"), because a helper was inlined only where each array argument is a variable (or an array of elements),
     * so {@code dense(...)} stayed a call, {@code sumSin(...)} around it too, and a left call is matched by name and
     * arity. A new array ({@code new double[n]}) is now a fresh local of the inlined body as an array of elements was:
     * no other name refers to it, so the local is exactly the argument. Checked against central differences and the
     * tape, static under AUTO and STATIC.
     */
    @Test
    void aNewArrayArgumentIsInlined() {
        String source = HELPERS + """
                    @Differentiable(strategy = Strategy.$S)
                    static double zeroBias(double[] x, double[][] w) {
                        return sumSin(dense(w, x, new double[w.length]));
                    }
                }
                """;
        FindingsChecks.staticAndTapeAgree("found.Dense", source, List.of("zeroBias"), POINT);
    }

    /** {@code null} stays a call (the tape has no {@code null}); the error is at the outer call and says what works. */
    @Test
    void aNullArgumentIsRejectedAtTheCall() {
        List<Diagnostic> e = errors("""
                    @Differentiable
                    static double noBias(double[] x, double[][] w) {
                        return sumSin(dense(w, x, null));
                    }
                """);
        assertFalse(e.isEmpty());
        assertTrue(e.get(0).line() == 37 && e.get(0).column() == 16, e.toString());
        assertTrue(e.get(0).message().contains("'sumSin' names several of 1 parameter"), e.toString());
    }
}
