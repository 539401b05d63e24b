package p;

import dev.adjoint.CustomDerivative;
import dev.adjoint.Differentiable;
import dev.adjoint.DoubleGrad;
import dev.adjoint.GradientCheck;

public class Model {
    @Differentiable(wrt = "w")
    public static double loss(double[] w, double[] x) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += Math.tanh(w[i] * x[i]);
        }
        return s * s;
    }

    @Differentiable
    @GradientCheck(at = {"0.25f, new float[] {1f, -2f}"}, points = 2)
    public static float spring(float k, float[] q) {
        return 0.5f * k * (q[0] - q[1]) * (q[0] - q[1]);
    }

    static double softplus(double z) {
        return Math.log1p(Math.exp(z));
    }

    /** Deliberately wrong: softplus' derivative is the logistic function, not twice it. */
    @CustomDerivative(of = "softplus")
    static double softplusPullback(double z, double seed, DoubleGrad dz) {
        dz.add(2 * seed / (1 + Math.exp(-z)));
        return softplus(z);
    }

    @Differentiable
    public static double smooth(double a, double[] b) {
        return softplus(a) + b[1] * a;
    }
}
