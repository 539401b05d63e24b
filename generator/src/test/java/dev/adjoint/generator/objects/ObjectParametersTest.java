package dev.adjoint.generator.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.DoubleGrad;
import dev.adjoint.check.GradCheck;
import dev.adjoint.generator.Diagnostic;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A parameter whose type is a plain class of the sources (not a record): its fields read as
 * {@code s.x}, {@code s.w[i]}, {@code s.p.k()} (a record it holds), {@code wrt} naming it, the
 * gradient added into the generated {@code ...Grad}; both strategies against central differences
 * and against each other, accumulation, {@code zero()}, forward mode against the gradient.
 */
class ObjectParametersTest {
    static final String STATE = """
            record Params(double k, double[] shift) {}

            static final class State {
                double x;
                double v;
                final double[] w;
                final Params p;
                int n;
                String tag;
                private double hidden;

                State(double x, double v, double[] w, Params p, int n) {
                    this.x = x;
                    this.v = v;
                    this.w = w;
                    this.p = p;
                    this.n = n;
                    this.tag = "s";
                }
            }

            @Differentiable(wrt = {"s", "u"}, strategy = Strategy.$S)
            static double energy(State s, double u) {
                double e = 0.5 * s.p.k() * s.x * s.x + 0.5 * s.v * s.v * u;
                for (int i = 0; i < s.n; i++) {
                    e += Math.sin(s.w[i] * s.x) * s.p.shift()[i % s.p.shift().length];
                }
                return e * u;
            }
            """;

    /** x, v, w[0..2], p.k, p.shift[0..1], then u. */
    private static final double[] X0 = {0.7, -0.4, 0.3, -1.2, 2.0, 1.5, 0.25, -0.5, 1.3};

    static Object state(ClassLoader loader, double[] xs) throws Exception {
        Class<?> params = loader.loadClass("obj.Model$Params");
        var kp = params.getDeclaredConstructor(double.class, double[].class);
        kp.setAccessible(true);
        Class<?> state = loader.loadClass("obj.Model$State");
        var ks = state.getDeclaredConstructor(double.class, double.class, double[].class, params, int.class);
        ks.setAccessible(true);
        return ks.newInstance(
                xs[0],
                xs[1],
                new double[] {xs[2], xs[3], xs[4]},
                kp.newInstance(xs[5], new double[] {xs[6], xs[7]}),
                3);
    }

    /** The gradient's numbers in {@link #X0}'s order. */
    private static double[] gradient(Object ds, DoubleGrad du) throws Exception {
        Class<?> g = ds.getClass();
        double[] w = (double[]) g.getField("w").get(ds);
        Object p = g.getField("p").get(ds);
        double[] shift = (double[]) p.getClass().getField("shift").get(p);
        return new double[] {
            g.getField("x").getDouble(ds),
            g.getField("v").getDouble(ds),
            w[0],
            w[1],
            w[2],
            p.getClass().getField("k").getDouble(p),
            shift[0],
            shift[1],
            du.get()
        };
    }

    @Test
    void aClassParameterBothStrategiesAgainstCentralDifferencesAndEachOther() throws Exception {
        double[][] grads = new double[2][];
        List<String> strategies = List.of("STATIC", "TAPE");
        for (int k = 0; k < 2; k++) {
            String strategy = strategies.get(k);
            ObjectHarness h = ObjectHarness.of(ObjectHarness.source(STATE, strategy), Map.of());
            ClassLoader loader = h.loader();
            Object s = state(loader, X0);
            Class<?> gradClass = loader.loadClass("obj.Model_StateGrad");
            Object ds = gradClass.getMethod("like", s.getClass()).invoke(null, s);
            DoubleGrad du = new DoubleGrad();
            Method f = h.original("energy", 2);
            Method grad = h.generated("energyGrad");
            assertEquals(
                    (double) f.invoke(null, s, X0[8]), (double) grad.invoke(null, s, X0[8], ds, du), 0.0, strategy);
            double[] g = gradient(ds, du);
            grads[k] = g;
            GradCheck.Report report = GradCheck.check(
                    xs -> {
                        try {
                            return (double) f.invoke(null, state(loader, xs), xs[8]);
                        } catch (Exception e) {
                            throw new AssertionError(e);
                        }
                    },
                    X0,
                    g,
                    1e-6,
                    1e-8);
            assertTrue(report.passed(), strategy + ": " + report + "\n" + h.translation.generated());
            grad.invoke(null, s, X0[8], ds, du);
            double[] twice = gradient(ds, du);
            for (int i = 0; i < g.length; i++) {
                assertEquals(
                        2 * g[i], twice[i], 1e-12 * Math.max(1, Math.abs(g[i])), strategy + ": accumulation at " + i);
            }
            gradClass.getMethod("zero").invoke(ds);
            assertEquals(
                    "Model_StateGrad{x=0.0, v=0.0, w=[0.0, 0.0, 0.0], p=Model_ParamsGrad{k=0.0, shift=[0.0, 0.0]}}",
                    ds.toString(),
                    strategy);
            if (strategy.equals("STATIC")) {
                // forward mode along (1, 2, ..., 9), the tangent of s a StateGrad: g · t
                Object ts = gradClass.getMethod("like", s.getClass()).invoke(null, s);
                gradClass.getField("x").setDouble(ts, 1);
                gradClass.getField("v").setDouble(ts, 2);
                double[] tw = (double[]) gradClass.getField("w").get(ts);
                tw[0] = 3;
                tw[1] = 4;
                tw[2] = 5;
                Object tp = gradClass.getField("p").get(ts);
                tp.getClass().getField("k").setDouble(tp, 6);
                double[] tshift = (double[]) tp.getClass().getField("shift").get(tp);
                tshift[0] = 7;
                tshift[1] = 8;
                DoubleGrad out = new DoubleGrad();
                h.generated("energyJvp").invoke(null, s, X0[8], ts, 9.0, out);
                double dot = 0;
                for (int i = 0; i < g.length; i++) {
                    dot += (i + 1) * g[i];
                }
                assertEquals(dot, out.get(), 1e-12 * Math.max(1, Math.abs(dot)), "Jvp against the gradient");
                // H·v along the same direction, against central differences of the generated gradient
                Object vs = ts;
                Object dS = gradClass.getMethod("like", s.getClass()).invoke(null, s);
                Object hvS = gradClass.getMethod("like", s.getClass()).invoke(null, s);
                DoubleGrad dU = new DoubleGrad();
                DoubleGrad hvU = new DoubleGrad();
                h.generated("energyHvp").invoke(null, s, X0[8], vs, 9.0, dS, dU, hvS, hvU);
                double[] hv = gradient(hvS, hvU);
                double eps = 1e-5;
                double[] up = new double[X0.length];
                double[] down = new double[X0.length];
                for (int i = 0; i < X0.length; i++) {
                    up[i] = X0[i] + eps * (i + 1);
                    down[i] = X0[i] - eps * (i + 1);
                }
                double[] gUp = gradientAt(h, gradClass, up);
                double[] gDown = gradientAt(h, gradClass, down);
                for (int i = 0; i < X0.length; i++) {
                    double fd = (gUp[i] - gDown[i]) / (2 * eps);
                    assertEquals(
                            fd,
                            hv[i],
                            1e-5 * Math.max(1, Math.abs(fd)),
                            "Hvp against central differences of the gradient at " + i);
                }
            }
        }
        for (int i = 0; i < grads[0].length; i++) {
            assertEquals(
                    grads[0][i],
                    grads[1][i],
                    1e-12 * Math.max(1, Math.abs(grads[0][i])),
                    "static against tape at " + i);
        }
    }

    private static double[] gradientAt(ObjectHarness h, Class<?> gradClass, double[] xs) throws Exception {
        Object s = state(h.loader(), xs);
        Object ds = gradClass.getMethod("like", s.getClass()).invoke(null, s);
        DoubleGrad du = new DoubleGrad();
        h.generated("energyGrad").invoke(null, s, xs[8], ds, du);
        return gradient(ds, du);
    }

    @Test
    void withoutWrtNamingItAnObjectIsAConstant() throws Exception {
        ObjectHarness h = ObjectHarness.of(
                ObjectHarness.source(STATE.replace("wrt = {\"s\", \"u\"}", "wrt = \"u\""), "STATIC"), Map.of());
        Object s = state(h.loader(), X0);
        DoubleGrad du = new DoubleGrad();
        Method f = h.original("energy", 2);
        assertEquals(
                (double) f.invoke(null, s, X0[8]),
                (double) h.generated("energyGrad").invoke(null, s, X0[8], du),
                0.0);
        double eps = 1e-6;
        double fd = ((double) f.invoke(null, s, X0[8] + eps) - (double) f.invoke(null, s, X0[8] - eps)) / (2 * eps);
        assertEquals(fd, du.get(), 1e-6 * Math.max(1, Math.abs(fd)));
    }

    @Test
    void assigningAFieldOfTheParameterIsAnErrorAtTheAssignment() {
        List<Diagnostic> ds = ObjectHarness.errors(ObjectHarness.source("""
                static final class State {
                    double x;
                    double v;
                }

                @Differentiable(wrt = "s")
                static double f(State s) {
                    s.v += 0.1 * s.x;
                    s.x = 2 * s.x;
                    return s.x * s.v;
                }
                """, "AUTO"));
        assertEquals(2, ds.size(), ds.toString());
        assertEquals(List.of(14, 15), ds.stream().map(Diagnostic::line).toList(), ds.toString());
        assertTrue(
                ds.get(0)
                        .message()
                        .startsWith("'s.v += 0.1 * s.x' assigns field 'v' of parameter 's': a differentiated method"
                                + " reads an object parameter's fields once, on entry"),
                ds.toString());
    }

    @Test
    void readingAFieldTheGeneratedClassCannotReadIsAnError() {
        List<Diagnostic> ds = ObjectHarness.errors(ObjectHarness.source("""
                static final class State {
                    double x;
                    private double secret;
                    String tag;
                }

                @Differentiable(wrt = "s")
                static double f(State s) {
                    return s.x * s.secret + s.tag.length();
                }
                """, "AUTO"));
        assertEquals(2, ds.size(), ds.toString());
        assertTrue(
                ds.get(0)
                        .message()
                        .startsWith("'s.secret' reads field 'secret' of class State, which the generated class cannot"
                                + " read: it is private; make it public"),
                ds.toString());
        assertTrue(ds.get(1).message().startsWith("'s.tag' reads field 'tag' of type String"), ds.toString());
    }

    @Test
    void usingTheObjectOtherThanReadingItsFieldsIsAnError() {
        List<Diagnostic> ds = ObjectHarness.errors(ObjectHarness.source("""
                static final class State {
                    double x;

                    double twice() {
                        x += 1;
                        double r = 2 * x;
                        return r;
                    }
                }

                static double g(State s) {
                    return s.x;
                }

                @Differentiable(wrt = "s")
                static double f(State s) {
                    return g(s) * s.twice();
                }
                """, "AUTO"));
        // (a method computing one expression would be replaced by it: see
        // methodsOfAFinalClassParameterAreTheirExpressions; one assigning no field is called through a static helper:
        // see RecordMethodsTest; this one assigns its field)
        assertEquals(2, ds.size(), ds.toString());
        assertTrue(
                ds.stream()
                        .allMatch(d -> d.line() == 23
                                && d.message()
                                        .contains("uses object parameter 's' other than reading its"
                                                + " fields ('s.x')")),
                ds.toString());
    }

    @Test
    void aClassWhoseTwoGradientsWouldDifferIsAnErrorNotTwoClasses() {
        List<Diagnostic> ds = ObjectHarness.errors(ObjectHarness.source("""
                double a;
                private double b;

                @Differentiable(wrt = "this")
                double f(double x) {
                    return a * x + b;
                }

                @Differentiable(wrt = "o")
                static double g(Model o, double y) {
                    return o.a * o.a * y;
                }
                """, "AUTO"));
        assertEquals(1, ds.size(), ds.toString());
        assertTrue(
                ds.get(0).message().startsWith("the build would write two different 'obj.ModelGrad'"), ds.toString());
    }

    @Test
    void aClassDifferentiatedBothWaysWithTheSameFieldsSharesItsGradient() throws Exception {
        ObjectHarness h = ObjectHarness.of(ObjectHarness.source("""
                double a;
                double[] w = {0.5, -1.5};

                @Differentiable(wrt = "this")
                double f(double x) {
                    return a * x + w[0] * w[1];
                }

                @Differentiable(wrt = "o")
                static double g(Model o, double y) {
                    return o.a * o.w[1] * y;
                }
                """, "STATIC"), Map.of());
        Object o = h.fresh();
        Object grad = h.gradOf(o);
        h.generated("gGrad").invoke(null, o, 3.0, grad);
        h.generated("fGrad").invoke(null, o, 2.0, grad);
        assertEquals(
                "ModelGrad{a=-2.5, w=[-1.5, 0.5]}",
                grad.toString()); // g: (w1 y, 0, a y) = (-4.5, 0, 0), f: (x, w1, w0)
    }

    /** A force law taking a plain value class and a record, called with the parameter, a local object, and for its value. */
    static final String PASSED_ON = """
            record Params(double k, double c) {}

            static final class State {
                double x;
                double v;

                State(double x, double v) {
                    this.x = x;
                    this.v = v;
                }
            }

            @Differentiable(wrt = {"s", "p"})
            static double accel(State s, Params p) {
                return -p.k() * s.x - p.c() * s.v * Math.abs(s.v);
            }

            @Differentiable(wrt = {"s", "p"}, strategy = Strategy.$S)
            static double energy(State s, Params p, double dt, int steps) {
                double x = s.x;
                double v = s.v;
                for (int i = 0; i < steps; i++) {
                    State t = new State(x, v);
                    double a = accel(t, p);
                    if (Model.accel(s, p) > 0) {
                        a = a * 1.01;
                    }
                    x += dt * v;
                    v += dt * a;
                }
                return 0.5 * p.k() * x * x + 0.5 * v * v + accel(s, p);
            }
            """;

    private static Object[] passedOnArgs(ClassLoader loader, double[] q) throws Exception {
        Class<?> params = loader.loadClass("obj.Model$Params");
        var kp = params.getDeclaredConstructor(double.class, double.class);
        kp.setAccessible(true);
        Class<?> state = loader.loadClass("obj.Model$State");
        var ks = state.getDeclaredConstructor(double.class, double.class);
        ks.setAccessible(true);
        return new Object[] {ks.newInstance(q[0], q[1]), kp.newInstance(q[2], q[3]), 0.05, 30};
    }

    @Test
    void anObjectPassedOnToADifferentiableMethodBothStrategies() throws Exception {
        double[] q0 = {0.8, -0.3, 3.0, 0.4}; // s.x, s.v, p.k, p.c
        double[][] grads = new double[2][];
        List<String> strategies = List.of("STATIC", "TAPE");
        for (int k = 0; k < 2; k++) {
            ObjectHarness h = ObjectHarness.of(ObjectHarness.source(PASSED_ON, strategies.get(k)), Map.of());
            ClassLoader loader = h.loader();
            Object[] args = passedOnArgs(loader, q0);
            Object ds = loader.loadClass("obj.Model_StateGrad").getConstructor().newInstance();
            Object dp =
                    loader.loadClass("obj.Model_ParamsGrad").getConstructor().newInstance();
            Method f = h.original("energy", 4);
            double value = (double) h.generated("energyGrad").invoke(null, args[0], args[1], args[2], args[3], ds, dp);
            assertEquals((double) f.invoke(null, args), value, 0.0, strategies.get(k));
            double[] g = {
                ds.getClass().getField("x").getDouble(ds),
                ds.getClass().getField("v").getDouble(ds),
                dp.getClass().getField("k").getDouble(dp),
                dp.getClass().getField("c").getDouble(dp)
            };
            grads[k] = g;
            GradCheck.Report report = GradCheck.check(
                    xs -> {
                        try {
                            return (double) f.invoke(null, passedOnArgs(loader, xs));
                        } catch (Exception e) {
                            throw new AssertionError(e);
                        }
                    },
                    q0,
                    g,
                    1e-6,
                    1e-8);
            assertTrue(report.passed(), strategies.get(k) + ": " + report + "\n" + h.translation.generated());
        }
        for (int i = 0; i < q0.length; i++) {
            assertEquals(
                    grads[0][i],
                    grads[1][i],
                    1e-12 * Math.max(1, Math.abs(grads[0][i])),
                    "static against tape at " + i);
        }
    }

    @Test
    void anObjectPassedOnMustBeMadeAgainFromItsFields() {
        List<Diagnostic> ds = ObjectHarness.errors(ObjectHarness.source("""
                static final class State {
                    double x;
                    double v;

                    State(double v, double x) {
                        this.x = x;
                        this.v = v;
                    }
                }

                @Differentiable(wrt = "s")
                static double g(State s) {
                    return s.x * s.v;
                }

                @Differentiable(wrt = "s")
                static double f(State s) {
                    return g(s) + s.x;
                }
                """, "AUTO"));
        assertEquals(1, ds.size(), ds.toString());
        assertTrue(
                ds.get(0)
                        .message()
                        .startsWith(
                                "'s' passes an object of class State to 'g', which takes it as its fields: class State's"
                                        + " constructor does not take its fields in the order it declares them"),
                ds.toString());
    }

    /**
     * The same energy computed through the final class's own methods ({@code s.kinetic()},
     * {@code s.potential(u)}): replaced by their expressions (ValueMethods), the same gradient as the
     * inline form, both strategies, against central differences; a non-final class's method may be
     * overridden, so calling it on a parameter stays an error.
     */
    @Test
    void methodsOfAFinalClassParameterAreTheirExpressions() throws Exception {
        String methods = STATE.replace(
                        "    private double hidden;\n",
                        "    private double hidden;\n\n"
                                + "    double kinetic() {\n        return 0.5 * v * v;\n    }\n\n"
                                + "    double potential(double u) {\n        double stiff = p.k();\n        return 0.5 * stiff * x * x / u;\n    }\n")
                .replace(
                        "double e = 0.5 * s.p.k() * s.x * s.x + 0.5 * s.v * s.v * u;",
                        "double e = (s.potential(u) + s.kinetic()) * u;");
        for (String strategy : List.of("STATIC", "TAPE")) {
            ObjectHarness h = ObjectHarness.of(ObjectHarness.source(methods, strategy), Map.of());
            ClassLoader loader = h.loader();
            Object s = state(loader, X0);
            Object ds = loader.loadClass("obj.Model_StateGrad")
                    .getMethod("like", s.getClass())
                    .invoke(null, s);
            DoubleGrad du = new DoubleGrad();
            Method f = h.original("energy", 2);
            assertEquals(
                    (double) f.invoke(null, s, X0[8]),
                    (double) h.generated("energyGrad").invoke(null, s, X0[8], ds, du),
                    0.0);
            GradCheck.Report report = GradCheck.check(
                    xs -> {
                        try {
                            return (double) f.invoke(null, state(loader, xs), xs[8]);
                        } catch (Exception e) {
                            throw new AssertionError(e);
                        }
                    },
                    X0,
                    gradient(ds, du),
                    1e-6,
                    1e-8);
            assertTrue(report.passed(), strategy + ": " + report);
        }
        assertTrue(methods.contains("s.kinetic()") && methods.contains("double kinetic()"), methods);
        List<Diagnostic> ds = ObjectHarness.errors(
                ObjectHarness.source(methods.replace("static final class State", "static class State"), "AUTO"));
        assertTrue(
                ds.size() == 2
                        && ds.stream()
                                .allMatch(d -> d.message()
                                        .contains("of a final class that assign none of its fields (or final"
                                                + " methods: an object of a subclass may override another)")),
                ds.toString());
    }
}
