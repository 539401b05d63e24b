package dev.adjoint.samples.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.Gradients;
import dev.adjoint.check.AdjointCheck;
import dev.adjoint.check.GradCheck;
import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link CubeMlp}: the gradient of a {@code double[][][]} MLP with layers of different shapes. */
class CubeMlpTest {
    private static final double[] X = {0.5, -1.0, 2.0};
    private static final double[] TARGET = {0.3, -0.7};
    /** 3 → 4 → 5 → 2. */
    private static final int[] SIZES = {3, 4, 5, 2};

    private static double[][][] weights(Random rnd) {
        double[][][] w = new double[SIZES.length - 1][][];
        for (int l = 0; l < w.length; l++) {
            w[l] = new double[SIZES[l + 1]][SIZES[l]];
            for (double[] row : w[l]) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = rnd.nextGaussian() / Math.sqrt(row.length);
                }
            }
        }
        return w;
    }

    private static double[][] biases(Random rnd) {
        double[][] b = new double[SIZES.length - 1][];
        for (int l = 0; l < b.length; l++) {
            b[l] = new double[SIZES[l + 1]];
            for (int o = 0; o < b[l].length; o++) {
                b[l][o] = 0.1 * rnd.nextGaussian();
            }
        }
        return b;
    }

    /** Every weight, layer by layer and row by row, then every bias. */
    private static double[] flat(double[][][] w, double[][] b) {
        double[] out = new double[dev.adjoint.Jacobians.size(w) + dev.adjoint.Jacobians.size(b)];
        dev.adjoint.Jacobians.put(out, 0, w);
        dev.adjoint.Jacobians.put(out, dev.adjoint.Jacobians.size(w), b);
        return out;
    }

    @Test
    void gradientMatchesCentralDifferences() {
        Random rnd = new Random(15);
        double[][][] w = weights(rnd);
        double[][] b = biases(rnd);
        double[][][] dw = Gradients.like(w);
        double[][] db = Gradients.like(b);
        double value = CubeMlpAdjoint.lossGrad(w, b, X, TARGET, dw, db);
        assertEquals(CubeMlp.loss(w, b, X, TARGET), value, 0.0, "the adjoint returns the loss");
        GradCheck.assertGradient(
                p -> {
                    double[][][] wp = Gradients.copy(w);
                    double[][] bp = Gradients.copy(b);
                    int k = 0;
                    for (double[][] layer : wp) {
                        for (double[] row : layer) {
                            for (int i = 0; i < row.length; i++) {
                                row[i] = p[k++];
                            }
                        }
                    }
                    for (double[] row : bp) {
                        for (int i = 0; i < row.length; i++) {
                            row[i] = p[k++];
                        }
                    }
                    return CubeMlp.loss(wp, bp, X, TARGET);
                },
                flat(w, b),
                flat(dw, db),
                1e-6,
                1e-9);
    }

    @Test
    void adjointCheckNamesEveryWeightByItsThreeIndices() {
        Random rnd = new Random(16);
        AdjointCheck.Result r = AdjointCheck.of(CubeMlp.class, "loss")
                .named("W", "B", "x", "target")
                .assertAt(weights(rnd), biases(rnd), X, TARGET);
        assertEquals(12 + 20 + 10 + 4 + 5 + 2, r.report().dimension(), "3·4 + 4·5 + 5·2 weights and 4 + 5 + 2 biases");
    }

    @Test
    void aWarmGradientCallAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Random rnd = new Random(17);
        double[][][] w = weights(rnd);
        double[][] b = biases(rnd);
        double[][][] dw = Gradients.like(w);
        double[][] db = Gradients.like(b);
        double sink = 0;
        for (int i = 0; i < 100_000; i++) { // warm: compiled, stacks and pool grown
            sink += CubeMlpAdjoint.lossGrad(w, b, X, TARGET, dw, db);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 50_000; i++) {
            sink += CubeMlpAdjoint.lossGrad(w, b, X, TARGET, dw, db);
        }
        long bytes = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(bytes < 50_000, bytes + " bytes for 50000 calls (" + sink + ")");
    }
}
