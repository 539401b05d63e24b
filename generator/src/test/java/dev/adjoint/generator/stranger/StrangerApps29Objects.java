package dev.adjoint.generator.stranger;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.DoubleGrad;
import dev.adjoint.generator.stranger.StrangerAppsTest.Case;
import dev.adjoint.generator.stranger.StrangerAppsTest.Loaded;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/** The forward and second-order checks of instance methods differentiated with {@code wrt = "this"} (session 29). */
final class StrangerApps29Objects {
    private StrangerApps29Objects() {}

    /**
     * An instance method with {@code wrt = "this"} alone: its {@code Jvp} along a {@code ModelGrad} direction by the
     * dot-product test against {@code nameGrad}, and its {@code Hvp}'s gradient against {@code nameGrad}'s and
     * {@code H·u} against central differences of {@code nameGrad} with the object's fields moved along {@code u}
     * ({@code args} makes a fresh receiver and arguments each time).
     */
    static void objectModes(
            Loaded b, String generated, String owner, String method, java.util.function.Supplier<Object[]> args)
            throws Exception {
        Class<?> adjoint = b.type(generated + "Adjoint");
        Class<?> gradType = b.type(generated + "Grad");
        Method like = gradType.getMethod("like", b.type(owner));
        Object[] a0 = args.get();
        Object g = like.invoke(null, a0[0]);
        call(StrangerApps29Harness.find(adjoint, method + "Grad"), a0, g);
        double[] grad = StrangerHarness.flatten(g);
        double[] u = new double[grad.length];
        for (int k = 0; k < u.length; k++) {
            u[k] = Math.sin(1.7 * k + 0.3) + 0.25;
        }
        Object[] a1 = args.get();
        Object t = like.invoke(null, a1[0]);
        set(t, u, 1, null);
        DoubleGrad out = new DoubleGrad();
        call(StrangerApps29Harness.find(adjoint, method + "Jvp"), a1, t, out);
        double gu = 0;
        double scale = 0;
        for (int k = 0; k < u.length; k++) {
            gu += grad[k] * u[k];
            scale += Math.abs(grad[k] * u[k]);
        }
        assertTrue(
                Math.abs(out.get() - gu) <= 1e-11 * Math.max(1, scale),
                owner + "#" + method + ": Jvp " + out.get() + " against gradient·u " + gu);
        Object[] a2 = args.get();
        Object v = like.invoke(null, a2[0]);
        set(v, u, 1, null);
        Object d = like.invoke(null, a2[0]);
        Object hv = like.invoke(null, a2[0]);
        call(StrangerApps29Harness.find(adjoint, method + "Hvp"), a2, v, d, hv);
        StrangerHarness.assertAgree(grad, StrangerHarness.flatten(d), 1e-11, owner + "#" + method + ": Hvp's gradient");
        double h = 1e-5;
        double[][] moved = new double[2][];
        for (int side = 0; side < 2; side++) {
            Object[] a = args.get();
            Object probe = like.invoke(null, a[0]);
            set(probe, u, side == 0 ? h : -h, a[0]);
            Object gs = like.invoke(null, a[0]);
            call(StrangerApps29Harness.find(adjoint, method + "Grad"), a, gs);
            moved[side] = StrangerHarness.flatten(gs);
        }
        double[] numeric = new double[u.length];
        for (int k = 0; k < u.length; k++) {
            numeric[k] = (moved[0][k] - moved[1][k]) / (2 * h);
        }
        StrangerHarness.assertAgree(
                StrangerHarness.flatten(hv), numeric, 2e-5, owner + "#" + method + ": H·u against differences");
    }

    private static void call(Method m, Object[] args, Object... sinks) throws Exception {
        List<Object> call = new ArrayList<>(List.of(args));
        call.addAll(List.of(sinks));
        m.invoke(null, call.toArray());
    }

    /**
     * Fills the public numeric fields of {@code grad} with {@code scale·u} in flattening order; with a {@code target}
     * object, adds those numbers to its fields of the same names instead.
     */
    private static void set(Object grad, double[] u, double scale, Object target) throws Exception {
        int k = 0;
        for (java.lang.reflect.Field f : grad.getClass().getDeclaredFields()) {
            if (!Modifier.isPublic(f.getModifiers()) || Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            java.lang.reflect.Field tf = null;
            if (target != null) {
                tf = target.getClass().getDeclaredField(f.getName());
                tf.setAccessible(true);
            }
            if (f.getType() == double.class) {
                if (tf == null) {
                    f.setDouble(grad, scale * u[k++]);
                } else {
                    tf.setDouble(target, tf.getDouble(target) + scale * u[k++]);
                }
            } else if (f.getType() == double[].class) {
                double[] arr = (double[]) (tf == null ? f.get(grad) : tf.get(target));
                for (int i = 0; i < arr.length; i++) {
                    arr[i] = tf == null ? scale * u[k++] : arr[i] + scale * u[k++];
                }
            } else if (f.getType() == double[][].class) {
                double[][] m = (double[][]) (tf == null ? f.get(grad) : tf.get(target));
                for (double[] row : m) {
                    for (int i = 0; i < row.length; i++) {
                        row[i] = tf == null ? scale * u[k++] : row[i] + scale * u[k++];
                    }
                }
            } else {
                throw new AssertionError("objectModes takes double, double[] and double[][] fields, not " + f);
            }
        }
    }

    /**
     * The dot-product test of {@code nameJvp} for any signature whose sinks {@link StrangerAppsTest#gradient} can make
     * (records, objects, arrays of them, receivers): the tangents are those sinks filled with a direction {@code u}
     * ({@code DoubleGrad} sinks become {@code double} tangents), the gradient is {@code nameGrad}'s (for an array
     * result, {@code nameVjp}'s with a seed of ones, so {@code J·u} is summed).
     */
    static void sinkJvp(Loaded b, Case c) throws Exception {
        List<Object> sinks = new ArrayList<>();
        StrangerAppsTest.gradient(b, c, sinks);
        double[] grad = StrangerAppsTest.flatten(sinks);
        double[] u = new double[grad.length];
        for (int k = 0; k < u.length; k++) {
            u[k] = Math.sin(1.7 * k + 0.3) + 0.25;
        }
        List<Object> tangents = new ArrayList<>();
        StrangerAppsTest.gradient(b, c, tangents); // (fresh sinks of the same shapes, then overwritten)
        int[] k = {0};
        List<Object> call = new ArrayList<>(List.of(c.args().apply(b)));
        for (Object t : tangents) {
            if (t instanceof DoubleGrad) {
                call.add(u[k[0]++]);
            } else {
                fill(t, u, k);
                call.add(t);
            }
        }
        Method original = java.util.Arrays.stream(b.type(c.owner()).getDeclaredMethods())
                .filter(m -> m.getName().equals(c.method()))
                .findFirst()
                .orElseThrow();
        Method jvp = StrangerApps29Harness.find(b.type(c.owner().replace('$', '_') + "Adjoint"), c.method() + "Jvp");
        assertTrue(jvp != null, c.owner() + "#" + c.method() + " has no Jvp");
        Object out;
        if (original.getReturnType().isArray()) {
            Object[] a = c.args().apply(b);
            boolean instance = !Modifier.isStatic(original.getModifiers());
            original.setAccessible(true);
            Object value = original.invoke(
                    instance ? a[0] : null, java.util.Arrays.copyOfRange(a, instance ? 1 : 0, a.length));
            out = new double[java.lang.reflect.Array.getLength(value)];
        } else {
            out = new DoubleGrad();
        }
        jvp.invoke(null, withOut(call, out, jvp));
        double ju = 0;
        if (out instanceof DoubleGrad d) {
            ju = d.get();
        } else {
            for (double v : (double[]) out) {
                ju += v;
            }
        }
        double gu = 0;
        double scale = 0;
        for (int i = 0; i < u.length; i++) {
            gu += grad[i] * u[i];
            scale += Math.abs(grad[i] * u[i]);
        }
        assertTrue(
                Math.abs(ju - gu) <= 1e-11 * Math.max(1, scale),
                c.owner() + "#" + c.method() + ": Jvp " + ju + " against gradient·u " + gu);
    }

    private static Object[] withOut(List<Object> call, Object out, Method jvp) {
        List<Object> all = new ArrayList<>(call);
        all.add(out);
        assertTrue(all.size() == jvp.getParameterCount(), jvp + " takes " + jvp.getParameterCount() + ", not " + all);
        return all.toArray();
    }

    /** Sets every number of {@code sink} (an array, a gradient object, an array of them), in flattening order. */
    private static void fill(Object sink, double[] u, int[] k) throws IllegalAccessException {
        if (sink instanceof double[] d) {
            for (int i = 0; i < d.length; i++) {
                d[i] = u[k[0]++];
            }
        } else if (sink instanceof Object[] rows) {
            for (Object r : rows) {
                fill(r, u, k);
            }
        } else {
            for (java.lang.reflect.Field f : sink.getClass().getDeclaredFields()) {
                if (!Modifier.isPublic(f.getModifiers()) || Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                if (f.getType() == double.class) {
                    f.setDouble(sink, u[k[0]++]);
                } else {
                    fill(f.get(sink), u, k);
                }
            }
        }
    }

    /**
     * {@code nameJacobian} of an instance method with an array result and {@code wrt = "this"} alone, against central
     * differences with the object's fields moved one at a time, in the order of its gradient class's fields.
     */
    static void objectJacobian(
            Loaded b, String generated, String owner, String method, java.util.function.Supplier<Object[]> args)
            throws Exception {
        Method like = b.type(generated + "Grad").getMethod("like", b.type(owner));
        Method original = java.util.Arrays.stream(b.type(owner).getDeclaredMethods())
                .filter(m -> m.getName().equals(method))
                .findFirst()
                .orElseThrow();
        original.setAccessible(true);
        Object[] a0 = args.get();
        int n = StrangerHarness.flatten(like.invoke(null, a0[0])).length;
        assertTrue(n > 0, generated + "Grad has no numbers");
        double[] value = (double[]) original.invoke(a0[0], java.util.Arrays.copyOfRange(a0, 1, a0.length));
        double[][] jac = new double[value.length][n];
        Object[] a1 = args.get();
        call(StrangerApps29Harness.find(b.type(generated + "Adjoint"), method + "Jacobian"), a1, (Object) jac);
        double h = 1e-6;
        for (int k = 0; k < n; k++) {
            double[] e = new double[n];
            e[k] = 1;
            double[][] sides = new double[2][];
            for (int side = 0; side < 2; side++) {
                Object[] a = args.get();
                set(like.invoke(null, a[0]), e, side == 0 ? h : -h, a[0]);
                sides[side] = (double[]) original.invoke(a[0], java.util.Arrays.copyOfRange(a, 1, a.length));
            }
            for (int i = 0; i < value.length; i++) {
                double d = (sides[0][i] - sides[1][i]) / (2 * h);
                assertTrue(
                        Math.abs(jac[i][k] - d) <= 1e-6 * Math.max(1, Math.abs(d)),
                        owner + "#" + method + ": Jacobian[" + i + "][" + k + "] " + jac[i][k] + ", differences " + d);
            }
        }
    }
}
