package p;

import dev.adjoint.Differentiable;

public class Model {
    @Differentiable(wrt = "w")
    public static double loss(double[] w, double[] x) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += Smooth.softplus(w[i] * x[i]);
        }
        return s + 0.5 * w[0] * w[0];
    }
}
