package dev.adjoint.stack;

import java.util.Arrays;

/**
 * Per-thread arrays for the local arrays of generated adjoints and for their adjoints, so that a
 * warm gradient call allocates nothing. A call takes a {@link #mark()}, borrows zeroed arrays of
 * exact lengths, and gives them all back with {@link #release(int)} before it returns; calls to
 * other adjoints borrow above it and give back before it, so borrowing is last-in, first-out.
 *
 * <p>Arrays given back stay for the next call (up to {@value #KEEP} of them):
 * like the stacks, the pool keeps the memory of the largest call a thread made. An exception that
 * escapes a gradient call leaves its arrays borrowed; {@link AdjointStacks#clear()} gives them back.
 */
public final class ArrayPool {
    /**
     * How many arrays the pool holds at most, borrowed or free: a local array that a loop creates
     * again borrows two arrays per iteration (its own and its adjoint), so this bounds the
     * iterations whose warm calls allocate nothing (2048 of them).
     */
    static final int KEEP = 4096;

    /** {@code [0, used)} borrowed, in borrowing order; {@code [used, size)} free. */
    private Object[] arrays = new Object[16];

    private int used;
    private int size;

    /** The current depth; pass it to {@link #release(int)}. */
    public int mark() {
        return used;
    }

    /** Gives back every array borrowed since {@code mark} was taken. */
    public void release(int mark) {
        used = mark;
    }

    /** Every array is free: true between two complete gradient calls. */
    public boolean isEmpty() {
        return used == 0;
    }

    /** A zeroed {@code double[n]}, as {@code new double[n]} would be. */
    public double[] borrowDoubles(int n) {
        for (int i = used; i < size; i++) {
            if (arrays[i] instanceof double[] a && a.length == n) {
                take(i);
                Arrays.fill(a, 0.0);
                return a;
            }
        }
        double[] a = new double[n];
        keep(a);
        return a;
    }

    /** A zeroed {@code float[n]}, as {@code new float[n]} would be. */
    public float[] borrowFloats(int n) {
        for (int i = used; i < size; i++) {
            if (arrays[i] instanceof float[] a && a.length == n) {
                take(i);
                Arrays.fill(a, 0f);
                return a;
            }
        }
        float[] a = new float[n];
        keep(a);
        return a;
    }

    /** A zeroed {@code int[n]}, as {@code new int[n]} would be (counts, index tables). */
    public int[] borrowInts(int n) {
        for (int i = used; i < size; i++) {
            if (arrays[i] instanceof int[] a && a.length == n) {
                take(i);
                Arrays.fill(a, 0);
                return a;
            }
        }
        int[] a = new int[n];
        keep(a);
        return a;
    }

    /**
     * A {@code double[n][]} of null rows, for rows gathered from elsewhere (the generated code
     * clears them again before it gives the array back, so that the pool keeps no caller's array alive).
     */
    public double[][] borrowDoubleRows(int n) {
        for (int i = used; i < size; i++) {
            if (arrays[i] instanceof double[][] a && a.length == n) {
                take(i);
                Arrays.fill(a, null);
                return a;
            }
        }
        double[][] a = new double[n][];
        keep(a);
        return a;
    }

    /** A zeroed {@code long[n]}, as {@code new long[n]} would be. */
    public long[] borrowLongs(int n) {
        for (int i = used; i < size; i++) {
            if (arrays[i] instanceof long[] a && a.length == n) {
                take(i);
                Arrays.fill(a, 0L);
                return a;
            }
        }
        long[] a = new long[n];
        keep(a);
        return a;
    }

    /** A {@code float[n][]} of null rows, as {@link #borrowDoubleRows}. */
    public float[][] borrowFloatRows(int n) {
        for (int i = used; i < size; i++) {
            if (arrays[i] instanceof float[][] a && a.length == n) {
                take(i);
                Arrays.fill(a, null);
                return a;
            }
        }
        float[][] a = new float[n][];
        keep(a);
        return a;
    }

    /** A {@code boolean[n]} of {@code false}s, as {@code new boolean[n]} would be (masks). */
    public boolean[] borrowBooleans(int n) {
        for (int i = used; i < size; i++) {
            if (arrays[i] instanceof boolean[] a && a.length == n) {
                take(i);
                Arrays.fill(a, false);
                return a;
            }
        }
        boolean[] a = new boolean[n];
        keep(a);
        return a;
    }

    /** Moves the free array at {@code i} to the end of the borrowed ones. */
    private void take(int i) {
        Object a = arrays[i];
        arrays[i] = arrays[used];
        arrays[used++] = a;
    }

    /** Records a new array as borrowed; past {@link #KEEP}, it is not pooled (the GC takes it). */
    private void keep(Object a) {
        if (size == KEEP && used < size) {
            size--; // drop a free array for the new one
        } else if (size == KEEP) {
            return; // all borrowed: this one is simply not pooled, and release() stays exact
        }
        if (size == arrays.length) {
            arrays = Arrays.copyOf(arrays, Math.min(KEEP, size * 2));
        }
        arrays[size++] = arrays[used];
        arrays[used++] = a;
    }
}
