package p;

import dev.adjoint.Differentiable;
import dev.adjoint.Strategy;

public class Model {
    @Differentiable
    static double piecewise(double x, int mode) {
        if (mode <= 0) {
            return Math.sin(x);
        }
        return x * piecewise(x, mode - 1);
    }

    /** forced onto the tape: allowed even with failOnTapeFallback */
    @Differentiable(strategy = Strategy.TAPE)
    static double taped(double x) {
        return x * x;
    }

    @Differentiable
    static double fast(double x) {
        return Math.exp(x);
    }
}
