package dev.adjoint.tape;

import java.util.Arrays;

/**
 * The handle arrays a tape lends to recorders (one handle per element of an array being recorded),
 * borrowed last in, first out and kept for reuse, so that a warm recording allocates nothing.
 */
final class HandlePool {
    // one slot per borrow depth
    private int[][] pool = new int[8][];
    private int borrowed;

    /** An array of at least {@code n} handles, the first {@code n} set to {@link Tape#CONSTANT}. */
    int[] borrow(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("borrowHandles(" + n + "): the length must not be negative");
        }
        if (borrowed == pool.length) {
            pool = Arrays.copyOf(pool, pool.length * 2);
        }
        int[] handles = pool[borrowed];
        if (handles == null || handles.length < n) {
            handles = new int[Math.max(n, handles == null ? 16 : handles.length * 2)];
            pool[borrowed] = handles;
        }
        borrowed++;
        Arrays.fill(handles, 0, n, Tape.CONSTANT);
        return handles;
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
