package dev.adjoint.generator.fuzz;

import dev.adjoint.generator.fuzz.ProgramGenerator.Ctx;
import dev.adjoint.generator.fuzz.ProgramGenerator.Feature;
import dev.adjoint.generator.fuzz.ProgramGenerator.Kind;
import dev.adjoint.generator.fuzz.ProgramGenerator.Method;
import dev.adjoint.generator.fuzz.ProgramGenerator.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Generates one method's body template: its locals, statements and result (see {@link GenState}). */
final class MethodGen extends SideEffectGen {
    MethodGen(Set<Feature> features, Random r, Ctx ctx, Method sig, List<Method> callees, int budget) {
        super(features, r, ctx, sig, callees, budget);
    }

    String generate() {
        List<Var> top = new ArrayList<>();
        scopes.push(top);
        for (Param p : sig.params()) {
            switch (p.kind()) {
                case DOUBLE -> {
                    if (p.name().equals("p")) {
                        hasP = true;
                        top.add(new Var(p.name(), T.D, false));
                    } else {
                        top.add(new Var(p.name(), T.D, true));
                    }
                }
                case FLOAT -> top.add(new Var(p.name(), T.F, true));
                // only m writes parameter arrays, and then not all of them: an array passed to a callee is one
                // that no one writes (the README's 'arrays passed through read-only')
                case DOUBLE_ARRAY, FLOAT_ARRAY -> {
                    boolean writable = sig.base().equals("m") && has(Feature.PARAMETER_ARRAY_WRITES) && r.nextBoolean();
                    arrays.add(new Arr(
                            p.name(), p.kind() == Kind.DOUBLE_ARRAY ? T.D : T.F, writable, !writable && !p.wrt()));
                }
                default -> {}
            }
        }
        String pad = "        ";
        out.append(pad).append("int k = n - 1;\n");
        if (sig.base().equals("m")
                && (ctx.extras().contains(Feature.ARROW_SWITCHES)
                        || ctx.extras().contains(Feature.SWITCH_EXPRESSIONS)
                        || ctx.extras().contains(Feature.CLASSIC_SWITCHES))) {
            // a String selector for some switches (declared at the top; some switch arms assign it again)
            out.append(pad).append("String key = n % 3 == 0 ? \"a\" : n % 3 == 1 ? \"c\" : \"e\";\n");
            // and an enum selector, of an enum the file declares (see MODE)
            out.append(pad).append("Mode mode = n % 3 == 0 ? Mode.ONE : n % 3 == 1 ? Mode.THREE : Mode.ZERO;\n");
            keyDeclared = true;
        }
        int locals = r.nextInt(3);
        for (int i = 0; i < locals; i++) {
            T elem = floats && r.nextInt(2) == 0 ? T.F : T.D;
            String name = "u" + i;
            out.append(pad)
                    .append(typeName(elem))
                    .append("[] ")
                    .append(name)
                    .append(" = new ")
                    .append(typeName(elem))
                    .append("[4];\n");
            arrays.add(new Arr(name, elem, true, false));
            if (r.nextBoolean()) {
                out.append(pad)
                        .append(name)
                        .append('[')
                        .append(r.nextInt(4))
                        .append("] = ")
                        .append(assignable(elem, expr(2)))
                        .append(";\n");
            }
        }
        if (has(Feature.BOOLEANS) && r.nextInt(3) == 0) {
            out.append(pad).append("boolean q = ").append(condition()).append(";\n");
            hasQ = true;
        }
        String[] names = {"a", "b", "c"};
        int n = 1 + r.nextInt(3);
        List<Var> scalars = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            T t = floats && r.nextInt(3) == 0 ? T.F : T.D;
            String e = assignable(t, expr(2)).text();
            if (i + 1 < n && has(Feature.DECLARATION_SHAPES) && r.nextInt(4) == 0) {
                // two declarators: the second may read the first
                top.add(new Var(names[i], t, true));
                String e2 = assignable(t, expr(2)).text();
                out.append(pad)
                        .append(typeName(t))
                        .append(' ')
                        .append(names[i])
                        .append(" = ")
                        .append(e)
                        .append(", ")
                        .append(names[i + 1])
                        .append(" = ")
                        .append(e2)
                        .append(";\n");
                top.add(new Var(names[i + 1], t, true));
                scalars.add(top.get(top.size() - 2));
                scalars.add(top.get(top.size() - 1));
                i++;
                continue;
            }
            out.append(pad)
                    .append(typeName(t))
                    .append(' ')
                    .append(names[i])
                    .append(" = ")
                    .append(e)
                    .append(";\n");
            top.add(new Var(names[i], t, true));
            scalars.add(top.get(top.size() - 1));
        }
        scratchPending = has(Feature.SCRATCH_FILLS) && r.nextInt(3) == 0;
        statements(2);
        if (scratchPending) {
            scratchFill(2);
        }
        boolean switchReturn = ctx.extras().contains(Feature.SWITCH_EXPRESSIONS) && r.nextInt(3) == 0;
        if (sig.base().equals("m")) {
            // each feature drawn for the program shows at least once
            for (Feature f : ctx.extras()) {
                if (!ctx.used().contains(f) && !(switchReturn && f == Feature.SWITCH_EXPRESSIONS)) {
                    extra(f, 2);
                }
            }
        }
        // the result reads every top-level local, so that what the body computes matters
        E ret = expr(2);
        for (Var v : scalars) {
            String op = new String[] {" + ", " - ", " * "}[r.nextInt(3)];
            ret = new E(ret.text() + op + v.name(), promote(ret.type(), v.type()));
        }
        if (switchReturn) {
            ctx.used().add(Feature.SWITCH_EXPRESSIONS);
            // return switch (...) { case ... -> ...; default -> ...; }, each arm reading every top-level local
            List<E> arms = new ArrayList<>(List.of(ret));
            int more = 1 + r.nextInt(2);
            for (int j = 0; j < more; j++) {
                E e = expr(2);
                for (Var v : scalars) {
                    String op = new String[] {" + ", " - ", " * "}[r.nextInt(3)];
                    e = new E(e.text() + op + v.name(), promote(e.type(), v.type()));
                }
                arms.add(e);
            }
            List<String> texts = arms.stream().map(this::result).toList();
            out.append(pad).append("return ").append(switchOver(texts, null, 2)).append(";\n");
            return out.toString();
        }
        out.append(pad).append("return ").append(result(ret)).append(";\n");
        return out.toString();
    }

    // ---------------------------------------------------------------- statements

    void statements(int indent) {
        int count = 1 + r.nextInt(4);
        for (int i = 0; i < count && budget > 0; i++) {
            statement(indent);
        }
    }

    void statement(int indent) {
        budget--;
        String pad = "    ".repeat(indent);
        if (scratchPending && loopDepth <= 1 && indent < 7 && r.nextInt(3) == 0) {
            scratchFill(indent);
            return;
        }
        if (!ctx.extras().isEmpty() && indent < 8 && r.nextInt(5) == 0) {
            List<Feature> fs = new ArrayList<>(ctx.extras());
            extra(fs.get(r.nextInt(fs.size())), indent);
            return;
        }
        int kind = r.nextInt(23);
        if (kind < 4) {
            Var v = assignableVar();
            out.append(pad)
                    .append(v.name())
                    .append(" = ")
                    .append(assignable(v.type(), bounded(expr(2 + r.nextInt(2)))))
                    .append(";\n");
        } else if (kind < 7) {
            compound(pad);
        } else if (kind == 7) {
            Var v = assignableVar();
            String self = v.name();
            E f = loopDepth > 0 ? new E("Math.tanh(" + expr(1).text() + ")", T.D) : expr(1);
            out.append(pad)
                    .append(self)
                    .append(" = ")
                    .append(assignable(v.type(), new E(self + " * " + f.text(), promote(v.type(), f.type()))))
                    .append(";\n");
        } else if (kind < 10) {
            arrayWrite(pad);
        } else if (kind < 13 && ifDepth < 3 && indent < 9) {
            ifStatement(indent);
        } else if (kind < 16 && has(Feature.LOOPS) && loopDepth < 3 && indent < 9 && budget > 2) {
            loop(indent);
        } else if (kind == 16 && loopDepth > 0 && jumpy) {
            String cond = r.nextBoolean() && has(Feature.ACTIVE_BRANCHES) ? activeCondition() : passiveCondition();
            out.append(pad)
                    .append("if (")
                    .append(cond)
                    .append(") ")
                    .append(r.nextBoolean() || loopDepth == noContinueAt ? "break" : "continue")
                    .append(";\n");
        } else if (kind == 17 && has(Feature.EARLY_RETURNS) && indent > 2 && (jumpy || loopDepth == 0)) {
            String cond = r.nextBoolean() && has(Feature.ACTIVE_BRANCHES) ? activeCondition() : passiveCondition();
            out.append(pad).append("if (").append(cond).append(") {\n");
            out.append(pad).append("    return ").append(result(expr(2))).append(";\n");
            out.append(pad).append("}\n");
        } else if (kind == 18) {
            if (hasQ && r.nextBoolean()) {
                out.append(pad).append(r.nextBoolean() ? "q = !q;\n" : "q = " + condition() + ";\n");
            } else {
                out.append(pad)
                        .append(r.nextBoolean() ? "k = 3 - k;\n" : "k = (k + " + (1 + r.nextInt(3)) + ") % 4;\n");
            }
        } else if (kind == 19 && indent > 2) {
            // a block-local, used right away
            T t = floats && r.nextInt(3) == 0 ? T.F : T.D;
            String name = freshName();
            out.append(pad)
                    .append(typeName(t))
                    .append(' ')
                    .append(name)
                    .append(" = ")
                    .append(assignable(t, expr(2)))
                    .append(";\n");
            scopes.peek().add(new Var(name, t, true));
            Var v = assignableVar();
            E f = expr(1);
            E inc = loopDepth > 0
                    ? new E("0.5 * Math.tanh(" + name + " * " + f.text() + ")", T.D)
                    : new E(name + " * " + f.text(), promote(t, f.type()));
            out.append(pad)
                    .append(v.name())
                    .append(" += ")
                    .append(assignable(v.type(), inc))
                    .append(";\n");
        } else if (kind == 21 && has(Feature.DECLARATION_SHAPES) && indent < 8) {
            // declared without a value, assigned on both sides of an if, then used
            T t = floats && r.nextInt(3) == 0 ? T.F : T.D;
            String name = freshName();
            out.append(pad)
                    .append(r.nextInt(3) == 0 ? "final " : "")
                    .append(typeName(t))
                    .append(' ')
                    .append(name)
                    .append(";\n");
            out.append(pad).append("if (").append(condition()).append(") {\n");
            out.append(pad)
                    .append("    ")
                    .append(name)
                    .append(" = ")
                    .append(assignable(t, expr(2)))
                    .append(";\n");
            out.append(pad).append("} else {\n");
            out.append(pad)
                    .append("    ")
                    .append(name)
                    .append(" = ")
                    .append(assignable(t, expr(2)))
                    .append(";\n");
            out.append(pad).append("}\n");
            Var v = assignableVar();
            E inc = loopDepth > 0 ? new E("0.5 * Math.tanh(" + name + ")", T.D) : new E(name, t);
            out.append(pad)
                    .append(v.name())
                    .append(" += ")
                    .append(assignable(v.type(), inc))
                    .append(";\n");
            scopes.peek().add(new Var(name, t, false));
        } else if (kind == 20) {
            Var v = assignableVar();
            out.append(pad)
                    .append(v.name())
                    .append(r.nextBoolean() ? "++" : "--")
                    .append(";\n");
        } else {
            Var v = assignableVar();
            E e = expr(2);
            out.append(pad)
                    .append(v.name())
                    .append(" = ")
                    .append(assignable(
                            v.type(), bounded(new E(v.name() + " + " + e.text(), promote(v.type(), e.type())))))
                    .append(";\n");
        }
    }

    void compound(String pad) {
        Var v = assignableVar();
        int op = r.nextInt(4);
        E e;
        String sym;
        if (op == 0 || op == 1) {
            sym = op == 0 ? " += " : " -= ";
            e = loopDepth > 0 ? new E("0.5 * Math.tanh(" + expr(2).text() + ")", T.D) : expr(2);
        } else if (op == 2) {
            sym = " *= ";
            e = new E("(0.75 + 0.25 * Math.tanh(" + expr(2).text() + "))", T.D);
        } else {
            sym = " /= ";
            e = new E("(1.25 + 0.25 * Math.sin(" + expr(2).text() + "))", T.D);
        }
        if (v.type() == T.F && e.type() == T.D && !(has(Feature.NARROWING_COMPOUND) && r.nextBoolean())) {
            e = new E("$c(" + e.text() + ")", T.F);
        }
        out.append(pad).append(v.name()).append(sym).append(e.text()).append(";\n");
    }

    void arrayWrite(String pad) {
        List<Arr> writable = arrays.stream().filter(Arr::writable).toList();
        if (writable.isEmpty()) {
            compound(pad);
            return;
        }
        arrayWrite(pad, writable.get(r.nextInt(writable.size())));
    }

    void arrayWrite(String pad, Arr a) {
        String idx = index();
        int kind = r.nextInt(5);
        if (kind < 2) {
            out.append(pad)
                    .append(a.name())
                    .append('[')
                    .append(idx)
                    .append("] = ")
                    .append(assignable(a.elem(), bounded(expr(2))))
                    .append(";\n");
        } else if (kind == 2) {
            E e = loopDepth > 0 ? new E("0.5 * Math.tanh(" + expr(2).text() + ")", T.D) : expr(2);
            boolean narrow = has(Feature.NARROWING_COMPOUND) && r.nextBoolean();
            out.append(pad)
                    .append(a.name())
                    .append('[')
                    .append(idx)
                    .append("] += ")
                    .append(narrow ? e : assignable(a.elem(), e))
                    .append(";\n");
        } else if (kind == 3 && has(Feature.ELEMENT_INCREMENTS)) {
            out.append(pad)
                    .append(a.name())
                    .append('[')
                    .append(idx)
                    .append(']')
                    .append(r.nextBoolean() ? "++" : "--")
                    .append(";\n");
        } else {
            E e = new E("(0.75 + 0.25 * Math.cos(" + expr(2).text() + "))", T.D);
            out.append(pad)
                    .append(a.name())
                    .append('[')
                    .append(idx)
                    .append("] *= ")
                    .append(assignable(a.elem(), e))
                    .append(";\n");
        }
    }

    void ifStatement(int indent) {
        String pad = "    ".repeat(indent);
        ifDepth++;
        boolean active = has(Feature.ACTIVE_BRANCHES) && r.nextBoolean();
        out.append(pad)
                .append("if (")
                .append(active ? activeCondition() : passiveCondition())
                .append(") {\n");
        block(indent + 1);
        int tail = r.nextInt(4);
        if (tail == 1 || tail == 2) {
            out.append(pad).append("} else {\n");
            block(indent + 1);
        } else if (tail == 3) {
            out.append(pad).append("} else if (").append(condition()).append(") {\n");
            block(indent + 1);
            out.append(pad).append("} else {\n");
            block(indent + 1);
        }
        out.append(pad).append("}\n");
        ifDepth--;
    }

    void block(int indent) {
        scopes.push(new ArrayList<>());
        statements(indent);
        popScope();
    }
}
