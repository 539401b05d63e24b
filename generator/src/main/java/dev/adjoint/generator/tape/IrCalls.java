package dev.adjoint.generator.tape;

import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.AtomCode;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.normalize.Lowering;
import dev.adjoint.generator.objects.Receiver;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Records a call of a {@code @Differentiable} method of the normalized form ({@link Op.Call}):
 * through the callee's own {@code Record} method, each floating-point argument followed by its
 * handle and each floating-point array by its handle array (the protocol {@link CallRecorder}
 * follows), the result's handle read from {@code tape.result()}. A recursive call is the
 * method's own {@code Record}: the tape records each level as it runs.
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
        if (c.customPullback() != null || !rec.index.classpath().hasRecorder(c)) {
            rec.error(a.origin(), "a call to '" + c.name() + "', which has a pullback and no recorder");
            return;
        }
        if (!a.target().type().isFloatingScalar()) {
            rec.error(a.origin(), "a call to '" + c.name() + "' whose result is not a floating-point number");
            return;
        }
        Optional<String> owner = scope.spelling().callee(c);
        if (owner.isEmpty()) {
            rec.error(a.origin(), "a call to '" + c.name() + "' that the generated code cannot name");
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
                    rec.error(a.origin(), "an array argument '" + arg.java() + "' to '" + c.name() + "'");
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
