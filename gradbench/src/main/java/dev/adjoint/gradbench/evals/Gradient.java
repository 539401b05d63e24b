package dev.adjoint.gradbench.evals;

/** A call whose output is a flat gradient buffer that {@code compute} zeroes and fills. */
final class Gradient implements Call {
    private final double[] gradient;
    private final Runnable compute;

    Gradient(double[] gradient, Runnable compute) {
        this.gradient = gradient;
        this.compute = compute;
    }

    @Override
    public void run() {
        compute.run();
    }

    @Override
    public Object output() {
        return gradient;
    }
}
