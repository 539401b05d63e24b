package dev.adjoint.check;

import dev.adjoint.DoubleGrad;
import dev.adjoint.FloatGrad;
import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Arguments of a checked method: whether they fit a signature, deep copies, gradient buffers shaped like them. */
final class Arguments {
    private Arguments() {}

    /** Whether {@code args} can be passed to parameters of {@code types} (boxed scalars of the exact primitive type). */
    /**
     * The arguments as the caller wrote them. Java spreads a lone {@code double[][]} (or any array
     * of references) given to an {@code Object...} parameter into its rows, so {@code
     * assertGradient(M.class, "det", a)} would arrive as {@code a.length} arguments; a varargs
     * array built by the compiler is exactly an {@code Object[]}, anything else was one argument.
     */
    static Object[] asGiven(Object[] args) {
        return args != null && args.getClass() != Object[].class ? new Object[] {args} : args;
    }

    static boolean fit(Class<?>[] types, Object[] args) {
        if (types.length != args.length) {
            return false;
        }
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            Object a = args[i];
            boolean ok = t.isPrimitive() ? a != null && boxed(t) == a.getClass() : a == null || t.isInstance(a);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> boxed(Class<?> primitive) {
        return Array.get(Array.newInstance(primitive, 1), 0).getClass();
    }

    static String describe(Object[] args) {
        return Arrays.stream(args)
                .map(a -> a == null ? "null" : a.getClass().getSimpleName())
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /**
     * A copy of {@code args} in which every array (and every row of a 2-D array) and every record is a
     * copy; objects are shared (a {@link Snapshot} puts their state back between calls).
     */
    static Object[] copy(Object[] args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = deepCopy(out[i]);
        }
        return out;
    }

    private static Object deepCopy(Object a) {
        if (a != null && a.getClass().isRecord()) {
            return Members.copyRecord(a, Arguments::deepCopy);
        }
        if (a == null || !a.getClass().isArray()) {
            return a;
        }
        int n = Array.getLength(a);
        Object copy = Array.newInstance(a.getClass().getComponentType(), n);
        for (int i = 0; i < n; i++) {
            Array.set(copy, i, deepCopy(Array.get(a, i)));
        }
        return copy;
    }

    /**
     * A zero buffer of {@code type} for the argument {@code value}: a grad cell, an array of its
     * shape, or a generated gradient class's {@code like(value)}.
     */
    static Object bufferFor(Class<?> type, Object value) {
        if (type == DoubleGrad.class) {
            return new DoubleGrad();
        }
        if (type == FloatGrad.class) {
            return new FloatGrad();
        }
        if (Members.isStructured(type) || (type.isArray() && Members.isStructured(type.getComponentType()))) {
            return Members.zeroGrad(type, value);
        }
        Object zero = deepCopy(value);
        clear(zero);
        return zero;
    }

    private static void clear(Object array) {
        if (array instanceof double[] d) {
            Arrays.fill(d, 0.0);
        } else if (array instanceof float[] f) {
            Arrays.fill(f, 0.0f);
        } else if (array instanceof Object[] rows) {
            for (Object r : rows) {
                clear(r);
            }
        }
    }

    static float[] toFloats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
