package dev.adjoint.generator.tape;

import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.Statement;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.AtomCode;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.normalize.Lowering;
import dev.adjoint.generator.objects.Receiver;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.Param;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Records a call of a {@code @Differentiable} method of the normalized form ({@link Op.Call}):
 * through the callee's own {@code Record} method, each floating-point argument followed by its
 * handle and each floating-point array by its handle array, the result's handle read from
 * {@code tape.result()}. A recursive call is the method's own {@code Record}: the tape records
 * each level as it runs. A callee with a {@code @CustomDerivative} pullback, or a compiled one
 * without a recorder, is recorded as one node from its pullback.
 */
final class IrCalls {
    private final IrRecorder rec;
    private final Lowering scope;

    IrCalls(IrRecorder rec) {
        this.rec = rec;
        this.scope = new Lowering(rec.request, rec.index);
    }

    void call(Stmt.Assign a, Op.Call call) {
        MethodRequest c = call.callee();
        if (!a.target().type().isFloatingScalar()) {
            rec.error(
                    a.origin(),
                    "a call to '" + c.name() + "' that returns "
                            + a.target().type().java()
                            + " is not supported by the tape strategy, which records calls of @Differentiable methods"
                            + " that return double or float; return the values through an array parameter");
            return;
        }
        Optional<String> owner = scope.spelling().callee(c);
        if (owner.isEmpty()) {
            rec.error(
                    a.origin(),
                    "call to '" + c.name() + "' cannot be written in the generated code"
                            + scope.spelling().whyCalleeHidden(c));
            return;
        }
        if (c.customPullback() != null || !rec.index.classpath().hasRecorder(c)) {
            // (a compiled callee whose adjoint has no recorder: recorded as one node from its Vjp, as a pullback is)
            throughPullback(a, call, owner.get());
            return;
        }
        List<Expr> args = new ArrayList<>();
        args.add(new Expr.Name(rec.tape));
        for (int i = 0; i < call.args().size(); i++) {
            Param p = c.params().get(i);
            Atom arg = call.args().get(i);
            args.add(AtomCode.of(arg));
            if (p.type().isArray() && p.type().isFloating()) {
                Optional<Expr> handles = arrayHandles(arg);
                if (handles.isEmpty()) {
                    rec.error(
                            a.origin(),
                            "pass arrays to " + c.name() + " by variable name (or a row or layer of one, m[i], W[l]);"
                                    + " '" + arg.java() + "' is neither");
                    return;
                }
                args.add(handles.get());
            } else if (p.type().isFloating()) {
                args.add(rec.handleOrConstant(arg));
            }
        }
        Expr value = new Expr.Call(
                Expr.qualified(owner.get()),
                c.adjointName() + "Record",
                Receiver.generatedArgs(c, args, new Expr.Name(Receiver.SELF)));
        rec.value(a, value);
        rec.assignHandle(a, new Expr.Call(new Expr.Name(rec.tape), "result", List.of()));
    }

    /**
     * A call to a method with a user-supplied pullback (or a compiled one whose adjoint has no
     * recorder: its {@code Vjp} has a pullback's signature): the pullback, seeded with 1, gives the
     * value and, in borrowed cells, the local partials {@code ∂z/∂x_i}, which become one node
     * {@code z} with the arguments as parents (a chain of nodes past {@link NodeTerms#MAX_PARENTS}).
     */
    private void throughPullback(Stmt.Assign a, Op.Call call, String owner) {
        MethodRequest c = call.callee();
        Ty t = a.target().type();
        for (int i = 0; i < call.args().size(); i++) {
            Param p = c.params().get(i);
            if (p.type().isArray() || (p.type().isFloating() && !p.wrt())) {
                rec.error(
                        a.origin(),
                        c.customPullback() != null
                                ? "the tape strategy passes only scalars to the custom derivative of '" + c.name()
                                        + "', and only parameters of its wrt"
                                : "the call to compiled method '" + c.name()
                                        + "' hands it an array, or a value outside its wrt, which the tape"
                                        + " strategy records only through " + c.adjointName()
                                        + "Record, and its adjoint " + c.adjointQualifiedName()
                                        + " on the classpath has none (a module generates it for a method on the tape, or"
                                        + " one a taped method calls); mark '" + c.name()
                                        + "' strategy = TAPE in its module and rebuild that, or, when neither method"
                                        + " writes the array, let the static strategy take this one");
                return;
            }
        }
        Expr stacks = new Expr.Name(rec.names.claim("_s"));
        String mark = rec.names.claim("_cells");
        String markF = rec.names.claim(mark + "f");
        rec.line(new Statement.Declare(
                "",
                "dev.adjoint.stack.AdjointStacks",
                ((Expr.Name) stacks).id(),
                new Expr.Call(Expr.qualified("dev.adjoint.stack.AdjointStacks"), "forThread", List.of())));
        rec.line(new Statement.Declare("", "int", mark, new Expr.Call(stacks, "doubleCellMark", List.of())));
        rec.line(new Statement.Declare("", "int", markF, new Expr.Call(stacks, "floatCellMark", List.of())));
        List<Expr> args = new ArrayList<>();
        List<Expr> cells = new ArrayList<>();
        List<Expr[]> parents = new ArrayList<>();
        for (int i = 0; i < call.args().size(); i++) {
            Atom arg = call.args().get(i);
            args.add(AtomCode.of(arg));
            if (!c.params().get(i).type().isFloating()) {
                continue;
            }
            boolean f = c.params().get(i).type().prim() == Ty.Prim.FLOAT;
            String cell = rec.names.claim("_g");
            rec.line(new Statement.Declare(
                    "",
                    f ? "dev.adjoint.FloatGrad" : "dev.adjoint.DoubleGrad",
                    cell,
                    new Expr.Call(stacks, f ? "borrowFloatCell" : "borrowDoubleCell", List.of())));
            cells.add(new Expr.Name(cell));
            rec.handleOf(arg)
                    .ifPresent(h -> parents.add(new Expr[] {h, new Expr.Call(new Expr.Name(cell), "get", List.of())}));
        }
        args.add(new Expr.Literal(t.prim() == Ty.Prim.FLOAT ? "1.0f" : "1.0"));
        args.addAll(cells);
        String pullback = c.customPullback() != null ? c.customPullback() : c.adjointName() + "Vjp";
        rec.value(
                a,
                new Expr.Call(
                        Expr.qualified(owner),
                        pullback,
                        Receiver.generatedArgs(c, args, new Expr.Name(Receiver.SELF))));
        // z = Σ g_i · x_i locally: up to MAX_PARENTS parents per node, each further node chained to the last with 1
        Expr last = null;
        int i = 0;
        while (i < parents.size()) {
            List<Expr> edges = new ArrayList<>();
            if (last != null) {
                edges.add(last);
                edges.add(new Expr.Literal("1.0"));
            }
            while (edges.size() < 2 * NodeTerms.MAX_PARENTS && i < parents.size()) {
                edges.add(parents.get(i)[0]);
                edges.add(parents.get(i)[1]);
                i++;
            }
            Expr node = rec.push(edges);
            if (i < parents.size()) {
                String chain = rec.names.claim("_chain");
                rec.node(new Statement.Declare("", "int", chain, node));
                last = new Expr.Name(chain);
            } else {
                rec.assignHandle(a, node);
            }
        }
        if (parents.isEmpty()) {
            rec.assignHandle(a, Expr.qualified(IrRecorder.CONSTANT));
        }
        rec.line(new Statement.Eval(
                new Expr.Call(stacks, "releaseCells", List.of(new Expr.Name(mark), new Expr.Name(markF)))));
    }

    /** The handles of an array argument: an array variable's, or a row's ({@code m_h[i]}). */
    private Optional<Expr> arrayHandles(Atom arg) {
        if (arg instanceof Atom.Var v && v.type().isFloating()) {
            return Optional.of(new Expr.Name(rec.handle(v)));
        }
        if (arg instanceof Atom.Elem e && e.array().type().isFloating()) {
            return Optional.of(AtomCode.element(new Expr.Name(rec.handle(e.array())), e.indices()));
        }
        return Optional.empty();
    }
}
