package dev.adjoint.generator.objects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.DoubleGrad;
import dev.adjoint.check.GradCheck;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.testing.WarmCalls;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A model that holds its layers, {@code Layer[] layers} and a record {@code Scale scale}, trained
 * with {@code wrt = "this"}: the gradient lands in {@code ModelGrad.layers} (a
 * {@code Model_LayerGrad[]}) and {@code ModelGrad.scale}; both strategies against central
 * differences of the method over every number the model holds, and against each other;
 * accumulation, {@code zero()}, {@code like()}, forward mode, a warm call's allocation, and the
 * errors at the uses that stay unsupported.
 */
class HeldObjectsTest {
    private static final List<String> BOTH = List.of("STATIC", "TAPE");

    /** The members shared by both forms: a scale record, the numbers, the methods ($E reads a component of an element). */
    private static final String MODEL = """
            record Scale(double s, double[] shift) {}

            private final Scale scale;
            private double bias;
            private final int depth;
            private final String name = "net";

            Model(Layer[] layers, Scale scale, double bias) {
                this.layers = layers;
                this.scale = scale;
                this.bias = bias;
                this.depth = layers.length;
            }

            @Differentiable(wrt = "this", strategy = Strategy.$S)
            public double loss(double[] x, double y) {
                double s = bias;
                for (int l = 0; l < depth; l++) {
                    for (int i = 0; i < layers[l].$W.length; i++) {
                        double z = layers[l].$B[i] + scale.shift()[i];
                        for (int j = 0; j < x.length; j++) {
                            z += this.layers[l].$W[i][j] * x[j];
                        }
                        s += Math.tanh(z);
                    }
                }
                for (Layer e : layers) {
                    s += e.$B[0] * e.$W[0][1];
                }
                Layer first = layers[0];
                s += first.$W[1][0] * first.$B[1] * this.layers.length;
                double d = scale.s() * s - y;
                return d * d;
            }

            @Differentiable(strategy = Strategy.$S)
            public double predict(double[] x) {
                double s = bias;
                for (Layer e : layers) {
                    for (int i = 0; i < e.$B.length; i++) {
                        double z = e.$B[i];
                        for (int j = 0; j < x.length; j++) {
                            z += e.$W[i][j] * x[j];
                        }
                        s += scale.s() * Math.tanh(z);
                    }
                }
                return s;
            }
            """;

    /** The record form: a private array of records. */
    static final String RECORDS = """
            record Layer(double[][] w, double[] b) {}

            private final Layer[] layers;
            """ + MODEL.replace("$W", "w()").replace("$B", "b()");

    /** The class form: a package-private array of objects whose fields are read directly. */
    static final String OBJECTS = """
            static final class Layer {
                double[][] w;
                double[] b;

                Layer(double[][] w, double[] b) {
                    this.w = w;
                    this.b = b;
                }
            }

            final Layer[] layers;
            """ + MODEL.replace("$W", "w").replace("$B", "b");

    private static final double[] X = {0.5, -1.0, 0.25};
    private static final double Y = 0.3;
    /** Layers of 2 and 3 rows over 3 inputs, the scale's s and 3 shifts, the bias. */
    private static final int SIZE = 2 * 3 + 2 + 3 * 3 + 3 + 1 + 3 + 1;

    /** The point: deterministic, all entries different. */
    private static double[] theta() {
        double[] t = new double[SIZE];
        for (int i = 0; i < SIZE; i++) {
            t[i] = 0.4 * Math.sin(1.0 + 1.7 * i);
        }
        return t;
    }

    /** A model whose numbers are {@code t}, in the order w0, b0, w1, b1, scale.s, scale.shift, bias. */
    private static Object build(ObjectHarness h, double[] t) {
        try {
            ClassLoader loader = h.loader();
            Class<?> layer = loader.loadClass("obj.Model$Layer");
            var newLayer = layer.getDeclaredConstructor(double[][].class, double[].class);
            newLayer.setAccessible(true);
            Object[] layers = (Object[]) Array.newInstance(layer, 2);
            int k = 0;
            int[] rows = {2, 3};
            for (int l = 0; l < 2; l++) {
                double[][] w = new double[rows[l]][3];
                for (double[] row : w) {
                    for (int j = 0; j < 3; j++) {
                        row[j] = t[k++];
                    }
                }
                double[] b = Arrays.copyOfRange(t, k, k + rows[l]);
                k += rows[l];
                layers[l] = newLayer.newInstance(w, b);
            }
            Class<?> scale = loader.loadClass("obj.Model$Scale");
            var newScale = scale.getDeclaredConstructor(double.class, double[].class);
            newScale.setAccessible(true);
            Object s = newScale.newInstance(t[k], Arrays.copyOfRange(t, k + 1, k + 4));
            var newModel = loader.loadClass("obj.Model").getDeclaredConstructor(layers.getClass(), scale, double.class);
            newModel.setAccessible(true);
            return newModel.newInstance(layers, s, t[k + 4]);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** The numbers of a {@code ModelGrad}, in the order of {@link #build}. */
    private static double[] flat(Object grad) throws ReflectiveOperationException {
        List<Double> out = new ArrayList<>();
        Class<?> g = grad.getClass();
        for (Object layer : (Object[]) g.getField("layers").get(grad)) {
            ObjectHarness.flatten(layer.getClass().getField("w").get(layer), out);
            ObjectHarness.flatten(layer.getClass().getField("b").get(layer), out);
        }
        Object scale = g.getField("scale").get(grad);
        out.add(scale.getClass().getField("s").getDouble(scale));
        ObjectHarness.flatten(scale.getClass().getField("shift").get(scale), out);
        out.add(g.getField("bias").getDouble(grad));
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Writes {@code xs} into a {@code ModelGrad}, in the order of {@link #flat}. */
    private static void set(Object grad, double[] xs) throws ReflectiveOperationException {
        int k = 0;
        Class<?> g = grad.getClass();
        for (Object layer : (Object[]) g.getField("layers").get(grad)) {
            for (String c : List.of("w", "b")) {
                Object a = layer.getClass().getField(c).get(layer);
                for (double[] row : a instanceof double[][] m ? m : new double[][] {(double[]) a}) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = xs[k++];
                    }
                }
            }
        }
        Object scale = g.getField("scale").get(grad);
        scale.getClass().getField("s").setDouble(scale, xs[k++]);
        double[] shift = (double[]) scale.getClass().getField("shift").get(scale);
        for (int j = 0; j < shift.length; j++) {
            shift[j] = xs[k++];
        }
        g.getField("bias").setDouble(grad, xs[k]);
    }

    @Test
    void hessianVectorProductAgainstCentralDifferencesOfTheGradient() throws Exception {
        hessianVectorProduct(RECORDS);
    }

    @Test
    void hessianVectorProductThroughInlinedCallees() throws Exception {
        hessianVectorProduct(CALLEES);
    }

    private static void hessianVectorProduct(String form) throws Exception {
        ObjectHarness h = ObjectHarness.of(ObjectHarness.source(form, "STATIC"), Map.of());
        double[] t0 = theta();
        Object model = build(h, t0);
        double[] dir = new double[SIZE];
        for (int i = 0; i < SIZE; i++) {
            dir[i] = Math.cos(1.0 + 0.7 * i);
        }
        Object v = h.gradOf(model);
        set(v, dir);
        Object d = h.gradOf(model);
        Object hv = h.gradOf(model);
        double value = (double) h.generated("lossHvp").invoke(null, model, X, Y, v, d, hv);
        assertEquals((double) h.original("loss", 2).invoke(model, X, Y), value, 0.0);
        Object g = h.gradOf(model);
        h.generated("lossGrad").invoke(null, model, X, Y, g);
        assertArrayEquals(flat(g), flat(d), 1e-12, "the gradient, as lossGrad's");
        double step = 1e-5;
        double[][] at = new double[2][];
        for (int s = 0; s < 2; s++) {
            double[] t = t0.clone();
            for (int i = 0; i < SIZE; i++) {
                t[i] += (s == 0 ? step : -step) * dir[i];
            }
            Object m = build(h, t);
            Object gs = h.gradOf(m);
            h.generated("lossGrad").invoke(null, m, X, Y, gs);
            at[s] = flat(gs);
        }
        double[] hvs = flat(hv);
        for (int i = 0; i < SIZE; i++) {
            double cd = (at[0][i] - at[1][i]) / (2 * step);
            assertEquals(cd, hvs[i], 1e-6 * Math.max(1, Math.abs(cd)), "H·v at " + i);
        }
        assertTrue(Arrays.stream(hvs).allMatch(x -> x != 0.0), "a Hessian to check");
    }

    /** The gradient of {@code loss} at {@link #theta} by {@code strategy}, checked against central differences, accumulation and zero(). */
    private static double[] check(String form, String strategy) throws Exception {
        ObjectHarness h = ObjectHarness.of(ObjectHarness.source(form, strategy), Map.of());
        double[] t0 = theta();
        Object model = build(h, t0);
        Method loss = h.original("loss", 2);
        Object grad = h.gradOf(model);
        double value = (double) h.generated("lossVjp").invoke(null, model, X, Y, 1.0, grad);
        assertEquals((double) loss.invoke(model, X, Y), value, 0.0, strategy + ": value");
        double[] g = flat(grad);
        assertEquals(SIZE, g.length, strategy + ": like() shapes the gradient as the model");
        GradCheck.Report report = GradCheck.check(
                t -> {
                    try {
                        return (double) loss.invoke(build(h, t), X, Y);
                    } catch (ReflectiveOperationException e) {
                        throw new AssertionError(e);
                    }
                },
                t0,
                g,
                1e-6,
                1e-8);
        assertTrue(report.passed(), strategy + ": " + report + "\n" + h.translation.generated());
        assertTrue(Arrays.stream(g).allMatch(v -> v != 0.0), strategy + ": every number has a gradient to check");
        // a second call adds; zero() clears every part, keeping the arrays
        h.generated("lossGrad").invoke(null, model, X, Y, grad);
        double[] twice = flat(grad);
        for (int i = 0; i < g.length; i++) {
            assertEquals(2 * g[i], twice[i], 1e-12 * Math.max(1, Math.abs(g[i])), strategy + ": accumulation at " + i);
        }
        assertTrue(
                grad.toString().startsWith("ModelGrad{bias=")
                        && grad.toString().contains("layers=[Model_LayerGrad{w=[["),
                grad.toString());
        grad.getClass().getMethod("zero").invoke(grad);
        assertTrue(Arrays.stream(flat(grad)).allMatch(v -> v == 0.0), strategy + ": zero()");
        return g;
    }

    private static void bothStrategies(String form) throws Exception {
        double[] reference = check(form, "STATIC");
        double[] tape = check(form, "TAPE");
        for (int i = 0; i < reference.length; i++) {
            assertEquals(
                    reference[i], tape[i], 1e-12 * Math.max(1, Math.abs(reference[i])), "static against tape at " + i);
        }
    }

    @Test
    void arrayOfRecordsAndARecordHeldPrivatelyBothStrategies() throws Exception {
        bothStrategies(RECORDS);
    }

    @Test
    void arrayOfObjectsHeldBothStrategies() throws Exception {
        bothStrategies(OBJECTS);
    }

    @Test
    void likeShapesEachPartAsTheModel() throws Exception {
        ObjectHarness h = ObjectHarness.of(ObjectHarness.source(RECORDS, "STATIC"), Map.of());
        Object grad = h.gradOf(build(h, theta()));
        Object[] layers = (Object[]) grad.getClass().getField("layers").get(grad);
        assertEquals(2, layers.length);
        assertEquals(3, ((double[][]) layers[1].getClass().getField("w").get(layers[1])).length);
        assertEquals(3, ((double[][]) layers[1].getClass().getField("w").get(layers[1]))[2].length);
        assertEquals(2, ((double[]) layers[0].getClass().getField("b").get(layers[0])).length);
        Object scale = grad.getClass().getField("scale").get(grad);
        assertEquals(3, ((double[]) scale.getClass().getField("shift").get(scale)).length);
        // the int and String fields are constants: no member
        assertTrue(
                Arrays.stream(grad.getClass().getFields())
                        .map(f -> f.getName())
                        .sorted()
                        .toList()
                        .equals(List.of("bias", "layers", "scale")),
                Arrays.toString(grad.getClass().getFields()));
    }

    @Test
    void withoutWrtTheHeldRecordsAreConstants() throws Exception {
        for (String strategy : BOTH) {
            ObjectHarness h = ObjectHarness.of(ObjectHarness.source(OBJECTS, strategy), Map.of());
            Object model = build(h, theta());
            Method predictGrad = h.generated("predictGrad");
            assertEquals(3, predictGrad.getParameterCount(), "predictGrad(self, x, dx): " + predictGrad);
            double[] dx = new double[3];
            Method predict = h.original("predict", 1);
            assertEquals((double) predict.invoke(model, X), (double) predictGrad.invoke(null, model, X, dx), 0.0);
            GradCheck.Report report = GradCheck.check(
                    x -> {
                        try {
                            return (double) predict.invoke(model, x);
                        } catch (ReflectiveOperationException e) {
                            throw new AssertionError(e);
                        }
                    },
                    X.clone(),
                    dx,
                    1e-6,
                    1e-8);
            assertTrue(report.passed(), strategy + ": " + report);
        }
    }

    @Test
    void forwardModeAlongAModelGradAgreesWithTheGradient() throws Exception {
        ObjectHarness h = ObjectHarness.of(ObjectHarness.source(RECORDS, "STATIC"), Map.of());
        Object model = build(h, theta());
        Object grad = h.gradOf(model);
        h.generated("lossGrad").invoke(null, model, X, Y, grad);
        double[] g = flat(grad);
        // the direction: a ModelGrad whose numbers are cos(1 + i)
        Object direction = h.gradOf(model);
        Object[] layers = (Object[]) direction.getClass().getField("layers").get(direction);
        double dot = 0;
        int k = 0;
        for (Object layer : layers) {
            for (String c : List.of("w", "b")) {
                Object a = layer.getClass().getField(c).get(layer);
                for (double[] row : a instanceof double[][] m ? m : new double[][] {(double[]) a}) {
                    for (int j = 0; j < row.length; j++, k++) {
                        row[j] = Math.cos(1.0 + k);
                        dot += row[j] * g[k];
                    }
                }
            }
        }
        Object scale = direction.getClass().getField("scale").get(direction);
        scale.getClass().getField("s").setDouble(scale, Math.cos(1.0 + k));
        dot += Math.cos(1.0 + k) * g[k++];
        double[] shift = (double[]) scale.getClass().getField("shift").get(scale);
        for (int j = 0; j < shift.length; j++, k++) {
            shift[j] = Math.cos(1.0 + k);
            dot += shift[j] * g[k];
        }
        direction.getClass().getField("bias").setDouble(direction, Math.cos(1.0 + k));
        dot += Math.cos(1.0 + k) * g[k];
        DoubleGrad out = new DoubleGrad();
        h.generated("lossJvp").invoke(null, model, X, Y, direction, out);
        assertEquals(dot, out.get(), 1e-12 * Math.max(1, Math.abs(dot)), "Jvp against the gradient");
    }

    @Test
    void aWarmGradientCallAllocatesNothing() throws Exception {
        ObjectHarness h = ObjectHarness.of(ObjectHarness.source(RECORDS, "STATIC"), Map.of());
        Object model = build(h, theta());
        Object[] args = {model, X, Y, h.gradOf(model)};
        Method lossGrad = h.generated("lossGrad");
        long least = WarmCalls.leastBytesPerCall(5, 10_000, () -> lossGrad.invoke(null, args));
        // reflection boxes the double result and its arguments' unboxing costs a little (as FieldWritesTest allows);
        // the gathered
        // rows and the cells come from the thread's pool (the sample's direct calls measure 0 B)
        assertTrue(least <= 16 + 16, "a warm gradient call allocated " + least + " bytes");
    }

    private static List<String> errors(String classBody) {
        return ObjectHarness.errors(ObjectHarness.source(classBody, "STATIC")).stream()
                .map(Diagnostic::toString)
                .toList();
    }

    @Test
    void assigningAHeldFieldIsAnErrorAtItsPosition() {
        List<String> errors = errors("""
                record Scale(double s) {}

                private Scale scale = new Scale(1);

                @Differentiable(wrt = "this")
                double f(double x) {
                    scale = new Scale(x);
                    return scale.s() * x;
                }
                """);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(
                errors.get(0).contains("Model.java:[13,9]")
                        && errors.get(0).contains("assigns field 'scale' of type Scale")
                        && errors.get(0).contains("assign it outside the differentiated method"),
                errors.get(0));
    }

    /**
     * {@link #MODEL}'s loss, computed by the object's own helpers, which read the layers and the
     * scale themselves: a package-private one returning a number, a private one calling another.
     */
    static final String CALLEES = """
            record Layer(double[][] w, double[] b) {}

            record Scale(double s, double[] shift) {}

            private final Layer[] layers;
            private final Scale scale;
            private double bias;
            private final int depth;

            Model(Layer[] layers, Scale scale, double bias) {
                this.layers = layers;
                this.scale = scale;
                this.bias = bias;
                this.depth = layers.length;
            }

            @Differentiable(wrt = "this", strategy = Strategy.$S)
            public double loss(double[] x, double y) {
                double s = bias;
                for (int l = 0; l < depth; l++) {
                    double t = layerSum(x, l);
                    s += t;
                }
                s += corner();
                double d = scaled(s) - y;
                return d * d;
            }

            double layerSum(double[] x, int l) {
                double s = 0;
                for (int i = 0; i < layers[l].w().length; i++) {
                    double z = layers[l].b()[i] + scale.shift()[i];
                    for (int j = 0; j < x.length; j++) {
                        z += this.layers[l].w()[i][j] * x[j];
                    }
                    s += Math.tanh(z);
                }
                return s;
            }

            private double corner() {
                double s = 0;
                for (Layer e : layers) {
                    s += e.b()[0] * e.w()[0][1];
                }
                Layer first = layers[0];
                return s + first.w()[1][0] * first.b()[1] * firstRows();
            }

            private int firstRows() {
                return layers.length;
            }

            double scaled(double s) {
                return scale.s() * s;
            }
            """;

    @Test
    void heldFieldsReadInInlinedCalleesBothStrategies() throws Exception {
        double[] inline = check(RECORDS, "STATIC");
        for (String strategy : BOTH) {
            double[] g = check(CALLEES, strategy);
            for (int i = 0; i < inline.length; i++) {
                assertEquals(
                        inline[i],
                        g[i],
                        1e-12 * Math.max(1, Math.abs(inline[i])),
                        strategy + ": against the loss written inline, at " + i);
            }
        }
    }

    @Test
    void aHeldFieldReadInACalleeThatStaysACallIsAnErrorThatSaysWhere() {
        List<String> errors = errors("""
                record Scale(double s) {}

                private final Scale scale = new Scale(1);

                double helper(double x) {
                    return scale.s() * x;
                }

                @Differentiable(wrt = "this")
                double f(double x) {
                    return x > 0 && helper(x) > 1 ? helper(x) : x;
                }
                """);
        assertTrue(
                errors.size() >= 1
                        && errors.get(0).contains("Model.java:[17,")
                        && errors.get(0).contains("call to instance method 'helper', which reads field 'scale'")
                        && errors.get(0).contains("stays a call here"),
                errors.toString());
    }

    @Test
    void aHeldFieldReadInADifferentiableCalleeIsStillAnError() {
        List<String> errors = errors("""
                record Scale(double s) {}

                private final Scale scale = new Scale(1);

                @Differentiable(wrt = "this")
                double helper(double x) {
                    return scale.s() * x;
                }

                @Differentiable(wrt = "this")
                double f(double x) {
                    return helper(x);
                }
                """);
        assertTrue(
                errors.size() == 1
                        && errors.get(0).contains("Model.java:[18,16]")
                        && errors.get(0).contains("call to instance method 'helper', which reads field 'scale'"),
                errors.toString());
    }

    @Test
    void wrtNamingAHeldFieldSaysToNameThis() {
        List<String> errors = errors("""
                record Scale(double s) {}

                private final Scale scale = new Scale(1);

                @Differentiable(wrt = "scale")
                double f(double x) {
                    return scale.s() * x;
                }
                """);
        assertTrue(
                errors.size() == 1
                        && errors.get(0).contains("wrt names 'scale', which is not a parameter of 'f'")
                        && errors.get(0).contains("name \"this\""),
                errors.toString());
    }

    @Test
    void heldFieldsAndFieldsOfTheirOwnName() throws Exception {
        // a local named as the field: this.scale reads the field, scale the local
        ObjectHarness h = ObjectHarness.of(ObjectHarness.source("""
                record Scale(double s) {}

                final Scale scale = new Scale(1.5);

                @Differentiable(wrt = {"this", "x"}, strategy = Strategy.$S)
                double f(double x) {
                    double scale = x * x;
                    return this.scale.s() * scale;
                }
                """, "STATIC"), Map.of());
        Object model = h.fresh();
        Object grad = h.gradOf(model);
        DoubleGrad dx = new DoubleGrad();
        assertEquals(1.5 * 4, (double) h.generated("fGrad").invoke(null, model, 2.0, grad, dx), 0.0);
        Object scale = grad.getClass().getField("scale").get(grad);
        assertArrayEquals(
                new double[] {4, 6},
                new double[] {scale.getClass().getField("s").getDouble(scale), dx.get()});
    }
}
