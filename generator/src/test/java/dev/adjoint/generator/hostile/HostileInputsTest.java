package dev.adjoint.generator.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.adjoint.generator.AdjointGenerator;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.GenerationRequest;
import dev.adjoint.generator.GenerationResult;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.pipeline.Pipeline;
import dev.adjoint.generator.testing.Differentiated;
import dev.adjoint.generator.testing.InMemoryCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile inputs, through {@link AdjointGenerator#translate} and {@link AdjointGenerator#generate}:
 * each gives correct output (compiled with {@code -Xlint:all -Werror}, gradient checked against
 * central differences, both strategies where both apply) or positioned errors, one for each
 * problem; never an exception out of the generator, never a file written by a run that failed.
 *
 * <p>What does not hold yet is a {@code @Disabled("BUG: ...")} test with the observed and the
 * expected behaviour; run them with
 * {@code -Djunit.jupiter.conditions.deactivate=org.junit.*DisabledCondition}.
 */
class HostileInputsTest {
    private static final String IMPORTS = "import dev.adjoint.Differentiable;\nimport dev.adjoint.Strategy;\n\n";

    // ------------------------------------------------------------------------------------------ helpers

    /** Translates, failing the test (not erroring) if the generator throws. */
    private static Translation translate(Map<Path, String> sources) {
        try {
            return AdjointGenerator.translate(sources);
        } catch (RuntimeException | Error e) {
            throw new AssertionError("translate threw instead of reporting a diagnostic: " + e, e);
        }
    }

    private static Translation translate(String file, String source) {
        return translate(Map.of(Path.of(file), source));
    }

    /** Errors only, every one positioned in a file the generator was given; nothing generated. */
    private static List<Diagnostic> assertPositionedErrors(Translation t, Map<Path, String> sources) {
        assertTrue(t.hasErrors(), "expected errors, got " + t.diagnostics() + " and " + t.generated().keySet());
        assertTrue(t.generated().isEmpty(), "an erroneous translation generated " + t.generated().keySet());
        List<Diagnostic> errors = t.diagnostics().stream().filter(Diagnostic::isError).toList();
        for (Diagnostic d : errors) {
            assertTrue(sources.containsKey(d.file()), "error in an unknown file: " + d);
            assertTrue(d.line() > 0 && d.column() > 0, "error without a position: " + d);
            long lines = sources.get(d.file()).lines().count();
            assertTrue(d.line() <= lines, "error past the end of the file: " + d);
            assertFalse(d.message().isBlank(), "error without a message: " + d);
        }
        return errors;
    }

    /** Every file under {@code dir} with its content, for before/after comparisons. */
    private static Map<Path, String> tree(Path dir) throws IOException {
        Map<Path, String> out = new TreeMap<>();
        if (!Files.exists(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p), Files.readString(p, StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }

    /** Writes {@code sources} (path relative to {@code root}) and runs generate() into {@code out}. */
    private static GenerationResult generate(Path root, Path out, Map<String, String> sources) throws IOException {
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path f = root.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
        }
        try {
            return AdjointGenerator.generate(new GenerationRequest(List.of(root), List.of(), List.of(), out,
                    out.resolveSibling(out.getFileName() + ".state")));
        } catch (RuntimeException | Error e) {
            throw new AssertionError("generate threw instead of reporting a diagnostic: " + e, e);
        }
    }

    /** A failing generate() reports positioned errors and writes no file at all. */
    private static List<Diagnostic> assertGenerateFailsCleanly(Path dir, Map<String, String> sources) throws IOException {
        Path out = dir.resolve("out");
        GenerationResult r = generate(dir.resolve("src"), out, sources);
        assertTrue(r.hasErrors(), "expected errors, got " + r.diagnostics());
        assertTrue(r.written().isEmpty(), "a failing run wrote " + r.written());
        assertEquals(Map.of(), tree(out), "a failing run left files in the output directory");
        for (Diagnostic d : r.errors()) {
            assertTrue(d.line() > 0 && d.column() > 0, "error without a position: " + d);
            assertTrue(d.file().startsWith(dir.resolve("src")), "error in an unknown file: " + d);
        }
        return r.errors();
    }

    /**
     * Translates and compiles {@code source} (class {@code owner}) with its adjoint
     * ({@code -Xlint:all -Werror}) and checks each method's gradient at {@code args} against central
     * differences, with the optimisations on and off.
     */
    private static void assertDifferentiates(String owner, String source, Map<String, Object[]> methods) {
        assertDifferentiates(owner, source, methods, List.of(Options.DEFAULT, Options.PLAIN));
    }

    private static void assertDifferentiates(String owner, String source, Map<String, Object[]> methods, List<Options> options) {
        for (Options o : options) {
            Differentiated d = Differentiated.of(owner, source, o);
            methods.forEach((name, args) -> {
                Differentiated.GradCall call = d.vjp(name, 1.0, args);
                assertEquals(d.value(name, args), call.value(), 0.0, name + ": value of the adjoint [" + o + "]");
                d.assertGradient(name, d, name, 1e-6, 1e-8, args);
            });
        }
    }

    private static int lineOf(String source, String text) {
        List<String> lines = source.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line contains " + text);
    }

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
        sources.put(Path.of("p/Other.java"), "package p;\n\nclass Other {\n    static double h(double x) {\n        return x +;\n    }\n}\n");
        sources.put(Path.of("p/Fine.java"), "package p;\n\n" + IMPORTS + "class Fine {\n    @Differentiable\n"
                + "    static double k(double x) {\n        return x * x;\n    }\n}\n");
        List<Diagnostic> errors = assertPositionedErrors(translate(sources), sources);
        assertTrue(errors.stream().anyMatch(d -> d.file().equals(Path.of("p/Syntax.java")) && d.line() == 8), errors.toString());
        assertTrue(errors.stream().anyMatch(d -> d.file().equals(Path.of("p/Syntax.java")) && d.line() == 13), errors.toString());
        // a file that declares nothing to differentiate is not Adjoint's to fail the build over: a note (issue 16)
        assertTrue(errors.stream().noneMatch(d -> d.file().equals(Path.of("p/Other.java"))), "every file's errors: " + errors);
        assertTrue(translate(sources).diagnostics().stream().anyMatch(d -> d.file().equals(Path.of("p/Other.java")) && !d.isError()
                && d.message().startsWith("not read by adjoint")), "the note on Other.java");
        assertTrue(errors.stream().allMatch(d -> d.message().startsWith("syntax error")), errors.toString());
        Diagnostic first = errors.stream().filter(d -> d.line() == 8).findFirst().orElseThrow();
        assertEquals(20, first.column(), "the ';' that has no operand: " + first);

        assertGenerateFailsCleanly(dir, Map.of("p/Syntax.java", SYNTAX, "p/Fine.java", sources.get(Path.of("p/Fine.java"))));
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
            assertTrue(line.startsWith(token, d.column() - 1), d + ": column " + d.column() + " of '" + line + "' is not '" + token + "'");
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
            assertEquals(lineOf(src, "Gen.f(x, new double[]"), t.diagnostics().get(0).line(), t.diagnostics().toString());
            src = src.replace("Gen.f(x, new double[] {0.5})", "Math.sin(x)");
        }
        assertDifferentiates("p.Gen", src, Map.of("f", new Object[] {0.7, new double[] {1.5}}, "h", new Object[] {0.7, new double[] {1.5}},
                "k", new Object[] {0.3}, "kT", new Object[] {0.3, new double[] {-0.5}}));
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
            assertTrue(errors.stream().anyMatch(d -> d.line() == line || d.line() == line - 1), m + " is not reported: " + errors);
        }
        int fine = lineOf(BAD_DECLARATIONS, "fine(");
        assertTrue(errors.stream().noneMatch(d -> d.line() == fine || d.line() == fine - 1), "fine(...) is fine: " + errors);
        assertGenerateFailsCleanly(dir, Map.of("p/Bad.java", BAD_DECLARATIONS));
    }

    @Test
    void twoBadMethodsInTwoFilesGiveTwoErrorsAndNoFile(@TempDir Path dir) throws IOException {
        String a = "package p;\n\n" + IMPORTS + "class A {\n    @Differentiable\n    private static double f(double x) {\n        return x;\n    }\n\n"
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

    // Regression test (was a bug): f(double[] w, double[] v) and f(double[] a, double[] b, double[] c) with wrt = "a" both
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
        List<Diagnostic> errors = assertPositionedErrors(translate("p/Over3.java", src), Map.of(Path.of("p/Over3.java"), src));
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(lineOf(src, "static double f_2("), errors.get(0).line(), errors.toString());
        assertTrue(errors.get(0).message().contains("f_2Grad(double[], double[], double[], double[])")
                && errors.get(0).message().contains("rename"), errors.toString());
    }

    // ------------------------------------------------------------------------------------------ names

    /** A method whose parameters and locals are named like the generator's own variables. */
    private static String clashing(String name, String strategy, List<String> names) {
        StringBuilder s = new StringBuilder("package p;\n\n" + IMPORTS + "public class Clash {\n");
        s.append("    @Differentiable(strategy = Strategy.").append(strategy).append(")\n");
        s.append("    static double ").append(name).append("(double x, ");
        List<String> params = new ArrayList<>();
        for (int i = 0; i < names.size(); i += 2) {
            params.add("double " + names.get(i));
        }
        s.append(String.join(", ", params)).append(", double[] w, int n) {\n");
        s.append("        double acc = x;\n");
        for (int i = 1; i < names.size(); i += 2) {
            s.append("        double ").append(names.get(i)).append(" = x * ").append(0.5 + i).append(";\n");
        }
        s.append("        for (int i = 0; i < n; i++) {\n");
        for (String v : names) {
            s.append("            acc = acc * Math.sin(").append(v).append(" + w[i]) + ").append(v).append(";\n");
            s.append("            ").append(v).append(" = ").append(v).append(" * 0.5 + acc * 0.1;\n");
        }
        s.append("        }\n        return acc;\n    }\n}\n");
        return s.toString();
    }

    private static final List<String> GENERATED_NAMES = List.of("_t0", "_d_x", "dx", "seed", "_result", "_stack", "x_h", "_n", "_k",
            "_t1", "_d_t0", "_s_x", "_break", "_returned", "_returnValue", "_v1", "_int0", "_g0", "_cells", "w_first", "w_h", "dw",
            "_mark", "_handles");

    private static Object[] clashArgs(int doubles) {
        Object[] args = new Object[doubles + 3];
        args[0] = 0.3;
        for (int i = 1; i <= doubles; i++) {
            args[i] = 0.1 * i - 0.4;
        }
        args[doubles + 1] = new double[] {0.2, -0.4, 0.6};
        args[doubles + 2] = 3;
        return args;
    }

    @Test
    void userNamesThatLookGeneratedDoNotClash() {
        List<String> names = new ArrayList<>(GENERATED_NAMES);
        names.add("_tape");
        String src = clashing("f", "STATIC", names);
        assertDifferentiates("p.Clash", src, Map.of("f", clashArgs((names.size() + 1) / 2)));
        // the tape strategy with the same names but _tape (see tapeVariablesNamedLikeTheTape)
        String tape = clashing("f", "TAPE", GENERATED_NAMES);
        assertDifferentiates("p.Clash", tape, Map.of("f", clashArgs((GENERATED_NAMES.size() + 1) / 2)));
    }

    // Regression test. Was: a parameter or a local named _tape in a tape-strategy method: javac 'variable _tape is
    // already defined in method fRecord(...)'; a parameter named _i: 'variable _i is already defined in method
    // fVjp(...)'. Now the tape's generated names avoid every name the method writes, as the static strategy's do.
    @Test
    void tapeVariablesNamedLikeTheTape() {
        assertDifferentiates("p.Clash", clashing("f", "TAPE", List.of("_tape", "_i")), Map.of("f", clashArgs(1)));
        assertDifferentiates("p.Clash", clashing("f", "TAPE", List.of("y", "_tape")), Map.of("f", clashArgs(1)));
    }

    // Regression test. Was: a parameter named Tape (tape strategy) or AdjointStacks (static strategy) hid the runtime
    // class the adjoint calls: javac 'double cannot be dereferenced' at Tape.forThread() / AdjointStacks.forThread().
    // Now a method with a variable named like a runtime class writes that class in full (dev.adjoint.tape.Tape) in
    // its adjoint; the test accepts a positioned error too (as for a variable named Math).
    @Test
    void variablesNamedLikeRuntimeClasses() {
        for (String[] c : List.of(new String[] {"TAPE", "Tape"}, new String[] {"STATIC", "AdjointStacks"})) {
            String src = clashing("f", c[0], List.of(c[1]));
            Translation t = translate("p/Clash.java", src);
            if (t.hasErrors()) {
                assertPositionedErrors(t, Map.of(Path.of("p/Clash.java"), src));
            } else {
                assertDifferentiates("p.Clash", src, Map.of("f", clashArgs(1)));
            }
        }
        // every runtime class the adjoint names, under both strategies: the adjoint writes it in full
        for (String strategy : List.of("STATIC", "TAPE")) {
            List<String> names = List.of("Tape", "AdjointStacks", "Gradients", "DoubleGrad", "FloatGrad");
            assertDifferentiates("p.Clash", clashing("f", strategy, names), Map.of("f", clashArgs((names.size() + 1) / 2)));
        }
    }

    // A variable named 'dev' next to one named like a runtime class: the full name dev.adjoint.tape.Tape is hidden too,
    // so that is a positioned error at 'dev', under both strategies (and AUTO).
    @Test
    void aVariableNamedDevNextToOneNamedLikeARuntimeClass() {
        for (String strategy : List.of("STATIC", "TAPE", "AUTO")) {
            String src = clashing("f", strategy, List.of("Tape", "dev"));
            List<Diagnostic> errors = assertPositionedErrors(translate("p/Clash.java", src), Map.of(Path.of("p/Clash.java"), src));
            assertTrue(errors.stream().anyMatch(d -> d.line() == lineOf(src, "double dev =") && d.message().contains("'dev'")),
                    strategy + ": " + errors);
        }
        // each on its own is fine
        assertDifferentiates("p.Clash", clashing("f", "TAPE", List.of("dev", "y")), Map.of("f", clashArgs(1)));
    }

    // Regression test. Was: a variable named like the owner's package (p) or the owner class (Clash), in a method that
    // calls a plain helper of its class or reads one of its constants where the adjoint copies text (a condition):
    // both strategies wrote 'p.Clash.h(p) > Clash.K' in the adjoint, where the variable hides the package or the
    // class: javac 'int cannot be dereferenced'. Now the adjoint names the class the other way (Clash.h(p),
    // p.Clash.K); with both variables, an error at each use. More cases (packages of several segments, the default
    // package, nested classes, other packages, calls): HiddenClassNamesTest.
    @Test
    void variablesNamedLikeThePackageOrTheOwner() {
        for (String strategy : List.of("STATIC", "TAPE", "AUTO")) {
            for (String name : List.of("p", "Clash")) {
                String src = "package p;\n\n" + IMPORTS + "public class Clash {\n    static final int K = 2;\n\n"
                        + "    static int h(int n) {\n        return n + 1;\n    }\n\n"
                        + "    @Differentiable(strategy = Strategy." + strategy + ")\n    static double f(double x, int " + name + ") {\n"
                        + "        double r = x;\n        if (h(" + name + ") > K) {\n            r = r * x;\n        }\n"
                        + "        return r;\n    }\n}\n";
                assertDifferentiates("p.Clash", src, Map.of("f", new Object[] {1.5, 2}));
            }
            String both = "package p;\n\n" + IMPORTS + "public class Clash {\n    static final int K = 2;\n\n"
                    + "    static int h(int n) {\n        return n + 1;\n    }\n\n"
                    + "    @Differentiable(strategy = Strategy." + strategy + ")\n    static double f(double x, int p) {\n"
                    + "        int Clash = p;\n        double r = x;\n        if (h(Clash) > K) {\n            r = r * x;\n        }\n"
                    + "        return r;\n    }\n}\n";
            List<Diagnostic> errors = assertPositionedErrors(translate("p/Clash.java", both), Map.of(Path.of("p/Clash.java"), both));
            int line = lineOf(both, "if (h(Clash) > K)");
            assertEquals(List.of(line + ":13", line + ":24"), errors.stream().map(d -> d.line() + ":" + d.column()).distinct().toList(),
                    strategy + ": " + errors);
            assertTrue(errors.stream().allMatch(d -> d.message().contains("'p'") && d.message().contains("'Clash'")), errors.toString());
        }
    }

    private static final String UNICODE = """
            package p;

            import dev.adjoint.Differentiable;
            import dev.adjoint.Strategy;

            public class Unicode {
                /** Énergie: θ en radians, größe sans unité, 重み les poids. */
                @Differentiable
                static double énergie(double θ, double größe, double[] 重み) {
                    double ψ = Math.sin(θ) * größe;
                    for (int ι = 0; ι < 重み.length; ι++) {
                        ψ = ψ * 重み[ι] + θ;
                    }
                    return ψ;
                }

                @Differentiable(strategy = Strategy.TAPE)
                static double énergieT(double θ, double größe, double[] 重み) {
                    double ψ = Math.sin(θ) * größe;
                    for (int ι = 0; ι < 重み.length; ι++) {
                        ψ = ψ * 重み[ι] + θ;
                    }
                    return ψ;
                }
            }
            """;

    @Test
    void nonAsciiIdentifiers(@TempDir Path dir) throws IOException {
        assertDifferentiates("p.Unicode", UNICODE, Map.of("énergie", new Object[] {0.7, 1.3, new double[] {0.5, -0.25, 1.5}},
                "énergieT", new Object[] {0.7, 1.3, new double[] {0.5, -0.25, 1.5}}));
        GenerationResult r = generate(dir.resolve("src"), dir.resolve("out"), Map.of("p/Unicode.java", UNICODE));
        assertFalse(r.hasErrors(), r.diagnostics().toString());
        String written = Files.readString(dir.resolve("out/p/UnicodeAdjoint.java"), StandardCharsets.UTF_8);
        assertEquals(translate("p/Unicode.java", UNICODE).generated().get("p.UnicodeAdjoint"), written, "written as UTF-8");
        assertTrue(written.contains("θ") && written.contains("größe") && written.contains("重み"), written);
    }

    // Regression test (was a bug): generate() over a source file saved as ISO-8859-1 (a comment with 'größe') threw
    // UncheckedIOException 'cannot read .../M.java' (MalformedInputException) out of the generator. Now: an error at
    // the first byte that is not UTF-8 (javac says 'unmappable character (0xF6) for encoding UTF-8'), nothing written.
    @Test
    void aSourceFileThatIsNotUtf8(@TempDir Path dir) throws IOException {
        Path root = dir.resolve("src");
        Files.createDirectories(root.resolve("p"));
        Files.write(root.resolve("p/M.java"), ("package p;\n\nimport dev.adjoint.Differentiable;\n\npublic class M {\n    // größe\n"
                + "    @Differentiable\n    static double f(double x) {\n        return x * x;\n    }\n}\n").getBytes(StandardCharsets.ISO_8859_1));
        GenerationResult r;
        try {
            r = AdjointGenerator.generate(GenerationRequest.of(List.of(root), dir.resolve("out")));
        } catch (RuntimeException e) {
            throw new AssertionError("generate threw: " + e, e);
        }
        assertTrue(r.hasErrors(), r.diagnostics().toString());
        assertEquals(Map.of(), tree(dir.resolve("out")));
        Diagnostic d = r.errors().get(0);
        assertEquals(root.resolve("p/M.java"), d.file(), d.toString());
        assertEquals(6, d.line(), "the line of 'größe': " + d);
        assertEquals(10, d.column(), "the 'ö' of 'größe': " + d);
        assertTrue(d.message().contains("UTF-8"), d.toString());
    }

    // ------------------------------------------------------------------------------------------ size and depth

    /** A straight-line method of {@code statements} statements, alternately updating s and t. */
    private static String longMethod(String name, String strategy, int statements) {
        StringBuilder s = new StringBuilder("    @Differentiable(strategy = Strategy." + strategy + ")\n");
        s.append("    static double ").append(name).append("(double x, double y) {\n        double s = x;\n        double t = y;\n");
        for (int i = 0; i < statements; i++) {
            s.append(i % 2 == 0 ? "        s = s * 0.999 + t * 0.001;\n" : "        t = t + Math.sin(s) * 0.001;\n");
        }
        s.append("        return s + t;\n    }\n");
        return s.toString();
    }

    private static String longClass(int statements) {
        return "package p;\n\n" + IMPORTS + "public class Long {\n" + longMethod("f", "STATIC", statements) + "\n"
                + longMethod("g", "TAPE", statements) + "}\n";
    }

    // (Was: expected no errors. A 5,000-statement method has no adjoint javac accepts, see below: now it is a
    // positioned error for each of f and g, found as fast.)
    @Test
    void fiveThousandStatementsTranslateInAFewSeconds() {
        String src = longClass(5000);
        long start = System.nanoTime();
        Translation t = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> translate("p/Long.java", src));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTooLong(t, src, List.of("f", "g"));
        // (about 4 s alone on 2 cores; a pass quadratic in the statements takes minutes: the margin is for a loaded machine)
        assertTrue(seconds < 20, "2 x 5,000 statements took " + seconds + " s to translate");
    }

    /** Errors only: each of {@code methods} is reported, at its name, as too long to differentiate. */
    private static void assertTooLong(Translation t, String src, List<String> methods) {
        List<Diagnostic> errors = assertPositionedErrors(t, Map.of(Path.of("p/Long.java"), src));
        assertEquals(methods.size(), errors.size(), errors.toString());
        for (int i = 0; i < methods.size(); i++) {
            Diagnostic d = errors.get(i);
            assertEquals(lineOf(src, "static double " + methods.get(i) + "("), d.line(), d.toString());
            assertTrue(d.message().contains("too long to differentiate") && d.message().contains("64 KiB")
                    && d.message().contains("split it into @Differentiable methods"), d.toString());
        }
    }

    @Test
    void fiveHundredStatementsCompileAndDifferentiate() {
        assertDifferentiates("p.Long", longClass(500), Map.of("f", new Object[] {0.7, -0.2}, "g", new Object[] {0.7, -0.2}));
    }

    // regression (was a bug). Was: the original method compiles, but from about 600 such statements on, the adjoint
    // did not: javac 'code too large' at fVjp (static) and at gRecord (tape); the limit of a JVM method's bytecode (64
    // KiB) is hit by the forward and reverse sweeps together. Expected: an adjoint that compiles and gives the
    // gradient, or a positioned error that says the method is too long to differentiate. Now: an upper bound on
    // the bytecode of each generated method (pipeline.MethodSize) turns a method over the limit into an error at
    // the user's method, for each strategy; a method under it compiles (the tape's recorder of 750 statements does).
    @Test
    void fiveThousandStatementsCompileAndDifferentiate() {
        String src = longClass(5000);
        assertTooLong(translate("p/Long.java", src), src, List.of("f", "g"));
        // 750: the static adjoint is over the limit, the tape's recorder is not
        String six = longClass(750);
        assertTooLong(translate("p/Long.java", six), six, List.of("f"));
        String tapeOnly = "package p;\n\n" + IMPORTS + "public class Long {\n" + longMethod("g", "TAPE", 750) + "}\n";
        assertDifferentiates("p.Long", tapeOnly, Map.of("g", new Object[] {0.7, -0.2}));
    }

    /**
     * {@code depth} nested ifs (kind "if"), loops ("for") or both alternately ("mix"), each updating s;
     * "jump": loops that may each break, continue and return.
     */
    private static String deep(String strategy, String kind, int depth) {
        StringBuilder s = new StringBuilder("package p;\n\n" + IMPORTS + "public class Deep {\n");
        s.append("    @Differentiable(strategy = Strategy.").append(strategy).append(")\n");
        s.append("    static double g(double x, int n) {\n        double s = x;\n");
        String pad = "        ";
        for (int d = 0; d < depth; d++) {
            boolean ifs = kind.equals("if") || (kind.equals("mix") && d % 2 == 0);
            s.append(pad).append(ifs ? "if (s > -" + (d + 100) + ") {\n" : "for (int i" + d + " = 0; i" + d + " < n; i" + d + "++) {\n");
            pad += "    ";
            s.append(pad).append("s = s * 1.01 + 0.01 * Math.sin(x);\n");
            if (kind.equals("jump")) {
                s.append(pad).append("if (s > " + (d + 100) + ") {\n").append(pad).append("    break;\n").append(pad).append("}\n");
                s.append(pad).append("if (s < -" + (d + 100) + ") {\n").append(pad).append("    return s;\n").append(pad).append("}\n");
                s.append(pad).append("if (s > " + (d + 200) + ") {\n").append(pad).append("    continue;\n").append(pad).append("}\n");
            }
        }
        for (int d = 0; d < depth; d++) {
            pad = pad.substring(4);
            s.append(pad).append("}\n");
        }
        s.append("        return s;\n    }\n}\n");
        return s.toString();
    }

    @Test
    void fiftyNestedIfs() {
        for (String strategy : List.of("STATIC", "TAPE")) {
            String src = deep(strategy, "if", 50);
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> translate("p/Deep.java", src));
            assertDifferentiates("p.Deep", src, Map.of("g", new Object[] {0.7, 1}));
        }
    }

    @Test
    void fiftyNestedLoopsUnderTheTape() {
        String src = deep("TAPE", "for", 50);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> translate("p/Deep.java", src));
        assertDifferentiates("p.Deep", src, Map.of("g", new Object[] {0.7, 1}));
    }

    // regression (was a bug). Was: the static strategy's translation time doubled with each nested loop: 16 loops
    // 1 s, 18 loops 4.5 s, 20 loops 17 s; 50 never finished (nor 50 alternating if/for: 30 levels 1.2 s, 40 levels
    // 40 s). The overwrite analysis walked each loop twice, so a loop nested d deep was walked 2^d times. The tape
    // takes 60 ms for 28 loops. Expected: translation in a few seconds (or a positioned error), never a build that hangs;
    // also with a break, a continue and a return in every loop (the normalizer asks at each statement whether it
    // may jump: answered once per node now, not by searching the statement's subtree each time).
    @Test
    void fiftyNestedLoopsUnderTheStaticStrategy() {
        for (String kind : List.of("for", "mix", "jump")) {
            String src = deep("STATIC", kind, 50);
            Translation t = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> translate("p/Deep.java", src), kind);
            if (t.hasErrors()) {
                assertPositionedErrors(t, Map.of(Path.of("p/Deep.java"), src));
            } else {
                assertDifferentiates("p.Deep", src, Map.of("g", new Object[] {0.7, 1}), List.of(Options.DEFAULT));
            }
            // the oracle (PLAIN: no optimisations) makes 'jump' too long for one method: it must say so, not fail in javac
            Translation plain = Pipeline.translate(Map.of(Path.of("p/Deep.java"), src), Optional.empty(), Options.PLAIN);
            if (plain.hasErrors()) {
                assertTrue(plain.diagnostics().stream().allMatch(d -> d.message().contains("too long to differentiate")), kind + ": " + plain.diagnostics());
            } else {
                assertDifferentiates("p.Deep", src, Map.of("g", new Object[] {0.7, 1}), List.of(Options.PLAIN));
            }
        }
    }

    /** f(x) = x nested {@code depth} times in (e * 1.001 + 0.001). */
    private static String deepExpression(String strategy, int depth) {
        String e = "x";
        for (int i = 0; i < depth; i++) {
            e = "(" + e + " * 1.001 + 0.001)";
        }
        return "package p;\n\n" + IMPORTS + "public class X {\n    @Differentiable(strategy = Strategy." + strategy + ")\n"
                + "    static double f(double x) {\n        return " + e + ";\n    }\n}\n";
    }

    @Test
    void anExpressionNestedAHundredDeep() {
        for (String strategy : List.of("STATIC", "TAPE")) {
            assertDifferentiates("p.X", deepExpression(strategy, 100), Map.of("f", new Object[] {0.7}));
        }
    }

    // Regression test (was a bug): an expression nested 500 deep (javac compiles it) made JavaParser recurse past the
    // thread's stack: StackOverflowError out of translate() (SourceParser caught RuntimeException only). In the test
    // JVM 200 levels were enough. Now translation runs on a thread with a large stack, and what still overflows is a
    // positioned error ('nested too deeply'), never an Error out of the generator.
    @Test
    void anExpressionNestedFiveHundredDeep() {
        String src = deepExpression("STATIC", 500);
        Translation t = translate("p/X.java", src);
        if (t.hasErrors()) {
            assertPositionedErrors(t, Map.of(Path.of("p/X.java"), src));
        } else {
            assertDifferentiates("p.X", src, Map.of("f", new Object[] {0.7}));
        }
    }

    // Past even the translation thread's stack, the parser's overflow is reported at the deepest bracket (the
    // diagnostic is built by a scan of the text, checked here without nesting a million levels).
    @Test
    void nestingPastAnyStackIsPositionedAtTheDeepestBracket() {
        String src = deepExpression("STATIC", 40).replace("return (", "// a comment's ((((((\n        return (");
        Diagnostic d = dev.adjoint.generator.parse.SourceParser.tooDeep(Path.of("p/X.java"), src);
        assertEquals(lineOf(src, "return ("), d.line(), d.toString());
        assertEquals("        return ".length() + 40, d.column(), d.toString());
        assertTrue(d.isError() && d.message().contains("nested too deeply"), d.toString());
    }

    // ------------------------------------------------------------------------------------------ empty and odd bodies

    @Test
    void bodiesWithoutAResultAreAnErrorOrAnAdjointThatCompiles() {
        for (String body : List.of("{}", "{\n        ;\n    }", "{\n        if (x > 0) {\n            return x;\n        }\n    }",
                "{\n        while (true) {\n            x = x * 2;\n        }\n    }")) {
            String src = "package p;\n\n" + IMPORTS + "public class Empty {\n    @Differentiable\n    static double f(double x) " + body + "\n}\n";
            Translation t = translate("p/Empty.java", src);
            if (t.hasErrors()) {
                assertPositionedErrors(t, Map.of(Path.of("p/Empty.java"), src));
            } else {
                // javac rejects the user's method (missing return) except for the endless loop; the adjoint on its own compiles
                InMemoryCompiler.compile(t.generated());
            }
        }
    }

    // Regression test. Was: 'return;' in a method returning double: the static strategy rejects it ("'return;' without
    // a value"), AUTO then tried the tape, whose recorder threw java.util.NoSuchElementException (TapeRecorder.statement)
    // out of translate(). Now the tape reports it too, a positioned error.
    @Test
    void returnWithoutAValue() {
        for (String strategy : List.of("AUTO", "TAPE")) {
            String src = "package p;\n\n" + IMPORTS + "public class Empty {\n    @Differentiable(strategy = Strategy." + strategy + ")\n"
                    + "    static double f(double x) {\n        return;\n    }\n}\n";
            assertPositionedErrors(translate("p/Empty.java", src), Map.of(Path.of("p/Empty.java"), src));
        }
    }

    // ------------------------------------------------------------------------------------------ imports and roots

    @Test
    void aMissingImportOfTheAnnotationIsAPositionedError(@TempDir Path dir) throws IOException {
        String src = "package p;\n\npublic class NoImport {\n    @Differentiable\n    static double f(double x) {\n        return x * x;\n    }\n}\n";
        List<Diagnostic> errors = assertPositionedErrors(translate("p/NoImport.java", src), Map.of(Path.of("p/NoImport.java"), src));
        assertEquals(4, errors.get(0).line());
        assertTrue(errors.get(0).message().contains("import dev.adjoint.Differentiable"), errors.toString());
        assertGenerateFailsCleanly(dir, Map.of("p/NoImport.java", src));
    }

    @Test
    void theAnnotationFullyQualifiedOrByAWildcardImportNeedsNoImport() {
        String qualified = "package p;\n\npublic class Q {\n    @dev.adjoint.Differentiable(strategy = dev.adjoint.Strategy.TAPE)\n"
                + "    static double f(double x) {\n        return x * Math.sin(x);\n    }\n\n    @dev.adjoint.Differentiable\n"
                + "    static double g(double x) {\n        return f(x) * x;\n    }\n}\n";
        assertDifferentiates("p.Q", qualified, Map.of("f", new Object[] {0.7}, "g", new Object[] {0.7}));
        String wildcard = "package p;\n\nimport dev.adjoint.*;\n\npublic class W {\n    @Differentiable(strategy = Strategy.TAPE)\n"
                + "    static double f(double x) {\n        return x * Math.sin(x);\n    }\n\n    @Differentiable\n"
                + "    static double g(double x, DoubleGrad unused) {\n        return f(x) * x;\n    }\n}\n";
        Translation t = translate("p/W.java", wildcard);
        // a DoubleGrad parameter is not a supported type: a positioned error; without it, correct output
        assertPositionedErrors(t, Map.of(Path.of("p/W.java"), wildcard));
        String fixed = wildcard.replace(", DoubleGrad unused", "");
        assertDifferentiates("p.W", fixed, Map.of("f", new Object[] {0.7}, "g", new Object[] {0.7}));
    }

    // Regression test (was a bug): the import check accepted any file that used the fully qualified annotation once:
    // a bare @Differentiable on another method was then taken for Adjoint's, though nothing imported it, or though
    // the file imported another annotation of that name (org.other.Differentiable). Now the bare one is reported as
    // not imported (or, with another Differentiable imported, left alone).
    @Test
    void aBareAnnotationNextToAFullyQualifiedOne() {
        String src = "package p;\n\nimport org.other.Differentiable;\n\npublic class E3 {\n    @Differentiable\n    static double f(double x) {\n"
                + "        return x;\n    }\n\n    @dev.adjoint.Differentiable\n    static double g(double x) {\n        return x * x;\n    }\n}\n";
        Translation t = translate("p/E3.java", src);
        boolean reported = t.diagnostics().stream().anyMatch(d -> d.isError() && d.line() == 6);
        boolean leftAlone = !t.hasErrors() && t.methods().stream().noneMatch(m -> m.startsWith("p.E3#f"));
        assertTrue(reported || leftAlone, "f's annotation is not dev.adjoint.Differentiable: " + t.diagnostics() + " " + t.methods());
        String unimported = src.replace("import org.other.Differentiable;\n\n", "");
        List<Diagnostic> errors = assertPositionedErrors(translate("p/E3.java", unimported), Map.of(Path.of("p/E3.java"), unimported));
        assertEquals(List.of(4), errors.stream().map(Diagnostic::line).toList(), errors.toString());
        assertTrue(errors.get(0).message().contains("import dev.adjoint.Differentiable"), errors.toString());
    }

    @Test
    void twoSourceRootsDefiningTheSameClass(@TempDir Path dir) throws IOException {
        String model = "package p;\n\n" + IMPORTS + "public class Model {\n    @Differentiable\n    static double f(double x) {\n"
                + "        return x * x;\n    }\n}\n";
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        for (Path root : List.of(a, b)) {
            Files.createDirectories(root.resolve("p"));
            Files.writeString(root.resolve("p/Model.java"), model);
        }
        Path out = dir.resolve("out");
        GenerationResult r;
        try {
            r = AdjointGenerator.generate(GenerationRequest.of(List.of(a, b), out));
        } catch (RuntimeException e) {
            throw new AssertionError("generate threw: " + e, e);
        }
        assertTrue(r.hasErrors(), r.diagnostics().toString());
        assertEquals(Map.of(), tree(out), "nothing written");
        Diagnostic d = r.errors().get(0);
        assertTrue(d.line() > 0 && d.column() > 0, d.toString());
        assertTrue(d.message().contains("p.Model") && d.message().contains("also defined"), d.toString());
        String other = (d.file().startsWith(a) ? b : a).resolve("p/Model.java").toString();
        assertTrue(d.message().contains(other), "names the other file: " + d);
    }

    // ------------------------------------------------------------------------------------------ output failures

    // Regression test (was a bug): when the output directory cannot take a file (here the folder for package b is a
    // regular file), generate() threw UncheckedIOException 'cannot write generated sources under ...' and left
    // a/AAdjoint.java written: a half-written output. Now: a diagnostic naming the path, and no generated file (all
    // are written to temporary files first, moved into place only when all of them are).
    @Test
    void aWriteFailureLeavesNoHalfWrittenOutput(@TempDir Path dir) throws IOException {
        String a = "package a;\n\n" + IMPORTS + "public class A {\n    @Differentiable\n    static double f(double x) {\n        return x * x;\n    }\n}\n";
        Path root = dir.resolve("src");
        Files.createDirectories(root.resolve("a"));
        Files.createDirectories(root.resolve("b"));
        Files.writeString(root.resolve("a/A.java"), a);
        Files.writeString(root.resolve("b/B.java"), a.replace("package a;", "package b;").replace("class A", "class B"));
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("b"), "in the way");
        GenerationResult r;
        try {
            r = AdjointGenerator.generate(GenerationRequest.of(List.of(root), out));
        } catch (RuntimeException e) {
            fail("generate threw " + e + "; the output directory now holds " + tree(out).keySet());
            return;
        }
        assertTrue(r.hasErrors(), r.diagnostics().toString());
        assertEquals(Map.of(Path.of("b"), "in the way"), tree(out), "a half-written output");
        assertTrue(r.errors().get(0).message().contains(out.resolve("b").toString()), "names the path: " + r.errors());
        assertEquals(List.of(), r.written());
    }

    // A failure after some files were moved into place (here: the report is to replace a folder that is not empty, the
    // last move of the run) puts back what the run changed: an earlier run's adjoint keeps its content, a new one is
    // removed.
    @Test
    void aFailedRunPutsBackWhatItChanged(@TempDir Path dir) throws IOException {
        String a = "package a;\n\n" + IMPORTS + "public class A {\n    @Differentiable\n    static double f(double x) {\n        return x * x;\n    }\n}\n";
        Path root = dir.resolve("src");
        Files.createDirectories(root.resolve("a"));
        Files.writeString(root.resolve("a/A.java"), a);
        Path out = dir.resolve("out");
        GenerationResult first = AdjointGenerator.generate(GenerationRequest.of(List.of(root), out));
        assertFalse(first.hasErrors(), first.diagnostics().toString());
        Map<Path, String> before = tree(out);
        Files.writeString(root.resolve("a/A.java"), a.replace("x * x", "x * x * x"));
        Files.writeString(root.resolve("a/B.java"), a.replace("class A", "class B"));
        Files.createDirectories(dir.resolve("report.md"));
        Files.writeString(dir.resolve("report.md/in-the-way.txt"), "a folder where the report should be");
        GenerationResult r = AdjointGenerator.generate(new GenerationRequest(List.of(root), List.of(), List.of(), out, null, false,
                dir.resolve("report.md")));
        assertTrue(r.hasErrors(), r.diagnostics().toString());
        assertEquals(before, tree(out), "the output of the earlier run, as it was");
    }
}
