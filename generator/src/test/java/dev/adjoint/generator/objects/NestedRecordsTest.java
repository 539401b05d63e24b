package dev.adjoint.generator.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.DoubleGrad;
import dev.adjoint.check.GradCheck;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A record parameter whose components are records of the sources, {@code record Outer(Inner in,
 * double s)}: read through accessor chains {@code o.in().x()}, its gradient an {@code OuterGrad}
 * whose field {@code in} is an {@code InnerGrad}; both strategies against central differences.
 */
class NestedRecordsTest {
    static final String NESTED = """
            record Inner(double x, double[] v) {}

            record Outer(Inner in, double s, String label) {}

            @Differentiable(wrt = {"o", "y"}, strategy = Strategy.$S)
            static double f(Outer o, double y) {
                double t = o.s() * y;
                for (int i = 0; i < o.in().v().length; i++) {
                    t += Math.sin(o.in().v()[i] * o.in().x());
                }
                return t * o.s();
            }
            """;

    private static Object outer(ClassLoader loader, double x, double[] v, double s) throws Exception {
        Class<?> inner = loader.loadClass("obj.Model$Inner");
        var ki = inner.getDeclaredConstructor(double.class, double[].class);
        ki.setAccessible(true);
        Class<?> outer = loader.loadClass("obj.Model$Outer");
        var ko = outer.getDeclaredConstructor(inner, double.class, String.class);
        ko.setAccessible(true);
        return ko.newInstance(ki.newInstance(x, v.clone()), s, "label");
    }

    @Test
    void nestedRecordBothStrategiesAgainstCentralDifferences() throws Exception {
        for (String strategy : List.of("STATIC", "TAPE")) {
            ObjectHarness h = ObjectHarness.of(ObjectHarness.source(NESTED, strategy), Map.of());
            ClassLoader loader = h.loader();
            double[] x0 = {0.7, 0.3, -1.2, 2.0, 1.5, 0.4}; // in.x, in.v[0..2], s, y
            Object o = outer(loader, x0[0], new double[] {x0[1], x0[2], x0[3]}, x0[4]);
            Class<?> gradClass = loader.loadClass("obj.Model_OuterGrad");
            Object dO = gradClass.getMethod("like", o.getClass()).invoke(null, o);
            DoubleGrad dy = new DoubleGrad();
            Method f = h.original("f", 2);
            Method vjp = h.generated("fVjp");
            assertEquals(
                    (double) f.invoke(null, o, x0[5]), (double) vjp.invoke(null, o, x0[5], 1.0, dO, dy), 0.0, strategy);
            double[] g = gradient(gradClass, dO, dy);
            GradCheck.Report report = GradCheck.check(
                    xs -> {
                        try {
                            return (double) f.invoke(
                                    null, outer(loader, xs[0], new double[] {xs[1], xs[2], xs[3]}, xs[4]), xs[5]);
                        } catch (Exception e) {
                            throw new AssertionError(e);
                        }
                    },
                    x0,
                    g,
                    1e-6,
                    1e-8);
            assertTrue(report.passed(), strategy + ": " + report + "\n" + h.translation.generated());
            if (strategy.equals("STATIC")) {
                // forward mode along (1, 2, ..., 6), the tangent of o an OuterGrad: g · t
                Object tO = gradClass.getMethod("like", o.getClass()).invoke(null, o);
                Object tin = gradClass.getField("in").get(tO);
                tin.getClass().getField("x").setDouble(tin, 1);
                double[] tv = (double[]) tin.getClass().getField("v").get(tin);
                tv[0] = 2;
                tv[1] = 3;
                tv[2] = 4;
                gradClass.getField("s").setDouble(tO, 5);
                DoubleGrad out = new DoubleGrad();
                h.generated("fJvp").invoke(null, o, x0[5], tO, 6.0, out);
                double dot = 0;
                for (int i = 0; i < g.length; i++) {
                    dot += (i + 1) * g[i];
                }
                assertEquals(dot, out.get(), 1e-12 * Math.max(1, Math.abs(dot)), "Jvp against the gradient");
            }
            vjp.invoke(null, o, x0[5], 1.0, dO, dy);
            double[] twice = gradient(gradClass, dO, dy);
            for (int i = 0; i < g.length; i++) {
                assertEquals(
                        2 * g[i], twice[i], 1e-12 * Math.max(1, Math.abs(g[i])), strategy + ": accumulation at " + i);
            }
            gradClass.getMethod("zero").invoke(dO);
            assertEquals(
                    "Model_OuterGrad{s=0.0, in=Model_InnerGrad{x=0.0, v=[0.0, 0.0, 0.0]}}", dO.toString(), strategy);
            Object fresh = gradClass.getConstructor().newInstance();
            assertEquals(
                    "Model_OuterGrad{s=0.0, in=Model_InnerGrad{x=0.0, v=null}}",
                    fresh.toString(),
                    "new: nested gradients exist");
        }
    }

    /** in.x, in.v, s from the gradient object, then y's cell. */
    private static double[] gradient(Class<?> gradClass, Object dO, DoubleGrad dy) throws Exception {
        Object in = gradClass.getField("in").get(dO);
        double[] v = (double[]) in.getClass().getField("v").get(in);
        return new double[] {
            in.getClass().getField("x").getDouble(in),
            v[0],
            v[1],
            v[2],
            gradClass.getField("s").getDouble(dO),
            dy.get()
        };
    }

    static final String PASSED_ON = """
            record Inner(double x, double y) {}

            record Outer(Inner in, double s) {}

            static double g(Inner i) {
                return i.x() * Math.sin(i.y());
            }

            @Differentiable(wrt = {"i", "z"})
            static double h(Inner i, double z) {
                return i.y() * z + i.x();
            }

            @Differentiable(wrt = {"o", "z"}, strategy = Strategy.$S)
            static double f(Outer o, double z) {
                return g(o.in()) * o.s() + h(o.in(), z) * z;
            }
            """;

    @Test
    void aNestedRecordPassedOnGoesAsItsComponents() throws Exception {
        // g(o.in()) took a local before (issue 15), and a local was no way either: its components are o.in().x(),
        // o.in().y()
        double[] x0 = {0.7, -0.4, 1.3, 0.6}; // in.x, in.y, s, z
        double[][] grads = new double[2][];
        List<String> strategies = List.of("STATIC", "TAPE");
        for (int k = 0; k < 2; k++) {
            String strategy = strategies.get(k);
            ObjectHarness h = ObjectHarness.of(ObjectHarness.source(PASSED_ON, strategy), Map.of());
            assertEquals(
                    strategy.equals("STATIC") ? "obj.Model#f: static" : "obj.Model#f: tape (requested)",
                    h.translation.methods().stream()
                            .filter(m -> m.startsWith("obj.Model#f:"))
                            .findFirst()
                            .orElseThrow());
            ClassLoader loader = h.loader();
            Object o = outer2(loader, x0[0], x0[1], x0[2]);
            Class<?> gradClass = loader.loadClass("obj.Model_OuterGrad");
            Object dO = gradClass.getMethod("like", o.getClass()).invoke(null, o);
            DoubleGrad dz = new DoubleGrad();
            Method f = h.original("f", 2);
            assertEquals(
                    (double) f.invoke(null, o, x0[3]),
                    (double) h.generated("fVjp").invoke(null, o, x0[3], 1.0, dO, dz),
                    0.0);
            Object in = gradClass.getField("in").get(dO);
            double[] g = {
                in.getClass().getField("x").getDouble(in),
                in.getClass().getField("y").getDouble(in),
                gradClass.getField("s").getDouble(dO),
                dz.get()
            };
            GradCheck.Report report = GradCheck.check(
                    xs -> {
                        try {
                            return (double) f.invoke(null, outer2(loader, xs[0], xs[1], xs[2]), xs[3]);
                        } catch (Exception e) {
                            throw new AssertionError(e);
                        }
                    },
                    x0,
                    g,
                    1e-6,
                    1e-8);
            assertTrue(report.passed(), strategy + ": " + report + "\n" + h.translation.generated());
            grads[k] = g;
        }
        for (int i = 0; i < x0.length; i++) {
            assertEquals(grads[1][i], grads[0][i], 1e-12, "static against tape at " + i);
        }
    }

    private static Object outer2(ClassLoader loader, double x, double y, double s) throws Exception {
        Class<?> inner = loader.loadClass("obj.Model$Inner");
        var ki = inner.getDeclaredConstructor(double.class, double.class);
        ki.setAccessible(true);
        Class<?> outer = loader.loadClass("obj.Model$Outer");
        var ko = outer.getDeclaredConstructor(inner, double.class);
        ko.setAccessible(true);
        return ko.newInstance(ki.newInstance(x, y), s);
    }

    @Test
    void aRecordFromACallPassedOnIsAnErrorAtItsPosition() {
        List<dev.adjoint.generator.Diagnostic> ds = ObjectHarness.errors(ObjectHarness.source("""
                record Inner(double x) {}

                static double g(Inner i) {
                    return i.x();
                }

                static Inner make(double x) {
                    return new Inner(x);
                }

                @Differentiable
                static double f(double x) {
                    return g(make(x)) * x;
                }
                """, "AUTO"));
        assertEquals(1, ds.size(), ds.toString());
        assertEquals(19, ds.get(0).line(), ds.toString());
        assertTrue(
                ds.get(0)
                        .message()
                        .startsWith(
                                "'make(x)' passes a record Inner to 'g', which takes it as its components: 'make(x)' is"
                                        + " neither a variable, a component of one (o.in()) nor a new Inner(...)"),
                ds.toString());
    }

    @Test
    void anUnsupportedNestedComponentIsAnErrorWhereItIsRead() {
        List<dev.adjoint.generator.Diagnostic> ds = ObjectHarness.errors(ObjectHarness.source("""
                record Inner(double x, String name) {}

                record Outer(Inner in, double s) {}

                @Differentiable(wrt = "o")
                static double f(Outer o) {
                    return o.in().name().length() * o.s();
                }
                """, "AUTO"));
        assertEquals(1, ds.size(), ds.toString());
        assertTrue(
                ds.get(0).message().startsWith("'o.in().name()' reads component 'name' of type String"), ds.toString());
    }
}
