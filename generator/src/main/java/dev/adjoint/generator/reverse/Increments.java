package dev.adjoint.generator.reverse;

import dev.adjoint.generator.analyze.Analysis;
import dev.adjoint.generator.analyze.Saves;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Element increments {@code a[i] += e} (and {@code a[i] = a[i] - e}), lowered as a load, an add
 * and a store. Their adjoint is {@code de += da[i]}: the element's adjoint passes through
 * unchanged, so the reverse sweep neither clears it nor adds it back, and the load and the add have
 * no reverse part of their own.
 */
final class Increments {
    /**
     * @param other the atom added to the element
     * @param negate whether it is subtracted
     * @param parts the load (when the element was copied into a temporary) and the add, whose
     *     reverse parts are dropped
     */
    record Increment(Atom other, boolean negate, List<Stmt> parts) {}

    private Increments() {}

    /** The increments among {@code stmts}, by their store. */
    static Map<Stmt, Increment> in(List<Stmt> stmts, Map<Atom.Var, Integer> uses, Analysis an) {
        Map<Stmt, Increment> out = new IdentityHashMap<>();
        for (int k = 1; k < stmts.size(); k++) {
            if (!(stmts.get(k) instanceof Stmt.ArrayStore st)
                    || !(st.value() instanceof Atom.Var t)
                    || !(stmts.get(k - 1) instanceof Stmt.Assign add)
                    || !add.target().equals(t)
                    || !(add.op() instanceof Op.Apply ap)
                    || !(ap.rule().equals("+") || ap.rule().equals("-"))
                    || uses.getOrDefault(t, 0) != 1
                    || an.saves().kind(add) != Saves.Kind.NONE
                    || !t.type().equals(ap.args().get(0).type())) {
                continue;
            }
            Atom element = ap.args().get(0);
            List<Stmt> parts = new ArrayList<>();
            if (element instanceof Atom.Elem e
                    && e.array().equals(st.array())
                    && e.indices().equals(st.indices())) {
                parts.add(add);
            } else if (element instanceof Atom.Var l && uses.getOrDefault(l, 0) == 1) {
                Stmt.Assign load = loadOf(stmts, k - 1, l, st);
                if (load == null || an.saves().kind(load) != Saves.Kind.NONE) {
                    continue;
                }
                parts.add(load);
                parts.add(add);
            } else {
                continue;
            }
            out.put(st, new Increment(ap.args().get(1), ap.rule().equals("-"), parts));
        }
        return out;
    }

    /** The statement of the same user statement before {@code k} that loads {@code st}'s element into {@code l}. */
    private static Stmt.Assign loadOf(List<Stmt> stmts, int k, Atom.Var l, Stmt.ArrayStore st) {
        for (int j = k - 1; j >= 0 && stmts.get(j).origin() == st.origin(); j--) {
            if (stmts.get(j) instanceof Stmt.Assign a && a.target().equals(l)) {
                return a.op() instanceof Op.ArrayLoad load
                                && load.array().equals(st.array())
                                && load.indices().equals(st.indices())
                        ? a
                        : null;
            }
        }
        return null;
    }

    /** How many times each variable is read anywhere in {@code body}. */
    static Map<Atom.Var, Integer> uses(List<Stmt> body) {
        Map<Atom.Var, Integer> uses = new HashMap<>();
        count(body, uses);
        return uses;
    }

    private static void count(List<Stmt> body, Map<Atom.Var, Integer> uses) {
        for (Stmt s : body) {
            if (s instanceof Stmt.If i) {
                count(i.then(), uses);
                count(i.otherwise(), uses);
            } else if (s instanceof Stmt.Loop l) {
                count(l.head(), uses);
                count(l.body(), uses);
            }
            for (Atom a : ownReads(s)) {
                if (a instanceof Atom.Var v) {
                    uses.merge(v, 1, Integer::sum);
                } else {
                    Atom.reads(a).forEach(v -> uses.merge(v, 1, Integer::sum));
                }
            }
        }
    }

    /**
     * The atoms statement {@code s} itself reads, not the statements nested in it: an operation's
     * operands; a store's array, indices and value; a branch's or loop's condition; the result.
     */
    static List<Atom> ownReads(Stmt s) {
        List<Atom> read = new ArrayList<>();
        if (s instanceof Stmt.Assign a) {
            read.addAll(a.op().operands());
        } else if (s instanceof Stmt.ArrayStore st) {
            read.add(st.array());
            read.addAll(st.indices());
            read.add(st.value());
        } else if (s instanceof Stmt.If i) {
            read.add(i.cond());
        } else if (s instanceof Stmt.Loop l) {
            read.add(l.cond());
        } else if (s instanceof Stmt.Return r) {
            read.add(r.value());
        } else if (s instanceof Stmt.Effect e) {
            read.addAll(e.reads());
        }
        return read;
    }

    /** Adds how many times each variable is assigned in {@code body}, nested blocks included. */
    static void assignments(List<Stmt> body, Map<Atom.Var, Integer> into) {
        for (Stmt s : body) {
            if (s instanceof Stmt.Assign a) {
                into.merge(a.target(), 1, Integer::sum);
            } else if (s instanceof Stmt.If i) {
                assignments(i.then(), into);
                assignments(i.otherwise(), into);
            } else if (s instanceof Stmt.Loop l) {
                assignments(l.head(), into);
                assignments(l.body(), into);
            }
        }
    }
}
