package dev.adjoint.generator.tape;

import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.Statement;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.AtomCode;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.List;

/**
 * What one assignment or store of the normalized form records. {@code t = rule(args)}: the value
 * as the rule's primal template computes it, then one node whose parents are the arguments'
 * handles and whose partials are the rule's contributions at {@code dz = 1} (the same table the
 * static reverse pass instantiates with its adjoint); a parent read twice ({@code s * s}) is one
 * edge with the sum. A load or a store moves a handle with its value; a new array gets handles of
 * its shape, all {@code CONSTANT} (its zeros depend on nothing); a value without derivative gets
 * {@code CONSTANT}.
 */
final class IrNodes {
    private static final String ROWS = "dev.adjoint.tape.RowHandles";
    private final IrRecorder rec;
    private final IrCalls calls;
    private final IrPending pending;
    private final IrOperations operations;

    IrNodes(IrRecorder rec, IrPending pending) {
        this.rec = rec;
        this.calls = new IrCalls(rec);
        this.pending = pending;
        this.operations = new IrOperations(rec, pending);
    }

    void assign(Stmt.Assign a) {
        Atom.Var t = a.target();
        Ty ty = t.type();
        Op op = a.op();
        if (op instanceof Op.Apply ap) {
            operations.apply(a, ap);
        } else if (op instanceof Op.ArrayLoad load) {
            pending.assigning(t, List.of());
            if (ty.isArray()) {
                rec.error(
                        a.origin(),
                        "a row '" + load.array().name() + "[...]' read as an array is not supported by the tape"
                                + " strategy; read its elements, or pass the row to a @Differentiable method");
                return;
            }
            rec.value(a, AtomCode.element(new Expr.Name(load.array().name()), load.indices()));
            if (ty.isFloating()) {
                rec.assignHandle(a, AtomCode.element(new Expr.Name(rec.handle(load.array())), load.indices()));
            }
        } else if (op instanceof Op.Passive p) {
            pending.assigning(t, List.of());
            if (ty.isFloating() && ty.isArray() && aliased(p).isPresent()) {
                // r = a of an array (the result an early return names): the same array, the same handles
                rec.value(a, new Expr.Name(aliased(p).get().name()));
                rec.assignHandle(a, new Expr.Name(rec.handle(aliased(p).get())));
                return;
            }
            if (ty.isFloating() && ty.isArray()) {
                rec.error(
                        a.origin(),
                        "a floating-point array computed without derivative ('" + p.java() + "') is not supported by"
                                + " the tape strategy; create the array with new and fill it element by element");
                return;
            }
            rec.value(a, AtomCode.source(p.java()));
            if (ty.isFloating()) {
                rec.assignHandle(a, Expr.qualified(IrRecorder.CONSTANT));
            }
        } else if (op instanceof Op.NewArray na) {
            pending.flush();
            newArray(a, na);
        } else if (op instanceof Op.Call call) {
            pending.flush(); // (the callee may write arrays that pending partials read)
            calls.call(a, call);
        }
    }

    /** The array variable {@code p} is, when it is one ({@code r = a}): what it reads, of its type, by name. */
    private static java.util.Optional<Atom.Var> aliased(Op.Passive p) {
        return p.reads().stream()
                .filter(v -> p.reads().size() == 1
                        && v.type().equals(p.type())
                        && v.name().equals(p.java()))
                .findFirst();
    }

    /**
     * {@code tape.pushN(parent, partial, ...)} for the node's parents; {@code CONSTANT} for none, and
     * the parent's own handle for one parent with partial 1 (a copy: the same value, the same node).
     */
    Expr push(NodeTerms node) {
        if (node.terms().isEmpty()) {
            return Expr.qualified(IrRecorder.CONSTANT);
        }
        if (node.terms().size() == 1
                && node.terms().get(0).partial() instanceof Expr.Literal one
                && one.text().equals("1.0")) {
            return pending.handle(node.terms().get(0).handle());
        }
        List<Expr> args = new ArrayList<>();
        for (NodeTerms.Term term : node.terms()) {
            args.add(pending.handle(term.handle()));
            args.add(term.partial());
        }
        return rec.push(args);
    }

    private void newArray(Stmt.Assign a, Op.NewArray na) {
        Ty ty = a.target().type();
        rec.value(
                a,
                new Expr.NewArray(
                        ty.prim().java(), na.dims().stream().map(AtomCode::of).toList(), 0, null));
        if (!ty.isFloating()) {
            return;
        }
        Expr array = new Expr.Name(a.target().name());
        if (ty.dims() == 1) {
            rec.assignHandle(
                    a,
                    new Expr.Call(new Expr.Name(rec.tape), "borrowHandles", List.of(new Expr.Field(array, "length"))));
        } else if (ty.dims() == 2 && na.dims().size() == 2) {
            rec.assignHandle(a, new Expr.Call(Expr.qualified(ROWS), "borrow", List.of(new Expr.Name(rec.tape), array)));
        } else {
            rec.error(
                    a.origin(),
                    "a local array of type " + ty.java() + " created without every length is not supported by the"
                            + " tape strategy; give each dimension its length (new double[n][m])");
        }
    }

    /** {@code array[i] = value}, and its handle with it. */
    void store(Stmt.ArrayStore st) {
        pending.flush();
        if (st.indices().size() != st.array().type().dims()) {
            rec.error(
                    st.origin(),
                    "a row of '" + st.array().name() + "' replaced by another array is not supported by the tape"
                            + " strategy; copy the elements into the row");
            return;
        }
        rec.line(Statement.assign(
                AtomCode.element(new Expr.Name(st.array().name()), st.indices()), AtomCode.of(st.value())));
        if (st.array().type().isFloating()) {
            rec.line(Statement.assign(
                    AtomCode.element(new Expr.Name(rec.handle(st.array())), st.indices()),
                    rec.handleOrConstant(st.value())));
        }
    }
}
