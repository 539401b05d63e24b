package dev.adjoint;

import java.lang.reflect.Array;

/**
 * The check that generated {@code nameGrad}, {@code nameVjp}, {@code nameJvp} and {@code nameHvp} methods make on
 * entry: each buffer or direction the caller passes for an array parameter is at least as long as that parameter
 * (a 2-D one row by row, ragged rows included, as {@link Gradients#like} allocates it). Without it a shorter buffer
 * is an {@code ArrayIndexOutOfBoundsException} half-way through the reverse sweep, with some gradient already added.
 * A longer one is allowed (its first elements take the gradient), since generated callers pass scratch arrays of a
 * pool's sizes. Costs one comparison per row; allocates nothing unless it throws.
 */
public final class BufferShapes {
    private BufferShapes() {}

    /** Checks that {@code buffer}, named {@code bufferName}, is at least as long as parameter {@code param}, row by row. */
    public static void require(double[] buffer, double[] param, String bufferName, String paramName) {
        check(buffer, param, bufferName, paramName, 1);
    }

    /** As {@link #require(double[], double[], String, String)}. */
    public static void require(float[] buffer, float[] param, String bufferName, String paramName) {
        check(buffer, param, bufferName, paramName, 1);
    }

    /** As {@link #require(double[], double[], String, String)}, row by row. */
    public static void require(double[][] buffer, double[][] param, String bufferName, String paramName) {
        check(buffer, param, bufferName, paramName, 2);
    }

    /** As {@link #require(double[], double[], String, String)}, row by row. */
    public static void require(float[][] buffer, float[][] param, String bufferName, String paramName) {
        check(buffer, param, bufferName, paramName, 2);
    }

    /** As {@link #require(double[], double[], String, String)}, layer by layer. */
    public static void require(double[][][] buffer, double[][][] param, String bufferName, String paramName) {
        check(buffer, param, bufferName, paramName, 3);
    }

    /** As {@link #require(double[], double[], String, String)}, layer by layer. */
    public static void require(float[][][] buffer, float[][][] param, String bufferName, String paramName) {
        check(buffer, param, bufferName, paramName, 3);
    }

    /**
     * Checks that the gradient or tangent object {@code sink} ({@code dthis}, {@code dp}), named {@code sinkName}, is
     * there: {@code like} says how to allocate it ({@code ModelGrad.like(self)}).
     */
    public static void requireSink(Object sink, String sinkName, String like) {
        if (sink == null) {
            throw new IllegalArgumentException(sinkName + " is null: " + allocateObject(sinkName, like));
        }
    }

    /**
     * Checks that {@code sinks}, the gradient or tangent objects of the {@code count} elements of {@code valuesName},
     * has one object per element: the generated method adds element {@code i}'s gradient into {@code sinks[i]}.
     */
    public static void requireSinks(Object[] sinks, int count, String sinksName, String valuesName, String like) {
        String what = sinks == null
                ? sinksName + " is null; " + valuesName + " has " + count + " elements"
                : sinks.length != count
                        ? sinksName + " has " + sinks.length + " elements and " + valuesName + " " + count
                        : null;
        for (int i = 0; what == null && i < count; i++) {
            if (sinks[i] == null) {
                what = sinksName + "[" + i + "] is null";
            }
        }
        if (what != null) {
            throw new IllegalArgumentException(what + ": " + allocateObject(sinksName, like));
        }
    }

    /**
     * As {@link #require(double[], double[], String, String)}, for an array field or component of a gradient or
     * tangent object ({@code dthis.w} against {@code self.w}, of any dimension): {@code like} says how to allocate the
     * object ({@code ModelGrad.like(self)}), since its constructor leaves the arrays null.
     */
    public static void requireLike(Object buffer, Object param, String bufferName, String paramName, String like) {
        check(buffer, param, bufferName, paramName, dims(param), like);
    }

    /**
     * As {@link #requireLike}, for array component {@code component} of element {@code index}: {@code buffer} is
     * {@code sinksName[index].component}, {@code param} is {@code valuesName[index].component} (names built only on a
     * mismatch).
     */
    public static void requireElement(
            Object buffer,
            Object param,
            String sinksName,
            int index,
            String component,
            String valuesName,
            String like) {
        if (mismatch(buffer, param, dims(param)) != null) {
            String at = "[" + index + "]." + component;
            check(buffer, param, sinksName + at, valuesName + at, dims(param), like);
        }
    }

    /** The number of dimensions of array {@code param} (0 for null, which is not checked). */
    private static int dims(Object param) {
        int dims = 0;
        for (Class<?> c = param == null ? null : param.getClass(); c != null && c.isArray(); c = c.getComponentType()) {
            dims++;
        }
        return dims;
    }

    private static void check(Object buffer, Object param, String bufferName, String paramName, int dims) {
        check(buffer, param, bufferName, paramName, dims, null);
    }

    private static void check(Object buffer, Object param, String bufferName, String paramName, int dims, String like) {
        if (param == null) {
            return; // the method itself meets the null where it reads the parameter, as Java would
        }
        String at = mismatch(buffer, param, dims);
        if (at != null) {
            Object b = buffer;
            Object p = param;
            String path = "";
            for (String i : at.isEmpty() ? new String[0] : at.substring(1).split(",")) {
                b = Array.get(b, Integer.parseInt(i));
                p = Array.get(p, Integer.parseInt(i));
                path += "[" + i + "]";
            }
            String what = b == null
                    ? bufferName + path + " is null; " + paramName + path + " has length " + Array.getLength(p)
                    : bufferName + path + " has length " + Array.getLength(b) + " and " + paramName + path + " has "
                            + Array.getLength(p);
            throw new IllegalArgumentException(what + ": "
                    + (like == null
                            ? allocate(paramName, dims, !path.isEmpty())
                            : allocateObject(bufferName, like) + " (its constructor leaves arrays null)"));
        }
    }

    /**
     * Where {@code buffer} is shorter than {@code param} (or null): {@code ""} at the top, {@code ",i"} at row
     * {@code i}, {@code ",i,j"} deeper; null when it is not. A longer buffer is no error: generated callers pass
     * scratch arrays of a pool's sizes, and only the first elements are written.
     */
    private static String mismatch(Object buffer, Object param, int dims) {
        if (param == null) {
            return null;
        }
        if (buffer == null || Array.getLength(buffer) < Array.getLength(param)) {
            return "";
        }
        for (int i = 0; dims > 1 && i < Array.getLength(param); i++) {
            String inner = mismatch(Array.get(buffer, i), Array.get(param, i), dims - 1);
            if (inner != null) {
                return "," + i + inner;
            }
        }
        return null;
    }

    /** How to allocate the gradient or tangent object whose array {@code bufferName} ({@code dthis.w}, {@code ds[1].shift}) is. */
    private static String allocateObject(String bufferName, String like) {
        int end = 0;
        while (end < bufferName.length() && bufferName.charAt(end) != '.' && bufferName.charAt(end) != '[') {
            end++;
        }
        return "allocate " + bufferName.substring(0, end) + " with " + like;
    }

    private static String allocate(String paramName, int dims, boolean row) {
        return "a buffer or direction has at least its parameter's shape ("
                + (dims == 1 && !row
                        ? "new double[" + paramName + ".length], or a float[] for a float[] parameter)"
                        : "Gradients.like(" + paramName + "))");
    }
}
