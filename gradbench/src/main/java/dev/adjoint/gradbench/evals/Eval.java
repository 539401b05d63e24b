package dev.adjoint.gradbench.evals;

/** A GradBench eval (a module of the protocol) as this tool implements it. */
public interface Eval {
    /** Why {@code define} fails for this module, or {@code null} when it is implemented. */
    default String unsupported() {
        return null;
    }

    /**
     * Reads {@code input} (the message's {@code input} field) and returns the call to time for
     * {@code function}. Throws {@link IllegalArgumentException} for an unknown function or a
     * malformed input.
     */
    Call prepare(String function, Object input);
}
