package dev.adjoint.generator.hostile;

import static dev.adjoint.generator.hostile.HostileHarness.IMPORTS;
import static dev.adjoint.generator.hostile.HostileHarness.assertDifferentiates;
import static dev.adjoint.generator.hostile.HostileHarness.assertGenerateFailsCleanly;
import static dev.adjoint.generator.hostile.HostileHarness.assertPositionedErrors;
import static dev.adjoint.generator.hostile.HostileHarness.lineOf;
import static dev.adjoint.generator.hostile.HostileHarness.translate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.AdjointGenerator;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.testing.InMemoryCompiler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile inputs, through {@link AdjointGenerator#translate} and {@link AdjointGenerator#generate}:
 * each gives correct output (compiled with {@code -Xlint:all -Werror}, gradient checked against
 * central differences, both strategies where both apply) or positioned errors, one for each
 * problem; never an exception out of the generator, never a file written by a run that failed.
 * Here: malformed sources (syntax errors, unsupported or odd declarations, overloads that collide,
 * bodies without a result); names in {@link HostileNamesTest}, size and depth in
 * {@link HostileSizesTest}, files, imports and output in {@link HostileFilesTest}.
 *
 * <p>What does not hold yet is a {@code @Disabled("BUG: ...")} test with the observed and the
 * expected behaviour; run them with
 * {@code -Djunit.jupiter.conditions.deactivate=org.junit.*DisabledCondition}.
 */
class HostileInputsTest {

    // ------------------------------------------------------------------------------------------ syntax errors

    private static final String SYNTAX = """
            package p;

            import dev.adjoint.Differentiable;

            class Syntax {
                @Differentiable
                static double f(double x) {
                    return x * ;
                }

                @Differentiable
                static double g(double x) {
                    double y = x +* 2;
                    return y
                }
            }
            """;

    @Test
    void syntaxErrorsArePositionedInEachFileAndNothingIsGenerated(@TempDir Path dir) throws IOException {
        Map<Path, String> sources = new LinkedHashMap<>();
        sources.put(Path.of("p/Syntax.java"), SYNTAX);
        sources.put(
                Path.of("p/Other.java"),
                "package p;\n\nclass Other {\n    static double h(double x) {\n        return x +;\n    }\n}\n");
        sources.put(
                Path.of("p/Fine.java"),
                "package p;\n\n" + IMPORTS + "class Fine {\n    @Differentiable\n"
                        + "    static double k(double x) {\n        return x * x;\n    }\n}\n");
        List<Diagnostic> errors = assertPositionedErrors(translate(sources), sources);
        assertTrue(
                errors.stream().anyMatch(d -> d.file().equals(Path.of("p/Syntax.java")) && d.line() == 8),
                errors.toString());
        assertTrue(
                errors.stream().anyMatch(d -> d.file().equals(Path.of("p/Syntax.java")) && d.line() == 13),
                errors.toString());
        // a file that declares nothing to differentiate is not Adjoint's to fail the build over: a note (issue 16)
        assertTrue(
                errors.stream().noneMatch(d -> d.file().equals(Path.of("p/Other.java"))),
                "every file's errors: " + errors);
        assertTrue(
                translate(sources).diagnostics().stream()
                        .anyMatch(d -> d.file().equals(Path.of("p/Other.java"))
                                && !d.isError()
                                && d.message().startsWith("not read by adjoint")),
                "the note on Other.java");
        assertTrue(errors.stream().allMatch(d -> d.message().startsWith("syntax error")), errors.toString());
        Diagnostic first =
                errors.stream().filter(d -> d.line() == 8).findFirst().orElseThrow();
        assertEquals(20, first.column(), "the ';' that has no operand: " + first);

        assertGenerateFailsCleanly(
                dir, Map.of("p/Syntax.java", SYNTAX, "p/Fine.java", sources.get(Path.of("p/Fine.java"))));
    }

    // Regression test (was a bug): 'double y = x +* 2;' was reported at [13,26] (the ';') as 'Found "*"', the '*' being
    // at column 23; 'return y' followed by '}' on the next line at [14,16] (the 'y') as 'Found "}"', the '}' being at
    // [15,5]. Now: the position of the token the message names (javac's would be [13,23] 'illegal start of
    // expression', [14,17] "';' expected").
    @Test
    void syntaxErrorsPointAtTheTokenTheyName() {
        Map<Path, String> sources = Map.of(Path.of("p/Syntax.java"), SYNTAX);
        List<Diagnostic> errors = assertPositionedErrors(translate(sources), sources);
        for (Diagnostic d : errors) {
            String token = d.message().replaceFirst("(?s).*Found \"([^\"]*)\".*", "$1");
            String line = SYNTAX.lines().toList().get(d.line() - 1);
            assertTrue(
                    line.startsWith(token, d.column() - 1),
                    d + ": column " + d.column() + " of '" + line + "' is not '" + token + "'");
        }
    }

    // ------------------------------------------------------------------------------------------ declarations

    @Test
    void genericOwnerClassesWork() {
        String src = """
                package p;

                import dev.adjoint.Differentiable;
                import dev.adjoint.Strategy;
                import java.util.List;

                public class Gen<T extends Comparable<T>> {
                    T value;

                    @Differentiable
                    static double f(double x, double[] w) {
                        return x * x + w[0] * Math.sin(x);
                    }

                    @Differentiable(strategy = Strategy.TAPE)
                    static double h(double x, double[] w) {
                        return f(x, w) * x;
                    }

                    static <U> List<U> id(List<U> u) {
                        return u;
                    }

                    static class Inner<S> {
                        @Differentiable
                        static double k(double x) {
                            return Math.exp(x) * Gen.f(x, new double[] {0.5});
                        }

                        @Differentiable(strategy = Strategy.TAPE)
                        static double kT(double x, double[] w) {
                            return Math.exp(x) * f(x, w);
                        }
                    }
                }
                """;
        Translation t = translate("p/Gen.java", src);
        if (t.hasErrors()) {
            // passing a fresh array to f is outside the supported Java: a positioned error is the right answer
            assertPositionedErrors(t, Map.of(Path.of("p/Gen.java"), src));
            assertEquals(
                    lineOf(src, "Gen.f(x, new double[]"),
                    t.diagnostics().get(0).line(),
                    t.diagnostics().toString());
            src = src.replace("Gen.f(x, new double[] {0.5})", "Math.sin(x)");
        }
        assertDifferentiates(
                "p.Gen",
                src,
                Map.of(
                        "f",
                        new Object[] {0.7, new double[] {1.5}},
                        "h",
                        new Object[] {0.7, new double[] {1.5}},
                        "k",
                        new Object[] {0.3},
                        "kT",
                        new Object[] {0.3, new double[] {-0.5}}));
    }

    private static final String BAD_DECLARATIONS = """
            package p;

            import dev.adjoint.Differentiable;

            abstract class Bad {
                @Differentiable
                double instance(double x) {
                    return x * x;
                }

                @Differentiable
                abstract double noBody(double x);

                @Differentiable
                static native double nativeOne(double x);

                @Differentiable
                private static double hidden(double x) {
                    return x * x;
                }

                @Differentiable
                static <T> double generic(double x) {
                    return x * x;
                }

                interface I {
                    @Differentiable
                    static double inInterface(double x) {
                        return x * x;
                    }

                    @Differentiable
                    default double byDefault(double x) {
                        return x;
                    }
                }

                class Inner {
                    @Differentiable
                    static double inInner(double x) {
                        return x * x;
                    }
                }

                @Differentiable
                static double fine(double x) {
                    return x * x;
                }
            }
            """;

    @Test
    void unsupportedDeclarationsAreEachReportedWhereTheyAre(@TempDir Path dir) throws IOException {
        Map<Path, String> sources = Map.of(Path.of("p/Bad.java"), BAD_DECLARATIONS);
        List<Diagnostic> errors = assertPositionedErrors(translate(sources), sources);
        // (instance(...) and the interface's static inInterface(...) are fine since issue 16)
        for (String m : List.of("noBody(", "nativeOne(", "hidden(", "generic(", "byDefault(", "inInner(")) {
            int line = lineOf(BAD_DECLARATIONS, m);
            // the error is on the annotation's line or the declaration's
            assertTrue(
                    errors.stream().anyMatch(d -> d.line() == line || d.line() == line - 1),
                    m + " is not reported: " + errors);
        }
        int fine = lineOf(BAD_DECLARATIONS, "fine(");
        assertTrue(
                errors.stream().noneMatch(d -> d.line() == fine || d.line() == fine - 1),
                "fine(...) is fine: " + errors);
        assertGenerateFailsCleanly(dir, Map.of("p/Bad.java", BAD_DECLARATIONS));
    }

    @Test
    void twoBadMethodsInTwoFilesGiveTwoErrorsAndNoFile(@TempDir Path dir) throws IOException {
        String a = "package p;\n\n" + IMPORTS
                + "class A {\n    @Differentiable\n    private static double f(double x) {\n        return x;\n    }\n\n"
                + "    @Differentiable\n    static double ok(double x) {\n        return x * x;\n    }\n}\n";
        String b = "package p;\n\n" + IMPORTS + "class B {\n    @Differentiable\n    static double g(double x) {\n"
                + "        synchronized (B.class) {\n            x = x * 2;\n        }\n        return x;\n    }\n}\n";
        List<Diagnostic> errors = assertGenerateFailsCleanly(dir, Map.of("p/A.java", a, "p/B.java", b));
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).file().endsWith(Path.of("p/A.java")), errors.toString());
        assertTrue(errors.get(1).file().endsWith(Path.of("p/B.java")), errors.toString());
    }

    @Test
    void overloadsOfDifferentArityAreDifferentiatedEach() {
        String src = """
                package p;

                import dev.adjoint.Differentiable;
                import dev.adjoint.Strategy;

                public class Over {
                    @Differentiable
                    static double f(double x) {
                        return x * x;
                    }

                    @Differentiable(strategy = Strategy.TAPE)
                    static double f(double x, double y) {
                        return x * Math.sin(y);
                    }

                    @Differentiable
                    static double f(double x, double y, double z) {
                        return x * y * z;
                    }

                    @Differentiable
                    static double g(double x) {
                        return f(x, 2.0) * f(x, x, 0.5);
                    }
                }
                """;
        Translation t = translate("p/Over.java", src);
        assertFalse(t.hasErrors(), t.diagnostics().toString());
        Map<String, String> all = new HashMap<>(t.generated());
        all.put("p.Over", src);
        InMemoryCompiler.compile(all);
        assertDifferentiates("p.Over", src, Map.of("g", new Object[] {0.7}));
    }

    @Test
    void aCallThatOverloadResolutionAloneCanDecideIsAnErrorNotACrash() {
        // f(double) and f(float) have the same arity: the generator does not resolve overloads by type
        String src = "package p;\n\n" + IMPORTS + """
                public class Over {
                    @Differentiable
                    static double f(double x) {
                        return x * x;
                    }

                    @Differentiable
                    static float f(float x) {
                        return x * x * x;
                    }

                    @Differentiable
                    static double g(double x) {
                        return f(x) + 1;
                    }
                }
                """;
        Translation t = translate("p/Over.java", src);
        if (t.hasErrors()) {
            List<Diagnostic> errors = assertPositionedErrors(t, Map.of(Path.of("p/Over.java"), src));
            assertEquals(lineOf(src, "return f(x) + 1;"), errors.get(0).line(), errors.toString());
        } else {
            assertDifferentiates("p.Over", src, Map.of("g", new Object[] {0.7}));
        }
    }

    // Regression test (was a bug): f(double[] w, double[] v) and f(double[] a, double[] b, double[] c) with wrt = "a"
    // both
    // got fGrad(double[], double[], double[], double[]): javac 'method fGrad(double[],double[],double[],double[]) is
    // already defined in class p.Over2Adjoint'. Now (README, API): overloads whose generated methods would clash are
    // named after their number of parameters, f_2Grad and f_3Grad; the adjoints compile and differentiate, and a
    // caller's adjoint calls the right one.
    @Test
    void overloadsWhoseGradientMethodsCollide() {
        String src = "package p;\n\n" + IMPORTS + """
                public class Over2 {
                    @Differentiable
                    static double f(double[] w, double[] v) {
                        return w[0] * v[0];
                    }

                    @Differentiable(wrt = "a")
                    static double f(double[] a, double[] b, double[] c) {
                        return a[0] * b[0] * c[0];
                    }
                }
                """;
        Translation t = translate("p/Over2.java", src);
        if (t.hasErrors()) {
            assertPositionedErrors(t, Map.of(Path.of("p/Over2.java"), src));
            return;
        }
        Map<String, String> all = new HashMap<>(t.generated());
        all.put("p.Over2", src);
        InMemoryCompiler.compile(all);
        String adjoint = t.generated().get("p.Over2Adjoint");
        for (String name : List.of("f_2Grad(", "f_2Vjp(", "f_3Grad(", "f_3Vjp(")) {
            assertTrue(adjoint.contains(" " + name), name + " in " + adjoint);
        }
        assertFalse(adjoint.contains(" fGrad("), adjoint);
        // a caller of each, under both strategies
        String callers = src.replace("public class Over2 {", """
                public class Over2 {
                    @Differentiable(wrt = "w")
                    static double g(double[] w, double[] v, double[] c) {
                        return f(w, v) + f(w, v, c);
                    }

                    @Differentiable(strategy = Strategy.TAPE)
                    static double gT(double[] w, double[] v, double[] c) {
                        return f(w, v) * f(w, v, c);
                    }
                """);
        Object[] args = {new double[] {0.7}, new double[] {-1.3}, new double[] {0.4}};
        assertDifferentiates("p.Over2", callers, Map.of("g", args, "gT", args));
    }

    // The renamed overloads' names taken by a method of the class: a positioned error at the later method, not an
    // adjoint that does not compile.
    @Test
    void renamedOverloadsThatStillClash() {
        String src = "package p;\n\n" + IMPORTS + """
                public class Over3 {
                    @Differentiable
                    static double f(double[] w, double[] v) {
                        return w[0] * v[0];
                    }

                    @Differentiable(wrt = "a")
                    static double f(double[] a, double[] b, double[] c) {
                        return a[0] * b[0] * c[0];
                    }

                    @Differentiable
                    static double f_2(double[] w, double[] v) {
                        return w[0] + v[0];
                    }
                }
                """;
        List<Diagnostic> errors =
                assertPositionedErrors(translate("p/Over3.java", src), Map.of(Path.of("p/Over3.java"), src));
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(lineOf(src, "static double f_2("), errors.get(0).line(), errors.toString());
        assertTrue(
                errors.get(0).message().contains("f_2Grad(double[], double[], double[], double[])")
                        && errors.get(0).message().contains("rename"),
                errors.toString());
    }

    // ------------------------------------------------------------------------------------------ empty and odd bodies

    @Test
    void bodiesWithoutAResultAreAnErrorOrAnAdjointThatCompiles() {
        for (String body : List.of(
                "{}",
                "{\n        ;\n    }",
                "{\n        if (x > 0) {\n            return x;\n        }\n    }",
                "{\n        while (true) {\n            x = x * 2;\n        }\n    }")) {
            String src = "package p;\n\n" + IMPORTS
                    + "public class Empty {\n    @Differentiable\n    static double f(double x) " + body + "\n}\n";
            Translation t = translate("p/Empty.java", src);
            if (t.hasErrors()) {
                assertPositionedErrors(t, Map.of(Path.of("p/Empty.java"), src));
            } else {
                // javac rejects the user's method (missing return) except for the endless loop; the adjoint on its own
                // compiles
                InMemoryCompiler.compile(t.generated());
            }
        }
    }

    // Regression test. Was: 'return;' in a method returning double: the static strategy rejects it ("'return;' without
    // a value"), AUTO then tried the tape, whose recorder (the tree recorder, since replaced by tape/IrRecorder)
    // threw java.util.NoSuchElementException out of translate(). Now the tape reports it too, a positioned error.
    @Test
    void returnWithoutAValue() {
        for (String strategy : List.of("AUTO", "TAPE")) {
            String src = "package p;\n\n" + IMPORTS + "public class Empty {\n    @Differentiable(strategy = Strategy."
                    + strategy + ")\n" + "    static double f(double x) {\n        return;\n    }\n}\n";
            assertPositionedErrors(translate("p/Empty.java", src), Map.of(Path.of("p/Empty.java"), src));
        }
    }
}
