package dev.adjoint.check;

import dev.adjoint.DoubleGrad;
import dev.adjoint.FloatGrad;
import java.util.List;

/**
 * One number of a differentiated argument: a scalar parameter, an element {@code w[i]} of a 1-D
 * array or {@code W[i][j]} of a 2-D one, read and written in the argument's own precision.
 *
 * @param name {@code w[3]}, {@code W[1][2]}, {@code b} (the parameter's name, or {@code arg0} when
 *     the class file keeps none)
 * @param parameter the parameter's position
 * @param i the row (or element) index, -1 for a scalar
 * @param j the column index of a 2-D array, -1 otherwise
 */
record Component(String name, int parameter, int i, int j) {

    /** Adds the components of {@code value}, the argument for {@code p}, to {@code into}. */
    static void of(String n, int position, Object value, List<Component> into) {
        if (value instanceof Double || value instanceof Float) {
            into.add(new Component(n, position, -1, -1));
        } else if (value instanceof double[][] || value instanceof float[][]) {
            Object[] rows = (Object[]) value;
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < java.lang.reflect.Array.getLength(rows[r]); c++) {
                    into.add(new Component(n + "[" + r + "][" + c + "]", position, r, c));
                }
            }
        } else if (value instanceof double[] || value instanceof float[]) {
            for (int e = 0; e < java.lang.reflect.Array.getLength(value); e++) {
                into.add(new Component(n + "[" + e + "]", position, e, -1));
            }
        } else {
            throw new IllegalArgumentException("parameter " + n + " (" + (value == null ? "null" : value.getClass().getSimpleName())
                    + ") is not a float or double scalar, 1-D or 2-D array: it cannot be differentiated");
        }
    }

    /** This component's value in {@code args}. */
    double get(Object[] args) {
        Object v = args[parameter];
        if (i < 0) {
            return ((Number) v).doubleValue();
        }
        Object row = j < 0 ? v : ((Object[]) v)[i];
        return java.lang.reflect.Array.getDouble(row, j < 0 ? i : j);
    }

    /** Sets this component of {@code args} to {@code x} rounded to its type; returns the value as stored. */
    double set(Object[] args, double x) {
        Object v = args[parameter];
        if (i < 0) {
            args[parameter] = v instanceof Float ? (Object) (float) x : (Object) x;
            return ((Number) args[parameter]).doubleValue();
        }
        Object row = j < 0 ? v : ((Object[]) v)[i];
        int at = j < 0 ? i : j;
        if (row instanceof float[] f) {
            f[at] = (float) x;
            return f[at];
        }
        ((double[]) row)[at] = x;
        return x;
    }

    /** This component of a gradient buffer ({@code DoubleGrad}, {@code FloatGrad} or an array shaped as the argument). */
    double getFromBuffer(Object buffer) {
        if (buffer instanceof DoubleGrad d) {
            return d.get();
        }
        if (buffer instanceof FloatGrad f) {
            return f.get();
        }
        Object row = j < 0 ? buffer : ((Object[]) buffer)[i];
        return java.lang.reflect.Array.getDouble(row, j < 0 ? i : j);
    }
}
