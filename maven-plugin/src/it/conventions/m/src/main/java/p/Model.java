package p;

import dev.adjoint.Differentiable;

/** One method, for the verbose log. */
public final class Model {
    private Model() {}

    @Differentiable
    static double loss(double[] w, double[] x) {
        return w[0] * x[0];
    }
}
