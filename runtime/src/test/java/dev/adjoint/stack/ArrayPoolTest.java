package dev.adjoint.stack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArrayPoolTest {
    @Test
    void borrowedArraysAreZeroedAndOfTheExactLength() {
        ArrayPool pool = new ArrayPool();
        int mark = pool.mark();
        double[] a = pool.borrowDoubles(3);
        a[1] = 5;
        pool.release(mark);
        double[] b = pool.borrowDoubles(3);
        assertSame(a, b, "a given-back array of the same length is reused");
        assertArrayEquals(new double[3], b, 0.0);
        assertEquals(4, pool.borrowDoubles(4).length);
        float[] f = pool.borrowFloats(3);
        assertEquals(3, f.length);
        pool.release(mark);
        assertTrue(pool.isEmpty());
    }

    @Test
    void rowArraysAndIntArraysComeBackEmptyAndOfTheExactLength() {
        ArrayPool pool = new ArrayPool();
        int mark = pool.mark();
        double[][] rows = pool.borrowDoubleRows(2);
        rows[0] = new double[] {1};
        float[][] frows = pool.borrowFloatRows(2);
        frows[1] = new float[] {1};
        int[] at = pool.borrowInts(3);
        at[2] = 7;
        pool.release(mark);
        assertSame(rows, pool.borrowDoubleRows(2));
        assertArrayEquals(new double[2][], rows, "rows are null on loan");
        assertSame(frows, pool.borrowFloatRows(2));
        assertArrayEquals(new float[2][], frows);
        assertSame(at, pool.borrowInts(3));
        assertArrayEquals(new int[3], at);
        assertEquals(3, pool.borrowDoubleRows(3).length);
        pool.release(mark);
        assertTrue(pool.isEmpty());
    }

    @Test
    void integerAndBooleanArraysAreZeroedReusedAndKeptApart() {
        ArrayPool pool = new ArrayPool();
        int mark = pool.mark();
        int[] i = pool.borrowInts(3);
        long[] l = pool.borrowLongs(3);
        boolean[] b = pool.borrowBooleans(3);
        double[] d = pool.borrowDoubles(3);
        i[0] = 7;
        l[1] = 8;
        b[2] = true;
        pool.release(mark);
        assertSame(b, pool.borrowBooleans(3));
        assertSame(l, pool.borrowLongs(3));
        assertSame(i, pool.borrowInts(3));
        assertArrayEquals(new int[3], i);
        assertArrayEquals(new long[3], l);
        assertArrayEquals(new boolean[3], b);
        assertSame(d, pool.borrowDoubles(3), "each kind finds its own array of that length");
        pool.release(mark);
        assertTrue(pool.isEmpty());
    }

    @Test
    void nestedBorrowersDoNotShareArrays() {
        ArrayPool pool = new ArrayPool();
        int outer = pool.mark();
        double[] a = pool.borrowDoubles(2);
        int inner = pool.mark();
        double[] b = pool.borrowDoubles(2);
        assertNotSame(a, b);
        pool.release(inner);
        double[] c = pool.borrowDoubles(2);
        assertSame(b, c, "the inner call's array comes back, not the outer one's");
        assertNotSame(a, c);
        pool.release(outer);
        assertTrue(pool.isEmpty());
    }

    @Test
    void thePoolKeepsABoundedNumberOfArrays() {
        ArrayPool pool = new ArrayPool();
        int mark = pool.mark();
        for (int n = 1; n <= 3 * ArrayPool.KEEP; n++) {
            // (short lengths: the bound is thousands of arrays)
            assertEquals(
                    1 + n % 97, pool.borrowDoubles(1 + n % 97).length); // past the bound, arrays are simply not pooled
        }
        pool.release(mark);
        for (int n = 1; n <= 3 * ArrayPool.KEEP; n++) {
            int m = pool.mark();
            double[] a = pool.borrowDoubles(1 + n % 97);
            assertEquals(1 + n % 97, a.length);
            assertArrayEquals(new double[1 + n % 97], a, 0.0);
            pool.release(m);
        }
        assertTrue(pool.isEmpty());
    }

    @Test
    void clearGivesBackWhatAnInterruptedCallBorrowed() {
        AdjointStacks s = new AdjointStacksProbe().stacks();
        s.arrays.borrowDoubles(8);
        assertTrue(!s.isEmpty());
        s.clear();
        assertTrue(s.isEmpty());
    }

    /** A fresh AdjointStacks for this test, not the thread's. */
    private static final class AdjointStacksProbe {
        AdjointStacks stacks() {
            try {
                var c = AdjointStacks.class.getDeclaredConstructor();
                c.setAccessible(true);
                return c.newInstance();
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
    }
}
