package dev.adjoint.generator.tape;

import dev.adjoint.generator.code.Printer;
import java.util.ArrayList;
import java.util.List;

/**
 * The nodes of the current statement recorded but not pushed yet (see {@link NodeTerms}): each
 * is pushed when its handle is needed, taken over by the operation that reads it, or dropped
 * when nothing reads it. Pushing writes {@code int h = _tape.pushN(parent, partial, ...);}.
 */
final class PendingNodes {
    /** A node not pushed yet: the handle variable it will get, and its parents. */
    static final class Pending {
        final String handle;
        final NodeTerms terms;

        private Pending(String handle, NodeTerms terms) {
            this.handle = handle;
            this.terms = terms;
        }
    }

    private final RecorderState st;
    /** Not pushed, not taken over, not dropped: oldest first. */
    private final List<Pending> open = new ArrayList<>();

    PendingNodes(RecorderState st) {
        this.st = st;
    }

    /** A new pending node over {@code terms}, to be declared as {@code handle}. */
    Pending open(String handle, NodeTerms terms) {
        Pending p = new Pending(handle, terms);
        open.add(p);
        return p;
    }

    /** Whether {@code p} is still pending (so its parents may be taken over). */
    boolean isOpen(Pending p) {
        return p != null && open.contains(p);
    }

    /** Takes over {@code p}: its parents go into a node that reads it, and it needs no node of its own. */
    boolean takeOver(Pending p) {
        return p != null && open.remove(p);
    }

    /** Pushes {@code p} if it is still pending: its handle variable is declared from here on. */
    void push(Pending p) {
        if (p != null && open.remove(p)) {
            write(p);
        }
    }

    /**
     * Pushes every pending node: before code that may change what their parents' handles or
     * partials read (a call may write an array), or that runs only on one path (a conditional).
     */
    void flush() {
        List<Pending> all = List.copyOf(open);
        open.clear();
        all.forEach(this::write);
    }

    /** Drops {@code p}: nothing reads it (a detached value, an argument without derivative). */
    void drop(Pending p) {
        if (p != null) {
            open.remove(p);
        }
    }

    /** Drops every pending node: at the end of a statement, what was not read is not needed. */
    void dropAll() {
        open.clear();
    }

    private void write(Pending p) {
        List<NodeTerms.Term> terms = p.terms.terms();
        StringBuilder args = new StringBuilder();
        for (NodeTerms.Term term : terms) {
            args.append(args.length() == 0 ? "" : ", ")
                    .append(term.handle())
                    .append(", ")
                    .append(Printer.expression(term.partial()));
        }
        st.node("int " + p.handle + " = " + st.push(terms.size()) + "(" + args + ");");
    }
}
