package dev.adjoint.generator.objects;

import static dev.adjoint.generator.objects.ObjectHarness.source;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.DoubleGrad;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The public {@code Grad}/{@code Vjp}, {@code Jvp} and {@code Hvp} methods of lifted methods (an
 * instance method with {@code wrt = "this"}, a method taking a record, an array of records) check
 * the caller's gradient, tangent, direction and {@code H·v} objects before anything is added: a
 * null one, a {@code ModelGrad()} whose arrays are still null, an array shorter than the one it
 * mirrors, a {@code LayerGrad[]} of another length or with a null element were a
 * {@code NullPointerException} or an index error half-way through. On both strategies; with the
 * right shapes the gradient is the central differences' of the method.
 */
class SinkChecksTest {
    private static final List<String> BOTH = List.of("STATIC", "TAPE");

    private static final String BODY = """
            private double[] w = {1.0, 2.0, 3.0};
            double b = 0.5;
            Scale scale = new Scale(2.0, new double[] {0.1, 0.2, 0.3});

            record Scale(double s, double[] shift) {}

            record Layer(double[] w, double c) {}

            @Differentiable(wrt = "this", strategy = Strategy.$S)
            public double loss(double[] x, double y) {
                double p = b;
                for (int i = 0; i < w.length; i++) {
                    p += w[i] * x[i] * scale.s() + scale.shift()[i];
                }
                return (p - y) * (p - y);
            }

            @Differentiable(wrt = {"s", "x"}, strategy = Strategy.$S)
            public static double fit(Scale s, double[] x) {
                double t = 0;
                for (int i = 0; i < x.length; i++) {
                    t += s.s() * Math.sin(x[i]) * s.shift()[i];
                }
                return t * t;
            }

            @Differentiable(wrt = "layers", strategy = Strategy.$S)
            public static double net(Layer[] layers, double[] x) {
                double s = 0;
                for (Layer l : layers) {
                    double z = l.c();
                    for (int i = 0; i < x.length; i++) {
                        z += l.w()[i] * x[i];
                    }
                    s += Math.tanh(z);
                }
                return s;
            }
            """;

    private static final double[] X = {0.4, -0.3, 0.9};

    /** An array of records the object holds, and a record nested in a record parameter. */
    private static final String HELD = """
            record Layer(double[] w, double c) {}

            record Inner(double[] v) {}

            record Outer(double k, Inner in) {}

            Layer[] layers = {new Layer(new double[] {0.1, 0.2, 0.4}, 0.1), new Layer(new double[] {0.3, -0.2, 0.5}, 0.2)};

            @Differentiable(wrt = "this", strategy = Strategy.$S)
            public double deep(double[] x) {
                double s = 0;
                for (Layer l : layers) {
                    double z = l.c();
                    for (int i = 0; i < x.length; i++) {
                        z += l.w()[i] * x[i];
                    }
                    s += Math.tanh(z);
                }
                return s;
            }

            @Differentiable(wrt = "o", strategy = Strategy.$S)
            public static double nest(Outer o, double[] x) {
                double s = o.k();
                for (int i = 0; i < x.length; i++) {
                    s += o.in().v()[i] * x[i];
                }
                return s * s;
            }
            """;

    /** The message of the {@code IllegalArgumentException} that generated method {@code name} throws. */
    private static String thrown(ObjectHarness h, String name, Object... args) {
        Method m = h.generated(name);
        InvocationTargetException e =
                assertThrows(InvocationTargetException.class, () -> m.invoke(null, args), name + " passed");
        assertTrue(e.getCause() instanceof IllegalArgumentException, () -> name + ": " + e.getCause());
        return e.getCause().getMessage();
    }

    private static Object call(Class<?> c, String name, Object... args) throws ReflectiveOperationException {
        for (Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(name)
                    && m.getParameterCount() == args.length
                    && (args.length == 0 || args[0] == null || m.getParameterTypes()[0].isInstance(args[0]))) {
                m.setAccessible(true);
                return m.invoke(null, args);
            }
        }
        throw new AssertionError("no " + name + " in " + c);
    }

    /** A new {@code obj.Model$name} record of {@code components}. */
    private static Object record(ObjectHarness h, String name, Object... components)
            throws ReflectiveOperationException {
        var c = h.loader().loadClass("obj.Model$" + name).getDeclaredConstructors()[0];
        c.setAccessible(true);
        return c.newInstance(components);
    }

    private static Object field(Object o, String name) throws ReflectiveOperationException {
        var f = o.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(o);
    }

    private static void set(Object o, String name, Object value) throws ReflectiveOperationException {
        var f = o.getClass().getDeclaredField(name);
        f.setAccessible(true);
        f.set(o, value);
    }

    @Test
    void theObjectsGradientIsCheckedBeforeAnythingIsAdded() throws ReflectiveOperationException {
        for (String strategy : BOTH) {
            ObjectHarness h = ObjectHarness.of(source(BODY, strategy), Map.of());
            Object m = h.fresh();
            Class<?> grad = h.loader().loadClass("obj.ModelGrad");
            Object empty = grad.getDeclaredConstructor().newInstance();
            String like = ": allocate dthis with ModelGrad.like(self)";
            assertEquals(
                    "dthis.w is null; self.w has length 3" + like + " (its constructor leaves arrays null)",
                    thrown(h, "lossGrad", m, X, 0.2, empty),
                    strategy);
            assertEquals(0.0, (double) field(empty, "b"), "dthis.b added into before the check");
            assertEquals("dthis is null" + like, thrown(h, "lossGrad", m, X, 0.2, null));
            assertEquals("dthis is null" + like, thrown(h, "lossVjp", m, X, 0.2, 1.0, null));
            // a nested record's gradient object, and its array
            Object g = call(grad, "like", m);
            set(g, "scale", null);
            assertEquals("dthis.scale is null" + like, thrown(h, "lossVjp", m, X, 0.2, 2.0, g));
            g = call(grad, "like", m);
            set(field(g, "scale"), "shift", new double[2]);
            assertEquals(
                    "dthis.scale.shift has length 2 and self.scale.shift has 3" + like
                            + " (its constructor leaves arrays null)",
                    thrown(h, "lossGrad", m, X, 0.2, g));
            assertArrayEquals(new double[3], (double[]) field(g, "w"), "dthis.w added into before the check");
            assertEquals(0.0, (double) field(g, "b"), "dthis.b added into before the check");
            if (!h.hasGenerated("lossJvp")) {
                continue; // (the tape strategy has no forward mode)
            }
            // forward mode's tangent, and the direction, gradient and H·v of Hvp
            Object shortW = call(grad, "like", m);
            set(shortW, "w", new double[1]);
            assertEquals(
                    "tthis.w has length 1 and self.w has 3: allocate tthis with ModelGrad.like(self)"
                            + " (its constructor leaves arrays null)",
                    thrown(h, "lossJvp", m, X, 0.2, shortW, new DoubleGrad()));
            Object v = call(grad, "like", m);
            Object d = call(grad, "like", m);
            assertTrue(
                    thrown(h, "lossHvp", m, X, 0.2, v, d, empty).startsWith("hvthis.w is null; self.w has length 3"));
            assertTrue(thrown(h, "lossHvp", m, X, 0.2, shortW, d, call(grad, "like", m))
                    .startsWith("vthis.w has length 1"));
            assertEquals(0.0, (double) field(d, "b"), "dthis.b added into before the check");
        }
    }

    @Test
    void aRecordsGradientAndThePlainBuffersAreChecked() throws ReflectiveOperationException {
        for (String strategy : BOTH) {
            ObjectHarness h = ObjectHarness.of(source(BODY, strategy), Map.of());
            Class<?> scale = h.loader().loadClass("obj.Model$Scale");
            Object s = record(h, "Scale", 1.5, new double[] {1, 2, 3});
            Class<?> grad = h.loader().loadClass("obj.Model_ScaleGrad");
            Object empty = grad.getDeclaredConstructor().newInstance();
            double[] dx = new double[3];
            assertEquals(
                    "ds.shift is null; s.shift has length 3: allocate ds with Model_ScaleGrad.like(s)"
                            + " (its constructor leaves arrays null)",
                    thrown(h, "fitGrad", s, X, empty, dx),
                    strategy);
            assertArrayEquals(new double[3], dx, "dx added into before the check");
            assertEquals(0.0, (double) field(empty, "s"), "ds.s added into before the check");
            assertEquals(
                    "ds is null: allocate ds with Model_ScaleGrad.like(s)", thrown(h, "fitVjp", s, X, 1.0, null, dx));
            Object ds = call(grad, "like", s);
            assertTrue(thrown(h, "fitGrad", s, X, ds, new double[2]).startsWith("dx has length 2 and x has 3"));
            assertEquals(0.0, (double) field(ds, "s"), "ds.s added into before the check");
            if (!h.hasGenerated("fitJvp")) {
                continue;
            }
            assertTrue(thrown(h, "fitJvp", s, X, empty, new double[3], new DoubleGrad())
                    .startsWith("ts.shift is null; s.shift has length 3"));
            Object full = call(grad, "like", s);
            assertTrue(thrown(h, "fitHvp", s, X, full, new double[3], ds, dx, full, null)
                    .startsWith("hvx is null; x has length 3"));
        }
    }

    @Test
    void anArrayOfElementsGradientsIsCheckedElementByElement() throws ReflectiveOperationException {
        for (String strategy : BOTH) {
            ObjectHarness h = ObjectHarness.of(source(BODY, strategy), Map.of());
            Class<?> layer = h.loader().loadClass("obj.Model$Layer");
            Object[] layers = (Object[]) java.lang.reflect.Array.newInstance(layer, 2);
            layers[0] = record(h, "Layer", new double[] {0.1, 0.2, 0.3}, 0.1);
            layers[1] = record(h, "Layer", new double[] {-0.1, 0.5, 0.2}, -0.2);
            Class<?> grad = h.loader().loadClass("obj.Model_LayerGrad");
            Object[] dlayers = (Object[]) call(grad, "like", (Object) layers);
            String like = ": allocate dlayers with Model_LayerGrad.like(layers)";
            assertEquals(
                    "dlayers has 1 elements and layers 2" + like,
                    thrown(h, "netGrad", layers, X, java.util.Arrays.copyOf(dlayers, 1)),
                    strategy);
            assertEquals("dlayers is null; layers has 2 elements" + like, thrown(h, "netGrad", layers, X, null));
            Object[] holed = dlayers.clone();
            holed[1] = null;
            assertEquals("dlayers[1] is null" + like, thrown(h, "netGrad", layers, X, holed));
            Object[] shortRow = dlayers.clone();
            shortRow[1] = grad.getDeclaredConstructor().newInstance();
            set(shortRow[1], "w", new double[1]);
            assertEquals(
                    "dlayers[1].w has length 1 and layers[1].w has 3" + like + " (its constructor leaves arrays null)",
                    thrown(h, "netGrad", layers, X, shortRow));
            assertArrayEquals(new double[3], (double[]) field(dlayers[0], "w"), "dlayers[0] added into");
            assertEquals(0.0, (double) field(dlayers[0], "c"), "dlayers[0].c added into before the check");
            if (!h.hasGenerated("netJvp")) {
                continue;
            }
            assertTrue(thrown(h, "netJvp", layers, X, holed, new DoubleGrad()).startsWith("tlayers[1] is null"));
            assertTrue(thrown(h, "netHvp", layers, X, dlayers, dlayers, shortRow)
                    .startsWith("hvlayers[1].w has length 1"));
        }
    }

    @Test
    void anArrayTheObjectHoldsAndANestedRecordAreChecked() throws ReflectiveOperationException {
        for (String strategy : BOTH) {
            ObjectHarness h = ObjectHarness.of(source(HELD, strategy), Map.of());
            Object m = h.fresh();
            Class<?> grad = h.loader().loadClass("obj.ModelGrad");
            String like = ": allocate dthis with ModelGrad.like(self)";
            assertEquals(
                    "dthis.layers is null; self.layers has 2 elements" + like,
                    thrown(h, "deepGrad", m, X, grad.getDeclaredConstructor().newInstance()),
                    strategy);
            Object g = call(grad, "like", m);
            Object[] layers = (Object[]) field(g, "layers");
            set(layers[1], "w", new double[2]);
            assertEquals(
                    "dthis.layers[1].w has length 2 and self.layers[1].w has 3" + like
                            + " (its constructor leaves arrays null)",
                    thrown(h, "deepVjp", m, X, 1.0, g));
            assertEquals(0.0, (double) field(layers[0], "c"), "dthis.layers[0].c added into before the check");
            Object o = record(h, "Outer", 0.5, record(h, "Inner", new double[] {1, 2, 3}));
            Class<?> outerGrad = h.loader().loadClass("obj.Model_OuterGrad");
            Object d = call(outerGrad, "like", o);
            set(d, "in", null);
            assertEquals("d_o.in is null: allocate d_o with Model_OuterGrad.like(o)", thrown(h, "nestGrad", o, X, d));
            assertEquals(0.0, (double) field(d, "k"), "d_o.k added into before the check");
            d = call(outerGrad, "like", o);
            set(field(d, "in"), "v", null);
            assertTrue(thrown(h, "nestGrad", o, X, d).startsWith("d_o.in.v is null; o.in.v has length 3"));
        }
    }

    /** Checks {@code grad}, the generated gradient with respect to the entries of {@code at}, against central differences of {@code f}. */
    private static void centralDifferences(
            java.util.concurrent.Callable<Object> f, double[] at, double[] grad, String what) throws Exception {
        double eps = 1e-6;
        for (int i = 0; i < at.length; i++) {
            double a = at[i];
            at[i] = a + eps;
            double up = (double) f.call();
            at[i] = a - eps;
            double down = (double) f.call();
            at[i] = a;
            assertEquals((up - down) / (2 * eps), grad[i], 1e-6 * (1 + Math.abs(grad[i])), what + "[" + i + "]");
        }
    }

    @Test
    void theRightShapesGiveTheGradient() throws Exception {
        for (String strategy : BOTH) {
            // the object's arrays, its record's array, and an array of records' arrays: the generated gradient
            // against central differences of the method, entry by entry (changed in place)
            ObjectHarness h = ObjectHarness.of(source(BODY, strategy), Map.of());
            Object m = h.fresh();
            Object dthis = call(h.loader().loadClass("obj.ModelGrad"), "like", m);
            call(h.loader().loadClass("obj.ModelAdjoint"), "lossGrad", m, X, 0.2, dthis);
            Method loss = h.original("loss", 2);
            double[] shift = (double[]) field(field(m, "scale"), "shift");
            centralDifferences(
                    () -> loss.invoke(m, X, 0.2),
                    (double[]) field(m, "w"),
                    (double[]) field(dthis, "w"),
                    strategy + " w");
            centralDifferences(
                    () -> loss.invoke(m, X, 0.2),
                    shift,
                    (double[]) field(field(dthis, "scale"), "shift"),
                    strategy + " scale.shift");
            double[] x = X.clone();
            double[] shiftS = {1, -2, 3};
            Object s = record(h, "Scale", 1.5, shiftS);
            Object ds = call(h.loader().loadClass("obj.Model_ScaleGrad"), "like", s);
            double[] dx = new double[3];
            call(h.loader().loadClass("obj.ModelAdjoint"), "fitGrad", s, x, ds, dx);
            Method fit = h.original("fit", 2);
            centralDifferences(
                    () -> fit.invoke(null, s, x), shiftS, (double[]) field(ds, "shift"), strategy + " s.shift");
            centralDifferences(() -> fit.invoke(null, s, x), x, dx, strategy + " x");
            Object[] layers =
                    (Object[]) java.lang.reflect.Array.newInstance(h.loader().loadClass("obj.Model$Layer"), 2);
            double[] w0 = {0.1, 0.2, 0.3};
            double[] w1 = {-0.1, 0.5, 0.2};
            layers[0] = record(h, "Layer", w0, 0.1);
            layers[1] = record(h, "Layer", w1, -0.2);
            Object[] dlayers = (Object[]) call(h.loader().loadClass("obj.Model_LayerGrad"), "like", (Object) layers);
            call(h.loader().loadClass("obj.ModelAdjoint"), "netGrad", layers, X, dlayers);
            Method net = h.original("net", 2);
            centralDifferences(
                    () -> net.invoke(null, layers, X), w0, (double[]) field(dlayers[0], "w"), strategy + " w0");
            centralDifferences(
                    () -> net.invoke(null, layers, X), w1, (double[]) field(dlayers[1], "w"), strategy + " w1");
        }
    }
}
