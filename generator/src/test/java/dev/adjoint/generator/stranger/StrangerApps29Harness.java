package dev.adjoint.generator.stranger;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.DoubleGrad;
import dev.adjoint.FloatGrad;
import dev.adjoint.check.AdjointCheck;
import dev.adjoint.generator.stranger.StrangerAppsTest.Case;
import dev.adjoint.generator.stranger.StrangerAppsTest.Loaded;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The checks of session 29's stranger programs ({@link StrangerApps29Test}): each method built as written (AUTO,
 * which must choose the static strategy) and on the tape, both gradients against central differences
 * ({@code AdjointCheck}) and against each other ({@link StrangerAppsTest#gradient}); then, for a static method whose
 * differentiated parameters are numbers and arrays of them, the other generated modes against independent oracles:
 * {@code nameJvp} by the dot-product test against the gradient ({@code ⟨seed, J·u⟩ = ⟨seedᵀJ, u⟩}), {@code nameHvp}
 * (double results) by its gradient against {@code nameGrad}'s and {@code H·u} against central differences of
 * {@code nameGrad} along {@code u}, and {@code nameJacobian} (array results) against central differences of the
 * method, entry by entry.
 */
final class StrangerApps29Harness {
    private StrangerApps29Harness() {}

    /** How many checks of each mode one {@link #run} made. */
    record Counts(int gradients, int jvps, int hvps, int jacobians) {}

    static Counts run(Map<String, String> sources, List<Case> cases) throws Exception {
        return run(sources, cases, b -> {});
    }

    /** What a further check needs of the AUTO build. */
    interface More {
        void on(Loaded auto) throws Exception;
    }

    /** {@link #run(Map, List)}, then {@code more} on the AUTO build. */
    static Counts run(Map<String, String> sources, List<Case> cases, More more) throws Exception {
        return run(sources, cases, more, List.of());
    }

    /** {@link #run(Map, List, More)} where the methods {@code onTape} ({@code Owner#name}) are on the tape under AUTO. */
    static Counts run(Map<String, String> sources, List<Case> cases, More more, List<String> onTape) throws Exception {
        Loaded auto = StrangerAppsTest.build(sources, false);
        Loaded tape = StrangerAppsTest.build(sources, true);
        for (String m : auto.methods()) {
            boolean expected = onTape.stream().anyMatch(t -> m.startsWith("stranger." + t + ": tape"));
            assertTrue(m.contains(": tape") == expected, () -> "AUTO: " + m);
        }
        int[] n = new int[4];
        for (Case c : cases) {
            double[] first = null;
            for (Loaded b : List.of(auto, tape)) {
                AdjointCheck check = AdjointCheck.of(b.type(c.owner()), c.method());
                if (c.tolerance() > 0) {
                    check = check.tolerances(c.tolerance(), c.tolerance());
                }
                check.assertAt(c.args().apply(b));
                List<Object> sinks = new ArrayList<>();
                boolean floats = StrangerAppsTest.gradient(b, c, sinks);
                double[] flat = StrangerAppsTest.flatten(sinks);
                if (first == null) {
                    first = flat;
                } else {
                    StrangerHarness.assertAgree(
                            first, flat, floats ? 1e-5 : 1e-10, c.owner() + "#" + c.method() + ": static vs tape");
                }
            }
            n[0]++;
            modes(auto, c, n);
        }
        more.on(auto);
        return new Counts(n[0], n[1], n[2], n[3]);
    }

    /** The differentiated parameters of a static method with numeric ones only, or null. */
    private static int[] wrt(Method original, Method grad, int extra) {
        Parameter[] ps = original.getParameters();
        Parameter[] sinks = grad.getParameters();
        int[] out = new int[sinks.length - ps.length - extra];
        for (int s = ps.length + extra, k = 0; s < sinks.length; s++, k++) {
            String mirrored =
                    sinks[s].getName().substring(1).replaceFirst("_[0-9]+$", "").replaceFirst("^_", "");
            out[k] = -1;
            for (int i = 0; i < ps.length; i++) {
                if (ps[i].getName().equals(mirrored)) {
                    out[k] = i;
                }
            }
            if (out[k] < 0 || !numeric(ps[out[k]].getType())) {
                return null;
            }
        }
        return out;
    }

    private static boolean numeric(Class<?> t) {
        Class<?> e = t;
        while (e.isArray()) {
            e = e.getComponentType();
        }
        return e == double.class || e == float.class;
    }

    static Method find(Class<?> adjoint, String name) {
        for (Method m : adjoint.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                m.setAccessible(true);
                return m;
            }
        }
        return null;
    }

    private static void modes(Loaded b, Case c, int[] n) throws Exception {
        Method original = Arrays.stream(b.type(c.owner()).getDeclaredMethods())
                .filter(m -> m.getName().equals(c.method()))
                .findFirst()
                .orElseThrow();
        if (!Modifier.isStatic(original.getModifiers())) {
            return;
        }
        original.setAccessible(true);
        Class<?> adjoint = b.type(c.owner().replace('$', '_') + "Adjoint");
        boolean array = original.getReturnType().isArray();
        boolean floats = original.getReturnType() == float.class || original.getReturnType() == float[].class;
        Method rev = find(adjoint, c.method() + (array ? "Vjp" : "Grad"));
        int[] wrt = wrt(original, rev, array ? 1 : 0);
        if (wrt == null) {
            return;
        }
        Object[] args = c.args().apply(b);
        double[] x0 = point(args, wrt);
        Object value = original.invoke(null, copy(args));
        Object seed = array ? seed(value) : null;
        double[] g = reverse(rev, args, wrt, seed);
        double[] u = new double[x0.length];
        for (int k = 0; k < u.length; k++) {
            u[k] = Math.sin(1.7 * k + 0.3) + 0.25;
        }
        String at = c.owner() + "#" + c.method();
        Method jvp = find(adjoint, c.method() + "Jvp");
        if (jvp != null) {
            List<Object> call = new ArrayList<>(List.of(copy(args)));
            Object[] t = at(args, wrt, u);
            for (int w : wrt) {
                call.add(t[w]);
            }
            Object out = array
                    ? Array.newInstance(value.getClass().getComponentType(), Array.getLength(value))
                    : floats ? new FloatGrad() : new DoubleGrad();
            call.add(out);
            jvp.invoke(null, call.toArray());
            double ju = out instanceof DoubleGrad d ? d.get() : out instanceof FloatGrad f ? f.get() : 0;
            if (array) {
                for (int i = 0; i < Array.getLength(out); i++) {
                    ju += ((Number) Array.get(seed, i)).doubleValue() * ((Number) Array.get(out, i)).doubleValue();
                }
            }
            double gu = 0;
            double scale = 0;
            for (int k = 0; k < u.length; k++) {
                gu += g[k] * u[k];
                scale += Math.abs(g[k] * u[k]);
            }
            double rho = floats ? 1e-4 : 1e-11;
            assertTrue(Math.abs(ju - gu) <= rho * Math.max(1, scale), at + ": Jvp " + ju + " against gradient·u " + gu);
            n[1]++;
        }
        Method hvp = find(adjoint, c.method() + "Hvp");
        if (hvp != null && !array) {
            List<Object> call = new ArrayList<>(List.of(copy(args)));
            Object[] v = at(args, wrt, u);
            for (int w : wrt) {
                call.add(v[w]);
            }
            List<Object> grads = sinks(args, wrt);
            List<Object> hvs = sinks(args, wrt);
            call.addAll(grads);
            call.addAll(hvs);
            hvp.invoke(null, call.toArray());
            StrangerHarness.assertAgree(g, flat(grads), floats ? 1e-5 : 1e-11, at + ": Hvp's gradient against Grad's");
            double h = floats ? 1e-2 : 1e-5; // (float: a wider step, against float rounding of the gradient)
            double[] plus = x0.clone();
            double[] minus = x0.clone();
            for (int k = 0; k < u.length; k++) {
                plus[k] += h * u[k];
                minus[k] -= h * u[k];
            }
            double[] gp = reverse(rev, at(args, wrt, plus), wrt, null);
            double[] gm = reverse(rev, at(args, wrt, minus), wrt, null);
            double[] numeric = new double[u.length];
            for (int k = 0; k < u.length; k++) {
                numeric[k] = (gp[k] - gm[k]) / (2 * h);
            }
            StrangerHarness.assertAgree(
                    flat(hvs), numeric, floats ? 3e-2 : 2e-5, at + ": H·u against differences of the gradient");
            n[2]++;
        }
        Method jacobian = find(adjoint, c.method() + "Jacobian");
        if (jacobian != null) {
            int m = Array.getLength(value);
            Class<?> jacType = jacobian.getParameterTypes()[jacobian.getParameterCount() - 1];
            Object jac = jacType == float[][].class ? new float[m][x0.length] : new double[m][x0.length];
            List<Object> call = new ArrayList<>(List.of(copy(args)));
            call.add(jac);
            jacobian.invoke(null, call.toArray());
            for (int k = 0; k < x0.length; k++) {
                double h = (floats ? 1e-2 : 1e-6) * Math.max(1, Math.abs(x0[k]));
                double[] plus = x0.clone();
                double[] minus = x0.clone();
                plus[k] += h;
                minus[k] -= h;
                Object fp = original.invoke(null, at(args, wrt, plus));
                Object fm = original.invoke(null, at(args, wrt, minus));
                for (int i = 0; i < m; i++) {
                    double d = (((Number) Array.get(fp, i)).doubleValue() - ((Number) Array.get(fm, i)).doubleValue())
                            / (2 * h);
                    double got = ((Number) Array.get(Array.get(jac, i), k)).doubleValue();
                    double tol = floats ? 3e-2 : 1e-5;
                    assertTrue(
                            Math.abs(got - d) <= tol * Math.max(1, Math.abs(got) + Math.abs(d)),
                            at + ": Jacobian[" + i + "][" + k + "] " + got + ", central differences " + d);
                }
            }
            n[3]++;
        }
    }

    /** A fixed seed for an array result: irregular, of both signs. */
    private static Object seed(Object value) {
        Object s = Array.newInstance(value.getClass().getComponentType(), Array.getLength(value));
        for (int i = 0; i < Array.getLength(s); i++) {
            double v = Math.cos(0.9 * i + 0.2) + 0.1;
            Array.set(s, i, s instanceof float[] ? (Object) (float) v : (Object) v);
        }
        return s;
    }

    /** The gradient {@code rev} adds at {@code args} (a {@code Vjp} with {@code seed}, or a {@code Grad}), flattened. */
    private static double[] reverse(Method rev, Object[] args, int[] wrt, Object seed) throws Exception {
        List<Object> call = new ArrayList<>(List.of(copy(args)));
        if (seed != null) {
            call.add(seed);
        }
        List<Object> sinks = sinks(args, wrt);
        call.addAll(sinks);
        rev.invoke(null, call.toArray());
        return flat(sinks);
    }

    private static List<Object> sinks(Object[] args, int[] wrt) {
        List<Object> out = new ArrayList<>();
        for (int w : wrt) {
            Object a = args[w];
            out.add(a instanceof Double ? new DoubleGrad() : a instanceof Float ? new FloatGrad() : zeroLike(a));
        }
        return out;
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

    /** Arrays copied deeply (the method may write them), other arguments as they are. */
    static Object[] copy(Object[] args) {
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            out[i] = copyOne(args[i]);
        }
        return out;
    }

    private static Object copyOne(Object a) {
        if (a == null || !a.getClass().isArray()) {
            return a;
        }
        int len = Array.getLength(a);
        Object out = Array.newInstance(a.getClass().getComponentType(), len);
        for (int i = 0; i < len; i++) {
            Array.set(out, i, copyOne(Array.get(a, i)));
        }
        return out;
    }

    /** The differentiated parameters' numbers, laid flat in declaration order. */
    private static double[] point(Object[] args, int[] wrt) {
        List<Object> parts = new ArrayList<>();
        for (int w : wrt) {
            parts.add(args[w]);
        }
        return flat(parts);
    }

    static double[] flat(List<Object> parts) {
        List<Double> out = new ArrayList<>();
        for (Object p : parts) {
            flatOne(p, out);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void flatOne(Object v, List<Double> out) {
        if (v instanceof DoubleGrad d) {
            out.add(d.get());
        } else if (v instanceof FloatGrad f) {
            out.add((double) f.get());
        } else if (v instanceof Number x) {
            out.add(x.doubleValue());
        } else if (v != null && v.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(v); i++) {
                flatOne(Array.get(v, i), out);
            }
        }
    }

    /** A copy of {@code args} whose differentiated parameters take their numbers from {@code x}, in order. */
    private static Object[] at(Object[] args, int[] wrt, double[] x) {
        Object[] out = copy(args);
        int[] k = {0};
        for (int w : wrt) {
            out[w] = fill(out[w], x, k);
        }
        return out;
    }

    private static Object fill(Object shape, double[] x, int[] k) {
        if (shape instanceof Double) {
            return x[k[0]++];
        }
        if (shape instanceof Float) {
            return (float) x[k[0]++];
        }
        for (int i = 0; i < Array.getLength(shape); i++) {
            Object e = Array.get(shape, i);
            if (e instanceof Double || e instanceof Float) {
                Array.set(shape, i, fill(e, x, k));
            } else {
                fill(e, x, k);
            }
        }
        return shape;
    }
}
