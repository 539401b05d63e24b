package dev.adjoint.generator.objects;

import static dev.adjoint.generator.objects.ObjectHarness.differentiates;
import static dev.adjoint.generator.objects.ObjectHarness.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Instance methods that read the object's fields and call its other methods: both strategies,
 * value, arguments and object as the method leaves them, gradient against central differences.
 */
class InstanceMethodsTest {
    private static final List<String> BOTH = List.of("STATIC", "TAPE");
    private static final int[] FIRST = {0};

    @Test
    void theDesignCardsExampleAsWritten() {
        differentiates("""
                private float[] w = {0.5f, -0.25f, 0.75f};
                float bias = 0.1f;

                @Differentiable(strategy = Strategy.$S) float loss(float[] x) {
                    float s = bias;
                    for (int i = 0; i < x.length; i++) {
                        s += w[i] * x[i];
                    }
                    return s * s;
                }
                """, "loss", FIRST, false, BOTH, 5e-2, new Object[] {new float[] {1f, 2f, -0.5f}});
    }

    @Test
    void fieldsOfEveryVisibilityScalarsAndArraysFinalOrNot() {
        differentiates(
                """
                private double[] w = {0.5, -0.25, 0.125};
                protected double b = 0.1;
                final double scale = 2.0;
                private int n = 3;

                @Differentiable(strategy = Strategy.$S)
                public double loss(double[] x, double t) {
                    double s = this.b;
                    for (int i = 0; i < n; i++) {
                        s += w[i] * x[i] * t;
                    }
                    return scale * Math.tanh(s);
                }

                """, "loss", new int[] {0, 1}, false, BOTH, 1e-6, new Object[] {new double[] {1.0, 2.0, -0.5}, 0.3});
        // a 2-D field, by both strategies (and the gradient with respect to it: wrtThis below)
        differentiates("""
                public final double[][] m = {{1.0, 2.0}, {-0.5, 0.25}};
                double b = 0.1;
                final double scale = 2.0;

                @Differentiable(strategy = Strategy.$S)
                public double twoD(double[] x, double t) {
                    double s = this.b + m[1][0] * t;
                    for (int i = 0; i < 2; i++) {
                        s += this.m[0][i] * x[i] * t;
                    }
                    return scale * Math.tanh(s);
                }
                """, "twoD", new int[] {0, 1}, false, BOTH, 1e-6, new Object[] {new double[] {1.0, 2.0}, 0.3});
    }

    @Test
    void callsOtherInstanceMethodsAndStaticOnes() {
        differentiates("""
                private double[] w = {0.5, -0.25};
                double b = 0.1;

                static double sigmoid(double z) {
                    return 1 / (1 + Math.exp(-z));
                }

                double predict(double[] x) {
                    return sigmoid(w[0] * x[0] + w[1] * x[1] + b);
                }

                private double square(double v) {
                    return v * v;
                }

                @Differentiable(strategy = Strategy.$S)
                double loss(double[] x, double y) {
                    double p = this.predict(x);
                    return (p - y) * (p - y) + 0.5 * predict(x);
                }
                """, "loss", new int[] {0, 1}, false, BOTH, 1e-6, new Object[] {new double[] {1.0, 2.0}, 0.3});
    }

    @Test
    void anObjectOfASubclassThatMayOverrideACalleeIsRefused() throws Exception {
        ObjectHarness h = ObjectHarness.of(source("""
                double b = 0.5;

                double predict(double x) {
                    return b * x;
                }

                final double square(double x) {
                    return x * x;
                }

                @Differentiable
                double loss(double x) {
                    return predict(x) * 2;
                }

                @Differentiable
                double safe(double x) {
                    return square(x) * b;
                }

                static class Sub extends Model {
                    @Override
                    double predict(double x) {
                        return 3 * x;
                    }
                }
                """, "AUTO"), java.util.Map.of());
        var subclass = h.loader().loadClass("obj.Model$Sub").getDeclaredConstructor();
        subclass.setAccessible(true);
        Object sub = subclass.newInstance();
        var loss = h.generated("lossGrad");
        var thrown = org.junit.jupiter.api.Assertions.assertThrows(
                java.lang.reflect.InvocationTargetException.class,
                () -> loss.invoke(null, sub, 1.0, new dev.adjoint.DoubleGrad()));
        assertTrue(
                thrown.getCause() instanceof IllegalArgumentException
                        && thrown.getCause().getMessage().contains("a subclass of Model"),
                String.valueOf(thrown.getCause()));
        // a final callee cannot be overridden: no check
        h.generated("safeGrad").invoke(null, sub, 1.0, new dev.adjoint.DoubleGrad());
        loss.invoke(null, h.fresh(), 1.0, new dev.adjoint.DoubleGrad());
    }

    @Test
    void aLocalVariableHidesAFieldAsInJava() {
        differentiates("""
                double b = 0.5;

                @Differentiable(strategy = Strategy.$S)
                double loss(double x) {
                    double y = b * x;
                    {
                        double b = 3.0;
                        y += b * x * x;
                    }
                    return y + this.b;
                }
                """, "loss", FIRST, false, BOTH, 1e-6, new Object[] {0.7});
    }

    @Test
    void writingAFieldsArrayInPlaceLeavesTheObjectAsTheMethodDoes() {
        differentiates("""
                double[] state = {1.0, 2.0};

                @Differentiable(strategy = Strategy.$S)
                double step(double x) {
                    state[0] = state[0] * x;
                    state[1] += state[0] * x;
                    return state[1];
                }
                """, "step", FIRST, false, BOTH, 1e-6, new Object[] {0.7});
    }

    @Test
    void thisAsAValueAndUnsupportedFieldsAreErrors() {
        List<Diagnostic> ds = ObjectHarness.errors(source("""
                String name = "m";
                double b = 0.5;

                static double f(Model m) {
                    return 1;
                }

                @Differentiable
                double loss(double x) {
                    return name.length() * x + f(this);
                }
                """, "AUTO"));
        assertTrue(ds.stream().anyMatch(d -> d.message().contains("reads field 'name' of type String")), ds.toString());
        assertTrue(ds.stream().anyMatch(d -> d.message().contains("uses 'this' as a value")), ds.toString());
    }

    @Test
    void withoutAFloatingParameterTheErrorSuggestsWrtThis() {
        List<Diagnostic> ds = ObjectHarness.errors(source("""
                double b = 0.5;

                @Differentiable
                double loss(int k) {
                    return b * k;
                }
                """, "AUTO"));
        assertTrue(ds.stream().anyMatch(d -> d.message().contains("add wrt = \"this\"")), ds.toString());
    }

    @Test
    void anErrorInOneMethodLeavesTheOthersErrorsReported() {
        List<Diagnostic> ds = ObjectHarness.errors(source("""
                String name = "m";
                double b = 0.5;

                @Differentiable
                double label(double x) {
                    return name.length() * x;
                }

                @Differentiable(wrt = "this")
                double guarded(double x) {
                    double s = b * x;
                    synchronized (Model.class) {
                        s = s * x;
                    }
                    return s;
                }

                @Differentiable(wrt = "this")
                double fine(double x) {
                    return b * x * x;
                }
                """, "AUTO"));
        // each method's own error, at its position, and nothing about the method without one
        assertEquals(2, ds.size(), ds.toString());
        assertTrue(
                ds.get(0).line() == 12 && ds.get(0).message().contains("reads field 'name' of type String"),
                ds.toString());
        assertTrue(
                ds.get(1).line() == 18 && ds.get(1).message().contains("'synchronized' is not supported"),
                ds.toString());
        // a call the lifting refuses drops only the method making it, and the methods calling that one
        List<Diagnostic> calls = ObjectHarness.errors(source("""
                double b = 0.5;

                String tag() {
                    return "m";
                }

                @Differentiable
                double label(double x) {
                    return tag().length() * x;
                }

                @Differentiable(wrt = "this")
                double guarded(double x) {
                    double s = b * x;
                    synchronized (Model.class) {
                        s = s * x;
                    }
                    return s;
                }
                """, "AUTO"));
        assertEquals(2, calls.size(), calls.toString());
        assertTrue(
                calls.get(0).line() == 15
                        && calls.get(0).message().contains("call to instance method 'tag', which returns String"),
                calls.toString());
        assertTrue(
                calls.get(1).line() == 21 && calls.get(1).message().contains("'synchronized' is not supported"),
                calls.toString());
    }

    // f passes a differentiated value to the parameter p that the instance callee's wrt leaves out: the static adjoint
    // calls the callee's internal variant _g$allVjp (every float/double parameter differentiated), as for static
    // callees; the tape followed it already. Was: "tape, because ..." under AUTO, an error under STATIC.
    @Test
    void anActiveArgumentToAParameterAnInstanceCalleesWrtLeavesOut() throws Exception {
        String body = """
                $T b = 0.4$f;

                @Differentiable(wrt = "x")
                $T g($T x, $T p) {
                    return x * p + b * p * p;
                }

                @Differentiable(wrt = "x")
                $T h($T x, $T p) {
                    return x * $cMath.sin(p) + b * p;
                }

                @Differentiable(strategy = Strategy.$S)
                $T f($T x, $T y) {
                    $T s = g(x, $cMath.sin(x) * y) + b * x;
                    return s + h(y, x * 0.5$f);
                }
                """;
        String doubles = body.replace("$T", "double").replace("$f", "").replace("$c", "");
        differentiates(
                doubles, "f", new int[] {0, 1}, false, BOTH, 1e-6, new Object[] {0.7, -0.3}, new Object[] {-1.1, 0.9});
        differentiates(
                body.replace("$T", "float").replace("$f", "f").replace("$c", "(float) "),
                "f",
                new int[] {0, 1},
                false,
                BOTH,
                5e-2,
                new Object[] {0.7f, -0.3f},
                new Object[] {-1.1f, 0.9f});
        ObjectHarness statics = ObjectHarness.of(source(doubles, "STATIC"), java.util.Map.of());
        ObjectHarness tape = ObjectHarness.of(source(doubles, "TAPE"), java.util.Map.of());
        assertTrue(
                ObjectHarness.of(source(doubles, "AUTO"), java.util.Map.of())
                        .translation
                        .methods()
                        .contains("obj.Model#f: static"),
                statics.translation.methods().toString());
        for (double[] at : new double[][] {{0.7, -0.3}, {-1.1, 0.9}}) {
            List<Double> a = vjp(statics, at);
            List<Double> t = vjp(tape, at);
            for (int i = 0; i < a.size(); i++) {
                double rho = Math.abs(a.get(i) - t.get(i)) / Math.max(1, Math.abs(a.get(i)) + Math.abs(t.get(i)));
                assertTrue(rho <= 1e-12, "static " + a + " vs tape " + t);
            }
        }
    }

    /** The gradient of {@code f(x, y)} by {@code fVjp}, on a fresh object. */
    private static List<Double> vjp(ObjectHarness h, double[] at) throws Exception {
        Object dx = ObjectHarness.zeroLike(at[0]);
        Object dy = ObjectHarness.zeroLike(at[1]);
        h.generated("fVjp").invoke(null, h.fresh(), at[0], at[1], 1.0, dx, dy);
        List<Double> out = new java.util.ArrayList<>();
        ObjectHarness.flatten(dx, out);
        ObjectHarness.flatten(dy, out);
        return out;
    }
}
