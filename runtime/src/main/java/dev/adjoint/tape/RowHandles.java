package dev.adjoint.tape;

/**
 * The handles of a 2-D array's elements, {@code handles[i][j]} for {@code x[i][j]}, one handle row
 * per row of the array, borrowed from the tape like {@link Tape#borrowHandles(int)} (given back
 * with {@link Tape#releaseHandles(int)}), so that a warm recording allocates nothing. Rows may
 * differ in length (jagged arrays); a handle row may be longer than its array row. A 3-D array
 * ({@code W[l][i][j]}, an MLP's layers of different shapes) has one such block of handle rows per
 * layer, element {@code k} in row-major order over all layers being {@code first + k}.
 */
public final class RowHandles {
    private RowHandles() {}

    /** Handles for an array of {@code x}'s shape, all {@link Tape#CONSTANT}. */
    public static int[][] borrow(Tape tape, double[][] x) {
        int[][] h = tape.handlePool().borrowRows(x.length);
        for (int i = 0; i < x.length; i++) {
            h[i] = tape.borrowHandles(x[i].length);
        }
        return h;
    }

    /** Handles for an array of {@code x}'s shape, all {@link Tape#CONSTANT}. */
    public static int[][] borrow(Tape tape, float[][] x) {
        int[][] h = tape.handlePool().borrowRows(x.length);
        for (int i = 0; i < x.length; i++) {
            h[i] = tape.borrowHandles(x[i].length);
        }
        return h;
    }

    /** Handles for a {@code rows × columns} array ({@code new double[rows][columns]}), all {@link Tape#CONSTANT}. */
    public static int[][] borrow(Tape tape, int rows, int columns) {
        int[][] h = tape.handlePool().borrowRows(rows);
        for (int i = 0; i < rows; i++) {
            h[i] = tape.borrowHandles(columns);
        }
        return h;
    }

    /**
     * One leaf per element of {@code x}, row by row, into {@code handles}.
     *
     * @return the first leaf's handle: element {@code k} in row-major order is {@code first + k}
     */
    public static int leaves(Tape tape, double[][] x, int[][] handles) {
        int first = tape.mark();
        for (int i = 0; i < x.length; i++) {
            int row = tape.leaves(x[i].length);
            for (int j = 0; j < x[i].length; j++) {
                handles[i][j] = row + j;
            }
        }
        return first;
    }

    /** As {@link #leaves(Tape, double[][], int[][])}. */
    public static int leaves(Tape tape, float[][] x, int[][] handles) {
        int first = tape.mark();
        for (int i = 0; i < x.length; i++) {
            int row = tape.leaves(x[i].length);
            for (int j = 0; j < x[i].length; j++) {
                handles[i][j] = row + j;
            }
        }
        return first;
    }

    /** {@code into[i][j] += adjoint(first + k)}, {@code k} the element's row-major index: the leaves' adjoints into a buffer. */
    public static void addAdjoints(Tape tape, int first, double[][] into) {
        int k = first;
        for (double[] row : into) {
            for (int j = 0; j < row.length; j++) {
                row[j] += tape.adjoint(k++);
            }
        }
    }

    /** As {@link #addAdjoints(Tape, int, double[][])}, each adjoint rounded to float. */
    public static void addAdjoints(Tape tape, int first, float[][] into) {
        int k = first;
        for (float[] row : into) {
            for (int j = 0; j < row.length; j++) {
                row[j] += (float) tape.adjoint(k++);
            }
        }
    }

    /**
     * Handles for an array of {@code x}'s shape, all {@link Tape#CONSTANT}: a block of handle rows
     * per layer (the outer array is allocated, one per call; the rows are borrowed).
     */
    public static int[][][] borrow(Tape tape, double[][][] x) {
        int[][][] h = new int[x.length][][];
        for (int l = 0; l < x.length; l++) {
            h[l] = borrow(tape, x[l]);
        }
        return h;
    }

    /** As {@link #borrow(Tape, double[][][])}. */
    public static int[][][] borrow(Tape tape, float[][][] x) {
        int[][][] h = new int[x.length][][];
        for (int l = 0; l < x.length; l++) {
            h[l] = borrow(tape, x[l]);
        }
        return h;
    }

    /**
     * One leaf per element of {@code x}, layer by layer and row by row, into {@code handles}.
     *
     * @return the first leaf's handle: element {@code k} in row-major order is {@code first + k}
     */
    public static int leaves(Tape tape, double[][][] x, int[][][] handles) {
        int first = tape.mark();
        for (int l = 0; l < x.length; l++) {
            leaves(tape, x[l], handles[l]);
        }
        return first;
    }

    /** As {@link #leaves(Tape, double[][][], int[][][])}. */
    public static int leaves(Tape tape, float[][][] x, int[][][] handles) {
        int first = tape.mark();
        for (int l = 0; l < x.length; l++) {
            leaves(tape, x[l], handles[l]);
        }
        return first;
    }

    /** {@code into[l][i][j] += adjoint(first + k)}, {@code k} the element's row-major index over all layers. */
    public static void addAdjoints(Tape tape, int first, double[][][] into) {
        int k = first;
        for (double[][] layer : into) {
            addAdjoints(tape, k, layer);
            for (double[] row : layer) {
                k += row.length;
            }
        }
    }

    /** As {@link #addAdjoints(Tape, int, double[][][])}, each adjoint rounded to float. */
    public static void addAdjoints(Tape tape, int first, float[][][] into) {
        int k = first;
        for (float[][] layer : into) {
            addAdjoints(tape, k, layer);
            for (float[] row : layer) {
                k += row.length;
            }
        }
    }
}
