package dev.adjoint.generator.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.pipeline.Pipeline;
import dev.adjoint.generator.testing.Differentiated;
import dev.adjoint.stack.AdjointStacks;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The harness of the package's reproducers ({@link TrustFindingsTest}, {@link TrustCallsTest} and the
 * {@code Ordinary*Test} classes): a class {@code trust.Repro} around a body, generated with each strategy
 * ({@code $S} in the body), the adjoint against the method's value and side effects and central differences;
 * the static against the tape gradient; the float twin; or every strategy rejecting it at a position.
 */
final class ReproHarness {
    private ReproHarness() {}

    private static final String HEADER =
            "package trust;\n\nimport dev.adjoint.Adjoint;\nimport dev.adjoint.Differentiable;\n"
                    + "import dev.adjoint.Strategy;\nimport java.util.Arrays;\n\npublic class Repro {\n";

    /** A nested class whose {@code @Differentiable} {@code Lib.dot(r, w)} only reads its arrays: a callee left as a call. */
    static final String LIB_DOT = """
            static class Lib {
                @Differentiable
                static double dot(double[] r, double[] w) {
                    double s = 0;
                    for (int j = 0; j < r.length; j++) {
                        s += r[j] * w[j];
                    }
                    return s;
                }
            }

            """;

    static String source(String body, String strategy) {
        return HEADER + body.replace("$S", strategy).stripIndent().indent(4) + "}\n";
    }

    /**
     * Generates {@code body} with {@code $S} replaced by each strategy, and checks at each point:
     * the adjoint returns the method's value, leaves its array arguments as the method leaves them,
     * and its gradient matches central differences of the method.
     */
    static void differentiates(String body, String method, List<String> strategies, Object[]... points) {
        for (String strategy : strategies) {
            for (Options o : List.of(Options.DEFAULT, Options.PLAIN)) {
                Differentiated d = Differentiated.of("trust.Repro", source(body, strategy), o);
                for (Object[] p : points) {
                    Object[] forMethod = Differentiated.copyArguments(p);
                    Object[] forAdjoint = Differentiated.copyArguments(p);
                    Object expected = d.invokeOriginal(method, forMethod);
                    Object got = d.invokeVjp(method, forAdjoint, 1.0, d.newBuffers(method, p));
                    assertEquals(
                            ((Number) expected).doubleValue(),
                            ((Number) got).doubleValue(),
                            0.0,
                            strategy + " " + o + ": value of the adjoint at " + Arrays.deepToString(p));
                    assertEquals(
                            Arrays.deepToString(forMethod),
                            Arrays.deepToString(forAdjoint),
                            strategy + " " + o + ": arrays as the method leaves them");
                    d.assertGradient(method, d, method, 1e-6, 1e-9, p);
                }
            }
        }
    }

    static void differentiates(String body, String method, Object[]... points) {
        differentiates(body, method, List.of("AUTO", "TAPE", "STATIC"), points);
    }

    /** Generates {@code body} with each strategy: every one must fail, each error at a position, one naming {@code cause}. */
    static List<Diagnostic> rejected(String body, String cause, List<String> strategies) {
        List<Diagnostic> last = List.of();
        for (String strategy : strategies) {
            Translation t = Pipeline.translate(
                    Map.of(Path.of("Repro.java"), source(body, strategy)), Optional.empty(), Options.DEFAULT);
            assertTrue(t.hasErrors(), strategy + ": expected a build error, got\n" + t.generated());
            for (Diagnostic d : t.diagnostics()) {
                assertTrue(
                        d.line() >= 9 && d.column() >= 1, strategy + ": error without a position in the method: " + d);
            }
            assertTrue(
                    t.diagnostics().stream().anyMatch(d -> d.message().contains(cause)),
                    strategy + ": no error names '" + cause + "': " + t.diagnostics());
            last = t.diagnostics();
        }
        return last;
    }

    static List<Diagnostic> rejected(String body, String cause) {
        return rejected(body, cause, List.of("AUTO", "TAPE", "STATIC"));
    }

    /**
     * {@link #differentiates} in double with every strategy; then the static and the
     * tape gradient against each other (ρ ≤ 1e-12); then the float twin of {@code body} (each
     * {@code double} a {@code float}) with each strategy against central differences of the double
     * method, and static against tape (ρ ≤ 1e-5).
     */
    static void exact(String body, String method, Object[]... points) {
        differentiates(body, method, points);
        agree(body, method, 1e-12, points);
        String floats = body.replace("double", "float");
        Object[][] floatPoints =
                Arrays.stream(points).map(ReproHarness::narrowed).toArray(Object[][]::new);
        floatTwin(body, method, List.of("AUTO", "TAPE", "STATIC"), points);
        agree(floats, method, 1e-5, floatPoints);
    }

    /** The float twin of {@code body} with each of {@code strategies}: value and gradient against central differences of the double method. */
    static void floatTwin(String body, String method, List<String> strategies, Object[]... points) {
        Differentiated oracle = Differentiated.of("trust.Repro", source(body, "STATIC"), Options.DEFAULT);
        for (String strategy : strategies) {
            Differentiated f = Differentiated.of(
                    "trust.Repro", source(body.replace("double", "float"), strategy), Options.DEFAULT);
            for (Object[] p : points) {
                f.assertGradient(method, oracle, method, 1e-3, 1e-5, narrowed(p));
            }
        }
    }

    /** The static and the tape gradient of {@code method} agree: ρ = |a−b| / max(1, |a|+|b|) ≤ {@code rho}. */
    private static void agree(String body, String method, double rho, Object[]... points) {
        Differentiated st = Differentiated.of("trust.Repro", source(body, "STATIC"), Options.DEFAULT);
        Differentiated tape = Differentiated.of("trust.Repro", source(body, "TAPE"), Options.DEFAULT);
        for (Object[] p : points) {
            double[] a = st.vjp(method, 1.0, Differentiated.copyArguments(p)).gradient();
            double[] b = tape.vjp(method, 1.0, Differentiated.copyArguments(p)).gradient();
            for (int i = 0; i < a.length; i++) {
                double r = Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(a[i]) + Math.abs(b[i]));
                assertTrue(
                        r <= rho,
                        "static " + Arrays.toString(a) + " vs tape " + Arrays.toString(b) + " at "
                                + Arrays.deepToString(p));
            }
        }
    }

    /** {@code p} with doubles and double arrays as floats. */
    private static Object[] narrowed(Object[] p) {
        Object[] out = new Object[p.length];
        for (int i = 0; i < p.length; i++) {
            if (p[i] instanceof double[] d) {
                float[] f = new float[d.length];
                for (int j = 0; j < d.length; j++) {
                    f[j] = (float) d[j];
                }
                out[i] = f;
            } else if (p[i] instanceof double[][] dd) {
                out[i] = Arrays.stream(dd)
                        .map(r -> narrowed(new Object[] {r})[0])
                        .toArray(float[][]::new);
            } else if (p[i] instanceof Double d) {
                out[i] = d.floatValue();
            } else {
                out[i] = p[i];
            }
        }
        return out;
    }

    /**
     * With each strategy, in double and float, under -ea ({@code assertions}) or -da: the adjoint
     * throws at {@code point} what the method throws (class and message), and gives the thread's
     * array pool back as it found it.
     */
    static void throwsAlike(String body, String method, boolean assertions, Object[] point) {
        for (String type : List.of("double", "float")) {
            Object[] p = type.equals("double") ? point : narrowed(point);
            for (String strategy : List.of("AUTO", "TAPE", "STATIC")) {
                Differentiated d = Differentiated.of(
                        "trust.Repro", source(body.replace("double", type), strategy), Options.DEFAULT);
                d.loader().setDefaultAssertionStatus(assertions);
                d.loader().setPackageAssertionStatus("trust", assertions);
                Throwable expected = thrown(() -> d.invokeOriginal(method, Differentiated.copyArguments(p)));
                int pool = AdjointStacks.forThread().arrays.mark();
                Throwable got = thrown(() -> d.invokeVjp(
                        method,
                        Differentiated.copyArguments(p),
                        type.equals("double") ? (Object) 1.0 : (Object) 1f,
                        d.newBuffers(method, p)));
                String where = type + " " + strategy + (assertions ? " -ea" : " -da");
                assertEquals(expected.getClass(), got.getClass(), where + ": " + got);
                assertEquals(expected.getMessage(), got.getMessage(), where);
                assertEquals(
                        pool,
                        AdjointStacks.forThread().arrays.mark(),
                        where + ": the adjoint kept arrays of the pool "
                                + java.util.Arrays.toString(got.getStackTrace()));
            }
        }
    }

    static Throwable thrown(Runnable call) {
        AssertionError e = assertThrows(AssertionError.class, call::run);
        assertNotNull(e.getCause(), e.toString());
        return e.getCause();
    }
}
