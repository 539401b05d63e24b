package b;

import a.A;
import dev.adjoint.Differentiable;
import dev.adjoint.Strategy;

/** Module b: calls module a's differentiable functions. */
public class B {
    @Differentiable
    public static double f(double[] v) {
        double t = A.sq(v[0]) + Math.cos(v[1]);
        return A.sumSin(v) * t + A.sq(t);
    }

    @Differentiable(strategy = Strategy.TAPE)
    public static double g(double x, double y) {
        return A.sq(x * y) + Math.exp(A.sq(y));
    }
}
