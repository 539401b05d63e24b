package dev.adjoint.generator.fence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.AdjointGenerator;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every construct that the fence, the selector, the normalizer or the tape rejects yields one
 * positioned error and no output; the static fence's rules are checked with
 * {@code strategy = STATIC} (under the default strategy such a method goes to the tape). In each source, {@code @@} marks where the error must point (the marker is
 * removed before translating; line and column are 1-based, as in {@code Model.java:12:9}).
 */
class FenceDiagnosticsTest {
    private static final Path FILE = Path.of("src/main/java/p/Model.java");
    private static final String MARK = "@@";

    /**
     * A class {@code p.Model} whose {@code @Differentiable static double f(double x, double[] w, int n)}
     * holds {@code body}; the default strategy (AUTO: static, else the tape).
     */
    static String method(String body) {
        return method("@Differentiable", body);
    }

    /** {@link #method(String)} with {@code strategy = Strategy.STATIC}: the static fence's own errors. */
    static String staticMethod(String body) {
        return method("@Differentiable(strategy = Strategy.STATIC)", body);
    }

    private static String method(String annotation, String body) {
        return String.join("\n",
                "package p;",
                "",
                "import dev.adjoint.Differentiable;",
                "import dev.adjoint.Strategy;",
                "",
                "class Model {",
                "    " + annotation,
                "    static double f(double x, double[] w, int n) {",
                body.stripIndent().lines().map(l -> l.isEmpty() ? "" : "        " + l).collect(Collectors.joining("\n")),
                "    }",
                "",
                "    private static double helper(double v) {",
                "        return v > 1 ? v : helper(v + 1); // recursive: never inlined",
                "    }",
                "}",
                "");
    }

    /** Constructs that neither strategy supports: an error under the default strategy. */
    static Stream<Arguments> rejectedByBothStrategies() {
        return Stream.of(
                body("try", "'try' is not supported by the tape strategy either", """
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
                body("local class", "'class Local' is not supported", """
                        @@class Local {
                        }
                        return x;
                        """),
                body("assert with an assignment", "assignment inside an expression", """
                        assert (@@x = x * 2) > 0;
                        return x;
                        """),
                body("lambda", "local 'g' of type java.util.function.DoubleUnaryOperator: supported local types are", """
                        java.util.function.DoubleUnaryOperator @@g = v -> v * 2;
                        return x;
                        """),
                body("method reference", "local 'g' of type java.util.function.DoubleUnaryOperator: supported local types are", """
                        java.util.function.DoubleUnaryOperator @@g = Math::sin;
                        return x;
                        """),
                body("new object", "local 'o' of type Object: supported local types are", """
                        Object @@o = new Object();
                        return x;
                        """),
                body("string local in a loop", "local 's' of type String is declared inside a block or loop", """
                        for (int i = 0; i < 2; i++) {
                            String @@s = "x";
                        }
                        return x;
                        """),
                body("array creation in an expression", "expression 'new double[] { x, 1 }[0]' is not supported", """
                        double y = @@new double[] {x, 1}[0];
                        return y;
                        """),
                body("call to a private floating-point method (not differentiated without an annotation)",
                        "call to 'helper' returns a floating-point value but is neither @Differentiable nor given a @CustomDerivative; a"
                                + " private method is not differentiated without an annotation", """
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
                file("a row of a 2-D array replaced", "replacing the row 'm[0]' of a 2-D array", """
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
                staticBody("switch statement whose cases share a 'var' variable", "'switch' statement is not supported", """
                        double s = x;
                        @@switch (n) {
                            case 1: var t = 2 * x; s = t; break;
                            default: t = 3 * x; s = t;
                        }
                        return s;
                        """),
                staticBody("switch expression inside an expression, under &&", "switch", """
                        double s = x > 0 && @@switch (n) { case 1 -> x > 1; default -> true; } ? x : 2 * x;
                        return s;
                        """),
                staticBody("throw of a chosen exception", "the static strategy throws only a new exception", """
                        if (x < 0) {
                            @@throw x < -1 ? new IllegalArgumentException() : new IllegalStateException();
                        }
                        return x;
                        """),
                staticBody("labelled block left by a break of the switch around", "'switch' statement is not supported", """
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
                staticBody("unknown variable", "'zz' is not a parameter, a local variable or a static field (that its class never assigns) of Model", """
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
                body("switch expression under &&", "switch", """
                        double s = x > 0 && @@switch (n) { case 1 -> x > 1; default -> true; } ? x : 2 * x;
                        return s;
                        """),
                body("array parameter aliased conditionally by a local and written through it, reported once", "local array 'v'", """
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

    static Stream<Arguments> rejectedDeclarations() {
        return Stream.of(
                file("instance method replacing an array field", "assigns array field 'b' as a whole", """
                        package p;

                        import dev.adjoint.Differentiable;

                        class Model {
                            double[] b;

                            @Differentiable
                            double f(double x) {
                                @@b = new double[] {x};
                                return x;
                            }
                        }
                        """),
                file("private method", "private method 'f'", """
                        package p;

                        import dev.adjoint.Differentiable;

                        class Model {
                            @@@Differentiable
                            private static double f(double x) {
                                return x;
                            }
                        }
                        """),
                file("interface method", "in interface Shape", """
                        package p;

                        import dev.adjoint.Differentiable;

                        interface Shape {
                            @@@Differentiable
                            default double f(double x) {
                                return x;
                            }
                        }
                        """),
                file("abstract method", "which has no body", """
                        package p;

                        import dev.adjoint.Differentiable;

                        abstract class Model {
                            @@@Differentiable
                            abstract double f(double x);
                        }
                        """),
                file("method of a non-static inner class", "inner (non-static) class", """
                        package p;

                        import dev.adjoint.Differentiable;

                        class Model {
                            class Inner {
                                @@@Differentiable
                                static double f(double x) {
                                    return x;
                                }
                            }
                        }
                        """),
                file("method of an anonymous class", "anonymous class", """
                        package p;

                        import dev.adjoint.Differentiable;

                        class Model {
                            static final Object O = new Object() {
                                @@@Differentiable
                                double f(double x) {
                                    return x;
                                }
                            };
                        }
                        """),
                file("generic method", "generic method 'f'", """
                        package p;

                        import dev.adjoint.Differentiable;

                        class Model {
                            @Differentiable
                            static <@@T> double f(double x) {
                                return x;
                            }
                        }
                        """),
                file("unknown wrt name", "wrt names 'y', which is not a parameter of 'f'", """
                        package p;

                        import dev.adjoint.Differentiable;

                        class Model {
                            @@@Differentiable(wrt = "y")
                            static double f(double x) {
                                return x;
                            }
                        }
                        """),
                file("wrt naming an int parameter", "wrt names 'n' of type int", """
                        package p;

                        import dev.adjoint.Differentiable;

                        class Model {
                            @@@Differentiable(wrt = {"x", "n"})
                            static double f(double x, int n) {
                                return x * n;
                            }
                        }
                        """),
                file("no differentiable parameter", "nothing to differentiate", """
                        package p;

                        import dev.adjoint.Differentiable;

                        class Model {
                            @@@Differentiable
                            static double f(int n, long k, boolean b) {
                                return n * k;
                            }
                        }
                        """),
                file("void result", "returns void", """
                        package p;

                        import dev.adjoint.Differentiable;

                        class Model {
                            @Differentiable
                            static @@void f(double x) {
                            }
                        }
                        """),
                file("int result", "returns int", """
                        package p;

                        import dev.adjoint.Differentiable;

                        class Model {
                            @Differentiable
                            static @@int f(double x) {
                                return 1;
                            }
                        }
                        """),
                file("Object parameter", "parameter 'o' has type Object", """
                        package p;

                        import dev.adjoint.Differentiable;

                        class Model {
                            @Differentiable
                            static double f(double x, @@Object o) {
                                return x;
                            }
                        }
                        """),
                file("int[][] parameter", "parameter 'a' has type int[][]", """
                        package p;

                        import dev.adjoint.Differentiable;

                        class Model {
                            @Differentiable
                            static double f(double x, @@int[][] a) {
                                return x;
                            }
                        }
                        """),
                file("List<Double> parameter", "parameter 'xs' has type List<Double>", """
                        package p;

                        import dev.adjoint.Differentiable;
                        import java.util.List;

                        class Model {
                            @Differentiable
                            static double f(double x, @@List<Double> xs) {
                                return x;
                            }
                        }
                        """),
                file("varargs parameter", "parameter 'xs' has type double...", """
                        package p;

                        import dev.adjoint.Differentiable;

                        class Model {
                            @Differentiable
                            static double f(@@double... xs) {
                                return 1;
                            }
                        }
                        """),
                file("missing import of the annotation", "@Differentiable is not imported", """
                        package p;

                        class Model {
                            @@@Differentiable
                            static double f(double x) {
                                return x;
                            }
                        }
                        """),
                file("a parameter named Math (static)", "a parameter named 'Math'", """
                        package p;

                        import static java.lang.Math.*;

                        import dev.adjoint.Differentiable;
                        import dev.adjoint.Strategy;

                        class Model {
                            @Differentiable(strategy = Strategy.STATIC)
                            static double f(@@double Math) {
                                return exp(Math);
                            }
                        }
                        """),
                file("private constant without a literal initializer (static)", "'K'", """
                        package p;

                        import dev.adjoint.Differentiable;
                        import dev.adjoint.Strategy;

                        class Model {
                            private static final double K = Math.sqrt(2);

                            @Differentiable(strategy = Strategy.STATIC)
                            static double f(double x) {
                                return @@K * x;
                            }
                        }
                        """),
                file("private non-final static field (static)", "'k' reads a static field the generated", """
                        package p;

                        import dev.adjoint.Differentiable;
                        import dev.adjoint.Strategy;

                        class Model {
                            private static double k = 2;

                            @Differentiable(strategy = Strategy.STATIC)
                            static double f(double x) {
                                double y = x;
                                if (@@k > 1) {
                                    y = y * x;
                                }
                                return y;
                            }
                        }
                        """));
    }

    private static Arguments body(String name, String fragment, String body) {
        return Arguments.of(name, method(body), fragment);
    }

    private static Arguments staticBody(String name, String fragment, String body) {
        return Arguments.of(name, staticMethod(body), fragment);
    }

    private static Arguments file(String name, String fragment, String source) {
        return Arguments.of(name, source, fragment);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"rejectedByBothStrategies", "rejectedByTheStaticStrategy", "rejectedDeclarations"})
    void rejectedWithOnePositionedError(String name, String markedSource, String fragment) {
        assertOnePositionedError(name, markedSource, fragment);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reportedPreciselyUnderTheDefaultStrategy")
    void rejectedPreciselyUnderTheDefaultStrategy(String name, String markedSource, String fragment) {
        assertOnePositionedError(name, markedSource, fragment);
    }

    private static void assertOnePositionedError(String name, String markedSource, String fragment) {
        Marked m = Marked.of(markedSource);
        Translation t = AdjointGenerator.translate(Map.of(FILE, m.source()));
        List<Diagnostic> errors = t.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), name + ": expected exactly one error, got " + t.diagnostics() + "\n" + m.source());
        Diagnostic d = errors.get(0);
        assertEquals(FILE, d.file(), name);
        assertEquals(m.line() + ":" + m.column(), d.line() + ":" + d.column(),
                name + ": wrong position for " + d.message() + "\n" + numbered(m.source()));
        assertTrue(d.message().contains(fragment), name + ": message '" + d.message() + "' does not contain '" + fragment + "'");
        assertTrue(t.generated().isEmpty(), name + ": output generated despite the error");
        assertTrue(d.format().startsWith(FILE + ":[" + m.line() + "," + m.column() + "] "), d.format());
    }

    /** The tape's error at a local it cannot keep says which types it keeps, once: its uses do not repeat it. */
    @Test
    void aLocalTheTapeCannotKeepIsOneErrorNotOnePerUse() {
        assertOnePositionedError("exception in a local on the tape", method("@Differentiable(strategy = Strategy.TAPE)", """
                RuntimeException @@e = new IllegalStateException("negative");
                if (x < 0) {
                    throw e;
                }
                return x * x + (e == null ? 1 : 0);
                """), "local 'e' of type RuntimeException: supported local types are double, float");
    }

    /**
     * {@code throw bad(x)} of a private helper: neither strategy can copy the call into the adjoint class (it
     * would not compile; the tape used to write it anyway), so one error at the call says to open it up.
     */
    @Test
    void aThrownExceptionFromAPrivateHelperIsOneErrorAtTheCall() {
        assertOnePositionedError("private helper making the exception", String.join("\n",
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
                ""), "call to private method 'bad' is not supported here: the generated adjoint class, beside the method's,"
                + " cannot call a private method; make 'bad' package-private");
    }

    @Test
    void theBodyTemplateItselfIsAccepted() {
        Translation t = AdjointGenerator.translate(Map.of(FILE, method("return x * w[n];")));
        assertEquals(List.of(), t.diagnostics());
        assertEquals(List.of("p.ModelAdjoint"), List.copyOf(t.generated().keySet()));
    }

    /** Declarations at the edge of what is accepted: no diagnostic, and an adjoint that compiles and is right. */
    static Stream<Arguments> acceptedDeclarations() {
        return Stream.of(
                Arguments.of("fully qualified annotation without import", "p.Model", """
                        package p;

                        class Model {
                            @dev.adjoint.Differentiable
                            static double f(double x) {
                                return x * x;
                            }
                        }
                        """),
                Arguments.of("wildcard import", "p.Model", """
                        package p;

                        import dev.adjoint.*;

                        class Model {
                            @Differentiable(wrt = "x")
                            static double f(double x) {
                                return x * x;
                            }
                        }
                        """),
                Arguments.of("default package", "Model", """
                        import dev.adjoint.Differentiable;

                        public class Model {
                            @Differentiable
                            public static double f(double x) {
                                return x * x;
                            }
                        }
                        """),
                Arguments.of("record and generic owners", "p.Model", """
                        package p;

                        import dev.adjoint.Differentiable;

                        class Model<T> {
                            static final double K = 2;

                            record Point(double x) {
                                static final double K = 3;

                                @Differentiable
                                static double f(double x) {
                                    return K * x * x;
                                }
                            }

                            @Differentiable
                            static double g(double x) {
                                return K * x * x;
                            }
                        }
                        """),
                Arguments.of("final and annotated parameters and locals", "p.Model", """
                        package p;

                        import dev.adjoint.Differentiable;

                        class Model {
                            @Differentiable
                            static double f(final double x, @SuppressWarnings("unused") int n) {
                                final double y = x * n;
                                @SuppressWarnings("unused") double unused = 1;
                                return y * x;
                            }
                        }
                        """),
                Arguments.of("a wrt name given twice", "p.Model", """
                        package p;

                        import dev.adjoint.Differentiable;

                        class Model {
                            @Differentiable(wrt = {"x", "x"})
                            static double f(double x, double y) {
                                return x * y;
                            }
                        }
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedDeclarations")
    void acceptedWithoutDiagnostics(String name, String owner, String source) {
        Translation t = AdjointGenerator.translate(Map.of(Path.of(owner.substring(owner.lastIndexOf('.') + 1) + ".java"), source));
        assertEquals(List.of(), t.diagnostics(), name);
        var d = dev.adjoint.generator.testing.Differentiated.of(owner, source, dev.adjoint.generator.analyze.Options.DEFAULT);
        for (String m : d.methodNames()) {
            Object[] args = d.request(m).params().stream()
                    .map(p -> p.type().prim() == dev.adjoint.generator.types.Ty.Prim.INT ? (Object) 3 : (Object) 0.7).toArray();
            d.assertGradient(m, d, m, 1e-6, 1e-9, args);
        }
    }

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
        assertEquals(List.of(FILE + ":[9,9]", FILE + ":[22,5]"),
                t.diagnostics().stream().map(d -> d.file() + ":[" + d.line() + "," + d.column() + "]").toList());
        assertEquals(List.of(m.line(0) + ":" + m.column(0), m.line(1) + ":" + m.column(1)),
                t.diagnostics().stream().map(d -> d.line() + ":" + d.column()).toList());
        assertTrue(t.generated().isEmpty(), "the well-formed method must not be generated either: no partial output");
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
        assertEquals(List.of(bad1 + ":[6,5]", bad2 + ":[8,16]"),
                t.diagnostics().stream().map(d -> d.file() + ":[" + d.line() + "," + d.column() + "]").toList());
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
        assertTrue(t.diagnostics().get(0).message().contains("is also defined in"), t.diagnostics().toString());
        assertTrue(t.generated().isEmpty());
    }

    @Test
    void diagnosticsNeverThrowOnBrokenInput() {
        for (String src : List.of("", "class", "package p; class Model { @dev.adjoint.Differentiable static double f(double x) { return",
                "\u0000\u0001", "package p; class Model { @dev.adjoint.Differentiable static double f(double x) { return x; } }}")) {
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
        Translation t = AdjointGenerator.translate(Map.of(FILE, Marked.of(SYNTAX_ERROR).source()));
        assertEquals(1, t.diagnostics().size());
        assertTrue(t.diagnostics().get(0).message().length() < 200, t.diagnostics().get(0).message());
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

    private static String numbered(String text) {
        StringBuilder sb = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            sb.append(String.format("%3d  %s%n", i + 1, lines[i]));
        }
        return sb.toString();
    }

    /** A source with its {@code @@} markers removed, and where they were. */
    record Marked(String source, List<int[]> positions) {
        static Marked of(String marked) {
            StringBuilder out = new StringBuilder();
            List<int[]> positions = new java.util.ArrayList<>();
            int line = 1;
            int col = 1;
            for (int i = 0; i < marked.length(); i++) {
                if (marked.startsWith(MARK, i)) {
                    positions.add(new int[] {line, col});
                    i += MARK.length() - 1;
                    continue;
                }
                char c = marked.charAt(i);
                out.append(c);
                if (c == '\n') {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
            }
            if (positions.isEmpty()) {
                throw new IllegalArgumentException("no " + MARK + " marker in\n" + marked);
            }
            return new Marked(out.toString(), positions);
        }

        int line() {
            return line(0);
        }

        int column() {
            return column(0);
        }

        int line(int i) {
            return positions.get(i)[0];
        }

        int column(int i) {
            return positions.get(i)[1];
        }
    }
}
