package dev.adjoint.generator.forward;

import dev.adjoint.generator.ir.Ty;
import dev.adjoint.generator.reverse.Code;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.Param;
import java.util.ArrayList;
import java.util.List;

/**
 * The tangent of a scalar method {@code f} printed as a plain Java method that the reverse
 * pipeline differentiates again: Hessian-vector products by reverse over forward.
 *
 * <p>{@code pair(x, v) = {f(x), ∇f(x)·v}}. Its vector-Jacobian product with seed {@code {0, 1}}
 * is the gradient of {@code g(x, v) = ∇f(x)·v}: {@code ∂g/∂x = H(x)·v} (H symmetric) and
 * {@code ∂g/∂v = ∇f(x)}. So one reverse sweep over one tangent sweep gives the value, the gradient
 * and {@code H·v}; the cost is that of a gradient of a function about twice as long as {@code f}.
 */
public final class HvpSource {
    private HvpSource() {}

    /**
     * The source of {@code @Differentiable(wrt = {...}) static R[] name(p1, ..., pn, t1, ...)},
     * differentiated with respect to {@code f}'s wrt parameters and every tangent.
     *
     * @param pair a name no variable of the method uses, for the returned pair
     * @throws TangentSweep.Unsupported when the tangent calls other methods (their {@code Jvp}
     *     is not plain Java the reverse pipeline can differentiate)
     */
    public static String method(JvpMethod j, String name, String pair) {
        MethodRequest r = j.request();
        if (j.calls()) {
            throw new TangentSweep.Unsupported("'" + r.name() + "' calls another method");
        }
        if (r.result().isArray()) {
            throw new TangentSweep.Unsupported("'" + r.name() + "' returns an array");
        }
        List<String> params = new ArrayList<>();
        List<String> wrt = new ArrayList<>();
        for (Param p : r.params()) {
            params.add(p.type().java() + " " + p.name());
            if (p.wrt()) {
                wrt.add('"' + p.name() + '"');
            }
        }
        int i = 0;
        for (Param p : r.wrtParams()) {
            String t = j.tangentNames().get(i++);
            params.add(p.type().java() + " " + t);
            wrt.add('"' + t + '"');
        }
        Ty rt = r.result();
        StringBuilder sb = new StringBuilder();
        sb.append("@dev.adjoint.Differentiable(wrt = {").append(String.join(", ", wrt)).append("}, strategy = dev.adjoint.Strategy.STATIC)\n");
        sb.append("static ").append(rt.java()).append("[] ").append(name).append("(").append(String.join(", ", params)).append(") {\n");
        print(j.sweep(), sb, "    ");
        sb.append("    ").append(rt.java()).append("[] ").append(pair).append(" = new ").append(rt.java()).append("[2];\n");
        sb.append("    ").append(pair).append("[0] = ").append(j.value()).append(";\n");
        sb.append("    ").append(pair).append("[1] = ").append(j.tangent() == null ? rt.zero() : j.tangent()).append(";\n");
        sb.append("    return ").append(pair).append(";\n}\n");
        // the adjoint class reads constants of enclosing classes qualified; the method, inside the owner, by simple name
        String text = sb.toString();
        for (var e : r.staticFieldOwners().entrySet()) {
            if (!e.getValue().equals(e.getKey()) && e.getValue().matches("[\\w.]+\\." + e.getKey())) {
                text = text.replaceAll("(?<![\\w.])" + java.util.regex.Pattern.quote(e.getValue()) + "(?![\\w])", e.getKey());
            }
        }
        return text;
    }

    private static void print(List<Code> codes, StringBuilder sb, String indent) {
        for (Code c : codes) {
            if (c instanceof Code.Line l) {
                sb.append(indent).append(l.text()).append(";\n");
            } else if (c instanceof Code.Raw raw) {
                sb.append(raw.text()).append('\n');
            } else if (c instanceof Code.Branch b) {
                sb.append(indent).append("if (").append(b.cond()).append(") {\n");
                print(b.then(), sb, indent + "    ");
                if (!b.otherwise().isEmpty()) {
                    sb.append(indent).append("} else {\n");
                    print(b.otherwise(), sb, indent + "    ");
                }
                sb.append(indent).append("}\n");
            } else if (c instanceof Code.Loop l) {
                sb.append(indent).append(l.header()).append(" {\n");
                print(l.body(), sb, indent + "    ");
                sb.append(indent).append("}\n");
            }
        }
    }
}
