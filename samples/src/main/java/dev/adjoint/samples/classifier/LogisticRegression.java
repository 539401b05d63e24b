package dev.adjoint.samples.classifier;

import dev.adjoint.Differentiable;

/**
 * Binary logistic regression, {@code p(y = 1 | x) = σ(w·x + b)}, trained by full-batch gradient
 * descent on the mean cross-entropy. The gradients with respect to the private fields {@code w}
 * and {@code b} come from {@code LogisticRegressionAdjoint.lossGrad(this, x, y, grad)}, which the
 * build generates, into a {@code LogisticRegressionGrad} allocated once.
 */
public final class LogisticRegression {
    private final double[] w;
    private double b;

    /** A model of {@code features} inputs, all weights zero. */
    public LogisticRegression(int features) {
        this(new double[features], 0.0);
    }

    /** A model with the given weights (copied) and bias. */
    public LogisticRegression(double[] w, double b) {
        this.w = w.clone();
        this.b = b;
    }

    /** The logit {@code w·x + b}. */
    double logit(double[] x) {
        double z = b;
        for (int i = 0; i < w.length; i++) {
            z += w[i] * x[i];
        }
        return z;
    }

    /** The probability that {@code x} is of class 1. */
    public double probability(double[] x) {
        return 1 / (1 + Math.exp(-logit(x)));
    }

    /**
     * The cross-entropy of one example, {@code −y·log σ(z) − (1 − y)·log(1 − σ(z))}, written as
     * {@code log(1 + eᶻ) − y·z}, which neither rounds σ to 0 or 1 nor takes the log of 0.
     */
    @Differentiable(wrt = "this")
    public double loss(double[] x, double y) {
        double z = logit(x);
        double softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
        return softplus - y * z;
    }

    /**
     * Takes {@code steps} gradient-descent steps on the mean loss over {@code xs}, {@code ys} and
     * returns the mean loss before the last step. Each step adds every example's gradient, seeded
     * with 1/n, into one gradient object, steps, and zeroes it (PyTorch's {@code zero_grad}).
     */
    public double train(double[][] xs, double[] ys, double learningRate, int steps) {
        LogisticRegressionGrad grad = LogisticRegressionGrad.like(this);
        double weight = 1.0 / xs.length;
        double loss = Double.NaN;
        for (int step = 0; step < steps; step++) {
            loss = 0;
            for (int i = 0; i < xs.length; i++) {
                loss += LogisticRegressionAdjoint.lossVjp(this, xs[i], ys[i], weight, grad);
            }
            for (int j = 0; j < w.length; j++) {
                w[j] -= learningRate * grad.w[j];
            }
            b -= learningRate * grad.b;
            grad.zero();
        }
        return loss;
    }

    /** A copy of the weights. */
    public double[] weights() {
        return w.clone();
    }

    /** The bias. */
    public double bias() {
        return b;
    }
}
