package dev.adjoint.gradbench.evals;

import java.util.function.DoubleSupplier;

/** A call whose output is the number a primal returns. */
final class Scalar implements Call {
    private final DoubleSupplier primal;
    private double value;

    Scalar(DoubleSupplier primal) {
        this.primal = primal;
    }

    @Override
    public void run() {
        value = primal.getAsDouble();
    }

    @Override
    public Object output() {
        return value;
    }
}
