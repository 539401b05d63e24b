package dev.adjoint.samples.fit;

import dev.adjoint.Differentiable;
import dev.adjoint.DoubleGrad;
import java.io.PrintStream;

/**
 * Least-squares and robust (Huber) line fits, {@code y ≈ a·x + b}, by full-batch gradient
 * descent. The gradients come from {@code LineFitAdjoint}, which the build generates from the two
 * {@code @Differentiable} methods below.
 */
public final class LineFit {
    private LineFit() {}

    /** Squared residual of one point: {@code (a·x + b − y)²}. */
    @Differentiable(wrt = {"a", "b"})
    public static double squaredResidual(double a, double b, double x, double y) {
        double r = a * x + b - y;
        return r * r;
    }

    /**
     * Huber loss of one point's residual: quadratic within {@code delta}, linear outside, so that
     * outliers pull less.
     */
    @Differentiable(wrt = {"a", "b"})
    public static double huber(double a, double b, double x, double y, double delta) {
        double r = Math.abs(a * x + b - y);
        return r <= delta ? 0.5 * r * r : delta * (r - 0.5 * delta);
    }

    /** A fitted line and the mean loss it reached. */
    public record Line(double a, double b, double loss) {}

    /**
     * Fits by gradient descent on the mean squared residual. Each step lets the per-point
     * gradients accumulate into {@code da}/{@code db} (seeded with 1/n, so they sum to the mean's
     * gradient), takes the step, then zeroes the buffers.
     */
    public static Line leastSquares(double[] xs, double[] ys, double learningRate, int steps, PrintStream log) {
        double a = 0;
        double b = 0;
        DoubleGrad da = new DoubleGrad();
        DoubleGrad db = new DoubleGrad();
        double loss = Double.NaN;
        double weight = 1.0 / xs.length;
        for (int step = 0; step < steps; step++) {
            loss = 0;
            for (int i = 0; i < xs.length; i++) {
                loss += LineFitAdjoint.squaredResidualVjp(a, b, xs[i], ys[i], weight, da, db);
            }
            loss *= weight;
            a -= learningRate * da.get();
            b -= learningRate * db.get();
            if (log != null && (step % (steps / 5) == 0 || step == steps - 1)) {
                log.printf(
                        "step %4d  loss %.6f  a %.5f  b %.5f  |grad| %.2e%n",
                        step, loss, a, b, Math.hypot(da.get(), db.get()));
            }
            da.zero(); // gradients accumulate until zeroed, as .grad.zero_() in PyTorch
            db.zero();
        }
        return new Line(a, b, loss);
    }

    /** Fits by gradient descent on the mean Huber loss with threshold {@code delta}. */
    public static Line robust(double[] xs, double[] ys, double delta, double learningRate, int steps) {
        double a = 0;
        double b = 0;
        DoubleGrad da = new DoubleGrad();
        DoubleGrad db = new DoubleGrad();
        double loss = Double.NaN;
        double weight = 1.0 / xs.length;
        for (int step = 0; step < steps; step++) {
            loss = 0;
            for (int i = 0; i < xs.length; i++) {
                loss += weight * LineFitAdjoint.huberVjp(a, b, xs[i], ys[i], delta, weight, da, db);
            }
            a -= learningRate * da.get();
            b -= learningRate * db.get();
            da.zero();
            db.zero();
        }
        return new Line(a, b, loss);
    }

    /** The demo: noisy points on y = 2x − 1, one outlier, both fits. */
    public static void run(PrintStream out) {
        double[] xs = new double[50];
        double[] ys = new double[50];
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i / 10.0;
            ys[i] = 2 * xs[i] - 1 + 0.05 * rnd.nextGaussian();
        }
        ys[40] += 15; // one outlier
        out.println("fitting y = a*x + b to 50 points on y = 2x - 1 (one outlier at x = 4.0)");
        Line ls = leastSquares(xs, ys, 0.05, 2000, out);
        out.printf("least squares: a = %.4f, b = %.4f (pulled by the outlier)%n", ls.a(), ls.b());
        Line hub = robust(xs, ys, 0.5, 0.2, 4000);
        out.printf("huber:         a = %.4f, b = %.4f (close to 2 and -1)%n", hub.a(), hub.b());
    }
}
