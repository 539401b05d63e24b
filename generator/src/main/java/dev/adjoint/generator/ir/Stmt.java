package dev.adjoint.generator.ir;

import java.util.List;

/** A statement of the intermediate form. */
public sealed interface Stmt permits Stmt.Assign, Stmt.ArrayStore, Stmt.If, Stmt.Return {

    /** The user statement this was lowered from. */
    Origin origin();

    /** {@code target = op}; {@code target} is never among {@code op}'s operands. */
    record Assign(Atom.Var target, Op op, Origin origin) implements Stmt {}

    /** {@code array[index] = value}. */
    record ArrayStore(Atom.Var array, Atom index, Atom value, Origin origin) implements Stmt {}

    /** A two-way branch on a boolean variable. */
    record If(Atom cond, List<Stmt> then, List<Stmt> otherwise, Origin origin) implements Stmt {
        public If {
            then = List.copyOf(then);
            otherwise = List.copyOf(otherwise);
        }
    }

    /** The method's result; in this release the last statement of the body. */
    record Return(Atom value, Origin origin) implements Stmt {}
}
