package dev.adjoint.check;

import dev.adjoint.DoubleGrad;
import dev.adjoint.FloatGrad;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * One number of a differentiated argument, reached from the argument by a path of members and
 * indices: a scalar parameter ({@code b}), an element {@code w[i]} of a 1-D array or
 * {@code W[i][j]} of a 2-D one or {@code W[l][i][j]} of a 3-D one, a component of a record or a field of an object and anything
 * under them ({@code p.k}, {@code this.w[3]}, {@code layers[1].w[0][2]}); read and written in
 * its own precision.
 *
 * @param name {@code w[3]}, {@code W[1][2]}, {@code p.k} (the parameter's name, or {@code arg0}
 *     when the class file keeps none)
 * @param parameter the parameter's position ({@code 0} is the receiver of an instance method)
 * @param path the members and indices from the argument to the number
 */
record Component(String name, int parameter, List<Step> path) {

    /** A member by name ({@code index} unused) or an array index ({@code member} null). */
    record Step(String member, int index) {
        static Step of(String member) {
            return new Step(member, -1);
        }

        static Step at(int index) {
            return new Step(null, index);
        }
    }

    /**
     * Adds the components of {@code value}, the argument for parameter {@code position}, to
     * {@code into}; {@code buffer} is the class of its gradient buffer (what tells which members of a
     * record or object are differentiated: the generated gradient class's public fields).
     */
    static void of(String n, int position, Object value, Class<?> buffer, List<Component> into) {
        add(n, position, new ArrayList<>(), value, buffer, into);
    }

    private static void add(
            String n, int position, List<Step> path, Object value, Class<?> buffer, List<Component> into) {
        if (value instanceof Double || value instanceof Float) {
            into.add(new Component(n, position, List.copyOf(path)));
        } else if (value instanceof double[]
                || value instanceof float[]
                || value instanceof double[][]
                || value instanceof float[][]
                || value instanceof double[][][]
                || value instanceof float[][][]) {
            for (int e = 0; e < Array.getLength(value); e++) {
                path.add(Step.at(e));
                add(
                        n + "[" + e + "]",
                        position,
                        path,
                        Array.get(value, e),
                        buffer == null ? null : buffer.getComponentType(),
                        into);
                path.remove(path.size() - 1);
            }
        } else if (value != null
                && buffer != null
                && buffer.isArray()
                && value.getClass().isArray()) {
            for (int e = 0; e < Array.getLength(value); e++) {
                path.add(Step.at(e));
                add(n + "[" + e + "]", position, path, Array.get(value, e), buffer.getComponentType(), into);
                path.remove(path.size() - 1);
            }
        } else if (value != null && buffer != null && Members.isStructured(buffer) && !(value instanceof Number)) {
            for (Field f : Members.gradFields(buffer)) {
                path.add(Step.of(f.getName()));
                add(n + "." + f.getName(), position, path, Members.read(value, f.getName()), f.getType(), into);
                path.remove(path.size() - 1);
            }
        } else if (value == null && buffer != null && Members.isStructured(buffer)) {
            return; // a null member of a record or object: nothing to differentiate there
        } else {
            throw new IllegalArgumentException("parameter " + n + " ("
                    + (value == null ? "null" : value.getClass().getSimpleName())
                    + ") is not a float or double scalar, 1-D, 2-D or 3-D array, or a record or object with a generated gradient"
                    + " class: it cannot be differentiated");
        }
    }

    /** This component's value in {@code args}. */
    double get(Object[] args) {
        Object v = args[parameter];
        for (Step s : path) {
            v = s.member() == null ? Array.get(v, s.index()) : Members.read(v, s.member());
        }
        return ((Number) v).doubleValue();
    }

    /** Sets this component of {@code args} to {@code x} rounded to its type; returns the value as stored. */
    double set(Object[] args, double x) {
        args[parameter] = replaced(args[parameter], 0, x);
        return get(args);
    }

    /** {@code node} with the number under it at {@code path[k..]} set to {@code x} (a record is rebuilt, anything else written). */
    private Object replaced(Object node, int k, double x) {
        if (k == path.size()) {
            return node instanceof Float ? (Object) (float) x : (Object) x;
        }
        Step s = path.get(k);
        if (s.member() == null) {
            Object child = Array.get(node, s.index());
            Array.set(node, s.index(), replaced(child, k + 1, x));
            return node;
        }
        return Members.with(node, s.member(), replaced(Members.read(node, s.member()), k + 1, x));
    }

    /** This component of a gradient buffer: a grad cell, an array shaped as the argument, or a generated gradient class. */
    double getFromBuffer(Object buffer) {
        Object v = buffer;
        for (Step s : path) {
            if (s.member() == null) {
                v = Array.get(v, s.index());
            } else {
                try {
                    v = v.getClass().getField(s.member()).get(v);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(
                            "gradient " + v.getClass().getName() + " has no public field " + s.member(), e);
                }
            }
        }
        if (v instanceof DoubleGrad d) {
            return d.get();
        }
        if (v instanceof FloatGrad f) {
            return f.get();
        }
        return ((Number) v).doubleValue();
    }
}
