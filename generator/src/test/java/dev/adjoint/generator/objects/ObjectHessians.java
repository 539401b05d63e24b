package dev.adjoint.generator.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.check.GradCheck;
import dev.adjoint.generator.objects.ObjectHarness.RecordArg;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Checks the public {@code nameHvp} of a lifted method (an instance method, or one taking records):
 * its value is the method's, its gradient is {@code nameVjp}'s (ρ ≤ 1e-12), and its {@code H·v},
 * read back from the {@code ModelGrad}/{@code ParamsGrad} it is added into, matches central
 * differences of the generated gradient along {@code v} ({@link GradCheck#checkHvp}); a second call
 * doubles both (added, not set). The variables are laid out as {@link ObjectHarness#check} lays
 * them out: the own parameters differentiated (records component by component), then the
 * object's fields.
 */
final class ObjectHessians {
    private final ObjectHarness h;
    private final Method m;
    private final int[] wrtOwn;
    private final boolean wrtThis;
    private final Object[] p;

    private ObjectHessians(ObjectHarness h, String method, int[] wrtOwn, boolean wrtThis, Object[] p) {
        this.h = h;
        this.m = h.original(method, p.length);
        this.wrtOwn = wrtOwn;
        this.wrtThis = wrtThis;
        this.p = p;
    }

    static void check(ObjectHarness h, String method, int[] wrtOwn, boolean wrtThis, long seed, Object... p) {
        new ObjectHessians(h, method, wrtOwn, wrtThis, p).check(seed);
    }

    private boolean isStatic() {
        return Modifier.isStatic(m.getModifiers());
    }

    private void check(long seed) {
        try {
            double[] x0 = point();
            Random rnd = new Random(seed);
            double[] v = new double[x0.length];
            Arrays.setAll(v, i -> rnd.nextDouble() * 2 - 1);
            Object self = h.fresh();
            Object[] args = h.materialize(p);
            List<Object> grads = buffers(self, args);
            List<Object> hvs = buffers(self, args);
            List<Object> call = new ArrayList<>();
            if (!isStatic()) {
                call.add(self);
            }
            call.addAll(Arrays.asList(args));
            call.addAll(directions(self, args, v));
            call.addAll(grads);
            call.addAll(hvs);
            Method hvp = h.generated(m.getName() + "Hvp");
            Object value = hvp.invoke(null, call.toArray());
            Object original = h.fresh();
            Object expected = m.invoke(isStatic() ? null : original, h.materialize(p));
            assertEquals(((Number) expected).doubleValue(), ((Number) value).doubleValue(), 0.0, "Hvp's value");
            assertEquals(h.state(original), h.state(self), "the object as the method leaves it");
            double[] g = flatten(grads, args);
            double[] hv = flatten(hvs, args);
            double[] want = gradientAt(x0);
            assertEquals(want.length, g.length, "gradient length");
            for (int i = 0; i < g.length; i++) {
                double rho = Math.abs(g[i] - want[i]) / Math.max(1, Math.abs(g[i]) + Math.abs(want[i]));
                assertTrue(rho <= 1e-12, "gradient component " + i + ": Hvp " + g[i] + ", Vjp " + want[i]);
            }
            GradCheck.Report report = GradCheck.checkHvp(this::gradientAt, x0, v, hv, 1e-6, 1e-8);
            assertTrue(report.passed(), "H·v against central differences of the gradient: " + report.describe());
            // added into the buffers: twice the first call's (at the same point: the method may write the object and
            // arrays)
            if (!isStatic()) {
                call.set(0, h.fresh());
            }
            Object[] again = h.materialize(p);
            for (int i = 0; i < again.length; i++) {
                call.set(i + (isStatic() ? 0 : 1), again[i]);
            }
            hvp.invoke(null, call.toArray());
            double[] twice = flatten(hvs, args);
            for (int i = 0; i < hv.length; i++) {
                assertEquals(
                        2 * hv[i], twice[i], 1e-12 * Math.max(1, Math.abs(twice[i])), "H·v is added into the buffer");
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** The differentiated variables at {@code p} and a fresh object. */
    private double[] point() throws ReflectiveOperationException {
        List<Double> x = new ArrayList<>();
        for (int i : wrtOwn) {
            if (p[i] instanceof RecordArg r) {
                Arrays.stream(r.components())
                        .filter(ObjectHarness::isFloating)
                        .forEach(c -> ObjectHarness.flatten(c, x));
            } else {
                ObjectHarness.flatten(p[i], x);
            }
        }
        if (wrtThis) {
            Object base = h.fresh();
            for (Field f : h.floatingFields(base.getClass())) {
                ObjectHarness.flatten(f.get(base), x);
            }
        }
        return x.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Zeroed buffers shaped as {@code nameVjp}'s: the object's first, then the own parameters'. */
    private List<Object> buffers(Object self, Object[] args) {
        List<Object> out = new ArrayList<>();
        if (wrtThis) {
            out.add(h.gradOf(self));
        }
        for (int i : wrtOwn) {
            out.add(p[i] instanceof RecordArg r ? h.recordGradOf(r, args[i]) : ObjectHarness.zeroLike(p[i]));
        }
        return out;
    }

    /** {@code v} shaped as the directions: the object's as its gradient class, a record's as its, a scalar as itself. */
    private List<Object> directions(Object self, Object[] args, double[] v) throws ReflectiveOperationException {
        int[] at = {0};
        List<Object> own = new ArrayList<>();
        for (int i : wrtOwn) {
            if (p[i] instanceof RecordArg r) {
                Object d = h.recordGradOf(r, args[i]);
                for (RecordComponent c : args[i].getClass().getRecordComponents()) {
                    c.getAccessor().setAccessible(true);
                    Object value = c.getAccessor().invoke(args[i]);
                    if (ObjectHarness.isFloating(value)) {
                        fill(d, c.getName(), value, v, at);
                    }
                }
                own.add(d);
            } else {
                own.add(ObjectHarness.unflatten(p[i], v, at));
            }
        }
        List<Object> out = new ArrayList<>();
        if (wrtThis) {
            Object d = h.gradOf(self);
            for (Field f : h.floatingFields(self.getClass())) {
                fill(d, f.getName(), f.get(self), v, at);
            }
            out.add(d);
        }
        out.addAll(own);
        return out;
    }

    private static void fill(Object grad, String field, Object like, double[] v, int[] at)
            throws ReflectiveOperationException {
        Field g = grad.getClass().getField(field);
        Object value = ObjectHarness.unflatten(like, v, at);
        if (value instanceof double[] d) {
            System.arraycopy(d, 0, (double[]) g.get(grad), 0, d.length);
        } else {
            g.set(grad, value);
        }
    }

    /** Buffers (object's first) flattened in the variables' order (own parameters first). */
    private double[] flatten(List<Object> buffers, Object[] args) throws ReflectiveOperationException {
        List<Double> out = new ArrayList<>();
        int k = wrtThis ? 1 : 0;
        for (int i : wrtOwn) {
            Object b = buffers.get(k++);
            if (p[i] instanceof RecordArg) {
                for (RecordComponent c : args[i].getClass().getRecordComponents()) {
                    c.getAccessor().setAccessible(true);
                    if (ObjectHarness.isFloating(c.getAccessor().invoke(args[i]))) {
                        ObjectHarness.flatten(b.getClass().getField(c.getName()).get(b), out);
                    }
                }
            } else {
                ObjectHarness.flatten(b, out);
            }
        }
        if (wrtThis) {
            Object sink = buffers.get(0);
            for (Field f : h.floatingFields(h.fresh().getClass())) {
                ObjectHarness.flatten(sink.getClass().getField(f.getName()).get(sink), out);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The generated gradient ({@code nameVjp}, seed 1) at the variables {@code xs}. */
    private double[] gradientAt(double[] xs) {
        try {
            Object o = h.fresh();
            Object[] args = ObjectHarness.copy(p);
            int[] at = {0};
            for (int i : wrtOwn) {
                if (p[i] instanceof RecordArg r) {
                    Object[] cs = r.components().clone();
                    for (int k = 0; k < cs.length; k++) {
                        if (ObjectHarness.isFloating(cs[k])) {
                            cs[k] = ObjectHarness.unflatten(cs[k], xs, at);
                        }
                    }
                    args[i] = new RecordArg(r.binaryName(), cs);
                } else {
                    args[i] = ObjectHarness.unflatten(args[i], xs, at);
                }
            }
            args = h.materialize(args);
            if (wrtThis) {
                for (Field f : h.floatingFields(o.getClass())) {
                    f.set(o, ObjectHarness.unflatten(f.get(o), xs, at));
                }
            }
            List<Object> buffers = buffers(o, args);
            List<Object> call = new ArrayList<>();
            if (!isStatic()) {
                call.add(o);
            }
            call.addAll(Arrays.asList(args));
            call.add(1.0);
            call.addAll(buffers);
            h.generated(m.getName() + "Vjp").invoke(null, call.toArray());
            return flatten(buffers, args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
