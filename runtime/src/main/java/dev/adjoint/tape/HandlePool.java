package dev.adjoint.tape;

import java.util.Arrays;

/**
 * The handle arrays a tape lends to recorders (one handle per element of an array being recorded),
 * borrowed last in, first out and kept for reuse, so that a warm recording allocates nothing.
 */
final class HandlePool {
    // one slot per borrow depth: a 1-D array's handles, or the rows of a 2-D array's (then its rows take the next
    // slots)
    private int[][] pool = new int[8][];
    private int[][][] rowPool = new int[8][][];
    private int borrowed;

    /** An array of at least {@code n} handles, the first {@code n} set to {@link Tape#CONSTANT}. */
    int[] borrow(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("borrowHandles(" + n + "): the length must not be negative");
        }
        makeRoom();
        int[] handles = pool[borrowed];
        if (handles == null || handles.length < n) {
            handles = new int[Math.max(n, handles == null ? 16 : handles.length * 2)];
            pool[borrowed] = handles;
        }
        borrowed++;
        Arrays.fill(handles, 0, n, Tape.CONSTANT);
        return handles;
    }

    /**
     * An array of at least {@code n} rows, for the handles of a 2-D array: the caller fills the
     * first {@code n} with arrays from {@link #borrow(int)}, which are borrowed after it.
     */
    int[][] borrowRows(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("borrowHandles: " + n + " rows; the number must not be negative");
        }
        makeRoom();
        int[][] rows = rowPool[borrowed];
        if (rows == null || rows.length < n) {
            rows = new int[Math.max(n, rows == null ? 8 : rows.length * 2)][];
            rowPool[borrowed] = rows;
        }
        borrowed++;
        return rows;
    }

    private void makeRoom() {
        if (borrowed == pool.length) {
            pool = Arrays.copyOf(pool, pool.length * 2);
            rowPool = Arrays.copyOf(rowPool, rowPool.length * 2);
        }
    }

    /** How many arrays are borrowed now. */
    int mark() {
        return borrowed;
    }

    /** Gives back every array borrowed since {@code mark}. */
    void release(int mark) {
        if (mark < 0 || mark > borrowed) {
            throw new IllegalArgumentException("releaseHandles(" + mark + "): " + borrowed + " arrays are borrowed");
        }
        borrowed = mark;
    }
}
