package dev.adjoint.samples.ba;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.SparseJacobian;
import dev.adjoint.check.GradCheck;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The ADBench BA Jacobian assembled from generated per-observation blocks: each 2 × 15 block
 * against central differences of {@link Reprojection#residual} (the data folder has inputs, not
 * reference Jacobians), the weight rows against the closed form, and the sparse structure.
 */
class BundleAdjustmentTest {
    private static BundleAdjustment load(String name) throws IOException {
        try (InputStream in = BundleAdjustmentTest.class.getResourceAsStream(name)) {
            return BundleAdjustment.read(in);
        }
    }

    /** Observation i's residual as a function of its 15 inputs laid out as the block's columns. */
    private static double residual(BundleAdjustment ba, int i, int row, double[] z) {
        double[] cam = java.util.Arrays.copyOfRange(z, 0, 11);
        double[] x = java.util.Arrays.copyOfRange(z, 11, 14);
        return Reprojection.residual(cam, x, z[14], ba.feature(i))[row];
    }

    private static double[] inputs(BundleAdjustment ba, int i) {
        double[] z = new double[15];
        System.arraycopy(ba.camera(i % ba.cameras()), 0, z, 0, 11);
        System.arraycopy(ba.point(i % ba.points()), 0, z, 11, 3);
        z[14] = ba.weight(i);
        return z;
    }

    @Test
    void everyBlockMatchesCentralDifferences() throws IOException {
        for (String file : new String[] {"ba_test.txt", "ba1_n49_m7776_p31843.txt"}) {
            BundleAdjustment ba = load(file);
            SparseJacobian.Csr jac = ba.jacobian();
            int p = ba.observations();
            for (int i = 0; i < p; i += Math.max(1, p / 7)) {
                int[] cols = ba.columnsOf(i);
                double[] z = inputs(ba, i);
                for (int row = 0; row < 2; row++) {
                    final int r = row;
                    final int obs = i;
                    double[] analytic = new double[15];
                    for (int c = 0; c < 15; c++) {
                        analytic[c] = jac.get(2 * i + row, cols[c]);
                    }
                    GradCheck.assertGradient(v -> residual(ba, obs, r, v), z, analytic, 1e-6, 1e-6);
                }
                // the weight's row: d(1 - w²)/dw = -2w
                assertEquals(-2 * ba.weight(i), jac.get(2 * p + i, cols[14]), 0.0);
            }
        }
    }

    @Test
    void theStructureIsFifteenEntriesPerResidualRowAndOnePerWeightRow() throws IOException {
        BundleAdjustment ba = load("ba1_n49_m7776_p31843.txt");
        SparseJacobian.Csr jac = ba.jacobian();
        int p = ba.observations();
        assertEquals(3 * p, jac.rows());
        assertEquals(11 * 49 + 3 * 7776 + p, jac.columns());
        assertArrayEquals(new int[] {0, 15, 30, 45}, java.util.Arrays.copyOf(jac.rowStarts(), 4));
        assertEquals(30 * p + p, jac.rowStarts()[3 * p]);
        // observation 50 sees camera 1 and point 50
        assertEquals(11, jac.columnIndices()[jac.rowStarts()[100]]);
        assertEquals(11 * 49 + 3 * 50, jac.columnIndices()[jac.rowStarts()[100] + 11]);
    }
}
