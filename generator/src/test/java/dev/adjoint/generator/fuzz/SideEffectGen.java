package dev.adjoint.generator.fuzz;

import dev.adjoint.generator.fuzz.ProgramGenerator.Ctx;
import dev.adjoint.generator.fuzz.ProgramGenerator.Feature;
import dev.adjoint.generator.fuzz.ProgramGenerator.Method;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates updates inside expressions (those the desugar pass lowers and those it must leave alone),
 * calls to plain helpers, and library calls without a derivative (see {@link GenState}).
 */
abstract class SideEffectGen extends ExtraGen {
    SideEffectGen(Set<Feature> features, Random r, Ctx ctx, Method sig, List<Method> callees, int budget) {
        super(features, r, ctx, sig, callees, budget);
    }

    /** An update inside an expression that the desugar pass lowers into statements: both strategies must translate it. */
    void sideEffect(int indent) {
        String pad = "    ".repeat(indent);
        Var v = assignableVar();
        List<Arr> writable = arrays.stream().filter(Arr::writable).toList();
        List<Var> others = assignableVars().stream()
                .filter(u -> !u.name().equals(v.name()))
                .toList();
        int kind = r.nextInt(12);
        if ((kind == 4 || kind == 6 || kind == 7 || kind == 8) && writable.isEmpty()
                || kind == 5 && arrays.isEmpty()
                || kind == 9 && others.isEmpty()
                || kind >= 10 && !(has(Feature.LOOPS) && loopDepth < 3 && indent < 9)) {
            kind = r.nextInt(4);
        }
        String i = unique("ix");
        switch (kind) {
            case 0 -> {
                out.append(pad).append("int ").append(i).append(" = k;\n");
                String inc = r.nextBoolean() ? "++" + i : i + "--";
                out.append(pad)
                        .append(v.name())
                        .append(" = ")
                        .append(assignable(
                                v.type(), bounded(new E(v.name() + " + 0.25 * " + expr(1).text() + " * " + inc, T.D))))
                        .append(";\n");
            }
            case 1 -> {
                String t = freshName();
                out.append(pad).append("double ").append(t).append(" = 0;\n");
                scopes.peek().add(new Var(t, T.D, false));
                out.append(pad)
                        .append(v.name())
                        .append(" += ")
                        .append(assignable(
                                v.type(),
                                new E(
                                        "0.5 * Math.tanh(Math.sin(" + t + " = " + expr(2).text() + ") * " + t + ")",
                                        T.D)))
                        .append(";\n");
            }
            case 2 -> {
                Var u = assignableVar();
                out.append(pad)
                        .append("if ((")
                        .append(v.name())
                        .append(" += ")
                        .append(assignable(v.type(), new E("0.5 * Math.tanh(" + expr(2).text() + ")", T.D)))
                        .append(") > 0.2) {\n");
                // (u * f is float when both are: typed double, it drew a redundant (float) cast)
                E f = expr(1);
                out.append(pad)
                        .append("    ")
                        .append(u.name())
                        .append(" = ")
                        .append(assignable(
                                u.type(), bounded(new E(u.name() + " * " + f.text(), promote(u.type(), f.type())))))
                        .append(";\n");
                out.append(pad).append("}\n");
            }
            case 3 -> {
                String j = unique("ix");
                out.append(pad).append("int ").append(i).append(" = n;\n");
                out.append(pad).append("int ").append(j).append(";\n");
                out.append(pad)
                        .append("while ((")
                        .append(j)
                        .append(" = ")
                        .append(i)
                        .append(" * 2) > 2) {\n");
                out.append(pad)
                        .append("    ")
                        .append(v.name())
                        .append(" = ")
                        .append(assignable(
                                v.type(), new E("Math.tanh(" + v.name() + " + " + expr(2).text() + ")", T.D)))
                        .append(";\n");
                out.append(pad).append("    ").append(i).append("--;\n");
                out.append(pad).append("}\n");
            }
            case 4 -> {
                Arr a = writable.get(r.nextInt(writable.size()));
                out.append(pad).append("int ").append(i).append(";\n");
                passive++;
                String idx = index();
                passive--;
                out.append(pad)
                        .append(a.name())
                        .append('[')
                        .append(i)
                        .append(" = ")
                        .append(idx)
                        .append("] = ")
                        .append(assignable(a.elem(), bounded(expr(2))))
                        .append(";\n");
                out.append(pad)
                        .append(v.name())
                        .append(" = ")
                        .append(assignable(
                                v.type(),
                                bounded(new E(
                                        v.name() + " + " + a.name() + "[" + i + "]", promote(v.type(), a.elem())))))
                        .append(";\n");
            }
            case 5 -> {
                Arr a = arrays.get(r.nextInt(arrays.size()));
                passive++;
                String idx = index();
                passive--;
                out.append(pad)
                        .append("int ")
                        .append(i)
                        .append(" = ")
                        .append(idx)
                        .append(";\n");
                String read = a.name() + "[" + i + (r.nextBoolean() ? "++" : "--") + "]";
                E f = expr(1);
                out.append(pad)
                        .append(v.name())
                        .append(" = ")
                        .append(assignable(
                                v.type(),
                                bounded(new E(
                                        v.name() + " + " + read + " * " + f.text(),
                                        promote(promote(v.type(), a.elem()), f.type())))))
                        .append(";\n");
            }
            case 6 -> {
                // ++u0[i] inside an expression: the element changes, the expression reads its new (or old) value
                Arr a = writable.get(r.nextInt(writable.size()));
                passive++;
                String idx = index();
                passive--;
                String e = a.name() + "[" + idx + "]";
                String update = switch (r.nextInt(4)) {
                    case 0 -> "++" + e;
                    case 1 -> "--" + e;
                    case 2 -> e + "++";
                    default -> e + "--";
                };
                E f = expr(1);
                out.append(pad)
                        .append(v.name())
                        .append(" = ")
                        .append(assignable(
                                v.type(), bounded(new E(v.name() + " + 0.25 * " + update + " * " + f.text(), T.D))))
                        .append(";\n");
            }
            case 7 -> {
                // u0[ix++] = e: the index moves on after the write, the read goes back to it
                Arr a = writable.get(r.nextInt(writable.size()));
                passive++;
                String idx = index();
                passive--;
                boolean up = r.nextBoolean();
                out.append(pad)
                        .append("int ")
                        .append(i)
                        .append(" = ")
                        .append(idx)
                        .append(";\n");
                out.append(pad)
                        .append(a.name())
                        .append('[')
                        .append(i)
                        .append(up ? "++" : "--")
                        .append("] = ")
                        .append(assignable(a.elem(), bounded(expr(2))))
                        .append(";\n");
                E f = expr(1);
                String read = a.name() + "[" + i + (up ? " - 1" : " + 1") + "]";
                out.append(pad)
                        .append(v.name())
                        .append(" = ")
                        .append(assignable(
                                v.type(),
                                bounded(new E(
                                        v.name() + " + " + read + " * " + f.text(),
                                        promote(promote(v.type(), a.elem()), f.type())))))
                        .append(";\n");
            }
            case 8 -> {
                // an element's compound assignment in a condition
                Arr a = writable.get(r.nextInt(writable.size()));
                passive++;
                String idx = index();
                passive--;
                Var u = assignableVar();
                out.append(pad)
                        .append("if ((")
                        .append(a.name())
                        .append('[')
                        .append(idx)
                        .append("] += ")
                        .append(assignable(a.elem(), new E("0.5 * Math.tanh(" + expr(2).text() + ")", T.D)))
                        .append(") > 0.2) {\n");
                E f = expr(1);
                out.append(pad)
                        .append("    ")
                        .append(u.name())
                        .append(" = ")
                        .append(assignable(
                                u.type(), bounded(new E(u.name() + " * " + f.text(), promote(u.type(), f.type())))))
                        .append(";\n");
                out.append(pad).append("}\n");
            }
            case 9 -> {
                // (u += e) as an operand: the expression goes on with u's new value
                Var u = others.get(r.nextInt(others.size()));
                E f = expr(1);
                out.append(pad)
                        .append(v.name())
                        .append(" = ")
                        .append(assignable(
                                v.type(),
                                bounded(new E(
                                        v.name() + " + 0.5 * (" + u.name() + " += "
                                                + assignable(
                                                                u.type(),
                                                                new E("0.25 * Math.tanh(" + expr(2).text() + ")", T.D))
                                                        .text()
                                                + ") * " + f.text(),
                                        T.D))))
                        .append(";\n");
            }
            default -> {
                // a loop whose condition updates its counter (or, with data-dependent loops, an active value)
                loop(indent, 10 + r.nextInt(has(Feature.DATA_DEPENDENT_LOOPS) ? 5 : 4));
            }
        }
    }

    /** An update inside an expression that the desugar pass must leave alone: both strategies must reject it at its position. */
    void unlowered(int indent) {
        String pad = "    ".repeat(indent);
        Var v = assignableVar();
        List<Arr> writable = arrays.stream().filter(Arr::writable).toList();
        int kind = r.nextInt(6);
        if (kind == 2 && arrays.isEmpty() || kind == 4 && writable.isEmpty()) {
            kind = r.nextInt(2);
        }
        String i = unique("ix");
        switch (kind) {
            case 0 -> {
                // under &&: it may not happen
                Var u = assignableVar();
                out.append(pad)
                        .append("if (")
                        .append(passiveCondition())
                        .append(" && (")
                        .append(v.name())
                        .append(" += ")
                        .append(assignable(v.type(), new E("0.5 * Math.tanh(" + expr(2).text() + ")", T.D)))
                        .append(") > 0.2) {\n");
                E f = expr(1);
                out.append(pad)
                        .append("    ")
                        .append(u.name())
                        .append(" = ")
                        .append(assignable(
                                u.type(), bounded(new E(u.name() + " * " + f.text(), promote(u.type(), f.type())))))
                        .append(";\n");
                out.append(pad).append("}\n");
            }
            case 1 -> {
                // under ||
                out.append(pad).append("int ").append(i).append(" = n;\n");
                out.append(pad)
                        .append("if (k == ")
                        .append(r.nextInt(4))
                        .append(" || ")
                        .append(r.nextBoolean() ? i + "-- > 1" : "--" + i + " > 1")
                        .append(") {\n");
                E f = expr(1);
                out.append(pad)
                        .append("    ")
                        .append(v.name())
                        .append(" = ")
                        .append(assignable(
                                v.type(), bounded(new E(v.name() + " + 0.25 * " + i + " * " + f.text(), T.D))))
                        .append(";\n");
                out.append(pad).append("}\n");
            }
            case 2 -> {
                // under ?:
                Arr a = arrays.get(r.nextInt(arrays.size()));
                passive++;
                String idx = index();
                passive--;
                out.append(pad)
                        .append("int ")
                        .append(i)
                        .append(" = ")
                        .append(idx)
                        .append(";\n");
                E f = expr(1);
                E yes = assignable(
                        v.type(),
                        bounded(new E(
                                v.name() + " + " + a.name() + "[" + i + "++] * " + f.text(),
                                promote(promote(v.type(), a.elem()), f.type()))));
                E no = assignable(v.type(), bounded(new E(v.name() + " - " + f.text(), promote(v.type(), f.type()))));
                out.append(pad)
                        .append(v.name())
                        .append(" = ")
                        .append(passiveCondition())
                        .append(" ? ")
                        .append(yes)
                        .append(" : ")
                        .append(no)
                        .append(";\n");
            }
            case 3 -> {
                // the variable read before its update in the same expression
                out.append(pad).append("int ").append(i).append(" = k;\n");
                String both = r.nextBoolean() ? "(" + i + " + " + i + "++)" : "(" + i + " * ++" + i + ")";
                E f = expr(1);
                out.append(pad)
                        .append(v.name())
                        .append(" = ")
                        .append(assignable(
                                v.type(), bounded(new E(v.name() + " + 0.25 * " + both + " * " + f.text(), T.D))))
                        .append(";\n");
            }
            case 4 -> {
                // the array read before its element's update in the same expression
                Arr a = writable.get(r.nextInt(writable.size()));
                passive++;
                String i1 = index();
                String i2 = index();
                passive--;
                E f = expr(1);
                out.append(pad)
                        .append(v.name())
                        .append(" = ")
                        .append(assignable(
                                v.type(),
                                bounded(new E(
                                        v.name() + " + 0.25 * " + a.name() + "[" + i1 + "] * ++" + a.name() + "[" + i2
                                                + "] * " + f.text(),
                                        T.D))))
                        .append(";\n");
            }
            default -> {
                // a do loop whose condition updates and whose body continues: the update would be skipped
                Var u = assignableVar();
                out.append(pad).append("{\n");
                out.append(pad).append("    int ").append(i).append(" = 0;\n");
                out.append(pad).append("    do {\n");
                out.append(pad)
                        .append("        ")
                        .append(v.name())
                        .append(" = ")
                        .append(assignable(
                                v.type(), new E("Math.tanh(" + expr(2).text() + " + " + v.name() + ")", T.D)))
                        .append(";\n");
                out.append(pad)
                        .append("        if (")
                        .append(passiveCondition())
                        .append(") {\n");
                out.append(pad).append("            continue;\n");
                out.append(pad).append("        }\n");
                E f = expr(1);
                out.append(pad)
                        .append("        ")
                        .append(u.name())
                        .append(" = ")
                        .append(assignable(u.type(), new E("Math.tanh(" + u.name() + " * " + f.text() + ")", T.D)))
                        .append(";\n");
                out.append(pad)
                        .append("    } while (")
                        .append(r.nextBoolean() ? "++" + i + " < n" : i + "++ < n - 1")
                        .append(");\n");
                out.append(pad).append("}\n");
            }
        }
    }

    /** A call to a plain helper of the class with a differentiated array or value: inlined, so both strategies translate it. */
    void plainArrayHelper(String pad) {
        if (!sig.owner().isEmpty()) {
            return; // the helpers are the top-level class's: a nested class calls them, it does not inline them
        }
        List<Arr> doubles = arrays.stream().filter(a -> a.elem() == T.D).toList();
        List<Arr> into = doubles.stream().filter(Arr::writable).toList();
        int kind = r.nextInt(6);
        if ((kind == 0 || kind == 3) && into.isEmpty() || (kind == 1 || kind == 4) && doubles.isEmpty()) {
            kind = r.nextBoolean() ? 2 : 5;
        }
        Var v = assignableVar();
        switch (kind) {
            case 0 -> {
                Arr dst = into.get(r.nextInt(into.size()));
                Arr src = doubles.get(r.nextInt(doubles.size()));
                String k = r.nextBoolean() ? "0.5" : bounded(expr(1)).text();
                out.append(pad)
                        .append(ctx.own("scaleInto"))
                        .append('(')
                        .append(src.name())
                        .append(", ")
                        .append(dst.name())
                        .append(", ")
                        .append(k)
                        .append(");\n");
                readBack(pad, dst);
            }
            case 1 -> {
                Arr a = doubles.get(r.nextInt(doubles.size()));
                out.append(pad)
                        .append(v.name())
                        .append(" = ")
                        .append(assignable(
                                v.type(),
                                bounded(new E(v.name() + " + 0.25 * " + ctx.own("sumOf") + "(" + a.name() + ")", T.D))))
                        .append(";\n");
            }
            case 3 -> {
                Arr y = into.get(r.nextInt(into.size()));
                String k = r.nextBoolean() ? "0.5" : bounded(expr(1)).text();
                // the same array for both parameters: y[i] += k * y[i]
                out.append(pad)
                        .append(ctx.own("axpy"))
                        .append('(')
                        .append(k)
                        .append(", ")
                        .append(y.name())
                        .append(", ")
                        .append(y.name())
                        .append(");\n");
                readBack(pad, y);
            }
            case 4 -> {
                Arr a = doubles.get(r.nextInt(doubles.size()));
                String c = "sc" + extraNames++;
                out.append(pad)
                        .append("double[] ")
                        .append(c)
                        .append(" = ")
                        .append(ctx.own(r.nextBoolean() ? "scaled" : "headOrScaled"))
                        .append('(')
                        .append(a.name())
                        .append(", ")
                        .append(r.nextBoolean() ? "0.5" : bounded(expr(1)).text())
                        .append(");\n");
                out.append(pad)
                        .append(v.name())
                        .append(" = ")
                        .append(assignable(
                                v.type(),
                                bounded(new E(
                                        v.name() + " + 0.25 * " + c + "[0] * " + c + "[" + c + ".length - 1]", T.D))))
                        .append(";\n");
            }
            case 5 ->
                out.append(pad)
                        .append(v.name())
                        .append(" = ")
                        .append(assignable(
                                v.type(),
                                bounded(new E(
                                        v.name() + " + " + ctx.own("clampLow") + "(" + expr(2).text() + ", -0.5)",
                                        T.D))))
                        .append(";\n");
            default ->
                out.append(pad)
                        .append(v.name())
                        .append(" = ")
                        .append(assignable(
                                v.type(),
                                bounded(new E(v.name() + " + " + ctx.own("twice") + "(" + expr(2).text() + ")", T.D))))
                        .append(";\n");
        }
    }

    /** A library call without a derivative on a differentiated value: to be rejected by both strategies. */
    void unmodelledCall(String pad) {
        List<Arr> writable = arrays.stream().filter(Arr::writable).toList();
        List<Arr> doubles = arrays.stream().filter(a -> a.elem() == T.D).toList();
        String lib = r.nextBoolean() ? "Arrays" : "java.util.Arrays";
        int kind = r.nextInt(3);
        if (kind == 0 && writable.isEmpty() || kind == 2 && doubles.isEmpty()) {
            kind = 1;
        }
        Var v = assignableVar();
        switch (kind) {
            case 0 -> {
                Arr a = writable.get(r.nextInt(writable.size()));
                out.append(pad).append(lib).append(".sort(").append(a.name()).append(");\n");
                readBack(pad, a);
            }
            case 1 ->
                out.append(pad)
                        .append(v.name())
                        .append(" = ")
                        .append(assignable(
                                v.type(),
                                bounded(new E(
                                        v.name() + " + 0.5 * Double.compare(" + expr(2).text() + ", " + expr(1).text()
                                                + ")",
                                        T.D))))
                        .append(";\n");
            default -> {
                Arr a = doubles.get(r.nextInt(doubles.size()));
                String reduce = r.nextBoolean() ? ".sum()" : ".max().getAsDouble()";
                out.append(pad)
                        .append(v.name())
                        .append(" = ")
                        .append(assignable(
                                v.type(),
                                bounded(new E(
                                        v.name() + " + 0.25 * " + lib + ".stream(" + a.name() + ")" + reduce, T.D))))
                        .append(";\n");
            }
        }
    }
}
