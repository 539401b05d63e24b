package dev.adjoint.autograd;

import java.util.function.Supplier;

/**
 * Grad mode: whether operations on tensors record a graph. On by default; off inside a
 * {@link #noGrad()} scope, PyTorch's {@code with torch.no_grad():}. The mode belongs to the
 * current thread, so a scope on one thread never affects another.
 */
public final class Autograd {
    private static final ThreadLocal<Boolean> GRAD_ENABLED = ThreadLocal.withInitial(() -> Boolean.TRUE);

    private Autograd() {}

    /** Whether operations on this thread record a graph for tensors that require a gradient. */
    public static boolean isGradEnabled() {
        return GRAD_ENABLED.get();
    }

    /**
     * Turns recording off on this thread until the returned scope is closed, which restores the
     * previous mode (so scopes nest):
     *
     * <pre>{@code
     * try (var g = Autograd.noGrad()) {
     *     y = x.add(2);    // y.requiresGrad() == false
     * }
     * }</pre>
     */
    public static NoGradScope noGrad() {
        NoGradScope scope = new NoGradScope(isGradEnabled());
        GRAD_ENABLED.set(Boolean.FALSE);
        return scope;
    }

    /** Evaluates {@code body} with recording off, then restores the previous mode. */
    public static <T> T noGrad(Supplier<T> body) {
        NoGradScope scope = noGrad();
        try {
            return body.get();
        } finally {
            scope.close();
        }
    }

    /** An open {@link #noGrad()} scope; closing it restores the mode it found. */
    public static final class NoGradScope implements AutoCloseable {
        private final boolean previous;
        private final Thread owner = Thread.currentThread();
        private boolean closed;

        private NoGradScope(boolean previous) {
            this.previous = previous;
        }

        /** Restores the grad mode that was in effect when the scope opened; closing twice is a no-op. */
        @Override
        public void close() {
            if (Thread.currentThread() != owner) {
                throw new IllegalStateException("a no-grad scope must be closed on the thread that opened it");
            }
            if (!closed) {
                closed = true;
                GRAD_ENABLED.set(previous);
            }
        }
    }
}
