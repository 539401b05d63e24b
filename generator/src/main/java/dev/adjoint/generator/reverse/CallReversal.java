package dev.adjoint.generator.reverse;

import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.Statement;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.AtomCode;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.objects.Receiver;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.Param;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.List;

/** The reverse of a call to another {@code @Differentiable} method: its adjoint (or pullback), called with the seed. */
final class CallReversal {
    private CallReversal() {}

    /**
     * The reverse of {@code z = g(args)}: call {@code g}'s generated adjoint with seed
     * {@code dz}, which adds into the arguments' adjoints (arrays directly, scalars through pooled
     * cells).
     */
    static void reverse(Op.Call call, String dz, Sweep sw, List<Code> reverse) {
        MethodRequest callee = call.callee();
        List<Expr> args = new ArrayList<>(call.args().stream().map(AtomCode::of).toList());
        args.add(new Expr.Name(dz));
        List<Code> after = new ArrayList<>();
        boolean cells = false;
        String mark = null;
        for (int i = 0; i < callee.params().size(); i++) {
            Param p = callee.params().get(i);
            if (!p.wrt()) {
                continue;
            }
            Atom arg = call.args().get(i);
            boolean active = sw.an.isActive(arg);
            if (p.type().isArray()) {
                if (active) {
                    args.add(Accumulation.adjointOf(sw, arg)); // a variable's, or a row's (dX[i])
                } else if (p.type().dims() == 1) {
                    sw.usesStack = true;
                    Expr length = new Expr.Field(AtomCode.of(arg), "length");
                    args.add(new Expr.Call(
                            new Expr.Name(sw.stack),
                            "discard" + (p.type().prim() == Ty.Prim.FLOAT ? "Floats" : "Doubles"),
                            List.of(length)));
                } else {
                    args.add(new Expr.Call(Expr.qualified("dev.adjoint.Gradients"), "like", List.of(AtomCode.of(arg))));
                }
            } else {
                if (!cells) {
                    cells = true;
                    sw.usesStack = true;
                    mark = sw.claim("_cells");
                    reverse.add(new Code.Line(new Statement.Declare("", "int", mark, stackCall(sw, "doubleCellMark"))));
                    reverse.add(new Code.Line(
                            new Statement.Declare("", "int", mark + "f", stackCall(sw, "floatCellMark"))));
                }
                String cell = sw.claim("_g");
                boolean isFloat = p.type().prim() == Ty.Prim.FLOAT;
                reverse.add(new Code.Line(new Statement.Declare(
                        "",
                        isFloat ? "dev.adjoint.FloatGrad" : "dev.adjoint.DoubleGrad",
                        cell,
                        stackCall(sw, isFloat ? "borrowFloatCell" : "borrowDoubleCell"))));
                args.add(new Expr.Name(cell));
                if (active) {
                    Expr got = new Expr.Call(new Expr.Name(cell), "get", List.of());
                    after.add(new Code.Line(
                            new Statement.Eval(new Expr.Assign(Accumulation.adjointOf(sw, arg), "+=", got))));
                }
            }
        }
        // normalize reported a call whose class every spelling hides
        String owner = sw.spelling.callee(callee).orElseThrow();
        String pullback = callee.customPullback() != null ? callee.customPullback() : callee.adjointName() + "Vjp";
        boolean generated = callee.customPullback() == null; // (a pullback is the user's code: it uses no stacks)
        if (generated) {
            reverse.add(new Code.Line(new Statement.Handover(true)));
        }
        reverse.add(new Code.Line(new Statement.Eval(new Expr.Call(
                Expr.qualified(owner), pullback, Receiver.generatedArgs(callee, args, new Expr.Name(Receiver.SELF))))));
        if (generated) {
            reverse.add(new Code.Line(new Statement.Handover(false)));
        }
        reverse.addAll(after);
        if (cells) {
            Expr release = new Expr.Call(
                    new Expr.Name(sw.stack), "releaseCells", List.of(new Expr.Name(mark), new Expr.Name(mark + "f")));
            reverse.add(new Code.Line(new Statement.Eval(release)));
        }
    }

    /** {@code _stack.name()}: a call on the thread's stacks. */
    private static Expr stackCall(Sweep sw, String name) {
        return new Expr.Call(new Expr.Name(sw.stack), name, List.of());
    }
}
