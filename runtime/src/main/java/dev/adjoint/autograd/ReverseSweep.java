package dev.adjoint.autograd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The backward pass: micrograd's topological sort plus reversed sweep, with the sort made
 * iterative so that a graph a million operations deep cannot overflow the call stack.
 */
final class ReverseSweep {
    /**
     * Numbers the sorts, so a tensor's {@link Tensor#visit} mark from an earlier sort reads as
     * "unseen" without a pass to clear it: sort {@code s} marks {@code 2s} for seen, {@code 2s + 1}
     * for emitted.
     */
    private static final AtomicLong SORTS = new AtomicLong();

    private ReverseSweep() {}

    /**
     * Adds {@code seed} (the gradient of some scalar with respect to {@code root}, shaped like it)
     * into {@code root}, then visits tensors outputs-first, so each interior gradient is complete
     * (every consumer has added into it) before its rule sends it on toward the leaves.
     */
    static void run(Tensor root, double[] seed) {
        List<Tensor> order = topologicalOrder(root);
        for (Tensor t : order) {
            t.pending = null; // left over only if an earlier sweep failed midway
        }
        double[] sink = root.gradSink();
        for (int i = 0; i < seed.length; i++) {
            sink[i] += seed[i];
        }
        for (int k = order.size() - 1; k >= 0; k--) {
            Tensor t = order.get(k);
            if (t.gradFn != null && t.pending != null) {
                double[] g = t.pending;
                t.pending = null; // interior gradients are not kept: only leaves have a grad
                t.gradFn.backward(g);
            }
        }
    }

    /**
     * {@code root} and everything it was computed from that requires a gradient, each after its
     * inputs. Depth-first post-order with an explicit stack: a tensor is popped once to push its
     * inputs, and once more, after they have all been emitted, to be emitted itself.
     */
    static List<Tensor> topologicalOrder(Tensor root) {
        long seen = 2 * SORTS.incrementAndGet();
        long emitted = seen + 1;
        List<Tensor> order = new ArrayList<>();
        Tensor[] stack = {root};
        int top = 1;
        while (top > 0) {
            Tensor t = stack[--top];
            if (t.visit < seen) {
                t.visit = seen;
                if (stack.length < top + 3) {
                    stack = Arrays.copyOf(stack, 2 * stack.length + 3);
                }
                stack[top++] = t; // back on top once its inputs are done
                if (t.gradFn != null) {
                    top = pushInput(stack, top, t.gradFn.b, seen);
                    top = pushInput(stack, top, t.gradFn.a, seen);
                }
            } else if (t.visit == seen) {
                // in a DAG, a tensor seen but not emitted can only come back as its own second visit:
                // any other copy was pushed from inside its subgraph, which would make a cycle
                t.visit = emitted;
                order.add(t);
            }
        }
        return order;
    }

    private static int pushInput(Tensor[] stack, int top, Tensor input, long seen) {
        if (input != null && input.requiresGrad() && input.visit < seen) {
            stack[top++] = input;
        }
        return top;
    }
}
