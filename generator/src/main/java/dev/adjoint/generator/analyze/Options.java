package dev.adjoint.generator.analyze;

/**
 * Switches for the optimisations, so that tests can compare optimised and plain output.
 *
 * @param activity compute only the adjoints that can be non-zero and matter (off: every variable
 *     that depends on a differentiated input gets one)
 * @param toBeRecorded save only the overwritten values the reverse sweep reads (off: save every
 *     overwritten value)
 */
public record Options(boolean activity, boolean toBeRecorded) {
    /** Every optimisation on: what the build uses. */
    public static final Options DEFAULT = new Options(true, true);
    /** Every optimisation off. */
    public static final Options PLAIN = new Options(false, false);
}
