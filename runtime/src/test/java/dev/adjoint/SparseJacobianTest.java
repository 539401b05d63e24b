package dev.adjoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Blocks placed, duplicates summed, rows in order, J·v equal to the dense product. */
class SparseJacobianTest {
    @Test
    void blocksBecomeCompressedRows() {
        SparseJacobian j = Jacobians.ofBlocks(3, 5);
        j.addBlock(new int[] {2, 0}, new int[] {4, 1}, new double[][] {{1, 2}, {3, 4}});
        j.addBlock(new int[] {0}, new int[] {1, 3}, new double[][] {{10, 0}});
        SparseJacobian.Csr csr = j.compress();
        // dense: row 0 = [0, 4+10, 0, 0, 3], row 1 = 0, row 2 = [0, 2, 0, 0, 1]
        double[][] dense = {{0, 14, 0, 0, 3}, {0, 0, 0, 0, 0}, {0, 2, 0, 0, 1}};
        assertArrayEquals(new int[] {0, 3, 3, 5}, csr.rowStarts());
        assertArrayEquals(new int[] {1, 3, 4, 1, 4}, csr.columnIndices());
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 5; c++) {
                assertEquals(dense[r][c], csr.get(r, c), "J[" + r + "][" + c + "]");
            }
        }
        double[] v = {1, -2, 3, 0.5, 4};
        double[] expected = new double[3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 5; c++) {
                expected[r] += dense[r][c] * v[c];
            }
        }
        assertArrayEquals(expected, csr.times(v));
    }

    @Test
    void indicesOutsideAreRefused() {
        SparseJacobian j = Jacobians.ofBlocks(2, 2);
        assertThrows(IndexOutOfBoundsException.class, () -> j.add(2, 0, 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> j.addBlock(new int[] {0}, new int[] {0, 1}, new double[][] {{1}}));
    }
}
