package dev.adjoint.generator.stranger;

import static dev.adjoint.generator.stranger.ObjectStylesHarness.check;
import static dev.adjoint.generator.stranger.ObjectStylesHarness.make;
import static dev.adjoint.generator.stranger.StrangerHarness.build;
import static dev.adjoint.generator.stranger.StrangerHarness.errors;
import static dev.adjoint.generator.stranger.StrangerHarness.translate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's API section run as a stranger would (round readme23): its snippets completed into
 * runnable classes (both strategies against central differences and each other), and what a
 * stranger meets next: a note that must say why a method has no {@code Hvp}, an error that must
 * say why a strategy the user asked for refuses a method.
 */
class ReadmeSnippetsTest {

    /** The README's instance-method snippet as written, {@code predict}'s body and a constructor filled in. */
    static final String MODEL = """
            package stranger;

            import dev.adjoint.Differentiable;

            public class Model {
                private double[] w = new double[3];
                private double b;

                Model(double[] w, double b) {
                    this.w = w;
                    this.b = b;
                }

                double predict(double[] x) {
                    double s = b;
                    for (int i = 0; i < w.length; i++) {
                        s += w[i] * x[i];
                    }
                    return Math.tanh(s);
                }

                @Differentiable(wrt = "this")
                public double loss(double[] x, double y) {
                    double p = predict(x);
                    return (p - y) * (p - y);
                }
            }
            """;

    @Test
    void theInstanceMethodSnippet() throws Exception {
        check(Map.of("Model", MODEL), "Model", "loss", b ->
                new Object[] {make(b, "Model", new double[] {0.2, -0.1, 0.4}, 0.05), new double[] {1, 2, -0.5}, 0.3});
    }

    /** The README's plain-class parameter snippet: {@code State} with a {@code Params} record, {@code EnergyAdjoint.energyGrad}. */
    static final String PARAMS = """
            package stranger;

            public record Params(double k, double c) {}
            """;

    static final String STATE = """
            package stranger;

            public final class State {
                double x;
                double v;
                final double[] w;
                final Params p;
                int n;
                String tag;

                State(double x, double v, double[] w, Params p, int n) {
                    this.x = x;
                    this.v = v;
                    this.w = w;
                    this.p = p;
                    this.n = n;
                    this.tag = "not read";
                }
            }
            """;

    static final String ENERGY = """
            package stranger;

            import dev.adjoint.Differentiable;

            public class Energy {
                @Differentiable(wrt = {"s", "u"})
                public static double energy(State s, double u) { // (public: the harness finds energyGrad so)
                    double e = s.x * s.v * u;
                    for (int i = 0; i < s.w.length; i++) {
                        e += s.w[i] * s.p.k() * s.n;
                    }
                    return e + Math.sin(s.p.c() * u);
                }
            }
            """;

    @Test
    void thePlainClassParameterSnippet() throws Exception {
        check(
                Map.of("Params", PARAMS, "State", STATE, "Energy", ENERGY), "Energy", "energy", b -> new Object[] {
                    make(b, "State", 0.3, -0.4, new double[] {1, 2, 3}, make(b, "Params", 1.5, 0.7), 2), 0.9
                });
    }

    /** Two instance methods of one class: {@code clean} assigns nothing, {@code other} assigns field {@code b}. */
    static final String TWO = """
            package stranger;

            import dev.adjoint.Differentiable;

            public class Two {
                double[] w = {0.2, -0.4, 0.6};
                double b = 0.1;

                private double dot(double[] x) {
                    double t = 0;
                    for (int i = 0; i < w.length; i++) {
                        t += w[i] * x[i];
                    }
                    return t;
                }

                @Differentiable(wrt = "this")
                public double clean(double[] x) {
                    return Math.sin(dot(x)) * b;
                }

                @Differentiable(wrt = "this")
                public double other(double[] x) {
                    b += 1;
                    return b * b * x[0] + Math.cos(dot(x) * b);
                }
            }
            """;

    @Test
    void aMethodAssigningAFieldAndItsNeighbourGetTheirHvp() throws Exception {
        // the README: an instance method that assigns its object's fields gets an Hvp like any other (the assigned
        // field travels in boxes its public methods fill and put back); so does the class's other method, which the
        // assigned field reaches the same way. No note says otherwise.
        Translation t = translate(Map.of("Two", TWO));
        assertTrue(!t.hasErrors(), t.diagnostics().toString());
        assertTrue(
                t.diagnostics().stream().noneMatch(d -> d.message().contains("Hvp")),
                t.diagnostics().toString());
        StrangerHarness.Built b = build(Map.of("Two", TWO));
        checkHvp(b, "clean", 0.1);
        checkHvp(b, "other", 0.1);
        // one Hvp call leaves the object as one call of the method does: b advanced once
        Object model = make(b, "Two");
        Class<?> grad = b.type("TwoGrad");
        Method like = grad.getMethod("like", b.type("Two"));
        b.type("TwoAdjoint")
                .getMethod("otherHvp", b.type("Two"), double[].class, grad, grad, grad)
                .invoke(
                        null,
                        model,
                        new double[] {1, 0.5, -0.3},
                        like.invoke(null, model),
                        like.invoke(null, model),
                        like.invoke(null, model));
        java.lang.reflect.Field bField = b.type("Two").getDeclaredField("b");
        bField.setAccessible(true);
        assertEquals(1.1, bField.getDouble(model), 1e-15, "b after one otherHvp");
    }

    @Test
    void withoutTheAssigningMethodTheOtherGetsItsHvp() throws Exception {
        // the same clean alone has an Hvp too, checked against central differences of its generated gradient
        String alone =
                TWO.substring(0, TWO.indexOf("    @Differentiable(wrt = \"this\")\n    public double other")) + "}\n";
        checkHvp(build(Map.of("Two", alone)), "clean", 0.1);
    }

    /**
     * {@code nameHvp} of {@code Two}'s method at a fresh object ({@code b} = {@code b0}) against central
     * differences, along the direction, of its generated gradient taken at fresh objects (the method may
     * assign {@code b}: the gradient is with respect to the values on entry).
     */
    private static void checkHvp(StrangerHarness.Built b, String method, double b0) throws Exception {
        Class<?> grad = b.type("TwoGrad");
        Class<?> adjoint = b.type("TwoAdjoint");
        Class<?> two = b.type("Two");
        Method gradOf = adjoint.getMethod(method + "Grad", two, double[].class, grad);
        Method hvpOf = adjoint.getMethod(method + "Hvp", two, double[].class, grad, grad, grad);
        Method like = grad.getMethod("like", two);
        double[] x = {1, 0.5, -0.3};
        Object model = make(b, "Two");
        Object v = like.invoke(null, model);
        grad.getField("w").set(v, new double[] {1, -0.5, 0.25});
        grad.getField("b").setDouble(v, -0.5);
        Object g = like.invoke(null, model);
        Object hv = like.invoke(null, model);
        hvpOf.invoke(null, model, x, v, g, hv);
        double h = 1e-5;
        double[] numeric = new double[4];
        java.lang.reflect.Field wField = two.getDeclaredField("w");
        java.lang.reflect.Field bField = two.getDeclaredField("b");
        wField.setAccessible(true);
        bField.setAccessible(true);
        for (int side : new int[] {1, -1}) {
            Object at = make(b, "Two");
            double[] w = (double[]) wField.get(at);
            double[] dir = {1, -0.5, 0.25};
            for (int i = 0; i < 3; i++) {
                w[i] += side * h * dir[i];
            }
            bField.setDouble(at, b0 - side * h * 0.5);
            Object gs = like.invoke(null, at);
            gradOf.invoke(null, at, x, gs);
            double[] flat = StrangerHarness.flatten(gs);
            for (int i = 0; i < 4; i++) {
                numeric[i] += side * flat[i] / (2 * h);
            }
        }
        Object g0 = like.invoke(null, make(b, "Two"));
        gradOf.invoke(null, make(b, "Two"), x, g0);
        StrangerHarness.assertAgree(
                StrangerHarness.flatten(g), StrangerHarness.flatten(g0), 1e-12, method + "Hvp's gradient");
        StrangerHarness.assertAgree(
                StrangerHarness.flatten(hv), numeric, 1e-6, method + "Hvp vs differences of " + method + "Grad");
        assertTrue(Arrays.stream(StrangerHarness.flatten(hv)).anyMatch(e -> e != 0), "a direction the Hessian sees");
    }

    @Test
    void strategyStaticSaysItIsWhatMakesARecursiveMethodAnError() {
        // the README: STATIC makes a rejection a build error; the error said "AUTO uses the tape strategy for it",
        // which reads as if the user had asked for AUTO
        String source = """
                package stranger;

                import dev.adjoint.Differentiable;
                import dev.adjoint.Strategy;

                public class Rec {
                    @Differentiable(strategy = Strategy.STATIC)
                    static double power(double x, int n) {
                        if (n == 0) {
                            return x;
                        }
                        return power(x * x, n - 1);
                    }
                }
                """;
        List<Diagnostic> errors = errors(Map.of("Rec", source));
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(12, errors.get(0).line(), errors.get(0).format());
        assertTrue(
                errors.get(0).message().contains("recursive call to 'power'")
                        && errors.get(0).message().contains("strategy = STATIC makes it an error")
                        && !errors.get(0).message().contains("AUTO uses the tape"),
                errors.get(0).format());
    }

    @Test
    void aRandomPerPathSaysWhyThereIsNoHvp() {
        // the README: a method creating a java.util.Random inside a loop has no Hvp, and says to create one before
        // the loop; the note said "in its tangent, 'null' is not supported ... give the variable an array"
        String source = """
                package stranger;

                import dev.adjoint.Differentiable;
                import java.util.Random;

                public class Paths {
                    @Differentiable
                    public static double price(double s0, long seed, int n) {
                        double acc = 0;
                        for (int k = 0; k < n; k++) {
                            Random rng = new Random(seed + k);
                            acc += Math.max(s0 * Math.exp(0.2 * rng.nextGaussian()) - 1, 0);
                        }
                        return acc / n;
                    }
                }
                """;
        Translation t = translate(Map.of("Paths", source));
        assertTrue(!t.hasErrors(), t.diagnostics().toString());
        List<Diagnostic> notes = t.diagnostics().stream()
                .filter(d -> d.severity() == Diagnostic.Severity.NOTE)
                .toList();
        assertEquals(1, notes.size(), notes.toString());
        assertEquals(8, notes.get(0).line(), notes.get(0).format());
        assertTrue(
                notes.get(0).message().contains("'price' gets no priceHvp")
                        && notes.get(0).message().contains("creates a java.util.Random inside a loop")
                        && notes.get(0).message().contains("line 11")
                        && notes.get(0).message().contains("create one Random before the loop")
                        && !notes.get(0).message().contains("'null'"),
                notes.get(0).format());
    }
}
