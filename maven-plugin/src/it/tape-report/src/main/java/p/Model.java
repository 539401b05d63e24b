package p;

import dev.adjoint.Differentiable;
import dev.adjoint.Strategy;

public class Model {
    @Differentiable
    static double piecewise(double x, int mode) {
        double y = x;
        switch (mode) {
            case 0:
                y = Math.sin(x);
                break;
            default:
                y = x * x;
        }
        return y;
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
