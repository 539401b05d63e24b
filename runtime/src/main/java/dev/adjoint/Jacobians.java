package dev.adjoint;

/**
 * Helpers of the generated {@code nameJacobian} methods, which lay the differentiated parameters
 * out in one flat vector in declaration order (a 2-D array row by row, a 3-D one layer by layer): the number of entries of
 * a 2-D array, a unit direction, and a gradient copied into a row of the Jacobian.
 */
public final class Jacobians {
    private Jacobians() {}

    /**
     * An empty sparse Jacobian of {@code rows} outputs and {@code columns} inputs, to be filled
     * with dense blocks from generated {@code nameJacobian} methods of per-observation functions.
     */
    public static SparseJacobian ofBlocks(int rows, int columns) {
        return new SparseJacobian(rows, columns);
    }

    /**
     * Checks that {@code jac}, the caller's buffer for the Jacobian of {@code method}, is {@code m × n} before
     * anything is written into it, so that a buffer of another shape is a message naming both shapes rather
     * than an {@code ArrayIndexOutOfBoundsException} half-way through, with some rows filled.
     *
     * @param inputs the differentiated parameters, in the order their entries are laid out
     * @throws IllegalArgumentException when {@code jac} is null, not {@code m} rows, or a row is not {@code n} long
     */
    public static void requireShape(double[][] jac, int m, int n, String method, String inputs) {
        boolean fits = jac != null && jac.length == m;
        for (int i = 0; fits && i < m; i++) {
            fits = jac[i] != null && jac[i].length == n;
        }
        if (!fits) {
            throw new IllegalArgumentException(
                    "the Jacobian of " + method + " is " + m + " × " + n + " (its result's " + m
                            + " elements by the " + n + " entries of " + inputs + ", in that order); jac is "
                            + describe(jac) + ": allocate new double[" + m + "][" + n + "]");
        }
    }

    /**
     * Checks what can be checked of {@code jac} before {@code method} runs, its rows' length, for a
     * method whose run for the value changes its object (a {@code state} array it advances): a buffer
     * with rows of another length is refused before that run, so that the refused call leaves the
     * object as it was; {@link #requireShape} checks the number of rows after it.
     *
     * @param inputs the differentiated inputs, in the order their entries are laid out
     * @throws IllegalArgumentException when {@code jac} is null or a row is null or not {@code n} long
     */
    public static void requireColumns(double[][] jac, int n, String method, String inputs) {
        boolean fits = jac != null;
        for (int i = 0; fits && i < jac.length; i++) {
            fits = jac[i] != null && jac[i].length == n;
        }
        if (!fits) {
            throw new IllegalArgumentException("the Jacobian of " + method + " has " + n + " columns (the " + n
                    + " entries of " + inputs + ", in that order); jac is " + describe(jac)
                    + ": allocate new double[m][" + n + "], m the length of its result");
        }
    }

    private static String describe(double[][] jac) {
        if (jac == null) {
            return "null";
        }
        for (int i = 0; i < jac.length; i++) {
            if (jac[i] == null || jac[i].length != jac[0].length) {
                return jac.length + " rows, row " + i + (jac[i] == null ? " null" : " " + jac[i].length + " long");
            }
        }
        return jac.length + " × " + (jac.length == 0 ? 0 : jac[0].length);
    }

    /** The number of elements of {@code a}, over all its rows. */
    public static int size(double[][] a) {
        int n = 0;
        for (double[] row : a) {
            n += row.length;
        }
        return n;
    }

    /** The number of elements of {@code a}, over all its rows. */
    public static int size(float[][] a) {
        int n = 0;
        for (float[] row : a) {
            n += row.length;
        }
        return n;
    }

    /** Sets element {@code k} of {@code t} to 1, when {@code 0 <= k < t.length}. */
    public static void unit(double[] t, int k) {
        if (k >= 0 && k < t.length) {
            t[k] = 1;
        }
    }

    /** Sets element {@code k} of {@code t} to 1, when {@code 0 <= k < t.length}. */
    public static void unit(float[] t, int k) {
        if (k >= 0 && k < t.length) {
            t[k] = 1;
        }
    }

    /** Sets the {@code k}-th element of {@code t}, counted row by row, to 1, when there is one. */
    public static void unit(double[][] t, int k) {
        for (double[] row : t) {
            unit(row, k);
            k -= row.length;
        }
    }

    /** Sets the {@code k}-th element of {@code t}, counted row by row, to 1, when there is one. */
    public static void unit(float[][] t, int k) {
        for (float[] row : t) {
            unit(row, k);
            k -= row.length;
        }
    }

    /** {@code row[offset + i] = g[i]}. */
    public static void put(double[] row, int offset, double[] g) {
        System.arraycopy(g, 0, row, offset, g.length);
    }

    /** {@code row[offset + i] = g[i]}, widened. */
    public static void put(double[] row, int offset, float[] g) {
        for (int i = 0; i < g.length; i++) {
            row[offset + i] = g[i];
        }
    }

    /** {@code g} row by row into {@code row} from {@code offset}. */
    public static void put(double[] row, int offset, double[][] g) {
        for (double[] r : g) {
            put(row, offset, r);
            offset += r.length;
        }
    }

    /** {@code g} row by row into {@code row} from {@code offset}, widened. */
    public static void put(double[] row, int offset, float[][] g) {
        for (float[] r : g) {
            put(row, offset, r);
            offset += r.length;
        }
    }

    /** The number of elements of {@code a}, over all its layers and rows. */
    public static int size(double[][][] a) {
        int n = 0;
        for (double[][] layer : a) {
            n += size(layer);
        }
        return n;
    }

    /** Sets the {@code k}-th element of {@code t}, counted layer by layer and row by row, to 1, when there is one. */
    public static void unit(double[][][] t, int k) {
        for (double[][] layer : t) {
            unit(layer, k);
            k -= size(layer);
        }
    }

    /** {@code g} layer by layer and row by row into {@code row} from {@code offset}. */
    public static void put(double[] row, int offset, double[][][] g) {
        for (double[][] layer : g) {
            put(row, offset, layer);
            offset += size(layer);
        }
    }

    /** The number of elements of {@code a}, over all its layers and rows. */
    public static int size(float[][][] a) {
        int n = 0;
        for (float[][] layer : a) {
            n += size(layer);
        }
        return n;
    }

    /** Sets the {@code k}-th element of {@code t}, counted layer by layer and row by row, to 1, when there is one. */
    public static void unit(float[][][] t, int k) {
        for (float[][] layer : t) {
            unit(layer, k);
            k -= size(layer);
        }
    }

    /** {@code g} layer by layer and row by row into {@code row} from {@code offset}, widened. */
    public static void put(double[] row, int offset, float[][][] g) {
        for (float[][] layer : g) {
            put(row, offset, layer);
            offset += size(layer);
        }
    }
}
