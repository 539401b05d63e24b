package dev.adjoint;

import java.util.Arrays;

/**
 * A sparse Jacobian assembled from dense blocks, for functions whose outputs each depend on few
 * inputs (bundle adjustment: a residual depends on one camera and one point). Each block comes
 * from a generated {@code nameJacobian} of the small function that computes a few outputs from a
 * few inputs; {@link #addBlock} places it at its rows and columns, and {@link #compress} gives
 * the compressed-sparse-row form solvers take. Entries added twice at one place are summed.
 *
 * <pre>{@code
 * SparseJacobian jac = Jacobians.ofBlocks(2 * p, 11 * n + 3 * m);
 * for (int i = 0; i < p; i++) {
 *     ModelAdjoint.residualJacobian(cam[c], point[q], feat[i], block);   // 2 × 14, dense
 *     jac.addBlock(new int[] {2 * i, 2 * i + 1}, columnsOf(c, q), block);
 * }
 * SparseJacobian.Csr csr = jac.compress();
 * }</pre>
 */
public final class SparseJacobian {
    private final int rows;
    private final int columns;
    private int[] rowOf = new int[64];
    private int[] columnOf = new int[64];
    private double[] valueOf = new double[64];
    private int size;

    SparseJacobian(int rows, int columns) {
        if (rows < 0 || columns < 0) {
            throw new IllegalArgumentException("a Jacobian of " + rows + " x " + columns);
        }
        this.rows = rows;
        this.columns = columns;
    }

    /** The number of rows (outputs). */
    public int rows() {
        return rows;
    }

    /** The number of columns (inputs). */
    public int columns() {
        return columns;
    }

    /**
     * Adds {@code block[r][c]} at row {@code rowIndices[r]}, column {@code columnIndices[c]}, for
     * every {@code r} and {@code c} (zeros included: the structure stays the same at every point).
     */
    public void addBlock(int[] rowIndices, int[] columnIndices, double[][] block) {
        if (block.length != rowIndices.length) {
            throw new IllegalArgumentException(
                    "the block has " + block.length + " rows, the indices " + rowIndices.length);
        }
        for (int r = 0; r < rowIndices.length; r++) {
            check(rowIndices[r], rows, "row");
            if (block[r].length != columnIndices.length) {
                throw new IllegalArgumentException(
                        "block row " + r + " has " + block[r].length + " entries, the indices " + columnIndices.length);
            }
            for (int c = 0; c < columnIndices.length; c++) {
                check(columnIndices[c], columns, "column");
                add(rowIndices[r], columnIndices[c], block[r][c]);
            }
        }
    }

    /** Adds one entry. */
    public void add(int row, int column, double value) {
        check(row, rows, "row");
        check(column, columns, "column");
        if (size == rowOf.length) {
            rowOf = Arrays.copyOf(rowOf, 2 * size);
            columnOf = Arrays.copyOf(columnOf, 2 * size);
            valueOf = Arrays.copyOf(valueOf, 2 * size);
        }
        rowOf[size] = row;
        columnOf[size] = column;
        valueOf[size] = value;
        size++;
    }

    private static void check(int index, int bound, String what) {
        if (index < 0 || index >= bound) {
            throw new IndexOutOfBoundsException(what + " " + index + " outside 0.." + (bound - 1));
        }
    }

    /**
     * The compressed-sparse-row form: row {@code r}'s entries are {@code values[rowStarts[r] ..
     * rowStarts[r+1]-1]} at columns {@code columnIndices[...]}, columns increasing within a row,
     * duplicates summed.
     */
    public record Csr(int rows, int columns, int[] rowStarts, int[] columnIndices, double[] values) {
        /** {@code J·v}. */
        public double[] times(double[] v) {
            if (v.length != columns) {
                throw new IllegalArgumentException("v has " + v.length + " entries, J " + columns + " columns");
            }
            double[] out = new double[rows];
            for (int r = 0; r < rows; r++) {
                double s = 0;
                for (int k = rowStarts[r]; k < rowStarts[r + 1]; k++) {
                    s += values[k] * v[columnIndices[k]];
                }
                out[r] = s;
            }
            return out;
        }

        /** The entry at {@code (row, column)}, 0 where none is stored. */
        public double get(int row, int column) {
            int k = Arrays.binarySearch(columnIndices, rowStarts[row], rowStarts[row + 1], column);
            return k >= 0 ? values[k] : 0;
        }
    }

    /** The entries so far in compressed-sparse-row form. */
    public Csr compress() {
        Integer[] order = new Integer[size];
        for (int k = 0; k < size; k++) {
            order[k] = k;
        }
        Arrays.sort(
                order,
                (a, b) -> rowOf[a] != rowOf[b]
                        ? Integer.compare(rowOf[a], rowOf[b])
                        : Integer.compare(columnOf[a], columnOf[b]));
        int[] starts = new int[rows + 1];
        int[] cols = new int[size];
        double[] vals = new double[size];
        int n = 0;
        for (int k = 0; k < size; k++) {
            int e = order[k];
            if (n > 0 && k > 0 && rowOf[order[k - 1]] == rowOf[e] && cols[n - 1] == columnOf[e]) {
                vals[n - 1] += valueOf[e];
                continue;
            }
            cols[n] = columnOf[e];
            vals[n] = valueOf[e];
            starts[rowOf[e] + 1]++;
            n++;
        }
        for (int r = 0; r < rows; r++) {
            starts[r + 1] += starts[r];
        }
        return new Csr(rows, columns, starts, Arrays.copyOf(cols, n), Arrays.copyOf(vals, n));
    }
}
