package dev.adjoint.generator.stranger;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.DoubleGrad;
import dev.adjoint.FloatGrad;
import dev.adjoint.check.AdjointCheck;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.testing.InMemoryCompiler;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Everyday programs written from the README alone, as a developer who has just found Adjoint
 * (session 24): simulations (RK4 pendulum with a record of parameters, a leapfrog spring chain),
 * machine learning (logistic and softmax regression with {@code int[]} labels, soft k-means, an MLP
 * as static helpers and as an object holding {@code Layer[]}), finance (Black–Scholes over a book of
 * records, an Asian Monte Carlo with a seeded {@code Random}, a binomial tree, a forward curve over
 * {@code static final} tables), statistics (normal, Poisson, mixture, GARCH, a Kalman filter and a
 * Gaussian process held as objects), geometry (shoelace area, shape energies over an enum metric,
 * bundle adjustment's residual and total error through index tables), objects (arrays of records,
 * springs as objects, records created per step, a portfolio counting its calls, a plain class
 * parameter), and idioms (classic switch with fall-through, Newton in a do-while, labelled breaks,
 * a {@code @CustomDerivative}, {@code List} data, float, helpers of another class, {@code var},
 * string and enum switches, an early return from nested loops). Each program is built as written
 * (AUTO, every method required static) and on the tape, each compiled with {@code -parameters};
 * each method is checked by {@link AdjointCheck} against central differences in both builds, and the
 * two gradients are compared (|a−b| ≤ 1e-10·max(1, |a|+|b|), 1e-5 in float). Writing them found
 * the forms {@link AppsFindingsTest} keeps.
 */
class StrangerAppsTest {
    /** One method at one point: its arguments made in the build's loader; {@code tolerance} 0 for AdjointCheck's default. */
    record Case(String owner, String method, double tolerance, Function<Loaded, Object[]> args) {}

    /** The classes of one build and its line per method. */
    record Loaded(ClassLoader loader, List<String> methods) {
        Class<?> type(String name) {
            try {
                return loader.loadClass("stranger." + name);
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
        }

        Object make(String type, Object... args) {
            try {
                for (var k : type(type).getDeclaredConstructors()) {
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

        Object array(String type, Object... elements) {
            Object out = Array.newInstance(type(type), elements.length);
            for (int i = 0; i < elements.length; i++) {
                Array.set(out, i, elements[i]);
            }
            return out;
        }

        Object constant(String enumType, int ordinal) {
            return type(enumType).getEnumConstants()[ordinal];
        }
    }

    static Case of(String owner, String method, Function<Loaded, Object[]> args) {
        return new Case(owner, method, 0, args);
    }

    /** {@code source} with every {@code @Differentiable} asking for the tape. */
    static String onTape(String source) {
        return source.replace("@Differentiable(", "@Differentiable(strategy = dev.adjoint.Strategy.TAPE, ")
                .replace("@Differentiable\n", "@Differentiable(strategy = dev.adjoint.Strategy.TAPE)\n");
    }

    static Loaded build(Map<String, String> sources, boolean tape) {
        Map<String, String> built = new LinkedHashMap<>();
        sources.forEach((name, text) -> built.put(name, tape ? onTape(text) : text));
        Translation t = StrangerHarness.translate(built);
        assertTrue(
                !t.hasErrors(),
                () -> "generator errors:\n"
                        + String.join(
                                "\n",
                                t.diagnostics().stream()
                                        .map(Diagnostic::toString)
                                        .toList()));
        Map<String, String> all = new HashMap<>(t.generated());
        built.forEach((name, text) -> all.put("stranger." + name, text));
        Map<String, byte[]> classes = InMemoryCompiler.compileToBytes(all, List.of(), List.of("-parameters"));
        ClassLoader loader = new ClassLoader(StrangerAppsTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
        return new Loaded(loader, t.methods());
    }

    /** Builds {@code sources} both ways and checks every case (see the class comment). */
    static void check(Map<String, String> sources, List<Case> cases) throws Exception {
        Loaded auto = build(sources, false);
        Loaded tape = build(sources, true);
        assertTrue(auto.methods().stream().noneMatch(m -> m.contains(": tape")), auto.methods()::toString);
        for (Case c : cases) {
            double[] first = null;
            boolean floats = false;
            for (Loaded b : List.of(auto, tape)) {
                AdjointCheck check = AdjointCheck.of(b.type(c.owner()), c.method());
                if (c.tolerance() > 0) {
                    check = check.tolerances(c.tolerance(), c.tolerance());
                }
                check.assertAt(c.args().apply(b));
                List<Object> sinks = new ArrayList<>();
                floats = gradient(b, c, sinks);
                double[] flat = flatten(sinks);
                if (first == null) {
                    first = flat;
                } else {
                    StrangerHarness.assertAgree(
                            first, flat, floats ? 1e-5 : 1e-10, c.owner() + "#" + c.method() + ": static vs tape");
                }
            }
        }
    }

    /**
     * Calls {@code methodGrad} (or, for an array result, {@code methodVjp} with a seed of ones) with fresh
     * sinks shaped by the arguments they mirror (by name: {@code dthis}, {@code d} + the parameter's), into
     * {@code sinks}; whether the method is in float.
     */
    static boolean gradient(Loaded b, Case c, List<Object> sinks) throws Exception {
        Method original = Arrays.stream(b.type(c.owner()).getDeclaredMethods())
                .filter(m -> m.getName().equals(c.method()))
                .findFirst()
                .orElseThrow();
        int receiver = Modifier.isStatic(original.getModifiers()) ? 0 : 1;
        Class<?> adjoint = b.type(c.owner().replace('$', '_') + "Adjoint");
        boolean array = original.getReturnType().isArray();
        Method grad = Arrays.stream(adjoint.getDeclaredMethods()) // package-private for a package-private method
                .filter(m -> m.getName().equals(c.method() + (array ? "Vjp" : "Grad")))
                .findFirst()
                .orElseThrow();
        grad.setAccessible(true);
        original.setAccessible(true);
        Object[] args = c.args().apply(b);
        List<Object> call = new ArrayList<>(Arrays.asList(args));
        if (array) {
            Object[] again = c.args().apply(b);
            Object result =
                    original.invoke(receiver == 1 ? again[0] : null, Arrays.copyOfRange(again, receiver, again.length));
            Object seed = Array.newInstance(result.getClass().getComponentType(), Array.getLength(result));
            for (int i = 0; i < Array.getLength(seed); i++) {
                Array.set(seed, i, seed instanceof float[] ? (Object) 1f : (Object) 1.0);
            }
            call.add(seed);
        }
        Parameter[] ps = grad.getParameters();
        for (int i = call.size(); i < ps.length; i++) {
            // dx_1 where the method already has a parameter or local named dx
            // (d_o for o: 'do' is a keyword)
            String mirrored =
                    ps[i].getName().substring(1).replaceFirst("_[0-9]+$", "").replaceFirst("^_", "");
            Object shape = null;
            if (mirrored.equals("this")) {
                shape = args[0];
            }
            Parameter[] names = original.getParameters();
            for (int k = 0; k < names.length; k++) {
                if (names[k].getName().equals(mirrored)) {
                    shape = args[k + receiver];
                }
            }
            Object sink = sink(ps[i].getType(), shape);
            sinks.add(sink);
            call.add(sink);
        }
        grad.invoke(null, call.toArray());
        return original.getReturnType() == float.class || original.getReturnType() == float[].class;
    }

    private static Object sink(Class<?> type, Object shape) throws ReflectiveOperationException {
        if (type == DoubleGrad.class) {
            return new DoubleGrad();
        }
        if (type == FloatGrad.class) {
            return new FloatGrad();
        }
        if (type.isArray()
                && (type.getComponentType().isPrimitive()
                        || type.getComponentType().isArray())) {
            return zeroLike(shape);
        }
        if (type.isArray()) {
            return type.getComponentType().getMethod("like", shape.getClass()).invoke(null, shape);
        }
        return type.getMethod("like", shape.getClass()).invoke(null, shape);
    }

    private static Object zeroLike(Object shape) {
        Class<?> component = shape.getClass().getComponentType();
        Object out = Array.newInstance(component, Array.getLength(shape));
        if (component.isArray()) {
            for (int i = 0; i < Array.getLength(shape); i++) {
                Array.set(out, i, zeroLike(Array.get(shape, i)));
            }
        }
        return out;
    }

    /** Every number of the sinks, depth first: cells, arrays, the public fields of gradient objects. */
    static double[] flatten(List<Object> sinks) throws IllegalAccessException {
        List<Double> out = new ArrayList<>();
        for (Object s : sinks) {
            flatten(s, out);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void flatten(Object v, List<Double> out) throws IllegalAccessException {
        if (v instanceof DoubleGrad d) {
            out.add(d.get());
        } else if (v instanceof FloatGrad f) {
            out.add((double) f.get());
        } else if (v instanceof Number n) {
            out.add(n.doubleValue());
        } else if (v != null && v.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(v); i++) {
                flatten(Array.get(v, i), out);
            }
        } else if (v != null) {
            for (java.lang.reflect.Field f : v.getClass().getDeclaredFields()) {
                if (Modifier.isPublic(f.getModifiers()) && !Modifier.isStatic(f.getModifiers())) {
                    flatten(f.get(v), out);
                }
            }
        }
    }

    /** {@code n} numbers in [lo, hi), the same for a seed. */
    static double[] rnd(long seed, int n, double lo, double hi) {
        java.util.Random r = new java.util.Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo + (hi - lo) * r.nextDouble();
        }
        return x;
    }

    static double[][] mat(long seed, int m, int n) {
        double[][] a = new double[m][];
        for (int i = 0; i < m; i++) {
            a[i] = rnd(seed + 101 * i, n, -1, 1);
        }
        return a;
    }

    static Map<String, String> sources(String... nameAndText) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < nameAndText.length; i += 2) {
            out.put(nameAndText[i], nameAndText[i + 1]);
        }
        return out;
    }

    @Test
    void simulations() throws Exception {
        Function<Loaded, Object> params = b -> b.make("Pendulum$Params", 9.81, 1.3, 0.15);
        double[] k = rnd(1, 5, 1, 3);
        double[] x0 = {1.1, 2.0, 3.2, 4.1, 5.3};
        double[] mass = rnd(2, 5, 0.5, 2);
        check(
                sources("Pendulum", StrangerAppsSources.PENDULUM, "SpringChain", StrangerAppsSources.SPRING_CHAIN),
                List.of(
                        of("Pendulum", "finalLoss", b ->
                                new Object[] {new double[] {0.7, -0.2}, params.apply(b), 0.02, 60, 0.1}),
                        of("Pendulum", "meanEnergy", b -> new Object[] {0.9, 0.3, params.apply(b), 0.02, 60}),
                        of("Pendulum", "flow", b -> new Object[] {new double[] {0.7, -0.2}, params.apply(b), 0.02, 30}),
                        of("SpringChain", "endEnergy", b -> new Object[] {k, x0, mass, 0.01, 100}),
                        of("SpringChain", "tipMinusStiffness", b -> new Object[] {k, x0, 0.01, 80})));
    }

    @Test
    void machineLearning() throws Exception {
        double[][] X = mat(3, 12, 3);
        int[] labels = {1, 0, 0, 1, 1, 0, 1, 1, 0, 0, 1, 0};
        int[] classes = {0, 3, 1, 2, 2, 0, 1, 3, 3, 1, 0, 2};
        double[] w = rnd(4, 4, -1, 1);
        double[][] W1 = mat(5, 5, 3), W2 = mat(6, 2, 5), Xs = mat(7, 6, 3), Ys = mat(8, 6, 2);
        double[] b1 = rnd(9, 5, -1, 1), b2 = rnd(10, 2, -1, 1), x = rnd(11, 3, -1, 1), y = rnd(12, 2, -1, 1);
        Function<Loaded, Object> net = b -> b.make("Mlp", b.make("Layer", W1, b1), b.make("Layer", W2, b2), 0.01);
        List<Case> cases = new ArrayList<>(List.of(
                of("Classifiers", "logistic", b -> new Object[] {w, X, labels, 0.1}),
                of("Classifiers", "softmaxXent", b -> new Object[] {mat(13, 4, 3), rnd(14, 4, -1, 1), X, classes}),
                of("Classifiers", "probabilities", b -> new Object[] {w, X}),
                of("Classifiers", "softKMeans", b -> new Object[] {mat(15, 3, 3), X, 0.3}),
                of("Mlp", "sampleLoss", b -> new Object[] {W1, b1, W2, b2, x, y}),
                of("Mlp", "predict", b -> new Object[] {net.apply(b), x})));
        for (int a = 0; a < 3; a++) { // each Activation, an enum parameter
            int act = a;
            cases.add(of("Mlp", "loss", b -> new Object[] {net.apply(b), Xs, Ys, b.constant("Mlp$Activation", act)}));
        }
        check(
                sources(
                        "Classifiers", StrangerAppsSources.CLASSIFIERS,
                        "Layer", StrangerAppsSources.LAYER,
                        "Mlp", StrangerAppsSources.MLP),
                cases);
    }

    @Test
    void finance() throws Exception {
        double[] fwd = {0.03, 0.031, 0.032, 0.033, 0.034, 0.035, 0.036};
        Function<Loaded, Object> book = b -> b.array(
                "BlackScholes$Option",
                b.make("BlackScholes$Option", 90.0, 0.5, b.constant("BlackScholes$Kind", 0)),
                b.make("BlackScholes$Option", 105.0, 1.0, b.constant("BlackScholes$Kind", 1)),
                b.make("BlackScholes$Option", 100.0, 0.25, b.constant("BlackScholes$Kind", 1)));
        check(
                sources("BlackScholes", StrangerAppsSources.BLACK_SCHOLES, "Pricers", StrangerAppsSources.PRICERS),
                List.of(
                        of("BlackScholes", "call", b -> new Object[] {100.0, 95.0, 0.25, 0.03, 0.75}),
                        of("BlackScholes", "book", b ->
                                new Object[] {book.apply(b), new double[] {2, -1, 3}, 101.0, 0.22, 0.02}),
                        of("Pricers", "asianCall", b -> new Object[] {100.0, 100.0, 0.3, 0.02, 1.0, 12, 200, 99L}),
                        new Case("Pricers", "americanPut", 1e-5, b -> new Object[] {100.0, 105.0, 0.3, 0.03, 1.0, 50}),
                        of("Pricers", "curveFit", b -> new Object[] {fwd}),
                        of("Pricers", "zeroRates", b -> new Object[] {fwd})));
    }

    @Test
    void statistics() throws Exception {
        double[] data = rnd(20, 30, -2, 2);
        double[] x = rnd(21, 20, 0, 2);
        int[] counts = new int[20];
        for (int i = 0; i < 20; i++) {
            counts[i] = (int) Math.round(Math.exp(0.5 + 0.7 * x[i]) + (i % 3 - 1));
        }
        double[] returns = rnd(22, 40, -0.8, 0.8);
        double[][] obs = new double[25][2];
        for (int t = 0; t < 25; t++) {
            obs[t][0] = 0.5 * t + Math.sin(t);
            obs[t][1] = t % 7 == 3 ? 0 : 1;
        }
        double[] gx = {0.1, 0.5, 1.2, 1.9, 2.5}, gy = {0.2, 0.4, 0.9, 0.3, -0.2};
        check(
                sources(
                        "Likelihoods", StrangerAppsModels.LIKELIHOODS,
                        "Kalman", StrangerAppsModels.KALMAN,
                        "Gp", StrangerAppsModels.GP),
                List.of(
                        of("Likelihoods", "normalNll", b -> new Object[] {0.3, -0.2, data}),
                        of("Likelihoods", "poissonNll", b -> new Object[] {new double[] {0.4, 0.6}, x, counts}),
                        of("Likelihoods", "mixtureNll", b ->
                                new Object[] {new double[] {0.2, -1.0, 1.0, -0.5, -0.3}, data}),
                        of("Likelihoods", "garchNll", b -> new Object[] {new double[] {0.05, 0.1, 0.8}, returns}),
                        of("Kalman", "negLogLik", b -> new Object[] {b.make("Kalman", -1.0, -1.5, 0.5), obs}),
                        of("Gp", "nlml", b -> new Object[] {b.make("Gp", -0.2, 0.1, -1.0, 5), gx, gy}),
                        of("Gp", "penalized", b -> new Object[] {b.make("Gp", -0.2, 0.1, -1.0, 5), gx, gy})));
    }
}
