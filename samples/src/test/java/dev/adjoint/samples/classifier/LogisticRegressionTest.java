package dev.adjoint.samples.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.check.GradCheck;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {
    private static final double[] W = {0.4, -1.2, 0.7};
    private static final double B = 0.3;

    /** The loss at parameters {@code p = (w..., b)}, through the model itself: the oracle's function. */
    private static double lossAt(double[] p, double[] x, double y) {
        return new LogisticRegression(Arrays.copyOf(p, W.length), p[W.length]).loss(x, y);
    }

    @Test
    void gradientWithRespectToThePrivateFieldsMatchesCentralDifferences() {
        double[] p = Arrays.copyOf(W, W.length + 1);
        p[W.length] = B;
        for (double[] example : new double[][] {{1.0, 0.5, -2.0, 1.0}, {-3.0, 2.0, 0.5, 0.0}, {10.0, -8.0, 4.0, 1.0}}) {
            double[] x = Arrays.copyOf(example, 3);
            double y = example[3];
            LogisticRegression model = new LogisticRegression(W, B);
            LogisticRegressionGrad g = LogisticRegressionGrad.like(model);
            double value = LogisticRegressionAdjoint.lossGrad(model, x, y, g);
            assertEquals(model.loss(x, y), value, 0.0);
            double[] analytic = Arrays.copyOf(g.w, W.length + 1);
            analytic[W.length] = g.b;
            GradCheck.assertGradient(q -> lossAt(q, x, y), p, analytic, 1e-6, 1e-9);
            assertArrayEquals(W, model.weights(), "the model is left as it was");
        }
    }

    @Test
    void gradientsAccumulateUntilZeroed() {
        LogisticRegression model = new LogisticRegression(W, B);
        LogisticRegressionGrad once = LogisticRegressionGrad.like(model);
        LogisticRegressionGrad twice = LogisticRegressionGrad.like(model);
        double[] x = {1.0, 0.5, -2.0};
        LogisticRegressionAdjoint.lossGrad(model, x, 1.0, once);
        LogisticRegressionAdjoint.lossGrad(model, x, 1.0, twice);
        LogisticRegressionAdjoint.lossGrad(model, x, 1.0, twice);
        for (int i = 0; i < W.length; i++) {
            assertEquals(2 * once.w[i], twice.w[i], 1e-15);
        }
        assertEquals(2 * once.b, twice.b, 1e-15);
        twice.zero();
        assertEquals("LogisticRegressionGrad{w=[0.0, 0.0, 0.0], b=0.0}", twice.toString());
    }

    @Test
    void trainingSeparatesTwoClouds() {
        Random rnd = new Random(7);
        int n = 200;
        double[][] xs = new double[n][];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            ys[i] = i % 2;
            double shift = ys[i] == 1 ? 1.5 : -1.5;
            xs[i] = new double[] {shift + rnd.nextGaussian(), -shift + rnd.nextGaussian(), rnd.nextGaussian()};
        }
        LogisticRegression model = new LogisticRegression(3);
        double first = model.train(xs, ys, 0.5, 1);
        double last = model.train(xs, ys, 0.5, 300);
        assertTrue(last < 0.25 * first, "loss " + first + " -> " + last);
        int right = 0;
        for (int i = 0; i < n; i++) {
            right += (model.probability(xs[i]) > 0.5) == (ys[i] == 1) ? 1 : 0;
        }
        assertTrue(right >= 0.95 * n, right + " of " + n);
    }

    @Test
    void aWarmGradientCallAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        LogisticRegression model = new LogisticRegression(W, B);
        LogisticRegressionGrad g = LogisticRegressionGrad.like(model);
        double[] x = {1.0, 0.5, -2.0};
        double sink = 0;
        for (int i = 0; i < 200_000; i++) { // warm: compiled, stacks grown
            sink += LogisticRegressionAdjoint.lossGrad(model, x, 1.0, g);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            sink += LogisticRegressionAdjoint.lossGrad(model, x, 1.0, g);
        }
        long bytes = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(bytes < 100_000, bytes + " bytes for 100000 calls (" + sink + ")");
    }
}
