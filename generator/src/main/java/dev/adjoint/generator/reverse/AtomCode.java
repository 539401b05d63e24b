package dev.adjoint.generator.reverse;

import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.JavaText;
import dev.adjoint.generator.ir.Atom;
import java.util.List;

/** An operand of the normalized form as a node of the code model. */
final class AtomCode {
    private AtomCode() {}

    /**
     * {@code a} as an expression: a variable as its name, an element as its array indexed by its
     * indices; a constant or an index expression, which the normalized form keeps as (renamed)
     * source text, as that text read into the model (opaque where the model cannot hold it).
     */
    static Expr of(Atom a) {
        if (a instanceof Atom.Var v) {
            return new Expr.Name(v.name());
        }
        if (a instanceof Atom.Elem e) {
            return element(new Expr.Name(e.array().name()), e.indices());
        }
        return JavaText.condition(a.java());
    }

    /** {@code array[i][j]...} for the indices {@code indices}. */
    static Expr element(Expr array, List<Atom> indices) {
        Expr out = array;
        for (Atom i : indices) {
            out = new Expr.Element(out, of(i));
        }
        return out;
    }
}
