package dev.adjoint.generator.fuzz;

import dev.adjoint.generator.fuzz.ProgramGenerator.Ctx;
import dev.adjoint.generator.fuzz.ProgramGenerator.Feature;
import dev.adjoint.generator.fuzz.ProgramGenerator.Method;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates the tables extra ({@link Feature#TABLES_AND_INDEX_TABLES}): static tables and index
 * tables read through the class's helpers, filled from active values (see {@link GenState}).
 */
abstract class TableGen extends SwitchGen {
    TableGen(Set<Feature> features, Random r, Ctx ctx, Method sig, List<Method> callees, int budget) {
        super(features, r, ctx, sig, callees, budget);
    }

    /** See {@link Feature#TABLES_AND_INDEX_TABLES}: the table's values come from active expressions, the result goes to a variable. */
    void tables(int indent) {
        if (!sig.owner().isEmpty()) {
            return; // the helpers are the top-level class's
        }
        String pad = "    ".repeat(indent);
        String in = pad + "    ";
        String in2 = in + "    ";
        int id = extraNames++;
        String t = "lt" + id;
        String o = "lo" + id;
        String mk = "lm" + id;
        String h = "lh" + id;
        String w = "lw" + id;
        String rr = "lr" + id;
        String c = "lc" + id;
        int rows = 2 + r.nextInt(2);
        int shift = r.nextInt(4);
        Var v = assignableVar();
        E fill = bounded(expr(1));
        E k = bounded(expr(1));
        out.append(pad)
                .append("double[][] ")
                .append(t)
                .append(" = new double[")
                .append(rows)
                .append("][4];\n");
        out.append(pad).append("int[] ").append(o).append(" = new int[4];\n");
        out.append(pad).append("boolean[] ").append(mk).append(" = new boolean[4];\n");
        out.append(pad)
                .append("int[] ")
                .append(h)
                .append(" = new int[")
                .append(rows)
                .append("];\n");
        out.append(pad)
                .append("for (int ")
                .append(rr)
                .append(" = 0; ")
                .append(rr)
                .append(" < ")
                .append(rows)
                .append("; ")
                .append(rr)
                .append("++) {\n");
        out.append(in)
                .append("for (int ")
                .append(c)
                .append(" = 0; ")
                .append(c)
                .append(" < 4; ")
                .append(c)
                .append("++) {\n");
        out.append(in2)
                .append(t)
                .append('[')
                .append(rr)
                .append("][")
                .append(c)
                .append("] = ")
                .append(fill.text())
                .append(" * (")
                .append(c)
                .append(" + 1) - ")
                .append(rr)
                .append(" * 0.25;\n");
        out.append(in).append("}\n");
        out.append(pad).append("}\n");
        out.append(pad)
                .append("for (int ")
                .append(c)
                .append(" = 0; ")
                .append(c)
                .append(" < 4; ")
                .append(c)
                .append("++) {\n");
        out.append(in)
                .append(o)
                .append('[')
                .append(c)
                .append("] = (")
                .append(c)
                .append(" * 3 + ")
                .append(shift)
                .append(") % 4;\n");
        out.append(in)
                .append(mk)
                .append('[')
                .append(c)
                .append("] = ")
                .append(t)
                .append("[0][")
                .append(c)
                .append("] > ")
                .append(t)
                .append('[')
                .append(rows - 1)
                .append("][")
                .append(c)
                .append("];\n");
        out.append(pad).append("}\n");
        out.append(pad)
                .append("for (int ")
                .append(rr)
                .append(" = 0; ")
                .append(rr)
                .append(" < ")
                .append(rows)
                .append("; ")
                .append(rr)
                .append("++) {\n");
        out.append(in)
                .append("double[] ")
                .append(w)
                .append(" = new double[")
                .append(t)
                .append('[')
                .append(rr)
                .append("].length];\n");
        out.append(in)
                .append("for (int ")
                .append(c)
                .append(" = 0; ")
                .append(c)
                .append(" < ")
                .append(w)
                .append(".length; ")
                .append(c)
                .append("++) {\n");
        out.append(in2)
                .append(w)
                .append('[')
                .append(c)
                .append("] = ")
                .append(t)
                .append('[')
                .append(rr)
                .append("][")
                .append(o)
                .append('[')
                .append(c)
                .append("]] * (")
                .append(mk)
                .append('[')
                .append(c)
                .append("] ? 1.5 : -0.5);\n");
        out.append(in).append("}\n");
        out.append(in)
                .append(h)
                .append("[(")
                .append(rr)
                .append(" + ")
                .append(o)
                .append('[')
                .append(rr)
                .append("]) % ")
                .append(rows)
                .append("]++;\n");
        E sum = new E(
                v.name() + " + 0.25 * " + ctx.own("rowDamp") + "(" + t + "[" + rr + "], " + k.text() + ") * " + h + "["
                        + rr
                        + "] + " + w + "[" + rr + " % " + w + ".length] * " + ctx.own("rowSquares") + "(" + t + "[("
                        + rr + " + 1) % " + rows
                        + "]) * 0.125",
                T.D);
        out.append(in)
                .append(v.name())
                .append(" = ")
                .append(assignable(v.type(), new E("Math.tanh(" + sum.text() + ")", T.D))
                        .text())
                .append(";\n");
        out.append(in)
                .append(o)
                .append('[')
                .append(rr)
                .append("] = ")
                .append(o)
                .append("[(")
                .append(rr)
                .append(" + 1) % 4];\n");
        out.append(in)
                .append(mk)
                .append('[')
                .append(rr)
                .append("] = !")
                .append(mk)
                .append('[')
                .append(rr)
                .append("];\n");
        out.append(pad).append("}\n");
    }
}
