package dev.adjoint;

import dev.adjoint.stack.AdjointStacks;
import java.util.Arrays;

/**
 * The check generated methods make on entry when the method writes into the rows of a 2-D array
 * parameter ({@code acc[i][j] += ...}): its rows are distinct arrays, and none is another array
 * parameter of the method or a row of one. Both strategies, like the analysis behind them, take
 * distinct rows for distinct arrays; given {@code new double[][] {r, r}}, a write through one row
 * would be read through the other, and the gradient would not be the method's. The call is refused
 * instead, as one array passed for two written parameters is.
 *
 * <p>Rows are compared by identity: their identity hash codes, with each row's index, are sorted in
 * an array of the thread's pool, so a warm call allocates nothing and costs {@code n log n} for
 * {@code n} rows; rows of equal hash are then compared as references. A {@code null} row is left to
 * the method.
 */
public final class RowsApart {
    private RowsApart() {}

    /** Checks that the rows of {@code rows}, parameter {@code name} of {@code method}, are distinct arrays. */
    public static void require(Object[] rows, String name, String method) {
        require(rows, name, null, null, method);
    }

    /** Checks that no row of {@code rows} (parameter {@code name}) is {@code array} (parameter {@code other}). */
    public static void require(Object[] rows, String name, Object array, String other, String method) {
        if (rows == null || array == null) {
            return;
        }
        for (int k = 0; k < rows.length; k++) {
            if (rows[k] == array) {
                throw same(name + "[" + k + "]", other, method);
            }
        }
    }

    /**
     * Checks that the rows of {@code rows} (parameter {@code name}) are distinct arrays, and, when
     * {@code others} (parameter {@code other}) is not null, that none is also a row of it.
     */
    public static void require(Object[] rows, String name, Object[] others, String other, String method) {
        if (rows == null) {
            return;
        }
        int n = rows.length;
        int m = others == null ? 0 : others.length;
        if (n + m < 2) {
            return;
        }
        AdjointStacks stacks = AdjointStacks.forThread();
        int mark = stacks.arrays.mark();
        try {
            long[] keys = stacks.arrays.borrowLongs(n + m);
            for (int k = 0; k < n + m; k++) {
                keys[k] = key(k < n ? rows[k] : others[k - n], k);
            }
            Arrays.sort(keys);
            for (int start = 0, end; start < n + m; start = end) {
                end = runEnd(keys, start, n + m);
                for (int i = start; i < end; i++) {
                    for (int j = i + 1; j < end; j++) {
                        int a = (int) keys[i];
                        int b = (int) keys[j];
                        Object x = a < n ? rows[a] : others[a - n];
                        Object y = b < n ? rows[b] : others[b - n];
                        if (x != null && x == y && a < n) { // (sorted: a < b; two rows of others alone are no concern)
                            throw same(label(a, n, name, other), label(b, n, name, other), method);
                        }
                    }
                }
            }
        } finally {
            stacks.arrays.release(mark);
        }
    }

    /**
     * Checks that no row of {@code rows} (parameter {@code name}, whose rows the method only reads) is
     * {@code array} (parameter {@code other}, which it writes): the row would be read as the method
     * writes it, which the adjoint, taking them apart, does not follow.
     */
    public static void requireNoRow(Object[] rows, String name, Object array, String other, String method) {
        if (rows == null || array == null) {
            return;
        }
        for (int k = 0; k < rows.length; k++) {
            if (rows[k] == array) {
                throw new IllegalArgumentException("'" + name + "[" + k + "]' and '" + other + "' are the same array; "
                        + method + " writes into '" + other + "' and reads the rows of '" + name
                        + "', and its adjoint needs them apart: pass a copy for one of them");
            }
        }
    }

    /**
     * Checks that the layers of {@code layers} (a 3-D parameter {@code name} whose elements the method
     * writes) are distinct arrays, and so are their rows, across all the layers: identity hashes
     * sorted in a pooled array as for {@link #require(Object[], String, String)}.
     */
    public static void requireLayers(Object[][] layers, String name, String method) {
        if (layers == null) {
            return;
        }
        require(layers, name, method);
        int n = 0;
        for (Object[] layer : layers) {
            n += layer == null ? 0 : layer.length;
        }
        if (n < 2) {
            return;
        }
        AdjointStacks stacks = AdjointStacks.forThread();
        int mark = stacks.arrays.mark();
        try {
            long[] keys = stacks.arrays.borrowLongs(n);
            int k = 0;
            for (Object[] layer : layers) {
                for (int i = 0; layer != null && i < layer.length; i++, k++) {
                    keys[k] = key(layer[i], k);
                }
            }
            Arrays.sort(keys, 0, n);
            for (int start = 0, end; start < n; start = end) {
                end = runEnd(keys, start, n);
                for (int i = start; i < end; i++) {
                    for (int j = i + 1; j < end; j++) {
                        int[] a = place(layers, (int) keys[i]);
                        int[] b = place(layers, (int) keys[j]);
                        Object x = layers[a[0]][a[1]];
                        if (x != null && x == layers[b[0]][b[1]]) {
                            throw same(
                                    name + "[" + a[0] + "][" + a[1] + "]",
                                    name + "[" + b[0] + "][" + b[1] + "]",
                                    method);
                        }
                    }
                }
            }
        } finally {
            stacks.arrays.release(mark);
        }
    }

    /**
     * Checks that no layer of {@code layers} (a 3-D parameter {@code name}) is {@code other}
     * (parameter {@code otherName}, a 2-D or 1-D array), and no row of them is {@code other} (1-D) or
     * a row of it (2-D): the method writes into one of them and reads the other, which the adjoint,
     * taking them apart, does not follow. Rows shared within either alone are left alone.
     */
    public static void requireLayersApart(
            Object[][] layers, String name, Object other, String otherName, String method) {
        if (layers == null || other == null) {
            return;
        }
        int n = 0;
        for (int l = 0; l < layers.length; l++) {
            if (layers[l] == other) {
                throw apart(name + "[" + l + "]", otherName, method);
            }
            n += layers[l] == null ? 0 : layers[l].length;
        }
        if (!(other instanceof Object[] rows)) {
            for (int l = 0; l < layers.length; l++) {
                for (int i = 0; layers[l] != null && i < layers[l].length; i++) {
                    if (layers[l][i] == other) {
                        throw apart(name + "[" + l + "][" + i + "]", otherName, method);
                    }
                }
            }
            return;
        }
        int m = rows.length;
        AdjointStacks stacks = AdjointStacks.forThread();
        int mark = stacks.arrays.mark();
        try {
            long[] keys = stacks.arrays.borrowLongs(n + m);
            int k = 0;
            for (Object[] layer : layers) {
                for (int i = 0; layer != null && i < layer.length; i++, k++) {
                    keys[k] = key(layer[i], k);
                }
            }
            for (int j = 0; j < m; j++, k++) {
                keys[k] = key(rows[j], k);
            }
            Arrays.sort(keys);
            for (int start = 0, end; start < n + m; start = end) {
                end = runEnd(keys, start, n + m);
                for (int i = start; i < end; i++) {
                    for (int j = i + 1; j < end; j++) {
                        int a = (int) keys[i];
                        int b = (int) keys[j];
                        if (a < n && b >= n) { // (sorted: a < b; a row of the layers and a row of other)
                            int[] at = place(layers, a);
                            Object x = layers[at[0]][at[1]];
                            if (x != null && x == rows[b - n]) {
                                throw apart(
                                        name + "[" + at[0] + "][" + at[1] + "]",
                                        otherName + "[" + (b - n) + "]",
                                        method);
                            }
                        }
                    }
                }
            }
        } finally {
            stacks.arrays.release(mark);
        }
    }

    /** The sort key of {@code o} at index {@code k}: its identity hash above, {@code k} below. */
    private static long key(Object o, int k) {
        return ((long) System.identityHashCode(o) << 32) | k;
    }

    /**
     * The end of the run of sorted {@code keys} from {@code start} (below {@code count}) that share
     * its identity hash: the entries that may be one array, compared as references next.
     */
    private static int runEnd(long[] keys, int start, int count) {
        int end = start + 1;
        while (end < count && keys[end] >>> 32 == keys[start] >>> 32) {
            end++;
        }
        return end;
    }

    private static IllegalArgumentException apart(String a, String b, String method) {
        return new IllegalArgumentException("'" + a + "' and '" + b + "' are the same array; " + method
                + " writes into one of them, and its adjoint needs them apart: pass a copy for one of them");
    }

    /** The layer and row of the {@code k}-th row of {@code layers}, counted across them. */
    private static int[] place(Object[][] layers, int k) {
        int l = 0;
        while (layers[l] == null || k >= layers[l].length) {
            k -= layers[l] == null ? 0 : layers[l].length;
            l++;
        }
        return new int[] {l, k};
    }

    private static String label(int k, int n, String name, String other) {
        return k < n ? name + "[" + k + "]" : other + "[" + (k - n) + "]";
    }

    private static IllegalArgumentException same(String a, String b, String method) {
        return new IllegalArgumentException("'" + a + "' and '" + b + "' are the same array; " + method
                + " writes into the rows of one of them, and its adjoint needs them apart: pass a copy for one of"
                + " them");
    }
}
