package dev.adjoint.autograd;

/**
 * A misuse of autograd that PyTorch reports as {@code RuntimeError}; the message is PyTorch's own
 * wording, so {@code "RuntimeError: " + getMessage()} reads as the notebook does.
 */
public class AutogradException extends RuntimeException {
    /** An exception with PyTorch's message for the same misuse. */
    public AutogradException(String message) {
        super(message);
    }
}
