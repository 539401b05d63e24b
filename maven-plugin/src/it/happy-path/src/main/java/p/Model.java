package p;

import dev.adjoint.Differentiable;

/**
 * A small loss in straight-line code, what the first generator release supports. Only {@code w} is
 * differentiated, so the adjoint is {@code lossGrad(w, x, dw)}.
 */
public final class Model {
    private Model() {}

    @Differentiable(wrt = "w")
    static double loss(double[] w, double[] x) {
        double a = w[0] * x[0] + w[1] * x[1];
        double b = Math.tanh(a) - w[2] / x[2];
        int i = 1;
        return b * b + Math.exp(w[i]) * Math.sin(x[0]) + w[2] * w[2];
    }
}
