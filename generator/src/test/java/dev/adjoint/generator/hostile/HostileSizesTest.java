package dev.adjoint.generator.hostile;

import static dev.adjoint.generator.hostile.HostileHarness.IMPORTS;
import static dev.adjoint.generator.hostile.HostileHarness.assertDifferentiates;
import static dev.adjoint.generator.hostile.HostileHarness.assertPositionedErrors;
import static dev.adjoint.generator.hostile.HostileHarness.lineOf;
import static dev.adjoint.generator.hostile.HostileHarness.translate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.pipeline.Pipeline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Hostile size and depth: methods of hundreds and thousands of statements, fifty nested ifs and loops,
 * expressions nested hundreds deep and past any stack. Each translates within its time limit
 * ({@code assertTimeoutPreemptively}) into an adjoint that compiles and is right against central
 * differences, or into a positioned error (too long to differentiate, nested too deeply); never a
 * build that hangs or an Error out of the generator.
 *
 * <p>What does not hold yet is a {@code @Disabled("BUG: ...")} test with the observed and the
 * expected behaviour; run them with
 * {@code -Djunit.jupiter.conditions.deactivate=org.junit.*DisabledCondition}.
 */
class HostileSizesTest {
    /**
     * The bound of a translation that once took exponential time in its nesting (2^50 walks at 50
     * levels): so far beyond seconds that a wall-clock bound this generous still catches it, and
     * a machine whose cores several builds share does not trip it (seconds at most alone).
     */
    private static final Duration NEVER_ENDS = Duration.ofSeconds(120);

    /** A straight-line method of {@code statements} statements, alternately updating s and t. */
    private static String longMethod(String name, String strategy, int statements) {
        StringBuilder s = new StringBuilder("    @Differentiable(strategy = Strategy." + strategy + ")\n");
        s.append("    static double ")
                .append(name)
                .append("(double x, double y) {\n        double s = x;\n        double t = y;\n");
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
        Translation t = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> translate("p/Long.java", src));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTooLong(t, src, List.of("f", "g"));
        // (about 4 s alone on 2 cores; a pass quadratic in the statements takes minutes: the margin is for a machine
        // whose
        // cores several builds share, since the clock measures wall time, not work)
        assertTrue(seconds < 60, "2 x 5,000 statements took " + seconds + " s to translate");
    }

    /** Errors only: each of {@code methods} is reported, at its name, as too long to differentiate. */
    private static void assertTooLong(Translation t, String src, List<String> methods) {
        List<Diagnostic> errors = assertPositionedErrors(t, Map.of(Path.of("p/Long.java"), src));
        assertEquals(methods.size(), errors.size(), errors.toString());
        for (int i = 0; i < methods.size(); i++) {
            Diagnostic d = errors.get(i);
            assertEquals(lineOf(src, "static double " + methods.get(i) + "("), d.line(), d.toString());
            assertTrue(
                    d.message().contains("too long to differentiate")
                            && d.message().contains("64 KiB")
                            && d.message().contains("split it into @Differentiable methods"),
                    d.toString());
        }
    }

    @Test
    void fiveHundredStatementsCompileAndDifferentiate() {
        assertDifferentiates(
                "p.Long", longClass(500), Map.of("f", new Object[] {0.7, -0.2}, "g", new Object[] {0.7, -0.2}));
    }

    // regression (was a bug). Was: the original method compiles, but from about 600 such statements on, the adjoint
    // did not: javac 'code too large' at fVjp (static) and at gRecord (tape); the limit of a JVM method's bytecode (64
    // KiB) is hit by the forward and reverse sweeps together. Expected: an adjoint that compiles and gives the
    // gradient, or a positioned error that says the method is too long to differentiate. Now: an upper bound on
    // the bytecode of each generated method (pipeline.MethodSize) turns a method over the limit into an error at
    // the user's method, for each strategy; a method under it compiles (the tape's recorder of 850 statements does).
    @Test
    void fiveThousandStatementsCompileAndDifferentiate() {
        String src = longClass(5000);
        assertTooLong(translate("p/Long.java", src), src, List.of("f", "g"));
        // 850: the static adjoint is over the limit (from about 800 since copy chains are folded), the tape's recorder
        // is not
        String six = longClass(850);
        assertTooLong(translate("p/Long.java", six), six, List.of("f"));
        String tapeOnly = "package p;\n\n" + IMPORTS + "public class Long {\n" + longMethod("g", "TAPE", 850) + "}\n";
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
            s.append(pad)
                    .append(
                            ifs
                                    ? "if (s > -" + (d + 100) + ") {\n"
                                    : "for (int i" + d + " = 0; i" + d + " < n; i" + d + "++) {\n");
            pad += "    ";
            s.append(pad).append("s = s * 1.01 + 0.01 * Math.sin(x);\n");
            if (kind.equals("jump")) {
                s.append(pad)
                        .append("if (s > " + (d + 100) + ") {\n")
                        .append(pad)
                        .append("    break;\n")
                        .append(pad)
                        .append("}\n");
                s.append(pad)
                        .append("if (s < -" + (d + 100) + ") {\n")
                        .append(pad)
                        .append("    return s;\n")
                        .append(pad)
                        .append("}\n");
                s.append(pad)
                        .append("if (s > " + (d + 200) + ") {\n")
                        .append(pad)
                        .append("    continue;\n")
                        .append(pad)
                        .append("}\n");
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
            assertTimeoutPreemptively(NEVER_ENDS, () -> translate("p/Deep.java", src));
            assertDifferentiates("p.Deep", src, Map.of("g", new Object[] {0.7, 1}));
        }
    }

    @Test
    void fiftyNestedLoopsUnderTheTape() {
        String src = deep("TAPE", "for", 50);
        assertTimeoutPreemptively(NEVER_ENDS, () -> translate("p/Deep.java", src));
        assertDifferentiates("p.Deep", src, Map.of("g", new Object[] {0.7, 1}));
    }

    // regression (was a bug). Was: the static strategy's translation time doubled with each nested loop: 16 loops
    // 1 s, 18 loops 4.5 s, 20 loops 17 s; 50 never finished (nor 50 alternating if/for: 30 levels 1.2 s, 40 levels
    // 40 s). The overwrite analysis walked each loop twice, so a loop nested d deep was walked 2^d times. The tape
    // takes 60 ms for 28 loops. Expected: translation in a few seconds (or a positioned error), never a build that
    // hangs;
    // also with a break, a continue and a return in every loop (the normalizer asks at each statement whether it
    // may jump: answered once per node now, not by searching the statement's subtree each time).
    @Test
    void fiftyNestedLoopsUnderTheStaticStrategy() {
        for (String kind : List.of("for", "mix", "jump")) {
            String src = deep("STATIC", kind, 50);
            Translation t = assertTimeoutPreemptively(NEVER_ENDS, () -> translate("p/Deep.java", src), kind);
            if (t.hasErrors()) {
                assertPositionedErrors(t, Map.of(Path.of("p/Deep.java"), src));
            } else {
                assertDifferentiates("p.Deep", src, Map.of("g", new Object[] {0.7, 1}), List.of(Options.DEFAULT));
            }
            // the oracle (PLAIN: no optimisations) makes 'jump' too long for one method: it must say so, not fail in
            // javac
            Translation plain =
                    Pipeline.translate(Map.of(Path.of("p/Deep.java"), src), Optional.empty(), Options.PLAIN);
            if (plain.hasErrors()) {
                assertTrue(
                        plain.diagnostics().stream().allMatch(d -> d.message().contains("too long to differentiate")),
                        kind + ": " + plain.diagnostics());
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
        return "package p;\n\n" + IMPORTS + "public class X {\n    @Differentiable(strategy = Strategy." + strategy
                + ")\n" + "    static double f(double x) {\n        return " + e + ";\n    }\n}\n";
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
}
