package dev.adjoint.generator.stranger;

import static dev.adjoint.generator.stranger.StrangerHarness.assertAgree;
import static dev.adjoint.generator.stranger.StrangerHarness.build;
import static dev.adjoint.generator.stranger.StrangerHarness.onTape;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.DoubleGrad;
import dev.adjoint.check.AdjointCheck;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The checks of the object-style programs ({@link ObjectStylesTest}, {@link ObjectStylesPricingTest}): each built with
 * AUTO and on the tape, AUTO required static, both gradients against central differences and against each other.
 */
final class ObjectStylesHarness {
    private ObjectStylesHarness() {}

    /** Builds {@code sources} as written and on the tape, checks {@code owner#method} both ways and static against tape. */
    static void check(
            Map<String, String> sources, String owner, String method, Function<StrangerHarness.Built, Object[]> args)
            throws Exception {
        double[] gradient = null;
        for (boolean tape : new boolean[] {false, true}) {
            Map<String, String> built = new LinkedHashMap<>();
            sources.forEach((name, text) -> built.put(name, tape ? onTape(text) : text));
            StrangerHarness.Built b = build(built);
            Class<?> type = b.type(owner);
            Object[] a = args.apply(b);
            AdjointCheck.assertGradient(type, method, a);
            double[] flat = gradientOf(b, owner, method, args.apply(b));
            if (!tape) {
                assertTrue(
                        b.methods().contains("stranger." + owner + "#" + method + ": static"),
                        b.methods().toString());
                gradient = flat;
            } else {
                assertAgree(gradient, flat, 1e-12, owner + "#" + method + ": static vs tape");
            }
        }
    }

    /** Calls {@code methodGrad} with fresh sinks ({@code TGrad.like}, {@code TGrad[] like}, {@code DoubleGrad}) and flattens them. */
    static double[] gradientOf(StrangerHarness.Built b, String owner, String method, Object[] args) throws Exception {
        Method grad = null;
        for (Method m : b.type(owner + "Adjoint").getMethods()) {
            if (m.getName().equals(method + "Grad")) {
                grad = m;
            }
        }
        assertTrue(grad != null, "no " + method + "Grad");
        Class<?>[] types = grad.getParameterTypes();
        List<Object> call = new ArrayList<>(List.of(args));
        List<Object> sinks = new ArrayList<>();
        int arrays = 0; // (a double[] or double[][] sink is shaped like the next such argument, in order)
        for (int i = args.length; i < types.length; i++) {
            Object sink;
            if (types[i] == DoubleGrad.class) {
                sink = new DoubleGrad();
            } else if (types[i] == double[].class || types[i] == double[][].class) {
                Object shape = null;
                for (int k = 0, seen = 0; k < args.length && shape == null; k++) {
                    if (args[k] != null && args[k].getClass() == types[i] && seen++ == arrays) {
                        shape = args[k];
                    }
                }
                assertTrue(shape != null, "no argument shapes " + types[i]);
                arrays++;
                sink = zeroLike(shape);
            } else {
                Class<?> g = types[i].isArray() ? types[i].getComponentType() : types[i];
                Object shape = null;
                for (Object a : args) {
                    if (a != null
                            && g.getSimpleName().endsWith(simple(a.getClass()) + "Grad")
                            && a.getClass().isArray() == types[i].isArray()) {
                        shape = a;
                    }
                }
                assertTrue(shape != null, "no argument shapes " + types[i]);
                sink = g.getMethod("like", shape.getClass()).invoke(null, shape);
            }
            sinks.add(sink);
            call.add(sink);
        }
        grad.invoke(null, call.toArray());
        List<Double> out = new ArrayList<>();
        sinks.forEach(s -> flatten(s, out));
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A zero array of {@code shape}'s lengths (a {@code double[]} or a {@code double[][]}, ragged or not). */
    private static Object zeroLike(Object shape) {
        if (shape instanceof double[] v) {
            return new double[v.length];
        }
        double[][] m = (double[][]) shape;
        double[][] z = new double[m.length][];
        for (int r = 0; r < m.length; r++) {
            z[r] = new double[m[r].length];
        }
        return z;
    }

    /** Every number of a sink, depth first: cells, arrays, gradient objects' public fields (nested ones and arrays of them too). */
    static void flatten(Object v, List<Double> out) {
        if (v instanceof DoubleGrad d) {
            out.add(d.get());
        } else if (v instanceof Double d) {
            out.add(d);
        } else if (v != null && v.getClass().isArray()) {
            for (int e = 0; e < Array.getLength(v); e++) {
                flatten(Array.get(v, e), out);
            }
        } else if (v != null) {
            try {
                for (java.lang.reflect.Field f : v.getClass().getDeclaredFields()) {
                    if (java.lang.reflect.Modifier.isPublic(f.getModifiers())
                            && !java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                        flatten(f.get(v), out);
                    }
                }
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** A class's name as its gradient class spells it ({@code Outer_Inner}). */
    static String simple(Class<?> c) {
        Class<?> e = c.isArray() ? c.getComponentType() : c;
        return e.getName().substring(e.getName().lastIndexOf('.') + 1).replace('$', '_');
    }

    static Object make(StrangerHarness.Built b, String type, Object... args) {
        try {
            for (var k : b.type(type).getDeclaredConstructors()) {
                if (k.getParameterCount() == args.length) {
                    k.setAccessible(true);
                    return k.newInstance(args);
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no constructor of " + type + " with " + args.length + " arguments");
    }

    static Object array(StrangerHarness.Built b, String type, Object... elements) {
        Object out = Array.newInstance(b.type(type), elements.length);
        for (int i = 0; i < elements.length; i++) {
            Array.set(out, i, elements[i]);
        }
        return out;
    }
}
