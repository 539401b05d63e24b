package dev.adjoint.generator.forward;

import dev.adjoint.generator.analyze.Analysis;
import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.Statement;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.AtomCode;
import dev.adjoint.generator.ir.MethodIr;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.Param;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the tangent method meets its caller: which parameter's tangent is the caller's direction as
 * given, which a local copy (an array the method writes in place) or a zero (a parameter not
 * differentiated that receives varied values), and how the result's tangent is handed back.
 */
final class TangentBoundary {
    private final MethodIr ir;
    private final Analysis an;
    private final boolean pairs;
    private final TangentPool pool;
    private final Map<Atom.Var, String> dot;

    TangentBoundary(MethodIr ir, Analysis an, boolean pairs, TangentPool pool, Map<Atom.Var, String> dot) {
        this.ir = ir;
        this.an = an;
        this.pairs = pairs;
        this.pool = pool;
        this.dot = dot;
    }

    /**
     * Names the parameters' tangents into {@code dot}, the directions' names into {@code
     * tangents}, marks the parameters {@code declared}, and returns the prologue that makes the
     * local ones.
     */
    List<Code> parameters(Set<Atom.Var> declared, List<String> tangents) {
        MethodRequest r = ir.request();
        Set<Atom.Var> written = writtenArrays(ir.body(), new HashSet<>());
        List<Code> prologue = new ArrayList<>();
        for (int i = 0; i < ir.params().size(); i++) {
            Param p = r.params().get(i);
            Atom.Var v = ir.params().get(i);
            declared.add(v);
            String tn = p.wrt() ? ir.names().claim("t" + p.name()) : null;
            if (tn != null) {
                tangents.add(tn);
            }
            if (!an.active().contains(v)) {
                continue;
            }
            if (tn != null && !(p.type().isArray() && written.contains(v))) {
                dot.put(v, tn); // read-only array, or a scalar parameter (a local copy in Java anyway)
                continue;
            }
            // a differentiated array written in place: a copy of the caller's direction; a parameter
            // that is not differentiated but receives varied values: tangent 0 on entry
            String local = ir.names().claim("_dot_" + p.name());
            dot.put(v, local);
            if (pairs && p.type().dims() == 3) { // (the tangent program is read again as Java: it reads no 3-D local)
                throw new TangentSweep.Unsupported(
                        "the 3-D parameter '" + p.name() + "' is written in place or receives varied values");
            }
            if (pairs && p.type().dims() == 2) {
                prologue.addAll(HvpSource.matrixTangent(ir.names(), p, local, v.name(), tn));
                continue;
            }
            Expr init;
            if (!p.type().isArray()) {
                init = AtomCode.zero(p.type());
            } else if (tn != null && !pairs && p.type().dims() == 1) {
                // (a copy of the direction, which the method's writes must not reach)
                Expr direction = new Expr.Name(tn);
                prologue.add(new Code.Line(new Statement.Declare(
                        "", p.type().java(), local, pool.zeros(p.type().prim(), length(direction)))));
                prologue.add(new Code.Line(new Statement.Eval(arraycopy(direction, new Expr.Name(local)))));
                continue;
            } else if (tn != null) {
                init = p.type().dims() == 1
                        ? new Expr.Call(new Expr.Name(tn), "clone", List.of())
                        : gradients("copy", new Expr.Name(tn));
            } else {
                init = p.type().dims() == 1
                        ? pool.zeros(p.type().prim(), length(new Expr.Name(v.name())))
                        : gradients("like", new Expr.Name(v.name()));
            }
            prologue.add(new Code.Line(new Statement.Declare("", p.type().java(), local, init)));
        }
        return prologue;
    }

    /** Hands the result's tangent {@code tr} (null where it is 0) to the caller's {@code out}. */
    static Code handBack(MethodRequest r, String out, Expr tr) {
        Expr to = new Expr.Name(out);
        if (r.result().isArray()) {
            return new Code.Line(new Statement.Eval(
                    tr == null
                            ? new Expr.Call(
                                    Expr.qualified("java.util.Arrays"),
                                    "fill",
                                    List.of(to, AtomCode.zero(r.result().element())))
                            : arraycopy(tr, to)));
        }
        return new Code.Line(
                new Statement.Eval(new Expr.Call(to, "set", List.of(tr == null ? AtomCode.zero(r.result()) : tr))));
    }

    /** {@code array.length}. */
    private static Expr length(Expr array) {
        return new Expr.Field(array, "length");
    }

    /** {@code System.arraycopy(from, 0, to, 0, from.length)}. */
    private static Expr arraycopy(Expr from, Expr to) {
        Expr zero = new Expr.Literal("0");
        return new Expr.Call(new Expr.Name("System"), "arraycopy", List.of(from, zero, to, zero, length(from)));
    }

    /** {@code dev.adjoint.Gradients.name(array)}. */
    private static Expr gradients(String name, Expr array) {
        return new Expr.Call(Expr.qualified("dev.adjoint.Gradients"), name, List.of(array));
    }

    private static Set<Atom.Var> writtenArrays(List<Stmt> body, Set<Atom.Var> into) {
        for (Stmt s : body) {
            if (s instanceof Stmt.ArrayStore st) {
                into.add(st.array());
            } else if (s instanceof Stmt.If i) {
                writtenArrays(i.then(), into);
                writtenArrays(i.otherwise(), into);
            } else if (s instanceof Stmt.Loop l) {
                writtenArrays(l.head(), into);
                writtenArrays(l.body(), into);
            }
        }
        return into;
    }
}
