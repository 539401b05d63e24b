package dev.adjoint.tape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.check.GradCheck;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The handles of 2-D arrays: shapes, leaves row by row, adjoints into 2-D buffers, reuse. */
class RowHandlesTest {
    private static final int C = Tape.CONSTANT;

    @Test
    void handlesTakeTheShapeOfAJaggedArrayAndStartConstant() {
        Tape t = new Tape();
        double[][] x = {{1, 2, 3}, {}, {4}};
        int[][] h = RowHandles.borrow(t, x);
        assertTrue(h.length >= 3);
        for (int i = 0; i < x.length; i++) {
            assertTrue(h[i].length >= x[i].length);
            for (int j = 0; j < x[i].length; j++) {
                assertEquals(C, h[i][j]);
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = i + 1; j < 3; j++) {
                assertNotSame(h[i], h[j], "rows " + i + " and " + j + " share their handles");
            }
        }
        assertEquals(4, t.handlesMark()); // the rows, then one handle row per row
        int[][] f = RowHandles.borrow(t, new float[][] {{1f, 2f}});
        assertTrue(f[0].length >= 2 && f[0][1] == C);
        t.releaseHandles(0);
        assertThrows(IllegalArgumentException.class, () -> RowHandles.borrow(t, -1, 2));
    }

    @Test
    void leavesAreContiguousRowByRowAndTheirAdjointsGoToTheRightElements() {
        Tape t = new Tape();
        t.leaf(); // something below
        double[][] x = {{0.5, -1.0}, {2.0}, {0.25, 1.5, -0.75}};
        int[][] h = RowHandles.borrow(t, x);
        int first = RowHandles.leaves(t, x, h);
        assertEquals(1, first);
        assertArrayEquals(new int[] {1, 2}, java.util.Arrays.copyOf(h[0], 2));
        assertArrayEquals(new int[] {3}, java.util.Arrays.copyOf(h[1], 1));
        assertArrayEquals(new int[] {4, 5, 6}, java.util.Arrays.copyOf(h[2], 3));
        // f = Σ_ij x_ij² · (i + 1): ∂f/∂x_ij = 2 x_ij (i + 1), recorded element by element
        int f = C;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                f = t.push2(f, 1.0, h[i][j], 2 * x[i][j] * (i + 1));
            }
        }
        t.seed(f, 1.0);
        t.sweep(first);
        double[][] dx = {{10, 0}, {0}, {0, 0, 0}};
        RowHandles.addAdjoints(t, first, dx);
        double[] flat = {0.5, -1.0, 2.0, 0.25, 1.5, -0.75};
        int[] row = {0, 0, 1, 2, 2, 2};
        double[] numeric = GradCheck.centralDifferences(
                v -> {
                    double s = 0;
                    for (int k = 0; k < v.length; k++) {
                        s += v[k] * v[k] * (row[k] + 1);
                    }
                    return s;
                },
                flat);
        assertEquals(10 + numeric[0], dx[0][0], 1e-6); // added into, not overwritten
        assertEquals(numeric[1], dx[0][1], 1e-6);
        assertEquals(numeric[2], dx[1][0], 1e-6);
        for (int j = 0; j < 3; j++) {
            assertEquals(numeric[3 + j], dx[2][j], 1e-6);
        }
        float[][] fx = {{0.5f, -1.0f}, {2.0f}, {0.25f, 1.5f, -0.75f}};
        float[][] dfx = {{0f, 0f}, {0f}, {0f, 0f, 0f}};
        RowHandles.addAdjoints(t, first, dfx);
        assertEquals((float) (dx[0][0] - 10), dfx[0][0]);
        assertEquals((float) dx[2][2], dfx[2][2]);
        int[][] fh = RowHandles.borrow(t, fx);
        int before = t.mark();
        assertEquals(before, RowHandles.leaves(t, fx, fh));
        assertEquals(before + 6, t.mark());
        assertEquals(before + 5, fh[2][2]);
    }

    @Test
    void rowsAreReusedAndAWarmBorrowAllocatesNothing() {
        Tape t = new Tape();
        double[][] x = new double[20][30];
        int[][] first = RowHandles.borrow(t, x);
        int[] row0 = first[0];
        t.releaseHandles(0);
        int[][] again = RowHandles.borrow(t, x);
        assertSame(first, again);
        assertSame(row0, again[0]);
        t.releaseHandles(0);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int i = 0; i < 1000; i++) {
            sink += RowHandles.borrow(t, x).length;
            sink += RowHandles.borrow(t, 5, 7)[4].length;
            t.releaseHandles(0);
        }
        // the least of five rounds: an allocation per borrow shows in every round (100 calls, at least
        // 1.6 kB), while the JIT or the VM may allocate once in one round (seen: 272 bytes under load)
        long allocated = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 100; i++) {
                sink += RowHandles.borrow(t, x).length;
                sink += RowHandles.borrow(t, 5, 7)[4].length;
                t.releaseHandles(0);
            }
            allocated = Math.min(allocated, threads.getCurrentThreadAllocatedBytes() - before);
        }
        assertTrue(allocated <= 64, "warm 2-D borrows allocated " + allocated + " bytes");
        assertTrue(sink > 0);
    }

    @Test
    void anArrayResultLeavesItsHandlesOnTheTape() {
        Tape t = new Tape();
        int[] h = t.borrowHandles(2);
        t.setResult(h);
        assertSame(h, t.resultHandles());
    }

    @Test
    void aThreeDimensionalArrayHasOneBlockOfHandleRowsPerLayerAndItsLeavesRunLayerByLayer() {
        Tape t = new Tape();
        t.leaf(); // something below
        // layers of different shapes: 2×2 then 1×3
        double[][][] x = {{{0.5, -1.0}, {2.0, 0.25}}, {{1.5, -0.75, 3.0}}};
        int[][][] h = RowHandles.borrow(t, x);
        assertEquals(2, h.length);
        assertEquals(C, h[1][0][2]);
        int first = RowHandles.leaves(t, x, h);
        assertEquals(1, first);
        assertArrayEquals(new int[] {3, 4}, java.util.Arrays.copyOf(h[0][1], 2));
        assertArrayEquals(new int[] {5, 6, 7}, java.util.Arrays.copyOf(h[1][0], 3));
        // f = Σ x_lij² · (l + 1): ∂f/∂x_lij = 2 x_lij (l + 1)
        int f = C;
        for (int l = 0; l < x.length; l++) {
            for (int i = 0; i < x[l].length; i++) {
                for (int j = 0; j < x[l][i].length; j++) {
                    f = t.push2(f, 1.0, h[l][i][j], 2 * x[l][i][j] * (l + 1));
                }
            }
        }
        t.seed(f, 1.0);
        t.sweep(0);
        double[][][] g = {{{1, 1}, {1, 1}}, {{1, 1, 1}}}; // added into
        RowHandles.addAdjoints(t, first, g);
        assertArrayEquals(new double[] {1 + 2 * 2.0, 1 + 2 * 0.25}, g[0][1], 0.0);
        assertArrayEquals(new double[] {1 + 4 * 1.5, 1 - 4 * 0.75, 1 + 4 * 3.0}, g[1][0], 0.0);
        float[][][] gf = {{{0, 0}, {0, 0}}, {{0, 0, 0}}};
        RowHandles.addAdjoints(t, first, gf);
        assertEquals(12f, gf[1][0][2]);
        int[][][] hf = RowHandles.borrow(t, new float[][][] {{{1f}}, {{2f, 3f}}});
        int firstFloat = RowHandles.leaves(t, new float[][][] {{{1f}}, {{2f, 3f}}}, hf);
        assertEquals(firstFloat + 2, hf[1][0][1]);
    }
}
