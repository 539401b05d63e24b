package dev.adjoint.generator.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.AdjointGenerator;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.testing.InMemoryCompiler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generated gradient tests (issue 20): compiled with the class and its adjoint, they pass on
 * correct adjoints, fail on a deliberately wrong custom derivative naming the parameter and
 * index, check the user's {@code @GradientCheck} points, and are the same text on every run.
 */
class GradientChecksTest {
    private static final String MODEL = """
            package p;

            import dev.adjoint.CustomDerivative;
            import dev.adjoint.Differentiable;
            import dev.adjoint.DoubleGrad;
            import dev.adjoint.GradientCheck;

            public class Model {
                @Differentiable(wrt = "w")
                static double loss(double[] w, double[] x, int n) {
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += Math.tanh(w[i] * x[i]);
                    }
                    return s * s;
                }

                @Differentiable
                static float energy(float[][] q, float k) {
                    float e = 0;
                    for (float[] row : q) {
                        e += k * row[0] * row[1];
                    }
                    return e;
                }

                @Differentiable
                @GradientCheck(at = {"new double[] {0.5, 2.0}, 1.5"}, points = 2, low = 0.5, high = 2, size = 2)
                static double[] scaled(double[] v, double t) {
                    double[] out = new double[2];
                    out[0] = Math.log(v[0]) * t;
                    out[1] = v[1] * t * t;
                    return out;
                }

                static double softplus(double z) {
                    return Math.log1p(Math.exp(z));
                }

                /** Deliberately wrong: the derivative of softplus is the logistic function, not twice it. */
                @CustomDerivative(of = "softplus")
                static double softplusPullback(double z, double seed, DoubleGrad dz) {
                    dz.add(2 * seed / (1 + Math.exp(-z)));
                    return softplus(z);
                }

                @Differentiable
                static double smooth(double a, double[] b) {
                    return softplus(a) + b[1] * a;
                }
            }
            """;

    @Test
    void theGeneratedTestsPassOnRightAdjointsAndNameTheWrongOne() throws Exception {
        Translation checks = AdjointGenerator.gradientChecks(Map.of(Path.of("Model.java"), MODEL));
        assertFalse(checks.hasErrors(), checks.diagnostics().toString());
        String test = checks.generated().get("p.ModelGradientTest");
        assertTrue(
                test.contains(
                        "AdjointCheck check = AdjointCheck.of(Model.class, \"loss\", double[].class, double[].class, int.class)"
                                + ".wrt(0).named(\"w\", \"x\", \"n\").againstTape(ModelTapeTwin.class);"),
                test);
        // array results and 2-D arrays are compared with the tape too
        assertTrue(
                test.contains(".named(\"v\", \"t\").againstTape(ModelTapeTwin.class);")
                        && test.contains(".named(\"q\", \"k\").againstTape(ModelTapeTwin.class);"),
                test);
        assertTrue(
                checks.generated().containsKey("p.ModelTapeTwin")
                        && checks.generated().containsKey("p.ModelTapeTwinAdjoint"),
                checks.generated().keySet().toString());
        assertTrue(test.contains("check.assertAt(new double[] {0.5, 2.0}, 1.5);"), "the given point: " + test);

        Translation adjoints = AdjointGenerator.translate(Map.of(Path.of("Model.java"), MODEL));
        assertFalse(adjoints.hasErrors(), adjoints.diagnostics().toString());
        Map<String, String> all = new HashMap<>(adjoints.generated());
        all.put("p.Model", MODEL);
        all.putAll(checks.generated());
        Class<?> tests = InMemoryCompiler.compile(all).loadClass("p.ModelGradientTest");
        Object instance = construct(tests);
        for (String right : new String[] {"loss", "energy", "scaled"}) {
            run(tests.getDeclaredMethod(right), instance); // throws if the check fails
        }
        InvocationTargetException wrong =
                assertThrows(InvocationTargetException.class, () -> run(tests.getDeclaredMethod("smooth"), instance));
        AssertionError e = assertInstanceOf(AssertionError.class, wrong.getCause());
        assertTrue(
                e.getMessage().startsWith("gradient check of p.Model#smooth FAILED: worst component a of 4"),
                e.getMessage());
    }

    @Test
    void aTapeGradientThatDisagreesFailsTheGeneratedTest() throws Exception {
        Translation checks = AdjointGenerator.gradientChecks(Map.of(Path.of("Model.java"), MODEL));
        Map<String, String> all = new HashMap<>(
                AdjointGenerator.translate(Map.of(Path.of("Model.java"), MODEL)).generated());
        all.put("p.Model", MODEL);
        all.putAll(checks.generated());
        // the twin's tape adjoint made wrong on purpose: its seed doubled
        String twin = all.get("p.ModelTapeTwinAdjoint");
        assertTrue(twin.contains("_tape.seed(_tape.result(), seed)"), twin);
        all.put(
                "p.ModelTapeTwinAdjoint",
                twin.replace("_tape.seed(_tape.result(), seed)", "_tape.seed(_tape.result(), 2 * seed)"));
        Class<?> tests = InMemoryCompiler.compile(all).loadClass("p.ModelGradientTest");
        InvocationTargetException e = assertThrows(
                InvocationTargetException.class, () -> run(tests.getDeclaredMethod("loss"), construct(tests)));
        assertTrue(
                e.getCause().getMessage().contains("FAILED: the static and tape strategies disagree at w[0]"),
                e.getCause().getMessage());
    }

    @Test
    void anEnumParameterIsDrawnFromItsConstants() throws Exception {
        String model = """
                package p;

                import dev.adjoint.Differentiable;

                public class Keyed {
                    public enum Op { ADD, MUL, SQUARE }

                    @Differentiable
                    static double apply(double x, double y, Op op) {
                        return switch (op) {
                            case ADD -> x + y;
                            case MUL -> x * y;
                            case SQUARE -> x * x + y;
                        };
                    }
                }
                """;
        Translation checks = AdjointGenerator.gradientChecks(Map.of(Path.of("Keyed.java"), model));
        assertFalse(checks.hasErrors(), checks.diagnostics().toString());
        String test = checks.generated().get("p.KeyedGradientTest");
        assertTrue(test.contains("p.Keyed.Op.values()[") || test.contains("Op.values()["), test);
        Translation adjoints = AdjointGenerator.translate(Map.of(Path.of("Keyed.java"), model));
        assertFalse(adjoints.hasErrors(), adjoints.diagnostics().toString());
        Map<String, String> all = new HashMap<>(adjoints.generated());
        assertTrue(all.containsKey("p.KeyedAdjoint"), all.keySet().toString());
        all.put("p.Keyed", model);
        all.putAll(checks.generated());
        Class<?> tests = InMemoryCompiler.compile(all).loadClass("p.KeyedGradientTest");
        run(tests.getDeclaredMethod("apply"), construct(tests)); // (a null Op threw in the switch)
    }

    @Test
    void aTwinOfAClassWithNestedRecordsCompiles() throws Exception {
        // round readme23: a class declaring the records its methods take (Params, Layer) as nested types; its tape
        // twin's adjoint names ModelTapeTwin_ParamsGrad and ModelTapeTwin_LayerGrad, which were not written, so the
        // generated test sources did not compile and the user's build failed
        String model = """
                package p;

                import dev.adjoint.Differentiable;

                public class Nested {
                    public record Params(double k, double c) {}

                    public record Layer(double[] w, double b) {}

                    @Differentiable(wrt = {"x0", "p"})
                    public static double energy(double x0, Params p, int steps) {
                        double x = x0;
                        for (int i = 0; i < steps; i++) {
                            x = x - 0.1 * (p.k() * x + p.c() * x * x);
                        }
                        return x * x;
                    }

                    @Differentiable(wrt = "layers")
                    public static double net(Layer[] layers, double[] x) {
                        double s = 0;
                        for (int l = 0; l < layers.length; l++) {
                            s += Math.tanh(layers[l].w()[0] * x[0] + layers[l].b());
                        }
                        return s;
                    }

                    @Differentiable
                    public static double plain(double[] v, double t) {
                        return Math.sin(v[0] * t) + v[1] * v[2] * t;
                    }
                }
                """;
        Translation checks = AdjointGenerator.gradientChecks(Map.of(Path.of("Nested.java"), model));
        assertFalse(checks.hasErrors(), checks.diagnostics().toString());
        assertTrue(
                checks.generated().containsKey("p.NestedTapeTwin_ParamsGrad")
                        && checks.generated().containsKey("p.NestedTapeTwin_LayerGrad"),
                checks.generated().keySet().toString());
        // the methods taking records get no test of their own (the tests draw numbers and arrays): a note says so at
        // each, where before they were left out without a word
        List<String> notes = checks.diagnostics().stream()
                .filter(d -> d.severity() == Diagnostic.Severity.NOTE)
                .map(Diagnostic::format)
                .toList();
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(
                notes.get(0)
                                .startsWith(
                                        "Nested.java:[11,26] 'energy' gets no generated gradient test: it takes records")
                        && notes.get(1).startsWith("Nested.java:[20,26] 'net' gets no generated gradient test"),
                notes.toString());
        Translation adjoints = AdjointGenerator.translate(Map.of(Path.of("Nested.java"), model));
        assertFalse(adjoints.hasErrors(), adjoints.diagnostics().toString());
        Map<String, String> all = new HashMap<>(adjoints.generated());
        all.put("p.Nested", model);
        all.putAll(checks.generated());
        Class<?> tests = InMemoryCompiler.compile(all).loadClass("p.NestedGradientTest");
        run(tests.getDeclaredMethod("plain"), construct(tests)); // central differences, and the tape twin's gradient
    }

    @Test
    void sameTextEveryRun() {
        Map<Path, String> src = Map.of(Path.of("Model.java"), MODEL);
        assertEquals(
                AdjointGenerator.gradientChecks(src).generated(),
                AdjointGenerator.gradientChecks(src).generated());
    }

    @Test
    void aPointThatIsNotJavaIsAnErrorAtTheAnnotation() {
        String bad = MODEL.replace("\"new double[] {0.5, 2.0}, 1.5\"", "\"new double[] {0.5, 2.0, 1.5\"");
        Translation t = AdjointGenerator.gradientChecks(Map.of(Path.of("Model.java"), bad));
        Diagnostic d = t.diagnostics().get(0);
        assertTrue(d.isError() && d.line() == 28 && d.message().contains("is not a Java argument list"), d.toString());
        assertTrue(t.generated().isEmpty());
    }

    private static Object construct(Class<?> c) throws ReflectiveOperationException {
        var k = c.getDeclaredConstructor();
        k.setAccessible(true);
        return k.newInstance();
    }

    private static void run(Method m, Object instance) throws ReflectiveOperationException {
        m.setAccessible(true);
        m.invoke(instance);
    }
}
