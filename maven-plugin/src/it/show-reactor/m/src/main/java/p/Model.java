package p;

import dev.adjoint.Differentiable;

public class Model {
    @Differentiable
    public static double f(double x) {
        return x * Math.sin(x);
    }
}
