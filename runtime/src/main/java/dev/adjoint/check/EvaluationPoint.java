package dev.adjoint.check;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One point of a check and the calls made at it: the objective {@code f} (for an array result
 * {@code ⟨s, f⟩}, with a fixed pseudo-random seed vector {@code s}) and the gradient an adjoint adds
 * into fresh buffers, each on a fresh copy of the arguments, the objects they reach put back as
 * they were given before each call.
 */
final class EvaluationPoint {
    private final Signature sig;
    private final boolean vjp;
    private final Snapshot state;
    private final Object[] point;
    /** The seed vector {@code s} of an array result; null for a scalar one. */
    private final double[] seed;

    EvaluationPoint(Signature sig, boolean vjp, Snapshot state, Object[] point) {
        this.sig = sig;
        this.vjp = vjp;
        this.state = state;
        this.point = point;
        this.seed = vjp ? seedFor(sig.invoke(fresh())) : null;
    }

    /** The argument at {@code position}, as the point holds it. */
    Object argument(int position) {
        return point[position];
    }

    /** A copy of the point to call with, the objects it reaches put back as they were given. */
    Object[] fresh() {
        state.restore();
        return Arguments.copy(point);
    }

    /** The class of the {@code i}-th of the {@code count} buffers that end {@code adjoint}'s parameters. */
    static Class<?> bufferClass(Method adjoint, int count, int i) {
        return adjoint.getParameterTypes()[adjoint.getParameterCount() - count + i];
    }

    /** The gradient {@code adjoint} adds into fresh buffers, flat, in the components' order. */
    double[] gradient(Method adjoint, List<Component> components, int[] wrt) {
        Object[] args = fresh();
        Object[] buffers = new Object[wrt.length];
        for (int i = 0; i < wrt.length; i++) {
            buffers[i] = Arguments.bufferFor(bufferClass(adjoint, wrt.length, i), args[wrt[i]]);
        }
        List<Object> all = new ArrayList<>(Arrays.asList(args));
        if (vjp) {
            all.add(sig.method().getReturnType() == float[].class ? Arguments.toFloats(seed) : seed);
        }
        all.addAll(Arrays.asList(buffers));
        call(adjoint, all.toArray());
        double[] flat = new double[components.size()];
        for (int c = 0; c < flat.length; c++) {
            Component comp = components.get(c);
            flat[c] = comp.getFromBuffer(buffers[Arrays.binarySearch(wrt, comp.parameter())]);
        }
        return flat;
    }

    /** {@code f(args)} for a scalar result, {@code ⟨seed, f(args)⟩} for an array result (on these very arguments). */
    double objective(Object[] args) {
        Object out = sig.invoke(args);
        if (!vjp) {
            return ((Number) out).doubleValue();
        }
        double s = 0;
        for (int i = 0; i < seed.length; i++) {
            s += seed[i] * java.lang.reflect.Array.getDouble(out, i);
        }
        return s;
    }

    private static double[] seedFor(Object result) {
        Random random = new Random(20261205L);
        double[] seed = new double[java.lang.reflect.Array.getLength(result)];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = random.nextDouble() * 2 - 1;
        }
        return seed;
    }

    private static Object call(Method m, Object[] args) {
        try {
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(
                    m.getDeclaringClass().getSimpleName() + "." + m.getName() + " threw " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + m + ": " + e.getMessage(), e);
        }
    }
}
