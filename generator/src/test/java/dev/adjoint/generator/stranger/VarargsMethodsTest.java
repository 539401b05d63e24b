package dev.adjoint.generator.stranger;

import static dev.adjoint.generator.stranger.ObjectStylesHarness.check;
import static dev.adjoint.generator.stranger.ObjectStylesHarness.gradientOf;
import static dev.adjoint.generator.stranger.StrangerHarness.build;
import static dev.adjoint.generator.stranger.StrangerHarness.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.DoubleGrad;
import dev.adjoint.generator.Diagnostic;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A {@code @Differentiable} method of a variable-arity parameter ({@code rosenbrock(double... x)}),
 * the way a Java programmer writes a function of "any number of" inputs: differentiated as the method
 * of a {@code double[]} it is to the JVM (its adjoints take arrays), and its calls from other
 * differentiated methods pass the array javac would make. Built with AUTO (required static) and on the
 * tape, each checked against central differences and static against tape; the tangent against the
 * gradient (dot-product test). Before, the parameter was an error at its declaration.
 */
class VarargsMethodsTest {

    static final String MODEL = """
            package stranger;

            import dev.adjoint.Differentiable;

            public class Many {
                /** The extended Rosenbrock function of any number of variables. */
                @Differentiable
                public static double rosenbrock(double... x) {
                    double f = 0;
                    for (int i = 0; i + 1 < x.length; i++) {
                        double a = x[i + 1] - x[i] * x[i];
                        double b = 1 - x[i];
                        f += 100 * a * a + b * b;
                    }
                    return f;
                }

                /** A weighted log-sum-exp: a fixed parameter before the variable-arity one. */
                @Differentiable
                public static double softMax(double temperature, double... z) {
                    double m = Double.NEGATIVE_INFINITY;
                    for (double v : z) {
                        m = Math.max(m, v);
                    }
                    double s = 0;
                    for (double v : z) {
                        s += Math.exp((v - m) / temperature);
                    }
                    return m + temperature * Math.log(s);
                }

                /** Calls of both, elements spread (javac makes the array) and an array passed whole. */
                @Differentiable
                public static double caller(double x, double y) {
                    double[] pair = {x, y};
                    if (x > 10) return softMax(2.0, y, x);
                    double s = rosenbrock(pair) + softMax(0.5, x, 2 * y, x * y) + softMax(1.0, pair);
                    for (int i = 0; i < 2; i++) s += rosenbrock(x, pair[i], Math.sin(y));
                    return s;
                }
            }
            """;

    private static final Map<String, String> SOURCES = Map.of("Many", MODEL);

    @Test
    void aVariableArityMethodIsDifferentiatedAsOneOfAnArray() throws Exception {
        check(SOURCES, "Many", "rosenbrock", b -> new Object[] {new double[] {-1.2, 1, -1.2, 1, 0.3}});
        check(SOURCES, "Many", "softMax", b -> new Object[] {0.7, new double[] {0.3, -1.1, 2.0}});
    }

    @Test
    void itsCallsPassTheArrayJavacWouldMake() throws Exception {
        check(SOURCES, "Many", "caller", b -> new Object[] {0.4, -0.9});
        check(SOURCES, "Many", "caller", b -> new Object[] {11.0, -0.9});
    }

    @Test
    void theTangentAgreesWithTheGradient() throws Exception {
        StrangerHarness.Built b = build(SOURCES);
        double[] x = {-1.2, 1, -1.2, 1, 0.3};
        double[] u = {0.7, -0.1, 0.4, 0.9, -0.6};
        double[] gradient = gradientOf(b, "Many", "rosenbrock", new Object[] {x});
        Method jvp = b.type("ManyAdjoint").getMethod("rosenbrockJvp", double[].class, double[].class, DoubleGrad.class);
        DoubleGrad out = new DoubleGrad();
        jvp.invoke(null, x, u, out);
        double expected = 0;
        for (int i = 0; i < u.length; i++) {
            expected += gradient[i] * u[i];
        }
        assertEquals(expected, out.get(), 1e-12 * Math.max(1, Math.abs(expected)));
    }

    /**
     * A variable-arity method handing its own parameter on whole to a variable-arity helper (autograd's and
     * ForwardDiff's {@code f(x...)} written in Java): the parameter is the array, so javac passes it as it is. Before,
     * a helper declared above the method took it for one element and wrapped it ({@code norm(new double[] {x})}), a
     * build error "cannot convert double[] to double"; a helper declared below was read after the method's parameter
     * had become a {@code double[]}, and worked.
     */
    @Test
    void aVariableArityParameterPassedWholeToAVariableArityHelperIsTheArray() throws Exception {
        Map<String, String> sources = Map.of("Norms", """
                package stranger;

                import dev.adjoint.Differentiable;

                public class Norms {
                    static double norm(double... v) {
                        double s = 0;
                        for (double e : v) {
                            s += e * e;
                        }
                        return Math.sqrt(s);
                    }

                    @Differentiable
                    public static double scaled(double k, double... x) {
                        return k * norm(x) + norm(x[0], k) * last(x);
                    }

                    static double last(double... v) {
                        return v[v.length - 1];
                    }
                }
                """);
        check(sources, "Norms", "scaled", b -> new Object[] {0.7, new double[] {0.3, -1.2, 2.0}});
    }

    /**
     * A spread call of a {@code @Differentiable} variable-arity method whose array cannot be declared before its
     * statement (an element reads an array and the statement calls another method, which might write it): the error, of
     * each strategy, is at the call and says to declare the array first, as the README promises. Before, it said
     * "array creation is not supported ... rewrite it with loops, if/else and the supported expressions".
     */
    @Test
    void aSpreadCallLeftInItsStatementSaysToDeclareTheArray() {
        String source = """
                package stranger;

                import dev.adjoint.Differentiable;

                public class Spread {
                    @Differentiable
                    public static double inner(double... x) {
                        return x[0] * x[x.length - 1];
                    }

                    static double twice(double v) {
                        return 2 * v;
                    }

                    @Differentiable
                    public static double outer(double k, double[] x) {
                        return inner(k, x[0]) + twice(x[1]);
                    }
                }
                """;
        for (String s : List.of(source, StrangerHarness.onTape(source))) {
            List<Diagnostic> e = errors(Map.of("Spread", s));
            assertTrue(!e.isEmpty(), e.toString());
            for (Diagnostic d : e) {
                assertEquals(17, d.line(), e.toString());
                assertEquals(16, d.column(), e.toString());
                assertTrue(d.message().contains("declare it as a local array in a statement of its own"), d.message());
            }
        }
    }

    @Test
    void anOverloadedVariableArityMethodStaysAnErrorAtItsParameter() {
        List<Diagnostic> e = errors(Map.of("Many", """
                package stranger;

                import dev.adjoint.Differentiable;

                public class Many {
                    @Differentiable
                    public static double f(double... xs) {
                        return xs[0];
                    }

                    public static double f(double x) {
                        return x;
                    }
                }
                """));
        assertEquals(1, e.size(), e.toString());
        assertTrue(e.get(0).message().contains("parameter 'xs' has type double..."), e.toString());
        assertEquals(7, e.get(0).line(), e.toString());
    }
}
