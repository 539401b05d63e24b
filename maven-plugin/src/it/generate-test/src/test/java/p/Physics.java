package p;

import dev.adjoint.Differentiable;

/** A test-only model: its adjoint belongs to the test compilation. */
final class Physics {
    private Physics() {}

    /** Energy of a spring of stiffness k[0] stretched by q[0] - q[1], plus gravity on q[0]. */
    @Differentiable(wrt = "q")
    static double energy(double[] q, double[] k) {
        double d = q[0] - q[1];
        return 0.5 * k[0] * d * d + 9.81 * q[0];
    }
}
