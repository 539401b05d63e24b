package p;

import dev.adjoint.Differentiable;

/** Nothing here refers to the adjoint, so the build compiles with generation skipped. */
public final class Model {
    private Model() {}

    @Differentiable
    static double loss(double[] w, double[] x) {
        return w[0] * x[0];
    }
}
