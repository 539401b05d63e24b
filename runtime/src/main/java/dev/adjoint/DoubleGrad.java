package dev.adjoint;

/**
 * The gradient buffer of a scalar {@code double} parameter: generated code adds into it, the
 * caller reads and zeroes it. Not thread-safe: one buffer per thread, as with arrays.
 */
public final class DoubleGrad {
    private double value;

    /** A buffer holding 0. */
    public DoubleGrad() {}

    /** A buffer holding {@code initial}. */
    public DoubleGrad(double initial) {
        this.value = initial;
    }

    /** The accumulated gradient. */
    public double get() {
        return value;
    }

    /** Adds {@code delta}; generated code calls this once per gradient call. */
    public void add(double delta) {
        value += delta;
    }

    /**
     * Replaces the value with {@code value}: generated {@code ...Jvp} methods set their
     * directional derivative here (a JVP is one number per call, not a sum over calls).
     */
    public void set(double value) {
        this.value = value;
    }

    /** Resets to 0, as {@code grad.zero_()}. */
    public void zero() {
        value = 0.0;
    }

    @Override
    public String toString() {
        return "DoubleGrad[" + value + "]";
    }
}
