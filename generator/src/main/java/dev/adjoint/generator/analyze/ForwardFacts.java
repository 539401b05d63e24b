package dev.adjoint.generator.analyze;

import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.Stmt;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * A fact that flows forward through assignments and array stores, flow-insensitively (as
 * {@link ActivityAnalysis}'s activity): the least set of variables, starting from {@code seed}, that holds
 * every assignment's target whose operation the rule accepts given the set so far, and every array an
 * accepted value is stored into. An array counts as one variable.
 */
final class ForwardFacts {
    private ForwardFacts() {}

    /**
     * @param stmts a method's statements, flattened
     * @param assigns whether an assignment puts its target in the set, given the set
     * @param stores whether a stored value puts its array in the set, given the set
     */
    static Set<Atom.Var> closure(
            List<Stmt> stmts,
            Set<Atom.Var> seed,
            BiPredicate<Stmt.Assign, Set<Atom.Var>> assigns,
            BiPredicate<Atom, Set<Atom.Var>> stores) {
        Set<Atom.Var> out = new HashSet<>(seed);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Stmt s : stmts) {
                if (s instanceof Stmt.Assign a && !out.contains(a.target()) && assigns.test(a, out)) {
                    changed |= out.add(a.target());
                } else if (s instanceof Stmt.ArrayStore st
                        && !out.contains(st.array())
                        && stores.test(st.value(), out)) {
                    changed |= out.add(st.array());
                }
            }
        }
        return out;
    }
}
