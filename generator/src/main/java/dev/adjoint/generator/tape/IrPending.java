package dev.adjoint.generator.tape;

import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.Uses;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes of single-use values not pushed yet (statement-level preaccumulation, as {@link
 * PendingNodes} does for the tree): a value assigned once and read once, by an operation of the
 * same block, keeps its parents and partials here; the operation that reads it takes them over,
 * multiplied through by the chain rule ({@link NodeTerms}), so that {@code s += c * Math.sin(x[i])}
 * records one node. A pending node is pushed when its handle is needed otherwise, before a
 * statement assigns a variable its partials or handles read, and before anything but an
 * assignment (a store, a call, a branch, a loop, the block's end), which may change what they read.
 */
final class IrPending {
    /** A node not pushed: the assignment that made the value, and its parents. */
    record Node(Stmt.Assign def, NodeTerms terms) {}

    private final IrRecorder rec;
    private final Map<Atom.Var, Node> open = new LinkedHashMap<>();
    /** The node of each parent handle's text: what {@link NodeTerms} keys parents by. */
    private final Map<String, Expr> handles = new HashMap<>();

    IrPending(IrRecorder rec) {
        this.rec = rec;
    }

    /** Keeps {@code def}'s node pending. */
    void open(Stmt.Assign def, NodeTerms terms) {
        open.put(def.target(), new Node(def, terms));
    }

    /** The pending node of {@code a}, if it is a variable whose node is pending. */
    Node of(Atom a) {
        return a instanceof Atom.Var v ? open.get(v) : null;
    }

    /** Takes {@code v}'s node over (its reader records its parents), or drops it (nothing needs it). */
    void remove(Atom.Var v) {
        open.remove(v);
    }

    /** The handle node whose text {@code NodeTerms} holds. */
    Expr handle(String text) {
        return handles.get(text);
    }

    /** Registers {@code handle} under its text and adds the parent to {@code terms}. */
    void add(NodeTerms terms, Expr handle, Expr partial) {
        String text = dev.adjoint.generator.code.Printer.expression(handle);
        handles.putIfAbsent(text, handle);
        terms.add(text, partial);
    }

    /** Whether {@code n}'s partials or parents read {@code name}. */
    boolean mentions(Node n, String name) {
        for (NodeTerms.Term t : n.terms().terms()) {
            if (Uses.mentions(t.partial(), name) || Uses.mentions(handles.get(t.handle()), name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Pushes the pending nodes that read {@code v} or its handle (both about to be assigned), except
     * those of {@code spared}.
     */
    void assigning(Atom.Var v, List<Atom> spared) {
        String handle = v.type().isFloating() ? rec.handle(v) : null;
        for (Node n : List.copyOf(open.values())) {
            if (!spared.contains(n.def().target())
                    && (mentions(n, v.name()) || (handle != null && mentions(n, handle)))) {
                push(n.def().target());
            }
        }
    }

    /** Pushes {@code v}'s node if it is pending: its handle is declared from here on. */
    void push(Atom.Var v) {
        Node n = open.remove(v);
        if (n != null) {
            rec.assignHandle(n.def(), rec.nodes().push(n.terms()));
        }
    }

    /** Pushes every pending node, oldest first. */
    void flush() {
        for (Atom.Var v : new ArrayList<>(open.keySet())) {
            push(v);
        }
    }
}
