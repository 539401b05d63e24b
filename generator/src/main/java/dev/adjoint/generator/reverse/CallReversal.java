package dev.adjoint.generator.reverse;

import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Ty;
import dev.adjoint.generator.objects.Receiver;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.Param;
import dev.adjoint.generator.code.Statement;
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
        List<String> args = new ArrayList<>(call.args().stream().map(Atom::java).toList());
        args.add(dz);
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
                    args.add(sw.adjoint((Atom.Var) arg));
                } else if (p.type().dims() == 1) {
                    sw.usesStack = true;
                    args.add(sw.stack + ".discard" + (p.type().prim() == Ty.Prim.FLOAT ? "Floats" : "Doubles") + "(" + arg.java() + ".length)");
                } else {
                    args.add("dev.adjoint.Gradients.like(" + arg.java() + ")");
                }
            } else {
                if (!cells) {
                    cells = true;
                    sw.usesStack = true;
                    mark = sw.claim("_cells");
                    reverse.add(new Code.Line("int " + mark + " = " + sw.stack + ".doubleCellMark()"));
                    reverse.add(new Code.Line("int " + mark + "f = " + sw.stack + ".floatCellMark()"));
                }
                String cell = sw.claim("_g");
                boolean isFloat = p.type().prim() == Ty.Prim.FLOAT;
                reverse.add(new Code.Line((isFloat ? "dev.adjoint.FloatGrad " : "dev.adjoint.DoubleGrad ") + cell + " = " + sw.stack
                        + (isFloat ? ".borrowFloatCell()" : ".borrowDoubleCell()")));
                args.add(cell);
                if (active) {
                    after.add(new Code.Line(sw.adjointOf(arg) + " += " + cell + ".get()"));
                }
            }
        }
        // normalize reported a call whose class every spelling hides
        String owner = sw.spelling.callee(callee).orElseThrow();
        String pullback = owner + "." + (callee.customPullback() != null ? callee.customPullback() : callee.adjointName() + "Vjp");
        boolean generated = callee.customPullback() == null; // (a pullback is the user's code: it uses no stacks)
        if (generated) {
            reverse.add(new Code.Line(new Statement.Handover(true)));
        }
        reverse.add(new Code.Line(pullback + "(" + String.join(", ", Receiver.generatedArgs(callee, args)) + ")"));
        if (generated) {
            reverse.add(new Code.Line(new Statement.Handover(false)));
        }
        reverse.addAll(after);
        if (cells) {
            reverse.add(new Code.Line(sw.stack + ".releaseCells(" + mark + ", " + mark + "f)"));
        }
    }
}
