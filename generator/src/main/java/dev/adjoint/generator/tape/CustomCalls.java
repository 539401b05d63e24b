package dev.adjoint.generator.tape;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.Param;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.List;

/**
 * The tape's recording of a call to a method with a {@code @CustomDerivative} pullback (the value
 * recorder's one kind of call that is not a rule), and of a call to a compiled method of the
 * classpath whose adjoint has no recorder: its {@code Vjp} has a pullback's signature.
 */
final class CustomCalls {
    private CustomCalls() {}

    /**
     * A call to a method with a user-supplied pullback: the pullback, seeded with 1, gives the
     * value and the local partials, which become one node (a chain of nodes past three).
     */
    static ValueRecorder.Value record(ValueRecorder r, MethodCallExpr m, MethodRequest c, Ty t) {
        RecorderState st = r.st;
        String owner = r.calls.calleeClass(m, c);
        String stacks = st.temp("s");
        String mark = st.temp("cells");
        String markF = st.scope.claim(mark + "f");
        st.statement("dev.adjoint.stack.AdjointStacks " + stacks + " = dev.adjoint.stack.AdjointStacks.forThread();");
        st.statement("int " + mark + " = " + stacks + ".doubleCellMark();");
        st.statement("int " + markF + " = " + stacks + ".floatCellMark();");
        List<String> args = new ArrayList<>();
        List<String> buffers = new ArrayList<>();
        List<String[]> parents = new ArrayList<>();
        for (int i = 0; i < m.getArguments().size(); i++) {
            Param p = c.params().get(i);
            Expression a = m.getArgument(i);
            if (p.type().isArray() || (p.type().isFloating() && !p.wrt())) {
                st.error(
                        a,
                        c.customPullback() != null
                                ? "the tape strategy passes only scalars to the custom derivative of '" + c.name() + "'"
                                : "the call to compiled method '" + c.name()
                                        + "' hands it an array, or a value outside its wrt, which the tape"
                                        + " strategy records only through " + c.adjointName()
                                        + "Record, and its adjoint " + c.adjointQualifiedName()
                                        + " on the classpath has none (a module generates it for a method on the tape, or one a taped method calls);"
                                        + " mark '" + c.name()
                                        + "' strategy = TAPE in its module and rebuild that, or, when neither method writes the"
                                        + " array, let the static strategy take this one");
                return r.constant("0", t);
            }
            if (!p.type().isFloating()) {
                args.add(r.passive.text(a));
                continue;
            }
            ValueRecorder.Value v = r.convert(r.value(a), p.type());
            args.add(v.value());
            String cell = st.temp("g");
            boolean f = p.type().prim() == Ty.Prim.FLOAT;
            st.statement((f ? "dev.adjoint.FloatGrad " : "dev.adjoint.DoubleGrad ") + cell + " = " + stacks
                    + (f ? ".borrowFloatCell();" : ".borrowDoubleCell();"));
            buffers.add(cell);
            parents.add(new String[] {r.handle(v), cell + ".get()"});
        }
        args.add(t.prim() == Ty.Prim.FLOAT ? "1.0f" : "1.0");
        args.addAll(buffers);
        r.pending.flush();
        String z = st.temp("v");
        String pullback = c.customPullback() != null ? c.customPullback() : c.adjointName() + "Vjp";
        st.statement(t.java() + " " + z + " = " + owner + "." + pullback + "(" + String.join(", ", args) + ");");
        String h = st.handle(z);
        if (parents.isEmpty()) {
            st.statement("int " + h + " = dev.adjoint.tape.Tape.CONSTANT;");
        } else {
            // z = Σ g_i · x_i locally: up to three parents per node, chained with partial 1
            String acc = null;
            int i = 0;
            while (i < parents.size()) {
                List<String> ps = new ArrayList<>();
                if (acc != null) {
                    ps.add(acc + ", 1.0");
                }
                while (ps.size() < 3 && i < parents.size()) {
                    ps.add(parents.get(i)[0] + ", " + parents.get(i)[1]);
                    i++;
                }
                String next = i >= parents.size() ? h : st.temp("chain");
                st.node("int " + next + " = " + st.push(ps.size()) + "(" + String.join(", ", ps) + ");");
                acc = next;
            }
        }
        st.statement(stacks + ".releaseCells(" + mark + ", " + markF + ");");
        return new ValueRecorder.Value(z, h, t);
    }
}
