package dev.adjoint;

/** How the generator differentiates a method. */
public enum Strategy {
    /** Static source transformation where the generator accepts the method, the tape otherwise. */
    AUTO,
    /** Static source transformation only: a construct it cannot handle is a build error. */
    STATIC,
    /** The runtime tape, whatever the method contains. */
    TAPE
}
