package dev.adjoint.generator.forward;

import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.Param;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.List;

/**
 * The Hvp's tangent as the generator printed it before it built the declaration as nodes
 * ({@link HvpSource#method}): Java text from the code model's printer, which JavaParser parsed.
 * Kept as the oracle of that translation (the test parses it; the generator no longer does).
 */
public final class TangentText {
    private TangentText() {}

    /** The text of the declaration {@link HvpSource#method} builds. */
    public static String method(JvpMethod j, boolean asCallee) {
        MethodRequest r = j.request();
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
        sb.append("@dev.adjoint.Differentiable(wrt = {")
                .append(String.join(", ", wrt))
                .append("}, strategy = dev.adjoint.Strategy.STATIC)\n");
        sb.append("static ")
                .append(rt.java())
                .append(asCallee ? " " : "[] ")
                .append(asCallee ? HvpSource.tangentName(r) : HvpSource.pairName(r))
                .append("(")
                .append(String.join(", ", params))
                .append(") {\n");
        List<Code> end = asCallee ? HvpSource.tangentEnd(j) : HvpSource.end(j);
        List<Code> all = new ArrayList<>();
        if (!asCallee && PairExits.any(j.sweep())) {
            all.add(end.get(0));
            end = end.subList(1, end.size());
        }
        all.addAll(PairExits.complete(j.sweep(), end));
        all.addAll(end);
        print(all, sb, "    ");
        sb.append("}\n");
        return sb.toString();
    }

    /** The body as the code model's printer writes it; comments dropped, as they were. */
    public static void print(List<Code> codes, StringBuilder sb, String indent) {
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
