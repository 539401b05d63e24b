package dev.adjoint.generator.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.check.GradCheck;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Arrays of records and objects as differentiable inputs, {@code Layer[] layers}: element
 * components read by index, through aliases and for-each loops; the gradient added into a
 * {@code LayerGrad[]}; both strategies against central differences of the method itself.
 */
class ElementArraysTest {
    private static final List<String> BOTH = List.of("STATIC", "TAPE");

    /** A small dense network over a record of arrays: indices, an alias and a for-each loop. */
    static final String LAYERS = """
            record Layer(double[][] w, double[] b) {}

            @Differentiable(wrt = "layers", strategy = Strategy.$S)
            static double f(Layer[] layers, double[] x) {
                double s = 0;
                for (int l = 0; l < layers.length; l++) {
                    for (int i = 0; i < layers[l].w().length; i++) {
                        double z = layers[l].b()[i];
                        for (int j = 0; j < x.length; j++) {
                            z += layers[l].w()[i][j] * x[j];
                        }
                        s += Math.tanh(z);
                    }
                }
                for (Layer e : layers) {
                    s += e.b()[0] * e.w()[0][1];
                }
                Layer first = layers[0];
                s += first.w()[1][0] * first.b()[1] * first.w().length;
                return s;
            }
            """;

    /** The same with a class of the sources whose fields are read directly. */
    static final String CLASS_LAYERS = """
            static final class Layer {
                double[][] w;
                double[] b;

                Layer(double[][] w, double[] b) {
                    this.w = w;
                    this.b = b;
                }
            }

            @Differentiable(wrt = "layers", strategy = Strategy.$S)
            static double f(Layer[] layers, double[] x) {
                double s = 0;
                for (Layer e : layers) {
                    for (int i = 0; i < e.w.length; i++) {
                        double z = e.b[i];
                        for (int j = 0; j < e.w[i].length; j++) {
                            z += e.w[i][j] * x[j];
                        }
                        s += z * z;
                    }
                }
                s += layers[layers.length - 1].b[0] * x[1];
                return s;
            }
            """;

    @Test
    void recordElementsBothStrategiesAgainstCentralDifferences() throws Exception {
        for (String s : BOTH) {
            checkLayers(LAYERS, s, true);
        }
    }

    @Test
    void classElementsBothStrategiesAgainstCentralDifferences() throws Exception {
        for (String s : BOTH) {
            checkLayers(CLASS_LAYERS, s, false);
        }
    }

    /** Layers of shapes 2×3 (then 3×3): their weights and biases, deterministic. */
    static Object[] layers(ClassLoader loader, String binaryName) throws Exception {
        Class<?> c = loader.loadClass(binaryName);
        var k = c.getDeclaredConstructor(double[][].class, double[].class);
        k.setAccessible(true);
        Object[] out = (Object[]) Array.newInstance(c, 2);
        int[] rows = {2, 3};
        for (int l = 0; l < 2; l++) {
            double[][] w = new double[rows[l]][3];
            double[] b = new double[rows[l]];
            for (int i = 0; i < rows[l]; i++) {
                b[i] = 0.1 * (i - l);
                for (int j = 0; j < 3; j++) {
                    w[i][j] = 0.3 * Math.sin(1 + i + 2 * j + 3 * l);
                }
            }
            out[l] = k.newInstance(w, b);
        }
        return out;
    }

    /** The component arrays of each element, in order w then b, as the gradient class holds them too. */
    static List<Object> arrays(Object[] elements, boolean record) throws ReflectiveOperationException {
        List<Object> out = new ArrayList<>();
        for (Object e : elements) {
            for (String c : List.of("w", "b")) {
                if (record) {
                    Method m = e.getClass().getDeclaredMethod(c);
                    m.setAccessible(true);
                    out.add(m.invoke(e));
                } else {
                    var f = e.getClass().getDeclaredField(c);
                    f.setAccessible(true);
                    out.add(f.get(e));
                }
            }
        }
        return out;
    }

    static double[] flat(List<Object> arrays) {
        List<Double> out = new ArrayList<>();
        arrays.forEach(a -> ObjectHarness.flatten(a, out));
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Writes {@code xs} into the arrays in place. */
    static void set(List<Object> arrays, double[] xs) {
        int k = 0;
        for (Object a : arrays) {
            for (double[] row : a instanceof double[][] m ? m : new double[][] {(double[]) a}) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = xs[k++];
                }
            }
        }
    }

    private static void checkLayers(String body, String strategy, boolean record) throws Exception {
        ObjectHarness h = ObjectHarness.of(ObjectHarness.source(body, strategy), Map.of());
        ClassLoader loader = h.loader();
        Object[] layers = layers(loader, "obj.Model$Layer");
        double[] x = {0.5, -1.0, 0.25};
        Class<?> gradClass = loader.loadClass("obj.Model_LayerGrad");
        Object[] grads =
                (Object[]) gradClass.getMethod("like", layers.getClass()).invoke(null, (Object) layers);
        Method vjp = h.generated("fVjp");
        Method f = h.original("f", 2);
        double expected = (double) f.invoke(null, layers, x);
        double got = (double) vjp.invoke(null, layers, x, 1.0, grads);
        assertEquals(expected, got, 0.0, strategy + ": value");
        List<Object> params = arrays(layers, record);
        List<Object> sinks = new ArrayList<>();
        for (Object g : grads) {
            sinks.add(gradClass.getField("w").get(g));
            sinks.add(gradClass.getField("b").get(g));
        }
        double[] x0 = flat(params);
        double[] g = flat(sinks);
        GradCheck.Report report = GradCheck.check(
                xs -> {
                    set(params, xs);
                    try {
                        return (double) f.invoke(null, layers, x);
                    } catch (ReflectiveOperationException e) {
                        throw new AssertionError(e);
                    } finally {
                        set(params, x0);
                    }
                },
                x0,
                g,
                1e-6,
                1e-8);
        assertTrue(report.passed(), strategy + ": " + report + "\n" + h.translation.generated());
        if (strategy.equals("STATIC")) {
            // forward mode along a direction shaped as the gradient: the directional derivative is g · t
            Object[] t =
                    (Object[]) gradClass.getMethod("like", layers.getClass()).invoke(null, (Object) layers);
            List<Object> tangents = new ArrayList<>();
            for (Object e : t) {
                tangents.add(gradClass.getField("w").get(e));
                tangents.add(gradClass.getField("b").get(e));
            }
            double[] dir = new double[g.length];
            double dot = 0;
            for (int i = 0; i < dir.length; i++) {
                dir[i] = Math.cos(1.0 + i);
                dot += dir[i] * g[i];
            }
            set(tangents, dir);
            dev.adjoint.DoubleGrad out = new dev.adjoint.DoubleGrad();
            assertEquals(expected, (double) h.generated("fJvp").invoke(null, layers, x, t, out), 0.0, "Jvp value");
            assertEquals(dot, out.get(), 1e-12 * Math.max(1, Math.abs(dot)), "Jvp against the gradient");
        }
        // a second call adds; zero() clears, keeping the arrays
        vjp.invoke(null, layers, x, 1.0, grads);
        double[] twice = flat(sinks);
        for (int i = 0; i < g.length; i++) {
            assertEquals(2 * g[i], twice[i], 1e-12 * Math.max(1, Math.abs(g[i])), strategy + ": accumulation at " + i);
        }
        gradClass.getMethod("zero", grads.getClass()).invoke(null, (Object) grads);
        assertTrue(Arrays.stream(flat(sinks)).allMatch(v -> v == 0.0), strategy + ": zero()");
        assertTrue(
                g.length == 2 * 3 + 2 + 3 * 3 + 3 && Arrays.stream(g).anyMatch(v -> v != 0.0),
                strategy + ": a gradient to check");
    }

    /** Elements' arrays written in place: the gradient is with respect to their values on entry. */
    private static final String WRITES = """
            record Layer(T[][] w, T[] b) {}

            @Differentiable(wrt = "layers", strategy = Strategy.$S)
            static T f(Layer[] layers, T[] x) {
                T s = 0;
                for (Layer e : layers) {
                    for (int i = 0; i < e.b().length; i++) {
                        e.b()[i] = e.b()[i] * e.w()[i][0] + x[i % x.length];
                        s += e.b()[i] * e.b()[i];
                    }
                }
                return s;
            }
            """;

    @Test
    void elementsWrittenInPlaceDoubleAndFloatBothStrategies() throws Exception {
        double[] reference = null;
        for (String type : List.of("double", "float")) {
            for (String strategy : BOTH) {
                double[] g = writes(type, strategy);
                if (reference == null) {
                    reference = g;
                } else {
                    for (int i = 0; i < g.length; i++) {
                        double tol = type.equals("float") ? 1e-5 : 1e-12;
                        assertEquals(
                                reference[i],
                                g[i],
                                tol * Math.max(1, Math.abs(reference[i])),
                                type + " " + strategy + " at " + i);
                    }
                }
            }
        }
    }

    /** The gradient of {@link #WRITES} over T = {@code type} (for double, checked against central differences first). */
    private static double[] writes(String type, String strategy) throws Exception {
        boolean isFloat = type.equals("float");
        ObjectHarness h = ObjectHarness.of(ObjectHarness.source(WRITES.replace("T", type), strategy), Map.of());
        ClassLoader loader = h.loader();
        Class<?> c = loader.loadClass("obj.Model$Layer");
        Class<?> m = isFloat ? float[][].class : double[][].class;
        var k = c.getDeclaredConstructor(m, m.getComponentType());
        k.setAccessible(true);
        // w[0] = {{0.5, 1}, {1.5, 2}}, b[0] = {0.25, -0.75}, w[1] = {{-1, 0}}, b[1] = {2}; xs: w[0][0][0], w[0][1][0],
        // b[0], w[1][0][0], b[1]
        double[] x0 = {0.5, 1.5, 0.25, -0.75, -1, 2};
        java.util.function.Function<double[], Object[]> build = xs -> {
            Object[] ls = (Object[]) Array.newInstance(c, 2);
            try {
                ls[0] = k.newInstance(
                        isFloat
                                ? new float[][] {{(float) xs[0], 1}, {(float) xs[1], 2}}
                                : new double[][] {{xs[0], 1}, {xs[1], 2}},
                        isFloat ? new float[] {(float) xs[2], (float) xs[3]} : new double[] {xs[2], xs[3]});
                ls[1] = k.newInstance(
                        isFloat ? new float[][] {{(float) xs[4], 0}} : new double[][] {{xs[4], 0}},
                        isFloat ? new float[] {(float) xs[5]} : new double[] {xs[5]});
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
            return ls;
        };
        Object x = isFloat ? new float[] {0.5f, -1.5f} : new double[] {0.5, -1.5};
        Method f = h.original("f", 2);
        Object[] layers = build.apply(x0);
        Object[] expectedState = build.apply(x0);
        Object expected = f.invoke(null, expectedState, x);
        Class<?> gradClass = loader.loadClass("obj.Model_LayerGrad");
        Object[] grads =
                (Object[]) gradClass.getMethod("like", layers.getClass()).invoke(null, (Object) layers);
        assertEquals(
                expected,
                h.generated("fVjp").invoke(null, layers, x, isFloat ? (Object) 1.0f : (Object) 1.0, grads),
                strategy + ": value");
        assertEquals(
                Arrays.deepToString(arrays(expectedState, true).toArray()),
                Arrays.deepToString(arrays(layers, true).toArray()),
                strategy + ": the elements' arrays as the method leaves them");
        List<Double> all = new ArrayList<>();
        ObjectHarness.flatten(
                Arrays.asList(
                                gradClass.getField("w").get(grads[0]),
                                gradClass.getField("b").get(grads[0]),
                                gradClass.getField("w").get(grads[1]),
                                gradClass.getField("b").get(grads[1]))
                        .toArray(),
                all);
        // w[0] is 2×2, b[0] 2, w[1] 1×2, b[1] 1: the entries that xs set
        double[] g = {all.get(0), all.get(2), all.get(4), all.get(5), all.get(6), all.get(8)};
        if (!isFloat) {
            GradCheck.Report report = GradCheck.check(
                    xs -> {
                        try {
                            return (double) f.invoke(null, build.apply(xs), x);
                        } catch (ReflectiveOperationException e) {
                            throw new AssertionError(e);
                        }
                    },
                    x0,
                    g,
                    1e-6,
                    1e-8);
            assertTrue(report.passed(), strategy + ": " + report + "\n" + h.translation.generated());
        }
        return g;
    }

    /** The one error of translating {@code body} (members of class Model), at {@code line}, with {@code message} in it. */
    private static void rejects(String body, int line, String message) {
        List<dev.adjoint.generator.Diagnostic> ds = ObjectHarness.errors(ObjectHarness.source(body, "AUTO"));
        assertEquals(1, ds.size(), ds.toString());
        assertEquals(line, ds.get(0).line(), ds.toString());
        assertTrue(ds.get(0).message().contains(message), ds.toString());
    }

    private static final String RECORD = "record Layer(double[][] w, double[] b, double k) {}\n\n";

    @Test
    void assigningAnElementIsAnError() {
        rejects(RECORD + """
                @Differentiable(wrt = "layers")
                static double f(Layer[] layers) {
                    layers[0] = layers[1];
                    return layers[0].b()[0];
                }
                """, 11, "'layers[0] = layers[1]' assigns an element of 'layers'");
    }

    @Test
    void assigningAFieldOfAnElementIsAnError() {
        rejects("""
                static final class Layer {
                    double[] b;
                }

                @Differentiable(wrt = "layers")
                static double f(Layer[] layers) {
                    layers[0].b = new double[2];
                    return layers[0].b[0];
                }
                """, 13, "assigns field 'b' of an element of 'layers'");
    }

    @Test
    void passingTheArrayOnIsAnError() {
        // (to a helper it could take, the only method of its name, the array's leaves go instead:
        // objects/ElementCallees)
        rejects(RECORD + """
                static double g(Layer[] ls) {
                    return 1;
                }

                static double g(double x) {
                    return x;
                }

                @Differentiable(wrt = "layers")
                static double f(Layer[] layers) {
                    return g(layers) * layers[0].b()[0];
                }
                """, 19, "uses 'layers', an array of Layer, other than reading its length");
    }

    @Test
    void anAliasEscapingIsAnError() {
        rejects(RECORD + """
                static double g(Layer e) {
                    return 1;
                }

                @Differentiable(wrt = "layers")
                static double f(Layer[] layers) {
                    Layer e = layers[1];
                    return (e == layers[0] ? g(layers[1]) : 2) * e.b()[0];
                }
                """, 16, "uses 'e', an element of 'layers', other than reading its components");
    }

    @Test
    void holdingAMatrixIsAnError() {
        rejects(RECORD + """
                @Differentiable(wrt = "layers")
                static double f(Layer[] layers) {
                    double[][] w = layers[0].w();
                    return w[0][0];
                }
                """, 11, "uses 'layers[0].w()', a matrix of an element of 'layers'");
    }

    @Test
    void readingAComponentOfAnotherTypeIsAnError() {
        rejects(
                "record Layer(double[][] w, double[] b, String k) {}\n\n" + """
                @Differentiable(wrt = "layers")
                static double f(Layer[] layers) {
                    return layers[0].k().length() * layers[0].b()[0];
                }
                """,
                11,
                "reads component 'k' of type String");
    }

    @Test
    void aPrivateFieldOfAnElementClassIsAnError() {
        rejects("""
                static final class Layer {
                    private double[] b;
                }

                @Differentiable(wrt = "layers")
                static double f(Layer[] layers) {
                    return layers[0].b[0];
                }
                """, 13, "reads field 'b' of Layer, which the generated class (in package 'obj') cannot read");
    }

    @Test
    void assigningAForEachVariableIsAnError() {
        rejects(RECORD + """
                @Differentiable(wrt = "layers")
                static double f(Layer[] layers) {
                    double s = 0;
                    for (Layer e : layers) {
                        s += e.b()[0];
                        e = layers[0];
                        s += e.b()[1];
                    }
                    return s;
                }
                """, 14, "'e = layers[0]' assigns 'e', which a for-each over 'layers' names");
    }

    @Test
    void anAliasNamesAnotherElementWhenAssigned() throws Exception {
        ObjectHarness h =
                ObjectHarness.of(ObjectHarness.source(RECORD.replace(", double k", "") + """
                @Differentiable(wrt = "layers", strategy = Strategy.STATIC)
                static double f(Layer[] layers) {
                    int l = 0;
                    Layer e = layers[l];
                    l = 1;
                    double s = e.b()[0];
                    e = layers[l];
                    return s * e.b()[0];
                }
                """, "STATIC"), Map.of());
        Object[] layers = layers(h.loader(), "obj.Model$Layer");
        Class<?> gradClass = h.loader().loadClass("obj.Model_LayerGrad");
        Object[] grads =
                (Object[]) gradClass.getMethod("like", layers.getClass()).invoke(null, (Object) layers);
        double b00 = ((double[]) arrays(layers, true).get(1))[0];
        double b10 = ((double[]) arrays(layers, true).get(3))[0];
        assertEquals(b00 * b10, (double) h.generated("fVjp").invoke(null, layers, 1.0, grads), 0.0);
        assertEquals(
                b10,
                ((double[]) gradClass.getField("b").get(grads[0]))[0],
                0.0,
                "e read layers[0] until it named layers[1]");
        assertEquals(b00, ((double[]) gradClass.getField("b").get(grads[1]))[0], 0.0);
    }
}
