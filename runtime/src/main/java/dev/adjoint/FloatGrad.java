package dev.adjoint;

/**
 * The gradient buffer of a scalar {@code float} parameter: generated code adds into it, the
 * caller reads and zeroes it. Not thread-safe: one buffer per thread, as with arrays.
 */
public final class FloatGrad {
    private float value;

    /** A buffer holding 0. */
    public FloatGrad() {}

    /** A buffer holding {@code initial}. */
    public FloatGrad(float initial) {
        this.value = initial;
    }

    /** The accumulated gradient. */
    public float get() {
        return value;
    }

    /** Adds {@code delta}; generated code calls this once per gradient call. */
    public void add(float delta) {
        value += delta;
    }

    /**
     * Replaces the value with {@code value}: generated {@code ...Jvp} methods set their
     * directional derivative here (a JVP is one number per call, not a sum over calls).
     */
    public void set(float value) {
        this.value = value;
    }

    /** Resets to 0, as {@code grad.zero_()}. */
    public void zero() {
        value = 0.0f;
    }

    @Override
    public String toString() {
        return "FloatGrad[" + value + "]";
    }
}
