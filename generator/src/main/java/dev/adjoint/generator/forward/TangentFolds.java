package dev.adjoint.generator.forward;

import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.rules.Rule;
import dev.adjoint.generator.types.Ty;
import java.util.List;
import java.util.function.Function;

/**
 * Tangents the rule table would spell with more operations than needed: the forward sweep of a
 * cheap objective (Rosenbrock's) is bound by its floating-point operations, and the JIT may not
 * reorder them (IEEE semantics), so each operation saved here is saved at run time. Each fold is
 * the same derivative, exactly; only the rounding of the tangent may differ in the last bits.
 */
final class TangentFolds {
    private TangentFolds() {}

    /** {@code z = a − b}: {@code ż = ȧ − ḃ}, one subtraction (the rule's sum would add a negation). */
    static String difference(Op.Apply ap, Ty zt, Function<Atom, String> tangentOf) {
        if (!ap.rule().equals("-")
                || ap.args().size() != 2
                || !ap.args().get(0).type().equals(zt)
                || !ap.args().get(1).type().equals(zt)) {
            return null;
        }
        String ta = tangentOf.apply(ap.args().get(0));
        String tb = tangentOf.apply(ap.args().get(1));
        return ta == null || tb == null ? null : Rule.parenthesize(ta) + " - " + Rule.parenthesize(tb);
    }

    /**
     * {@code z = u * v} right after {@code u = c * v} ({@code c} a constant, so {@code z = c·v²}):
     * {@code ż = 2c·v·v̇ = 2·(v̇·u)}, two products instead of the product rule's
     * {@code u̇·v + v̇·u} (three operations, and {@code u̇} unused when {@code u} is a temporary,
     * which the JIT then drops). Weighted squares ({@code 100 * a * a}) are common in objectives.
     */
    static String scaledSquare(Op.Apply ap, Stmt previous, Function<Atom, String> tangentOf) {
        if (!ap.rule().equals("*")
                || ap.args().size() != 2
                || !(previous instanceof Stmt.Assign p)
                || !(p.op() instanceof Op.Apply q)
                || !q.rule().equals("*")
                || q.args().size() != 2) {
            return null;
        }
        for (int k = 0; k < 2; k++) {
            Atom u = ap.args().get(k);
            Atom v = ap.args().get(1 - k);
            if (!u.equals(p.target())
                    || !(v instanceof Atom.Var)
                    || v.equals(u)
                    || !v.type().equals(u.type())) {
                continue;
            }
            List<Atom> c = q.args();
            boolean scaled = c.get(0) instanceof Atom.Const && c.get(1).equals(v)
                    || c.get(1) instanceof Atom.Const && c.get(0).equals(v);
            String tv = tangentOf.apply(v);
            if (scaled && tv != null) {
                return "2 * (" + tv + " * " + u.java() + ")";
            }
        }
        return null;
    }
}
