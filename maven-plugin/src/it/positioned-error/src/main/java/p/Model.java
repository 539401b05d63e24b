package p;

import dev.adjoint.Differentiable;

/** Two methods the first release cannot differentiate; both must be reported by one build. */
public final class Model {
    private Model() {}

    @Differentiable
    static double guarded(double[] w, double[] x) {
        double a = w[0] * x[0];
        try {
            a = a / x[1];
        } catch (ArithmeticException e) {
            a = 0;
        }
        return a;
    }

    @Differentiable
    static double locked(double[] w, double[] x) {
        double a = w[0] * x[0];
        // indented on purpose: the reported column must come from the source
            synchronized (Model.class) {
            a = a * a;
        }
        return a;
    }
}
