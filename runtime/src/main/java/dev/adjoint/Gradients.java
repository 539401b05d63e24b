package dev.adjoint;

import java.util.Arrays;

/** Explicit, cheap zeroing of gradient buffers (gradients accumulate until zeroed). */
public final class Gradients {
    private Gradients() {}

    /**
     * Sets every element of each buffer to 0. A {@code double[][]} passed alone is taken as its
     * rows, so {@code zero(grid)} zeroes a 2-D buffer too.
     */
    public static void zero(double[]... buffers) {
        for (double[] b : buffers) {
            Arrays.fill(b, 0.0);
        }
    }

    /** Sets every element of each buffer (or of each row of a {@code float[][]}) to 0. */
    public static void zero(float[]... buffers) {
        for (float[] b : buffers) {
            Arrays.fill(b, 0.0f);
        }
    }

    /** Sets every element of every row of each 2-D buffer to 0. */
    public static void zero(double[][]... buffers) {
        for (double[][] b : buffers) {
            zero(b);
        }
    }

    /** Sets every element of every row of each 2-D buffer to 0. */
    public static void zero(float[][]... buffers) {
        for (float[][] b : buffers) {
            zero(b);
        }
    }

    /** Sets each scalar buffer to 0. */
    public static void zero(DoubleGrad... buffers) {
        for (DoubleGrad b : buffers) {
            b.zero();
        }
    }

    /** Sets each scalar buffer to 0. */
    public static void zero(FloatGrad... buffers) {
        for (FloatGrad b : buffers) {
            b.zero();
        }
    }

    /** A zeroed buffer of {@code a}'s shape (generated code uses it for arrays written in place). */
    public static double[][] like(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new double[a[i].length];
        }
        return out;
    }

    /** A zeroed buffer of {@code a}'s shape. */
    public static float[][] like(float[][] a) {
        float[][] out = new float[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new float[a[i].length];
        }
        return out;
    }

    /** A copy of {@code a}, row by row (generated {@code ...Jvp} methods copy a tangent they update). */
    public static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    /** A copy of {@code a}, row by row (generated {@code ...Jvp} methods copy a tangent they update). */
    public static float[][] copy(float[][] a) {
        float[][] out = new float[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    /** A copy of an index table, row by row (a generated {@code ...Jacobian} runs the method on copies of its arrays). */
    public static int[][] copy(int[][] a) {
        int[][] out = new int[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    /** {@code Σ a[i]·b[i]} (generated {@code ...Jvp} methods use it with custom pullbacks). */
    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** {@code Σ a[i][j]·b[i][j]}. */
    public static double dot(double[][] a, double[][] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += dot(a[i], b[i]);
        }
        return s;
    }

    /** {@code Σ a[i]·b[i]} (generated {@code ...Jvp} methods use it with custom pullbacks). */
    public static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** {@code Σ a[i][j]·b[i][j]}. */
    public static float dot(float[][] a, float[][] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += dot(a[i], b[i]);
        }
        return s;
    }

    /** {@code dst += src}, element by element. */
    public static void addInto(double[] dst, double[] src) {
        for (int i = 0; i < src.length; i++) {
            dst[i] += src[i];
        }
    }

    /** {@code dst += src}, element by element. */
    public static void addInto(float[] dst, float[] src) {
        for (int i = 0; i < src.length; i++) {
            dst[i] += src[i];
        }
    }

    /** {@code dst += src}, element by element. */
    public static void addInto(double[][] dst, double[][] src) {
        for (int i = 0; i < src.length; i++) {
            addInto(dst[i], src[i]);
        }
    }

    /** {@code dst += src}, element by element. */
    public static void addInto(float[][] dst, float[][] src) {
        for (int i = 0; i < src.length; i++) {
            addInto(dst[i], src[i]);
        }
    }

    /** A zeroed buffer of {@code a}'s shape, layer by layer (layers and rows may differ in length). */
    public static double[][][] like(double[][][] a) {
        double[][][] out = new double[a.length][][];
        for (int l = 0; l < a.length; l++) {
            out[l] = like(a[l]);
        }
        return out;
    }

    /** A copy of {@code a}, layer by layer and row by row. */
    public static double[][][] copy(double[][][] a) {
        double[][][] out = new double[a.length][][];
        for (int l = 0; l < a.length; l++) {
            out[l] = copy(a[l]);
        }
        return out;
    }

    /** {@code Σ a[l][i][j]·b[l][i][j]}. */
    public static double dot(double[][][] a, double[][][] b) {
        double s = 0;
        for (int l = 0; l < a.length; l++) {
            s += dot(a[l], b[l]);
        }
        return s;
    }

    /** {@code dst += src}, element by element. */
    public static void addInto(double[][][] dst, double[][][] src) {
        for (int l = 0; l < src.length; l++) {
            addInto(dst[l], src[l]);
        }
    }

    /** A zeroed buffer of {@code a}'s shape, layer by layer (layers and rows may differ in length). */
    public static float[][][] like(float[][][] a) {
        float[][][] out = new float[a.length][][];
        for (int l = 0; l < a.length; l++) {
            out[l] = like(a[l]);
        }
        return out;
    }

    /** A copy of {@code a}, layer by layer and row by row. */
    public static float[][][] copy(float[][][] a) {
        float[][][] out = new float[a.length][][];
        for (int l = 0; l < a.length; l++) {
            out[l] = copy(a[l]);
        }
        return out;
    }

    /** {@code Σ a[l][i][j]·b[l][i][j]}. */
    public static float dot(float[][][] a, float[][][] b) {
        float s = 0;
        for (int l = 0; l < a.length; l++) {
            s += dot(a[l], b[l]);
        }
        return s;
    }

    /** {@code dst += src}, element by element. */
    public static void addInto(float[][][] dst, float[][][] src) {
        for (int l = 0; l < src.length; l++) {
            addInto(dst[l], src[l]);
        }
    }
}
