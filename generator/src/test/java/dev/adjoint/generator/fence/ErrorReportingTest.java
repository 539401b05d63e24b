package dev.adjoint.generator.fence;

import static dev.adjoint.generator.fence.FenceHarness.FILE;
import static dev.adjoint.generator.fence.FenceHarness.staticMethod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.AdjointGenerator;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.fence.FenceHarness.Marked;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How errors are reported: every error of a source at once, several files sorted by file with no
 * file generated, a class defined twice, broken input that never throws, syntax errors on their
 * line and at the offending token with a short message, and no error reported twice.
 */
class ErrorReportingTest {

    @Test
    void everyErrorOfASourceIsReportedAtOnce() {
        Marked m = Marked.of("""
                package p;

                import dev.adjoint.Differentiable;

                class Model {
                    @Differentiable
                    static double guarded(double x) {
                        double s = x;
                        @@try {
                            s = s * 2;
                        } finally {
                            s = s + 1;
                        }
                        return s;
                    }

                    @Differentiable
                    static double ok(double x) {
                        return x * x;
                    }

                    @@@Differentiable
                    private static double hidden(double x) {
                        return x;
                    }
                }
                """);
        Translation t = AdjointGenerator.translate(Map.of(FILE, m.source()));
        assertEquals(
                List.of(FILE + ":[9,9]", FILE + ":[22,5]"),
                t.diagnostics().stream()
                        .map(d -> d.file() + ":[" + d.line() + "," + d.column() + "]")
                        .toList());
        assertEquals(
                List.of(m.line(0) + ":" + m.column(0), m.line(1) + ":" + m.column(1)),
                t.diagnostics().stream().map(d -> d.line() + ":" + d.column()).toList());
        assertTrue(t.generated().isEmpty(), "the well-formed method must not be generated either: no partial output");
    }

    @Test
    void aChainOfUnknownCallsIsOneErrorAtItsFirstCall() {
        Marked m = Marked.of(staticMethod("""
                double[] a = {x, 2 * x};
                return @@java.util.Arrays.stream(a).map(v -> v * v).sum();
                """));
        Translation t = AdjointGenerator.translate(Map.of(FILE, m.source()));
        // (the lambda is a construct of its own, reported at its own position)
        List<Diagnostic> calls = t.diagnostics().stream()
                .filter(d -> d.message().startsWith("call to"))
                .toList();
        assertEquals(1, calls.size(), t.diagnostics().toString());
        Diagnostic d = calls.get(0);
        assertEquals(m.line(0) + ":" + m.column(0), d.line() + ":" + d.column(), d.toString());
        assertTrue(d.message().contains("'java.util.Arrays.stream'"), d.message());
    }

    @Test
    void severalUnsupportedConstructsInOneMethodAreEachReported() {
        Marked m = Marked.of(staticMethod("""
                double m = @@Math.ulp(x);
                double s = x * m;
                for (int i = 0; i < 2; i++) {
                    s = s * @@Math.ulp(s);
                }
                return s * @@Math.random();
                """));
        Translation t = AdjointGenerator.translate(Map.of(FILE, m.source()));
        assertEquals(3, t.diagnostics().size(), t.diagnostics().toString());
        for (int i = 0; i < 3; i++) {
            Diagnostic d = t.diagnostics().get(i);
            assertEquals(m.line(i) + ":" + m.column(i), d.line() + ":" + d.column(), d.toString());
        }
        assertTrue(t.generated().isEmpty());
    }

    @Test
    void errorsInSeveralFilesAreAllReportedSortedByFileAndNoFileIsGenerated() {
        Path good = Path.of("src/main/java/p/Good.java");
        Path bad1 = Path.of("src/main/java/p/Bad1.java");
        Path bad2 = Path.of("src/main/java/p/Bad2.java");
        Map<Path, String> sources = new LinkedHashMap<>();
        sources.put(bad2, """
                package p;

                import dev.adjoint.Differentiable;

                class Bad2 {
                    @Differentiable
                    static double f(double x) {
                        return Math.ulp(x);
                    }
                }
                """);
        sources.put(good, """
                package p;

                import dev.adjoint.Differentiable;

                class Good {
                    @Differentiable
                    static double f(double x) {
                        return x * x;
                    }
                }
                """);
        sources.put(bad1, """
                package p;

                import dev.adjoint.Differentiable;

                class Bad1 {
                    @Differentiable(wrt = "nope")
                    static double f(double x) {
                        return x;
                    }
                }
                """);
        Translation t = AdjointGenerator.translate(sources);
        assertEquals(
                List.of(bad1 + ":[6,5]", bad2 + ":[8,16]"),
                t.diagnostics().stream()
                        .map(d -> d.file() + ":[" + d.line() + "," + d.column() + "]")
                        .toList());
        assertTrue(t.hasErrors());
        assertTrue(t.generated().isEmpty(), "Good.java's adjoint must not be generated when another file has an error");
    }

    @Test
    void aClassDefinedInTwoFilesIsAnError() {
        Map<Path, String> sources = new LinkedHashMap<>();
        String src = """
                package p;

                import dev.adjoint.Differentiable;

                class Model {
                    @Differentiable
                    static double f(double x) {
                        return x * x;
                    }
                }
                """;
        sources.put(Path.of("a/p/Model.java"), src);
        sources.put(Path.of("b/p/Model.java"), src);
        Translation t = AdjointGenerator.translate(sources);
        assertEquals(1, t.diagnostics().size(), t.diagnostics().toString());
        assertTrue(
                t.diagnostics().get(0).message().contains("is also defined in"),
                t.diagnostics().toString());
        assertTrue(t.generated().isEmpty());
    }

    @Test
    void diagnosticsNeverThrowOnBrokenInput() {
        for (String src : List.of(
                "",
                "class",
                "package p; class Model { @dev.adjoint.Differentiable static double f(double x) { return",
                "\u0000\u0001",
                "package p; class Model { @dev.adjoint.Differentiable static double f(double x) { return x; } }}")) {
            Translation t = AdjointGenerator.translate(Map.of(FILE, src));
            assertTrue(t.generated().isEmpty() || !t.hasErrors(), src);
            t.diagnostics().forEach(d -> assertEquals(FILE, d.file()));
        }
    }

    private static final String SYNTAX_ERROR = """
            package p;

            import dev.adjoint.Differentiable;

            class Model {
                @Differentiable
                static double f(double x) {
                    double y = x * @@;
                    return y;
                }
            }
            """;

    @Test
    void syntaxErrorIsADiagnosticOnItsLine() {
        Marked m = Marked.of(SYNTAX_ERROR);
        Translation t = AdjointGenerator.translate(Map.of(FILE, m.source()));
        assertEquals(1, t.diagnostics().size(), t.diagnostics().toString());
        Diagnostic d = t.diagnostics().get(0);
        assertTrue(d.isError());
        assertEquals(FILE, d.file());
        assertEquals(m.line(), d.line(), d.toString());
        assertTrue(d.message().startsWith("syntax error: "), d.message());
        assertTrue(d.message().contains("Found \";\""), d.message());
        assertTrue(t.generated().isEmpty());
    }

    // regression (was a bug): a syntax error is positioned at the token before the offending one (SourceParser reads
    //   the begin of JavaParser's problem range; the offending token is its end): 'x * ;' is reported at '*', not ';'
    @Test
    void syntaxErrorIsPositionedAtTheOffendingToken() {
        Marked m = Marked.of(SYNTAX_ERROR);
        Translation t = AdjointGenerator.translate(Map.of(FILE, m.source()));
        Diagnostic d = t.diagnostics().get(0);
        assertEquals(m.line() + ":" + m.column(), d.line() + ":" + d.column(), d.toString());
    }

    // regression (was a bug): an unknown name inside an expression is reported at the start of the whole expression
    //   ('cannot determine the type of x * zz'), not at the name, and the message does not say which name is unknown
    @Test
    void unknownVariableIsReportedAtTheName() {
        Marked m = Marked.of(staticMethod("""
                return x * @@zz;
                """));
        Translation t = AdjointGenerator.translate(Map.of(FILE, m.source()));
        assertEquals(1, t.diagnostics().size(), t.diagnostics().toString());
        Diagnostic d = t.diagnostics().get(0);
        assertEquals(m.line() + ":" + m.column(), d.line() + ":" + d.column(), d.toString());
        assertTrue(d.message().contains("'zz'"), d.message());
    }

    // regression (was a bug): the syntax error message lists JavaParser's ~50 expected tokens on one line (Found ";",
    //   expected one of "!" "(" "+" ...); javac says "illegal start of expression"
    @Test
    void syntaxErrorMessageIsShort() {
        Translation t =
                AdjointGenerator.translate(Map.of(FILE, Marked.of(SYNTAX_ERROR).source()));
        assertEquals(1, t.diagnostics().size());
        assertTrue(
                t.diagnostics().get(0).message().length() < 200,
                t.diagnostics().get(0).message());
    }

    @Test
    void normalizerErrorsOfAFencedMethodAreNotReportedTwice() {
        // the fence stops a method before the normalizer sees it: one error, from the fence
        Translation t = AdjointGenerator.translate(Map.of(FILE, staticMethod("""
                double s = x;
                for (int i = 0; i < 2; i++) {
                    double[] t = new double[i + 1];
                    s += t.length;
                }
                for (int j = 0; j < 2; j++) {
                    s = s * Math.random();
                }
                return s;
                """)));
        assertEquals(1, t.diagnostics().size(), t.diagnostics().toString());
        assertFalse(t.diagnostics().get(0).message().contains("inside a block or loop"));
    }
}
