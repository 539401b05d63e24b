package p;

import dev.adjoint.Differentiable;

public final class Model {
    private Model() {}

    @Differentiable(wrt = "w")
    static double loss(double[] w, double[] x) {
        double a = w[0] * x[0] - w[1];
        return a * a;
    }

    /** Uses the adjoint, so the second build also proves the generated root is still added. */
    public static double[] gradient(double[] w, double[] x) {
        double[] dw = new double[w.length];
        ModelAdjoint.lossGrad(w, x, dw);
        return dw;
    }
}
