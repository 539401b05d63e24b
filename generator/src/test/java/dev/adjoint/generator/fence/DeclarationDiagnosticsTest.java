package dev.adjoint.generator.fence;

import static dev.adjoint.generator.fence.FenceHarness.file;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.generator.AdjointGenerator;
import dev.adjoint.generator.Translation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Declarations: those rejected (each one positioned error and no output; they run in
 * {@link FenceDiagnosticsTest#rejectedWithOnePositionedError} with the rejected statements) and those
 * at the edge of what is accepted (no diagnostic, and an adjoint that compiles, with its gradient
 * against central differences).
 */
class DeclarationDiagnosticsTest {

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
                file(
                        "void result",
                        "returns void: the result must be double, float, double[] or float[] to be differentiated; a"
                                + " method that writes its outputs into arrays it is given has no gradient of its own",
                        """
                        package p;

                        import dev.adjoint.Differentiable;

                        class Model {
                            @Differentiable
                            static @@void f(double x) {
                            }
                        }
                        """),
                file(
                        "matrix result",
                        "returns double[][]: the result must be double, float, double[] or float[] to be"
                                + " differentiated; return the matrix flattened into a double[] (element [i][j] at"
                                + " i * columns + j)",
                        """
                        package p;

                        import dev.adjoint.Differentiable;

                        class Model {
                            @Differentiable
                            static @@double[][] f(double[] u) {
                                return new double[][] {u};
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
                file("long[][] parameter", "parameter 'a' has type long[][]", """
                        package p;

                        import dev.adjoint.Differentiable;

                        class Model {
                            @Differentiable
                            static double f(double x, @@long[][] a) {
                                return x;
                            }
                        }
                        """),
                file("Set<Double> parameter", "parameter 'xs' has type Set<Double>", """
                        package p;

                        import dev.adjoint.Differentiable;
                        import java.util.Set;

                        class Model {
                            @Differentiable
                            static double f(double x, @@Set<Double> xs) {
                                return x;
                            }
                        }
                        """),
                file("varargs parameter of an overloaded method", "parameter 'xs' has type double...", """
                        package p;

                        import dev.adjoint.Differentiable;

                        class Model {
                            @Differentiable
                            static double f(@@double... xs) {
                                return 1;
                            }

                            static double f(double x) {
                                return x;
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
        Translation t = AdjointGenerator.translate(
                Map.of(Path.of(owner.substring(owner.lastIndexOf('.') + 1) + ".java"), source));
        assertEquals(List.of(), t.diagnostics(), name);
        var d = dev.adjoint.generator.testing.Differentiated.of(
                owner, source, dev.adjoint.generator.analyze.Options.DEFAULT);
        for (String m : d.methodNames()) {
            Object[] args = d.request(m).params().stream()
                    .map(p -> p.type().prim() == dev.adjoint.generator.types.Ty.Prim.INT ? (Object) 3 : (Object) 0.7)
                    .toArray();
            d.assertGradient(m, d, m, 1e-6, 1e-9, args);
        }
    }
}
