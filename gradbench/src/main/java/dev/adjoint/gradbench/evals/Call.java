package dev.adjoint.gradbench.evals;

/** One function of an eval on one input, ready to run: {@link #run} is what is timed. */
public interface Call {
    /** Computes the function once (zeroing its gradient buffers first), leaving the result in the call. */
    void run();

    /** The result of the last {@link #run}, shaped as the eval's JSON output. */
    Object output();
}
