package dev.adjoint.generator.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.DoubleGrad;
import dev.adjoint.FloatGrad;
import dev.adjoint.check.GradCheck;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.pipeline.Pipeline;
import dev.adjoint.generator.testing.InMemoryCompiler;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the adjoint of an instance method of class {@code obj.Model} against the method itself
 * (value, the arguments and the object as the method leaves them) and against central differences
 * of the method, over the own floating parameters it differentiates and, for {@code wrt = "this"},
 * the object's floating fields.
 */
final class ObjectHarness {
    static final String HEADER = "package obj;\n\nimport dev.adjoint.Differentiable;\nimport dev.adjoint.Strategy;\n\n";

    /**
     * A record argument, built in the compiled classes' loader: {@code binaryName}
     * ({@code obj.Model$Params}) and its components in order.
     */
    record RecordArg(String binaryName, Object... components) {}

    private final Class<?> owner;
    private final Class<?> adjoint;
    private final ClassLoader loader;
    final Translation translation;

    private ObjectHarness(ClassLoader loader, Translation translation) throws ReflectiveOperationException {
        this.loader = loader;
        this.owner = loader.loadClass("obj.Model");
        this.adjoint = loader.loadClass("obj.ModelAdjoint");
        this.translation = translation;
    }

    /** {@code classBody} (the members of {@code public class Model}) with {@code $S} replaced by {@code strategy}. */
    static String source(String classBody, String strategy) {
        return HEADER + "public class Model {\n"
                + classBody.replace("$S", strategy).stripIndent().indent(4) + "}\n";
    }

    /** Translates and compiles {@code source} (and {@code others}: name to source), failing on any error. */
    static ObjectHarness of(String source, Map<String, String> others) {
        Map<Path, String> files = new java.util.TreeMap<>();
        files.put(Path.of("Model.java"), source);
        others.forEach((n, s) -> files.put(Path.of(n.substring(n.lastIndexOf('.') + 1) + ".java"), s));
        Translation t = Pipeline.translate(files, Optional.empty(), Options.DEFAULT);
        if (t.hasErrors()) {
            throw new AssertionError("generator errors:\n"
                    + String.join(
                            "\n",
                            t.diagnostics().stream().map(Diagnostic::toString).toList()));
        }
        Map<String, String> all = new HashMap<>(t.generated());
        all.put("obj.Model", source);
        all.putAll(others);
        try {
            return new ObjectHarness(InMemoryCompiler.compile(all), t);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** The errors of translating {@code source}. */
    static List<Diagnostic> errors(String source) {
        Translation t = Pipeline.translate(Map.of(Path.of("Model.java"), source), Optional.empty(), Options.DEFAULT);
        assertTrue(t.hasErrors(), "expected a build error, got\n" + t.generated());
        return t.diagnostics();
    }

    /**
     * Checks {@code method} at each point for every strategy.
     *
     * @param wrtOwn indices of the own parameters differentiated, in order
     * @param wrtThis whether the object's fields are
     */
    static void differentiates(
            String classBody,
            String method,
            int[] wrtOwn,
            boolean wrtThis,
            List<String> strategies,
            double rtol,
            Object[]... points) {
        for (String strategy : strategies) {
            ObjectHarness h = of(source(classBody, strategy), Map.of());
            for (Object[] p : points) {
                h.check(method, wrtOwn, wrtThis, rtol, strategy, p);
                // (a float method's Hvp is checked in the corpus, against its double twin's gradient)
                if (h.hasGenerated(method + "Hvp")
                        && h.original(method, p.length).getReturnType() == double.class) {
                    ObjectHessians.check(
                            h, method, wrtOwn, wrtThis, Arrays.deepToString(p).hashCode(), p);
                }
            }
        }
    }

    ClassLoader loader() {
        return loader;
    }

    Object fresh() {
        try {
            var c = owner.getDeclaredConstructor();
            c.setAccessible(true);
            return c.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    Method original(String name, int arity) {
        return find(owner, name, arity);
    }

    boolean hasGenerated(String name) {
        return Arrays.stream(adjoint.getDeclaredMethods())
                .anyMatch(m -> m.getName().equals(name));
    }

    Method generated(String name) {
        return Arrays.stream(adjoint.getDeclaredMethods())
                .filter(m -> m.getName().equals(name))
                .findFirst()
                .map(m -> {
                    m.setAccessible(true);
                    return m;
                })
                .orElseThrow(() -> new AssertionError("no " + name + " in " + translation.generated()));
    }

    private static Method find(Class<?> c, String name, int arity) {
        Method m = Arrays.stream(c.getDeclaredMethods())
                .filter(x -> x.getName().equals(name) && x.getParameterCount() == arity)
                .findFirst()
                .orElseThrow();
        m.setAccessible(true);
        return m;
    }

    /** The object's float and double fields (scalars and arrays), in declaration order. */
    /** The members of {@code c}'s gradient class, if the build wrote one. */
    private java.util.Set<String> gradMembers(Class<?> c) {
        try {
            return Arrays.stream(loader.loadClass(c.getName() + "Grad").getFields())
                    .map(Field::getName)
                    .collect(java.util.stream.Collectors.toSet());
        } catch (ClassNotFoundException e) {
            return java.util.Set.of();
        }
    }

    List<Field> floatingFields(Class<?> c) {
        List<Field> out = new ArrayList<>();
        for (Field f : c.getDeclaredFields()) {
            Class<?> t = f.getType();
            while (t.isArray()) {
                t = t.getComponentType();
            }
            if (Modifier.isFinal(f.getModifiers())
                    && f.getType().isPrimitive()
                    && !gradMembers(c).contains(f.getName())) {
                continue; // a constant javac reads as its value, not one of the object's inputs (ConstantFields)
            }
            if (!Modifier.isStatic(f.getModifiers()) && (t == double.class || t == float.class)) {
                f.setAccessible(true);
                out.add(f);
            }
        }
        return out;
    }

    /** The object's state as text: every instance field, arrays deep. */
    String state(Object o) {
        StringBuilder sb = new StringBuilder();
        for (Field f : owner.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            f.setAccessible(true);
            try {
                sb.append(f.getName())
                        .append('=')
                        .append(Arrays.deepToString(new Object[] {f.get(o)}))
                        .append(' ');
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        return sb.toString();
    }

    Object gradOf(Object self) {
        try {
            Class<?> g = loader.loadClass("obj.ModelGrad");
            return g.getMethod("like", owner).invoke(null, self);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private Object build(RecordArg r, Object[] components) {
        try {
            Class<?> c = loader.loadClass(r.binaryName());
            Class<?>[] types = Arrays.stream(c.getRecordComponents())
                    .map(java.lang.reflect.RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            var k = c.getDeclaredConstructor(types);
            k.setAccessible(true);
            Object[] copies = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                copies[i] = deepCopy(components[i]);
            }
            return k.newInstance(copies);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code p} with record arguments built. */
    Object[] materialize(Object[] p) {
        Object[] out = copy(p);
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof RecordArg r) {
                out[i] = build(r, r.components());
            }
        }
        return out;
    }

    /** The floating components of {@code r}, in order. */
    private static java.util.List<Object> floatingComponents(RecordArg r) {
        java.util.List<Object> out = new ArrayList<>();
        for (Object c : r.components()) {
            if (isFloating(c)) {
                out.add(c);
            }
        }
        return out;
    }

    static boolean isFloating(Object c) {
        return c instanceof Double
                || c instanceof Float
                || c instanceof double[]
                || c instanceof float[]
                || c instanceof double[][]
                || c instanceof float[][];
    }

    /** The gradient class of record argument {@code r}: {@code obj.Model$Params} to {@code obj.Model_ParamsGrad}. */
    Object recordGradOf(RecordArg r, Object built) {
        try {
            Class<?> g = loader.loadClass(r.binaryName().replace('$', '_') + "Grad");
            return g.getMethod("like", built.getClass()).invoke(null, built);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    void check(String method, int[] wrtOwn, boolean wrtThis, double rtol, String strategy, Object[] p) {
        try {
            Method m = original(method, p.length);
            Object a = fresh();
            Object[] argsA = materialize(p);
            Object expected = invoke(m, a, argsA);
            Object b = fresh();
            Object[] argsB = materialize(p);
            List<Object> call = new ArrayList<>();
            if (!Modifier.isStatic(m.getModifiers())) {
                call.add(b);
            }
            call.addAll(Arrays.asList(argsB));
            call.add(m.getReturnType() == float.class ? (Object) 1.0f : (Object) 1.0);
            Object sink = null;
            if (wrtThis) {
                sink = gradOf(b);
                call.add(sink);
            }
            List<Object> buffers = new ArrayList<>();
            for (int i : wrtOwn) {
                buffers.add(p[i] instanceof RecordArg r ? recordGradOf(r, argsB[i]) : zeroLike(p[i]));
            }
            call.addAll(buffers);
            Object got = generated(method + "Vjp").invoke(null, call.toArray());
            assertEquals(
                    ((Number) expected).doubleValue(),
                    ((Number) got).doubleValue(),
                    0.0,
                    strategy + ": value at " + Arrays.deepToString(p));
            assertEquals(describe(argsA), describe(argsB), strategy + ": arguments as the method leaves them");
            assertEquals(state(a), state(b), strategy + ": the object as the method leaves it");
            List<Double> analytic = new ArrayList<>();
            for (int k = 0; k < buffers.size(); k++) {
                Object buffer = buffers.get(k);
                if (p[wrtOwn[k]] instanceof RecordArg r) {
                    for (java.lang.reflect.RecordComponent c :
                            argsB[wrtOwn[k]].getClass().getRecordComponents()) {
                        c.getAccessor().setAccessible(true);
                        Object value = c.getAccessor().invoke(argsB[wrtOwn[k]]);
                        if (isFloating(value)) {
                            flatten(buffer.getClass().getField(c.getName()).get(buffer), analytic);
                        }
                    }
                } else {
                    flatten(buffer, analytic);
                }
            }
            if (wrtThis) {
                for (Field f : floatingFields(owner)) {
                    flatten(sink.getClass().getField(f.getName()).get(sink), analytic);
                }
            }
            List<Double> x0 = new ArrayList<>();
            for (int i : wrtOwn) {
                if (p[i] instanceof RecordArg r) {
                    floatingComponents(r).forEach(c -> flatten(c, x0));
                } else {
                    flatten(p[i], x0);
                }
            }
            Object base = fresh();
            if (wrtThis) {
                for (Field f : floatingFields(owner)) {
                    flatten(f.get(base), x0);
                }
            }
            double[] x = x0.stream().mapToDouble(Double::doubleValue).toArray();
            double[] g = analytic.stream().mapToDouble(Double::doubleValue).toArray();
            assertEquals(x.length, g.length, "gradient length");
            boolean isFloat = m.getReturnType() == float.class;
            GradCheck.Report report = GradCheck.check(
                    xs -> {
                        try {
                            Object o = fresh();
                            Object[] args = copy(p);
                            int[] at = {0};
                            for (int i : wrtOwn) {
                                if (p[i] instanceof RecordArg r) {
                                    Object[] cs = r.components().clone();
                                    for (int k = 0; k < cs.length; k++) {
                                        if (isFloating(cs[k])) {
                                            cs[k] = unflatten(cs[k], xs, at);
                                        }
                                    }
                                    args[i] = new RecordArg(r.binaryName(), cs);
                                } else {
                                    args[i] = unflatten(args[i], xs, at);
                                }
                            }
                            args = materialize(args);
                            if (wrtThis) {
                                for (Field f : floatingFields(owner)) {
                                    f.set(o, unflatten(f.get(o), xs, at));
                                }
                            }
                            return ((Number) invoke(m, o, args)).doubleValue();
                        } catch (ReflectiveOperationException e) {
                            throw new AssertionError(e);
                        }
                    },
                    x,
                    g,
                    rtol,
                    isFloat ? 1e-3 : 1e-8);
            assertTrue(
                    report.passed(),
                    strategy + ": gradient against central differences at " + Arrays.deepToString(p) + ": " + report);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** The arguments as text, records component by component, arrays deep. */
    private static String describe(Object[] args) throws ReflectiveOperationException {
        List<Object> out = new ArrayList<>();
        for (Object a : args) {
            if (a != null && a.getClass().isRecord()) {
                List<Object> cs = new ArrayList<>();
                for (java.lang.reflect.RecordComponent c : a.getClass().getRecordComponents()) {
                    c.getAccessor().setAccessible(true);
                    cs.add(c.getAccessor().invoke(a));
                }
                out.add(cs.toArray());
            } else {
                out.add(a);
            }
        }
        return Arrays.deepToString(out.toArray());
    }

    private static Object invoke(Method m, Object self, Object[] args) throws ReflectiveOperationException {
        return m.invoke(Modifier.isStatic(m.getModifiers()) ? null : self, args);
    }

    static Object[] copy(Object[] p) {
        Object[] out = new Object[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = deepCopy(p[i]);
        }
        return out;
    }

    static Object deepCopy(Object o) {
        if (o instanceof double[] d) {
            return d.clone();
        }
        if (o instanceof float[] f) {
            return f.clone();
        }
        if (o instanceof int[] i) {
            return i.clone();
        }
        if (o instanceof Object[] arr) {
            Object[] c = arr.clone();
            for (int i = 0; i < c.length; i++) {
                c[i] = deepCopy(c[i]);
            }
            return c;
        }
        return o;
    }

    static Object zeroLike(Object o) {
        if (o instanceof Double) {
            return new DoubleGrad();
        }
        if (o instanceof Float) {
            return new FloatGrad();
        }
        if (o instanceof double[] d) {
            return new double[d.length];
        }
        if (o instanceof float[] f) {
            return new float[f.length];
        }
        if (o instanceof double[][] d) {
            double[][] out = new double[d.length][];
            for (int i = 0; i < d.length; i++) {
                out[i] = new double[d[i].length];
            }
            return out;
        }
        throw new AssertionError("no buffer for " + o);
    }

    static void flatten(Object o, List<Double> out) {
        if (o instanceof Double d) {
            out.add(d);
        } else if (o instanceof Float f) {
            out.add(f.doubleValue());
        } else if (o instanceof DoubleGrad g) {
            out.add(g.get());
        } else if (o instanceof FloatGrad g) {
            out.add((double) g.get());
        } else if (o instanceof double[] d) {
            for (double v : d) {
                out.add(v);
            }
        } else if (o instanceof float[] f) {
            for (float v : f) {
                out.add((double) v);
            }
        } else if (o instanceof Object[] arr) {
            for (Object v : arr) {
                flatten(v, out);
            }
        } else {
            throw new AssertionError("cannot flatten " + o);
        }
    }

    /** {@code like} with its numbers replaced by those of {@code xs} from {@code at[0]} on. */
    static Object unflatten(Object like, double[] xs, int[] at) {
        if (like instanceof Double) {
            return xs[at[0]++];
        }
        if (like instanceof Float) {
            return (float) xs[at[0]++];
        }
        if (like instanceof double[] d) {
            double[] out = new double[d.length];
            for (int i = 0; i < d.length; i++) {
                out[i] = xs[at[0]++];
            }
            return out;
        }
        if (like instanceof float[] f) {
            float[] out = new float[f.length];
            for (int i = 0; i < f.length; i++) {
                out[i] = (float) xs[at[0]++];
            }
            return out;
        }
        if (like instanceof double[][] d) {
            double[][] out = new double[d.length][];
            for (int i = 0; i < d.length; i++) {
                out[i] = (double[]) unflatten(d[i], xs, at);
            }
            return out;
        }
        throw new AssertionError("cannot unflatten " + like);
    }
}
