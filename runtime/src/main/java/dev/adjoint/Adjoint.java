package dev.adjoint;

/** Functions with a meaning to the generator. */
public final class Adjoint {
    private Adjoint() {}

    /**
     * Stop-gradient: returns {@code x} unchanged at run time; the generator treats the result as a
     * constant, so no gradient flows back through it (PyTorch's {@code x.detach()}).
     */
    public static double detach(double x) {
        return x;
    }

    /** Stop-gradient for {@code float}; see {@link #detach(double)}. */
    public static float detach(float x) {
        return x;
    }
}
