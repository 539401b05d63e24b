package dev.adjoint.samples.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.DoubleGrad;
import dev.adjoint.check.GradCheck;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineFitTest {

    @Test
    void generatedGradientsMatchCentralDifferences() {
        double[] p = {0.7, -0.3};
        DoubleGrad da = new DoubleGrad();
        DoubleGrad db = new DoubleGrad();
        double v = LineFitAdjoint.squaredResidualGrad(p[0], p[1], 1.5, 2.0, da, db);
        assertEquals(LineFit.squaredResidual(p[0], p[1], 1.5, 2.0), v, 0.0);
        GradCheck.assertGradient(
                q -> LineFit.squaredResidual(q[0], q[1], 1.5, 2.0), p, new double[] {da.get(), db.get()}, 1e-7, 1e-10);
        for (double y : new double[] {2.0, 40.0}) { // inside and outside the Huber threshold
            da.zero();
            db.zero();
            LineFitAdjoint.huberGrad(p[0], p[1], 1.5, y, 0.5, da, db);
            double yy = y;
            GradCheck.assertGradient(
                    q -> LineFit.huber(q[0], q[1], 1.5, yy, 0.5), p, new double[] {da.get(), db.get()}, 1e-7, 1e-10);
        }
    }

    @Test
    void gradientDescentReachesTheNormalEquationsSolution() {
        Random rnd = new Random(3);
        int n = 40;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = rnd.nextDouble() * 2 - 1;
            ys[i] = 3 * xs[i] + 0.5 + 0.1 * rnd.nextGaussian();
        }
        // independent oracle: the closed-form least-squares line
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += xs[i] / n;
            my += ys[i] / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (xs[i] - mx) * (ys[i] - my);
            sxx += (xs[i] - mx) * (xs[i] - mx);
        }
        double a = sxy / sxx;
        double b = my - a * mx;
        LineFit.Line fit = LineFit.leastSquares(xs, ys, 0.3, 3000, null);
        assertEquals(a, fit.a(), 1e-8);
        assertEquals(b, fit.b(), 1e-8);
    }

    @Test
    void huberIgnoresTheOutlierThatLeastSquaresFollows() {
        double[] xs = new double[30];
        double[] ys = new double[30];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i / 10.0;
            ys[i] = 2 * xs[i] - 1;
        }
        ys[25] += 20;
        LineFit.Line ls = LineFit.leastSquares(xs, ys, 0.05, 3000, null);
        LineFit.Line hub = LineFit.robust(xs, ys, 0.5, 0.2, 6000);
        assertTrue(Math.abs(ls.a() - 2) > 0.3, "least squares should be pulled by the outlier: " + ls);
        assertEquals(2, hub.a(), 0.05);
        assertEquals(-1, hub.b(), 0.05);
    }
}
