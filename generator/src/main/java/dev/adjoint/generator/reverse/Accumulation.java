package dev.adjoint.generator.reverse;

import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.Operand;
import dev.adjoint.generator.code.Statement;
import dev.adjoint.generator.code.Uses;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.AtomCode;
import dev.adjoint.generator.types.Ty;

/**
 * The reverse sweep's accumulation of a contribution into an operand's adjoint,
 * {@code d[v] += c}. A contribution {@code -p} that negates its first factor is added as
 * {@code d[v] -= p}: floating-point negation is exact, so {@code (-x) * y / w} and
 * {@code -(x * y / w)} are the same number.
 */
final class Accumulation {
    private Accumulation() {}

    /** {@code d[v] += c}, or {@code -=} for a negated product, narrowed to float when needed. */
    static Code of(Sweep sw, Atom v, Expr contribution, Ty opType) {
        String op = "+=";
        Expr c = contribution;
        // (-dz * z / b: the sign moves into the operator; a choice, a ? -dz : 0, keeps its own)
        Expr positive = hasChoice(c) ? null : withoutSign(c);
        if (positive != null) {
            op = "-=";
            c = positive;
        }
        if (v.type().prim() == Ty.Prim.FLOAT && opType.prim() == Ty.Prim.DOUBLE) {
            c = new Expr.Cast("float", Operand.of(c));
        }
        return new Code.Line(new Statement.Eval(new Expr.Assign(adjointOf(sw, v), op, c)));
    }

    /** The adjoint of an active atom: a variable's, or an element of its array's adjoint. */
    static Expr adjointOf(Sweep sw, Atom v) {
        return v instanceof Atom.Elem e
                ? AtomCode.element(new Expr.Name(sw.adjoint(e.array())), e.indices())
                : new Expr.Name(sw.adjoint((Atom.Var) v));
    }

    /** {@code p} for a product or quotient {@code -p} whose first factor is negated ({@code -x * y / w}); else null. */
    private static Expr withoutSign(Expr e) {
        if (e instanceof Expr.Unary u && u.op().equals("-")) {
            return u.operand();
        }
        if (e instanceof Expr.Binary b && (b.op().equals("*") || b.op().equals("/"))) {
            Expr left = withoutSign(b.left());
            return left == null ? null : new Expr.Binary(b.op(), left, b.right());
        }
        return null;
    }

    private static boolean hasChoice(Expr e) {
        boolean[] found = {false};
        Uses.each(e, x -> found[0] |= x instanceof Expr.Conditional);
        return found[0];
    }
}
