package dev.adjoint.generator.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Minimal reproducers of generator bugs found by this test suite: accepted Java whose adjoint
 * crashed the generator, did not compile, or computed a wrong value or gradient. A fixed one stays
 * as a regression test; an open one is {@code @Disabled("BUG: ...")} until it is fixed.
 */
class GeneratorBugsTest {

    /** Generates and compiles {@code class bugs.Repro { body }}, then checks value and gradient at each point, both ways. */
    private static void assertDifferentiates(String body, String method, Object[]... points) {
        String source =
                "package bugs;\n\nimport dev.adjoint.Adjoint;\nimport dev.adjoint.Differentiable;\n\npublic class Repro {\n"
                        + body.stripIndent().indent(4) + "}\n";
        for (Options o : List.of(Options.DEFAULT, Options.PLAIN)) {
            Differentiated d = Differentiated.of("bugs.Repro", source, o);
            for (Object[] p : points) {
                Differentiated.GradCall call = d.vjp(method, 1.0, p);
                assertEquals(d.value(method, p), call.value(), 0.0, "value of the adjoint [" + o + "]");
                d.assertGradient(method, d, method, 1e-6, 1e-9, p);
            }
        }
    }

    private static double[] gradient(String body, String method, Object... args) {
        String source =
                "package bugs;\n\nimport dev.adjoint.Adjoint;\nimport dev.adjoint.Differentiable;\n\npublic class Repro {\n"
                        + body.stripIndent().indent(4) + "}\n";
        Differentiated d = Differentiated.of("bugs.Repro", source, Options.DEFAULT);
        return d.vjp(method, 1.0, args).gradient();
    }

    // regression (was a bug): NullPointerException in ReverseSweep/Rule.parenthesize when a double parameter that is
    //   not wrt is assigned a value that depends on a wrt one (it becomes active but has no adjoint variable)
    @Test
    void nonWrtParameterAssignedAVariedValue() {
        assertDifferentiates("""
                @Differentiable(wrt = "w")
                static double f(double w, double x) {
                    x = x * w;
                    return x;
                }
                """, "f", new Object[] {1.5, 2.0});
        // x is active only without the activity analysis (Options.PLAIN): the result does not read it
        assertDifferentiates("""
                @Differentiable(wrt = "w")
                static double g(double w, double x) {
                    x = x * w;
                    return w * w;
                }
                """, "g", new Object[] {1.5, 2.0});
    }

    @Test
    void conditionVariableOverwrittenInsideItsOwnBranch() {
        assertDifferentiates("""
                @Differentiable
                static double f(double x, boolean q) {
                    double r = x;
                    if (q) {
                        r = r * x;
                    } else {
                        r = r * 3;
                        q = true;
                    }
                    return r;
                }
                """, "f", new Object[] {0.5, false}, new Object[] {0.5, true});
        assertDifferentiates("""
                @Differentiable
                static double g(double x) {
                    boolean q = x > 1;
                    double r = x;
                    if (q) {
                        r = r * x;
                    } else {
                        q = !q;
                        r = r * 3;
                    }
                    return r;
                }
                """, "g", new Object[] {0.5}, new Object[] {1.5});
        // in a loop, too (RandomProgramsTest -Dadjoint.randomPrograms=800 finds it in p165, p175, l71, l157, ...)
        assertDifferentiates("""
                @Differentiable
                static double h(double x) {
                    boolean q = false;
                    double r = x;
                    for (int i = 0; i < 4; i++) {
                        if (q) {
                            r = r * x;
                            q = false;
                        } else {
                            r = r + x * x;
                            q = true;
                        }
                    }
                    return r;
                }
                """, "h", new Object[] {0.5});
    }

    // regression (was a bug): the adjoint reads a private static final field of the owner as Owner.K, which javac
    //   rejects (K has private access); inline the constant or reject the method
    @Test
    void privateStaticFinalField() {
        assertDifferentiates("""
                private static final double K = 2.5;

                @Differentiable
                static double f(double x) {
                    return K * x * x;
                }
                """, "f", new Object[] {1.5});
    }

    // regression (was a bug): a self-assignment 's = s;' loses the gradient: the copy adds d_s into itself, then the
    //   overwrite zeroes d_s (the IR invariant 'no assignment reads its own target' is broken by assignAtom's copy)
    @Test
    void selfAssignment() {
        assertDifferentiates("""
                @Differentiable
                static double f(double x) {
                    double s = x * 2;
                    s = s;
                    return s * x;
                }
                """, "f", new Object[] {1.5});
    }

    // regression (was a bug): Adjoint.detach(...) inside a condition (or any non-differentiated expression) is copied
    //   into the adjoint as text, but the adjoint does not import dev.adjoint.Adjoint: javac 'cannot find symbol
    //   Adjoint'
    @Test
    void detachInACondition() {
        assertDifferentiates("""
                @Differentiable
                static double f(double x) {
                    double r = x;
                    if (Adjoint.detach(x) > 1) {
                        r = r * x;
                    }
                    return r;
                }
                """, "f", new Object[] {1.5}, new Object[] {0.5});
    }

    // regression (was a bug): Adjoint.detach(n) of an int is typed int by the normalizer ('int _t0 =
    //   Adjoint.detach(n);', a lossy double-to-int conversion) and Adjoint is not imported: the adjoint does not
    //   compile
    @Test
    void detachOfAnInteger() {
        assertDifferentiates("""
                @Differentiable
                static double f(double x, int n) {
                    return Adjoint.detach(n) * x;
                }
                """, "f", new Object[] {1.5, 3});
    }

    // regression (was a bug): a static final field of a nested owner written qualified (Inner.N) in an int or boolean
    //   expression is copied as 'Inner.N' into the top-level adjoint class, where Inner does not resolve
    @Test
    void qualifiedConstantOfANestedOwnerInAnIntegerExpression() {
        assertDifferentiates("""
                static class Inner {
                    static final int N = 3;
                    static final double K = 2;

                    @Differentiable
                    static double f(double x, int n) {
                        int m = n * Inner.N;
                        double y = x > Inner.K ? x * m : x;
                        return y * Inner.K;
                    }
                }
                """, "f", new Object[] {1.5, 2}, new Object[] {2.5, 2});
    }

    // regression (was a bug): an octal int literal converted to double gets '.0' appended: 010 * x becomes 010.0 * x,
    //   i.e. 10x instead of 8x (wrong value and gradient)
    @Test
    void octalLiteral() {
        assertDifferentiates("""
                @Differentiable
                static double f(double x) {
                    return 010 * x + 0_7 * x * x;
                }
                """, "f", new Object[] {1.5});
    }

    // regression (was a bug): the adjoint of a method of an auxiliary top-level class (a second class in Model.java)
    //   reads its constants as Helper.K from HelperAdjoint.java: javac -Xlint:all warns 'auxiliary class Helper in
    //   Repro.java should not be accessed from outside its own source file' (an error with -Werror)
    @Test
    void constantOfAnAuxiliaryClass() {
        String source = """
                package bugs;

                import dev.adjoint.Differentiable;

                public class Repro {
                }

                class Helper {
                    static final double K = 2.0;

                    @Differentiable
                    static double g(double x) {
                        return K * x * x;
                    }
                }
                """;
        Differentiated d = Differentiated.of("bugs.Repro", source, Options.DEFAULT);
        d.assertGradient("g", d, "g", 1e-6, 1e-9, 0.7);
    }

    @Test
    void variableNamedMathUnderTheDefaultStrategy() {
        for (String body : List.of("""
                @Differentiable
                static double f(double x) {
                    double Math = x * 2;
                    return sin(Math) * Math;
                }
                """, """
                @Differentiable
                static double f(double Math) {
                    return exp(Math);
                }
                """)) {
            String source =
                    "package bugs;\n\nimport static java.lang.Math.*;\n\nimport dev.adjoint.Differentiable;\n\npublic class Repro {\n"
                            + body.stripIndent().indent(4) + "}\n";
            // a decision rather than a fix: the variable would hide java.lang.Math in generated code,
            // so both strategies reject it where it is declared
            var t = dev.adjoint.generator.AdjointGenerator.translate(
                    java.util.Map.of(java.nio.file.Path.of("Repro.java"), source));
            org.junit.jupiter.api.Assertions.assertTrue(t.hasErrors());
            org.junit.jupiter.api.Assertions.assertTrue(
                    t.diagnostics().get(0).message().contains("named 'Math'"),
                    t.diagnostics().toString());
            org.junit.jupiter.api.Assertions.assertTrue(t.diagnostics().get(0).line() > 0);
            org.junit.jupiter.api.Assertions.assertTrue(t.generated().isEmpty());
        }
    }

    /** Not a bug: the detach reproducers above need the generator to treat detach as a constant, as it does here. */
    @Test
    void detachInADifferentiatedExpressionIsAConstant() {
        assertArrayEquals(new double[] {3.0}, gradient("""
                @Differentiable
                static double f(double x) {
                    return Adjoint.detach(x) * x;
                }
                """, "f", 3.0));
    }
}
