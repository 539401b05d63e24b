package dev.adjoint.generator.fence;

import static dev.adjoint.generator.fence.FenceHarness.FILE;
import static dev.adjoint.generator.fence.FenceHarness.assertOnePositionedError;
import static dev.adjoint.generator.fence.FenceHarness.body;
import static dev.adjoint.generator.fence.FenceHarness.file;
import static dev.adjoint.generator.fence.FenceHarness.method;
import static dev.adjoint.generator.fence.FenceHarness.staticBody;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.generator.AdjointGenerator;
import dev.adjoint.generator.Translation;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every construct inside a method that the fence, the selector, the normalizer or the tape rejects
 * yields one positioned error and no output; the static fence's rules are checked with
 * {@code strategy = STATIC} (under the default strategy such a method goes to the tape). In each source, {@code @@} marks where the error must point (the marker is
 * removed before translating; line and column are 1-based, as in {@code Model.java:12:9}). Rejected
 * declarations are listed in {@link DeclarationDiagnosticsTest}, and run here with the statements;
 * several errors at once and syntax errors are in {@link ErrorReportingTest}.
 */
class FenceDiagnosticsTest {

    /** Constructs that neither strategy supports: an error under the default strategy. */
    static Stream<Arguments> rejectedByBothStrategies() {
        return Stream.of(
                body("try", "'try' is not supported by either strategy; an exception caught inside the method", """
                        double s = x;
                        @@try {
                            s = s * x;
                        } finally {
                            s = s + 1;
                        }
                        return s;
                        """),
                body("synchronized", "'synchronized' is not supported", """
                        double s = x;
                        @@synchronized (Model.class) {
                            s = s * x;
                        }
                        return s;
                        """),
                body(
                        "local class",
                        "'class Local' is not supported by the tape strategy either; declare it as a member",
                        """
                        @@class Local {
                        }
                        return x;
                        """),
                body(
                        "local record (DiffKt's Matrix2x2 written in the method)",
                        "'record M' is not supported by the tape strategy either; declare it as a member of the class (a"
                                + " static nested record",
                        """
                        @@record M(double p, double q) {
                            double det() {
                                return p * q;
                            }
                        }
                        return x;
                        """),
                body("assert with an assignment", "assignment inside an expression", """
                        assert (@@x = x * 2) > 0;
                        return x;
                        """),
                body(
                        "lambda",
                        "local 'g' of type java.util.function.DoubleUnaryOperator: supported local types are",
                        """
                        java.util.function.DoubleUnaryOperator @@g = v -> v * 2;
                        return x;
                        """),
                body(
                        "method reference",
                        "local 'g' of type java.util.function.DoubleUnaryOperator: supported local types are",
                        """
                        java.util.function.DoubleUnaryOperator @@g = Math::sin;
                        return x;
                        """),
                body("new object", "local 'o' of type Object: supported local types are", """
                        Object @@o = new Object();
                        return x;
                        """),
                body(
                        "random in a branch",
                        "local 'r' of type java.util.Random is declared inside a block or loop",
                        """
                        if (x > 0) {
                            java.util.Random @@r = new java.util.Random(7);
                        }
                        return x;
                        """),
                body("array creation in an expression", "expression 'new double[] { x, 1 }[0]' is not supported", """
                        double y = @@new double[] {x, 1}[0];
                        return y;
                        """),
                body(
                        "call to a private floating-point method (not differentiated without an annotation)",
                        "call to 'helper' returns a floating-point value but is neither @Differentiable nor given a @CustomDerivative; a"
                                + " private method is not differentiated without an annotation",
                        """
                        double y = @@helper(x);
                        return y;
                        """),
                body("local of a reference type", "local 'o' of type Object: supported local types are", """
                        Object @@o = x;
                        return x;
                        """),
                file("2-D local without the length of its rows", "local array 't'", """
                        package p;

                        import dev.adjoint.Differentiable;

                        class Model {
                            @Differentiable
                            static double f(double[][] m, int n) {
                                double[][] @@t = new double[n][];
                                return m[0][0];
                            }
                        }
                        """),
                file("a row of a 2-D array replaced", "replaces the row m[0] of array 'm' by another array", """
                        package p;

                        import dev.adjoint.Differentiable;

                        class Model {
                            @Differentiable
                            static double f(double[][] m, double[] w) {
                                @@m[0] = w;
                                return m[0][0];
                            }
                        }
                        """));
    }

    /**
     * Every rule of the static fence and normalizer, with {@code strategy = STATIC} (under AUTO the
     * method would go to the tape instead, or be reported by it).
     */
    static Stream<Arguments> rejectedByTheStaticStrategy() {
        return Stream.of(
                // (a shared variable of a type written out is declared before the switch: desugar/SharedCaseVariables)
                staticBody(
                        "switch statement whose cases share a 'var' variable",
                        "'switch' statement is not supported",
                        """
                        double s = x;
                        @@switch (n) {
                            case 1: var t = 2 * x; s = t; break;
                            default: t = 3 * x; s = t;
                        }
                        return s;
                        """),
                staticBody("switch expression in a for update a continue jumps to", "switch", """
                        double s = 0;
                        for (int i = 0; i < 4; i += @@switch (n) { case 1 -> 1; default -> 2; }) {
                            if (i == 1) {
                                continue;
                            }
                            s += x * i;
                        }
                        return s;
                        """),
                staticBody("throw of a chosen exception", "the static strategy throws only a new exception", """
                        if (x < 0) {
                            @@throw x < -1 ? new IllegalArgumentException() : new IllegalStateException();
                        }
                        return x;
                        """),
                staticBody(
                        "labelled block left by a break of the switch around",
                        "'switch' statement is not supported",
                        """
                        double s = x;
                        for (int i = 0; i < 3; i++) {
                            @@switch (n) {
                                case 1:
                                    here: {
                                        if (s > 2) break;
                                        s = s * x;
                                    }
                                    s += 1;
                                    break;
                                default:
                                    s -= 1;
                            }
                        }
                        return s;
                        """),
                staticBody("increment inside an expression", "'++' inside an expression", """
                        int m = n + @@n++ * 2;
                        return x * m;
                        """),
                staticBody("assignment inside an expression", "assignment inside an expression", """
                        double s = 0;
                        double y = 1 + (x > 1 ? (@@s = x) * 2 : s);
                        return y;
                        """),
                staticBody("a local named Math", "a local named 'Math'", """
                        double @@Math = x * 2;
                        return Math;
                        """),
                staticBody(
                        "unknown variable",
                        "'zz' is not a parameter, a local variable or a static field (that its class never assigns) of Model",
                        """
                        return @@zz * x;
                        """),
                staticBody("unknown variable inside an expression", "'zz' is not a parameter", """
                        double y = x * (2 + @@zz);
                        return y;
                        """),
                staticBody("unknown variable in a condition", "'qq' is not a parameter", """
                        if (x > @@qq) {
                            x = 2 * x;
                        }
                        return x;
                        """),
                staticBody("Math.random", "Math.random", """
                        return x * @@Math.random();
                        """),
                staticBody("Math function without a rule", "Math.ulp", """
                        return x * @@Math.ulp(x);
                        """),
                staticBody("Math function with a wrong arity", "Math.sin", """
                        return @@Math.sin(x, x);
                        """),
                staticBody("call to a boolean method of another class", "Boolean.logicalXor", """
                        double y = @@Boolean.logicalXor(x > 0, x < 1) ? 0 : x;
                        return y;
                        """),
                staticBody("field of a JDK class other than a number class's constant", "System.out", """
                        double y = x;
                        Object o = @@System.out;
                        return y;
                        """),
                staticBody("field of another class", "Other.K", """
                        return @@Other.K * x;
                        """),
                staticBody("cast to a reference type", "Double", """
                        double y = @@(Double) x;
                        return y;
                        """));
    }

    /**
     * Precise errors (at the construct, naming it) that the default strategy blurs today: when the
     * tape cannot record a method either, its errors replace the static fence's.
     */
    static Stream<Arguments> reportedPreciselyUnderTheDefaultStrategy() {
        return Stream.of(
                body("unknown variable", "'zz' is not a parameter", """
                        return x * @@zz;
                        """),
                body("Math.random", "Math.random", """
                        return x * @@Math.random();
                        """),
                body("field of a JDK class other than a number class's constant", "Double.SIZE", """
                        return x * @@Double.SIZE;
                        """),
                body("cast to a reference type", "Double", """
                        double y = 2 * @@(Double) x;
                        return y;
                        """),
                body("switch expression in the second of two declarators", "switch", """
                        double a = x, s = a * @@switch (n) { case 1 -> x; default -> 2.0; };
                        return s;
                        """),
                body(
                        "array parameter aliased conditionally by a local and written through it, reported once",
                        "local array 'v'",
                        """
                        double[] @@v = w.length > 1 ? w : w;
                        v[0] = x;
                        return v[0] * w[0];
                        """),
                body("array variable assigned while the array assigned is read again", "'q' is still read", """
                        double[] p = new double[2];
                        double[] q = new double[2];
                        q[0] = x;
                        @@p = q;
                        q[1] = x;
                        return p[1] * q[0];
                        """),
                body("parameter assigned again after it is written", "parameter 'w' is written", """
                        double[] y = new double[w.length];
                        w[0] = x;
                        @@w = y;
                        return w[0] + x;
                        """),
                file("private constant without a literal initializer", "'K'", """
                        package p;

                        import dev.adjoint.Differentiable;

                        class Model {
                            private static final double K = Math.sqrt(2);

                            @Differentiable
                            static double f(double x) {
                                return x * @@K;
                            }
                        }
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({
        "rejectedByBothStrategies",
        "rejectedByTheStaticStrategy",
        "dev.adjoint.generator.fence.DeclarationDiagnosticsTest#rejectedDeclarations"
    })
    void rejectedWithOnePositionedError(String name, String markedSource, String fragment) {
        assertOnePositionedError(name, markedSource, fragment);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reportedPreciselyUnderTheDefaultStrategy")
    void rejectedPreciselyUnderTheDefaultStrategy(String name, String markedSource, String fragment) {
        assertOnePositionedError(name, markedSource, fragment);
    }

    /** The tape's error at a local it cannot keep says which types it keeps, once: its uses do not repeat it. */
    @Test
    void aLocalTheTapeCannotKeepIsOneErrorNotOnePerUse() {
        assertOnePositionedError(
                "exception in a local on the tape",
                method("@Differentiable(strategy = Strategy.TAPE)", """
                RuntimeException @@e = new IllegalStateException("negative");
                if (x < 0) {
                    throw e;
                }
                return x * x + (e == null ? 1 : 0);
                """),
                "local 'e' of type RuntimeException: supported local types are double, float");
    }

    /**
     * {@code throw bad(x)} of a private helper: neither strategy can copy the call into the adjoint class (it
     * would not compile; the tape used to write it anyway), so one error at the call says to open it up.
     */
    @Test
    void aThrownExceptionFromAPrivateHelperIsOneErrorAtTheCall() {
        assertOnePositionedError(
                "private helper making the exception",
                String.join(
                        "\n",
                        "package p;",
                        "",
                        "import dev.adjoint.Differentiable;",
                        "",
                        "class Model {",
                        "    private static IllegalArgumentException bad(double v) {",
                        "        return new IllegalArgumentException(\"x = \" + v);",
                        "    }",
                        "",
                        "    @Differentiable",
                        "    static double f(double x) {",
                        "        if (x < 0) {",
                        "            throw @@bad(x);",
                        "        }",
                        "        return x * x;",
                        "    }",
                        "}",
                        ""),
                "call to private method 'bad' is not supported here: the generated adjoint class, beside the method's,"
                        + " cannot call a private method; make 'bad' package-private");
    }

    @Test
    void theBodyTemplateItselfIsAccepted() {
        Translation t = AdjointGenerator.translate(Map.of(FILE, method("return x * w[n];")));
        assertEquals(List.of(), t.diagnostics());
        assertEquals(List.of("p.ModelAdjoint"), List.copyOf(t.generated().keySet()));
    }
}
