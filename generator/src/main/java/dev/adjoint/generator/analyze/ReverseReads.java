package dev.adjoint.generator.analyze;

import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.rules.DerivativeRules;
import dev.adjoint.generator.rules.Rule;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The primal values the reverse sweep reads when it undoes one statement: what the statement's
 * derivative rules, array indices and branch read. Reads happen either before the statement's
 * assignment (its operands, indices, a condition) or after it (the result itself, as in
 * {@code d exp(a) = exp(a) da}).
 */
final class ReverseReads {
    private final Set<Atom.Var> active;
    private final Set<Atom.Var> restoredArrays;

    /** @param restoredArrays arrays whose writes the reverse sweep undoes (see MethodIr) */
    ReverseReads(Set<Atom.Var> active, Set<Atom.Var> restoredArrays) {
        this.active = active;
        this.restoredArrays = restoredArrays;
    }

    /** The variables read with the values they have just before {@code s} runs. */
    Set<Atom.Var> before(Stmt s) {
        Set<Atom.Var> out = new LinkedHashSet<>();
        if (s instanceof Stmt.Assign a && active.contains(a.target())) {
            if (a.op() instanceof Op.Apply ap) {
                Rule rule = DerivativeRules.get(ap.rule());
                for (int i = 0; i < ap.args().size(); i++) {
                    Atom arg = ap.args().get(i);
                    if (Atom.carrier(arg).filter(active::contains).isEmpty()) {
                        continue;
                    }
                    if (arg instanceof Atom.Elem e) {
                        e.indices().forEach(x -> out.addAll(Atom.reads(x))); // to find the element's adjoint
                    }
                    for (String name : rule.valuesRead(i)) {
                        switch (name) {
                            case "a" -> out.addAll(Atom.reads(ap.args().get(0)));
                            case "b" -> out.addAll(Atom.reads(ap.args().get(1)));
                            default -> {} // the result: see readsResult
                        }
                    }
                }
            } else if (a.op() instanceof Op.ArrayLoad load) {
                load.indices().forEach(x -> out.addAll(Atom.reads(x)));
            } else if (a.op() instanceof Op.Call call) {
                call.args().forEach(x -> out.addAll(Atom.reads(x))); // the reverse sweep calls the callee's adjoint
            }
        } else if (s instanceof Stmt.ArrayStore st
                && (active.contains(st.array()) || restoredArrays.contains(st.array()))) {
            // the element's adjoint, and the element itself when the write is undone
            st.indices().forEach(x -> out.addAll(Atom.reads(x)));
            if (st.value() instanceof Atom.Elem e) {
                e.indices().forEach(x -> out.addAll(Atom.reads(x)));
            }
        } else if (s instanceof Stmt.If i
                && (!i.then().isEmpty() || !i.otherwise().isEmpty())) {
            // the reverse sweep branches on the outcome whenever a branch has anything to undo:
            // adjoints, or restores of values saved inside it (an index, a flag)
            out.addAll(Atom.reads(i.cond()));
        }
        return out;
    }

    /** Whether the reverse sweep reads the value {@code s} assigns (its target, after it). */
    boolean readsResult(Stmt s) {
        if (!(s instanceof Stmt.Assign a) || !active.contains(a.target()) || !(a.op() instanceof Op.Apply ap)) {
            return false;
        }
        Rule rule = DerivativeRules.get(ap.rule());
        for (int i = 0; i < ap.args().size(); i++) {
            if (Atom.carrier(ap.args().get(i)).filter(active::contains).isEmpty()) {
                continue;
            }
            for (String name : rule.valuesRead(i)) {
                if (!name.equals("a") && !name.equals("b")) {
                    return true;
                }
            }
        }
        return false;
    }
}
