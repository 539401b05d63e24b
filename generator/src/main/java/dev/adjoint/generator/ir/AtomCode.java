package dev.adjoint.generator.ir;

import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.JavaText;
import dev.adjoint.generator.types.Ty;
import java.util.List;

/** An operand of the normalized form as a node of the code model, for both strategies and both modes. */
public final class AtomCode {
    private AtomCode() {}

    /**
     * {@code a} as an expression: a variable as its name, an element as its array indexed by its
     * indices; a constant or an index expression, which the normalized form keeps as (renamed)
     * source text, as that text read into the model (opaque where the model cannot hold it).
     */
    public static Expr of(Atom a) {
        if (a instanceof Atom.Var v) {
            return new Expr.Name(v.name());
        }
        if (a instanceof Atom.Elem e) {
            return element(new Expr.Name(e.array().name()), e.indices());
        }
        return source(a.java());
    }

    /**
     * Source text the normalized form keeps as (renamed) Java text, a constant, an index, a
     * passive value or a condition, read into the model: the one place the passes after
     * normalize read text, and only the user's (opaque where the model cannot hold it).
     */
    public static Expr source(String text) {
        return JavaText.condition(text);
    }

    /** As {@link #source}, empty where the model cannot hold the text (where that is opaque). */
    public static java.util.Optional<Expr> read(String text) {
        return JavaText.expression(text);
    }

    /** The zero of {@code t} ({@link Ty#zero()}) as a node: {@code (short) 0} is a cast. */
    public static Expr zero(Ty t) {
        return t.prim() == Ty.Prim.SHORT || t.prim() == Ty.Prim.BYTE
                ? new Expr.Cast(t.java(), new Expr.Literal("0"))
                : new Expr.Literal(t.zero());
    }

    /** {@code array[i][j]...} for the indices {@code indices}. */
    public static Expr element(Expr array, List<Atom> indices) {
        Expr out = array;
        for (Atom i : indices) {
            out = new Expr.Element(out, of(i));
        }
        return out;
    }
}
