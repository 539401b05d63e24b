package dev.adjoint.generator.fuzz;

import static dev.adjoint.generator.fuzz.ProgramGenerator.MODES;

import dev.adjoint.generator.fuzz.ProgramGenerator.Ctx;
import dev.adjoint.generator.fuzz.ProgramGenerator.Feature;
import dev.adjoint.generator.fuzz.ProgramGenerator.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Generates switches: arrow and classic statements, switch expressions, their selectors and labels (see {@link GenState}). */
abstract class SwitchGen extends LoopGen {
    // (what the families above this one generate, called from here)
    abstract void block(int indent);

    SwitchGen(Set<Feature> features, Random r, Ctx ctx, Method sig, List<Method> callees, int budget) {
        super(features, r, ctx, sig, callees, budget);
    }

    /** The selector of a switch: a passive int (0..4), or, with active branches, an int from an active value. */
    String selector() {
        keyed = keyDeclared && r.nextInt(4) == 0;
        if (keyed) {
            return "key"; // labels() writes its cases as strings
        }
        moded = keyDeclared && r.nextInt(3) == 0;
        if (moded) {
            return "mode"; // and as the enum's constants
        }
        passive++;
        try {
            int kind = r.nextInt(5);
            if (kind == 0 && has(Feature.ACTIVE_BRANCHES)) {
                List<Var> vs = realVars();
                Var v = vs.get(r.nextInt(vs.size()));
                return "(int) (4 + 2 * " + v.name() + ") % 4";
            }
            return kind == 1 ? "n" : kind == 2 ? "n % 3" : index();
        } finally {
            passive--;
        }
    }

    /** Case labels: one to three groups of one or two of 0..4 ("a".."e" after a String selector, ZERO..FOUR after an enum one). */
    List<String> labels() {
        List<Integer> all = new ArrayList<>(List.of(0, 1, 2, 3, 4));
        java.util.Collections.shuffle(all, r);
        int groups = 1 + r.nextInt(3);
        List<String> out = new ArrayList<>();
        int at = 0;
        for (int g = 0; g < groups; g++) {
            int size = Math.min(1 + r.nextInt(2), all.size() - at);
            out.add(String.join(
                    ", ",
                    all.subList(at, at + size).stream()
                            .map(i -> keyed ? "\"" + (char) ('a' + i) + "\"" : moded ? MODES.get(i) : String.valueOf(i))
                            .toList()));
            at += size;
        }
        return out;
    }

    /** A switch statement in arrow form; arms of one statement or blocks. */
    void arrowSwitch(int indent) {
        String pad = "    ".repeat(indent);
        out.append(pad).append("switch (").append(selector()).append(") {\n");
        List<String> labels = new ArrayList<>(labels());
        if (r.nextInt(3) != 0) {
            labels.add("default");
        }
        for (String l : labels) {
            out.append(pad)
                    .append("    ")
                    .append(l.equals("default") ? "default" : "case " + l)
                    .append(" -> ");
            if (r.nextBoolean()) {
                Var v = assignableVar();
                if (r.nextBoolean()) {
                    out.append(v.name())
                            .append(" = ")
                            .append(assignable(v.type(), bounded(expr(2))))
                            .append(";\n");
                } else {
                    E e = loopDepth > 0 ? new E("0.5 * Math.tanh(" + expr(2).text() + ")", T.D) : expr(2);
                    out.append(v.name())
                            .append(" += ")
                            .append(assignable(v.type(), e))
                            .append(";\n");
                }
            } else {
                out.append("{\n");
                if (keyDeclared && r.nextInt(3) == 0) {
                    // the String or enum selector assigned again: saved on the reference stack where a loop overwrites
                    // it
                    passive++;
                    String i = index();
                    passive--;
                    out.append(pad)
                            .append("        ")
                            .append(
                                    r.nextBoolean()
                                            ? "key = (" + i
                                                    + ") % 2 == 0 ? \"b\" : key.equals(\"a\") ? \"c\" : \"a\";\n"
                                            : "mode = (" + i
                                                    + ") % 3 == 0 ? Mode.TWO : mode == Mode.ONE ? Mode.FOUR : Mode.ONE;\n");
                }
                ifDepth++;
                block(indent + 2);
                ifDepth--;
                out.append(pad).append("    }\n");
            }
        }
        out.append(pad).append("}\n");
    }

    /**
     * {@code switch (selector) { case ... -> arm; ... default -> arm; }} over {@code arms} (texts of the target's type;
     * {@code target} null: already converted), the last one the default; now and then an arm is a block that yields.
     */
    String switchOver(List<String> arms, T target, int indent) {
        String pad = "    ".repeat(indent);
        StringBuilder s = new StringBuilder("switch (" + selector() + ") {\n");
        List<String> labels = labels();
        for (int i = 0; i < arms.size(); i++) {
            String label = i == arms.size() - 1 ? "default" : "case " + labels.get(i % labels.size());
            if (i > 0 && i == labels.size() && i < arms.size() - 1) {
                break;
            }
            s.append(pad).append("    ").append(label).append(" -> ");
            if (target != null && r.nextInt(3) == 0) {
                // a block: a local of its own, then yield
                scopes.push(new ArrayList<>());
                // (not freshName(): the switch may be the initializer of a t0 declared next, whose scope holds it)
                String t = unique("ty");
                s.append("{\n");
                s.append(pad)
                        .append("        double ")
                        .append(t)
                        .append(" = ")
                        .append(expr(2).text())
                        .append(";\n");
                scopes.peek().add(new Var(t, T.D, false));
                E f = expr(1);
                s.append(pad)
                        .append("        yield ")
                        .append(assignable(target, bounded(new E(arms.get(i) + " + " + t + " * " + f.text(), T.D))))
                        .append(";\n");
                s.append(pad).append("    }\n");
                popScope();
            } else {
                s.append(arms.get(i)).append(";\n");
            }
        }
        if (!s.toString().contains("default -> ")) {
            s.append(pad)
                    .append("    default -> ")
                    .append(arms.get(arms.size() - 1))
                    .append(";\n");
        }
        return s.append(pad).append("}").toString();
    }

    /** {@code T t = switch ...;} then used, or {@code v = switch ...;}, or {@code v += 0.5 * Math.tanh(switch ...);}. */
    void switchExpression(int indent) {
        String pad = "    ".repeat(indent);
        int arms = 2 + r.nextInt(3);
        if (r.nextInt(3) == 0
                && !ctx.extras().contains(Feature.SIDE_EFFECT_EXPRESSIONS)
                && !ctx.extras().contains(Feature.UNLOWERED_SIDE_EFFECTS)) {
            // inside a larger expression: the desugar pass runs it first, into a local (nothing before it has an
            // effect)
            Var v = assignableVar();
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < arms; i++) {
                // (a double literal operand types the arm for the desugar pass, whatever the rest calls)
                texts.add("0.25 + (" + assignable(T.D, bounded(expr(2))).text() + ")");
            }
            // now and then an arm assigns the target, which Java read for += before the switch ran, or the switch
            // stands in a ?: branch (it runs only when the condition holds)
            String sw = r.nextInt(3) == 0 ? assigningSwitch(v, texts, indent) : switchOver(texts, T.D, indent);
            String value = r.nextInt(4) == 0 ? "(" + condition() + " ? " + sw + " : 0.25)" : sw;
            E inc = new E("0.5 * Math.tanh(" + value + ")", T.D);
            out.append(pad)
                    .append(v.name())
                    .append(" += ")
                    .append(assignable(v.type(), inc))
                    .append(";\n");
            return;
        }
        if (r.nextBoolean()) {
            T t = floats && r.nextInt(3) == 0 ? T.F : T.D;
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < arms; i++) {
                texts.add(assignable(t, bounded(expr(2))).text());
            }
            String sw = switchOver(texts, t, indent);
            String name = freshName();
            out.append(pad)
                    .append(typeName(t))
                    .append(' ')
                    .append(name)
                    .append(" = ")
                    .append(sw)
                    .append(";\n");
            scopes.peek().add(new Var(name, t, true));
            Var v = assignableVar();
            E inc = loopDepth > 0 ? new E("0.5 * Math.tanh(" + name + ")", T.D) : new E(name, t);
            out.append(pad)
                    .append(v.name())
                    .append(" += ")
                    .append(assignable(v.type(), inc))
                    .append(";\n");
        } else {
            Var v = assignableVar();
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < arms; i++) {
                E e = expr(2);
                texts.add(assignable(
                                v.type(),
                                bounded(
                                        r.nextBoolean()
                                                ? e
                                                : new E(v.name() + " + " + e.text(), promote(v.type(), e.type()))))
                        .text());
            }
            out.append(pad)
                    .append(v.name())
                    .append(" = ")
                    .append(switchOver(texts, v.type(), indent))
                    .append(";\n");
        }
    }

    /** {@code switch (selector) { case L -> { v = e; yield arm0; } default -> arm1; }}: an arm that assigns {@code v}. */
    private String assigningSwitch(Var v, List<String> arms, int indent) {
        String pad = "    ".repeat(indent);
        StringBuilder s = new StringBuilder("switch (" + selector() + ") {\n");
        String label = labels().get(0);
        s.append(pad).append("    case ").append(label).append(" -> {\n");
        s.append(pad)
                .append("        ")
                .append(v.name())
                .append(" = ")
                .append(assignable(v.type(), bounded(expr(2))).text())
                .append(";\n");
        s.append(pad).append("        yield ").append(arms.get(0)).append(";\n");
        s.append(pad).append("    }\n");
        s.append(pad).append("    default -> ").append(arms.get(1)).append(";\n");
        return s.append(pad).append("}").toString();
    }

    /**
     * A classic switch statement: groups of {@code case} labels ({@code case 1: case 2:} or {@code case 1, 2:}, the
     * default anywhere), each with statements and a final {@code break}, or none (it falls into the next group), some
     * with a {@code break} under an {@code if}.
     */
    void classicSwitch(int indent) {
        String pad = "    ".repeat(indent);
        String in = pad + "        ";
        out.append(pad).append("switch (").append(selector()).append(") {\n");
        List<String> groups = new ArrayList<>(labels());
        if (r.nextInt(3) != 0) {
            groups.add(r.nextInt(groups.size() + 1), "default");
        }
        Set<String> outer = new java.util.HashSet<>(switchLocals);
        for (int g = 0; g < groups.size(); g++) {
            String l = groups.get(g);
            boolean last = g == groups.size() - 1;
            if (l.equals("default")) {
                out.append(pad).append("    default:\n");
            } else if (l.contains(",") && r.nextBoolean()) {
                for (String one : l.split(", ")) {
                    out.append(pad).append("    case ").append(one).append(":\n");
                }
            } else {
                out.append(pad).append("    case ").append(l).append(":\n");
            }
            scopes.push(new ArrayList<>());
            ifDepth++;
            caseStatement(in);
            int shape = r.nextInt(4);
            if (shape == 0) {
                // a break under an if, then more of the case
                String cond = condition();
                if (r.nextBoolean()) {
                    out.append(in).append("if (").append(cond).append(") break;\n");
                } else {
                    out.append(in).append("if (").append(cond).append(") {\n");
                    caseStatement(in + "    ");
                    out.append(in).append("    break;\n");
                    if (r.nextBoolean()) {
                        out.append(in).append("} else {\n");
                        caseStatement(in + "    ");
                    }
                    out.append(in).append("}\n");
                }
                caseStatement(in);
            } else if (shape == 1 && indent < 7) {
                statements(indent + 2);
            }
            scopes.peek().forEach(v -> switchLocals.add(v.name()));
            popScope();
            ifDepth--;
            if (!last && r.nextInt(3) == 0) {
                out.append(in).append("// falls through\n");
            } else if (!last || r.nextBoolean()) {
                out.append(in).append("break;\n");
            }
        }
        out.append(pad).append("}\n");
        switchLocals = outer;
    }

    /** {@code v = e;} or {@code v += e;}: one statement of a case. */
    void caseStatement(String pad) {
        Var v = assignableVar();
        out.append(pad).append(v.name());
        if (r.nextBoolean()) {
            out.append(" = ").append(assignable(v.type(), bounded(expr(2)))).append(";\n");
        } else {
            E e = loopDepth > 0 ? new E("0.5 * Math.tanh(" + expr(2).text() + ")", T.D) : expr(2);
            out.append(" += ").append(assignable(v.type(), e)).append(";\n");
        }
    }
}
