package dev.adjoint.generator.forward;

import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.Statement;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Stmt;
import java.util.ArrayList;
import java.util.List;

/**
 * Early exits in the tangent built as a Java method for {@code Hvp} ({@link HvpSource}).
 *
 * <p>Lowering turns {@code if (c) return a; double[] t = new double[n]; ...} into
 * {@code if (c) {...} if (!returned) { t = new double[n]; ... }}: the array is created inside a
 * block, which the static strategy does not take when it differentiates the tangent again (it follows
 * local arrays created once, at the method's top level, early returns allowed). So where the last
 * statement of the top level is such an if without else, the tangent prints it as Java would:
 * {@code if (!(cond)) return; ...}, the rest of the method back at the top level. The bare
 * {@code return} stands for the end, which differs between the pair and the callee's tangent:
 * {@link #complete} puts it in.
 */
final class PairExits {
    private PairExits() {}

    /**
     * Whether the trailing if {@code i} of the top level is printed as an early exit: it has no
     * else, and its block (or the trailing if of that block, and so on) creates an array.
     */
    static boolean exitsEarly(Stmt.If i) {
        if (!i.otherwise().isEmpty()) {
            return false;
        }
        for (Stmt s : i.then()) {
            if (s instanceof Stmt.Assign a && a.op() instanceof Op.NewArray) {
                return true;
            }
        }
        return !i.then().isEmpty() && i.then().get(i.then().size() - 1) instanceof Stmt.If inner && exitsEarly(inner);
    }

    /** The early exit of the sweep: {@code return}, completed by {@link #complete}. */
    static Code exit() {
        return new Code.Line(new Statement.Return(null));
    }

    /** Whether {@code sweep} exits early anywhere. */
    static boolean any(List<Code> sweep) {
        return !complete(sweep, List.of()).equals(sweep);
    }

    /** {@code sweep} with each early exit ({@link #exit}) replaced by {@code end}, which returns. */
    static List<Code> complete(List<Code> sweep, List<Code> end) {
        List<Code> out = new ArrayList<>();
        for (Code c : sweep) {
            if (c instanceof Code.Line l && l.statement() instanceof Statement.Return r && r.value() == null) {
                out.addAll(end);
            } else if (c instanceof Code.Branch b) {
                out.add(new Code.Branch(b.cond(), complete(b.then(), end), complete(b.otherwise(), end)));
            } else if (c instanceof Code.Loop l) {
                out.add(new Code.Loop(l.header(), complete(l.body(), end)));
            } else {
                out.add(c);
            }
        }
        return out;
    }
}
