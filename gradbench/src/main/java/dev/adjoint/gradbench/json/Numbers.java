package dev.adjoint.gradbench.json;

import java.util.Arrays;

/**
 * A JSON array of numbers, nested to any depth but rectangular ({@code [[1,2],[3,4]]}), kept flat
 * in row-major order with its shape: {@code [[1,2],[3,4]]} is {@code data = {1,2,3,4}},
 * {@code shape = {2,2}}. An empty array {@code []} has shape {@code {0}}.
 */
public record Numbers(double[] data, int[] shape) {

    /** A one-dimensional array. */
    public static Numbers of(double... data) {
        return new Numbers(data, new int[] {data.length});
    }

    /** {@code rows × cols} numbers, row-major. */
    public static Numbers matrix(double[] data, int rows, int cols) {
        if (data.length != rows * cols) {
            throw new IllegalArgumentException(data.length + " numbers are not " + rows + " × " + cols);
        }
        return new Numbers(data, new int[] {rows, cols});
    }

    /** The length of the outermost array. */
    public int length() {
        return shape[0];
    }

    /** The length of the rows, for a two-dimensional array ({@code 0} when it has no rows). */
    public int columns() {
        if (shape.length != 2) {
            throw new IllegalArgumentException("expected a two-dimensional array, got shape " + Arrays.toString(shape));
        }
        return shape[1];
    }

    /** The rows as separate arrays, for a two-dimensional array. */
    public double[][] rows() {
        int cols = columns();
        double[][] rows = new double[shape[0]][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
        }
        return rows;
    }

    /** The numbers as {@code int}s, each checked to be one. */
    public int[] ints() {
        int[] ints = new int[data.length];
        for (int i = 0; i < ints.length; i++) {
            ints[i] = (int) data[i];
            if (ints[i] != data[i]) {
                throw new IllegalArgumentException("expected an integer, got " + data[i]);
            }
        }
        return ints;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Numbers other && Arrays.equals(data, other.data) && Arrays.equals(shape, other.shape);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(data) + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "Numbers" + Arrays.toString(shape);
    }
}
